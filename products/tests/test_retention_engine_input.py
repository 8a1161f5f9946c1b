"""The retention date engine (products/retention/): the end dates people type and the rules
editors write, checked with a clear message for each problem. Pure Python, no database."""

import datetime

import pytest

from products import retention as r

from .factories import PUPIL_PROGRESS, SEED_WINDOWS

D = datetime.date


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
