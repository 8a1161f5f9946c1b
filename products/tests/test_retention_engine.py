"""The retention date engine (products/retention/): the timeline for the seed rules, date
arithmetic and the plain-English explanation. Pure Python, no database.

Also: test_retention_engine_input.py (end dates, rule validation) and
test_retention_engine_properties.py (generated rules and dates)."""

import ast
import datetime
from pathlib import Path

import pytest

from products import retention as r

from .factories import PUPIL_PROGRESS, SEED_WINDOWS, THIRTY_DAYS, engine_dates

D = datetime.date


def test_engine_module_has_no_django_imports():
    files = sorted(Path(r.__file__).parent.glob("*.py"))  # every module of the package
    assert len(files) > 1
    for file in files:
        tree = ast.parse(file.read_text())
        modules = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(name and name.split(".")[0] in {"django", "wagtail"} for name in modules), (
            file.name
        )


# --- The seed rules ----------------------------------------------------------------------------


def test_seed_worked_example():
    timeline = r.compute_timeline(D(2027, 2, 22), PUPIL_PROGRESS)
    assert [(e.label, e.date) for e in timeline] == [
        ("Access revoked", D(2027, 5, 23)),
        ("Live data deleted", D(2027, 8, 31)),
        ("Backups gone", D(2027, 11, 29)),
    ]
    assert [e.position for e in timeline] == [1, 2, 3]
    assert timeline[0].rule == "90 days after the end date (22 February 2027)"
    assert timeline[1].rule == (
        "The end date (22 February 2027) falls between 1 September and 31 March, so by the end "
        "of the following August"
    )
    assert timeline[2].rule == "90 days after “Live data deleted” (31 August 2027)"
    assert not any(e.adjusted for e in timeline)


@pytest.mark.parametrize(
    "end, live_deleted",
    [
        (D(2026, 8, 31), D(2027, 1, 31)),  # last day of the April-August window
        (D(2026, 9, 1), D(2027, 8, 31)),  # first day of the September-March window
        (D(2026, 12, 31), D(2027, 8, 31)),
        (D(2027, 1, 1), D(2027, 8, 31)),
        (D(2027, 3, 31), D(2027, 8, 31)),  # last day of the September-March window
        (D(2027, 4, 1), D(2028, 1, 31)),  # first day of the April-August window
        (D(2028, 2, 29), D(2028, 8, 31)),  # leap day
        (D(2028, 2, 28), D(2028, 8, 31)),
        (D(2028, 3, 1), D(2028, 8, 31)),
    ],
)
def test_every_window_boundary(end, live_deleted):
    access, live, backups = engine_dates(end)
    assert access == end + datetime.timedelta(days=90)
    assert live == live_deleted
    assert backups == live_deleted + datetime.timedelta(days=90)


def test_other_products_destroy_data_after_30_days():
    assert engine_dates(D(2027, 2, 22), THIRTY_DAYS) == [D(2027, 3, 24)]
    assert engine_dates(D(2028, 2, 10), THIRTY_DAYS) == [D(2028, 3, 11)]  # leap year
    assert engine_dates(D(2100, 12, 31), THIRTY_DAYS) == [D(2101, 1, 30)]


def test_no_rules_gives_an_empty_timeline():
    assert r.compute_timeline(D(2027, 2, 22), []) == []
    assert r.find_problems([]) == []
    assert r.describe_notes([]) == []


# --- Date arithmetic ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (D(2027, 1, 31), 1, D(2027, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2028, 2, 29), 12, D(2029, 2, 28)),
        (D(2028, 2, 29), 48, D(2032, 2, 29)),
        (D(2027, 3, 31), 1, D(2027, 4, 30)),
        (D(2027, 11, 30), 3, D(2028, 2, 29)),
        (D(2027, 12, 15), 1, D(2028, 1, 15)),
        (D(2027, 5, 31), 0, D(2027, 5, 31)),
        (D(2100, 1, 31), 1, D(2100, 2, 28)),  # 2100 is not a leap year
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(start, months, expected):
    assert r.add_months(start, months) == expected


