"""The register as it was: what the public register showed at the end of any day since it was
first published.

Source: `RegisterHistory` (models/history.py), one row per publication, unpublish or deletion
of an entry, written by the receivers in `changes.py` at the moment the public register changed
(a scheduled change: when it went live, not when the DPO approved it). Drafts and revisions are
never read, so an edit that was never published never shows in a past view; rows outlive the
entry (Wagtail deletes a snippet's revisions with it).

"The end of a day" is midnight at its end in the site's time zone (Europe/London): a change
published at 23:59 on 12 March is in the register as at 12 March; one at 00:00 on 13 March is
not. Statuses (current, upcoming, former) are worked out for that day.

For other code:

    day = parse_day("2026-03-12")                # or "12/03/2026"; raises HistoryDateError
    records = register_at(day, products=[page])  # the to_record() dicts, as exported that day
"""

import calendar
import datetime
import re
import uuid

from django.db.models import F, Min, OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import RegisterHistory, Subprocessor, SubprocessorUse, today
from .models.history import HistoryEvent
from .records import to_record
from .register import TYPE_FILTERS, _prepare_rows
from .representations import register_filter

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_UK_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")  # day/month/year

FORMAT_MESSAGE = gettext_lazy(
    "Enter the date as year-month-day in numbers, for example 2026-03-12, or as "
    "day/month/year, for example 12/03/2026."
)


