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
from .text import gettext, ngettext


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
    return [
        str(run[0])
        if len(run) == 1
        else gettext("%(first)s to %(last)s") % {"first": run[0], "last": run[-1]}
        for run in runs
    ]


def window_problems(windows: Sequence[SeasonalWindow]) -> list[str]:
    """Why `windows` are not a valid seasonal rule (empty list if they are).

    Every window needs real days (29 February is real, 30 February is not) and a month 1-12;
    together the windows must cover every day of the year, 29 February included, exactly once.
    """
    if not windows:
        return [gettext("Add at least one window of the year.")]
    problems = []
    for number, window in enumerate(windows, start=1):
        for name, day in (("start", window.start), ("end", window.end)):
            if not day.is_valid:
                if name == "start":
                    text = gettext(
                        "Window %(number)d: the start date (%(day)s/%(month)s) is not a real day "
                        "of the year."
                    )
                else:
                    text = gettext(
                        "Window %(number)d: the end date (%(day)s/%(month)s) is not a real day "
                        "of the year."
                    )
                problems.append(text % {"number": number, "day": day.day, "month": day.month})
        if not (isinstance(window.by_month, int) and 1 <= window.by_month <= 12):
            problems.append(
                gettext("Window %(number)d: choose the month the stage happens by.")
                % {"number": number}
            )
    if problems:
        return problems
    counts = {day: sum(w.contains(day) for w in windows) for day in _YEAR}
    gaps = [day for day in _YEAR if counts[day] == 0]
    overlaps = [day for day in _YEAR if counts[day] > 1]
    if gaps:
        problems.append(
            gettext("The windows must cover the whole year. Not covered: %(days)s.")
            % {"days": ", ".join(_ranges(gaps))}
        )
    if overlaps:
        problems.append(
            gettext("The windows must not overlap. In more than one window: %(days)s.")
            % {"days": ", ".join(_ranges(overlaps))}
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
            gettext(
                "It counts from stage %(stage)s, which is not above it. A stage can only count "
                "from the end date or from a stage listed above it."
            )
            % {"stage": ref}
        )
    for earlier in range(index):
        if stages[earlier].key == ref:
            return earlier
    if any(stage.key == ref for stage in stages[index:]):
        raise LookupError(
            gettext(
                "It counts from “%(stage)s”, which is not above it. A stage can only count from "
                "the end date or from a stage listed above it."
            )
            % {"stage": ref}
        )
    raise LookupError(
        gettext("It counts from “%(stage)s”, but no stage above it has that key.") % {"stage": ref}
    )


def find_problems(stages: Sequence[Stage]) -> list[Problem]:
    """Every problem with a list of stages, for editors. An empty list of stages is valid."""
    problems = []
    if len(stages) > MAX_STAGES:
        problems.append(
            Problem(
                ngettext("Use at most %(max)d stage.", "Use at most %(max)d stages.", MAX_STAGES)
                % {"max": MAX_STAGES}
            )
        )
    seen: set[str] = set()
    for index, stage in enumerate(stages):
        if not KEY_PATTERN.fullmatch(stage.key or ""):
            problems.append(
                Problem(
                    gettext(
                        "Give the stage a short key of lower-case letters, digits and hyphens, "
                        "starting with a letter (e.g. 'access-revoked')."
                    ),
                    index,
                    "key",
                )
            )
        elif stage.key in seen:
            problems.append(
                Problem(
                    gettext("Another stage above already uses the key “%(key)s”.")
                    % {"key": stage.key},
                    index,
                    "key",
                )
            )
        seen.add(stage.key)
        if not (stage.label or "").strip():
            problems.append(Problem(gettext("Give the stage a label."), index, "label"))
        rule = stage.rule
        try:
            _reference_index(stages, index, rule.from_stage)
        except LookupError as error:
            problems.append(Problem(str(error), index, "from_stage"))
        if isinstance(rule, OffsetRule):
            if not 0 <= rule.days <= MAX_OFFSET_DAYS:
                problems.append(
                    Problem(
                        ngettext(
                            "Use between 0 and %(max)d day.",
                            "Use between 0 and %(max)d days.",
                            MAX_OFFSET_DAYS,
                        )
                        % {"max": MAX_OFFSET_DAYS},
                        index,
                        "amount",
                    )
                )
            if not 0 <= rule.months <= MAX_OFFSET_MONTHS:
                problems.append(
                    Problem(
                        ngettext(
                            "Use between 0 and %(max)d month.",
                            "Use between 0 and %(max)d months.",
                            MAX_OFFSET_MONTHS,
                        )
                        % {"max": MAX_OFFSET_MONTHS},
                        index,
                        "amount",
                    )
                )
        elif isinstance(rule, SeasonalRule):
            problems.extend(
                Problem(message, index, "windows") for message in window_problems(rule.windows)
            )
        else:
            problems.append(Problem(gettext("Unknown kind of rule."), index, None))
    return problems


def validate_stages(stages: Sequence[Stage]) -> None:
    """Raise :class:`RuleError` listing every problem, or return if the stages are usable."""
    problems = find_problems(stages)
    if problems:
        raise RuleError(problems)
