"""How a trigger becomes a mention (timeline/events/extract.py), on hand-built
parses, the shipped trigger lexicon and a small gazetteer (tests/conftest.py):
the rules that find a trigger reports no diplomatic event, and those that date
an act no phrase of its own dates. Invented sentences; the article is
published on Friday 2023-09-15, after Ms Berg (Norway) and Mr Vidal (Chile)
were named in it."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import marked, parse, sentence, small_gazetteer

from timeline.events.arguments import DiscourseMemory
from timeline.events.candidates import NO_EVENT, Candidate
from timeline.events.extract import _ParagraphReader
from timeline.events.lexicon import load_lexicon
from timeline.events.segment import Paragraph
from timeline.events.types import Participant
from timeline.events.undated import UNDATED

ON = dt.date(2023, 9, 15)


def _read(notation: str):
    """The paragraph read as extraction reads it: the reader and its mention drafts."""
    doc = parse(notation)
    memory = DiscourseMemory()
    memory.note(
        [
            Participant("Ingrid Berg", "person", "source", "Norway"),
            Participant("Tomas Vidal", "person", "target", "Chile"),
        ]
    )
    drafts: list = []
    paragraph = Paragraph(0, len(doc.text), doc.text)
    reader = _ParagraphReader(paragraph, 0, doc, ON, load_lexicon(), small_gazetteer(), memory, drafts)
    reader.read()
    return reader, drafts


# rule, notation (the trigger marked)
NO_EVENT_CASES = [
    ("visitor-of-another-kind", "Peru/NNP/nsubj/1/@GPE *hosted/VBD/ROOT/1/=host a/DT/det/4 football/NN/compound/4 club/NN/dobj/1 ././punct/1"),
    ("no-named-object", "Peru/NNP/nsubj/1/@GPE *received/VBD/ROOT/1/=receive a/DT/det/3 letter/NN/dobj/1 from/IN/prep/1 Chile/NNP/pobj/4/@GPE ././punct/1"),
    ("nobody-named", "*Talks/NNS/nsubj/2/=talk would/MD/aux/2 help/VB/ROOT/2 ././punct/2"),
    ("nobody-does-it", "Peru/NNP/nsubjpass/2/@GPE was/VBD/auxpass/2/=be *urged/VBN/ROOT/2/=urge to/TO/aux/4 lift/VB/xcomp/2 the/DT/det/6 ban/NN/dobj/4 ././punct/2"),
    ("nobody-travels", "Attention/NN/nsubj/2 will/MD/aux/2 *go/VB/ROOT/2 to/IN/prep/2 Lima/NNP/pobj/3/@GPE ././punct/2"),
    ("going-home", "Mr/NNP/compound/1/@PERSON Vidal/NNP/nsubj/2/@PERSON *arrived/VBD/ROOT/2/=arrive in/IN/prep/2 Santiago/NNP/pobj/3/@GPE ././punct/2"),
    ("domestic-statement", "Kenyan/JJ/amod/3/@NORP economist/NN/compound/3 Joseph/NNP/compound/3/@PERSON Kamau/NNP/nsubj/4/@PERSON *said/VBD/ROOT/4/=say prices/NNS/nsubj/7/=price would/MD/aux/7 rise/VB/ccomp/4 ././punct/4"),
    ("domestic-act", "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *met/VBD/ROOT/2/=meet Norwegian/JJ/amod/6/@NORP lawmaker/NN/compound/6 Lena/NNP/compound/6/@PERSON Holm/NNP/dobj/2/@PERSON ././punct/2"),
    ("announces-an-act", "Canada/NNP/nsubj/1/@GPE *announced/VBD/ROOT/1/=announce new/JJ/amod/3 sanctions/NNS/dobj/1/=sanction on/IN/prep/3 Peru/NNP/pobj/4/@GPE ././punct/1"),
    ("private-persons", "Joseph/NNP/compound/1/@PERSON Kamau/NNP/nsubj/2/@PERSON *met/VBD/ROOT/2/=meet Maria/NNP/compound/4/@PERSON Lopez/NNP/dobj/2/@PERSON ././punct/2"),
    ("remit-of-an-office", "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/9/@PERSON ,/,/punct/1 the/DT/det/4 envoy/NN/appos/1/=envoy for/IN/prep/4 Chilean/JJ/amod/7/@NORP *talks/NNS/pobj/5/=talk ,/,/punct/1 resigned/VBD/ROOT/9/=resign ././punct/9"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "notation"), NO_EVENT_CASES, ids=[f"{c[0]}: {sentence(c[1])}" for c in NO_EVENT_CASES]
)
def test_a_trigger_that_reports_no_event_gives_no_mention(rule, notation):
    reader, drafts = _read(notation)
    token = marked(reader.doc)
    assert [d for d in drafts if d.token_key[1] == token.i] == []
    trigger = reader._match(token)
    assert trigger is not None, "the lexicon has no entry the trigger matches"
    trigger = reader._visit_or_meeting(token, trigger)
    candidate = Candidate(
        token, trigger, reader._participants(token, trigger), reader.memory.officials, reader.gaz, reader.published
    )
    assert NO_EVENT.first(candidate) == (True, rule)


# rule, notation (the act marked), its date, how it was dated
UNDATED_CASES = [
    ("also-on-the-same-occasion", "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON met/VBD/ROOT/2/=meet Mr/NNP/compound/4/@PERSON Vidal/NNP/dobj/2/@PERSON on/IN/prep/2 Monday/NNP/pobj/5/@DATE ././punct/2 Ms/NNP/compound/9/@PERSON Berg/NNP/nsubj/11/@PERSON also/RB/advmod/11 *signed/VBD/ROOT/11/=sign a/DT/det/13 pact/NN/dobj/11 with/IN/prep/11 Chile/NNP/pobj/14/@GPE ././punct/11",
     "2023-09-11", "same occasion: 'also' after the act dated 'Monday'"),
    ("narrative-time", "Mr/NNP/compound/1/@PERSON Mori/NNP/nsubj/2/@PERSON arrived/VBD/ROOT/2/=arrive in/IN/prep/2 Lima/NNP/pobj/3/@GPE on/IN/prep/2 Sunday/NNP/pobj/5/@DATE ././punct/2 He/PRP/nsubj/9 *met/VBD/ROOT/9/=meet Mr/NNP/compound/11/@PERSON Vidal/NNP/dobj/9/@PERSON ././punct/9",
     "2023-09-10", "narrative: the day of the preceding sentence (Sunday)"),
    ("story-time", "On/IN/prep/4 Monday/NNP/pobj/0/@DATE Ms/NNP/compound/3/@PERSON Berg/NNP/nsubj/4/@PERSON met/VBD/ROOT/4/=meet Mr/NNP/compound/6/@PERSON Vidal/NNP/dobj/4/@PERSON ././punct/4 Chile/NNP/nsubj/9/@GPE recalled/VBD/ROOT/9/=recall its/PRP$/poss/11 envoy/NN/dobj/9/=envoy ././punct/9 Peru/NNP/nsubj/14/@GPE *expelled/VBD/ROOT/14/=expel two/CD/nummod/17/@CARDINAL Chilean/JJ/amod/17/@NORP diplomats/NNS/dobj/14/=diplomat ././punct/14",
     "2023-09-11", "story time: the day a story told after the fact has reached"),
    ("reporting-day", "Peru/NNP/nsubj/1/@GPE *expelled/VBD/ROOT/1/=expel two/CD/nummod/4/@CARDINAL Chilean/JJ/amod/4/@NORP diplomats/NNS/dobj/1/=diplomat ././punct/1",
     "2023-09-15", "reporting-day: undated act in the simple past"),
    ("closing-act-reported-now", "A/DT/det/1 statement/NN/nsubj/11 issued/VBN/acl/1/=issue at/IN/prep/2 the/DT/det/5 end/NN/pobj/3 of/IN/prep/5 the/DT/det/8 *talks/NNS/pobj/6/=talk with/IN/prep/8 Chile/NNP/pobj/9/@GPE said/VBD/ROOT/11/=say Peru/NNP/nsubj/14/@GPE would/MD/aux/14 help/VB/ccomp/11 ././punct/11",
     "2023-09-15", "ends on the reporting day, with the act at its end"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "notation", "day", "how"), UNDATED_CASES, ids=[f"{c[0]}: {sentence(c[1])}" for c in UNDATED_CASES]
)
def test_an_act_no_phrase_dates_takes_the_day_the_story_gives(rule, notation, day, how):
    reader, drafts = _read(notation)
    token = marked(reader.doc)
    [draft] = [d for d in drafts if d.token_key[1] == token.i]
    assert (draft.date_value, draft.granularity) == (day, "day")
    assert draft.record.date_rule.endswith(how)
    assert draft.date_soft == (rule in ("also-on-the-same-occasion", "narrative-time", "story-time", "reporting-day"))


def test_the_mention_rules_are_listed_in_the_order_they_are_tried():
    assert [r.name for r in NO_EVENT] == [c[0] for c in NO_EVENT_CASES]
    # closing-act (the act at the end has a day of its own) has no row yet: a
    # hand-built parse where the saying is dated and the noun at its end is not
    # is still to be found.
    assert [r.name for r in UNDATED] == [c[0] for c in UNDATED_CASES[:4]] + ["closing-act", UNDATED_CASES[4][0]]


# A meeting nobody is named at (an orphan): held by the body the sentence has acting.
ORPHAN_CASES = [
    # "A communique issued after a meeting said ASEAN urged Japan to act."
    ("A/DT/det/1 communique/NN/nsubj/6 issued/VBN/acl/1/=issue after/IN/prep/2 a/DT/det/5 *meeting/NN/pobj/3 said/VBD/ROOT/6/=say ASEAN/NNP/nsubj/8/@ORG urged/VBD/ccomp/6/=urge Japan/NNP/dobj/8/@GPE to/TO/aux/11 act/VB/xcomp/8 ././punct/6",
     [("ASEAN", "participant")]),
    # "Chile denounced a meeting": what an act is about is someone else's.
    ("Chile/NNP/nsubj/1/@GPE denounced/VBD/ROOT/1/=denounce a/DT/det/3 *meeting/NN/dobj/1 ././punct/1", None),
]  # fmt: skip


@pytest.mark.parametrize(("notation", "held_by"), ORPHAN_CASES, ids=[sentence(c[0]) for c in ORPHAN_CASES])
def test_a_meeting_nobody_is_named_at_is_held_by_the_body_acting(notation, held_by):
    reader, drafts = _read(notation)
    token = marked(reader.doc)
    found = [[(p.name, p.role) for p in d.participants] for d in drafts if d.token_key[1] == token.i]
    assert found == ([held_by] if held_by else [])


def test_a_definite_noun_with_a_date_of_its_own_is_a_new_occasion():
    from types import SimpleNamespace

    from timeline.events.extract import _new_occasion

    def draft(anaphoric, dated, participants):
        return SimpleNamespace(anaphoric=anaphoric, date_explicit=dated, participants=participants)

    assert _new_occasion(draft(True, True, []))  # "the talks will have to wait until May"
    assert not _new_occasion(draft(True, False, []))  # "the talks went well": the talks told before
    assert not _new_occasion(draft(True, True, [Participant("Peru", "country", "participant")]))
