"""Date arithmetic (months that clamp to the end of the month, "by the end of the following
<month>") and reading the end date a person types.

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

import calendar
import datetime
import re

from .errors import EndDateError, MissingEndDate
from .stages import MAX_END_DATE, MIN_END_DATE, format_date, month_name
from .text import gettext, gettext_noop, ngettext

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UK_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")  # day/month/year


# --- Date arithmetic ---------------------------------------------------------------------------


def end_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def add_months(value: datetime.date, months: int) -> datetime.date:
    """`months` calendar months later, clamped to the end of the month (31 Jan + 1 = 28/29 Feb)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def end_of_following_month(value: datetime.date, month: int) -> datetime.date:
    """The last day of the first month `month` that ends on or after `value`."""
    candidate = end_of_month(value.year, month)
    return candidate if candidate >= value else end_of_month(value.year + 1, month)


# --- End dates ---------------------------------------------------------------------------------

_RANGE = gettext_noop("Enter a date between %(first)s and %(last)s.")
# The messages in English; range_message() and gettext(FORMAT_MESSAGE) give them in the reader's.
RANGE_MESSAGE = _RANGE % {
    "first": format_date(MIN_END_DATE, english=True),
    "last": format_date(MAX_END_DATE, english=True),
}
FORMAT_MESSAGE = gettext_noop(
    "Enter the date as year-month-day in numbers, for example 2027-02-22, or as "
    "day/month/year, for example 22/02/2027."
)


def range_message() -> str:
    """RANGE_MESSAGE in the reader's language."""
    return gettext(_RANGE) % {
        "first": format_date(MIN_END_DATE),
        "last": format_date(MAX_END_DATE),
    }


def parse_end_date(text: str | None) -> datetime.date:
    """Parse 'YYYY-MM-DD' or the UK 'DD/MM/YYYY' (surrounding spaces ignored) into a date within
    the accepted range. 'D/M/YYYY' is accepted too, as people type it.

    Raises :class:`MissingEndDate` for an empty value and :class:`EndDateError` for anything
    else unusable, with a message to show the person who typed it.
    """
    if text is None or not text.strip():
        raise MissingEndDate(
            gettext("Enter the date your subscription or contract ended, for example 2027-02-22.")
        )
    text = text.strip()
    if _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in text.split("-"))
    elif match := _UK_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise EndDateError(gettext(FORMAT_MESSAGE))
    if not MIN_END_DATE.year <= year <= MAX_END_DATE.year:
        raise EndDateError(range_message())
    if not 1 <= month <= 12:
        raise EndDateError(
            gettext("%(date)s is not a real date: the month must be from 01 to 12.")
            % {"date": text}
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise EndDateError(
            ngettext(
                "%(date)s is not a real date: %(month)s %(year)d has %(days)d day.",
                "%(date)s is not a real date: %(month)s %(year)d has %(days)d days.",
                days,
            )
            % {"date": text, "month": month_name(month), "year": year, "days": days}
        )
    value = datetime.date(year, month, day)
    if not MIN_END_DATE <= value <= MAX_END_DATE:
        raise EndDateError(range_message())
    return value
