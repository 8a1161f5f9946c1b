"""No register change goes unannounced.

Before: an entry whose draft adds a product use or a country cannot be published until a live
change notice covers the addition in time (`models.promise`). Saving such a draft drafts that
notice for the DPO (`notice_for_pending_change`).

After: when an entry is published, compare what the public now sees with what it saw before.
If schools would notice (a new entry, a retirement, a new country, purpose or safeguard),
record a RegisterChange linked to the notice that announced it, or draft one.
"""

import datetime

from django.utils import timezone
from django_countries import countries
from wagtail.log_actions import log

from trusthub.core.locales import is_original
from trusthub.core.models import notice_period_days

from . import history
from .models import (
    ChangeKind,
    ChangeNotice,
    HistoryEvent,
    RegisterChange,
    RegisterSnapshot,
    Subprocessor,
    TransferSafeguard,
)


def snapshot(entry):
    return entry.public_state()


def describe_changes(before, after):
    """Plain-English list of what schools would see change, the notice kind, and the ids of
    the products concerned (None: every product the entry is used for)."""
    name = after["name"]
    if not before:
        return [f"{name} added to the register."], ChangeKind.ADDITION, None
    changes, kind, products = [], None, set()
    everything = False
    if after["end_date"] and after["end_date"] != before.get("end_date"):
        end = datetime.date.fromisoformat(after["end_date"])
        changes.append(f"{name} stops processing data on {end:%-d %B %Y}.")
        kind, everything = ChangeKind.REMOVAL, True
    elif before.get("end_date") and not after["end_date"]:
        changes.append(f"{name} is no longer due to stop processing data.")
        kind, everything = ChangeKind.ADDITION, True
    added = sorted(set(after["countries"]) - set(before.get("countries", [])))
    if added:
        names = ", ".join(countries.name(code) or code for code in added)
        changes.append(f"{name} will also process data in: {names}.")
        kind, everything = kind or ChangeKind.LOCATION, True
    if after["transfer_safeguard"] != before.get("transfer_safeguard"):
        label = TransferSafeguard(after["transfer_safeguard"]).label
        changes.append(f"{name}'s transfer safeguard is now: {label}.")
        kind, everything = kind or ChangeKind.SAFEGUARD, True
    before_uses = before.get("uses", {})
    for product_id, purpose in after["uses"].items():
        product = after["products"].get(product_id, "a product")
        if product_id not in before_uses:
            changes.append(f"{name} now used for {product}: {purpose}.")
            # A new use is what schools may object to: it outranks a reworded purpose.
            kind = ChangeKind.ADDITION if kind in (None, ChangeKind.PURPOSE) else kind
            products.add(product_id)
        elif before_uses[product_id] != purpose:
            changes.append(f"{name}'s purpose for {product} is now: {purpose}.")
            kind = kind or ChangeKind.PURPOSE
            products.add(product_id)
    for product_id in before_uses.keys() - after["uses"].keys():
        product = before.get("products", {}).get(product_id, "a product")
        changes.append(f"{name} no longer used for {product}.")
        kind = kind or ChangeKind.REMOVAL
        products.add(product_id)
    return changes, kind, (None if everything else {int(pk) for pk in products})


def drafted_title(kind, name, product_titles=()):
    """A plain headline. The kind ("New sub-processor") is shown beside the title on every
    page and feed, so the title never repeats it."""
    products = " and ".join(product_titles) if len(product_titles) <= 2 else "several products"
    for_products = f" for {products}" if product_titles else ""
    titles = {
        ChangeKind.ADDITION: f"{name} to process data{for_products}",
        ChangeKind.REMOVAL: f"{name} to stop processing data{for_products}",
        ChangeKind.REPLACEMENT: f"{name} to replace a sub-processor{for_products}",
        ChangeKind.LOCATION: f"{name} to change where data is processed",
        ChangeKind.PURPOSE: f"{name} to change what it does{for_products}",
        ChangeKind.SAFEGUARD: f"{name} to change its transfer safeguard",
    }
    return titles[ChangeKind(kind)]


def announced_by(entry):
    """A published notice about this entry that has not long taken effect: the usual order
    is the notice first, then the register change on its effective day."""
    since = timezone.localdate() - datetime.timedelta(days=ANNOUNCED_WITHIN_DAYS)
    return (
        ChangeNotice.objects.originals()
        .filter(live=True, subprocessors=entry, effective_date__gte=since)
        .order_by("-first_published_at")
        .first()
    )


ANNOUNCED_WITHIN_DAYS = 14


def draft_notice(entry, changes, kind, product_ids=None, name="", starts=None):
    """A draft notice pre-filled with the change, for the DPO to complete and publish. It
    takes effect when the change starts (or, for a removal, when the entry stops), but never
    sooner than the notice period allows."""
    today = timezone.localdate()
    effective = starts or today
    if entry is not None and kind == ChangeKind.REMOVAL and entry.end_date:
        effective = entry.end_date
    effective = max(effective, today + datetime.timedelta(days=notice_period_days()))
    if entry is not None and product_ids is None:
        product_ids = [use.product_id for use in entry.uses.all()]
    titles = []
    if entry is not None and product_ids:
        titles = [use.product.title for use in entry.uses.all() if use.product_id in product_ids]
    notice = ChangeNotice(
        kind=kind,
        title=drafted_title(kind, entry.name if entry else name, titles),
        summary=" ".join(changes),
        effective_date=effective,
        objection_deadline=effective - datetime.timedelta(days=1),
        live=False,
    )
    notice.save()
    if entry is not None:
        notice.subprocessors.set([entry])
        notice.products.set(product_ids or [])
    notice.save()
    notice.save_revision()
    return notice


