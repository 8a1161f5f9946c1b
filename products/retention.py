"""The retention date engine: when each stage of deletion happens after a contract ends.

Pure Python (no Django): the retention page, its JSON timeline and its calendar download all call
this module, so the explanation a school reads and the dates it is given cannot disagree.

A product's rules are an ordered list of :class:`Stage` objects (e.g. "Access revoked", "Live
data deleted", "Backups gone"). Each stage has one rule, counted from the date the subscription or
contract ended or from an *earlier* stage:

* :class:`OffsetRule`: a fixed number of months and/or days later. Months are added first and
  clamp to the end of the month (31 January + 1 month = 28 or 29 February), then days.
* :class:`SeasonalRule`: windows of the year (e.g. 1 September to 31 March, which wraps the year
  end) each mapped to "by the end of the following <month M>". The window containing the starting
  date picks M; the stage date is **the last day of the first month M that ends on or after the
  starting date** (so 22 February 2027 with M = August gives 31 August 2027, and 15 September 2026
  gives 31 August 2027). The windows must cover every day of the year, 29 February included,
  exactly once.

Stages are never before the previous stage: if a rule gives a date earlier than the stage listed
above it, the stage is moved to the previous stage's date (and the timeline says so).

End dates are accepted from :data:`MIN_END_DATE` to :data:`MAX_END_DATE`; with the limits on the
number of stages and on offsets, every valid rule set yields a timeline for every such end date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

MIN_END_DATE = datetime.date(2000, 1, 1)
MAX_END_DATE = datetime.date(2100, 12, 31)
MAX_STAGES = 20
MAX_OFFSET_DAYS = 3660
MAX_OFFSET_MONTHS = 120
KEY_PATTERN = re.compile(r"[a-z][a-z0-9-]{0,39}")

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_LEAP_YEAR = 2000  # any leap year: used to enumerate every day of the year, 29 February included
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UK_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")  # day/month/year


def format_date(value: datetime.date) -> str:
    """'22 February 2027', whatever the process locale."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def month_name(month: int) -> str:
    return MONTH_NAMES[month - 1]


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
        return f"between {self.start} and {self.end}"


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


# --- Errors ------------------------------------------------------------------------------------


class EndDateError(ValueError):
    """The end date given is unusable; `message` says why, for the person who typed it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class MissingEndDate(EndDateError):
    """No end date was given at all."""


@dataclass(frozen=True)
class Problem:
    """A rule problem for an editor: `stage` is the 0-based stage index (None for the whole list),
    `field` the part of the stage at fault ('key', 'from_stage', 'windows', ...)."""

    message: str
    stage: int | None = None
    field: str | None = None


class RuleError(ValueError):
    """The rules are inconsistent; `problems` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__(" ".join(p.message for p in self.problems))


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


# --- Validation --------------------------------------------------------------------------------


def _every_day_of_the_year() -> list[MonthDay]:
    day = datetime.date(_LEAP_YEAR, 1, 1)
    days = []
    while day.year == _LEAP_YEAR:
        days.append(MonthDay.of(day))
        day += datetime.timedelta(days=1)
    return days


_YEAR = _every_day_of_the_year()


def _ranges(days: list[MonthDay]) -> list[str]:
    """Consecutive days as '1 April to 30 April' or '29 February'."""
    positions = {day: i for i, day in enumerate(_YEAR)}
    runs: list[list[MonthDay]] = []
    for day in days:
        if runs and positions[day] == positions[runs[-1][-1]] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return [str(run[0]) if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs]


def window_problems(windows: Sequence[SeasonalWindow]) -> list[str]:
    """Why `windows` are not a valid seasonal rule (empty list if they are).

    Every window needs real days (29 February is real, 30 February is not) and a month 1-12;
    together the windows must cover every day of the year, 29 February included, exactly once.
    """
    if not windows:
        return ["Add at least one window of the year."]
    problems = []
    for number, window in enumerate(windows, start=1):
        for name, day in (("start", window.start), ("end", window.end)):
            if not day.is_valid:
                problems.append(
                    f"Window {number}: the {name} date ({day.day}/{day.month}) is not a real day "
                    "of the year."
                )
        if not (isinstance(window.by_month, int) and 1 <= window.by_month <= 12):
            problems.append(f"Window {number}: choose the month the stage happens by.")
    if problems:
        return problems
    counts = {day: sum(w.contains(day) for w in windows) for day in _YEAR}
    gaps = [day for day in _YEAR if counts[day] == 0]
    overlaps = [day for day in _YEAR if counts[day] > 1]
    if gaps:
        problems.append(
            "The windows must cover the whole year. Not covered: " + ", ".join(_ranges(gaps)) + "."
        )
    if overlaps:
        problems.append(
            "The windows must not overlap. In more than one window: "
            + ", ".join(_ranges(overlaps))
            + "."
        )
    return problems


