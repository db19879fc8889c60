import ssl


def contexts():
    # ruleid: python.transport.ssl-unverified-context
    ctx = ssl._create_unverified_context()
    other = ssl.create_default_context()
    # ruleid: python.transport.ssl-unverified-context
    other.check_hostname = False
    # ruleid: python.transport.ssl-unverified-context
    other.verify_mode = ssl.CERT_NONE
    # ok: python.transport.ssl-unverified-context
    other.verify_mode = ssl.CERT_REQUIRED
    # ok: python.transport.ssl-unverified-context
    good = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")
    return ctx, other, good
