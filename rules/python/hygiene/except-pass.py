import contextlib
import os


def cleanup(path):
    try:
        os.remove(path)
    # ruleid: python.hygiene.except-pass
    except:
        pass
    try:
        os.remove(path)
    # ruleid: python.hygiene.except-pass
    except Exception:
        ...
    try:
        os.remove(path)
    # ok: python.hygiene.except-pass
    except FileNotFoundError:
        pass
    try:
        os.remove(path)
    # ok: python.hygiene.except-pass
    except Exception:
        log_failure(path)
        pass
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)
