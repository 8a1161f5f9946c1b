"""Headless Chromium: the change log and a notice page, with axe-core checks."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


def test_change_log_to_notice_and_objection(live_demo, page, axe_check):
    page.goto(live_demo.url + "/subprocessors/changes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sub-processor changes")
    axe_check(page)
    page.get_by_label("Communications Hub").check()
    page.get_by_role("button", name="Show changes").click()
    expect(page.locator(".notice-card")).to_have_count(2)
    feed_box = page.get_by_label("RSS feed address")
    assert feed_box.input_value().endswith(
        "/subprocessors/changes/feed.rss?product=communications-hub"
    )
    page.get_by_role("link", name="Twilio to send SMS messages for Communications Hub").click()
    expect(page.get_by_role("heading", name="How to object")).to_be_visible()
    expect(page.get_by_text("The objection period closed")).to_be_visible()
    axe_check(page)

    page.goto(live_demo.url + "/subprocessors/changes/")
    page.get_by_role(
        "link", name="Intercom to hold Pupil Progress support conversations in the UK"
    ).click()
    expect(page.get_by_role("link", name="Email your objection")).to_be_visible()
    axe_check(page)
