import hashlib


def store(password, blob):
    # ruleid: python.crypto.weak-hash
    digest = hashlib.md5(password.encode()).hexdigest()
    # ruleid: python.crypto.weak-hash
    sig = hashlib.sha1(blob)
    # ok: python.crypto.weak-hash
    etag = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    # ok: python.crypto.weak-hash
    strong = hashlib.sha256(blob)
    return digest, sig, etag, strong
