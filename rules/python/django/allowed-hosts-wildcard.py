# ruleid: python.django.allowed-hosts-wildcard
ALLOWED_HOSTS = ["*"]
# ruleid: python.django.allowed-hosts-wildcard
ALLOWED_HOSTS = ("example.org", '*')
# ok: python.django.allowed-hosts-wildcard
ALLOWED_HOSTS = ["example.org", "*.example.org"]
# ok: python.django.allowed-hosts-wildcard
CORS_ORIGINS = ["*"]
