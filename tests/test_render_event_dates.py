"""Date labels and day spans shared by the export formats."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.render.event_dates import date_label, day_span, timeml_span

D = dt.date


@pytest.mark.parametrize(
    ("date", "granularity", "conflict", "label"),
    [
        ("2023-09-15", "day", False, "2023-09-15"),
        ("2023-W37", "week", False, "2023-W37 (week)"),
        ("2023-09", "month", False, "2023-09 (month)"),
        ("2023-Q3", "quarter", False, "2023-Q3 (quarter)"),
        ("2023-SU", "season", False, "2023-SU (season)"),
        ("2023", "year", False, "2023 (year)"),
        ("202", "decade", False, "202 (decade)"),
        ("2023-09-13", "day", True, "2023-09-13 (sources differ)"),
        (None, "none", False, "undated"),
        (None, None, False, "undated"),
    ],
)
def test_date_label_says_the_granularity(date, granularity, conflict, label):
    assert date_label({"date": date, "granularity": granularity, "date_conflict": conflict}) == label


@pytest.mark.parametrize(
    ("date", "granularity", "start", "end", "label"),
    [
        ("1986", "year", "1986-01-01", "1987-12-31", "1986 to 1987 (years)"),  # "from 1986 to 1987"
        ("2023-09", "month", "2023-09-01", "2023-11-30", "2023-09 to 2023-11 (months)"),
        ("2023-09-11", "day", "2023-09-11", "2023-09-15", "2023-09-11 to 2023-09-15"),
        ("2023-W37", "week", "2023-09-11", "2023-09-24", "2023-W37 to 2023-W38 (weeks)"),
        ("2023-Q3", "quarter", "2023-07-01", "2023-12-31", "2023-Q3 to 2023-Q4 (quarters)"),
        ("1986", "year", "1986-01-01", "1986-12-31", "1986 (year)"),  # the value's own span
        ("1986", "year", None, None, "1986 (year)"),
    ],
)
def test_date_label_says_a_span_longer_than_its_value(date, granularity, start, end, label):
    event = {"date": date, "granularity": granularity, "date_start": start, "date_end": end}
    assert date_label(event) == label


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2023-09-15", (D(2023, 9, 15), D(2023, 9, 15))),
        ("2023-W37", (D(2023, 9, 11), D(2023, 9, 17))),  # ISO-8601 week: Monday..Sunday
        ("2020-W53", (D(2020, 12, 28), D(2021, 1, 3))),  # a 53-week year crosses into January
        ("2024-02", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2023-Q4", (D(2023, 10, 1), D(2023, 12, 31))),
        ("2023-WI", (D(2023, 12, 1), D(2024, 2, 29))),  # TIMEX3 winter runs into the next year
        ("2023-SU", (D(2023, 6, 1), D(2023, 8, 31))),
        ("2023", (D(2023, 1, 1), D(2023, 12, 31))),
        ("199", (D(1990, 1, 1), D(1999, 12, 31))),  # TIMEX3 decade
        ("PAST_REF", None),
        ("2023-W54", None),
        ("2023-13", None),
        ("", None),
    ],
)
def test_timeml_span(value, span):
    assert timeml_span(value) == span


@pytest.mark.parametrize(
    ("record", "span"),
    [
        ({"date": "2023-W37", "date_start": "2023-09-11", "date_end": "2023-09-17"}, (D(2023, 9, 11), D(2023, 9, 17))),
        ({"date": "2023-W37", "date_start": None, "date_end": None}, (D(2023, 9, 11), D(2023, 9, 17))),
        ({"date": "2023-09-15", "date_start": "2023-09-15", "date_end": None}, (D(2023, 9, 15), D(2023, 9, 15))),
        ({"date": "PAST_REF", "date_start": "2023-09-01", "date_end": None}, (D(2023, 9, 1), D(2023, 9, 1))),
        ({"date": "2023-09", "date_start": "2023-09-30", "date_end": "2023-09-01"}, (D(2023, 9, 1), D(2023, 9, 30))),
        ({"date": None, "date_start": None, "date_end": None}, None),
        ({}, None),
    ],
)
def test_day_span_prefers_the_record_and_falls_back_to_the_value(record, span):
    assert day_span(record) == span


@given(st.text(max_size=12))
def test_timeml_span_never_raises_and_is_ordered(value):
    span = timeml_span(value)
    assert span is None or span[0] <= span[1]


@given(st.dates(min_value=D(1, 1, 1), max_value=D(9000, 1, 1)), st.integers(min_value=0, max_value=400))
def test_day_span_of_any_iso_days_is_ordered(start, length):
    end = start + dt.timedelta(days=length)
    span = day_span({"date": start.isoformat(), "date_start": start.isoformat(), "date_end": end.isoformat()})
    assert span == (start, end)
