from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators import csrf


# ruleid: python.django.csrf-exempt
@csrf_exempt
def change_email(request):
    return None


# ruleid: python.django.csrf-exempt
@csrf.csrf_exempt
def change_password(request):
    return None


# ok: python.django.csrf-exempt
@csrf_protect
def profile(request):
    return None
