import requests
import httpx


def fetch(url, session):
    # ruleid: python.transport.requests-verify-false
    requests.get(url, verify=False)
    # ruleid: python.transport.requests-verify-false
    client = httpx.Client(verify=False)
    # ok: python.transport.requests-verify-false
    requests.get(url, verify="/etc/ssl/certs/internal-ca.pem")
    # ok: python.transport.requests-verify-false
    session.post(url, verify=True, allow_redirects=False)
    return client
