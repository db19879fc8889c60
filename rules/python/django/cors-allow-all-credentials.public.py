# A public, read-only API: any origin, no cookies.
# ok: python.django.cors-allow-all-credentials
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
