"""The wrong-password lockout (django-axes): which client a request comes from, what a
successful sign-in clears, and the page a locked-out sign-in gets.

Settings (settings/base.py): AXES_FAILURE_LIMIT failures within AXES_COOLOFF_TIME by one
username, from anywhere, or from one client address, whatever usernames it tries, lock that
username or that client out until the cool-off has passed since the last counted failure.
"""

import ipaddress
import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import ngettext


def client_ip(request):
    """The client's address (AXES_CLIENT_IP_CALLABLE). Behind the caching proxy every request
    comes from 127.0.0.1, so this reads the header the proxy sets, named by RATELIMIT_IP_META_KEY
    as for the rate limits (e.g. HTTP_X_CLIENT_IP with deploy/varnish.vcl). Without that setting,
    or when the header is missing or not an IP address, it is the connection's address."""
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    if isinstance(key, str) and key:
        try:
            return str(ipaddress.ip_address(request.META.get(key, "").strip()))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR")


class SignInAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler, except that a successful sign-in clears only the failures of that
    username from that client: the owner's own typing mistakes. Axes' AXES_RESET_ON_SUCCESS
    would clear every failure from the client, so an editor could earn more guesses at the DPO's
    password by signing in to their own account in between."""

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(
            username=user.get_username(), ip_address=request.axes_ip_address
        ).delete()


def duration(seconds):
    """ "15 minutes", "1 minute", "30 seconds": how long a lockout lasts, in words."""
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def locked_out(request, original_response=None, credentials=None):
    """The answer to a sign-in refused by the lockout (AXES_LOCKOUT_CALLABLE): a page in the
    style of the admin's sign-in page that says what happened and for how long, with HTTP 429
    and Retry-After. It never says whether the username exists."""
    seconds = int(get_cool_off(request).total_seconds())
    response = render(
        request,
        "wagtailadmin/login_locked.html",
        {
            "wait": duration(seconds),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "sign_in_url": request.path,
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response
