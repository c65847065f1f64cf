"""The behavioural suite (tests/checklist.py): generated texts about real leaders,
places and days, each with the events and dates it must yield.

FLOORS holds the cases each capability passes today: a change may raise a
floor, never lower one. The issue's target is every capability at 95% or more
and 98% of generated events found with the right date.
"""

from __future__ import annotations

import datetime as dt

import pytest
from checklist import CAPABILITIES, check, generate, invariance, next_weekday, pass_rates, past_weekday, week

from timeline.events import extract_documents
from timeline.sources.document import Document

# capability -> cases passed (of 8 fillings per template), measured on 2026-12-04.
FLOORS = {
    "past weekday": 32,
    "past weekday, publication day": 24,
    "future weekday": 24,
    "future weekday, later the same day": 16,
    "yesterday": 16,
    "last week / next week": 16,
    "last month": 16,
    "explicit date": 16,
    "anchored on an event, same sentence": 16,
    "anchored on an event, previous sentence": 16,
    "light-verb noun": 32,
    "titles only": 16,
    "pronoun and surname after the first mention": 16,
    "coordinated and subordinate events share the date": 16,
    "unknown official with a title": 16,
    "negated or hypothetical: no event": 24,
    "story told after the fact": 24,
    "story of the day": 16,
    "statements at home and abroad": 32,
    "trade measures and bodies of states": 32,
    "folded coordination, speaking clauses and joint statements": 24,
    "readout and social-media language": 32,
    "calls, praise and schedules told in the past": 23,
    "welcome, recognition, ties cut and criticism": 24,
}


@pytest.mark.parametrize(
    ("published", "weekday", "past", "future"),
    [
        (dt.date(2023, 9, 15), 4, dt.date(2023, 9, 15), dt.date(2023, 9, 22)),  # Friday, named Friday
        (dt.date(2023, 9, 15), 0, dt.date(2023, 9, 11), dt.date(2023, 9, 18)),  # Friday, named Monday
        (dt.date(2024, 1, 1), 6, dt.date(2023, 12, 31), dt.date(2024, 1, 7)),  # across a year
    ],
)
def test_the_date_rules_are_the_guides(published, weekday, past, future):
    assert past_weekday(published, weekday) == past
    assert next_weekday(published, weekday) == future


def test_week_values_are_iso_weeks():
    assert week(dt.date(2023, 9, 15)) == "2023-W37"
    assert week(dt.date(2021, 1, 3)) == "2020-W53"


def test_generation_is_deterministic_and_covers_every_capability():
    first, second = generate(), generate()
    assert first == second
    assert {c.capability for c in first} == {name for name, _, _ in CAPABILITIES} == set(FLOORS)
    assert all(c.expected or c.forbidden for c in first)


@pytest.fixture(scope="module")
def outcomes():
    cases = generate()
    docs = [Document(text=c.text, published=c.published, url=f"checklist:{i}") for i, c in enumerate(cases)]
    return [check(c, x.events) for c, x in zip(cases, extract_documents(docs))]


@pytest.mark.spacy
@pytest.mark.parametrize("capability", list(FLOORS))
def test_no_capability_falls_below_its_floor(outcomes, capability):
    passed, cases = pass_rates(outcomes)[capability]
    assert passed >= FLOORS[capability], f"{capability}: {passed} / {cases} passed, floor {FLOORS[capability]}"


@pytest.mark.spacy
def test_floors_are_raised_when_a_capability_improves(outcomes):
    # A floor below today's figure lets a later change lose the gain unnoticed.
    rates = pass_rates(outcomes)
    raised = {k: rates[k][0] for k in FLOORS if rates[k][0] > FLOORS[k]}
    assert raised == {}, f"raise these FLOORS in {__name__}: {raised}"


@pytest.mark.spacy
def test_templates_give_the_same_answer_whatever_the_names(outcomes):
    invariant, templates = invariance(outcomes)
    assert invariant >= 29, f"{invariant} / {templates} templates invariant"