class HistoryDateError(ValueError):
    """A date the register's history cannot answer for. `message` says why, for the person who
    gave it; `code` is for machines: invalid_date, future_date, before_register, no_history."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def format_day(day):
    """'12 March 2026', in the active language ('12 Mawrth 2026' in Welsh)."""
    return date_format(day, "j F Y")


def parse_day(text):
    """'YYYY-MM-DD' or the UK 'DD/MM/YYYY' (surrounding spaces ignored) as a date, or
    HistoryDateError("invalid_date") saying what is wrong. Whether the register existed on
    that day is `check_day`'s question."""
    text = (text or "").strip()
    if _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in text.split("-"))
    elif match := _UK_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        shown = "".join(ch for ch in text[:40] if ch.isprintable())
        if shown:
            message = _("“%(text)s” is not a date we can read. %(format)s") % {
                "text": shown,
                "format": FORMAT_MESSAGE,
            }
        else:
            message = str(FORMAT_MESSAGE)
        raise HistoryDateError(message, "invalid_date")
    if not 1 <= year <= 9998:
        raise HistoryDateError(
            _("%(text)s is not a year we can show. %(format)s")
            % {"text": text, "format": FORMAT_MESSAGE},
            "invalid_date",
        )
    if not 1 <= month <= 12:
        raise HistoryDateError(
            _("%(text)s is not a real date: the month must be from 1 to 12.") % {"text": text},
            "invalid_date",
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise HistoryDateError(
            _("%(text)s is not a real date: %(month)s has %(days)s days.")
            % {
                "text": text,
                "month": date_format(datetime.date(year, month, 1), "F Y"),
                "days": days,
            },
            "invalid_date",
        )
    return datetime.date(year, month, day)


def requested_day(query, name="at"):
    """`?at=` (or `?<name>=`) as cache keys name it: the ISO date, so that 12/03/2026 and
    2026-03-12 share one entry; "" when absent; the text itself when unreadable (a response
    to that is never stored)."""
    raw = query.get(name, "").strip()
    if not raw:
        return ""
    try:
        return parse_day(raw).isoformat()
    except HistoryDateError:
        return raw[:40]


def register_at_filter(request):
    """The cache key parts of the register and its exports: their filter, and the day."""
    day = requested_day(request.GET)
    return (*register_filter(request), day) if day else register_filter(request)


def end_of_day(day):
    """Midnight at the end of `day`, in the site's time zone: the past view shows what was
    published before it."""
    midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(midnight)


def register_began():
    """When the first entry was published (a datetime), or None if none ever was."""
    return RegisterHistory.objects.aggregate(first=Min("at"))["first"]


def check_day(day, began, now_day=None):
    """Raise HistoryDateError unless the register existed by the end of `day` and `day` is
    not in the future. `began`: `register_began()`."""
    now_day = now_day or today()
    if began is None:
        raise HistoryDateError(
            _(
                "Nothing has been published in the register yet, so there is no earlier "
                "register to show."
            ),
            "no_history",
        )
    if day > now_day:
        raise HistoryDateError(
            _(
                "%(day)s is in the future. Choose a date up to today, %(today)s. Upcoming "
                "changes are on the current register."
            )
            % {"day": format_day(day), "today": format_day(now_day)},
            "future_date",
        )
    first = timezone.localdate(began)
    if day < first:
        raise HistoryDateError(
            _(
                "The public register began on %(first)s, so there is no register to show for "
                "%(day)s. Choose %(first)s or a later date."
            )
            % {"first": format_day(first), "day": format_day(day)},
            "before_register",
        )


# --- Writing: called by the receivers in changes.py ----------------------------------------------


def public_uses(pk):
    """An entry's uses as the public register shows them: products that are live, in the
    register's order, each with the product's slug and title."""
    return (
        SubprocessorUse.objects.filter(subprocessor_id=pk, product__live=True)
        .annotate(product_slug=F("product__slug"), product_title=F("product__title"))
        .order_by("product__path")
    )


def public_record(entry):
    """What the public register shows of a live entry, as stored in RegisterHistory.record.
    `entry.public_uses` must be set (see `public_uses`). Never its internal note."""
    return {
        "id": str(entry.uuid),
        "name": entry.name,
        "legal_entity": entry.legal_entity,
        "recipient_type": entry.recipient_type,
        "description": entry.description,
        "countries": entry.country_codes,
        "transfer_safeguard": entry.transfer_safeguard,
        "data_categories": entry.data_categories,
        "role_note": entry.role_note,
        "privacy_notice_url": entry.privacy_notice_url,
        "end_date": entry.end_date.isoformat() if entry.end_date else None,
        "last_published_at": entry.last_published_at.isoformat()
        if entry.last_published_at
        else None,
        "uses": [
            {
                "product_id": use.product_id,
                "product_slug": use.product_slug,
                "product_title": use.product_title,
                "purpose": use.purpose,
                "start_date": use.start_date.isoformat(),
                "data_subjects": use.data_subjects,
            }
            for use in entry.public_uses
        ],
    }


def record_published(pk, register_change=None):
    """The entry `pk` went live (or changed while live): from its publication time
    (`last_published_at`; for known history, when it came into use:
    `changes.backdate_known_history`), the public register shows it as it is now. Nothing is
    written if it is not live (a publication scheduled for later goes live, and is recorded,
    when the scheduler publishes it)."""
    entry = (
        Subprocessor.objects.filter(pk=pk, live=True)
        .prefetch_related(Prefetch("uses", queryset=public_uses(pk), to_attr="public_uses"))
        .first()
    )
    if entry is None:
        return None
    return RegisterHistory.objects.create(
        entry_id=entry.uuid,
        subprocessor=entry,
        name=entry.name,
        event=HistoryEvent.PUBLISHED,
        at=entry.last_published_at or timezone.now(),
        record=public_record(entry),
        register_change=register_change,
    )


def record_removed(entry, event, register_change=None):
    """The entry left the public register (unpublished or deleted), from now."""
    return RegisterHistory.objects.create(
        entry_id=entry.uuid,
        subprocessor=None if event == HistoryEvent.DELETED else entry,
        name=entry.name,
        event=event,
        at=timezone.now(),
        record=None,
        register_change=register_change,
    )


# --- Reading ----------------------------------------------------------------------------------


def latest_rows(moment):
    """Each entry's last history row before `moment` (removals included), in one query."""
    latest = (
        RegisterHistory.objects.filter(entry_id=OuterRef("entry_id"), at__lt=moment)
        .order_by("-at", "-pk")
        .values("pk")[:1]
    )
    return list(
        RegisterHistory.objects.filter(at__lt=moment, pk=Subquery(latest)).only(
            "entry_id", "at", "record"
        )
    )


def entry_from_record(record, published_at=None):
    """An unsaved entry showing `record` (a RegisterHistory.record), with `public_uses`: the
    register's tables, `split_by_status` and `to_record` read it like a live row.
    `published_at`: its row's `at`, when the public first saw this state (the record's own
    `last_published_at` is the same time, unless the row's time was corrected)."""
    end = record.get("end_date")
    published = published_at or record.get("last_published_at")
    if isinstance(published, str):
        published = parse_datetime(published)
    entry = Subprocessor(
        uuid=uuid.UUID(record["id"]),
        name=record["name"],
        legal_entity=record.get("legal_entity", ""),
        recipient_type=record["recipient_type"],
        description=record.get("description", ""),
        countries=record.get("countries", []),
        transfer_safeguard=record["transfer_safeguard"],
        data_categories=record.get("data_categories", ""),
        role_note=record.get("role_note", ""),
        privacy_notice_url=record.get("privacy_notice_url", ""),
        end_date=datetime.date.fromisoformat(end) if end else None,
        last_published_at=published,
        live=True,
    )
    uses = []
    for item in record.get("uses", []):
        use = SubprocessorUse(
            product_id=item["product_id"],
            purpose=item["purpose"],
            start_date=datetime.date.fromisoformat(item["start_date"]),
            data_subjects=item["data_subjects"],
        )
        use.product_slug, use.product_title = item["product_slug"], item["product_title"]
        uses.append(use)
    entry.public_uses = uses
    entry.announced = []  # past views show no announcements (nor objection links)
    return entry


def select(entries, products=(), recipient_type=""):
    """Keep what `RegisterFilter.entries()` would: entries used by one of `products` (ProductPage
    objects or ids), showing those uses only, of the recipient type ("", "subprocessor",
    "other")."""
    if recipient_type:
        kinds = set(TYPE_FILTERS[recipient_type])
        entries = [entry for entry in entries if entry.recipient_type in kinds]
    if products:
        ids = {getattr(product, "pk", product) for product in products}
        for entry in entries:
            entry.public_uses = [use for use in entry.public_uses if use.product_id in ids]
        entries = [entry for entry in entries if entry.public_uses]
    return entries


class PastRegister:
    """The register at the end of `day`, read in two queries: `entries` (prepared for the
    register's tables) and `last_changed` (the last day before then that it changed)."""

    def __init__(self, day, products=(), recipient_type=""):
        self.day = day
        rows = latest_rows(end_of_day(day))
        shown = sorted(
            (row for row in rows if row.record is not None),
            key=lambda row: (row.record["name"], str(row.entry_id)),
        )
        entries = [entry_from_record(row.record, row.at) for row in shown]
        dates = [timezone.localdate(row.at) for row in rows]
        for entry in entries:  # every entry, whatever the filter, as the live register does
            dates += [use.start_date for use in entry.public_uses if use.start_date <= day]
            if entry.end_date and entry.end_date <= day:
                dates.append(entry.end_date)
        self.last_changed = max(dates, default=None)
        self.entries = _prepare_rows(select(entries, products, recipient_type))


def entries_at(day, products=(), recipient_type=""):
    """The entries the public register showed at the end of `day` (unsaved Subprocessor objects
    with `public_uses`, ready for the register's tables), after checking the day
    (HistoryDateError)."""
    check_day(day, register_began())
    return PastRegister(day, products, recipient_type).entries


def register_at(day, products=None, recipient_type=""):
    """What the public register showed at the end of `day` (a date, Europe/London), as the
    exports' records (`records.to_record`, statuses as on that day), sorted by name.

    `products`: ProductPage objects or ids; only entries used by one of them, with those uses
    only (as `?product=` filters the register). `recipient_type`: "", "subprocessor" or
    "other". Built from published history only, never from drafts. Raises HistoryDateError
    (`.message` for people, `.code` for machines) for a day in the future, before the register
    was first published, or when nothing has been published yet.
    """
    return [to_record(entry, day) for entry in entries_at(day, products or (), recipient_type)]
