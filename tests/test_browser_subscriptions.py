"""Headless Chromium: subscribe, confirm, manage and unsubscribe, with axe-core checks."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from subprocessors.alert_links import confirmation_key
from subprocessors.models import Subscriber

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_subscribe_confirm_manage_and_unsubscribe(live_demo, page, axe_check):
    page.goto(live_demo.url + "/products/communications-hub/")
    form = page.locator("form.alert-signup")
    expect(form).to_contain_text("You will get an email about each change to Communications Hub")
    form.get_by_role("link", name="Choose other products").click()
    expect(page.get_by_label("Communications Hub")).to_be_checked()
    axe_check(page)
    page.go_back()
    form.get_by_label("Email address").fill("Head@Example-School.org")
    form.get_by_label("School name (optional)").fill("Example Primary")
    form.get_by_role("button", name="Subscribe to email alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    axe_check(page)

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "head@example-school.org"
    assert subscriber.consent_source == "/products/communications-hub/"
    page.goto(live_demo.url + f"/subprocessors/alerts/confirm/{confirmation_key(subscriber)}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email alerts")
    axe_check(page)
    page.get_by_role("button", name="Confirm my subscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are subscribed")
    axe_check(page)

    page.get_by_role("link", name="Change your products or unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage your email alerts")
    axe_check(page)
    page.get_by_label("Juniper MIS").check()
    page.get_by_role("button", name="Save my alerts").click()
    expect(page.get_by_role("status")).to_have_text("Your alerts are saved.")
    assert sorted(p.slug for p in Subscriber.objects.get().products.all()) == [
        "communications-hub",
        "juniper-mis",
    ]
    page.get_by_label("Juniper MIS").uncheck()
    page.get_by_label("Communications Hub").uncheck()
    page.get_by_role("button", name="Save my alerts").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose at least one product")
    axe_check(page)

    page.goto(live_demo.url + f"/subprocessors/alerts/unsubscribe/{subscriber.token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribe from email alerts")
    axe_check(page)
    assert Subscriber.objects.get().is_active  # opening the page changes nothing
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    axe_check(page)
    assert not Subscriber.objects.get().is_active


def test_subscribe_from_the_change_log_and_the_home_page(live_demo, page, axe_check):
    page.goto(live_demo.url + "/subprocessors/changes/")
    page.get_by_label("Communications Hub").check()  # the change log's own filter
    page.get_by_role("button", name="Show changes").click()
    form = page.locator("form.alert-signup")
    expect(form).to_contain_text("You will get an email about each change to Communications Hub")
    form.get_by_label("Email address").fill("log@example.org")
    form.get_by_role("button", name="Subscribe to email alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    subscriber = Subscriber.objects.get(email="log@example.org")
    assert [p.slug for p in subscriber.products.all()] == ["communications-hub"]

    page.goto(live_demo.url + "/")
    axe_check(page)
    form = page.locator("form.alert-signup")
    form.get_by_label("Email address").fill("not an email")
    form.get_by_role("button", name="Subscribe to email alerts").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter an email address")
    expect(page.get_by_role("alert")).to_contain_text("Choose at least one product")
    axe_check(page)
    page.get_by_label("Email address").fill("home@example.org")
    page.get_by_label("All products, including new ones").check()
    page.get_by_role("button", name="Subscribe to email alerts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert Subscriber.objects.get(email="home@example.org").consent_source == "/"


def test_expired_and_forged_links_get_a_clear_page(live_demo, page, axe_check):
    page.goto(live_demo.url + "/subprocessors/alerts/confirm/forged-link/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link is not valid")
    axe_check(page)
    page.goto(live_demo.url + "/subprocessors/alerts/subscribe/?product=juniper-mis")
    expect(page.get_by_label("Juniper MIS")).to_be_checked()
    axe_check(page)
