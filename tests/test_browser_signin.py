"""Headless Chromium + axe-core: the admin's sign-in security pages (issue 14, items 1 and 2) as
an editor meets them: setting up two-step verification, recovery codes, the code step with a
wrong code, and the wrong-password lockout. Each passes WCAG 2.2 AA."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from subprocessors import roles
from tests.factories import code, time_passes

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

USERNAME = "dpo-browser"
PASSWORD = "signin-browser-password-5521"
WRONG = "That code is not right"


def sign_in(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def error_shown(page):
    """The wrong-code message, where it is visible (the sign-in style shows it above the form)."""
    return page.locator(":is(.messages li, .error-message):visible", has_text=WRONG)


def settled(page):
    """After the admin's messages have faded in (0.5 s): axe checks colours as they are then."""
    page.wait_for_function(
        "[...document.querySelectorAll('.messages > ul')]"
        ".every(list => getComputedStyle(list).opacity === '1')"
    )
    return page


def enter_code(page, value, button):
    page.get_by_role("textbox", name=re.compile(r"^Code")).fill(value)
    page.get_by_role("button", name=button).click()


def test_two_step_verification_and_lockout_pages(
    live_demo, page, axe_check, settings, django_user_model
):
    settings.ADMIN_MFA_REQUIRED = True
    dpo = django_user_model.objects.create_user(USERNAME, "dpo@example.org", PASSWORD)
    dpo.groups.add(Group.objects.get(name=roles.DPO))
    base = live_demo.url

    # First sign-in: the DPO must set up an authenticator app before anything else.
    sign_in(page, base, USERNAME, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/two-step/set-up/"))
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    axe_check(settled(page))
    enter_code(page, "000000", "Turn on two-step verification")
    expect(error_shown(page)).to_be_visible()
    time_passes(dpo)
    device = dpo.totpdevice_set.get()
    enter_code(page, code(device), "Turn on two-step verification")
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    axe_check(settled(page))

    # Next sign-in: the code step, with a clear error for a wrong code.
    page.context.clear_cookies()
    sign_in(page, base, USERNAME, PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/two-step/verify/"))
    enter_code(page, "000000", "Continue")
    expect(error_shown(page)).to_be_visible()
    axe_check(settled(page))
    time_passes(dpo)
    enter_code(page, code(device, 1), "Continue")
    expect(page).to_have_url(base + "/admin/")

    # Wrong passwords: with four failures from this address already recorded (as django-axes
    # records them), the browser's fifth is answered with the lockout page.
    page.context.clear_cookies()
    AccessAttempt.objects.create(
        username=USERNAME,
        ip_address="127.0.0.1",
        user_agent=page.evaluate("navigator.userAgent"),
        failures_since_start=settings.AXES_FAILURE_LIMIT - 1,
        attempt_time=timezone.now(),
        get_data="",
        post_data="",
        http_accept="",
        path_info="/admin/login/",
    )
    sign_in(page, base, USERNAME, "wrong-again")
    expect(page.get_by_role("heading", name="Too many failed sign-in attempts")).to_be_visible()
    axe_check(settled(page))
