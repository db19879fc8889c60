# fixture-path: mysite/settings.py
INSTALLED_APPS = ["corsheaders"]
# ruleid: python.django.cors-allow-all-credentials
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
# ok: python.django.cors-allow-all-credentials
CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
