"""Headless Chromium: a school objects to the upcoming demo notice (Intercom's move to the UK),
with axe-core checks on the form and the thanks page; a past notice shows the closed window."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from subprocessors.models import ChangeNotice, Objection

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()  # the objection rate limit counts in this process's cache
    yield
    cache.clear()


def test_a_school_objects_and_gets_a_reference(live_demo, page, axe_check, smtp_server):
    intercom = ChangeNotice.objects.originals().get(title__startswith="Intercom")
    page.goto(f"{live_demo.url}/subprocessors/changes/{intercom.pk}/")
    expect(page.get_by_role("heading", name="Send your objection")).to_be_visible()
    axe_check(page)

    # Sent empty: the errors are listed and each field says what is missing.
    page.get_by_role("button", name="Send objection").click()
    expect(page.get_by_role("alert")).to_contain_text("Your objection has not been sent yet")
    expect(page.get_by_text("Enter your school's name.").first).to_be_visible()
    axe_check(page)

    # The page also has the subscribe form: work inside the objection form.
    form = page.locator("form.objection-form")
    form.get_by_label("School name").fill("Hillside Primary School")
    form.get_by_label("Your email address").fill("office@hillside.example")
    form.get_by_label("Pupil Progress").check()
    form.get_by_label("Why does your school object?").fill(
        "Our parents were told support conversations stay in the EU."
    )
    form.get_by_role("button", name="Send objection").click()

    objection = Objection.objects.get(notice=intercom)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Objection received — reference {objection.reference}"
    )
    axe_check(page)
    assert objection.school_name == "Hillside Primary School"
    assert [p.slug for p in objection.products.all()] == ["pupil-progress"]
    assert sorted(m["To"] for m in smtp_server.messages()) == sorted(
        ["office@hillside.example", "DPO@junipereducation.org"]
    )


def test_a_past_notice_says_the_window_closed(live_demo, page, axe_check):
    twilio = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    page.goto(f"{live_demo.url}/subprocessors/changes/{twilio.pk}/")
    expect(
        page.get_by_text(f"The objection period closed on {twilio.objection_deadline:%-d %B %Y}.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Send objection")).to_have_count(0)
    axe_check(page)
