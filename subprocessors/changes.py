"""No register change goes unannounced.

When a register entry is published, compare what the public now sees with what it saw before.
If schools would notice (a new entry, a retirement, a new country, purpose or safeguard), record
a RegisterChange and draft a ChangeNotice pre-filled with the change, waiting for the DPO.
"""

import datetime
import threading
from contextlib import contextmanager

from django.utils import timezone

from .models import (
    ChangeKind,
    ChangeNotice,
    RegisterChange,
    RegisterSnapshot,
    Subprocessor,
    TransferSafeguard,
)


def snapshot(entry):
    return {
        "name": entry.name,
        "countries": sorted(c.code for c in entry.countries),
        "transfer_safeguard": entry.transfer_safeguard,
        "end_date": entry.end_date.isoformat() if entry.end_date else None,
        "uses": {
            str(use.product_id): use.purpose for use in entry.uses.all().select_related("product")
        },
        "products": {
            str(use.product_id): use.product.title
            for use in entry.uses.all().select_related("product")
        },
    }


def describe_changes(before, after):
    """Plain-English list of what schools would see change, and the notice kind."""
    if not before:
        return [f"{after['name']} added to the register."], ChangeKind.ADDITION
    changes, kind = [], None
    if after["end_date"] and after["end_date"] != before.get("end_date"):
        end = datetime.date.fromisoformat(after["end_date"])
        changes.append(f"{after['name']} stops processing data on {end:%-d %B %Y}.")
        kind = ChangeKind.REMOVAL
    added = sorted(set(after["countries"]) - set(before.get("countries", [])))
    if added:
        from django_countries import countries

        names = ", ".join(countries.name(code) or code for code in added)
        changes.append(f"{after['name']} will also process data in: {names}.")
        kind = kind or ChangeKind.LOCATION
    if after["transfer_safeguard"] != before.get("transfer_safeguard"):
        label = TransferSafeguard(after["transfer_safeguard"]).label
        changes.append(f"{after['name']}'s transfer safeguard is now: {label}.")
        kind = kind or ChangeKind.SAFEGUARD
    before_uses = before.get("uses", {})
    for product_id, purpose in after["uses"].items():
        product = after["products"].get(product_id, "a product")
        if product_id not in before_uses:
            changes.append(f"{after['name']} now used for {product}: {purpose}.")
            kind = kind or ChangeKind.ADDITION
        elif before_uses[product_id] != purpose:
            changes.append(f"{after['name']}'s purpose for {product} is now: {purpose}.")
            kind = kind or ChangeKind.PURPOSE
    return changes, kind


def draft_notice(entry, changes, kind):
    from home.models import OrganisationSettings

    period = OrganisationSettings.load().notice_period_days
    today = timezone.localdate()
    effective = max(entry.start_date, today + datetime.timedelta(days=period))
    if kind == ChangeKind.REMOVAL and entry.end_date:
        effective = max(entry.end_date, today + datetime.timedelta(days=period))
    notice = ChangeNotice(
        kind=kind,
        title=f"{ChangeKind(kind).label}: {entry.name}",
        summary=" ".join(changes),
        notice_date=today,
        effective_date=effective,
        objection_deadline=effective - datetime.timedelta(days=1),
        live=False,
    )
    notice.save()
    notice.subprocessors.set([entry])
    notice.products.set([use.product_id for use in entry.uses.all()])
    notice.save()
    notice.save_revision()
    return notice


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
    changes, kind = describe_changes(snap.data, after)
    snap.data = after
    snap.save()
    if not changes:
        return None
    notice = draft_notice(entry, changes, kind)
    return RegisterChange.objects.create(
        subprocessor=entry, description=" ".join(changes), notice=notice
    )
