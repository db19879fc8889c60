import subprocess


def build(archive, name):
    # ruleid: python.security.subprocess-shell-true
    subprocess.run("tar xf " + archive, shell=True)
    # ruleid: python.security.subprocess-shell-true
    subprocess.check_output(f"grep {name} /etc/passwd", shell=True, text=True)
    cmd = "ls " + name
    # ruleid: python.security.subprocess-shell-true
    subprocess.Popen(cmd, shell=True)
    # ok: python.security.subprocess-shell-true
    subprocess.run(["tar", "xf", archive], check=True)
    # ok: python.security.subprocess-shell-true
    subprocess.run("make clean", shell=True)
    # ok: python.security.subprocess-shell-true
    subprocess.run(cmd, shell=False)