def waiting_notice(entry):
    """A notice about this entry drafted and not yet published, if any."""
    return (
        ChangeNotice.objects.originals()
        .filter(subprocessors=entry, live=False, first_published_at=None)
        .order_by("-pk")
        .first()
    )


def notice_for_pending_change(entry, state=None):
    """The notice that must go live before the entry's pending additions: the one already
    drafted, else a new draft pre-filled with them. None when nothing needs announcing."""
    problems = entry.unannounced_additions(state)
    if not problems:
        return None
    notice = waiting_notice(entry)
    if notice is not None:
        return notice
    state = state or entry.public_state()
    snapshot = entry.last_public_snapshot()
    changes, _kind, product_ids = describe_changes(snapshot.data if snapshot else {}, state)
    new_products = any(addition.product_id is not None for addition, _later in problems)
    kind = ChangeKind.ADDITION if new_products else ChangeKind.LOCATION
    starts = max(addition.starts for addition, _later in problems)
    return draft_notice(entry, changes, kind, product_ids, starts=starts)


def approve_urgently(entry, user, reason, state=None):
    """The DPO's override: the pending change may go live without the full notice. Recorded
    on the change notice that announces it (drafted if need be), which goes live with the
    change and shows the reason; logged in the audit log."""
    notice = notice_for_pending_change(entry, state) or waiting_notice(entry)
    if notice is None:
        return None
    notice.urgent_reason = reason
    notice.urgent_approved_by = user
    notice.urgent_approved_at = timezone.now()
    notice.save(update_fields=["urgent_reason", "urgent_approved_by", "urgent_approved_at"])
    log(
        instance=entry,
        action="subprocessors.urgent_change",
        user=user,
        data={"reason": reason, "notice": notice.pk},
    )
    return notice


def publish_urgent_notice(entry):
    """An urgent change went live: its notice goes live at once, in effect today, and schools
    may object for the usual notice period."""
    notice = entry.urgent_override()
    if notice is None or notice.live:
        return None
    today = timezone.localdate()
    notice.effective_date = today
    notice.objection_deadline = today + datetime.timedelta(days=notice_period_days())
    notice.go_live_at = None
    notice.save()
    notice.save_revision(user=notice.urgent_approved_by).publish(
        user=notice.urgent_approved_by, skip_permission_checks=True
    )
    return notice


def record(entry, changes, kind, product_ids=None, name=""):
    """Link the change to the notice announcing it, drafting one if there is none yet."""
    notice = announced_by(entry) if entry is not None else None
    if notice is None:
        notice = draft_notice(entry, changes, kind, product_ids, name)
    return RegisterChange.objects.create(
        subprocessor=entry,
        subprocessor_name=entry.name if entry else name,
        description=" ".join(changes),
        notice=notice,
    )


def on_published(sender, instance, revision=None, **kwargs):
    """A register entry went live: record what schools would see change. Publishing known
    history (`publish(..., known_history=True)`, e.g. the demo loader) only takes the
    snapshot: that history was announced elsewhere, and an entry's first publication is dated
    from when it came into use (`backdate_known_history`). Either way, what the public now
    sees goes into the register's history (`history.record_published`). A translation
    changes words only: the register's history is its original's."""
    if not is_original(instance):
        return
    if getattr(revision, "known_history", False):
        entry = Subprocessor.objects.get(pk=instance.pk)
        RegisterSnapshot.objects.update_or_create(
            subprocessor=entry, defaults={"data": snapshot(entry)}
        )
        backdate_known_history(entry)
        history.record_published(entry.pk)
        return
    entry = Subprocessor.objects.filter(pk=instance.pk, live=True).first()
    if entry is None:
        return
    publish_urgent_notice(entry)  # before the change is recorded, so it links to it
    change = record_register_change(entry.pk)
    history.record_published(entry.pk, change)


def backdate_known_history(entry):
    """Known history is public from the start of the day its earliest product use started
    (`entry.start_date`), when that day is past: the entry's publication times
    (`first_published_at`, `last_published_at`) are moved there, as the demo notices are dated
    from their notice days, so the live register, its exports and the register's history all
    say the same; `/subprocessors/?at=` then shows the demo register as it grew. Only an
    entry's first publication (no history yet) moves: a later one is recorded from now, after
    what is already recorded."""
    start = entry.start_date
    if start is None or start >= timezone.localdate() or entry.history.exists():
        return
    since = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
    Subprocessor.objects.filter(pk=entry.pk).update(
        first_published_at=since, last_published_at=since
    )


def record_register_change(pk):
    entry = Subprocessor.objects.filter(pk=pk, live=True).first()
    if entry is None:
        return None
    snap, _ = RegisterSnapshot.objects.get_or_create(subprocessor=entry)
    after = snapshot(entry)
    changes, kind, product_ids = describe_changes(snap.data, after)
    snap.data = after
    snap.save()
    if not changes:
        return None
    return record(entry, changes, kind, product_ids)


def on_unpublished(sender, instance, **kwargs):
    """An entry taken off the public register is a removal schools must be told about. Its
    snapshot is emptied, not deleted: notices older than this never announce its return."""
    if not is_original(instance):
        return  # a translation's words gone: the entry itself is still on the register
    RegisterSnapshot.objects.update_or_create(subprocessor_id=instance.pk, defaults={"data": {}})
    change = record(instance, [f"{instance.name} removed from the register."], ChangeKind.REMOVAL)
    history.record_removed(instance, HistoryEvent.UNPUBLISHED, change)


def on_deleted(sender, instance, **kwargs):
    """Deleting a live entry removes it from the public register: record that by name."""
    if not instance.live or not is_original(instance):
        return
    change = record(
        None,
        [f"{instance.name} removed from the register."],
        ChangeKind.REMOVAL,
        name=instance.name,
    )
    history.record_removed(instance, HistoryEvent.DELETED, change)
