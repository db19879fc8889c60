import tempfile


def export(data):
    # ruleid: python.security.tempfile-mktemp
    path = tempfile.mktemp(suffix=".csv")
    # ok: python.security.tempfile-mktemp
    fd, other = tempfile.mkstemp(suffix=".csv")
    # ok: python.security.tempfile-mktemp
    with tempfile.NamedTemporaryFile("w", delete=False) as f:
        f.write(data)
    return path, fd, other
