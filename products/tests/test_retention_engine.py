"""The retention date engine (products/retention.py): pure Python, no database."""

import ast
import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from products import retention as r

D = datetime.date

SEED_WINDOWS = (
    r.SeasonalWindow(r.MonthDay(9, 1), r.MonthDay(3, 31), by_month=8),
    r.SeasonalWindow(r.MonthDay(4, 1), r.MonthDay(8, 31), by_month=1),
)
PUPIL_PROGRESS = [
    r.Stage("access-revoked", "Access revoked", r.OffsetRule(days=90)),
    r.Stage("live-data-deleted", "Live data deleted", r.SeasonalRule(SEED_WINDOWS)),
    r.Stage("backups-gone", "Backups gone", r.OffsetRule(days=90, from_stage="live-data-deleted")),
]
THIRTY_DAYS = [r.Stage("data-destroyed", "Data destroyed", r.OffsetRule(days=30))]


def dates(end, stages=PUPIL_PROGRESS):
    return [entry.date for entry in r.compute_timeline(end, stages)]


def test_engine_module_has_no_django_imports():
    tree = ast.parse(Path(r.__file__).read_text())
    modules = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.split(".")[0] in {"django", "wagtail"} for name in modules)


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
    access, live, backups = dates(end)
    assert access == end + datetime.timedelta(days=90)
    assert live == live_deleted
    assert backups == live_deleted + datetime.timedelta(days=90)


def test_other_products_destroy_data_after_30_days():
    assert dates(D(2027, 2, 22), THIRTY_DAYS) == [D(2027, 3, 24)]
    assert dates(D(2028, 2, 10), THIRTY_DAYS) == [D(2028, 3, 11)]  # leap year
    assert dates(D(2100, 12, 31), THIRTY_DAYS) == [D(2101, 1, 30)]


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
    assert dates(D(2027, 1, 31), stages) == [D(2027, 3, 1)]
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
    assert dates(D(2027, 2, 22), stages) == [D(2027, 5, 23), D(2028, 1, 31)]
    assert r.describe_rule(stages, 1).startswith(
        "By the end of the following August if “Access revoked” falls between 1 September"
    )


def test_references_by_position():
    stages = [
        r.Stage("a", "A", r.OffsetRule(days=10)),
        r.Stage("b", "B", r.OffsetRule(days=5, from_stage=1)),
    ]
    assert dates(D(2027, 1, 1), stages) == [D(2027, 1, 11), D(2027, 1, 16)]


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
    assert dates(D(2027, 1, 1), stages) == [D(2027, 1, 1), D(2027, 1, 1)]


# --- End dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2027-02-22", D(2027, 2, 22)),
        ("  2027-02-22 ", D(2027, 2, 22)),
        ("2000-01-01", D(2000, 1, 1)),
        ("2100-12-31", D(2100, 12, 31)),
        ("2028-02-29", D(2028, 2, 29)),
        # the UK's day/month/year, as typed where the browser has no date picker
        ("22/02/2027", D(2027, 2, 22)),
        (" 22/02/2027 ", D(2027, 2, 22)),
        ("1/3/2027", D(2027, 3, 1)),
        ("29/02/2028", D(2028, 2, 29)),
        ("01/01/2000", D(2000, 1, 1)),
        ("31/12/2100", D(2100, 12, 31)),
    ],
)
def test_parse_end_date(text, expected):
    assert r.parse_end_date(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("2027-02-30", "2027-02-30 is not a real date: February 2027 has 28 days."),
        ("2100-02-29", "2100-02-29 is not a real date: February 2100 has 28 days."),
        ("2027-13-01", "2027-13-01 is not a real date: the month must be from 01 to 12."),
        ("2027-00-10", "the month must be from 01 to 12"),
        ("2027-04-31", "April 2027 has 30 days"),
        ("0001-01-01", "Enter a date between 1 January 2000 and 31 December 2100."),
        ("0000-01-01", "Enter a date between 1 January 2000 and 31 December 2100."),
        ("9999-12-31", "Enter a date between 1 January 2000 and 31 December 2100."),
        ("1999-12-31", "Enter a date between 1 January 2000 and 31 December 2100."),
        ("2101-01-01", "Enter a date between 1 January 2000 and 31 December 2100."),
        ("not-a-date", "for example 2027-02-22, or as day/month/year, for example 22/02/2027."),
        ("30/02/2027", "30/02/2027 is not a real date: February 2027 has 28 days."),
        ("22/13/2027", "22/13/2027 is not a real date: the month must be from 01 to 12."),
        ("31/12/1999", "Enter a date between 1 January 2000 and 31 December 2100."),
        ("22/02/27", "day/month/year"),  # a two-digit year is ambiguous
        ("02/22/2027", "is not a real date"),  # US order: there is no month 22
        ("22-02-2027", "year-month-day"),
        ("2027/02/22", "year-month-day"),
        ("222/02/2027", "year-month-day"),
        ("2027-2-22", "year-month-day"),
        ("２０２７-０２-２２", "year-month-day"),  # full-width digits
        ("2027-02-22T00:00", "year-month-day"),
        ("x" * 10_000, "year-month-day"),
    ],
)
def test_parse_end_date_rejects_bad_input_with_a_clear_message(text, message):
    with pytest.raises(r.EndDateError) as excinfo:
        r.parse_end_date(text)
    assert not isinstance(excinfo.value, r.MissingEndDate)
    assert isinstance(excinfo.value, ValueError)
    assert message in excinfo.value.message


