import os

# ruleid: python.django.secret-key-literal
SECRET_KEY = "k#9v!x2@qz7m$w4p8r1t6y3u0i5o-e^a&s*d(f)g"
# ok: python.django.secret-key-literal
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ok: python.django.secret-key-literal
SECRET_KEY = "django-insecure-changeme"
# ok: python.django.secret-key-literal
JWT_SECRET_KEY_NAME = "jwt-signing-key-name"
