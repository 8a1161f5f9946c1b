"""Two-step verification for the admin (issue 14, item 2): an authenticator app (TOTP) and
one-time recovery codes, required in production for the DPO and administrators, optional for
other editors, and not required under `make run`. Codes are computed from the device's key as
an authenticator app would."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from subprocessors import roles
from tests.factories import code, enrolled, time_passes, wrong_code

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a-long-local-password"
SET_UP = "/admin/two-step/set-up/"
VERIFY = "/admin/two-step/verify/"
MANAGE = "/admin/two-step/"
NEW_CODES = "/admin/two-step/recovery-codes/"
WRONG = "That code is not right"
TOO_MANY = "Too many wrong codes"
# Admin pages (and a public one) that a session short of its second step must not reach.
GUARDED = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/account/", MANAGE, "/"]


@pytest.fixture
def required(settings):
    """Production's setting: two-step verification required for the DPO and superusers."""
    settings.ADMIN_MFA_REQUIRED = True
    return settings


def account(django_user_model, username, group=None, superuser=False):
    make = (
        django_user_model.objects.create_superuser
        if superuser
        else (django_user_model.objects.create_user)
    )
    user = make(username, f"{username}@example.org", PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def dpo(django_user_model):
    return account(django_user_model, "dpo-2sv", roles.DPO)


@pytest.fixture
def editor(django_user_model):
    return account(django_user_model, "editor-2sv", roles.EDITOR)


def sign_in(user, next_url="/admin/"):
    """A client after the password step, through the sign-in form."""
    client = Client()
    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def assert_sent_to(client, target):
    for path in GUARDED:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(target + "?next="), (path, response["Location"])


def shown_codes(response):
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", response.content.decode())


def test_an_unenrolled_dpo_is_sent_to_set_up_and_reaches_no_admin_page(required, dpo):
    client = sign_in(dpo)
    assert_sent_to(client, SET_UP)
    page = client.get(SET_UP)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Your account needs two-step verification" in body
    assert "<svg" in body and 'aria-label="QR code' in body
    device = TOTPDevice.objects.get(user=dpo, confirmed=False)
    # The key for typing in by hand, in groups of four.
    assert re.search(r"<code>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>", body)
    # Reloading keeps the same key (the app may already have scanned it).
    client.get(SET_UP)
    assert TOTPDevice.objects.get(user=dpo, confirmed=False).key == device.key


def test_setting_up_with_a_right_code_turns_it_on_and_shows_recovery_codes_once(required, dpo):
    client = sign_in(dpo)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=dpo, confirmed=False)
    response = client.post(SET_UP, {"code": code(device)})
    assert response.status_code == 200
    assert "Two-step verification is on" in response.content.decode()
    codes = shown_codes(response)
    assert len(codes) == 10
    stored = set(StaticToken.objects.filter(device__user=dpo).values_list("token", flat=True))
    assert {c.replace("-", "") for c in codes} == stored
    device.refresh_from_db()
    assert device.confirmed
    # This session has passed: the admin opens.
    assert client.get("/admin/").status_code == 200
    # The codes are never shown again.
    assert client.get(NEW_CODES).status_code == 302
    assert shown_codes(client.get(MANAGE)) == []


def test_a_wrong_code_at_set_up_is_refused_and_wrong_codes_are_throttled(required, dpo):
    required.OTP_TOTP_THROTTLE_FACTOR = 60  # one wrong code: the next is not checked for 60 s
    client = sign_in(dpo)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=dpo, confirmed=False)
    response = client.post(SET_UP, {"code": wrong_code(device)})
    assert WRONG in response.content.decode()
    for junk in ["", "12345", "abcdef", "1" * 70]:
        assert client.post(SET_UP, {"code": junk}).status_code in (200, 429)
    device.refresh_from_db()
    assert not device.confirmed
    assert_sent_to(client, SET_UP)
    # Straight after a wrong code, even the right one is not checked yet.
    throttled = client.post(SET_UP, {"code": code(device)})
    assert throttled.status_code == 429
    assert TOO_MANY in throttled.content.decode()
    time_passes(dpo)
    assert len(shown_codes(client.post(SET_UP, {"code": code(device)}))) == 10


