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

The package, by concern (import from ``products.retention`` itself; the names below are the
whole public interface):

* :mod:`.stages`: the rule types (:class:`Stage`, :class:`OffsetRule`, :class:`SeasonalRule`,
  ...), the limits and month names;
* :mod:`.errors`: :class:`EndDateError`, :class:`MissingEndDate`, :class:`Problem`,
  :class:`RuleError`;
* :mod:`.dates`: date arithmetic and :func:`parse_end_date`;
* :mod:`.validation`: :func:`find_problems`, :func:`validate_stages`, :func:`window_problems`;
* :mod:`.explain`: :func:`describe_rule`, :func:`describe_notes` (the plain-English rules);
* :mod:`.timeline`: :func:`compute_timeline`;
* :mod:`.text`: :func:`install_translations` (the sentences are English until it is called).
"""

from .dates import (
    FORMAT_MESSAGE,
    RANGE_MESSAGE,
    add_months,
    end_of_following_month,
    end_of_month,
    parse_end_date,
    range_message,
)
from .errors import EndDateError, MissingEndDate, Problem, RuleError
from .explain import describe_notes, describe_rule
from .stages import (
    KEY_PATTERN,
    MAX_END_DATE,
    MAX_OFFSET_DAYS,
    MAX_OFFSET_MONTHS,
    MAX_STAGES,
    MIN_END_DATE,
    MONTH_NAMES,
    MonthDay,
    OffsetRule,
    Rule,
    SeasonalRule,
    SeasonalWindow,
    Stage,
    StageRef,
    TimelineEntry,
    format_date,
    month_name,
)
from .text import install as install_translations
from .timeline import compute_timeline
from .validation import _YEAR, find_problems, validate_stages, window_problems

__all__ = [
    "FORMAT_MESSAGE",
    "KEY_PATTERN",
    "MAX_END_DATE",
    "MAX_OFFSET_DAYS",
    "MAX_OFFSET_MONTHS",
    "MAX_STAGES",
    "MIN_END_DATE",
    "MONTH_NAMES",
    "RANGE_MESSAGE",
    "_YEAR",
    "EndDateError",
    "MissingEndDate",
    "MonthDay",
    "OffsetRule",
    "Problem",
    "Rule",
    "RuleError",
    "SeasonalRule",
    "SeasonalWindow",
    "Stage",
    "StageRef",
    "TimelineEntry",
    "add_months",
    "compute_timeline",
    "describe_notes",
    "describe_rule",
    "end_of_following_month",
    "end_of_month",
    "find_problems",
    "format_date",
    "install_translations",
    "month_name",
    "parse_end_date",
    "range_message",
    "validate_stages",
    "window_problems",
]
