"""The rules in plain English, as the retention page shows them (in the reader's language:
products/retention/text.py).

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .stages import OffsetRule, SeasonalRule, Stage, month_name
from .text import gettext, ngettext
from .validation import _reference_index


def _amount(rule: OffsetRule) -> str:
    """'3 months', '90 days', '1 month and 1 day'; '' for no time at all."""
    months = ngettext("%(count)d month", "%(count)d months", rule.months) % {"count": rule.months}
    days = ngettext("%(count)d day", "%(count)d days", rule.days) % {"count": rule.days}
    if rule.months and rule.days:
        return gettext("%(months)s and %(days)s") % {"months": months, "days": days}
    if rule.months:
        return months
    return days if rule.days else ""


def _window_clause(window, number: int, stage: str | None) -> str:
    """One window of a seasonal rule, e.g. 'by the end of the following August if the contract
    ends between 1 September and 31 March'. `stage` is the label counted from (None for the end
    date); the clauses after the first say "it"."""
    values = {
        "month": month_name(window.by_month),
        "start": window.start,
        "end": window.end,
        "stage": stage,
    }
    if stage is None:
        if number == 0:
            text = gettext(
                "by the end of the following %(month)s if the contract ends between %(start)s "
                "and %(end)s"
            )
        else:
            text = gettext(
                "by the end of the following %(month)s if it ends between %(start)s and %(end)s"
            )
    elif number == 0:
        text = gettext(
            "by the end of the following %(month)s if “%(stage)s” falls between %(start)s and "
            "%(end)s"
        )
    else:
        text = gettext(
            "by the end of the following %(month)s if it falls between %(start)s and %(end)s"
        )
    return text % values


def describe_rule(stages: Sequence[Stage], index: int) -> str:
    """The rule of stage `index` in plain English, e.g. '90 days after the contract ends'."""
    rule = stages[index].rule
    ref = _reference_index(stages, index, rule.from_stage)
    stage = None if ref is None else stages[ref].label
    if isinstance(rule, OffsetRule):
        amount = _amount(rule)
        if not amount:
            if stage is None:
                return gettext("On the day the contract ends")
            return gettext("On the same day as “%(stage)s”") % {"stage": stage}
        if stage is None:
            return gettext("%(amount)s after the contract ends") % {"amount": amount}
        return gettext("%(amount)s after “%(stage)s”") % {"amount": amount, "stage": stage}
    parts = [_window_clause(window, number, stage) for number, window in enumerate(rule.windows)]
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def describe_notes(stages: Sequence[Stage]) -> list[str]:
    """General sentences that make the stage rules precise."""
    notes = []
    months = sorted(
        {w.by_month for s in stages if isinstance(s.rule, SeasonalRule) for w in s.rule.windows}
    )
    for month in months:
        notes.append(
            gettext(
                "“By the end of the following %(month)s” means on the last day of the first "
                "%(month)s that ends on or after that date."
            )
            % {"month": month_name(month)}
        )
    if len(stages) > 1:
        notes.append(
            gettext(
                "A stage never comes before the one above it: if its rule gives an earlier date, "
                "it happens on the same day as the stage above."
            )
        )
    return notes