def test_month_offsets_then_days():
    stages = [r.Stage("a", "A", r.OffsetRule(months=1, days=1))]
    assert engine_dates(D(2027, 1, 31), stages) == [D(2027, 3, 1)]
    assert r.describe_rule(stages, 0) == "1 month and 1 day after the contract ends"


@pytest.mark.parametrize(
    "start, month, expected",
    [
        (D(2027, 8, 31), 8, D(2027, 8, 31)),  # on or after: the same day counts
        (D(2027, 8, 30), 8, D(2027, 8, 31)),
        (D(2027, 9, 1), 8, D(2028, 8, 31)),
        (D(2027, 2, 1), 2, D(2027, 2, 28)),
        (D(2027, 3, 1), 2, D(2028, 2, 29)),
        (D(2027, 12, 31), 1, D(2028, 1, 31)),
    ],
)
def test_end_of_following_month(start, month, expected):
    assert r.end_of_following_month(start, month) == expected


def test_a_stage_is_never_before_the_previous_stage():
    stages = [
        r.Stage("access-revoked", "Access revoked", r.OffsetRule(months=6)),
        r.Stage("live-data-deleted", "Live data deleted", r.SeasonalRule(SEED_WINDOWS)),
    ]
    # 20 March 2027 + 6 months = 20 September 2027, after 31 August 2027
    timeline = r.compute_timeline(D(2027, 3, 20), stages)
    assert [e.date for e in timeline] == [D(2027, 9, 20), D(2027, 9, 20)]
    assert timeline[1].adjusted
    assert "never comes before the one above it" in timeline[1].rule
    assert "moved to 20 September 2027" in timeline[1].rule


def test_seasonal_rule_from_an_earlier_stage_uses_that_stages_date():
    stages = [
        r.Stage("access-revoked", "Access revoked", r.OffsetRule(days=90)),
        r.Stage("deleted", "Deleted", r.SeasonalRule(SEED_WINDOWS, from_stage="access-revoked")),
    ]
    # 22 Feb 2027 + 90 = 23 May 2027, in the April-August window: end of the following January
    assert engine_dates(D(2027, 2, 22), stages) == [D(2027, 5, 23), D(2028, 1, 31)]
    assert r.describe_rule(stages, 1).startswith(
        "By the end of the following August if “Access revoked” falls between 1 September"
    )


def test_references_by_position():
    stages = [
        r.Stage("a", "A", r.OffsetRule(days=10)),
        r.Stage("b", "B", r.OffsetRule(days=5, from_stage=1)),
    ]
    assert engine_dates(D(2027, 1, 1), stages) == [D(2027, 1, 11), D(2027, 1, 16)]


# --- Explanation -------------------------------------------------------------------------------


def test_rules_and_notes_read_as_plain_english():
    rules = [r.describe_rule(PUPIL_PROGRESS, i) for i in range(len(PUPIL_PROGRESS))]
    assert rules == [
        "90 days after the contract ends",
        "By the end of the following August if the contract ends between 1 September and "
        "31 March; by the end of the following January if it ends between 1 April and "
        "31 August",
        "90 days after “Live data deleted”",
    ]
    notes = r.describe_notes(PUPIL_PROGRESS)
    assert (
        "“By the end of the following August” means on the last day of the first August that "
        "ends on or after that date." in notes
    )
    assert any("never comes before the one above it" in note for note in notes)
    assert r.describe_rule(THIRTY_DAYS, 0) == "30 days after the contract ends"
    assert r.describe_notes(THIRTY_DAYS) == []  # one fixed offset needs no notes


def test_zero_offsets_read_naturally():
    stages = [
        r.Stage("a", "A", r.OffsetRule()),
        r.Stage("b", "B", r.OffsetRule(from_stage="a")),
    ]
    assert r.describe_rule(stages, 0) == "On the day the contract ends"
    assert r.describe_rule(stages, 1) == "On the same day as “A”"
    assert engine_dates(D(2027, 1, 1), stages) == [D(2027, 1, 1), D(2027, 1, 1)]
