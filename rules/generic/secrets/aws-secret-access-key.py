# ruleid: generic.secrets.aws-secret-access-key
aws_secret_access_key = "k9Vt2PqX7mRz4LwB8nYc1HsJ6dFg3TaE5uKo0iQe"
config = {
    # ruleid: generic.secrets.aws-secret-access-key
    "AWS_SECRET_KEY": "Zr8Qw2Xk5Vn9Tb3Lm7Pc1Hs4Jd6Fg0Ya8Ue2Io5R",
}
# ok: generic.secrets.aws-secret-access-key
aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
# ok: generic.secrets.aws-secret-access-key
aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]
# ok: generic.secrets.aws-secret-access-key
aws_secret_access_key = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
