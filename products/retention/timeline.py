"""The timeline: the date of every stage for a given end date, each with its reason.

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from .dates import RANGE_MESSAGE, add_months, end_of_following_month
from .errors import EndDateError
from .explain import _amount
from .stages import (
    MAX_END_DATE,
    MIN_END_DATE,
    MonthDay,
    OffsetRule,
    Stage,
    TimelineEntry,
    format_date,
    month_name,
)
from .validation import _reference_index, validate_stages


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
