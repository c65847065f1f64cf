"""Acts that happen during another event (timeline/events/during.py), on
hand-built parses: which mention of a sentence an act happens during (the
rules of DURING), when a "during" phrase tells its event as under way, and the
date that gives an undated event. Invented sentences."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from conftest import parse, sentence

from timeline.events.during import DURING, Linking, date_during, link_during
from timeline.events.merge import EventBuilder

FUTURE_VISIT = "Ms/NNP/compound/1 Berg/NNP/nsubj/3 will/MD/aux/3 meet/VB/ROOT/3 Mr/NNP/compound/5 Vidal/NNP/dobj/3 during/IN/prep/3 her/PRP$/poss/8 visit/NN/pobj/6 ././punct/3"
PAST_VISIT = "Ms/NNP/compound/1 Berg/NNP/nsubj/2 met/VBD/ROOT/2/=meet Mr/NNP/compound/4 Vidal/NNP/dobj/2 during/IN/prep/2 her/PRP$/poss/7 visit/NN/pobj/5 ././punct/2"
TRIP_AND_MEETING = "Ms/NNP/compound/1 Berg/NNP/nsubj/3 will/MD/aux/3 fly/VB/ROOT/3 to/IN/prep/3 Lima/NNP/pobj/4 on/IN/prep/3 Tuesday/NNP/pobj/6 and/CC/cc/3 meet/VB/conj/3 Mr/NNP/compound/11 Vidal/NNP/dobj/9 ././punct/3"


def _draft(index: int, at: int, mode: str, date: str | None = None):
    return SimpleNamespace(
        index=index, token_key=(0, at), trigger=SimpleNamespace(mode=mode), date_value=date, during=None, ongoing=False
    )


def _word(doc, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


# rule, notation, (trigger word, mode, date) of each mention, mention linked -> the one it happens during
CASES = [
    ("during-phrase", FUTURE_VISIT, [("meet", "meet", None), ("visit", "visit", None)], {0: 1}),
    ("during-phrase", PAST_VISIT, [("met", "meet", None), ("visit", "visit", None)], {0: 1}),
    ("coordinated-with-a-trip", TRIP_AND_MEETING, [("fly", "visit", "2023-09-19"), ("meet", "meet", None)], {1: 0}),
    # A meeting with a date of its own is not placed in the trip.
    ("coordinated-with-a-trip", TRIP_AND_MEETING, [("fly", "visit", "2023-09-19"), ("meet", "meet", "2023-09-20")], {}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "notation", "mentions", "links"), CASES, ids=[f"{c[0]}: {sentence(c[1])}" for c in CASES]
)
def test_an_act_happens_during_the_event_the_rule_names(rule, notation, mentions, links):
    doc = parse(notation)
    drafts = [_draft(i, _word(doc, word), mode, date) for i, (word, mode, date) in enumerate(mentions)]
    answers = {i: DURING.first(Linking(d, drafts, doc)) for i, d in enumerate(drafts)}
    assert {i: host for i, (host, _rule) in answers.items() if host is not None} == links
    assert all(r == rule for i, (_host, r) in answers.items() if i in links)
    link_during(drafts, doc)
    assert {i: d.during for i, d in enumerate(drafts) if d.during is not None} == links


@pytest.mark.parametrize(("notation", "ongoing"), [(FUTURE_VISIT, True), (PAST_VISIT, False)])
def test_a_visit_an_act_will_happen_during_is_under_way(notation, ongoing):
    doc = parse(notation)
    root = next(t.i for t in doc if t.dep_ == "ROOT")
    drafts = [_draft(0, root, "meet"), _draft(1, _word(doc, "visit"), "visit")]
    link_during(drafts, doc)
    assert (drafts[0].ongoing, drafts[1].ongoing) == (False, ongoing)


def _event(index: int, date: str | None, *, during: int | None = None, ongoing: bool = False) -> EventBuilder:
    event = EventBuilder("CONSULT", "meet", None, None)
    record = SimpleNamespace(date=None, date_rule=None)
    event.drafts = [SimpleNamespace(index=index, during=during, ongoing=ongoing, record=record)]
    event.date = date
    return event


def test_an_undated_event_during_a_dated_one_takes_its_iso_week():
    visit, meeting = _event(0, "2023-09-19"), _event(1, None, during=0)
    date_during([visit, meeting], None)
    assert (meeting.date, meeting.granularity, meeting.drafts[0].record.date_rule) == (
        "2023-W38",
        "week",
        "during an event: the ISO week of 2023-09-19",
    )


def test_an_undated_event_told_as_under_way_takes_the_reporting_day():
    visit = _event(0, None, ongoing=True)
    date_during([visit], dt.date(2023, 9, 15))
    assert (visit.date, visit.granularity, visit.date_soft) == ("2023-09-15", "day", True)


def test_every_during_rule_has_a_row_in_the_order_tried():
    assert [r.name for r in DURING] == list(dict.fromkeys(c[0] for c in CASES))
