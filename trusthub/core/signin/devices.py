"""Authenticator apps (django-otp TOTP devices) and one-time recovery codes (a static device
with its tokens): setting them up, checking a code, replacing and removing them.

A 6-digit code is checked against the user's authenticator app, anything else against their
recovery codes, so each keeps its own throttle (django-otp's: after n wrong codes the next one
is not checked for 2^(n-1) seconds, OTP_TOTP_THROTTLE_FACTOR / OTP_STATIC_THROTTLE_FACTOR).
"""

import logging
import math
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

log = logging.getLogger("trusthub.signin")

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
_SEPARATORS = re.compile(r"[\s-]+")


@dataclass
class Check:
    """The outcome of checking a code: the device that accepted it; or, when the code was not
    even checked because of earlier wrong ones, how many seconds to wait (`wait`)."""

    device: object = None
    wait: int = 0

    @property
    def accepted(self):
        return self.device is not None

    @property
    def recovery_code(self):
        return isinstance(self.device, StaticDevice)


def normalise(code):
    """What was typed, as stored: no spaces or hyphens, lower case ("K3J5-X7PQ" → "k3j5x7pq")."""
    return _SEPARATORS.sub("", code or "").lower()


def is_totp_code(code):
    return len(code) == 6 and code.isdigit()


def authenticator(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_authenticator(user):
    """The authenticator being set up (not confirmed yet), kept while the user scans its QR code
    and types a code, so that reloading the page does not change the secret."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def _wait(device):
    allowed, details = device.verify_is_allowed()
    if allowed:
        return 0
    return max(1, math.ceil((details["locked_until"] - timezone.now()).total_seconds()))


def confirm_authenticator(user, device, code):
    """Confirm the pending `device` with a code from the app: it replaces any authenticator the
    user had, and the user gets a new set of recovery codes. Returns (Check, codes)."""
    code = normalise(code)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        wait = _wait(device)
        if wait:
            return Check(wait=wait), []
        if not (is_totp_code(code) and device.verify_token(code)):
            log.warning("Two-step set-up: wrong code for %s", user.get_username())
            return Check(), []
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(user)
    log.info("Two-step verification set up for %s", user.get_username())
    return Check(device=device), codes


def new_recovery_codes(user):
    """RECOVERY_CODE_COUNT new one-time codes for `user`; any earlier ones stop working."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
        )
        StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    log.info("New recovery codes for %s", user.get_username())
    return codes


def check_code(user, code):
    """Check a code typed at the verification step: a 6-digit code against the user's
    authenticator app, anything else against their unused recovery codes (a recovery code works
    once). Wrong codes slow down further checks of that kind (django-otp's throttling)."""
    code = normalise(code)
    kind = TOTPDevice if is_totp_code(code) else StaticDevice
    with transaction.atomic():
        devices = kind.objects.devices_for_user(user, confirmed=True).select_for_update()
        waits = []
        for device in devices:
            wait = _wait(device)
            if wait:
                waits.append(wait)
            elif code and device.verify_token(code):
                if kind is StaticDevice:
                    log.warning(
                        "Recovery code used by %s (%d left)",
                        user.get_username(),
                        recovery_codes_left(user),
                    )
                return Check(device=device)
        if waits:
            return Check(wait=min(waits))
    log.warning("Two-step verification: wrong code for %s", user.get_username())
    return Check()


def remove_all(user):
    """Turn two-step verification off for `user`: their authenticator and recovery codes go."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    log.warning("Two-step verification turned off for %s", user.get_username())
