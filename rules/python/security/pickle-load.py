import json
import pickle
import marshal


def restore(request, path):
    # ruleid: python.security.pickle-load
    session = pickle.loads(request.body)
    with open(path, "rb") as f:
        # ruleid: python.security.pickle-load
        code = marshal.load(f)
    # ok: python.security.pickle-load
    data = pickle.dumps(session)
    # ok: python.security.pickle-load
    parsed = json.loads(request.body)
    return session, code, data, parsed
