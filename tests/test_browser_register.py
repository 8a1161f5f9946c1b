"""Headless Chromium: the sub-processor register, filtered without JavaScript, passes axe."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


def test_register_and_filtered_view(live_demo, browser, axe_check):
    # No JavaScript at all: the filter is a plain GET form.
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    page.goto(live_demo.url + "/subprocessors/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sub-processors and other recipients")
    expect(page.get_by_role("row", name="Loom")).to_have_count(1)
    page.get_by_label("Communications Hub").check()
    page.get_by_label("Juniper MIS").check()
    page.get_by_label("Sub-processors only").check()
    page.get_by_role("button", name="Show matching entries").click()
    assert "product=communications-hub" in page.url and "product=juniper-mis" in page.url
    expect(
        page.get_by_role("heading", name="Current for Juniper MIS and Communications Hub")
    ).to_be_visible()
    expect(page.locator(".register-name", has_text="Twilio")).to_have_count(1)
    expect(page.locator(".register-name", has_text="Loom")).to_have_count(0)
    expect(page.locator(".register-name", has_text="Wonde")).to_have_count(0)
    # The download links keep the whole selection, recipient type included.
    for name in ["CSV", "JSON"]:
        href = page.get_by_role("link", name=name, exact=True).get_attribute("href")
        assert "product=communications-hub" in href and "product=juniper-mis" in href, href
        assert "type=subprocessor" in href, href
    page.get_by_role("link", name="JSON", exact=True).click()
    assert "Wonde" not in page.content() and "Twilio" in page.content()
    context.close()


def test_register_pages_pass_axe(live_demo, page, axe_check):
    for url in [
        "/subprocessors/",
        "/subprocessors/?product=pupil-progress&product=communications-hub&type=subprocessor",
        "/subprocessors/?product=unknown",
        "/products/communications-hub/",
    ]:
        page.goto(live_demo.url + url)
        axe_check(page)
