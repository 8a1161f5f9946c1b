"""The rule types of the retention engine: days of the year, offset and seasonal rules, stages
and the timeline entries computed from them, with the limits and month names they share.

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from .text import gettext, gettext_noop

MIN_END_DATE = datetime.date(2000, 1, 1)
MAX_END_DATE = datetime.date(2100, 12, 31)
MAX_STAGES = 20
MAX_OFFSET_DAYS = 3660
MAX_OFFSET_MONTHS = 120
KEY_PATTERN = re.compile(r"[a-z][a-z0-9-]{0,39}")

MONTH_NAMES = (  # in English; month_name() gives them in the reader's language
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)

_LEAP_YEAR = 2000  # any leap year: used to enumerate every day of the year, 29 February included


def format_date(value: datetime.date, english: bool = False) -> str:
    """'22 February 2027' (the month in the reader's language unless `english`), whatever the
    process locale."""
    name = MONTH_NAMES[value.month - 1] if english else month_name(value.month)
    return f"{value.day} {name} {value.year}"


def month_name(month: int) -> str:
    """The month's name in the reader's language ("February"; "Chwefror" in Welsh)."""
    return gettext(MONTH_NAMES[month - 1])


# --- Rules -------------------------------------------------------------------------------------

StageRef = str | int | None
"""Where a rule counts from: None for the end date, a stage key, or a 1-based stage position."""


@dataclass(frozen=True, order=True)
class MonthDay:
    """A day of the year with no year, e.g. MonthDay(2, 29) for 29 February."""

    month: int
    day: int

    def __str__(self) -> str:
        return f"{self.day} {month_name(self.month)}"

    @property
    def is_valid(self) -> bool:
        """True if this day exists in a leap year (so 29 February is valid, 30 February not)."""
        if not (isinstance(self.month, int) and isinstance(self.day, int)):
            return False
        if not 1 <= self.month <= 12:
            return False
        return 1 <= self.day <= calendar.monthrange(_LEAP_YEAR, self.month)[1]

    @classmethod
    def of(cls, value: datetime.date) -> MonthDay:
        return cls(value.month, value.day)


@dataclass(frozen=True)
class OffsetRule:
    """A fixed offset: `months` months and then `days` days after the starting date."""

    days: int = 0
    months: int = 0
    from_stage: StageRef = None


@dataclass(frozen=True)
class SeasonalWindow:
    """From `start` to `end` inclusive (wrapping the year end if `end` is before `start`): the
    stage happens by the end of the following month `by_month` (1-12)."""

    start: MonthDay
    end: MonthDay
    by_month: int

    def contains(self, day: MonthDay) -> bool:
        if self.start <= self.end:
            return self.start <= day <= self.end
        return day >= self.start or day <= self.end

    def __str__(self) -> str:
        return gettext("between %(start)s and %(end)s") % {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class SeasonalRule:
    """Windows of the year, each mapped to 'by the end of the following <month>'."""

    windows: tuple[SeasonalWindow, ...]
    from_stage: StageRef = None


Rule = OffsetRule | SeasonalRule


@dataclass(frozen=True)
class Stage:
    """One step of what happens to the data, e.g. key 'access-revoked', label 'Access revoked'."""

    key: str
    label: str
    rule: Rule
    description: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    """One stage's date for a given end date, with the rule that produced it in plain English."""

    position: int  # 1-based
    key: str
    label: str
    date: datetime.date
    rule: str
    description: str = ""
    adjusted: bool = False  # moved later to keep stages in order

    def as_dict(self) -> dict:
        return {
            "stage": self.position,
            "key": self.key,
            "label": self.label,
            "date": self.date.isoformat(),
            "rule": self.rule,
            "description": self.description,
            "adjusted": self.adjusted,
        }
