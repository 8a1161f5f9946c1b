"""The rules in plain English, as the retention page shows them.

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .stages import OffsetRule, SeasonalRule, Stage, month_name
from .validation import _reference_index


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