@pytest.mark.parametrize("text", [None, "", "   "])
def test_parse_end_date_missing(text):
    with pytest.raises(r.MissingEndDate, match="Enter the date your subscription"):
        r.parse_end_date(text)


def test_compute_timeline_refuses_end_dates_outside_the_range():
    with pytest.raises(r.EndDateError):
        r.compute_timeline(D(1999, 12, 31), PUPIL_PROGRESS)
    with pytest.raises(r.EndDateError):
        r.compute_timeline(D(9999, 12, 31), PUPIL_PROGRESS)


# --- Validation --------------------------------------------------------------------------------


def W(start, end, month=8):
    return r.SeasonalWindow(r.MonthDay(*start), r.MonthDay(*end), by_month=month)


def seasonal_stage(*windows):
    return [r.Stage("deleted", "Deleted", r.SeasonalRule(tuple(windows)))]


def test_seed_windows_are_valid():
    assert r.window_problems(SEED_WINDOWS) == []
    r.validate_stages(seasonal_stage(*SEED_WINDOWS))
    r.validate_stages(seasonal_stage(W((1, 1), (12, 31))))


def test_windows_with_a_gap():
    with pytest.raises(r.RuleError) as excinfo:
        r.validate_stages(seasonal_stage(W((9, 1), (3, 31)), W((4, 2), (8, 31))))
    assert str(excinfo.value) == "The windows must cover the whole year. Not covered: 1 April."
    assert [(p.stage, p.field) for p in excinfo.value.problems] == [(0, "windows")]


def test_windows_with_an_overlap():
    with pytest.raises(r.RuleError) as excinfo:
        r.validate_stages(seasonal_stage(W((9, 1), (4, 30)), W((4, 1), (8, 31))))
    assert str(excinfo.value) == (
        "The windows must not overlap. In more than one window: 1 April to 30 April."
    )


def test_windows_must_include_the_leap_day():
    problems = r.window_problems([W((3, 1), (2, 28))])
    assert problems == ["The windows must cover the whole year. Not covered: 29 February."]
    assert r.window_problems([W((3, 1), (2, 29))]) == []
    assert r.window_problems([W((3, 1), (2, 28)), W((2, 29), (2, 29))]) == []


def test_windows_need_real_days_and_months():
    assert r.window_problems([]) == ["Add at least one window of the year."]
    problems = r.window_problems([W((2, 30), (2, 29)), W((1, 1), (1, 31), month=13)])
    assert problems == [
        "Window 1: the start date (30/2) is not a real day of the year.",
        "Window 2: choose the month the stage happens by.",
    ]


def test_stages_may_refer_only_to_earlier_stages():
    stages = [
        r.Stage("a", "A", r.OffsetRule(days=1, from_stage="b")),
        r.Stage("b", "B", r.OffsetRule(days=1, from_stage="b")),
        r.Stage("c", "C", r.OffsetRule(days=1, from_stage="nope")),
        r.Stage("d", "D", r.OffsetRule(days=1, from_stage=4)),
        r.Stage("e", "E", r.OffsetRule(days=1, from_stage=0)),
    ]
    problems = r.find_problems(stages)
    assert [(p.stage, p.field) for p in problems] == [
        (0, "from_stage"),
        (1, "from_stage"),
        (2, "from_stage"),
        (3, "from_stage"),
        (4, "from_stage"),
    ]
    assert "“b”, which is not above it" in problems[0].message
    assert "no stage above it has that key" in problems[2].message
    assert "stage 4, which is not above it" in problems[3].message
    with pytest.raises(r.RuleError):
        r.compute_timeline(D(2027, 1, 1), stages)


