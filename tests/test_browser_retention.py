"""Headless Chromium: the retention calculator with a good and a bad date, and axe-core on both."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


def test_product_to_retention_calculator_with_a_date(live_demo, page, axe_check):
    page.goto(live_demo.url + "/products/pupil-progress/")
    page.get_by_role("link", name="When will our Pupil Progress data be deleted?").click()
    expect(page).to_have_url(live_demo.url + "/products/pupil-progress/retention/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "When will our Pupil Progress data be deleted?"
    )
    expect(page.get_by_role("rowheader", name="3. Backups gone")).to_be_visible()
    axe_check(page)

    field = page.get_by_label("When did (or will) your subscription or contract end?")
    expect(field).to_have_attribute("aria-describedby", "ended-hint")
    # a date picker (phones get a date wheel, not a digits-only keypad without "-")
    expect(field).to_have_attribute("type", "date")
    expect(field).to_have_attribute("min", "2000-01-01")
    expect(field).to_have_attribute("max", "2100-12-31")
    field.fill("2027-02-22")
    page.get_by_role("button", name="Show the dates").click()
    expect(page).to_have_url(
        live_demo.url + "/products/pupil-progress/retention/?ended=2027-02-22#calculator"
    )
    timeline = page.locator("ol.timeline")
    expect(timeline.locator("time")).to_have_text(
        ["22 February 2027", "23 May 2027", "31 August 2027", "29 November 2027"]
    )
    expect(timeline).to_contain_text("so by the end of the following August")
    expect(page.get_by_role("link", name="Add these dates to your calendar")).to_have_attribute(
        "href", "/products/pupil-progress/retention/timeline.ics?ended=2027-02-22"
    )
    axe_check(page)


def test_calculator_with_an_invalid_date(live_demo, page, axe_check):
    # A date picker cannot produce 30 February, but a typed URL or a browser without a picker
    # can: the server's message is what the school sees.
    page.goto(live_demo.url + "/products/juniper-mis/retention/?ended=30/02/2027")
    error = page.locator("#ended-error")
    expect(error).to_have_text("Error: 30/02/2027 is not a real date: February 2027 has 28 days.")
    field = page.get_by_label("When did (or will) your subscription or contract end?")
    expect(field).to_have_attribute("aria-describedby", "ended-hint ended-error")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("ol.timeline")).to_have_count(0)
    expect(page).to_have_title(
        "Error: When will our Juniper MIS data be deleted? | Juniper Education Trust Hub"
    )
    axe_check(page)

    # correcting it works
    field.fill("2027-02-22")
    page.get_by_role("button", name="Show the dates").click()
    expect(page.locator("ol.timeline time")).to_have_text(["22 February 2027", "24 March 2027"])
    expect(page.locator("#ended-error")).to_have_count(0)
    axe_check(page)


def test_a_uk_date_in_the_address_gives_the_timeline(live_demo, page, axe_check):
    page.goto(live_demo.url + "/products/pupil-progress/retention/?ended=22/02/2027")
    expect(page.locator("ol.timeline time")).to_have_text(
        ["22 February 2027", "23 May 2027", "31 August 2027", "29 November 2027"]
    )
    field = page.get_by_label("When did (or will) your subscription or contract end?")
    expect(field).to_have_value("2027-02-22")  # the picker shows the date it was given
    axe_check(page)


def test_retention_page_works_on_a_small_screen(live_demo, browser, axe_check):
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    small = context.new_page()
    small.goto(live_demo.url + "/products/pupil-progress/retention/?ended=2027-02-22")
    width = small.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways on a phone ({width}px)"
    axe_check(small)
    context.close()
