"""Reading a RetentionPage's stored stages (a StreamField value) as engine rules.

products/retention/ is the pure date engine; products/blocks.py defines how editors write the
stages. This module sits between them: it turns what is stored into engine objects, and never
trusts it (raw stream data may have been written by a migration, an import or by hand).
"""

import logging

from django.utils.translation import gettext as _

from . import retention

logger = logging.getLogger(__name__)


def stage_reference(text):
    """'' -> None (the end date), '2' -> 2 (the second stage), 'access-revoked' -> the key."""
    if isinstance(text, int) and not isinstance(text, bool):
        return text  # a position stored as a number rather than as text
    if text is not None and not isinstance(text, str):
        raise ValueError(_("It counts from a stage that cannot be read."))
    text = (text or "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    return text


def _whole_number(value):
    """A stored whole number (an int, or digits stored as text), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def month_day(month, day):
    """A stored month and day as an engine MonthDay; one that cannot be read is MonthDay(0, 0),
    which the engine reports as not a real day."""
    month, day = _whole_number(month), _whole_number(day)
    if month is None or day is None:
        return retention.MonthDay(0, 0)  # not a real day: reported as such by the engine
    return retention.MonthDay(month, day)


def _windows(windows):
    """Stored windows as engine windows; a month or day that cannot be read becomes 0, which the
    engine reports as not a real day or month."""
    if isinstance(windows, str | bytes) or not hasattr(windows, "__iter__"):
        raise ValueError(_("The windows of the year cannot be read."))
    result = []
    for window in windows:
        if not hasattr(window, "get"):
            raise ValueError(_("A window of the year cannot be read."))
        result.append(
            retention.SeasonalWindow(
                start=month_day(window.get("start_month"), window.get("start_day")),
                end=month_day(window.get("end_month"), window.get("end_day")),
                by_month=_whole_number(window.get("by_end_of")) or 0,
            )
        )
    return tuple(result)


def read_stage(block_type, value, index=0):
    """One stream child of RetentionStagesBlock as an engine Stage, and the problems found reading
    it (an empty list if there are none).

    Stored values are not trusted (raw stream data may have been written by a migration, an
    import or by hand): anything that cannot be read is a :class:`retention.Problem`, never a
    TypeError nor a silent default. A stage with problems is still returned, with a neutral rule
    in place of what could not be read, so that positions and keys of the others stay right.
    """
    if not hasattr(value, "get"):
        problem = retention.Problem(_("This stage cannot be read."), index)
        return retention.Stage(key="", label="", rule=retention.OffsetRule()), [problem]
    problems = []
    try:
        from_stage = stage_reference(value.get("from_stage"))
    except ValueError as error:
        problems.append(retention.Problem(str(error), index, "from_stage"))
        from_stage = None
    if block_type == "seasonal":
        try:
            windows = _windows(value.get("windows"))
        except ValueError as error:
            problems.append(retention.Problem(str(error), index, "windows"))
            windows = ()
        rule = retention.SeasonalRule(windows=windows, from_stage=from_stage)
    elif block_type == "offset":
        amount = _whole_number(value.get("amount"))
        if amount is None:
            problems.append(
                retention.Problem(_("Give the amount as a whole number."), index, "amount")
            )
        unit = value.get("unit")
        if unit not in {"days", "months"}:
            problems.append(retention.Problem(_("Choose days or months."), index, "unit"))
        rule = retention.OffsetRule(
            days=(amount or 0) if unit == "days" else 0,
            months=(amount or 0) if unit == "months" else 0,
            from_stage=from_stage,
        )
    else:
        problems.append(retention.Problem(_("Unknown kind of stage."), index))
        rule = retention.OffsetRule(from_stage=from_stage)
    stage = retention.Stage(
        key=_text(value.get("key")),
        label=_text(value.get("label")),
        rule=rule,
        description=_text(value.get("description")),
    )
    return stage, problems


def read_stages(stream_value):
    """A RetentionStagesBlock value (StreamValue) as engine Stages, one per child, and the
    problems found reading them. Each child is read on its own, so one unreadable child does not
    hide the others."""
    stages, problems = [], []
    for index in range(len(stream_value or [])):
        try:
            child = stream_value[index]
            stage, found = read_stage(child.block_type, child.value, index)
        except Exception:  # the raw data does not fit its block (e.g. a list where a dict belongs)
            logger.warning("Unreadable retention stage %s", index, exc_info=True)
            stage = retention.Stage(key="", label="", rule=retention.OffsetRule())
            found = [retention.Problem(_("This stage cannot be read."), index)]
        stages.append(stage)
        problems.extend(found)
    return stages, problems


def retention_stages(stream_value):
    """A RetentionStagesBlock value as a list of engine Stages, for the public pages.

    Raises :class:`retention.RuleError` listing every stored value that cannot be read.
    """
    stages, problems = read_stages(stream_value)
    if problems:
        raise retention.RuleError(problems)
    return stages
