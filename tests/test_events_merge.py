"""Within-article merging (timeline/events/merge.py): the named rules that decide
whether a mention's participants fit an event already told. Invented actors;
each row is the event's participants, the mention's, and the rule that decides."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from timeline.events.merge import PARTICIPANTS_AGREE, EventBuilder, _participants_compatible
from timeline.events.types import Participant


def _p(name: str, role: str = "participant", kind: str = "person") -> Participant:
    return Participant(name, kind, role, None)


def _event(type_: str, mode: str, participants: list[Participant], date: str | None = "2023-09-15") -> EventBuilder:
    event = EventBuilder(type_, mode, None, None)
    event.participants = list(participants)
    event.date = date
    return event


def _draft(args: str, participants: list[Participant], date: str | None = "2023-09-15"):
    return SimpleNamespace(trigger=SimpleNamespace(args=args), participants=participants, date_value=date)


BERG, VIDAL, OSEI = _p("Ingrid Berg"), _p("Tomas Vidal"), _p("Amara Osei")
PERU, CHILE, JAPAN = (_p(n, kind="country") for n in ("Peru", "Chile", "Japan"))

# rule, event (type, mode, participants, date), mention (args, participants, date), fits
CASES = [
    # "Peru accused Chile ...", "Japan accused Chile ...": two accusers, two acts.
    ("another-actors-act", ("ACCUSE", "accuse", [_p("Peru", "source", "country"), CHILE]),
     ("directed", [_p("Japan", "source", "country"), CHILE]), False),
    # "Ms Osei said ... on Friday", "Ms Osei told reporters ...": one press conference.
    ("one-speaker-one-occasion", ("STATEMENT", "say", [_p("Amara Osei", "source"), PERU]),
     ("speaker", [_p("Amara Osei", "source"), CHILE]), True),
    # "Ms Berg met Mr Vidal", "the two leaders' talks": the same two people.
    ("the-same-people", ("CONSULT", "meet", [BERG, VIDAL]), ("symmetric", [VIDAL, BERG]), True),
    # "Ms Berg met Mr Vidal", "Ms Berg met Ms Osei": one person shared of two is not enough.
    ("the-same-people", ("CONSULT", "meet", [BERG, VIDAL]), ("symmetric", [BERG, OSEI]), False),
    # "Ms Berg met Mr Vidal", "Ms Berg's meeting": all of the fewer.
    ("the-same-people", ("CONSULT", "meet", [BERG, VIDAL]), ("symmetric", [BERG]), True),
    # "Peru and Chile met on Friday", "talks between Chile and Peru on Friday".
    ("the-same-states-on-a-dated-day", ("CONSULT", "meet", [PERU, CHILE]), ("symmetric", [CHILE, PERU]), True),
    # The same states, but one mention has no date of its own.
    ("the-same-states-on-a-dated-day", ("CONSULT", "meet", [PERU, CHILE]), ("symmetric", [CHILE, PERU], None), False),
    ("the-same-states-on-a-dated-day", ("CONSULT", "meet", [PERU, CHILE]), ("symmetric", [CHILE, JAPAN]), False),
    # Nobody to compare on one side.
    ("the-same-states-on-a-dated-day", ("CONSULT", "meet", [PERU, CHILE]), ("symmetric", []), False),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "event", "mention", "fits"), CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_a_mentions_participants_fit_the_event_by_the_first_rule_that_answers(rule, event, mention, fits):
    built, draft = _event(*event), _draft(*mention)
    assert PARTICIPANTS_AGREE.first(built, draft) == (fits, rule)
    assert _participants_compatible(built, draft) is fits


def test_a_directed_act_with_a_shared_source_goes_on_to_the_people():
    event = _event("ACCUSE", "accuse", [_p("Peru", "source", "country"), CHILE])
    assert PARTICIPANTS_AGREE.first(event, _draft("directed", [_p("Peru", "source", "country"), CHILE])) == (
        True,
        "the-same-states-on-a-dated-day",
    )


def test_every_rule_has_a_row_in_the_order_tried():
    assert [r.name for r in PARTICIPANTS_AGREE] == list(dict.fromkeys(c[0] for c in CASES))
