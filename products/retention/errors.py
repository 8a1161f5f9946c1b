"""What the retention engine raises or reports: unusable end dates and rule problems.

Pure Python (no Django), like the rest of :mod:`products.retention`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


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
