"""Change notices: the notice-period rule, public pages, nothing unpublished leaking, and the
auto-drafted notice when the register changes."""

import datetime
import http.server
import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from products.models import ProductPage
from subprocessors.changes import approve_urgently, notice_for_pending_change
from subprocessors.models import ChangeNotice, RegisterChange, Subprocessor
from subprocessors.models.promise import UnannouncedChange
from trusthub.core.tests.factories import organisation

from .factories import make_entry

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
PUBLIC_URLS = [
    "/subprocessors/changes/",
    "/subprocessors/changes/?product=pupil-progress",
    "/subprocessors/changes/feed.rss",
    "/subprocessors/changes/feed.atom",
    "/subprocessors/changes/feed.json",
    "/subprocessors/changes/feed.json?product=communications-hub",
    "/",
    "/products/communications-hub/",
]


def notice(title="Acme to send letters", publish=True, products=("communications-hub",), **fields):
    values = {
        "kind": "addition",
        "summary": f"{title}. Summary.",
        "notice_date": TODAY,
        "effective_date": TODAY + 40 * DAY,
        "objection_deadline": TODAY + 30 * DAY,
    }
    values.update(fields)
    obj = ChangeNotice(title=title, live=False, **values)
    obj.full_clean(exclude=["subprocessors", "products"])
    obj.save()
    obj.products.set(ProductPage.objects.filter(slug__in=products))
    obj.save()
    revision = obj.save_revision()
    if publish:
        revision.publish()
        obj.refresh_from_db()
    return obj


def public_text(client):
    return "\n".join(client.get(url).content.decode() for url in PUBLIC_URLS)


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
    assert not ChangeNotice.objects.filter(title="Too soon").exists()


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
    upcoming = ChangeNotice.objects.get(title__startswith="Intercom")
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
    past = ChangeNotice.objects.get(title__startswith="Twilio")
    assert (
        "The objection period closed"
        in client.get(f"/subprocessors/changes/{past.pk}/").content.decode()
    )
    assert client.get("/subprocessors/changes/999999/").status_code == 404


