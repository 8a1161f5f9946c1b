"""Two-step verification between the password and the admin.

A signed-in user who has set up two-step verification, or of whom it is required, and whose
session has not passed it, is sent to enter a code (or to set it up) from any page but these
steps themselves, signing out and the admin's static helpers. Until then the session opens
nothing that needs signing in: not the admin, previews, nor private documents. Must come after
django_otp's OTPMiddleware, which tells whether the session has passed it.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from . import policy

# Views a signed-in user may always reach: signing in and out, the code step, static helpers.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "mfa_verify",
}
# ... and, while it is required of them and they have none, setting it up.
OPEN_FOR_SET_UP = ALWAYS_OPEN | {"mfa_setup"}


class TwoStepMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._detour(request) or self.get_response(request)

    @staticmethod
    def _detour(request):
        # Visitors without a session are never signed in: nothing to look up.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        step = policy.pending_step(request.user)
        request.two_step_pending = step
        if step is None:
            return None
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            name = None
        if name in (OPEN_FOR_SET_UP if step == policy.SET_UP else ALWAYS_OPEN):
            return None
        target = reverse("mfa_verify" if step == policy.VERIFY else "mfa_setup")
        # Back to the page asked for afterwards; after a form post, to the dashboard.
        next_url = (
            request.get_full_path()
            if request.method in ("GET", "HEAD")
            else reverse("wagtailadmin_home")
        )
        return redirect_to_login(next_url, login_url=target)
