"""find_time_expressions as a whole: spans, ordering, tense hook, and properties
that must hold for any text and any publication day (hypothesis)."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import find_time_expressions, value_range

VALUE = re.compile(
    r"^(?:\d{4}-\d{2}-\d{2}(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI|MI))?|\d{4}-W\d{2}(?:-WE)?|\d{4}-\d{2}"
    r"|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-(?:SP|SU|FA|WI)|\d{2,4}"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|DE|CE))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|XXXX-(?:WXX-(?:[1-7]|WE)|\d{2}|XX-XXT(?:MO|AF|EV|NI)))$"
)
TYPES = {"DATE", "TIME", "DURATION", "SET"}

NEWS_WORDS = st.sampled_from(
    [
        "Friday",
        "on",
        "last",
        "week",
        "next",
        "the",
        "two",
        "days",
        "after",
        "before",
        "Sept.",
        "13",
        "2023",
        "March",
        "May",
        "year",
        "ago",
        "earlier",
        "this",
        "month",
        "quarter",
        "third",
        "-",
        "15",
        "mid-",
        "early",
        "late",
        "tonight",
        "yesterday",
        "a",
        "later",
        "following",
        "1990s",
        "'80s",
        "fiscal",
        "1988",
        "noon",
        "10:35",
        "4:12:09",
        "p.m.",
        "every",
        "daily",
        "now",
        ",",
        ".",
        "\n",
        "Q3",
        "summer",
        "of",
        "29",
        "February",
        "12/31/1999",
        "9999-12-31",
        "0001-01-01",
        "nineteen",
        "ninety-six",
        "previous",
        "fiscal",
        "weekend",
        "century",
        "decade",
        "same",
        "day",
        "hours",
        "Christmas",
        "Easter",
        "year-earlier",
        "latest",
        "period",
        "ended",
        "morning",
        "night",
        "Thursday",
        "second",
        "half",
        "between",
        "and",
        "to",
        "until",
        "since",
        "by",
        "'s",
        "ago",
        "coming",
        "several",
        "twice",
    ]
)
DAYS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


def _check(text, published):
    exprs = find_time_expressions(text, published)
    last_end = 0
    for e in exprs:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        assert e.start >= last_end, "sorted and non-overlapping"
        last_end = e.end
        assert e.type in TYPES
        if e.value is not None:
            assert VALUE.match(e.value), e
            if e.type == "DATE" and e.value[:1].isdigit() and e.granularity not in ("duration", "set"):
                assert value_range(e.value) is not None, e
        if e.end_value is not None:
            assert value_range(e.end_value) and value_range(e.value), e
            assert value_range(e.end_value)[1] >= value_range(e.value)[0], e
        if e.anchor == "event":
            assert e.relation in ("after", "before", "same")
    return exprs


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.one_of(st.none(), DAYS))
def test_any_unicode_text_any_day(text, published):
    _check(text, published)


@settings(max_examples=300, deadline=None)
@given(st.lists(NEWS_WORDS, max_size=14).map(" ".join), st.one_of(st.none(), DAYS))
def test_news_like_word_salad_any_day(text, published):
    _check(text, published)


def test_expressions_are_sorted_and_exact():
    text = "On Friday, two days after the summit, ministers met; talks resume next week."
    exprs = find_time_expressions(text, dt.date(2023, 9, 15))
    assert [e.text for e in exprs] == ["Friday", "two days after", "next week"]


def test_the_longest_reading_wins():
    [e] = find_time_expressions("Profit rose in the first quarter of 1988.", dt.date(1989, 1, 5))
    assert (e.text, e.value) == ("the first quarter of 1988", "1988-Q1")


def test_tense_of_overrides_the_lexical_guess():
    text = "Putin met Lukashenko on Friday."
    calls = []

    def tense_of(start, end):
        calls.append(text[start:end])
        return "future"

    [e] = find_time_expressions(text, dt.date(2023, 9, 12), tense_of=tense_of)
    assert calls == ["Friday"]
    assert (e.value, e.tense, e.rule) == ("2023-09-15", "future", "weekday/future")


def test_edge_of_the_calendar_gives_none_not_errors():
    exprs = find_time_expressions("They will meet tomorrow and next year.", dt.date(9999, 12, 31))
    # A day past 9999-12-31 has no ISO-8601 value: the phrase gives no expression.
    assert exprs == []
    exprs = find_time_expressions("They will meet tomorrow and next year.", dt.date(9999, 12, 30))
    assert [(e.text, e.value) for e in exprs] == [("tomorrow", "9999-12-31")]
