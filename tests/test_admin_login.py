"""Admin sign-in throttling (issue 14, item 1): wrong passwords lock the account and the client
out for a while, with a clear message, and every failure and lockout is logged.

Reported: 30 wrong passwords in 13 s were all answered, and the 31st (right) one signed in.
"""

import datetime
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "right-horse-battery"
ATTACKER = "203.0.113.9"
LOCKED = "Too many failed sign-in attempts"


@pytest.fixture
def dpo(django_user_model):
    return django_user_model.objects.create_user("dpo-login", "dpo@example.org", PASSWORD)


def sign_in(client, username, password, ip=ATTACKER):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_thirty_wrong_passwords_do_not_let_the_right_one_in(dpo, settings):
    client = Client()
    answers = [sign_in(client, "dpo-login", f"guess-{n}").status_code for n in range(30)]
    response = sign_in(client, "dpo-login", PASSWORD)
    assert not signed_in(response)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    # Only the first attempts are checked against the password at all.
    limit = settings.AXES_FAILURE_LIMIT
    assert answers[: limit - 1] == [200] * (limit - 1)
    assert set(answers[limit - 1 :]) == {429}


def test_the_nth_wrong_password_locks_and_says_for_how_long(dpo, settings):
    settings.AXES_FAILURE_LIMIT = 5
    client = Client()
    for n in range(4):
        response = sign_in(client, "dpo-login", f"guess-{n}")
        assert response.status_code == 200
        assert "password didn" in response.content.decode()  # Wagtail's "didn't match"
    fifth = sign_in(client, "dpo-login", "guess-5")
    assert fifth.status_code == 429
    body = fifth.content.decode()
    assert LOCKED in body
    assert "15 minutes" in body
    assert fifth["Retry-After"] == "900"
    assert "no-store" in fifth["Cache-Control"]
    # In the admin's sign-in page style, with a way back to the sign-in form.
    assert re.search(r'<body[^>]*class="[^"]*\blogin\b', body)
    assert f'href="{LOGIN}"' in body
    # The right password is refused with the same message while the lockout lasts.
    right = sign_in(client, "dpo-login", PASSWORD)
    assert right.status_code == 429
    assert LOCKED in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_whichever_client_tries(dpo, settings):
    """Per account: guesses spread over many addresses still lock the account."""
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dpo-login", f"guess-{n}", ip=f"198.51.100.{n + 1}")
    response = sign_in(Client(), "dpo-login", PASSWORD, ip="192.0.2.50")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_a_client_trying_many_usernames_is_locked_out(dpo, settings):
    """Per client: one address guessing a different username each time is stopped too, and then
    cannot sign in even to a real account with its right password."""
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone-{n}", "password1")
    assert sign_in(client, "dpo-login", PASSWORD).status_code == 429
    # The account itself is not locked: its owner, elsewhere, still signs in.
    assert signed_in(sign_in(Client(), "dpo-login", PASSWORD, ip="192.0.2.50"))


def test_the_lockout_ends_after_the_cool_off(dpo, settings):
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "dpo-login", f"guess-{n}")
    assert sign_in(client, "dpo-login", PASSWORD).status_code == 429
    # The cool-off (AXES_COOLOFF_TIME, 15 minutes) goes by.
    earlier = timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert signed_in(sign_in(client, "dpo-login", PASSWORD))


def test_a_shorter_cool_off_from_the_settings_applies(dpo, settings):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=2)
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "dpo-login", f"guess-{n}")
    assert "2 minutes" in response.content.decode()
    assert response["Retry-After"] == "120"
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=3))
    assert signed_in(sign_in(client, "dpo-login", PASSWORD))


def test_signing_in_clears_the_accounts_own_mistakes(dpo, settings):
    limit = settings.AXES_FAILURE_LIMIT
    client = Client()
    for n in range(limit - 1):
        sign_in(client, "dpo-login", f"typo-{n}", ip="192.0.2.7")
    assert signed_in(sign_in(client, "dpo-login", PASSWORD, ip="192.0.2.7"))
    client.post("/admin/logout/")
    # A fresh allowance: another limit - 1 mistakes, and the right password still works.
    for n in range(limit - 1):
        assert sign_in(client, "dpo-login", f"typo-again-{n}", ip="192.0.2.7").status_code == 200
    assert signed_in(sign_in(client, "dpo-login", PASSWORD, ip="192.0.2.7"))


def test_signing_in_to_ones_own_account_does_not_reset_guesses_at_another(
    dpo, django_user_model, settings
):
    """An editor who guesses at the DPO's password cannot earn more guesses by signing in to
    their own account in between."""
    django_user_model.objects.create_user("editor-login", "e@example.org", "editor-pass-123")
    limit = settings.AXES_FAILURE_LIMIT
    client = Client()
    for n in range(limit - 1):
        sign_in(client, "dpo-login", f"guess-{n}")
    assert signed_in(sign_in(client, "editor-login", "editor-pass-123"))
    client.post("/admin/logout/")
    assert sign_in(client, "dpo-login", "one-more-guess").status_code == 429
    assert sign_in(client, "dpo-login", PASSWORD).status_code == 429


def test_behind_the_proxy_the_client_address_comes_from_its_header(dpo, settings):
    """Behind the caching proxy every request comes from 127.0.0.1: the lockout reads the
    client's address from RATELIMIT_IP_META_KEY, as the rate limits do, so one client's guesses
    do not lock out everyone."""
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_CLIENT_IP"
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": f"someone-{n}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_CLIENT_IP=ATTACKER,
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    other = Client().post(
        LOGIN,
        {"username": "dpo-login", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_CLIENT_IP="192.0.2.80",
    )
    assert signed_in(other)
    # A header that is not an address is not trusted: the connection's address is used.
    Client().post(
        LOGIN, {"username": "x", "password": "y"}, REMOTE_ADDR="127.0.0.1", HTTP_X_CLIENT_IP="junk"
    )
    assert AccessAttempt.objects.filter(username="x", ip_address="127.0.0.1").exists()


def test_failures_and_lockouts_are_logged(dpo, settings, caplog):
    client = Client()
    with caplog.at_level(logging.WARNING, logger="axes"):
        for n in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "dpo-login", f"guess-{n}")
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("axes")]
    assert any("login failure" in m and ATTACKER in m for m in messages)
    assert any("Locking out" in m and ATTACKER in m for m in messages)
    # Whatever was typed as a password never reaches the log.
    assert not any("guess-" in m for m in messages)
    assert "axes" in settings.LOGGING["loggers"]


def test_an_oversized_or_odd_username_gets_the_form_message_not_an_error(dpo):
    client = Client()
    for username in ["x" * 300, "nul\x00byte", ""]:
        response = sign_in(client, username, "whatever")
        assert response.status_code == 200, username


def test_the_sign_in_form_still_signs_in(dpo):
    assert signed_in(sign_in(Client(), "dpo-login", PASSWORD))