def test_stage_keys_labels_offsets_and_count():
    stages = [
        r.Stage("a", "A", r.OffsetRule(days=1)),
        r.Stage("a", "", r.OffsetRule(days=-1)),
        r.Stage("Bad key", "B", r.OffsetRule(months=r.MAX_OFFSET_MONTHS + 1)),
        r.Stage("s", "S", r.SeasonalRule((W((1, 1), (6, 30)),))),
    ]
    problems = {(p.stage, p.field): p.message for p in r.find_problems(stages)}
    assert problems[(1, "key")] == "Another stage above already uses the key “a”."
    assert problems[(1, "label")] == "Give the stage a label."
    assert problems[(1, "amount")].startswith("Use between 0 and")
    assert "lower-case letters" in problems[(2, "key")]
    assert problems[(2, "amount")] == f"Use between 0 and {r.MAX_OFFSET_MONTHS} months."
    assert "Not covered: 1 July to 31 December" in problems[(3, "windows")]
    too_many = [r.Stage(f"s{i}", "S", r.OffsetRule(days=1)) for i in range(r.MAX_STAGES + 1)]
    assert r.find_problems(too_many) == [r.Problem(f"Use at most {r.MAX_STAGES} stages.")]


# --- Properties --------------------------------------------------------------------------------

YEAR_DAYS = r._YEAR  # every day of a leap year, 1 January to 31 December


@st.composite
def window_sets(draw):
    """A random valid partition of the year into 1-5 windows (possibly wrapping the year end)."""
    count = draw(st.integers(1, 5))
    cuts = sorted(draw(st.sets(st.integers(0, len(YEAR_DAYS) - 1), min_size=count, max_size=count)))
    windows = []
    for i, cut in enumerate(cuts):
        last = (cuts[(i + 1) % count] - 1) % len(YEAR_DAYS)
        windows.append(
            r.SeasonalWindow(YEAR_DAYS[cut], YEAR_DAYS[last], by_month=draw(st.integers(1, 12)))
        )
    return tuple(windows)


@st.composite
def stage_lists(draw):
    stages = []
    for index in range(draw(st.integers(0, 6))):
        ref = draw(
            st.one_of(
                st.none(),
                st.integers(1, index) if index else st.none(),
                st.sampled_from([s.key for s in stages]) if stages else st.none(),
            )
        )
        if draw(st.booleans()):
            rule = r.OffsetRule(
                days=draw(st.integers(0, r.MAX_OFFSET_DAYS)),
                months=draw(st.integers(0, r.MAX_OFFSET_MONTHS)),
                from_stage=ref,
            )
        else:
            rule = r.SeasonalRule(draw(window_sets()), from_stage=ref)
        stages.append(r.Stage(f"stage-{index}", f"Stage {index}", rule))
    return stages


end_dates = st.dates(min_value=D(2015, 1, 1), max_value=D(2034, 12, 31))  # 20 years


@settings(max_examples=300, deadline=None)
@given(windows=window_sets())
def test_generated_partitions_are_valid(windows):
    assert r.window_problems(windows) == []


@settings(max_examples=300, deadline=None)
@given(end=end_dates, stages=stage_lists())
def test_timelines_are_ordered_and_never_before_the_end_date(end, stages):
    timeline = r.compute_timeline(end, stages)
    assert len(timeline) == len(stages)
    assert all(entry.date >= end for entry in timeline)
    assert all(a.date <= b.date for a, b in zip(timeline, timeline[1:], strict=False))
    assert all(r.describe_rule(stages, i) for i in range(len(stages)))  # each one explained


@settings(max_examples=200, deadline=None)
@given(end=st.dates(min_value=r.MIN_END_DATE, max_value=r.MAX_END_DATE), stages=stage_lists())
def test_every_accepted_end_date_yields_a_timeline(end, stages):
    assert len(r.compute_timeline(end, stages)) == len(stages)
    assert r.parse_end_date(end.isoformat()) == end


@settings(max_examples=500, deadline=None)
@given(end=end_dates)
def test_seed_rules_hold_for_every_end_date(end):
    access, live, backups = dates(end)
    assert access == end + datetime.timedelta(days=90)
    in_autumn_to_spring = (end.month, end.day) >= (9, 1) or (end.month, end.day) <= (3, 31)
    if in_autumn_to_spring:
        assert live == D(end.year + (end.month >= 9), 8, 31)
    else:
        assert live == D(end.year + 1, 1, 31)
    assert access < live
    assert backups == live + datetime.timedelta(days=90)


def test_every_end_date_in_twenty_years_yields_a_timeline():
    day, last = D(2020, 1, 1), D(2039, 12, 31)
    while day <= last:
        assert len(r.compute_timeline(day, PUPIL_PROGRESS)) == 3
        day += datetime.timedelta(days=1)
