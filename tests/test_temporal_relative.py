"""resolve_relative: event-relative phrases applied to the anchor event's date."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal import find_time_expressions, granularity_of, resolve_relative


def _phrase(sentence: str):
    [e] = [e for e in find_time_expressions(sentence, dt.date(2023, 9, 15)) if e.anchor == "event"]
    return e


@pytest.mark.parametrize(
    "sentence, anchor, value, granularity",
    [
        # The seed: the Sochi meeting (Friday 2023-09-15) came "two days after" Putin met Kim,
        # so Putin met Kim two days *before* the anchor: the pipeline resolves the clause
        # event from the main event with the inverse relation; here, the phrase itself.
        ("The talks ended two days after the summit.", "2023-09-13", "2023-09-15", "day"),
        ("Troops left the day before the vote.", "2023-09-15", "2023-09-14", "day"),
        ("A week later, the talks resumed.", "2023-09-15", "2023-09-22", "day"),
        ("Three days later the envoy returned.", "2023-09-15", "2023-09-18", "day"),
        ("The following week, ministers met.", "2023-09-15", "2023-W38", "week"),
        ("The following week, ministers met.", "2023-W37", "2023-W38", "week"),
        ("The next day, Kim toured a factory.", "2023-09-15", "2023-09-16", "day"),
        ("The previous day, he met Lavrov.", "2023-09-15", "2023-09-14", "day"),
        ("The week before, the port was shelled.", "2023-09-15", "2023-09-08", "day"),
        ("A year earlier, sales had fallen.", "1989-Q3", "1988-Q3", "quarter"),
        ("A year earlier, sales had fallen.", "1989", "1988", "year"),
        ("A week later, the talks resumed.", "2023-W37", "2023-W38", "week"),
        ("Hours after the meeting, missiles flew.", "2023-09-15", "2023-09-15", "day"),
        ("On the same day, he met the pope.", "2023-09-15", "2023-09-15", "day"),
        ("Later that year, the treaty was signed.", "2023-09-15", "2023", "year"),
        ("That week, the envoy flew to Kyiv.", "2023-09-15", "2023-W37", "week"),
        ("The next morning, talks resumed.", "2023-09-15", "2023-09-16", "day"),
        ("The following month, the deal was signed.", "2023-09-15", "2023-10", "month"),
    ],
)
def test_resolve_relative(sentence, anchor, value, granularity):
    r = resolve_relative(_phrase(sentence), anchor)
    assert (r.value, r.granularity) == (value, granularity)
    assert r.rule.endswith("/anchored")


@pytest.mark.parametrize(
    "sentence, anchor",
    [
        ("The talks ended two days after the summit.", "2023-W37"),  # no day inside a week
        ("The next day, Kim toured a factory.", "2023-09"),  # finer than its anchor
        ("A week later, the talks resumed.", "2023-09"),
        ("Two days after the vote, they met.", "PAST_REF"),
        ("On the same day, he met the pope.", "2023-09"),  # which day of September?
    ],
)
def test_resolve_relative_refuses_to_invent_precision(sentence, anchor):
    r = resolve_relative(_phrase(sentence), anchor)
    assert r.value is None and r.rule.endswith("/unresolved")


def test_non_event_expressions_are_returned_unchanged():
    [e] = find_time_expressions("They met on Friday.", dt.date(2023, 9, 15))
    assert resolve_relative(e, "2020-01-01") is e


@pytest.mark.parametrize(
    "value, granularity",
    [
        ("2023-09-15", "day"),
        ("2023-09-15T10:00", "time"),
        ("2023-W37", "week"),
        ("2023-W37-WE", "weekend"),
        ("2023-09", "month"),
        ("2023-Q3", "quarter"),
        ("2023-H2", "half"),
        ("2023-SU", "season"),
        ("2023", "year"),
        ("202", "decade"),
        ("20", "century"),
        ("PAST_REF", "none"),
    ],
)
def test_granularity_of(value, granularity):
    assert granularity_of(value) == granularity


def test_resolve_chain_follows_dependencies_in_any_order():
    from timeline.temporal.relative import resolve_chain

    two_days_after = _phrase("The talks ended two days after the summit.")
    next_day = _phrase("The next day, Kim toured a factory.")
    resolved, cycles = resolve_chain(
        {"tour": next_day, "talks": two_days_after},
        {"tour": "talks", "talks": "summit"},
        {"summit": "2023-09-13"},
    )
    assert cycles == set()
    assert (resolved["talks"].value, resolved["tour"].value) == ("2023-09-15", "2023-09-16")


def test_resolve_chain_detects_cycles_and_missing_anchors():
    from timeline.temporal.relative import resolve_chain

    a = _phrase("A week later, the talks resumed.")
    b = _phrase("The previous day, he met Lavrov.")
    c = _phrase("The next day, Kim toured a factory.")
    resolved, cycles = resolve_chain({"a": a, "b": b, "c": c}, {"a": "b", "b": "a", "c": "nowhere"}, {})
    assert cycles <= {"a", "b"} and cycles
    assert all(resolved[k].value is None for k in "abc")
    assert resolved["c"].rule.endswith("/unresolved")
    assert any(resolved[k].rule.endswith("/cycle") for k in "ab")
