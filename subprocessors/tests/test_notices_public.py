"""What schools see of change notices: the change log and its pages, permalinks, nothing
unpublished leaking, corrections, and the cache purge when a notice is published."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from products.models import ProductPage
from subprocessors.models import ChangeNotice, Subprocessor

from .factories import DAY, TODAY, make_entry, make_notice, public_text, recording_purges

pytestmark = pytest.mark.django_db


def test_change_log_lists_newest_first_with_dates_and_status(client, demo):
    body = client.get("/subprocessors/changes/").content.decode()
    titles = re.findall(r'class="notice-card__title"><a href="[^"]+">([^<]+)</a>', body)
    assert titles[0] == "Intercom to hold Pupil Progress support conversations in the UK"
    assert titles[-1] == "Thinkific to host the Pupil Progress Academy"
    assert len(titles) == 4
    assert body.count("Objection deadline") == 4
    assert body.count(">Upcoming</span>") == 1 and body.count(">In effect</span>") == 3
    filtered = client.get("/subprocessors/changes/?product=communications-hub").content.decode()
    assert "Twilio" in filtered and "Thinkific" not in filtered


def test_notice_permalink_says_what_when_and_how_to_object(client, demo):
    upcoming = ChangeNotice.objects.originals().get(title__startswith="Intercom")
    body = re.sub(
        r"\s+", " ", client.get(f"/subprocessors/changes/{upcoming.pk}/").content.decode()
    )
    assert "Pupil Progress" in body and "Intercom" in body
    assert upcoming.effective_date.strftime("%-d %B %Y") in body
    assert (
        f"tell our Data Protection Officer by <strong>{upcoming.objection_deadline:%-d %B %Y}"
        in body
    )
    assert "mailto:DPO@junipereducation.org" in body
    past = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    assert (
        "The objection period closed"
        in client.get(f"/subprocessors/changes/{past.pk}/").content.decode()
    )
    assert client.get("/subprocessors/changes/999999/").status_code == 404


def test_change_log_pages_and_junk_page_numbers(client, demo):
    for i in range(55):
        make_notice(f"Bulk {i:02d}")
    first = client.get("/subprocessors/changes/").content.decode()
    assert "Page 1 of 2 (59 changes)" in first and 'rel="next"' in first
    second = client.get("/subprocessors/changes/?page=2").content.decode()
    assert "Thinkific to host the Pupil Progress Academy" in second
    assert "Thinkific to host" not in first
    for junk in ("x", "0", "999", "-1", "1e9"):
        assert client.get(f"/subprocessors/changes/?page={junk}").status_code == 200


def test_drafts_moderation_and_future_schedules_never_leak(client, demo, admin_user):
    draft = make_notice("Draft Only Notice", publish=False)
    in_review = make_notice("In Review Notice", publish=False)
    in_review.get_workflow().start(in_review, admin_user)
    scheduled = make_notice(
        "Scheduled Notice",
        publish=False,
        notice_date=TODAY + 2 * DAY,
        effective_date=TODAY + 45 * DAY,
        objection_deadline=TODAY + 40 * DAY,
    )
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.save_revision().publish()  # approved for the future: not live yet
    scheduled.refresh_from_db()
    assert scheduled.live is False and scheduled.scheduled_revision is not None
    corrected = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    corrected.summary = "UNPUBLISHED CORRECTION"
    corrected.save_revision()

    text = public_text(client)
    for leaked in [
        "Draft Only Notice",
        "In Review Notice",
        "Scheduled Notice",
        "UNPUBLISHED CORRECTION",
    ]:
        assert leaked not in text
    for hidden in (draft, in_review, scheduled):
        assert client.get(f"/subprocessors/changes/{hidden.pk}/").status_code == 404

    # Once the scheduled time passes, the scheduler publishes it with no one touching it.
    revision = scheduled.scheduled_revision
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    assert "Scheduled Notice" in public_text(client)


def test_unpublished_products_and_entries_never_show_through_a_notice(client, demo):
    secret = make_entry("Secret Supplier Ltd", publish=False)
    product = ProductPage.objects.get(locale__language_code="en-gb", slug="pupil-asset")
    product.title = "Draft Product Name"
    product.save_revision()  # a draft title
    product.unpublish()
    shown = make_notice("Shared notice", products=("communications-hub", "pupil-asset"))
    shown.subprocessors.set([secret, Subprocessor.objects.originals().get(name="Twilio")])
    shown.save()
    text = public_text(client) + client.get(shown.get_absolute_url()).content.decode()
    assert "Twilio" in text
    assert "Secret Supplier Ltd" not in text and str(secret.uuid) not in text
    assert "pupil-asset" not in client.get("/subprocessors/changes/feed.json").content.decode()


def test_republishing_unchanged_is_not_a_correction(client, demo):
    twilio = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    twilio.save_revision().publish()
    twilio.refresh_from_db()
    assert twilio.corrected_at is None
    assert "Corrected" not in client.get(twilio.get_absolute_url()).content.decode()
    twilio.effective_date += DAY
    twilio.save_revision(clean=False).publish()
    twilio.refresh_from_db()
    assert twilio.corrected_at == twilio.last_published_at


def test_publishing_purges_the_public_register_from_the_cdn(
    demo, settings, django_capture_on_commit_callbacks
):
    with (
        recording_purges(settings) as purged,
        django_capture_on_commit_callbacks(execute=True) as purges,
    ):
        published = make_notice("Purge me")
        assert purged == []  # not before the transaction commits (cache.py)
    assert purges
    paths = {p.split("/", 1)[1] for p in purged}
    for path in (
        "subprocessors/",
        "subprocessors/register.json",
        "subprocessors/changes/feed.atom",
        "products/communications-hub/",
        published.get_absolute_url().lstrip("/"),
    ):
        assert path in paths, (path, sorted(paths))
