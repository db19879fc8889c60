import os


def convert(upload):
    # ruleid: python.security.os-system
    os.system("convert " + upload + " out.png")
    # ruleid: python.security.os-system
    listing = os.popen(f"ls {upload}").read()
    # ok: python.security.os-system
    os.system("sync")
    # ok: python.security.os-system
    os.path.join(upload, "x")
    return listing
