"""What changed in the public register between the end of one day and the end of another: the
entries added, removed and changed, each changed field with its old and new value, and the
change notices that announced them. Read from the register's history (`history.py`), like the
past register, so it compares exactly what the public saw on each day.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from . import history
from .models import ChangeNotice, RegisterHistory, Status
from .records import to_record
from .register import _prepare_rows

# Fields of a record (`records.to_record`) a school would see change, with their labels.
ENTRY_FIELDS = [
    ("name", gettext_lazy("Name")),
    ("legal_entity", gettext_lazy("Legal entity")),
    ("recipient_type_label", gettext_lazy("Type of recipient")),
    ("status", pgettext_lazy("register entry status", "Status")),
    ("description", gettext_lazy("What they do")),
    ("role_note", gettext_lazy("Why this role")),
    ("countries", gettext_lazy("Where data is processed")),
    ("transfer_safeguard_label", gettext_lazy("Transfer safeguard")),
    ("data_categories", gettext_lazy("Data shared")),
    ("privacy_notice_url", gettext_lazy("Privacy notice link")),
    ("end_date", gettext_lazy("Stops on")),
]
# Labels of a product use's fields, after the product's name: "Juniper MIS: purpose".
USE_FIELDS = [
    ("purpose", pgettext_lazy("a product use's field", "purpose")),
    ("start_date", pgettext_lazy("a product use's field", "in use since")),
    ("data_subjects", pgettext_lazy("a product use's field", "whose data")),
]
NOT_GIVEN = gettext_lazy("Not given")
DATE_FIELDS = {"end_date", "start_date"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class EntryChange:
    """One entry that was added, removed or changed; `before`/`after` are its records."""

    id: str
    name: str
    before: dict | None
    after: dict | None
    fields: list = field(default_factory=list)
    notices: list = field(default_factory=list)  # live ChangeNotices, by effective date

    @property
    def shown(self):
        return self.after or self.before


@dataclass
class Comparison:
    start: datetime.date
    end: datetime.date
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.added) + len(self.removed) + len(self.changed)


def _show(name, value):
    if name == "status":
        return _(Status(value).label)
    if name in ("recipient_type_label", "transfer_safeguard_label") and value:
        return _(value)  # records keep the English label
    if name == "countries":
        return ", ".join(country["name"] for country in value) or str(NOT_GIVEN)
    if name in DATE_FIELDS:
        return history.format_day(datetime.date.fromisoformat(value)) if value else _("No date")
    return value or str(NOT_GIVEN)


def _use_summary(use):
    since = history.format_day(datetime.date.fromisoformat(use["start_date"]))
    return _("%(purpose)s (since %(since)s; data about %(subjects)s)") % {
        "purpose": use["purpose"],
        "since": since,
        "subjects": use["data_subjects"].lower(),
    }


def changed_fields(before, after):
    """What differs between two records of the same entry, field by field, as shown."""
    changes = []
    for name, label in ENTRY_FIELDS:
        old, new = _show(name, before[name]), _show(name, after[name])
        if old != new:
            changes.append(FieldChange(str(label), old, new))
    old_uses = {use["slug"]: use for use in before["products"]}
    new_uses = {use["slug"]: use for use in after["products"]}
    for slug in [*old_uses, *(s for s in new_uses if s not in old_uses)]:
        old, new = old_uses.get(slug), new_uses.get(slug)
        title = (new or old)["name"]
        if old is None or new is None:
            changes.append(
                FieldChange(
                    _("Use for %(product)s") % {"product": title},
                    _use_summary(old) if old else _("Not used"),
                    _use_summary(new) if new else _("Not used"),
                )
            )
            continue
        for name, label in USE_FIELDS:
            if _show(name, old[name]) != _show(name, new[name]):
                changes.append(
                    FieldChange(
                        _("%(product)s: %(field)s") % {"product": title, "field": label},
                        _show(name, old[name]),
                        _show(name, new[name]),
                    )
                )
    return changes


def _records(day, products):
    """{id: record} of what the public register showed at the end of `day` (one query)."""
    rows = history.latest_rows(history.end_of_day(day))
    entries = [
        history.entry_from_record(row.record, row.at) for row in rows if row.record is not None
    ]
    entries = _prepare_rows(history.select(entries, products))
    return {entry.public_id: to_record(entry, day) for entry in entries}


def _notices(changes, start, end):
    """Attach to each change the live notices that announced it: the one linked to a register
    change recorded between the two days, and those naming the entry that took effect then."""
    by_id = {change.id: change for change in changes}
    if not by_id:
        return
    found = {entry_id: {} for entry_id in by_id}
    events = RegisterHistory.objects.filter(
        entry_id__in=list(by_id),
        at__gte=history.end_of_day(start),
        at__lt=history.end_of_day(end),
        register_change__notice__live=True,
    ).select_related("register_change__notice")
    for event in events:
        notice = event.register_change.notice
        found[str(event.entry_id)][notice.pk] = notice
    named = (
        ChangeNotice.objects.originals()
        .in_active_language()
        .filter(
            live=True,
            subprocessors__uuid__in=list(by_id),
            effective_date__gt=start,
            effective_date__lte=end,
        )
        .annotate(entry_uuid=F("subprocessors__uuid"))
        .only("pk", "title", "kind", "effective_date", "notice_date")
    )
    for notice in named:
        found[str(notice.entry_uuid)].setdefault(notice.pk, notice)
    for entry_id, notices in found.items():
        by_id[entry_id].notices = sorted(
            notices.values(), key=lambda n: (n.effective_date, n.notice_date, n.pk)
        )


def compare(start, end, products=()):
    """What the public register showed differently at the end of `end` than at the end of
    `start` (dates, `start` <= `end`, both checked with `history.check_day`). `products`:
    ProductPage objects or ids, as `?product=` filters the register."""
    before, after = _records(start, products), _records(end, products)
    result = Comparison(start, end)
    for entry_id in sorted(
        before.keys() | after.keys(), key=lambda i: ((after.get(i) or before[i])["name"], i)
    ):
        old, new = before.get(entry_id), after.get(entry_id)
        change = EntryChange(entry_id, (new or old)["name"], old, new)
        if old is None:
            result.added.append(change)
        elif new is None:
            result.removed.append(change)
        else:
            change.fields = changed_fields(old, new)
            if change.fields:
                result.changed.append(change)
    _notices([*result.added, *result.removed, *result.changed], start, end)
    return result