def _reference_index(stages: Sequence[Stage], index: int, ref: StageRef) -> int | None:
    """The index of the stage `ref` points to, or None for the end date. Raises LookupError with
    a message unless it points to a stage above stage `index`."""
    if ref is None or ref == "":
        return None
    if isinstance(ref, int) and not isinstance(ref, bool):
        if 1 <= ref <= index:
            return ref - 1
        raise LookupError(
            f"It counts from stage {ref}, which is not above it. A stage can only count from the "
            "end date or from a stage listed above it."
        )
    for earlier in range(index):
        if stages[earlier].key == ref:
            return earlier
    if any(stage.key == ref for stage in stages[index:]):
        raise LookupError(
            f"It counts from “{ref}”, which is not above it. A stage can only count from the end "
            "date or from a stage listed above it."
        )
    raise LookupError(f"It counts from “{ref}”, but no stage above it has that key.")


def find_problems(stages: Sequence[Stage]) -> list[Problem]:
    """Every problem with a list of stages, for editors. An empty list of stages is valid."""
    problems = []
    if len(stages) > MAX_STAGES:
        problems.append(Problem(f"Use at most {MAX_STAGES} stages."))
    seen: set[str] = set()
    for index, stage in enumerate(stages):
        if not KEY_PATTERN.fullmatch(stage.key or ""):
            problems.append(
                Problem(
                    "Give the stage a short key of lower-case letters, digits and hyphens, "
                    "starting with a letter (e.g. 'access-revoked').",
                    index,
                    "key",
                )
            )
        elif stage.key in seen:
            problems.append(
                Problem(f"Another stage above already uses the key “{stage.key}”.", index, "key")
            )
        seen.add(stage.key)
        if not (stage.label or "").strip():
            problems.append(Problem("Give the stage a label.", index, "label"))
        rule = stage.rule
        try:
            _reference_index(stages, index, rule.from_stage)
        except LookupError as error:
            problems.append(Problem(str(error), index, "from_stage"))
        if isinstance(rule, OffsetRule):
            if not 0 <= rule.days <= MAX_OFFSET_DAYS:
                problems.append(
                    Problem(f"Use between 0 and {MAX_OFFSET_DAYS} days.", index, "amount")
                )
            if not 0 <= rule.months <= MAX_OFFSET_MONTHS:
                problems.append(
                    Problem(f"Use between 0 and {MAX_OFFSET_MONTHS} months.", index, "amount")
                )
        elif isinstance(rule, SeasonalRule):
            problems.extend(
                Problem(message, index, "windows") for message in window_problems(rule.windows)
            )
        else:
            problems.append(Problem("Unknown kind of rule.", index, None))
    return problems


def validate_stages(stages: Sequence[Stage]) -> None:
    """Raise :class:`RuleError` listing every problem, or return if the stages are usable."""
    problems = find_problems(stages)
    if problems:
        raise RuleError(problems)


# --- End dates ---------------------------------------------------------------------------------

RANGE_MESSAGE = f"Enter a date between {format_date(MIN_END_DATE)} and {format_date(MAX_END_DATE)}."
FORMAT_MESSAGE = (
    "Enter the date as year-month-day in numbers, for example 2027-02-22, or as "
    "day/month/year, for example 22/02/2027."
)


def parse_end_date(text: str | None) -> datetime.date:
    """Parse 'YYYY-MM-DD' or the UK 'DD/MM/YYYY' (surrounding spaces ignored) into a date within
    the accepted range. 'D/M/YYYY' is accepted too, as people type it.

    Raises :class:`MissingEndDate` for an empty value and :class:`EndDateError` for anything
    else unusable, with a message to show the person who typed it.
    """
    if text is None or not text.strip():
        raise MissingEndDate(
            "Enter the date your subscription or contract ended, for example 2027-02-22."
        )
    text = text.strip()
    if _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in text.split("-"))
    elif match := _UK_DATE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise EndDateError(FORMAT_MESSAGE)
    if not MIN_END_DATE.year <= year <= MAX_END_DATE.year:
        raise EndDateError(RANGE_MESSAGE)
    if not 1 <= month <= 12:
        raise EndDateError(f"{text} is not a real date: the month must be from 01 to 12.")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise EndDateError(
            f"{text} is not a real date: {month_name(month)} {year} has {days} days."
        )
    value = datetime.date(year, month, day)
    if not MIN_END_DATE <= value <= MAX_END_DATE:
        raise EndDateError(RANGE_MESSAGE)
    return value


