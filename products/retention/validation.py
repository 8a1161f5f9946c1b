"""Checking a list of stages: keys, labels, references to earlier stages, offset limits and
seasonal windows that cover the year exactly once. Every problem is reported, for editors.

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from .errors import Problem, RuleError
from .stages import (
    _LEAP_YEAR,
    KEY_PATTERN,
    MAX_OFFSET_DAYS,
    MAX_OFFSET_MONTHS,
    MAX_STAGES,
    MonthDay,
    OffsetRule,
    SeasonalRule,
    SeasonalWindow,
    Stage,
    StageRef,
)


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