def test_drafts_moderation_and_future_schedules_never_leak(client, demo, admin_user):
    draft = notice("Draft Only Notice", publish=False)
    in_review = notice("In Review Notice", publish=False)
    in_review.get_workflow().start(in_review, admin_user)
    scheduled = notice(
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
    corrected = ChangeNotice.objects.get(title__startswith="Twilio")
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


def test_a_new_register_entry_gets_a_prefilled_notice_that_must_go_live_first(client, demo):
    entry = make_entry(
        "Postbox Ltd",
        products=("communications-hub",),
        countries=["GB", "IE"],
        transfer_safeguard="uk_adequacy",
        start_date=TODAY + 60 * DAY,
        publish=False,
    )
    drafted = notice_for_pending_change(entry.get_latest_revision_as_object())
    assert drafted.live is False
    assert drafted.kind == "addition"
    assert drafted.title == "Postbox Ltd to process data for Communications Hub"
    assert "Postbox Ltd added to the register" in drafted.summary
    assert list(drafted.subprocessors.all()) == [entry]
    assert [p.slug for p in drafted.products.all()] == ["communications-hub"]
    assert drafted.effective_date == TODAY + 60 * DAY  # when it starts: past the notice period
    assert drafted.objection_deadline < drafted.effective_date
    assert "Postbox Ltd" not in public_text(client.__class__())

    with pytest.raises(UnannouncedChange):
        entry.save_revision().publish()
    drafted.save_revision().publish()
    entry.save_revision().publish()
    change = RegisterChange.objects.get(subprocessor=entry)
    assert change.notice == drafted  # announced by the notice that went first
    assert not RegisterChange.unannounced().exists()


@pytest.mark.parametrize(
    "change,kind,words",
    [
        ({"countries": ["US", "CA"]}, "location", "also process data in: Canada"),
        (
            {"transfer_safeguard": "idta", "countries": ["US"]},
            "safeguard",
            "transfer safeguard is now",
        ),
        ({"end_date": TODAY + 60 * DAY}, "removal", "stops processing data on"),
    ],
)
def test_register_changes_schools_would_see_are_detected(demo, change, kind, words):
    twilio = Subprocessor.objects.get(name="Twilio")
    for field, value in change.items():
        setattr(twilio, field, value)
    if kind == "location":  # a new country needs a notice first (test_promise.py): urgent here
        approve_urgently(twilio, None, "Test of detection.", twilio.public_state())
    twilio.save_revision().publish()
    drafted = RegisterChange.objects.get(subprocessor=twilio).notice
    assert drafted.kind == kind
    assert words in drafted.summary


def test_purpose_change_is_detected_and_cosmetic_edits_are_not(demo):
    twilio = Subprocessor.objects.get(name="Twilio")
    twilio.description = "Sends SMS text messages worldwide."  # wording only
    twilio.save_revision().publish()
    assert not RegisterChange.objects.exists()
    use = twilio.uses.get()
    twilio = Subprocessor.objects.get(pk=twilio.pk)
    twilio.uses = [
        type(use)(
            pk=use.pk,
            product=use.product,
            purpose="Sends SMS and voice calls",
            start_date=use.start_date,
            data_subjects=use.data_subjects,
        )
    ]
    twilio.save_revision().publish()
    drafted = RegisterChange.objects.get().notice
    assert drafted.kind == "purpose"
    assert "purpose for Communications Hub is now: Sends SMS and voice calls" in drafted.summary


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
    on_time = notice("On time", effective_date=TODAY + 45 * DAY)
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


def test_republishing_unchanged_is_not_a_correction(client, demo):
    twilio = ChangeNotice.objects.get(title__startswith="Twilio")
    twilio.save_revision().publish()
    twilio.refresh_from_db()
    assert twilio.corrected_at is None
    assert "Corrected" not in client.get(twilio.get_absolute_url()).content.decode()
    twilio.effective_date += DAY
    twilio.save_revision(clean=False).publish()
    twilio.refresh_from_db()
    assert twilio.corrected_at == twilio.last_published_at


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
    assert not ChangeNotice.objects.filter(title="Nobody affected").exists()


def test_unpublished_products_and_entries_never_show_through_a_notice(client, demo):
    secret = make_entry("Secret Supplier Ltd", publish=False)
    product = ProductPage.objects.get(slug="pupil-asset")
    product.title = "Draft Product Name"
    product.save_revision()  # a draft title
    product.unpublish()
    shown = notice("Shared notice", products=("communications-hub", "pupil-asset"))
    shown.subprocessors.set([secret, Subprocessor.objects.get(name="Twilio")])
    shown.save()
    text = public_text(client) + client.get(shown.get_absolute_url()).content.decode()
    assert "Twilio" in text
    assert "Secret Supplier Ltd" not in text and str(secret.uuid) not in text
    assert "pupil-asset" not in client.get("/subprocessors/changes/feed.json").content.decode()


def test_retirements_and_dropped_products_are_announced(demo):
    twilio = Subprocessor.objects.get(name="Twilio")
    twilio.unpublish()
    drafted = RegisterChange.objects.get(subprocessor=twilio).notice
    assert drafted.kind == "removal" and "Twilio removed from the register" in drafted.summary

    aws = Subprocessor.objects.get(name="Amazon Web Services")
    products = {u.product.slug for u in aws.uses.all()}
    assert {"pupil-progress", "communications-hub"} <= products
    aws.uses = [u for u in aws.uses.all() if u.product.slug != "pupil-progress"]
    aws.save_revision().publish()
    drafted = RegisterChange.objects.get(subprocessor=aws).notice
    assert drafted.kind == "removal"
    assert "no longer used for Pupil Progress" in drafted.summary
    assert [p.slug for p in drafted.products.all()] == ["pupil-progress"]

    fram = Subprocessor.objects.get(name="FRAM")
    fram.delete()
    change = RegisterChange.objects.get(subprocessor_name="FRAM")
    assert change.notice.kind == "removal" and "FRAM" in change.notice.summary


def test_a_notice_published_first_announces_the_register_change(client, demo, admin_user):
    # The usual order: the DPO publishes the notice, then the register change on the day.
    twilio = Subprocessor.objects.get(name="Twilio")
    announced = notice("Twilio adds Ireland")
    announced.subprocessors.set([twilio])
    announced.save()
    ChangeNotice.objects.filter(pk=announced.pk).update(effective_date=TODAY)
    twilio.countries = ["US", "IE"]
    twilio.save_revision().publish()
    change = RegisterChange.objects.get(subprocessor=twilio)
    assert change.notice == announced  # no duplicate draft
    client.force_login(admin_user)
    assert (
        "Register changes without a published notice" not in client.get("/admin/").content.decode()
    )


def test_a_hand_written_notice_clears_the_dashboard_warning(client, demo, admin_user):
    client.force_login(admin_user)
    entry = Subprocessor.objects.get(name="Loom")
    entry.unpublish()  # a removal: it goes at once, and must still be announced
    change = RegisterChange.objects.get(subprocessor=entry)
    dashboard = client.get("/admin/").content.decode()
    assert "Register changes without a published notice" in dashboard
    assert "Loom removed from the register" in dashboard
    assert f"/admin/snippets/subprocessors/changenotice/edit/{change.notice.pk}/" in dashboard
    change.notice.delete()  # the DPO discards the drafted notice and writes their own
    assert "Loom removed from the register" in client.get("/admin/").content.decode()
    own = notice("Loom no longer used for Pupil Progress", kind="removal")
    own.subprocessors.set([entry])
    own.save()
    assert "Loom removed from the register" not in client.get("/admin/").content.decode()


def test_change_log_pages_and_junk_page_numbers(client, demo):
    for i in range(55):
        notice(f"Bulk {i:02d}")
    first = client.get("/subprocessors/changes/").content.decode()
    assert "Page 1 of 2 (59 changes)" in first and 'rel="next"' in first
    second = client.get("/subprocessors/changes/?page=2").content.decode()
    assert "Thinkific to host the Pupil Progress Academy" in second
    assert "Thinkific to host" not in first
    for junk in ("x", "0", "999", "-1", "1e9"):
        assert client.get(f"/subprocessors/changes/?page={junk}").status_code == 200


def test_publishing_purges_the_public_register_from_the_cdn(demo, settings):
    purged = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (HTTP method name)
            purged.append(self.headers["Host"] + self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "default": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_port}",
            }
        }
        published = notice("Purge me")
    finally:
        server.shutdown()
    paths = {p.split("/", 1)[1] for p in purged}
    for path in (
        "subprocessors/",
        "subprocessors/register.json",
        "subprocessors/changes/feed.atom",
        "products/communications-hub/",
        published.get_absolute_url().lstrip("/"),
    ):
        assert path in paths, (path, sorted(paths))


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