# --- Explanations ------------------------------------------------------------------------------


def _amount(rule: OffsetRule) -> str:
    parts = []
    if rule.months:
        parts.append(f"{rule.months} month{'s' if rule.months != 1 else ''}")
    if rule.days:
        parts.append(f"{rule.days} day{'s' if rule.days != 1 else ''}")
    return " and ".join(parts)


def _anchor_name(stages: Sequence[Stage], index: int) -> tuple[str, int | None]:
    ref = _reference_index(stages, index, stages[index].rule.from_stage)
    if ref is None:
        return "the contract ends", None
    return f"“{stages[ref].label}”", ref


def describe_rule(stages: Sequence[Stage], index: int) -> str:
    """The rule of stage `index` in plain English, e.g. '90 days after the contract ends'."""
    rule = stages[index].rule
    anchor, ref = _anchor_name(stages, index)
    if isinstance(rule, OffsetRule):
        amount = _amount(rule)
        if not amount:
            return "On the day the contract ends" if ref is None else f"On the same day as {anchor}"
        return f"{amount} after {anchor}"
    subject = "the contract ends" if ref is None else f"{anchor} falls"
    parts = []
    for number, window in enumerate(rule.windows):
        who = subject if number == 0 else ("it ends" if ref is None else "it falls")
        parts.append(f"by the end of the following {month_name(window.by_month)} if {who} {window}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def describe_notes(stages: Sequence[Stage]) -> list[str]:
    """General sentences that make the stage rules precise."""
    notes = []
    months = sorted(
        {w.by_month for s in stages if isinstance(s.rule, SeasonalRule) for w in s.rule.windows}
    )
    for month in months:
        name = month_name(month)
        notes.append(
            f"“By the end of the following {name}” means on the last day of the first {name} "
            "that ends on or after that date."
        )
    if len(stages) > 1:
        notes.append(
            "A stage never comes before the one above it: if its rule gives an earlier date, it "
            "happens on the same day as the stage above."
        )
    return notes


# --- The timeline ------------------------------------------------------------------------------


def compute_timeline(end_date: datetime.date, stages: Sequence[Stage]) -> list[TimelineEntry]:
    """The date of every stage for a contract that ended on `end_date`, in stage order.

    Raises :class:`EndDateError` if `end_date` is outside the accepted range and
    :class:`RuleError` if the stages are invalid. Dates never go backwards from one stage to the
    next, and none is before `end_date`.
    """
    if not MIN_END_DATE <= end_date <= MAX_END_DATE:
        raise EndDateError(RANGE_MESSAGE)
    validate_stages(stages)
    entries: list[TimelineEntry] = []
    for index, stage in enumerate(stages):
        rule = stage.rule
        ref = _reference_index(stages, index, rule.from_stage)
        start = end_date if ref is None else entries[ref].date
        start_name = (
            f"the end date ({format_date(start)})"
            if ref is None
            else f"“{stages[ref].label}” ({format_date(start)})"
        )
        if isinstance(rule, OffsetRule):
            date = add_months(start, rule.months) + datetime.timedelta(days=rule.days)
            amount = _amount(rule)
            explanation = (
                f"{amount} after {start_name}" if amount else f"The same day as {start_name}"
            )
        else:
            window = next(w for w in rule.windows if w.contains(MonthDay.of(start)))
            date = end_of_following_month(start, window.by_month)
            explanation = (
                f"{start_name[0].upper()}{start_name[1:]} falls {window}, so by the end of the "
                f"following {month_name(window.by_month)}"
            )
        adjusted = bool(entries) and date < entries[-1].date
        if adjusted:
            date = entries[-1].date
            explanation += (
                f"; moved to {format_date(date)} because a stage never comes before the one "
                f"above it (“{entries[-1].label}”)"
            )
        entries.append(
            TimelineEntry(
                position=index + 1,
                key=stage.key,
                label=stage.label,
                date=date,
                rule=explanation,
                description=stage.description,
                adjusted=adjusted,
            )
        )
    return entries
