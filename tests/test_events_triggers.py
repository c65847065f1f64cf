"""When a word counts as the trigger its lexicon entry describes: one named check
per condition key of timeline/data/triggers.yaml (and the few the lexicon does
not spell), on hand-built parses. Each row is an invented sentence, the word
marked `*`, an entry with the condition, and the check that refuses it; the
twin row, where the condition holds, makes the word a trigger."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import marked, parse, sentence, small_gazetteer

from timeline.events.arguments import DiscourseMemory
from timeline.events.conditions import CONDITIONS, EntryMatch
from timeline.events.extract import _ParagraphReader
from timeline.events.lexicon import Trigger, load_lexicon
from timeline.events.segment import Paragraph

ON = dt.date(2023, 9, 15)


def _entry(lemma: str, pos: str, type_: str = "CONSULT", mode: str = "meet", **kw) -> Trigger:
    return Trigger(lemma, pos, type_, mode, "000", "directed", "", 0.5, **kw)


ENTRIES = {
    "summit": _entry("summit", "NOUN"),
    "call-for": _entry("call", "VERB", "REQUEST", "request", particles=frozenset({"for"})),
    "call-oprd": _entry("call", "VERB", "ACCUSE", "accuse", needs_oprd=True),
    "recall-envoy": _entry("recall", "VERB", "REJECT", "recall", objects=frozenset({"envoy"})),
    "meet": _entry("meet", "VERB", not_objects=frozenset({"deadline"})),
    "propose-holding": _entry("propose", "VERB", "REQUEST", "propose", complements=frozenset({"hold"})),
    "phone-call": _entry("call", "NOUN", mode="phone", modifiers=frozenset({"telephone"})),
    "reach-accord": _entry("accord", "NOUN", "AGREE", "agree", governors=frozenset({"reach"})),
    "face": _entry("face", "VERB", "THREATEN", "threaten", ultimatum=True),
    "speak-by": _entry("speak", "VERB", mode="phone", means=frozenset({"telephone"})),
    "warn": _entry("warn", "VERB", "THREATEN", "threaten", needs_threat=True),
    "call-noun": _entry("call", "NOUN", mode="phone"),
    "fly": _entry("fly", "VERB", mode="visit", needs_place=True),
    "say": _entry("say", "VERB", "STATEMENT", "statement"),
    "speak-with": _entry("speak", "VERB", partners=frozenset({"with"})),
    "call-on": _entry("call", "VERB", "REQUEST", "request", particles=frozenset({"on"})),
    "call-praise": _entry("call", "VERB", "SUPPORT", "praise", needs_oprd=True, needs_praise=True),
}

# check, entry, refused (word marked), counted (word marked)
CASES = [
    ("part-of-a-name", "summit", "They/PRP/nsubj/1 stayed/VBD/ROOT/1/=stay at/IN/prep/1 the/DT/det/5 Lima/NNP/compound/5/@ORG *Summit/NNP/compound/6/@ORG Hotel/NNP/pobj/2/@ORG ././punct/1",
     "The/DT/det/1 *summit/NN/nsubj/2 opened/VBD/ROOT/2/=open in/IN/prep/2 Lima/NNP/pobj/3/@GPE ././punct/2"),
    ("particles", "call-for", "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call the/DT/det/3 envoy/NN/dobj/1 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call for/IN/prep/1 talks/NNS/pobj/2/=talk ././punct/1"),
    ("needs-oprd", "call-oprd", "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call the/DT/det/3 envoy/NN/dobj/1 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call the/DT/det/3 envoy/NN/nsubj/5 a/DT/det/5 spy/NN/oprd/1 ././punct/1"),
    ("needs-praise", "call-praise", "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call the/DT/det/3 envoy/NN/nsubj/5 a/DT/det/5 liar/NN/oprd/1 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call the/DT/det/3 envoy/NN/nsubj/6 a/DT/det/6 true/JJ/amod/6 friend/NN/oprd/1 ././punct/1"),
    ("objects", "recall-envoy", "Peru/NNP/nsubj/1/@GPE *recalled/VBD/ROOT/1/=recall the/DT/det/3 shipment/NN/dobj/1 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *recalled/VBD/ROOT/1/=recall a/DT/det/3 number/NN/dobj/1 of/IN/prep/3 envoys/NNS/pobj/4/=envoy ././punct/1"),
    ("not-objects", "meet", "Peru/NNP/nsubj/1/@GPE *met/VBD/ROOT/1/=meet the/DT/det/3 deadline/NN/dobj/1 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *met/VBD/ROOT/1/=meet the/DT/det/3 envoy/NN/dobj/1 ././punct/1"),
    ("complements", "propose-holding", "Peru/NNP/nsubj/1/@GPE *proposed/VBD/ROOT/1/=propose selling/VBG/xcomp/1/=sell fish/NN/dobj/2 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *proposed/VBD/ROOT/1/=propose holding/VBG/xcomp/1/=hold talks/NNS/dobj/2/=talk ././punct/1"),
    ("modifiers", "phone-call", "Peru/NNP/poss/2/@GPE 's/POS/case/0 *call/NN/nsubj/3 grew/VBD/ROOT/3/=grow louder/JJR/acomp/3/=loud ././punct/3",
     "A/DT/det/2 telephone/NN/compound/2 *call/NN/nsubj/3 followed/VBD/ROOT/3/=follow ././punct/3"),
    ("governors", "reach-accord", "Peru/NNP/nsubj/1/@GPE *rejected/VBD/ROOT/1/=reject the/DT/det/3 accord/NN/dobj/1 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE reached/VBD/ROOT/1/=reach an/DT/det/3 *accord/NN/dobj/1 ././punct/1"),
    ("joined-by-or", "face", "Chile/NNP/nsubj/2/@GPE will/MD/aux/2 *face/VB/ROOT/2 tariffs/NNS/dobj/2/=tariff ././punct/2",
     "Chile/NNP/nsubj/2/@GPE must/MD/aux/2 lift/VB/ROOT/2 the/DT/det/4 ban/NN/dobj/2 or/CC/cc/2 *face/VB/conj/2 tariffs/NNS/dobj/6/=tariff ././punct/2"),
    ("means-of-contact", "speak-by", "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *spoke/VBD/ROOT/2/=speak in/IN/prep/2 Lima/NNP/pobj/3/@GPE ././punct/2",
     "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *spoke/VBD/ROOT/2/=speak by/IN/prep/2 telephone/NN/pobj/3 with/IN/prep/2 Peru/NNP/pobj/5/@GPE ././punct/2"),
    ("partner-named", "speak-with", "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *spoke/VBD/ROOT/2/=speak with/IN/prep/2 reporters/NNS/pobj/3/=reporter ././punct/2",
     "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *spoke/VBD/ROOT/2/=speak with/IN/prep/2 Mr/NNP/compound/5/@PERSON Vidal/NNP/pobj/3/@PERSON ././punct/2"),
    ("needs-threat", "warn", "Peru/NNP/nsubj/1/@GPE *warned/VBD/ROOT/1/=warn that/IN/mark/5 talks/NNS/nsubj/5/=talk may/MD/aux/5 stall/VB/ccomp/1 ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *warned/VBD/ROOT/1/=warn Chile/NNP/dobj/1/@GPE ././punct/1"),
    ("call-to-the-reporter", "call-noun", "A/DT/det/1 spokesman/NN/nsubj/2 said/VBD/ROOT/2/=say in/IN/prep/2 a/DT/det/6 telephone/NN/compound/6 *call/NN/pobj/3 that/IN/mark/9 Peru/NNP/nsubj/9/@GPE agreed/VBD/ccomp/2/=agree ././punct/2",
     "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON made/VBD/ROOT/2/=make a/DT/det/5 telephone/NN/compound/5 *call/NN/dobj/2 to/IN/prep/5 Lima/NNP/pobj/6/@GPE ././punct/2"),
    ("needs-place", "fly", "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *flew/VBD/ROOT/2/=fly at/IN/prep/2 dawn/NN/pobj/3 ././punct/2",
     "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *flew/VBD/ROOT/2/=fly to/IN/prep/2 Lima/NNP/pobj/3/@GPE ././punct/2"),
    ("worth-a-statement", "say", "A/DT/det/1 spokesman/NN/nsubj/2 *said/VBD/ROOT/2/=say the/DT/det/4 weather/NN/nsubj/5 was/VBD/ccomp/2/=be fine/JJ/acomp/5 ././punct/2",
     "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *said/VBD/ROOT/2/=say Peru/NNP/nsubj/5/@GPE must/MD/aux/5 act/VB/ccomp/2 ././punct/2"),
]  # fmt: skip


def _match(notation: str, entry: str) -> EntryMatch:
    doc = parse(notation)
    paragraph = Paragraph(0, len(doc.text), doc.text)
    reader = _ParagraphReader(paragraph, 0, doc, ON, load_lexicon(), small_gazetteer(), DiscourseMemory(), [])
    return EntryMatch(reader, marked(doc), ENTRIES[entry])


# A phrase of time is no particle: "called Chile on Monday" is no "called on Chile".
EXTRA_CASES = [
    ("particles", "call-on", "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call Chile/NNP/dobj/1/@GPE on/IN/prep/1 Monday/NNP/pobj/3/@DATE ././punct/1",
     "Peru/NNP/nsubj/1/@GPE *called/VBD/ROOT/1/=call on/IN/prep/1 Chile/NNP/pobj/2/@GPE to/TO/aux/5 act/VB/xcomp/1 ././punct/1"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("check", "entry", "refused", "counted"),
    CASES + EXTRA_CASES,
    ids=[f"{c[0]}: {sentence(c[2])}" for c in CASES + EXTRA_CASES],
)
def test_a_word_that_fails_a_condition_of_its_entry_is_no_trigger(check, entry, refused, counted):
    assert CONDITIONS.first(_match(refused, entry)) == (True, check)
    match = _match(counted, entry)
    assert CONDITIONS.first(match) == (None, None)
    assert match.reader._conditions_hold(match.token, match.entry)


def test_every_condition_check_has_a_row_in_the_order_tried():
    assert [r.name for r in CONDITIONS] == [c[0] for c in CASES]
