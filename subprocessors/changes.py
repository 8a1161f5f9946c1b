"""No register change goes unannounced.

When a register entry is published, compare what the public now sees with what it saw before.
If schools would notice (a new entry, a retirement, a new country, purpose or safeguard), record
a RegisterChange and draft a ChangeNotice pre-filled with the change, waiting for the DPO.
"""

import datetime
import threading
from contextlib import contextmanager

from django.utils import timezone
from django_countries import countries

from .models import (
    ChangeKind,
    ChangeNotice,
    RegisterChange,
    RegisterSnapshot,
    Subprocessor,
    TransferSafeguard,
    notice_period_days,
)


def snapshot(entry):
    uses = list(entry.uses.all().select_related("product"))
    return {
        "name": entry.name,
        "countries": sorted(c.code for c in entry.countries),
        "transfer_safeguard": entry.transfer_safeguard,
        "end_date": entry.end_date.isoformat() if entry.end_date else None,
        "uses": {str(use.product_id): use.purpose for use in uses},
        "products": {str(use.product_id): use.product.title for use in uses},
    }


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
            kind = kind or ChangeKind.ADDITION
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


def announced_by(entry):
    """A published notice about this entry that has not long taken effect: the usual order
    is the notice first, then the register change on its effective day."""
    since = timezone.localdate() - datetime.timedelta(days=ANNOUNCED_WITHIN_DAYS)
    return (
        ChangeNotice.objects.filter(live=True, subprocessors=entry, effective_date__gte=since)
        .order_by("-first_published_at")
        .first()
    )


ANNOUNCED_WITHIN_DAYS = 14


def draft_notice(entry, changes, kind, product_ids=None, name=""):
    """A draft notice pre-filled with the change, for the DPO to complete and publish. It
    takes effect when the entry starts (or, for a removal, stops), but never sooner than the
    notice period allows."""
    today = timezone.localdate()
    effective = today
    if entry is not None:
        removal_end = entry.end_date if kind == ChangeKind.REMOVAL else None
        effective = removal_end or entry.start_date
    effective = max(effective, today + datetime.timedelta(days=notice_period_days()))
    notice = ChangeNotice(
        kind=kind,
        title=f"{ChangeKind(kind).label}: {entry.name if entry else name}",
        summary=" ".join(changes),
        effective_date=effective,
        objection_deadline=effective - datetime.timedelta(days=1),
        live=False,
    )
    notice.save()
    if entry is not None:
        notice.subprocessors.set([entry])
        # The products concerned: those the change names, else every product using the entry.
        notice.products.set(
            product_ids if product_ids is not None else [u.product_id for u in entry.uses.all()]
        )
    notice.save()
    notice.save_revision()
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


_state = threading.local()


@contextmanager
def announcements_recorded_elsewhere():
    """For loading known history (demo content): take snapshots, draft no notices."""
    _state.suppressed = True
    try:
        yield
    finally:
        _state.suppressed = False


def on_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, Subprocessor):
        return
    if getattr(_state, "suppressed", False):
        entry = Subprocessor.objects.get(pk=instance.pk)
        RegisterSnapshot.objects.update_or_create(
            subprocessor=entry, defaults={"data": snapshot(entry)}
        )
        return
    record_register_change(instance.pk)


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
    """An entry taken off the public register is a removal schools must be told about."""
    if not isinstance(instance, Subprocessor) or getattr(_state, "suppressed", False):
        return
    RegisterSnapshot.objects.filter(subprocessor_id=instance.pk).delete()
    record(instance, [f"{instance.name} removed from the register."], ChangeKind.REMOVAL)


def on_deleted(sender, instance, **kwargs):
    """Deleting a live entry removes it from the public register: record that by name."""
    if not instance.live or getattr(_state, "suppressed", False):
        return
    record(
        None,
        [f"{instance.name} removed from the register."],
        ChangeKind.REMOVAL,
        name=instance.name,
    )
