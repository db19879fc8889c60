import paramiko


def connect(host):
    client = paramiko.SSHClient()
    # ruleid: python.transport.paramiko-auto-add-policy
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    # ruleid: python.transport.paramiko-auto-add-policy
    client.set_missing_host_key_policy(paramiko.WarningPolicy)
    # ok: python.transport.paramiko-auto-add-policy
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.load_host_keys("deploy/known_hosts")
    client.connect(host)
    return client
