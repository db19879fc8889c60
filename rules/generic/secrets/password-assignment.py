DATABASES = {
    "default": {
        # ruleid: generic.secrets.password-assignment
        "PASSWORD": "Tr0ub4dor&3",
    }
}
# ruleid: generic.secrets.password-assignment
smtp_password = 'kE9#mq2!Lx'
# ruleid: generic.secrets.password-assignment
EMAIL_HOST_PASSWORD = "p4ssW0rd2019"
# ok: generic.secrets.password-assignment
db_password = "changeme"
# ok: generic.secrets.password-assignment
api_password = "${DB_PASSWORD}"
# ok: generic.secrets.password-assignment
admin_password = "<password>"
# ok: generic.secrets.password-assignment
DB_PASSWORD = "insecure"
# ok: generic.secrets.password-assignment
LDAP_PASSWORD = "xxxxxxxx"
# ok: generic.secrets.password-assignment
password = os.environ["DB_PASSWORD"]
# ok: generic.secrets.password-assignment
if password == "abcdefgh":
    pass
# A form field's name and label are words, not a password.
# ok: generic.secrets.password-assignment
PASSWORD_FIELD = "new_password"
# ok: generic.secrets.password-assignment
LOCATOR_PASSPHRASE = 'passphrase'
# A fixture user's password hash is generic.secrets.password-hash, a note.
# ok: generic.secrets.password-assignment
ADMIN = {"username": "admin", "password": "pbkdf2_sha256$260000$Zr2Lw9Xk3Vn7$q8Zr2Lw9Xk3Vn7TbQw2Er5Ty8Ui1Op4As7Df0GhJk3L="}
# ok: generic.secrets.password-assignment
PASSWORD_RESET_TIMEOUT = "259200"
