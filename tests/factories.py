"""Helpers for the cross-app tests: two-step verification as an authenticator app sees it."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from trusthub.core.signin import devices


def code(device, steps=0):
    """What an authenticator app shows for `device`, `steps` time steps from now."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    right = {code(device, s) for s in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def enrolled(user):
    """`user` with an authenticator app and ten recovery codes, as after setting it up."""
    device = TOTPDevice.objects.create(user=user, name=devices.AUTHENTICATOR_NAME)
    return device, devices.new_recovery_codes(user)


def time_passes(user):
    """Long enough that wrong codes no longer hold up the next check (django-otp's throttle)."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(throttling_failure_timestamp=None)
