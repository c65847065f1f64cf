"""Calendar arithmetic: weekdays by tense, year inference, shifting TIMEX3 values."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal.anchoring import resolve_weekday, shift_value, week_value, year_for_month_day

FRI, TUE = dt.date(2023, 9, 15), dt.date(2023, 9, 12)
MON, WED, THU, FRIDAY, SUN = 0, 2, 3, 4, 6


@pytest.mark.parametrize(
    "published, weekday, tense, expected",
    [
        (FRI, FRIDAY, "past", "2023-09-15"),  # the publication day itself
        (FRI, FRIDAY, None, "2023-09-15"),
        (TUE, FRIDAY, "past", "2023-09-08"),  # the Friday before
        (TUE, FRIDAY, "future", "2023-09-15"),  # the Friday after
        (FRI, FRIDAY, "future", "2023-09-22"),  # "will meet on Friday" in a Friday paper: next week
        (FRI, FRIDAY, "present", "2023-09-15"),  # "meets Friday" in a Friday paper: today
        (TUE, WED, "present", "2023-09-13"),
        (TUE, MON, "past", "2023-09-11"),
        (TUE, SUN, "past", "2023-09-10"),
        (TUE, MON, "future", "2023-09-18"),
    ],
)
def test_resolve_weekday(published, weekday, tense, expected):
    assert resolve_weekday(published, weekday, tense).isoformat() == expected


def test_resolve_weekday_at_the_calendar_edges():
    assert resolve_weekday(dt.date(1, 1, 1), FRIDAY, "past") is None
    assert resolve_weekday(dt.date(9999, 12, 31), FRIDAY, "future") is None


@pytest.mark.parametrize(
    "published, month, day, tense, year",
    [
        (dt.date(1987, 3, 10), 12, 20, "past", 1986),  # past, well after publication: last year
        (dt.date(1987, 3, 10), 3, 12, "past", 1987),  # two days after: a schedule, same year
        (dt.date(1987, 3, 10), 2, 26, "past", 1987),
        (dt.date(1987, 3, 10), 2, 26, "future", 1988),  # future, before publication: next year
        (dt.date(1989, 10, 26), 1, 5, None, 1990),  # unknown tense: the nearest
        (dt.date(1989, 10, 26), 12, 7, "past", 1989),  # a deadline within the grace period
        (dt.date(2023, 9, 15), 12, None, "past", 2022),  # "in December" said in September
        (dt.date(2023, 9, 15), 10, None, "past", 2023),  # next month, past tense: planned
        (dt.date(2023, 9, 15), 5, None, "future", 2024),
        (dt.date(2024, 3, 1), 2, 29, "past", 2024),
        (dt.date(2023, 3, 1), 2, 29, "future", 2024),  # 29 February exists in 2024 only
    ],
)
def test_year_for_month_day(published, month, day, tense, year):
    assert year_for_month_day(published, month, day, tense) == year


@pytest.mark.parametrize(
    "value, amount, unit, expected",
    [
        ("2023-09-15", -2, "day", "2023-09-13"),
        ("2023-09-15", 1, "week", "2023-09-22"),
        ("2023-01-31", 1, "month", "2023-02-28"),
        ("2023-W37", 1, "week", "2023-W38"),
        ("2023-W52", 1, "week", "2024-W01"),
        ("2023-09", -9, "month", "2022-12"),
        ("2023-Q3", -1, "year", "2022-Q3"),
        ("2023-Q1", -1, "quarter", "2022-Q4"),
        ("2023", 1, "year", "2024"),
        ("2023-SU", -1, "year", "2022-SU"),
        ("199", 1, "decade", "200"),
        ("2023-Q3", 1, "day", None),  # a day is not a whole quarter
        ("9999-12-31", 1, "day", None),  # beyond year 9999
        ("0001", -1, "year", None),
    ],
)
def test_shift_value(value, amount, unit, expected):
    assert shift_value(value, amount, unit) == expected


def test_week_value_uses_iso_years():
    assert week_value(dt.date(2021, 1, 1)) == "2020-W53"
