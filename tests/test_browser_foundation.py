"""Headless Chromium: a school's journey, and axe-core WCAG 2.2 AA on every public page type."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Page

from home.tests.factories import standard_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


def test_journey_home_to_product_to_security(live_demo, page, axe_check):
    page.goto(live_demo.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Privacy and trust at Juniper Education"
    )
    page.get_by_role("link", name="Communications Hub").first.click()
    expect(page).to_have_url(live_demo.url + "/products/communications-hub/")
    expect(page.get_by_role("heading", name="Where the data comes from")).to_be_visible()
    expect(page.locator("#sources").get_by_text("Another MIS, via Wonde")).to_be_visible()
    page.get_by_role("link", name="How we keep Communications Hub data safe").click()
    expect(page).to_have_url(live_demo.url + "/products/communications-hub/security/")
    expect(page.get_by_role("heading", name="Staff training")).to_be_visible()
    # breadcrumbs lead back
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Trust Hub").click()
    expect(page).to_have_url(live_demo.url + "/")


def test_every_public_page_type_passes_axe(live_demo, page, axe_check):
    standard_page()
    urls = [
        "/",
        "/products/",
        "/products/pupil-progress/",
        "/products/juniper-mis/",
        "/security/",
        "/products/juniper-mis/security/",
        "/products/pupil-progress/security/",
        "/accessibility/",
        "/products/no-such-product/",
    ]
    assert Page.objects.live().filter(depth__gt=1).count() >= 11
    for url in urls:
        response = page.goto(live_demo.url + url)
        assert response.status == (404 if "no-such" in url else 200), url
        axe_check(page)


def test_pages_work_on_a_small_screen(live_demo, browser, axe_check):
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    small = context.new_page()
    small.goto(live_demo.url + "/products/juniper-mis/")
    width = small.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways on a phone ({width}px)"
    # The data-flow diagram keeps readable text: its own box scrolls sideways (focusable, so
    # keyboard users can scroll it), and the same facts follow as a list.
    expect(small.get_by_role("img", name="How Juniper MIS data flows")).to_be_visible()
    box = small.get_by_role("region", name="Data-flow diagram for Juniper MIS")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth && el.tabIndex === 0")
    expect(small.get_by_role("heading", name="Who receives it from Juniper MIS")).to_be_visible()
    pack = small.get_by_role("link", name="Download the DPIA evidence pack (PDF)")
    expect(pack).to_have_attribute("href", "/products/juniper-mis/pack.pdf")
    axe_check(small)
    context.close()
