"""The timeline: the date of every stage for a given end date, each with its reason.

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from .dates import add_months, end_of_following_month, range_message
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
from .text import gettext
from .validation import _reference_index, validate_stages


def compute_timeline(end_date: datetime.date, stages: Sequence[Stage]) -> list[TimelineEntry]:
    """The date of every stage for a contract that ended on `end_date`, in stage order.

    Raises :class:`EndDateError` if `end_date` is outside the accepted range and
    :class:`RuleError` if the stages are invalid. Dates never go backwards from one stage to the
    next, and none is before `end_date`.
    """
    if not MIN_END_DATE <= end_date <= MAX_END_DATE:
        raise EndDateError(range_message())
    validate_stages(stages)
    entries: list[TimelineEntry] = []
    for index, stage in enumerate(stages):
        rule = stage.rule
        ref = _reference_index(stages, index, rule.from_stage)
        start = end_date if ref is None else entries[ref].date
        values = {
            "date": format_date(start),
            "stage": None if ref is None else stages[ref].label,
        }
        if isinstance(rule, OffsetRule):
            date = add_months(start, rule.months) + datetime.timedelta(days=rule.days)
            values["amount"] = _amount(rule)
            if values["amount"] and ref is None:
                text = gettext("%(amount)s after the end date (%(date)s)")
            elif values["amount"]:
                text = gettext("%(amount)s after “%(stage)s” (%(date)s)")
            elif ref is None:
                text = gettext("The same day as the end date (%(date)s)")
            else:
                text = gettext("The same day as “%(stage)s” (%(date)s)")
        else:
            window = next(w for w in rule.windows if w.contains(MonthDay.of(start)))
            date = end_of_following_month(start, window.by_month)
            values.update(start=window.start, end=window.end, month=month_name(window.by_month))
            if ref is None:
                text = gettext(
                    "The end date (%(date)s) falls between %(start)s and %(end)s, so by the end "
                    "of the following %(month)s"
                )
            else:
                text = gettext(
                    "“%(stage)s” (%(date)s) falls between %(start)s and %(end)s, so by the end "
                    "of the following %(month)s"
                )
        explanation = text % values
        adjusted = bool(entries) and date < entries[-1].date
        if adjusted:
            date = entries[-1].date
            explanation = gettext(
                "%(rule)s; moved to %(date)s because a stage never comes before the one above "
                "it (“%(stage)s”)"
            ) % {"rule": explanation, "date": format_date(date), "stage": entries[-1].label}
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
