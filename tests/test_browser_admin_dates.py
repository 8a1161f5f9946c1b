"""Headless Chromium: admin date fields keep the date an editor typed (issue 10, item 1).

Wagtail's date picker used to replace a year-first date (2027-01-15) with today's date when the
field lost focus, and roll an impossible day (30/02/2027) over into March. Every date field in
the admin must keep what was typed: a date it can read is shown in the display format
(15/01/2027), anything else stays as typed and saving reports it. Fields are found by their
labels, so the test follows a field that moves.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from products.models import ProductPage, SecurityStatementPage
from subprocessors.models import Subprocessor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db,
]

USERNAME = "date-editor"
PASSWORD = "dates-test-password-7431"

# (typed, shown after leaving the field)
DATES = [
    ("2027-01-15", "15/01/2027"),
    ("15/01/2027", "15/01/2027"),
    ("5/1/2027", "05/01/2027"),  # day first: 5 January
    ("2027-02-30", "2027-02-30"),  # not a date: kept as typed, refused on save
    ("30/02/2027", "30/02/2027"),  # never rolled over into March
    ("2028-02-29", "29/02/2028"),  # a leap day
    ("29/02/2027", "29/02/2027"),  # not a leap year: kept, refused on save
    ("2027-13-01", "2027-13-01"),
    ("next week", "next week"),  # never today
]
DATE_TIMES = [
    ("2027-01-15 09:30", "15/01/2027 09:30"),
    ("15/1/2027 9:30", "15/01/2027 09:30"),
    ("2027-01-15", "15/01/2027 00:00"),
    ("2027-02-30 09:30", "2027-02-30 09:30"),
]


@pytest.fixture
def admin(live_demo, page, django_user_model):
    """`page`, signed in to the admin as a superuser: the session is made on the server, as
    signing in makes it (test_signing_in_opens_the_dashboard goes through the form itself)."""
    user = django_user_model.objects.create_superuser(USERNAME, "dates@example.org", PASSWORD)
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_demo.url}]
    )
    return page


def test_signing_in_opens_the_dashboard(live_demo, page, django_user_model):
    django_user_model.objects.create_superuser(USERNAME, "dates@example.org", PASSWORD)
    page.goto(live_demo.url + "/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(live_demo.url + "/admin/")


def field(page, label):
    """The text box labelled `label` (Wagtail adds '*' to required fields' labels)."""
    pattern = re.escape(label).replace("/", r"\/")  # Playwright sends the pattern as /.../
    return page.get_by_role("textbox", name=re.compile(rf"^{pattern}\*?$"))


def type_and_leave(box, text):
    box.fill("")  # focuses the box without a click (another picker may be open over it)
    box.press_sequentially(text)
    box.press("Tab")


def assert_keeps_typed_dates(box, cases=DATES):
    today = datetime.date.today().strftime("%d/%m/%Y")
    for typed, shown in cases:
        type_and_leave(box, typed)
        expect(box).to_have_value(shown)
        assert today not in box.input_value(), f"{typed!r} became today's date"


def save_draft(page):
    # From the keyboard: an open date picker may cover the button.
    button = page.get_by_role("button", name="Save draft")
    button.focus()
    with page.expect_navigation():
        button.press("Enter")


def test_register_entry_dates(live_demo, admin):
    response = admin.goto(live_demo.url + "/admin/snippets/subprocessors/subprocessor/add/")
    assert response.status == 200
    assert_keeps_typed_dates(field(admin, "Stopped on"))
    since = field(admin, "In use since")  # on the entry, or on each product row
    if since.count():
        assert_keeps_typed_dates(since.first)


def test_register_entry_refuses_an_impossible_date_on_save(live_demo, admin):
    entry = Subprocessor.objects.originals().filter(end_date__isnull=True).order_by("name").first()
    url = f"{live_demo.url}/admin/snippets/subprocessors/subprocessor/edit/{entry.pk}/"
    revisions = entry.revisions.count()
    assert admin.goto(url).status == 200
    stopped_on = field(admin, "Stopped on")
    type_and_leave(stopped_on, "2027-02-30")
    with admin.expect_response(lambda r: r.request.method == "POST") as posted:
        save_draft(admin)
    assert posted.value.status == 200  # the form again, not a 500 and not saved
    expect(admin.get_by_text("“2027-02-30” is not a date.")).to_be_visible()
    expect(field(admin, "Stopped on")).to_have_value("2027-02-30")
    assert entry.revisions.count() == revisions
    assert Subprocessor.objects.get(pk=entry.pk).end_date is None


def test_change_notice_dates(live_demo, admin):
    response = admin.goto(live_demo.url + "/admin/snippets/subprocessors/changenotice/add/")
    assert response.status == 200
    assert_keeps_typed_dates(field(admin, "Effective date"))
    assert_keeps_typed_dates(field(admin, "Objection deadline"))


def test_page_last_reviewed_saves_the_typed_date(live_demo, admin):
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    url = f"{live_demo.url}/admin/pages/{product.pk}/edit/"
    admin.goto(url)
    last_reviewed = field(admin, "Last reviewed")
    assert_keeps_typed_dates(last_reviewed)

    type_and_leave(last_reviewed, "2027-01-15")
    expect(last_reviewed).to_have_value("15/01/2027")
    save_draft(admin)
    expect(admin.get_by_text("has been updated")).to_be_visible()
    saved = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert saved.last_reviewed == datetime.date(2027, 1, 15)
    admin.goto(url)
    expect(field(admin, "Last reviewed")).to_have_value("15/01/2027")

    # An impossible date is refused with a message, and nothing is saved.
    type_and_leave(field(admin, "Last reviewed"), "2027-02-30")
    save_draft(admin)
    expect(admin.get_by_text("“2027-02-30” is not a date.")).to_be_visible()
    expect(field(admin, "Last reviewed")).to_have_value("2027-02-30")
    saved = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert saved.last_reviewed == datetime.date(2027, 1, 15)


def test_scheduling_dialog_go_live_and_expiry(live_demo, admin):
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-progress")
    admin.goto(f"{live_demo.url}/admin/pages/{product.pk}/edit/")
    admin.get_by_role("button", name="Toggle status").click()
    admin.get_by_role("button", name="Set schedule").click()
    assert_keeps_typed_dates(field(admin, "Go live date/time"), DATE_TIMES)
    assert_keeps_typed_dates(field(admin, "Expiry date/time"), DATE_TIMES)


def test_streamfield_date_block(live_demo, admin):
    """A certificate's 'Valid until' (a StreamField DateBlock) on the company-wide statement."""
    statement = SecurityStatementPage.objects.get(depth=3, locale__language_code="en-gb")
    admin.goto(f"{live_demo.url}/admin/pages/{statement.pk}/edit/")
    valid_until = field(admin, "Valid until").first
    assert_keeps_typed_dates(valid_until)
