"""Headless Chromium: the register as at a date and the compare page, reached from the register
and the change log through their plain GET forms, pass axe (WCAG 2.2 AA)."""

import pytest
from playwright.sync_api import expect

from .factories import HISTORY_DAYS, build_history

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]

D = HISTORY_DAYS


def test_past_register_and_compare_pages(live_demo, page, axe_check):
    build_history()
    # The register's own form: a date and a product.
    page.goto(live_demo.url + "/subprocessors/")
    page.get_by_label("Show the register as it was at the end of").fill(D[3].isoformat())
    page.get_by_label("Juniper MIS").check()
    page.get_by_role("button", name="Show matching entries").click()
    assert f"at={D[3].isoformat()}" in page.url and "product=juniper-mis" in page.url
    expect(page.get_by_role("note")).to_contain_text(
        f"This is the register as it was at the end of {D[3]:%-d %B %Y}"
    )
    expect(page.locator(".register-name")).to_have_text(["Delta Docs"])
    axe_check(page)
    page.get_by_role("link", name="See the current register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sub-processors and other recipients")

    # The change log's "What changed since" form, in one click.
    page.goto(live_demo.url + "/subprocessors/changes/")
    axe_check(page)
    page.get_by_label("Compare the register with how it was at the end of").fill(D[0].isoformat())
    page.get_by_role("button", name="Show what changed").click()
    expect(page.get_by_role("heading", name="Removed (1)")).to_be_visible()
    expect(page.get_by_role("table", name="Alpha Mail").get_by_role("row")).to_have_count(3)
    axe_check(page)

    for url in [
        f"/subprocessors/?at={D[0].isoformat()}",
        "/subprocessors/?at=30/02/2026",  # the error page
        f"/subprocessors/compare/?from={D[4].isoformat()}&to={D[3].isoformat()}",
        "/subprocessors/compare/?from=soon",
        "/subprocessors/compare/",
    ]:
        page.goto(live_demo.url + url)
        axe_check(page)
