"""Headless Chromium: searching from the header, the results, no results and the accessibility
statement, each passing axe-core at WCAG 2.2 AA."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


def test_search_and_accessibility_statement(live_demo, page, axe_check):
    page.goto(live_demo.url + "/products/")
    header_search = page.get_by_role("search", name="Site")
    header_search.get_by_label("Search this site").fill("United States")
    header_search.get_by_label("Search this site").press("Enter")
    expect(page).to_have_url(live_demo.url + "/search/?q=United+States")
    expect(page.get_by_role("heading", level=2, name="results for “United States”")).to_be_visible()
    twilio = page.locator(".search-result", has=page.get_by_role("link", name="Twilio", exact=True))
    expect(twilio.locator(".search-result__type")).to_have_text("Register entry")
    expect(twilio.locator("mark").first).to_have_text("United")
    axe_check(page)

    # The result leads to the entry's row on the register.
    link = twilio.get_by_role("link", name="Twilio", exact=True)
    href = link.get_attribute("href")
    assert href.startswith("/subprocessors/#sp-"), href
    link.click()
    expect(page).to_have_url(live_demo.url + href)
    expect(page.locator(href.split("/subprocessors/")[1])).to_contain_text("Twilio Inc.")

    page.goto(live_demo.url + "/search/?q=xylophone")
    expect(page.get_by_role("heading", name="0 results for “xylophone”")).to_be_visible()
    expect(page.get_by_role("link", name="sub-processor register")).to_be_visible()
    axe_check(page)

    page.goto(live_demo.url + "/")
    page.get_by_role("link", name="Accessibility statement").click()
    expect(page).to_have_url(live_demo.url + "/accessibility/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")
    expect(page.get_by_role("heading", level=2, name="Enforcement procedure")).to_be_visible()
    axe_check(page)
