import random
import secrets

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def make(user):
    # ruleid: python.crypto.insecure-random-token
    reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
    # ruleid: python.crypto.insecure-random-token
    user.session_id = random.getrandbits(128)
    # ok: python.crypto.insecure-random-token
    good_token = secrets.token_urlsafe(32)
    # ok: python.crypto.insecure-random-token
    jitter = random.random()
    return reset_token, good_token, jitter
