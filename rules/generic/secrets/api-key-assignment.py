# settings.py of a Django project
# ruleid: generic.secrets.api-key-assignment
SECRET_KEY = "w9$k2!x#p7(qz)4m&v8=n1+r6t^b3-h5_j0@yc"
# django-admin startproject marks its development keys as insecure.
# ok: generic.secrets.api-key-assignment
SECRET_KEY = "django-insecure-w9$k2!x#p7(qz)4m&v8=n1+r6t^b3-h5_j0@yc"
# ok: generic.secrets.api-key-assignment
SECRET_KEY = os.environ["SECRET_KEY"]
# ok: generic.secrets.api-key-assignment
CSRF_COOKIE_NAME_TOKEN = "csrftoken_admin_site"
# A key of a known format is reported once, by its own rule (generic.secrets.gcp-api-key).
# ok: generic.secrets.api-key-assignment
GOOGLE_MAP_API_KEY = "AIzaSyB3k9Qw7Er2Ty6Ui0Op4As8Df1Gh5Jk9Lz"
