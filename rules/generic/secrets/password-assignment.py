DATABASES = {
    "default": {
        # ruleid: generic.secrets.password-assignment
        "PASSWORD": "Tr0ub4dor&3",
    }
}
# ruleid: generic.secrets.password-assignment
smtp_password = 'kE9#mq2!Lx'
# ok: generic.secrets.password-assignment
db_password = "changeme"
# ok: generic.secrets.password-assignment
api_password = "${DB_PASSWORD}"
# ok: generic.secrets.password-assignment
admin_password = "<password>"
# ok: generic.secrets.password-assignment
password = os.environ["DB_PASSWORD"]
# ok: generic.secrets.password-assignment
if password == "abcdefgh":
    pass
