"""The retention date engine (products/retention/): properties that hold for generated rules
and end dates. Pure Python, no database."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from products import retention as r

from .factories import PUPIL_PROGRESS, engine_dates

D = datetime.date

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


@settings(max_examples=200, deadline=None)
@given(windows=window_sets())
def test_generated_partitions_are_valid(windows):
    assert r.window_problems(windows) == []


@settings(max_examples=200, deadline=None)
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


@settings(max_examples=250, deadline=None)
@given(end=end_dates)
def test_seed_rules_hold_for_every_end_date(end):
    access, live, backups = engine_dates(end)
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
