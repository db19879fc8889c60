# fixture-path: mysite/settings.py
import os

# ruleid: python.django.debug-true
DEBUG = True
# ok: python.django.debug-true
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ok: python.django.debug-true
TEMPLATE_DEBUG = True


def configure(options):
    # ok: python.django.debug-true
    DEBUG = True
    return DEBUG
