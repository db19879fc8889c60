import jwt


def claims(token, public_key):
    # ruleid: python.crypto.jwt-decode-no-verify
    unsafe = jwt.decode(token, options={"verify_signature": False})
    # ruleid: python.crypto.jwt-decode-no-verify
    old = jwt.decode(token, verify=False)
    # ok: python.crypto.jwt-decode-no-verify
    safe = jwt.decode(token, public_key, algorithms=["RS256"])
    # ok: python.crypto.jwt-decode-no-verify
    header = jwt.get_unverified_header(token)
    return unsafe, old, safe, header
