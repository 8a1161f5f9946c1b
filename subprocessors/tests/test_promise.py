"""Our one promise, enforced: no new sub-processor, product use or country goes live before a
live change notice announced it with the full notice period, unless the DPO records an urgent
change (shown on the public notice). Removals go live at once and are still announced."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from products.models import ProductPage
from subprocessors.models import ChangeNotice, RegisterChange, Subprocessor
from subprocessors.models.promise import UnannouncedChange

from .factories import ENTRY_ADD_URL as ADD_URL
from .factories import ENTRY_EDIT_URL as EDIT_URL
from .factories import dpo_user, editor_user, entry_form

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PUBLISH = {"action-publish": "action-publish"}


@pytest.fixture
def dpo(django_user_model):
    return dpo_user(django_user_model)


@pytest.fixture
def editor(django_user_model):
    return editor_user(django_user_model)


def new_entry_form(name, uses):
    """A US monitoring supplier; `uses` are (product, start date, existing use id)."""
    return entry_form(
        name,
        [
            {"product": p, "start_date": start, "id": use_id, "purpose": "Monitoring"}
            for p, start, use_id in uses
        ],
        countries=["US"],
        safeguard="uk_us_data_bridge",
        description="Monitors the service.",
        data_categories="Error reports",
    )


def twilio_form(twilio, **changes):
    use = twilio.uses.get()
    return entry_form(
        twilio.name,
        [{"product": use.product, "start_date": use.start_date, "id": use.pk}],
        countries=changes.pop("countries", [c.code for c in twilio.countries]),
        safeguard=twilio.transfer_safeguard,
        description=twilio.description,
        data_categories=twilio.data_categories,
        **changes,
    )


def test_a_new_subprocessor_goes_live_only_after_its_notice(client, dpo):
    """The defect: New Relic, meant to start on 15 January 2027, went live as current today."""
    client.force_login(dpo)
    mis = ProductPage.objects.get(locale__language_code="en-gb", slug="juniper-mis")
    start = TODAY + datetime.timedelta(days=10)
    form = new_entry_form("Datadog", [(mis, start, None)])

    refused = client.post(ADD_URL, {**form, **PUBLISH})
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "Schools must be told before this goes live" in body
    assert "Datadog for Juniper MIS would start on" in body
    assert "Save this entry as a draft first" in body
    assert not Subprocessor.objects.originals().filter(name="Datadog").exists()

    # Saved as a draft: a notice is drafted, titled without repeating its kind.
    saved = client.post(ADD_URL, form, follow=True)
    assert "A change notice is drafted for it" in saved.content.decode()
    entry = Subprocessor.objects.originals().get(name="Datadog")
    notice = ChangeNotice.objects.originals().get(subprocessors=entry)
    assert (notice.live, notice.kind) == (False, "addition")
    assert notice.title == "Datadog to process data for Juniper MIS"
    assert notice.effective_date == TODAY + datetime.timedelta(days=30)  # the notice period

    # Publishing still refused, with a link to the drafted notice.
    use_id = entry.uses.get().pk
    edit = EDIT_URL.format(pk=entry.pk)
    refused = client.post(edit, {**new_entry_form("Datadog", [(mis, start, use_id)]), **PUBLISH})
    body = refused.content.decode()
    assert f'href="/admin/snippets/subprocessors/changenotice/edit/{notice.pk}/"' in body
    assert not Subprocessor.objects.get(pk=entry.pk).live

    # The DPO publishes the notice; a start before its effective date is still refused ...
    notice.save_revision(user=dpo).publish(user=dpo)
    notice.refresh_from_db()
    refused = client.post(edit, {**new_entry_form("Datadog", [(mis, start, use_id)]), **PUBLISH})
    assert f"start on {notice.effective_date:%-d %B %Y} or later" in refused.content.decode()
    assert not Subprocessor.objects.get(pk=entry.pk).live

    # ... and on its effective date the entry goes live, shown as upcoming until then.
    on_time = new_entry_form("Datadog", [(mis, notice.effective_date, use_id)])
    assert client.post(edit, {**on_time, **PUBLISH}).status_code == 302
    assert Subprocessor.objects.get(pk=entry.pk).live
    client.logout()
    register = client.get("/subprocessors/").content.decode()
    upcoming = register.split('id="upcoming-h"')[1].split('id="former-h"')[0]
    assert "Datadog" in upcoming
    assert f'Starts on <time datetime="{notice.effective_date.isoformat()}">' in upcoming
    current = register.split('id="current-h"')[1].split('id="upcoming-h"')[0]
    assert "Datadog" not in current


def test_a_new_country_is_refused_without_a_notice(client, dpo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    client.force_login(dpo)
    response = client.post(
        EDIT_URL.format(pk=twilio.pk), {**twilio_form(twilio, countries=["US", "IE"]), **PUBLISH}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Twilio processing data in Ireland would start on" in body
    assert [c.code for c in Subprocessor.objects.get(pk=twilio.pk).countries] == ["US"]
    drafted = ChangeNotice.objects.originals().get(subprocessors=twilio, live=False)
    assert drafted.kind == "location"
    assert f'href="/admin/snippets/subprocessors/changenotice/edit/{drafted.pk}/"' in body

    # Code paths cannot publish it either.
    twilio.countries = ["US", "IE"]
    with pytest.raises(UnannouncedChange, match="Ireland"):
        twilio.save_revision().publish()
    assert [c.code for c in Subprocessor.objects.get(pk=twilio.pk).countries] == ["US"]


def test_an_urgent_change_goes_live_with_a_public_notice_giving_the_reason(client, dpo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    client.force_login(dpo)
    url = EDIT_URL.format(pk=twilio.pk)
    urgent = twilio_form(twilio, countries=["US", "IE"], urgent_change="on")

    no_reason = client.post(url, {**urgent, **PUBLISH})
    assert "Say why this change cannot wait for the notice." in no_reason.content.decode()
    assert [c.code for c in Subprocessor.objects.get(pk=twilio.pk).countries] == ["US"]

    reason = "Our US data centre failed; Twilio moved SMS delivery to Dublin overnight."
    response = client.post(url, {**urgent, "urgent_reason": reason, **PUBLISH})
    assert response.status_code == 302
    assert {c.code for c in Subprocessor.objects.get(pk=twilio.pk).countries} == {"US", "IE"}

    notice = ChangeNotice.objects.originals().get(subprocessors=twilio, urgent_reason=reason)
    assert notice.live and notice.is_urgent and notice.urgent_approved_by == dpo
    assert notice.effective_date == TODAY
    assert notice.objection_deadline == TODAY + datetime.timedelta(days=30)
    log = ModelLogEntry.objects.get(action="subprocessors.urgent_change")
    assert log.user == dpo and log.data["reason"] == reason
    assert not RegisterChange.unannounced().filter(subprocessor=twilio).exists()

    client.logout()
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "Urgent change made without the usual notice" in page
    assert "moved SMS delivery to Dublin overnight" in page
    assert (
        "moved SMS delivery to Dublin overnight"
        in client.get("/subprocessors/changes/feed.rss").content.decode()
    )


def test_editors_do_not_get_the_urgent_override(client, editor):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    client.force_login(editor)
    page = client.get(EDIT_URL.format(pk=twilio.pk)).content.decode()
    assert "Urgent change without prior notice" not in page
    # Posting the field anyway neither publishes nor records an override.
    urgent = twilio_form(twilio, countries=["US", "IE"], urgent_change="on", urgent_reason="x")
    client.post(EDIT_URL.format(pk=twilio.pk), {**urgent, **PUBLISH})
    assert [c.code for c in Subprocessor.objects.get(pk=twilio.pk).countries] == ["US"]
    assert not ChangeNotice.objects.originals().filter(urgent_approved_at__isnull=False).exists()


def test_removals_go_live_without_prior_notice_and_are_announced(client, dpo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    client.force_login(dpo)
    end = TODAY + datetime.timedelta(days=7)
    response = client.post(
        EDIT_URL.format(pk=twilio.pk), {**twilio_form(twilio, end_date=end.isoformat()), **PUBLISH}
    )
    assert response.status_code == 302
    assert Subprocessor.objects.get(pk=twilio.pk).end_date == end
    change = RegisterChange.objects.get(subprocessor=twilio)
    assert change.notice.kind == "removal" and not change.notice.live
    assert "Twilio stops processing data on" in change.notice.summary


def test_a_scheduled_change_whose_notice_was_withdrawn_is_held_back():
    """Intercom's move to the UK is scheduled for its notice's effective day. If the notice is
    withdrawn meanwhile, the scheduler must not make the move live unannounced."""
    intercom = Subprocessor.objects.originals().get(name="Intercom")
    ChangeNotice.objects.originals().get(
        subprocessors=intercom, live=True, kind="location"
    ).unpublish()
    scheduled = intercom.revisions.get(approved_go_live_at__isnull=False)
    Revision.objects.filter(pk=scheduled.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=io.StringIO())
    assert [c.code for c in Subprocessor.objects.get(pk=intercom.pk).countries] == ["EU"]
    assert Revision.objects.get(pk=scheduled.pk).approved_go_live_at is None
    held = RegisterChange.unannounced().get(subprocessor=intercom, notice=None)
    assert "The scheduled change to Intercom was not published" in held.description


def test_the_register_shows_announced_future_changes(client):
    intercom_notice = ChangeNotice.objects.originals().get(kind="location", live=True)
    when = f"{intercom_notice.effective_date:%-d %B %Y}"
    register = client.get("/subprocessors/").content.decode()
    row = register.split('class="register-name">Intercom</span>')[1].split("</tr>")[0]
    assert f"Moves to United Kingdom on {when}" in row
    upcoming = register.split('id="upcoming-h"')[1].split('id="former-h"')[0]
    assert "No upcoming additions" not in upcoming
    assert f"Moves to United Kingdom on {when}" in upcoming
    assert intercom_notice.get_absolute_url() in upcoming
    product = client.get("/products/pupil-progress/").content.decode()
    assert f"Moves to United Kingdom on {when}" in product
    # Another product's page does not show it.
    assert "Moves to United Kingdom" not in client.get("/products/juniper-mis/").content.decode()


def test_feed_titles_never_repeat_the_kind(client):
    notice = ChangeNotice.objects.originals().get(title__startswith="Twilio")
    notice.title = "New sub-processor: Twilio"  # as drafted before the fix
    notice.save_revision().publish()
    for feed in ("rss", "atom", "json"):
        body = client.get(f"/subprocessors/changes/feed.{feed}").content.decode()
        assert "New sub-processor: New sub-processor:" not in body, feed
        assert "New sub-processor: Twilio" in body, feed
    other = ChangeNotice.objects.originals().get(title__startswith="Thinkific")
    assert other.headline == f"New sub-processor: {other.title}"


def test_start_dates_and_data_subjects_belong_to_each_product(client):
    hub = client.get("/products/communications-hub/").content.decode()
    aws_row = hub.split('class="register-name">Amazon Web Services</span>')[1].split("</tr>")[0]
    assert "25 November 2025" in aws_row and "4 June 2024" not in aws_row
    progress = client.get("/products/pupil-progress/").content.decode()
    aws_row = progress.split('class="register-name">Amazon Web Services</span>')[1]
    aws_row = aws_row.split("</tr>")[0]
    assert "parents" not in aws_row.lower()
    data = client.get("/subprocessors/register.json?product=communications-hub").json()
    aws = next(e for e in data["entries"] if e["name"] == "Amazon Web Services")
    assert aws["products"][0]["start_date"] == "2025-11-25"
    assert aws["start_date"] == "2025-11-25"


def test_dpia_recipients_are_listed_as_what_the_dpia_says_they_are(client):
    data = client.get("/subprocessors/register.json?product=juniper-mis").json()
    by_name = {e["name"]: e for e in data["entries"]}
    for name in ["New Relic", "FusionAuth", "Network management provider"]:
        assert by_name[name]["recipient_type"] == "subprocessor", name
        assert by_name[name]["role_note"], name
    siem = by_name["Security monitoring (SIEM/SOC)"]
    assert siem["recipient_type"] == "in_house" and "ourselves" in siem["role_note"]
    assert "Apache HTTP Server" not in by_name
    assert "Illustrative" in Subprocessor.objects.originals().get(name="New Relic").internal_note
