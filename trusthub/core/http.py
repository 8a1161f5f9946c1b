"""Small HTTP helpers shared by the apps' public views."""

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe


def read_only(view):
    """A public view that only reads: GET and HEAD, anything else 405 with `Allow`. It changes
    nothing, so it needs no CSRF check, and an unsafe method gets its 405 rather than the CSRF
    check's 403."""
    return csrf_exempt(require_safe(view))
