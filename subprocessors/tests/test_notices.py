"""Change notices: the notice-period rule, the dates set on publishing, and the admin form.

Also: test_notices_public.py (change log, permalinks, nothing unpublished leaking, corrections,
cache purge), test_notices_register_changes.py (register changes and their notices)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from subprocessors.models import ChangeNotice
from trusthub.core.tests.factories import organisation

from .factories import DAY, TODAY, make_notice

pytestmark = pytest.mark.django_db


def test_effective_date_needs_the_notice_period(demo):
    bad = ChangeNotice(
        kind="addition",
        title="x",
        summary="x",
        notice_date=TODAY,
        effective_date=TODAY + 29 * DAY,
        objection_deadline=TODAY + 20 * DAY,
    )
    with pytest.raises(ValidationError) as excinfo:
        bad.full_clean(exclude=["subprocessors", "products"])
    message = excinfo.value.message_dict["effective_date"][0]
    earliest = (TODAY + 30 * DAY).strftime("%-d %B %Y")
    assert "at least 30 days' notice" in message and earliest in message
    bad.effective_date = TODAY + 30 * DAY
    bad.full_clean(exclude=["subprocessors", "products"])

    organisation(notice_period_days=45)
    with pytest.raises(ValidationError, match="at least 45 days"):
        bad.full_clean(exclude=["subprocessors", "products"])


def test_objection_deadline_must_fall_in_the_notice_window(demo):
    bad = ChangeNotice(
        kind="addition",
        title="x",
        summary="x",
        notice_date=TODAY,
        effective_date=TODAY + 40 * DAY,
        objection_deadline=TODAY + 40 * DAY,
    )
    with pytest.raises(ValidationError, match="before the effective date"):
        bad.full_clean(exclude=["subprocessors", "products"])
    bad.objection_deadline = TODAY - DAY
    with pytest.raises(ValidationError, match="cannot be before the notice date"):
        bad.full_clean(exclude=["subprocessors", "products"])


def test_the_notice_date_is_the_publication_day_and_late_approval_keeps_the_notice_period(demo):
    # Submitted with 30 days' notice; approved 10 days late (simulated by a shorter margin).
    late = ChangeNotice(
        kind="addition",
        title="Late approval",
        summary="x",
        all_products=True,
        effective_date=TODAY + 20 * DAY,
        objection_deadline=TODAY + 15 * DAY,
        live=False,
    )
    late.save()
    late.save_revision(clean=False).publish()
    late.refresh_from_db()
    assert late.notice_date == TODAY
    assert late.effective_date == TODAY + 30 * DAY  # moved by the 10-day shortfall
    assert late.objection_deadline == TODAY + 25 * DAY  # the objection window moved with it

    # A notice published on time keeps the dates the DPO chose.
    on_time = make_notice("On time", effective_date=TODAY + 45 * DAY)
    assert (on_time.notice_date, on_time.effective_date) == (TODAY, TODAY + 45 * DAY)


def test_scheduled_notices_are_checked_against_their_go_live_day(demo):
    scheduled = ChangeNotice(
        kind="addition",
        title="x",
        summary="x",
        effective_date=TODAY + 35 * DAY,
        objection_deadline=TODAY + 20 * DAY,
        go_live_at=timezone.now() + 10 * DAY,
        live=False,
    )
    with pytest.raises(ValidationError, match="scheduled to go live"):
        scheduled.full_clean(exclude=["subprocessors", "products"])


def test_admin_form_explains_the_notice_period(client, demo, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/snippets/subprocessors/changenotice/add/",
        {
            "kind": "addition",
            "title": "Too soon",
            "summary": "x",
            "details": rich_text(""),
            "notice_date": TODAY.isoformat(),
            "effective_date": (TODAY + 10 * DAY).isoformat(),
            "objection_deadline": (TODAY + 5 * DAY).isoformat(),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert "Schools must have at least 30 days&#x27; notice" in response.content.decode()
    assert not ChangeNotice.objects.originals().filter(title="Too soon").exists()


def test_admin_form_needs_products_and_register_entries(client, demo, admin_user):
    client.force_login(admin_user)
    data = {
        "kind": "addition",
        "title": "Nobody affected",
        "summary": "x",
        "details": rich_text(""),
        "effective_date": (TODAY + 40 * DAY).isoformat(),
        "objection_deadline": (TODAY + 20 * DAY).isoformat(),
    }
    body = client.post("/admin/snippets/subprocessors/changenotice/add/", data).content.decode()
    assert "Choose the products this change affects, or tick" in body
    assert "Choose the register entries this change concerns" in body
    assert not ChangeNotice.objects.originals().filter(title="Nobody affected").exists()


def test_the_notice_form_uses_labelled_checkbox_lists_and_says_each_problem_once(
    client, demo, admin_user
):
    client.force_login(admin_user)
    page = client.get("/admin/snippets/subprocessors/changenotice/add/").content.decode()
    assert 'type="checkbox" name="subprocessors"' in page
    assert 'type="checkbox" name="products"' in page
    assert "<select" not in page.split('id="id_subprocessors"')[1].split("</div>")[0]
    assert ">Sub-processors<" in page or "Sub-processors\n" in page
    data = nested_form_data(
        {
            "kind": "addition",
            "title": "Acme to send letters",
            "summary": "Acme will print letters.",
            "details": rich_text(""),
            "effective_date": (TODAY + DAY).isoformat(),
            "objection_deadline": TODAY.isoformat(),
            "internal_note": "",
        }
    )
    body = client.post("/admin/snippets/subprocessors/changenotice/add/", data).content.decode()
    for message in [
        "Choose the products this change affects",
        "Choose the register entries this change concerns",
        "Schools must have at least 30 days&#x27; notice",
    ]:
        assert body.count(message) == 1, message
