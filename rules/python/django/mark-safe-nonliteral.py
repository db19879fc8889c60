from django.utils.html import format_html
from django.utils.safestring import mark_safe


def badge(user):
    # ruleid: python.django.mark-safe-nonliteral
    bad = mark_safe(f"<b>{user.name}</b>")
    # ruleid: python.django.mark-safe-nonliteral
    worse = mark_safe("<i>" + user.bio + "</i>")
    # ok: python.django.mark-safe-nonliteral
    fine = mark_safe("<hr>")
    # ok: python.django.mark-safe-nonliteral
    best = format_html("<b>{}</b>", user.name)
    return bad, worse, fine, best
