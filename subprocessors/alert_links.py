"""The words and links of email alerts: the consent sentence, and each subscriber's confirm,
manage and unsubscribe addresses (absolute, from WAGTAILADMIN_BASE_URL: emails have no request).

Shared by the subscription pages (`subscriptions`) and the senders (`deliveries`).
"""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop

# The exact sentence shown next to the subscribe button, and stored on each subscriber as the
# wording agreed to. Change it here only: the form and the consent record both read this, in
# the visitor's language, through `consent_wording()`.
CONSENT_WORDING = gettext_noop(
    "I agree to be emailed about changes to who processes data for the products I chose, and "
    "for my email address, school name and role to be kept for that purpose only. "
    "I can unsubscribe at any time from the link in every email."
)


def consent_wording():
    """CONSENT_WORDING in the active language: as shown next to the button, and as stored."""
    return gettext(CONSENT_WORDING)


# A confirmation link works for 7 days; after that, subscribing again sends a new one.
CONFIRMATION_MAX_AGE = datetime.timedelta(days=7)
_CONFIRM_SALT = "subprocessors.alerts.confirm"


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirmation_key(subscriber):
    """The signed, timestamped value in a confirmation link."""
    return signing.TimestampSigner(salt=_CONFIRM_SALT).sign(subscriber.token)


def token_from_confirmation_key(key):
    """The subscriber token in a confirmation link. Raises signing.SignatureExpired (older
    than 7 days) or signing.BadSignature (forged or mangled)."""
    return signing.TimestampSigner(salt=_CONFIRM_SALT).unsign(key, max_age=CONFIRMATION_MAX_AGE)


def confirm_url(subscriber):
    return absolute(reverse("subprocessors:alerts_confirm", args=[confirmation_key(subscriber)]))


def manage_url(subscriber):
    return absolute(reverse("subprocessors:alerts_manage", args=[subscriber.token]))


def unsubscribe_url(subscriber):
    return absolute(reverse("subprocessors:alerts_unsubscribe", args=[subscriber.token]))


def unsubscribe_headers(subscriber):
    """RFC 2369 + RFC 8058: one-click unsubscribe by POST to the link, no login or cookie."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
