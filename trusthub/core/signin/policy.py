"""Who must use two-step verification, and what a signed-in session still has to do.

ADMIN_MFA_REQUIRED (on in production) makes it required for superusers and for members of the
groups named in ADMIN_MFA_REQUIRED_GROUPS (the Data Protection Officer's by default; the group
names come from settings, as this bottom layer imports no other app). Anyone else may set it up;
once they have, every sign-in asks for a code too.
"""

from django.conf import settings
from django_otp import user_has_device

VERIFY = "verify"
SET_UP = "set up"


def required_for(user):
    if not settings.ADMIN_MFA_REQUIRED or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    groups = settings.ADMIN_MFA_REQUIRED_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def pending_step(user):
    """VERIFY: the user has set up two-step verification and this session has not passed it;
    SET_UP: it is required of them and they have not set it up yet; None: nothing to do."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user):
        return VERIFY
    if required_for(user):
        return SET_UP
    return None
