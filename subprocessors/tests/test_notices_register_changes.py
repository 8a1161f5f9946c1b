"""Register changes and their notices: the prefilled notice for a pending change, changes
schools would see detected (and cosmetic edits not), removals, and the dashboard warning."""

import pytest

from subprocessors.changes import approve_urgently, notice_for_pending_change
from subprocessors.models import ChangeNotice, RegisterChange, Subprocessor
from subprocessors.models.promise import UnannouncedChange

from .factories import DAY, TODAY, make_entry, make_notice, public_text

pytestmark = pytest.mark.django_db


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
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    for field, value in change.items():
        setattr(twilio, field, value)
    if kind == "location":  # a new country needs a notice first (test_promise.py): urgent here
        approve_urgently(twilio, None, "Test of detection.", twilio.public_state())
    twilio.save_revision().publish()
    drafted = RegisterChange.objects.get(subprocessor=twilio).notice
    assert drafted.kind == kind
    assert words in drafted.summary


def test_purpose_change_is_detected_and_cosmetic_edits_are_not(demo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
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


def test_retirements_and_dropped_products_are_announced(demo):
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    twilio.unpublish()
    drafted = RegisterChange.objects.get(subprocessor=twilio).notice
    assert drafted.kind == "removal" and "Twilio removed from the register" in drafted.summary

    aws = Subprocessor.objects.originals().get(name="Amazon Web Services")
    products = {u.product.slug for u in aws.uses.all()}
    assert {"pupil-progress", "communications-hub"} <= products
    aws.uses = [u for u in aws.uses.all() if u.product.slug != "pupil-progress"]
    aws.save_revision().publish()
    drafted = RegisterChange.objects.get(subprocessor=aws).notice
    assert drafted.kind == "removal"
    assert "no longer used for Pupil Progress" in drafted.summary
    assert [p.slug for p in drafted.products.all()] == ["pupil-progress"]

    fram = Subprocessor.objects.originals().get(name="FRAM")
    fram.delete()
    change = RegisterChange.objects.get(subprocessor_name="FRAM")
    assert change.notice.kind == "removal" and "FRAM" in change.notice.summary


def test_a_notice_published_first_announces_the_register_change(client, demo, admin_user):
    # The usual order: the DPO publishes the notice, then the register change on the day.
    twilio = Subprocessor.objects.originals().get(name="Twilio")
    announced = make_notice("Twilio adds Ireland")
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
    entry = Subprocessor.objects.originals().get(name="Loom")
    entry.unpublish()  # a removal: it goes at once, and must still be announced
    change = RegisterChange.objects.get(subprocessor=entry)
    dashboard = client.get("/admin/").content.decode()
    assert "Register changes without a published notice" in dashboard
    assert "Loom removed from the register" in dashboard
    assert f"/admin/snippets/subprocessors/changenotice/edit/{change.notice.pk}/" in dashboard
    change.notice.delete()  # the DPO discards the drafted notice and writes their own
    assert "Loom removed from the register" in client.get("/admin/").content.decode()
    own = make_notice("Loom no longer used for Pupil Progress", kind="removal")
    own.subprocessors.set([entry])
    own.save()
    assert "Loom removed from the register" not in client.get("/admin/").content.decode()
