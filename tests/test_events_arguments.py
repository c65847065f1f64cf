"""Participant rules on hand-built parses and a small gazetteer (tests/conftest.py):
what a token names and the rule that decides it, whom agents act for, which
people the text gives a public office, and whose subject a non-finite verb
takes. Invented sentences and office holders; the date is 2023-09-15, after
Ms Berg (Norway) and Mr Vidal (Chile) were named in the article."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import marked, parse, sentence, small_gazetteer

from timeline.events.arguments import (
    ACTORS,
    AGENTS,
    HOPS,
    ActorResolver,
    DiscourseMemory,
    Phrase,
    has_office,
    noun_phrase,
    place_tokens,
    subjects_of,
)
from timeline.events.types import Participant

ON = dt.date(2023, 9, 15)


def _memory(kind: str) -> DiscourseMemory:
    memory = DiscourseMemory()
    memory.note(
        [
            Participant("Ingrid Berg", "person", "source", "Norway"),
            Participant("Tomas Vidal", "person", "target", "Chile"),
        ]
    )
    if kind == "countries":
        memory.last_countries = [Participant(c, "country", "participant", c) for c in ("Norway", "Chile")]
    if kind == "agents":  # the article spoke of "EC farm ministers"
        memory.remember_agents("minister", [Participant("European Community", "organisation", "source", known=True)])
    return memory


def _resolver(kind: str = "people") -> ActorResolver:
    return ActorResolver(small_gazetteer(), ON, _memory(kind))


# rule, memory, names, notation (the token resolved marked)
ACTOR_CASES = [
    ("quantified-group", "people", ['Japan'], "The/DT/det/1 premier/NN/nsubj/2 held/VBD/ROOT/2/=hold talks/NNS/dobj/2/=talk with/IN/prep/3 *each/DT:PRON/pobj/4 of/IN/prep/5 the/DT/det/9 Japanese/JJ/amod/9/@NORP envoys/NNS/pobj/6/=envoy ././punct/2"),
    ("quantified-group", "people", ['Chile'], "The/DT/det/1 king/NN/nsubj/2 met/VBD/ROOT/2/=meet *both/DT:PRON/dobj/2 of/IN/prep/3 the/DT/det/7 Chilean/JJ/amod/7/@NORP ministers/NNS/pobj/4/=minister ././punct/2"),
    ("quantified-group", "people", ['Norway'], "He/PRP/nsubj/1 spoke/VBD/ROOT/1/=speak with/IN/prep/1 *some/DT:PRON/pobj/2 of/IN/prep/3 the/DT/det/7 Norwegian/JJ/amod/7/@NORP officials/NNS/pobj/4/=official ././punct/1"),
    ("person-pronoun", "people", ['Ingrid Berg'], "*He/PRP/nsubj/1 met/VBD/ROOT/1/=meet the/DT/det/3 king/NN/dobj/1 in/IN/prep/1 Lima/NNP/pobj/4/@GPE ././punct/1"),
    ("person-pronoun", "people", ['Ingrid Berg'], "*She/PRP/nsubj/1 flew/VBD/ROOT/1/=fly to/IN/prep/1 Oslo/NNP/pobj/2/@GPE on/IN/prep/1 Monday/NNP/pobj/4/@DATE ././punct/1"),
    ("person-pronoun", "people", ['Tomas Vidal'], "The/DT/det/1 envoy/NN/nsubj/2 met/VBD/ROOT/2/=meet *her/PRP/dobj/2/=she in/IN/prep/2 Lima/NNP/pobj/4/@GPE ././punct/2"),
    ("person-pronoun", "people", ['Kenji Mori'], "Mr/NNP/compound/1 Mori/NNP/nsubj/2/@PERSON said/VBD/ROOT/2/=say *he/PRP/nsubj/5 had/VBD/aux/5/=have agreed/VBN/ccomp/2/=agree ././punct/2"),
    # a subject pronoun in a relative clause: the governing clause's subject
    ("person-pronoun", "people", ["Amara Osei"], "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON arrived/VBD/ROOT/2/=arrive after/IN/prep/2 a/DT/det/5 stop/NN/pobj/3 in/IN/prep/5 Bern/NNP/pobj/6/@GPE ,/,/punct/7 where/WRB:SCONJ/advmod/11 *she/PRP/nsubj/11 met/VBD/relcl/7/=meet the/DT/det/13 envoy/NN/dobj/11 ././punct/2"),
    # "it" or "they" reporting for the state that says it
    ("state-pronoun", "people", ["Peru"], "Peru/NNP/nsubj/1/@GPE said/VBD/ROOT/1/=say *it/PRP/nsubj/4 would/MD/aux/4 expel/VB/ccomp/1 two/CD/nummod/6 diplomats/NNS/dobj/4/=diplomat ././punct/1"),
    ("state-pronoun", "people", ["ASEAN"], "ASEAN/NNP/nsubj/1/@ORG said/VBD/ROOT/1/=say *they/PRP/nsubj/4 would/MD/aux/4 retaliate/VB/ccomp/1 ././punct/1"),
    ("first-person", "people", ['Tomas Vidal'], "“/``/punct/12 On/IN/prep/5 Tuesday/NNP/pobj/1/@DATE *I/PRP/nsubj/5/=I shall/MD/aux/5 fly/VB/ccomp/12 to/IN/prep/5 Lima/NNP/pobj/6/@GPE ,/,/punct/12 ”/''/punct/12 Mr/NNP/compound/11 Vidal/NNP/nsubj/12/@PERSON said/VBD/ROOT/12/=say ././punct/12"),
    ("first-person", "people", ['Ingrid Berg'], "“/``/punct/9 *I/PRP/nsubj/3/=I will/MD/aux/3 sign/VB/ccomp/9 it/PRP/dobj/3 ,/,/punct/9 ”/''/punct/9 Ms/NNP/compound/8/@PERSON Berg/NNP/nsubj/9/@PERSON told/VBD/ROOT/9/=tell reporters/NNS/dobj/9/=reporter ././punct/9"),
    ("first-person", "people", ['Amara Osei'], "“/``/punct/9 We/PRP/nsubj/4 and/CC/cc/1 *I/PRP/nsubj/4/=I agree/VBP/ccomp/9 ,/,/punct/9 ”/''/punct/9 Ms/NNP/compound/8/@PERSON Osei/NNP/nsubj/9/@PERSON added/VBD/ROOT/9/=add ././punct/9"),
    ("first-person", "people", ["Ingrid Berg"], "“/``/punct/9 *I/PRP/nsubj/3/=I will/MD/aux/3 sign/VB/ccomp/9 it/PRP/dobj/3 ,/,/punct/9 ”/''/punct/9 Ms/NNP/compound/8/@PERSON Berg/NNP/nsubj/9/@PERSON announced/VBD/ROOT/9/=announce ././punct/9"),
    ("named-entity", "people", ['Ingrid Berg'], "*Berg/NNP/nsubj/1/@PERSON met/VBD/ROOT/1/=meet the/DT/det/3 king/NN/dobj/1 ././punct/1"),
    ("named-entity", "people", ['Norway'], "*Norway/NNP/nsubj/1/@GPE expelled/VBD/ROOT/1/=expel two/CD/nummod/3/@CARDINAL diplomats/NNS/dobj/1/=diplomat ././punct/1"),
    ("named-entity", "people", ['Lena Holm'], "Norwegian/JJ/amod/1/@NORP envoy/NN/compound/3 *Lena/NNP/compound/3/@PERSON Holm/NNP/nsubj/4/@PERSON met/VBD/ROOT/4/=meet the/DT/det/6 king/NN/dobj/4 ././punct/4"),
    ("named-entity", "people", ['Chile'], "The/DT/det/1 *Chileans/NNPS/nsubj/2/@NORP protested/VBD/ROOT/2/=protest ././punct/2"),
    ("group-referred-back", "people", ['Ingrid Berg', 'Tomas Vidal'], "The/DT/det/2 two/CD/nummod/2/@CARDINAL *leaders/NNS/nsubj/3/=leader met/VBD/ROOT/3/=meet in/IN/prep/3 Lima/NNP/pobj/4/@GPE ././punct/3"),
    ("group-referred-back", "people", ['Ingrid Berg', 'Tomas Vidal'], "Both/DT/det/1 *sides/NNS/nsubj/2/=side signed/VBD/ROOT/2/=sign the/DT/det/4 accord/NN/dobj/2 ././punct/2"),
    ("group-referred-back", "countries", ['Norway', 'Chile'], "The/DT/det/2 three/CD/nummod/2/@CARDINAL *countries/NNS/nsubj/3/=country agreed/VBD/ROOT/3/=agree ././punct/3"),
    ("capitalised-adjective", "people", ['G-7'], "Next/JJ/amod/1/@DATE week/NN/poss/4/@DATE 's/POS/case/1/@DATE *G-7/JJ/compound/4 summit/NN/nsubj/5 opens/VBZ/ROOT/5/=open ././punct/5"),
    ("capitalised-adjective", "people", ['G-7'], "The/DT/det/2 *G-7/JJ/compound/2 meeting/NN/nsubjpass/4 was/VBD/auxpass/4/=be held/VBN/ROOT/4/=hold ././punct/4"),
    ("capitalised-adjective", "people", ['ASEAN'], "The/DT/det/2 *ASEAN/JJ/amod/2 summit/NN/nsubj/3 opened/VBD/ROOT/3/=open ././punct/3"),
    ("counterpart", "people", ['Tomas Vidal'], "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON met/VBD/ROOT/2/=meet her/PRP$/poss/5 Chilean/JJ/amod/5/@NORP *counterpart/NN/dobj/2 ././punct/2"),
    ("counterpart", "people", ['Ingrid Berg'], "Mr/NNP/compound/1 Vidal/NNP/nsubj/2/@PERSON called/VBD/ROOT/2/=call his/PRP$/poss/5 Norwegian/JJ/amod/5/@NORP *counterpart/NN/dobj/2 ././punct/2"),
    ("counterpart", "people", ['Peru'], "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON met/VBD/ROOT/2/=meet her/PRP$/poss/5 Peruvian/JJ/amod/5/@NORP *counterpart/NN/dobj/2 ././punct/2"),
    ("gazetteer-name", "people", ['Ingrid Berg'], "The/DT/det/2 Norwegian/JJ/amod/2/@NORP *premier/NN/nsubj/3 met/VBD/ROOT/3/=meet the/DT/det/5 king/NN/dobj/3 ././punct/3"),
    ("gazetteer-name", "people", ['Tomas Vidal'], "The/DT/det/3 Chilean/JJ/amod/3/@NORP prime/JJ/amod/3 *minister/NN/nsubj/4 spoke/VBD/ROOT/4/=speak ././punct/4"),
    ("gazetteer-name", "people", ['Amara Osei'], "The/DT/det/3 Kenyan/JJ/amod/3/@NORP foreign/JJ/amod/3 *minister/NN/nsubj/4 arrived/VBD/ROOT/4/=arrive ././punct/4"),
    ("company", "people", [], "Norway/NNP/poss/4/@GPE 's/POS/case/0 biggest/JJS/amod/4/=big banking/NN/compound/4 *group/NN/nsubj/5 said/VBD/ROOT/5/=say it/PRP/nsubj/8 would/MD/aux/8 invest/VB/ccomp/5 ././punct/5"),
    ("company", "people", [], "A/DT/det/5 state/NN/npadvmod/3 -/HYPH/punct/3 owned/VBN/amod/5/=own shipping/NN/compound/5 *company/NN/nsubj/6 signed/VBD/ROOT/6/=sign the/DT/det/8 deal/NN/dobj/6 ././punct/6"),
    ("company", "people", [], "The/DT/det/2 Chilean/NNP/compound/2/@NORP *bank/NN/nsubj/3 said/VBD/ROOT/3/=say it/PRP/nsubj/6 would/MD/aux/6 lend/VB/ccomp/3 ././punct/3"),
    ("owner", "people", ['Chile'], "Chile/NNP/poss/2/@GPE 's/POS/case/0 *decision/NN/nsubj/3 angered/VBD/ROOT/3/=anger Lima/NNP/dobj/3/@GPE ././punct/3"),
    ("owner", "people", ['Norway'], "Norway/NNP/poss/2/@GPE 's/POS/case/0 *proposal/NN/nsubjpass/4 was/VBD/auxpass/4/=be rejected/VBN/ROOT/4/=reject ././punct/4"),
    ("owner", "people", ['Japan'], "Japan/NNP/poss/2/@GPE 's/POS/case/0 *offer/NN/nsubjpass/4 was/VBD/auxpass/4/=be accepted/VBN/ROOT/4/=accept ././punct/4"),
    ("traded-goods", "people", ['Japan'], "Oslo/NNP/nsubj/1/@ORG imposed/VBD/ROOT/1/=impose tariffs/NNS/dobj/1/=tariff on/IN/prep/1 *imports/NNS/pobj/3/=import of/IN/prep/4 Japanese/JJ/amod/7/@NORP cars/NNS/pobj/5/=car ././punct/1"),
    ("traded-goods", "people", ['Chile'], "Lima/NNP/nsubj/1/@GPE banned/VBD/ROOT/1/=ban Chilean/NNP/compound/3/@NORP *products/NNS/dobj/1/=product ././punct/1"),
    ("traded-goods", "people", ['Peru'], "Tokyo/NNP/nsubj/1/@GPE cut/VBD/ROOT/1 *exports/NNS/dobj/1/=export from/IN/prep/2 Peru/NNP/pobj/3/@GPE ././punct/1"),
    ("traded-goods", "people", ['Peru'], "Oslo/NNP/nsubj/1/@GPE restricted/VBD/ROOT/1/=restrict *flights/NNS/dobj/1/=flight to/IN/prep/2 Peru/NNP/pobj/3/@GPE ././punct/1"),
    ("traded-goods", "people", ['Chile'], "Tokyo/NNP/nsubj/1/@GPE halted/VBD/ROOT/1/=halt *trade/NN/dobj/1/=trade with/IN/prep/2 Chile/NNP/pobj/3/@GPE ././punct/1"),
    ("non-state-agents", "people", [], "U.S./NNP/nmod/4/@GPE and/CC/cc/0 EC/NNP/conj/0/@ORG business/NN/compound/4 *leaders/NNS/nsubj/5/=leader met/VBD/ROOT/5/=meet ././punct/5"),
    ("non-state-agents", "people", [], "Opposition/NN/compound/1 *leaders/NNS/nsubj/2/=leader met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    ("non-state-agents", "people", [], "Bank/NN/compound/1/@ORG *officials/NNS/nsubj/2/=official met/VBD/ROOT/2/=meet the/DT/det/4 envoy/NN/dobj/2 ././punct/2"),
    ("agents-of-a-state", "people", ['Japan'], "Japanese/JJ/amod/1/@NORP *envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    ("agents-of-a-state", "people", ['United States', 'Chile'], "U.S./NNP/nmod/3/@GPE and/CC/cc/0 Chilean/JJ/conj/0/@NORP *diplomats/NNS/nsubj/4/=diplomat met/VBD/ROOT/4/=meet ././punct/4"),
    ("agents-of-a-state", "people", ['ASEAN'], "The/DT/det/1 *ministers/NNS/nsubj/4/=minister of/IN/prep/1 ASEAN/NNP/pobj/2/@ORG met/VBD/ROOT/4/=meet ././punct/4"),
    ("agents-of-a-state", "people", ['European Community'], "EC/NNP/compound/1/@ORG *envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    ("agents-of-a-state", "people", ['ASEAN'], "ASEAN/NNP/compound/1/@ORG *diplomats/NNS/nsubj/2/=diplomat met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    ("agents-of-a-state", "people", ['G-7'], "G-7/NNP/compound/1 *envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet in/IN/prep/2 Rome/NNP/pobj/3/@GPE ././punct/2"),
    ("agents-of-a-state", "people", ['Chile', 'Peru', 'Norway'], "The/DT/det/1 *envoys/NNS/nsubj/8/=envoy of/IN/prep/1 Chile/NNP/pobj/2/@GPE ,/,/punct/3 Peru/NNP/conj/3/@GPE and/CC/cc/5 Norway/NNP/conj/5/@GPE met/VBD/ROOT/8/=meet ././punct/8"),
    ("fellow-agents", "agents", ['European Community'], "He/PRP/nsubj/1 met/VBD/ROOT/1/=meet his/PRP$/poss/3 *colleagues/NNS/dobj/1/=colleague in/IN/prep/1 Lima/NNP/pobj/4/@GPE ././punct/1"),
    ("fellow-agents", "agents", ['European Community'], "She/PRP/nsubj/1 briefed/VBD/ROOT/1/=brief her/PRP$/poss/3 *colleagues/NNS/dobj/1/=colleague ././punct/1"),
    ("fellow-agents", "agents", ['European Community'], "They/PRP/nsubj/1 phoned/VBD/ROOT/1/=phone their/PRP$/poss/3 *colleagues/NNS/dobj/1/=colleague ././punct/1"),
    ("agents-named-before", "agents", ['European Community'], "The/DT/det/1 *ministers/NNS/nsubj/2/=minister are/VBP/ROOT/2/=be due/JJ/acomp/2 to/TO/aux/5 start/VB/xcomp/3 talks/NNS/dobj/5/=talk ././punct/2"),
    ("agents-named-before", "agents", ['European Community'], "The/DT/det/1 *ministers/NNS/nsubj/2/=minister met/VBD/ROOT/2/=meet ././punct/2"),
    ("agents-named-before", "agents", ['European Community'], "*Ministers/NNS/nsubj/1/=minister met/VBD/ROOT/1/=meet on/IN/prep/1 Monday/NNP/pobj/2/@DATE ././punct/1"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "memory", "names", "notation"), ACTOR_CASES, ids=[sentence(n) for *_, n in ACTOR_CASES]
)
def test_what_a_token_names_and_the_rule_that_decides(rule, memory, names, notation):
    found, decided_by = _resolver(memory).resolve_with_rule(marked(parse(notation)), "source")
    assert ([p.name for p in found], decided_by) == (names, rule)


def test_every_actor_rule_has_a_row():
    assert {r.name for r in ACTORS} <= {rule for rule, *_ in ACTOR_CASES}


def test_an_unknown_person_gets_the_country_the_text_gives():
    doc = parse(
        "Norwegian/JJ/amod/1/@NORP envoy/NN/compound/3 Lena/NNP/compound/3/@PERSON *Holm/NNP/nsubj/4/@PERSON met/VBD/ROOT/4/=meet the/DT/det/6 king/NN/dobj/4 ././punct/4"
    )
    [holm] = _resolver().resolve(marked(doc), "source")
    assert (holm.name, holm.kind, holm.country, holm.known) == ("Lena Holm", "person", "Norway", False)


@pytest.mark.parametrize(
    ("notation", "names"),
    [
        # his Chilean counterpart Tomas Vidal: the apposition names the person, not the country
        (
            "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON met/VBD/ROOT/2/=meet her/PRP$/poss/5 Peruvian/JJ/amod/5/@NORP *counterpart/NN/dobj/2 Lena/NNP/compound/7/@PERSON Holm/NNP/appos/5/@PERSON ././punct/2",
            ["Lena Holm"],
        ),
        # bloc members Chile and Peru: members and the countries in apposition
        (
            "Bloc/NN/compound/1 *members/NNS/nsubj/6/=member Chile/NNP/appos/1/@GPE and/CC/cc/2 Peru/NNP/conj/2/@GPE met/VBD/ROOT/6/=meet ././punct/6",
            ["Chile", "Peru"],
        ),
        # Chile and Peru: each conjunct
        (
            "*Chile/NNP/nsubj/3/@GPE and/CC/cc/0 Peru/NNP/conj/0/@GPE met/VBD/ROOT/3/=meet ././punct/3",
            ["Chile", "Peru"],
        ),
    ],
    ids=lambda v: sentence(v) if isinstance(v, str) else None,
)
def test_resolve_adds_conjuncts_and_appositions(notation, names):
    assert [p.name for p in _resolver().resolve(marked(parse(notation)), "source")] == names


# rule, names, notation: whom the agents act for
AGENT_CASES = [
    # Japanese envoys / U.S. and Chilean diplomats
    ("country-adjective", ["Japan"], "Japanese/JJ/amod/1/@NORP *envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    ("country-adjective", ["United States", "Chile"], "U.S./NNP/nmod/3/@GPE and/CC/cc/0 Chilean/JJ/conj/0/@NORP *diplomats/NNS/nsubj/4/=diplomat met/VBD/ROOT/4/=meet ././punct/4"),
    ("country-adjective", ["South Korea"], "South/JJ/amod/1 Korean/JJ/amod/2 *envoys/NNS/nsubj/3/=envoy met/VBD/ROOT/3/=meet the/DT/det/5 king/NN/dobj/3 ././punct/3"),
    ("country-adjective", ["Kenya"], "The/DT/det/2 Kenyan/JJ/amod/2/@NORP *delegation/NN/nsubj/3 left/VBD/ROOT/3/=leave ././punct/3"),
    # EC envoys / NATO-like bodies named in front
    ("named-body", ["European Community"], "EC/NNP/compound/1/@ORG *envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    ("named-body", ["ASEAN"], "ASEAN/NNP/compound/1/@ORG *diplomats/NNS/nsubj/2/=diplomat met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    ("named-body", ["G-7"], "G-7/NNP/compound/1 *envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet in/IN/prep/2 Rome/NNP/pobj/3/@GPE ././punct/2"),
    # the ministers of ASEAN / the envoys of Chile, Peru and Norway
    ("of-owners", ["ASEAN"], "The/DT/det/1 *ministers/NNS/nsubj/4/=minister of/IN/prep/1 ASEAN/NNP/pobj/2/@ORG met/VBD/ROOT/4/=meet ././punct/4"),
    ("of-owners", ["Chile", "Peru", "Norway"], "The/DT/det/1 *envoys/NNS/nsubj/8/=envoy of/IN/prep/1 Chile/NNP/pobj/2/@GPE ,/,/punct/3 Peru/NNP/conj/3/@GPE and/CC/cc/5 Norway/NNP/conj/5/@GPE met/VBD/ROOT/8/=meet ././punct/8"),
    ("of-owners", ["Kenya"], "The/DT/det/1 *delegation/NN/nsubj/4 of/IN/prep/1 Kenya/NNP/pobj/2/@GPE left/VBD/ROOT/4/=leave ././punct/4"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "names", "notation"), AGENT_CASES, ids=[sentence(n) for *_, n in AGENT_CASES])
def test_whom_agents_act_for(rule, names, notation):
    tok = marked(parse(notation))
    found, decided_by = AGENTS.first(_resolver(), Phrase(tok, "source", [], *noun_phrase(tok)))
    assert ([p.name for p in found], decided_by) == (names, rule)


def test_a_plural_agent_group_is_remembered_for_the_ministers():
    resolver = _resolver()
    resolver.resolve(
        marked(parse("EC/NNP/compound/1/@ORG *ministers/NNS/nsubj/2/=minister met/VBD/ROOT/2/=meet ././punct/2")),
        "source",
    )
    later = marked(parse("The/DT/det/1 *ministers/NNS/nsubj/2/=minister left/VBD/ROOT/2/=leave ././punct/2"))
    assert [p.name for p in resolver.resolve(later, "source")] == ["European Community"]


# has an office, notation (a token of the person marked)
OFFICES = [
    # Deputy Foreign Minister Lena Holm / Ivo Rask, a government spokesman / the spokesman, Ivo Rask
    (True, "Deputy/NNP/compound/2 Foreign/NNP/compound/2 Minister/NNP/compound/4 Lena/NNP/compound/4/@PERSON *Holm/NNP/nsubj/5/@PERSON met/VBD/ROOT/5/=meet the/DT/det/7 king/NN/dobj/5 ././punct/5"),
    (True, "Ivo/NNP/compound/1/@PERSON *Rask/NNP/nsubj/7/@PERSON ,/,/punct/1 a/DT/det/5 government/NN/compound/5 spokesman/NN/appos/1 ,/,/punct/1 said/VBD/ROOT/7/=say the/DT/det/9 talks/NNS/nsubj/10/=talk failed/VBD/ccomp/7/=fail ././punct/7"),
    (True, "The/DT/det/1 spokesman/NN/nsubj/6 ,/,/punct/1 Ivo/NNP/compound/4/@PERSON *Rask/NNP/appos/1/@PERSON ,/,/punct/1 said/VBD/ROOT/6/=say the/DT/det/8 talks/NNS/nsubj/9/=talk failed/VBD/ccomp/6/=fail ././punct/6"),
    # a title companies give too counts when no unknown organisation is named: Vice President Ivo Rask
    (True, "Vice/NNP/compound/1 President/NNP/compound/3 Ivo/NNP/compound/3/@PERSON *Rask/NNP/nsubj/4/@PERSON met/VBD/ROOT/4/=meet the/DT/det/6 envoy/NN/dobj/4 ././punct/4"),
    # company posts: senior vice president of the corporate banking group / Bank of Oslo Chairman
    (False, "Ivo/NNP/compound/1/@PERSON *Rask/NNP/nsubj/12/@PERSON ,/,/punct/1 senior/JJ/amod/5 vice/NN/compound/5 president/NN/appos/1 of/IN/prep/5 the/DT/det/10 corporate/JJ/amod/10 banking/NN/compound/10 group/NN/pobj/6 ,/,/punct/1 said/VBD/ROOT/12/=say profits/NNS/nsubj/14/=profit rose/VBD/ccomp/12/=rise ././punct/12"),
    (False, "Bank/NNP/nmod/3/@ORG of/IN/prep/0/@ORG Oslo/NNP/pobj/1/@ORG Chairman/NNP/compound/5 Ivo/NNP/compound/5/@PERSON *Rask/NNP/nsubj/6/@PERSON said/VBD/ROOT/6/=say profits/NNS/nsubj/8/=profit rose/VBD/ccomp/6/=rise ././punct/6"),
    # a vice president at Nordfisk Trading: an organisation the gazetteer does not know
    (False, "Ivo/NNP/compound/1/@PERSON *Rask/NNP/nsubj/10/@PERSON ,/,/punct/1 a/DT/det/5 vice/NN/compound/5 president/NN/appos/1 at/IN/prep/5 Nordfisk/NNP/compound/8/@ORG Trading/NNP/pobj/6/@ORG ,/,/punct/1 said/VBD/ROOT/10/=say prices/NNS/nsubj/12/=price rose/VBD/ccomp/10/=rise ././punct/10"),
    # no title at all
    (False, "Ivo/NNP/compound/1/@PERSON *Rask/NNP/nsubj/2/@PERSON met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
]  # fmt: skip


@pytest.mark.parametrize(("expected", "notation"), OFFICES, ids=[sentence(n) for _, n in OFFICES])
def test_which_people_the_text_gives_a_public_office(expected, notation):
    tok = marked(parse(notation))
    [ent] = [e for e in tok.doc.ents if e.start <= tok.i < e.end]
    assert has_office(ent, small_gazetteer()) is expected


# subjects, notation (the verb marked)
SUBJECTS = [
    # a finite verb's own subject
    (["Mori"], "Mr/NNP/compound/1 Mori/NNP/nsubj/2 *met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 ././punct/2"),
    # a relative clause's subject is the antecedent: Ms Osei, who held talks with her
    (["Osei"], "Ms/NNP/compound/1 Osei/NNP/nsubj/10 ,/,/punct/1 who/WP/nsubj/4 *held/VBD/relcl/1/=hold talks/NNS/dobj/4/=talk with/IN/prep/5 her/PRP/pobj/6/=she ,/,/punct/1 left/VBD/ROOT/10/=leave ././punct/10"),
    # inherited by a non-finite clause: meeting Ms Berg, Mr Vidal said / by calling the king / speaking to the envoy, Ms Osei promised
    (["Vidal"], "*Meeting/VBG/advcl/6/=meet Ms/NNP/compound/2 Berg/NNP/dobj/0 ,/,/punct/6 Mr/NNP/compound/5 Vidal/NNP/nsubj/6 said/VBD/ROOT/6/=say the/DT/det/8 talks/NNS/nsubj/9/=talk went/VBD/ccomp/6/=go well/RB/advmod/9 ././punct/6"),
    (["Vidal"], "Mr/NNP/compound/1 Vidal/NNP/nsubj/2 ended/VBD/ROOT/2/=end the/DT/det/4 dispute/NN/dobj/2 by/IN/prep/2 *calling/VBG/pcomp/5/=call the/DT/det/8 king/NN/dobj/6 ././punct/2"),
    # Ms Berg, who is scheduled to meet the king: the antecedent of the control verb's relative subject
    (["Berg"], "Ms/NNP/compound/1 Berg/NNP/nsubj/10 ,/,/punct/1 who/WP/nsubjpass/5 is/VBZ/auxpass/5/=be scheduled/VBN/relcl/1/=schedule to/TO/aux/7 *meet/VB/xcomp/5 the/DT/det/9 king/NN/dobj/7 arrived/VBD/ROOT/10/=arrive ././punct/10"),
    # the passive subject of a control verb acts: Ms Berg is scheduled to meet / the envoys are expected to sign
    (["Berg"], "Ms/NNP/compound/1 Berg/NNP/nsubjpass/3 is/VBZ/auxpass/3/=be scheduled/VBN/ROOT/3/=schedule to/TO/aux/5 *meet/VB/xcomp/3 the/DT/det/7 king/NN/dobj/5 ././punct/3"),
    (["envoys"], "The/DT/det/1 envoys/NNS/nsubjpass/3/=envoy are/VBP/auxpass/3/=be expected/VBN/ROOT/3/=expect to/TO/aux/5 *sign/VB/xcomp/3 the/DT/det/7 pact/NN/dobj/5 ././punct/3"),
    # options-including: Peru is drafting options including retaliation against Chile
    (["Peru"], "Peru/NNP/nsubj/2 is/VBZ/aux/2/=be drafting/VBG/ROOT/2/=draft options/NNS/dobj/2/=option *including/VBG/prep/3/=include retaliation/NN/pobj/4 against/IN/prep/5 Chile/NNP/pobj/6 ././punct/2"),
    (["Lima"], "Lima/NNP/nsubj/2 is/VBZ/aux/2/=be weighing/VBG/ROOT/2/=weigh steps/NNS/dobj/2/=step *including/VBG/prep/3/=include sanctions/NNS/pobj/4/=sanction against/IN/prep/5 Quito/NNP/pobj/6 ././punct/2"),
    (["Oslo"], "Oslo/NNP/nsubj/1 studied/VBD/ROOT/1/=study measures/NNS/dobj/1/=measure *including/VBG/prep/2/=include tariffs/NNS/pobj/3/=tariff ././punct/1"),
    # plans-to: Oslo announced plans to impose tariffs on steel
    (["Oslo"], "Oslo/NNP/nsubj/1 announced/VBD/ROOT/1/=announce plans/NNS/dobj/1/=plan to/TO/aux/4 *impose/VB/acl/2 tariffs/NNS/dobj/4/=tariff on/IN/prep/4 steel/NN/pobj/6 ././punct/1"),
    (["Chile"], "Chile/NNP/nsubj/1 made/VBD/ROOT/1/=make a/DT/det/3 decision/NN/dobj/1 to/TO/aux/5 *expel/VB/acl/3 the/DT/det/7 envoy/NN/dobj/5 ././punct/1"),
    (["Peru"], "Peru/NNP/nsubj/1 rejected/VBD/ROOT/1/=reject an/DT/det/3 offer/NN/dobj/1 to/TO/aux/5 *mediate/VB/acl/3 ././punct/1"),
    # the noun after "with" before a participle: with the ministers this week calling Mr Obi a traitor
    (["ministers"], "The/DT/det/1 council/NN/nsubj/2 spoke/VBD/ROOT/2/=speak ,/,/punct/2 with/IN/prep/2 the/DT/det/6 ministers/NNS/pobj/4/=minister this/DT/det/8/@DATE week/NN/npadvmod/9/@DATE *calling/VBG/advcl/2/=call Mr/NNP/compound/11 Obi/NNP/dobj/9 a/DT/det/13 traitor/NN/oprd/9 ././punct/2"),
]  # fmt: skip


@pytest.mark.parametrize(("subjects", "notation"), SUBJECTS, ids=[sentence(n) for _, n in SUBJECTS])
def test_the_subjects_a_verb_has_or_inherits(subjects, notation):
    assert [t.text for t in subjects_of(marked(parse(notation)))] == subjects


def test_every_hop_has_rows():
    assert {r.name for r in HOPS} == {"options-including", "plans-to"}


@pytest.mark.parametrize(
    "notation",
    [
        # the parser's PERSON is a town: "traveled to Lima"
        "The/DT/det/1 envoy/NN/nsubj/2 traveled/VBD/ROOT/2/=travel to/IN/prep/2 *Lima/NNP/pobj/3/@PERSON ././punct/2",
        # a country inside a longer organisation name: "Andino Chile signed the loan"
        "Andino/NNP/compound/1/@ORG *Chile/NNP/nsubj/2/@ORG signed/VBD/ROOT/2/=sign the/DT/det/4 loan/NN/dobj/2 ././punct/2",
    ],
    ids=sentence,
)
def test_names_that_are_not_actors(notation):
    assert _resolver().resolve(marked(parse(notation)), "source") == []


def test_a_person_is_named_again_by_surname_or_the_last_two_words_of_a_long_name():
    memory = DiscourseMemory()
    juan = Participant("Juan Perez Soto", "person", "source", "Chile")
    memory.remember(juan)
    assert [memory.person_named(n) is juan for n in ("Juan Perez Soto", "Perez Soto", "Soto", "Juan")] == [
        True,
        True,
        True,
        False,
    ]


PLACES = [
    # met in Oslo
    (["Oslo"], "The/DT/det/1 envoys/NNS/nsubj/2/=envoy *met/VBD/ROOT/2/=meet in/IN/prep/2 Oslo/NNP/pobj/3 ././punct/2"),
    # met with Mr Vidal in the Lima palace: "in" on the trigger, or on the name it governs
    (["palace"], "The/DT/det/1 envoys/NNS/nsubj/2/=envoy *met/VBD/ROOT/2/=meet with/IN/prep/2 Mr/NNP/compound/5 Vidal/NNP/pobj/3 in/IN/prep/2 the/DT/det/9 Lima/NNP/compound/9 palace/NN/pobj/6 ././punct/2"),
    (["palace"], "The/DT/det/1 envoys/NNS/nsubj/2/=envoy *met/VBD/ROOT/2/=meet with/IN/prep/2 Mr/NNP/compound/5 Vidal/NNP/pobj/3 in/IN/prep/5 the/DT/det/9 Lima/NNP/compound/9 palace/NN/pobj/6 ././punct/2"),
    # the talks at the palace in Lima: a noun trigger's own preposition
    (["palace"], "The/DT/det/1 *talks/NNS/nsubj/7/=talk at/IN/prep/1 the/DT/det/4 palace/NN/pobj/2 in/IN/prep/4 Lima/NNP/pobj/5 ended/VBD/ROOT/7/=end ././punct/7"),
]  # fmt: skip


@pytest.mark.parametrize(("places", "notation"), PLACES, ids=[sentence(n) for _, n in PLACES])
def test_place_candidates_of_a_trigger(places, notation):
    assert [t.text for t in place_tokens(marked(parse(notation)))] == places


# The parser often leaves a sentence's first given name out of a PERSON entity
# ("[Inacio Lula da Silva]" for "Luiz Inacio Lula da Silva"): the name is the
# whole chain of capitalised proper nouns compounded onto it, less titles.
@pytest.mark.parametrize(
    ("notation", "name"),
    [
        (
            "Lena/NNP/compound/2 Marie/NNP/compound/2/@PERSON *Holm/NNP/nsubj/3/@PERSON met/VBD/ROOT/3/=meet the/DT/det/5 king/NN/dobj/3 ././punct/3",
            "Lena Marie Holm",
        ),
        (
            "Jose/NNP/compound/3 Luis/NNP/compound/3/@PERSON de/NNP/compound/3/@PERSON *Souza/NNP/nsubj/4/@PERSON arrived/VBD/ROOT/4/=arrive ././punct/4",
            "Jose Luis de Souza",
        ),
        (
            "Minister/NNP/compound/2 Lena/NNP/compound/2/@PERSON *Holm/NNP/nsubj/3/@PERSON met/VBD/ROOT/3/=meet the/DT/det/5 king/NN/dobj/3 ././punct/3",
            "Lena Holm",
        ),
        (
            "Ambassador/NNP/compound/2 Pablo/NNP/compound/2/@PERSON *Ruiz/NNP/nsubj/3/@PERSON left/VBD/ROOT/3/=leave ././punct/3",
            "Pablo Ruiz",
        ),
    ],
    ids=["two given names", "given name and particle", "title before", "envoy title before"],
)
def test_a_person_is_named_with_the_given_names_the_parser_left_out(notation, name):
    [person] = _resolver().resolve(marked(parse(notation)), "source")
    assert person.name == name


# A body of a state the gazetteer does not list acts for the state its name
# gives: "the United States Department of Transportation", "the Foreign
# Ministry of Chile"; an armed group or company named after a country does not.
@pytest.mark.parametrize(
    ("notation", "names"),
    [
        (
            "The/DT/det/3 United/NNP/compound/2/@ORG States/NNP/compound/3/@ORG *Department/NNP/nsubj/6/@ORG of/IN/prep/3/@ORG Transportation/NNP/pobj/4/@ORG imposed/VBD/ROOT/6/=impose restrictions/NNS/dobj/6/=restriction ././punct/6",
            ["United States"],
        ),
        (
            "The/DT/det/2 Foreign/NNP/compound/2/@ORG *Ministry/NNP/nsubj/5/@ORG of/IN/prep/2/@ORG Chile/NNP/pobj/3/@ORG protested/VBD/ROOT/5/=protest ././punct/5",
            ["Chile"],
        ),
        (
            "The/DT/det/1 *Parliament/NNP/nsubj/4/@ORG of/IN/prep/1/@ORG Peru/NNP/pobj/2/@ORG voted/VBD/ROOT/4/=vote ././punct/4",
            ["Peru"],
        ),
        (
            "The/DT/det/3 Chilean/JJ/compound/3/@ORG Democratic/NNP/compound/3/@ORG *Forces/NNPS/nsubj/4/@ORG agreed/VBD/ROOT/4/=agree ././punct/4",
            [],
        ),
        ("The/DT/det/2 Norway/NNP/compound/2/@ORG *Fisheries/NNP/nsubj/3/@ORG signed/VBD/ROOT/3/=sign ././punct/3", []),
    ],
    ids=["department", "foreign ministry of", "parliament of", "armed group", "company"],
)
def test_a_body_of_a_state_acts_for_its_state(notation, names):
    found = _resolver().resolve(marked(parse(notation)), "source")
    assert [p.name for p in found] == names


# "Chilean President Tomas Vidal and Norwegian Prime Minister Ingrid Berg
# spoke": the parser often folds the first name into the second's phrase (an
# apposition of a title compounded onto the second name); both are subjects.
def test_names_the_parser_folds_into_a_coordinated_phrase_are_each_an_actor():
    doc = parse(
        "Chilean/JJ/amod/1/@NORP President/NNP/compound/6 Tomas/NNP/compound/3/@PERSON Vidal/NNP/appos/1/@PERSON"
        " and/CC/cc/3 Norwegian/JJ/amod/6/@NORP *Berg/NNP/nsubj/7/@PERSON spoke/VBD/ROOT/7/=speak ././punct/7"
    )
    assert sorted(p.name for p in _resolver().resolve(marked(doc), "source") if p.kind == "person") == [
        "Ingrid Berg",
        "Tomas Vidal",
    ]


def test_a_common_noun_is_nobody_s_surname():
    # "Norwegian berg" (a lower-case common noun) is not Ms Berg; "the Norwegian premier" is her by title.
    doc = parse("Norwegian/JJ/amod/1/@NORP *berg/NN/nsubj/2 melts/VBZ/ROOT/2/=melt ././punct/2")
    assert _resolver().resolve(marked(doc), "source") == []


def test_a_name_the_parser_took_for_an_organisation_is_a_person_with_an_office_in_apposition():
    doc = parse(
        "Mr/NNP/compound/1 Vidal/NNP/nsubj/2/@PERSON met/VBD/ROOT/2/=meet *Lena/NNP/compound/4/@ORG Holm/NNP/dobj/2/@ORG"
        " ,/,/punct/4 the/DT/det/8 foreign/JJ/amod/8 minister/NN/appos/4 of/IN/prep/8 Norway/NNP/pobj/9/@GPE ././punct/2"
    )
    [holm] = _resolver().resolve(doc[4], "target")
    assert (holm.name, holm.kind, holm.country) == ("Lena Holm", "person", "Norway")


@pytest.mark.parametrize(
    ("count", "names"),
    [("four", ["Norway", "Chile", "Peru", "Japan"]), ("five", [])],
    ids=["the count the group has", "another count"],
)
def test_a_counted_group_refers_back_to_as_many_states(count, names):
    # "Norway, Chile, Peru and Japan signed ... The four countries agreed ..."
    memory = DiscourseMemory()
    memory.last_countries = [Participant(c, "country", "participant", c) for c in ("Norway", "Chile", "Peru", "Japan")]
    doc = parse(
        f"The/DT/det/2 {count}/CD/nummod/2/@CARDINAL *countries/NNS/nsubj/3/=country agreed/VBD/ROOT/3/=agree ././punct/3"
    )
    found = ActorResolver(small_gazetteer(), ON, memory).resolve(marked(doc), "source")
    assert [p.name for p in found] == names
