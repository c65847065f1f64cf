"""The participant rules of a trigger on hand-built parses and a small gazetteer
(tests/conftest.py): each row is an invented sentence, the trigger marked `*`,
the lexicon entry it matches, and every participant found with its role. The
row's rule must matter: without it the answer is different. The date is
2023-09-15, after Ms Berg (Norway) and Mr Vidal (Chile) were named in the article."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import marked, parse, sentence, small_gazetteer

from timeline.actors.places import resolve_place
from timeline.events.arguments import DiscourseMemory
from timeline.events.extract import _ParagraphReader
from timeline.events.lexicon import Trigger
from timeline.events.participants import PARTICIPANTS, gather
from timeline.events.types import Participant

ON = dt.date(2023, 9, 15)


def _entry(lemma: str, pos: str, type_: str, mode: str, args: str = "directed", **kw) -> Trigger:
    return Trigger(lemma, pos, type_, mode, "000", args, "", 0.5, **kw)


ENTRIES = {
    "ultimatum": _entry("face", "VERB", "THREATEN", "threaten", ultimatum=True),
    "expel": _entry("expel", "VERB", "SANCTION", "expel"),
    "restore": _entry("restore", "VERB", "COOPERATE", "relations", objects=frozenset({"relation"})),
    "talk-by": _entry("talk", "VERB", "CONSULT", "phone", means=frozenset({"link"})),
    "say": _entry("say", "VERB", "STATEMENT", "statement", args="speaker"),
    "propose": _entry("propose", "VERB", "REQUEST", "propose"),
    "fly": _entry("fly", "VERB", "CONSULT", "travel"),
    "protest": _entry("protest", "NOUN", "ACCUSE", "protest"),
    "summit": _entry("summit", "NOUN", "CONSULT", "meet"),
    "talks": _entry("talk", "NOUN", "CONSULT", "negotiate"),
    "meeting": _entry("meeting", "NOUN", "CONSULT", "meet"),
    "call": _entry("call", "NOUN", "CONSULT", "phone"),
    "sanction": _entry("sanction", "NOUN", "SANCTION", "sanction"),
    "meet": _entry("meet", "VERB", "CONSULT", "meet"),
    "host": _entry("host", "VERB", "CONSULT", "host"),
    "arrive": _entry("arrive", "VERB", "CONSULT", "visit"),
    "warn": _entry("warn", "VERB", "THREATEN", "threaten"),
}

# rule, lexicon entry, participants (name, role) in the order found, notation
CASES = [
    ("ultimatum", "ultimatum", [("Ingrid Berg", "source"), ("Chile", "target"), ("Norway", "source")], "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON said/VBD/ROOT/2/=say Chile/NNP/nsubj/5/@GPE must/MD/aux/5 lift/VB/ccomp/2 the/DT/det/7 ban/NN/dobj/5 or/CC/cc/5 *face/VB/conj/5 tariffs/NNS/dobj/9/=tariff ././punct/2"),
    ("passive-voice", "expel", [("Peru", "source"), ("Chile", "target")], "The/DT/det/2 Chilean/JJ/amod/2/@NORP envoy/NN/nsubjpass/4 was/VBD/auxpass/4/=be *expelled/VBN/ROOT/4/=expel by/IN/agent/4 Peru/NNP/pobj/5/@GPE ././punct/4"),
    ("active-voice", "expel", [("Norway", "source"), ("Chile", "target")], "Norway/NNP/nsubj/1/@GPE *expelled/VBD/ROOT/1/=expel two/CD/nummod/4/@CARDINAL Chilean/JJ/amod/4/@NORP diplomats/NNS/dobj/1/=diplomat ././punct/1"),
    ("object-of-the-entry", "restore", [("Kenya", "source"), ("Peru", "target")], "Kenya/NNP/nsubj/1/@GPE *restored/VBD/ROOT/1/=restore diplomatic/JJ/amod/3 relations/NNS/dobj/1/=relation with/IN/prep/3 Peru/NNP/pobj/4/@GPE ././punct/1"),
    ("means-of-talking", "talk-by", [("Kenji Mori", "participant"), ("Amara Osei", "participant"), ("Japan", "participant"), ("Kenya", "participant")], "Mr/NNP/compound/1/@PERSON Mori/NNP/nsubj/2/@PERSON *talked/VBD/ROOT/2/=talk over/IN/prep/2 a/DT/det/6 video/NN/compound/6 link/NN/pobj/3 with/IN/prep/6 Ms/NNP/compound/9/@PERSON Osei/NNP/pobj/7/@PERSON ././punct/2"),
    ("document-speaks", "say", [("Peru", "source")], "The/DT/det/1 statement/NN/nsubj/2 *said/VBD/ROOT/2/=say Peru/NNP/nsubj/4/@GPE hoped/VBD/ccomp/2/=hope for/IN/prep/4 peace/NN/pobj/5 ././punct/2"),
    ("named-in-what-is-said", "say", [("Kenji Mori", "source"), ("Japan", "target"), ("Kenya", "target")], "Mr/NNP/compound/1/@PERSON Mori/NNP/nsubj/2/@PERSON *said/VBD/ROOT/2/=say Japan/NNP/nsubj/5/@GPE would/MD/aux/5 help/VB/ccomp/2 Kenya/NNP/dobj/5/@GPE ././punct/2"),
    ("proposed-partnership", "propose", [("Amara Osei", "source"), ("Chile", "target"), ("Peru", "target"), ("Kenya", "source")], "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *proposed/VBD/ROOT/2/=propose forming/VBG/xcomp/2/=form a/DT/det/5 partnership/NN/dobj/3 between/IN/prep/5 Chile/NNP/pobj/6/@GPE and/CC/cc/7 Peru/NNP/conj/7/@GPE ././punct/2"),
    ("purpose-of-a-trip", "fly", [("Ingrid Berg", "source"), ("Tomas Vidal", "target"), ("Norway", "source"), ("Chile", "target")], "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *flew/VBD/ROOT/2/=fly to/IN/prep/2 Lima/NNP/pobj/3/@GPE for/IN/prep/2 talks/NNS/pobj/5/=talk with/IN/prep/6 Mr/NNP/compound/9/@PERSON Vidal/NNP/pobj/7/@PERSON ././punct/2"),
    ("possessor", "protest", [("Peru", "source")], "Peru/NNP/poss/2/@GPE 's/POS/case/0 *protest/NN/nsubj/3 angered/VBD/ROOT/3/=anger the/DT/det/5 king/NN/dobj/3 ././punct/3"),
    ("named-modifier", "summit", [("ASEAN", "participant")], "The/DT/det/2 ASEAN/NNP/compound/2/@ORG *summit/NN/nsubj/3 opened/VBD/ROOT/3/=open in/IN/prep/3 Lima/NNP/pobj/4/@GPE ././punct/3"),
    ("noun-object", "talks", [("Kenya", "participant")], "The/DT/det/1 *talks/NNS/nsubj/4/=talk with/IN/prep/1 Kenya/NNP/pobj/2/@GPE ended/VBD/ROOT/4/=end ././punct/4"),
    ("light-verb", "talks", [("Ingrid Berg", "participant"), ("Chile", "participant"), ("Norway", "participant")], "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON held/VBD/ROOT/2/=hold *talks/NNS/dobj/2/=talk in/IN/prep/2 Oslo/NNP/pobj/4/@GPE with/IN/prep/2 Chilean/JJ/amod/8/@NORP officials/NNS/pobj/6/=official ././punct/2"),
    ("addressed-on-the-occasion", "call", [("Ingrid Berg", "participant"), ("Tomas Vidal", "participant"), ("Norway", "participant"), ("Chile", "participant")], "In/IN/prep/6 a/DT/det/2 *call/NN/pobj/0/=call ,/,/punct/6 Ms/NNP/compound/5/@PERSON Berg/NNP/nsubj/6/@PERSON urged/VBD/ROOT/6/=urge Mr/NNP/compound/8/@PERSON Vidal/NNP/dobj/6/@PERSON to/TO/aux/10 act/VB/xcomp/6/=act ././punct/6"),
    ("participle-of-the-noun", "talks", [("Chile", "participant"), ("Peru", "participant")], "*Talks/NNS/nsubj/8/=talk held/VBN/acl/0/=hold in/IN/prep/1 Oslo/NNP/pobj/2/@GPE between/IN/prep/1 Chile/NNP/pobj/4/@GPE and/CC/cc/5 Peru/NNP/conj/5/@GPE ended/VBD/ROOT/8/=end ././punct/8"),
    ("passive-light-verb", "talks", [("Chile", "participant")], "The/DT/det/1 *talks/NNS/nsubjpass/3/=talk were/VBD/auxpass/3/=be held/VBN/ROOT/3/=hold by/IN/agent/3 Chile/NNP/pobj/4/@GPE ././punct/3"),
    ("called-to-a-meeting", "meeting", [("ASEAN", "participant")], "ASEAN/NNP/nsubjpass/2/@ORG was/VBD/auxpass/2/=be called/VBN/ROOT/2/=call to/IN/prep/2 an/DT/det/6 urgent/JJ/amod/6 *meeting/NN/pobj/3 ././punct/2"),
    ("sanctioned-country", "sanction", [("Canada", "source"), ("Peru", "target")], "Canada/NNP/nsubj/1/@GPE imposed/VBD/ROOT/1/=impose *sanctions/NNS/dobj/1/=sanction on/IN/prep/2 two/CD/nummod/6/@CARDINAL Peruvian/JJ/amod/6/@NORP companies/NNS/pobj/3/=company ././punct/1"),
    ("symmetric-roles", "meet", [("Ingrid Berg", "participant"), ("Tomas Vidal", "participant"), ("Norway", "participant"), ("Chile", "participant")], "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *met/VBD/ROOT/2/=meet Mr/NNP/compound/4/@PERSON Vidal/NNP/dobj/2/@PERSON in/IN/prep/2 Lima/NNP/pobj/5/@GPE ././punct/2"),
    ("host", "host", [("Peru", "host")], "Peru/NNP/nsubj/1/@GPE *hosted/VBD/ROOT/1/=host the/DT/det/3 summit/NN/dobj/1 ././punct/1"),
    ("visited-country", "arrive", [("Kenji Mori", "source"), ("Peru", "target"), ("Japan", "source")], "Mr/NNP/compound/1/@PERSON Mori/NNP/nsubj/2/@PERSON *arrived/VBD/ROOT/2/=arrive in/IN/prep/2 Lima/NNP/pobj/3/@GPE on/IN/prep/2 Monday/NNP/pobj/5/@DATE ././punct/2"),
    ("parent-organisation", "warn", [("ASEAN Regional Forum", "source"), ("Peru", "target"), ("ASEAN", "source")], "The/DT/det/3 ASEAN/NNP/compound/3/@ORG Regional/NNP/compound/3/@ORG Forum/NNP/nsubj/4/@ORG *warned/VBD/ROOT/4/=warn Peru/NNP/dobj/4/@GPE ././punct/4"),
    ("acting-for", "warn", [("Tomas Vidal", "source"), ("Kenya", "target"), ("Chile", "source")], "Mr/NNP/compound/1/@PERSON Vidal/NNP/nsubj/2/@PERSON *warned/VBD/ROOT/2/=warn Kenya/NNP/dobj/2/@GPE ././punct/2"),
]  # fmt: skip


def _reading(notation: str, entry: str):
    """The rules' view of the marked token, read the way extraction reads it."""
    memory = DiscourseMemory()
    memory.note(
        [
            Participant("Ingrid Berg", "person", "source", "Norway"),
            Participant("Tomas Vidal", "person", "target", "Chile"),
        ]
    )
    doc = parse(notation)
    reader = _ParagraphReader(None, 0, doc, ON, None, small_gazetteer(), memory, [])
    return reader._gathering(marked(doc), ENTRIES[entry])


def _named(found: list[Participant]) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in found]


@pytest.mark.parametrize(
    ("rule", "entry", "expected", "notation"), CASES, ids=[f"{c[0]}: {sentence(c[3])}" for c in CASES]
)
def test_participants_and_the_rule_that_matters(rule, entry, expected, notation):
    assert _named(gather(_reading(notation, entry))) == expected
    without = _reading(notation, entry)
    for other in PARTICIPANTS:
        if other.name != rule:
            other.check(without)
    assert _named(without.found) != expected, f"{rule} made no difference"


def test_every_participant_rule_has_a_row_and_is_listed_in_order():
    names = [r.name for r in PARTICIPANTS]
    assert sorted(names) == sorted({c[0] for c in CASES})
    assert names[0] == "ultimatum" and names[-1] == "acting-for"


def test_a_visit_to_the_dateline_place_visits_its_country():
    notation = (
        "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *arrived/VBD/ROOT/2/=arrive here/RB/advmod/2 ././punct/2"
    )
    g = _reading(notation, "arrive")
    g.resolver.memory.dateline_place = resolve_place("Lima")
    assert _named(gather(g)) == [("Amara Osei", "source"), ("Peru", "target"), ("Kenya", "source")]