def test_after_the_password_the_code_step_is_required(required, dpo):
    device, _ = enrolled(dpo)
    client = sign_in(dpo, next_url="/admin/pages/")
    assert_sent_to(client, VERIFY)
    step = client.get(VERIFY + "?next=/admin/pages/")
    assert step.status_code == 200
    assert "Enter your code" in step.content.decode()
    wrong = client.post(VERIFY, {"code": wrong_code(device), "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert WRONG in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    time_passes(dpo)
    typed = code(device, 1)
    right = client.post(VERIFY, {"code": typed, "next": "/admin/pages/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    # The same code cannot be used again, in another session.
    other = sign_in(dpo)
    assert WRONG in other.post(VERIFY, {"code": typed}).content.decode()


def test_wrong_codes_at_the_code_step_are_throttled(required, dpo):
    required.OTP_TOTP_THROTTLE_FACTOR = 60
    device, _ = enrolled(dpo)
    client = sign_in(dpo)
    client.post(VERIFY, {"code": wrong_code(device)})
    throttled = client.post(VERIFY, {"code": code(device)})
    assert throttled.status_code == 429
    assert TOO_MANY in throttled.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # a refused attempt is not even checked


def test_a_recovery_code_works_once(required, dpo):
    _, codes = enrolled(dpo)
    client = sign_in(dpo)
    typed = f"{codes[0][:4].upper()}-{codes[0][4:].upper()}"  # as shown, in capitals
    response = client.post(VERIFY, {"code": typed})
    assert response.status_code == 302
    page = client.get("/admin/")
    assert page.status_code == 200
    assert "You signed in with a recovery code" in page.content.decode()
    assert "You have 9 left" in page.content.decode()

    again = sign_in(dpo)
    refused = again.post(VERIFY, {"code": codes[0]})
    assert WRONG in refused.content.decode()
    assert again.get("/admin/").status_code == 302


def test_new_recovery_codes_replace_the_old_ones(required, dpo):
    device, old = enrolled(dpo)
    client = sign_in(dpo)
    client.post(VERIFY, {"code": code(device)})
    new = shown_codes(client.post(NEW_CODES))
    assert len(new) == 10
    other = sign_in(dpo)
    assert WRONG in other.post(VERIFY, {"code": old[1]}).content.decode()
    time_passes(dpo)
    from_static = other.post(VERIFY, {"code": new[1]})
    assert from_static.status_code == 302


def test_a_password_alone_cannot_replace_the_app_or_make_new_codes(required, dpo):
    """Someone with only the password cannot set up their own app or mint recovery codes."""
    device, codes = enrolled(dpo)
    client = sign_in(dpo)
    assert client.get(SET_UP)["Location"].startswith(VERIFY)
    assert client.post(SET_UP, {"code": "123456"})["Location"].startswith(VERIFY)
    assert client.post(NEW_CODES)["Location"].startswith(VERIFY)
    assert client.post("/admin/two-step/turn-off/")["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=dpo).count() == 1
    assert StaticToken.objects.filter(device__user=dpo).count() == len(codes)


def test_the_code_step_never_sends_anyone_off_site(required, dpo):
    device, _ = enrolled(dpo)
    client = sign_in(dpo)
    response = client.post(VERIFY, {"code": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_superusers_must_set_it_up_too(required, django_user_model):
    root = account(django_user_model, "root-2sv", superuser=True)
    assert_sent_to(sign_in(root), SET_UP)


def test_an_editor_outside_the_required_groups_is_not_forced_but_may_opt_in(required, editor):
    client = sign_in(editor)
    assert client.get("/admin/").status_code == 200
    account_page = client.get("/admin/account/").content.decode()
    assert 'href="/admin/two-step/"' in account_page
    assert "Two-step verification is off" in client.get(MANAGE).content.decode()

    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=editor)
    assert len(shown_codes(client.post(SET_UP, {"code": code(device)}))) == 10
    # Once set up, every sign-in asks for a code; the editor may turn it off again.
    later = sign_in(editor)
    assert_sent_to(later, VERIFY)
    later.post(VERIFY, {"code": code(device, 1)})
    assert later.get("/admin/two-step/turn-off/").status_code == 200
    assert later.post("/admin/two-step/turn-off/").status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert sign_in(editor).get("/admin/").status_code == 200


def test_where_it_is_required_it_cannot_be_turned_off(required, dpo):
    device, _ = enrolled(dpo)
    client = sign_in(dpo)
    client.post(VERIFY, {"code": code(device)})
    response = client.post("/admin/two-step/turn-off/", follow=True)
    assert "required for your account" in response.content.decode()
    assert TOTPDevice.objects.filter(user=dpo).exists()


def test_without_the_requirement_the_local_admin_signs_straight_in(
    settings, dpo, django_user_model
):
    """`make run` (dev settings): the administrator and the DPO reach the admin with their
    password alone."""
    assert settings.ADMIN_MFA_REQUIRED is False
    root = account(django_user_model, "root-local", superuser=True)
    for user in (root, dpo):
        assert sign_in(user).get("/admin/").status_code == 200


def test_production_requires_it_and_dev_does_not():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ADMIN_MFA")},
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "trust.example.org",
        "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/trusthub",
        "WAGTAILADMIN_BASE_URL": "https://trust.example.org",
        "DEFAULT_FROM_EMAIL": "privacy@example.org",
    }
    script = (
        "import importlib, os\n"
        "import trusthub.settings.dev as dev, trusthub.settings.production as prod\n"
        "print(dev.ADMIN_MFA_REQUIRED, prod.ADMIN_MFA_REQUIRED, prod.ADMIN_MFA_REQUIRED_GROUPS)\n"
        "os.environ['ADMIN_MFA_REQUIRED'] = 'false'\n"
        "print(importlib.reload(prod).ADMIN_MFA_REQUIRED)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"False True ['{roles.DPO}']", "False"]


def test_the_code_step_needs_a_signed_in_user():
    response = Client().get(VERIFY)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_administrator_can_reset_it_for_someone_who_lost_everything(required, dpo):
    enrolled(dpo)
    out = io.StringIO()
    call_command("reset_two_step", dpo.username, stdout=out)
    assert "must set it up again at their next sign-in" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=dpo).exists()
    assert not StaticToken.objects.filter(device__user=dpo).exists()
    assert_sent_to(sign_in(dpo), SET_UP)
