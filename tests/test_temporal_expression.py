"""TimeExpression's day range and value_range over every TIMEX3 DATE granularity."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal import TimeExpression, value_range

D = dt.date


@pytest.mark.parametrize(
    "value, first, last",
    [
        ("2023-09-15", D(2023, 9, 15), D(2023, 9, 15)),
        ("2023-09-15T14:00", D(2023, 9, 15), D(2023, 9, 15)),
        ("2023-09-15TNI", D(2023, 9, 15), D(2023, 9, 15)),
        ("2023-W37", D(2023, 9, 11), D(2023, 9, 17)),
        ("2020-W53", D(2020, 12, 28), D(2021, 1, 3)),
        ("2023-W37-WE", D(2023, 9, 16), D(2023, 9, 17)),
        ("2023-09", D(2023, 9, 1), D(2023, 9, 30)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2023-Q3", D(2023, 7, 1), D(2023, 9, 30)),
        ("2023-H1", D(2023, 1, 1), D(2023, 6, 30)),
        ("2023-SU", D(2023, 6, 1), D(2023, 8, 31)),
        ("2023-WI", D(2023, 12, 1), D(2024, 2, 29)),
        ("2023", D(2023, 1, 1), D(2023, 12, 31)),
        ("199", D(1990, 1, 1), D(1999, 12, 31)),
        ("19", D(1900, 1, 1), D(1999, 12, 31)),
    ],
)
def test_value_range(value, first, last):
    assert value_range(value) == (first, last)


@pytest.mark.parametrize(
    "value",
    [
        "P2D",
        "PT5H",
        "PAST_REF",
        "PRESENT_REF",
        "XXXX-WXX-1",
        "2023-02-30",
        "2023-W54",
        "9999-WI",
        "",
        "garbage",
        "2023-13",
    ],
)
def test_value_range_is_none_for_non_dates(value):
    assert value_range(value) is None


def _expr(value, end_value=None):
    return TimeExpression("Sept 13-15", 0, 10, "DATE", value, "day", "explicit-date", None, None, end_value=end_value)


def test_range_expression_spans_to_its_end_value():
    e = _expr("2023-09-13", "2023-09-15")
    assert (e.date_start, e.date_end) == (D(2023, 9, 13), D(2023, 9, 15))


def test_unresolved_expression_has_no_days():
    e = _expr(None)
    assert (e.date_start, e.date_end) == (None, None)


def test_record_is_json_ready():
    r = _expr("2023-W37").to_record()
    assert r["value"] == "2023-W37"
    assert (r["date_start"], r["date_end"]) == ("2023-09-11", "2023-09-17")
    assert set(r) >= {
        "text",
        "start",
        "end",
        "type",
        "granularity",
        "rule",
        "anchor",
        "tense",
        "mod",
        "relation",
        "offset",
    }
