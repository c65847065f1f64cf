"""Headlines on hand-built parses: who did what, to or with whom, about what,
read from the trigger's clause and compressed. Invented sentences and people;
`names` maps how the sentence named an actor to the actor's name, as the
participant resolver does."""

from __future__ import annotations

import pytest
from conftest import marked, parse

from timeline.events.headline import MAX_CHARS, Clause, clause_of, headline

NAMES = {
    "Halvorsen": "Per Halvorsen",
    "Berg": "Ingrid Berg",
    "Vidal": "Tomas Vidal",
    "Mori": "Kenji Mori",
    "his Kenyan counterpart": "Amara Osei",
    "Chile": "Chile",
    "Peru": "Peru",
}

# (notation, the trigger's verb phrase for summaries, subject, headline)
CASES = [
    (
        # the object predicate is the act: not "branded Per Halvorsen"
        "Ministers/NNS/nsubj/1/=minister *branded/VBD/ROOT/1/=brand Halvorsen/NNP/dobj/1/@PERSON “/``/punct/5"
        " a/DT/det/5 liar/NN/oprd/1 ”/''/punct/5 ././punct/1",
        "branded",
        "The Storting",
        "The Storting branded Per Halvorsen “a liar”",
    ),
    (
        # a participle hanging on a "with": told in the simple past
        "The/DT/det/1 council/NN/nsubj/2 *calling/VBG/ROOT/2/=call Halvorsen/NNP/dobj/2/@PERSON “/``/punct/6"
        " a/DT/det/6 liar/NN/oprd/2 ”/''/punct/6",
        "called",
        "City Council",
        "City Council called Per Halvorsen “a liar”",
    ),
    (
        # what was said, without its time, relative clause and "that"
        "Berg/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say on/IN/prep/1 Tuesday/NNP/pobj/2/@DATE that/IN/mark/13"
        " Chile/NNP/nsubj/13/@GPE ,/,/punct/5 which/WDT/nsubj/8 hosts/VBZ/relcl/5/=host the/DT/det/10"
        " talks/NNS/dobj/8/=talk ,/,/punct/5 would/MD/aux/13 reopen/VB/ccomp/1 its/PRP$/poss/15"
        " embassy/NN/dobj/13 ././punct/1",
        "said",
        "Ingrid Berg",
        "Ingrid Berg said Chile would reopen its embassy",
    ),
    (
        # a proposal: the gerund and its object, not the occasion it was made at
        "Vidal/NNP/nsubj/1/@PERSON *suggested/VBD/ROOT/1/=suggest creating/VBG/xcomp/1/=create a/DT/det/5"
        " joint/JJ/amod/5 fund/NN/dobj/2 between/IN/prep/5 Peru/NNP/pobj/6/@GPE ,/,/punct/7"
        " Chile/NNP/conj/7/@GPE and/CC/cc/9 Kenya/NNP/conj/9/@GPE during/IN/prep/1 his/PRP$/poss/14"
        " visit/NN/pobj/12 to/IN/prep/14 Lima/NNP/pobj/15/@GPE ././punct/1",
        "suggested",
        "Tomas Vidal",
        "Tomas Vidal suggested creating a joint fund between Peru, Chile and Kenya",
    ),
    (
        # a modal keeps its mood; the counterpart is named as resolved
        "Mori/NNP/nsubj/2/@PERSON will/MD/aux/2 *discuss/VB/ROOT/2 fishing/NN/compound/4 quotas/NNS/dobj/2/=quota"
        " with/IN/prep/2 his/PRP$/poss/8 Kenyan/JJ/amod/8/@NORP counterpart/NN/pobj/5 next/JJ/amod/10/@DATE"
        " week/NN/npadvmod/2/@DATE ././punct/2",
        "discussed",
        "Kenji Mori",
        "Kenji Mori will discuss fishing quotas with Amara Osei",
    ),
    (
        # a negation is part of the act
        "Chile/NNP/nsubj/3/@GPE did/VBD/aux/3/=do not/RB/neg/3 *criticise/VB/ROOT/3 the/DT/det/5 plan/NN/dobj/3"
        " ././punct/3",
        "criticised",
        "Chile",
        "Chile did not criticise the plan",
    ),
    (
        # a topic after "on"
        "Vidal/NNP/nsubj/1/@PERSON *spoke/VBD/ROOT/1/=speak on/IN/prep/1 the/DT/det/5 border/NN/compound/5"
        " dispute/NN/pobj/2 yesterday/NN/npadvmod/1/@DATE ././punct/1",
        "spoke",
        "Tomas Vidal",
        "Tomas Vidal spoke on the border dispute",
    ),
    (
        # a quotation in the first person: what the speaker knows is what he said
        "“/``/punct/11 I/PRP/nsubj/2 know/VBP/ccomp/11 that/IN/mark/5 Peru/NNP/nsubj/5/@GPE wants/VBZ/ccomp/2/=want"
        " closer/JJR/amod/7/=close ties/NNS/dobj/5/=tie ,/,/punct/11 ”/''/punct/11 Vidal/NNP/nsubj/11/@PERSON"
        " *said/VBD/ROOT/11/=say ././punct/11",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said Peru wants closer ties",
    ),
    (
        # the preposition of the lexicon's verb phrase takes its own object
        "Berg/NNP/nsubj/1/@PERSON *called/VBD/ROOT/1/=call for/IN/prep/1 a/DT/det/4 ceasefire/NN/pobj/2"
        " in/IN/prep/4 the/DT/det/7 north/NN/pobj/5 ././punct/1",
        "called for",
        "Ingrid Berg",
        "Ingrid Berg called for a ceasefire in the north",
    ),
]


@pytest.mark.parametrize("notation, summary, subject, expected", CASES, ids=[c[3] for c in CASES])
def test_headline_from_the_clause(notation, summary, subject, expected):
    clause = clause_of(marked(parse(notation)), summary, NAMES)
    assert headline(subject, clause, None, fallback="unused") == expected


def test_a_verb_phrase_whose_preposition_has_no_object_gives_no_clause():
    # "Berg travelled": the lexicon's "traveled to" needs somewhere to go.
    doc = parse("Berg/NNP/nsubj/1/@PERSON *travelled/VBD/ROOT/1/=travel ././punct/1")
    assert clause_of(marked(doc), "traveled to", NAMES) is None


def test_a_noun_trigger_outside_a_light_verb_gives_no_clause():
    doc = parse("The/DT/det/1 *talks/NNS/nsubj/2/=talk ended/VBD/ROOT/2/=end ././punct/2")
    assert clause_of(marked(doc), "talks", NAMES) is None


def test_without_a_clause_the_fallback_is_the_headline():
    assert headline("Ingrid Berg", None, "Oslo", fallback="Talks of Ingrid Berg in Oslo") == (
        "Talks of Ingrid Berg in Oslo"
    )


def test_without_a_subject_the_fallback_is_the_headline():
    assert headline("", Clause("said", "Chile would reopen its embassy"), None, fallback="Chile said") == "Chile said"


def test_the_place_is_added_when_the_clause_does_not_name_it():
    clause = Clause("signed", "a fishing accord")
    assert (
        headline("Norway and Chile", clause, "Lima", fallback="x") == "Norway and Chile signed a fishing accord in Lima"
    )
    clause = Clause("traveled to", "Lima")
    assert headline("Tomas Vidal", clause, "Lima", fallback="x") == "Tomas Vidal traveled to Lima"


def test_a_long_headline_drops_the_place_then_the_details_never_passing_the_limit():
    details = " ".join(["in the long and winding valleys"] * 4)
    clause = Clause("signed", "a fishing accord", details=(details,))
    line = headline("Norway and Chile", clause, "Lima", fallback="x")
    assert line == "Norway and Chile signed a fishing accord"
    assert len(line) <= MAX_CHARS


def test_content_too_long_for_any_headline_falls_back():
    clause = Clause("said", "a " + "very " * 40 + "long thing")
    assert headline("Chile", clause, None, fallback="Chile said") == "Chile said"


MORE = [
    (
        # a quotation's first word is no longer the first of a sentence
        "“/``/punct/7 The/DT/det/2 accord/NN/nsubj/3 works/VBZ/ccomp/7/=work ,/,/punct/7 ”/''/punct/7"
        " Vidal/NNP/nsubj/7/@PERSON *said/VBD/ROOT/7/=say ././punct/7",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said the accord works",
    ),
    (
        # a second clause with its own subject is another remark
        "Berg/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say Chile/NNP/nsubj/3/@GPE agreed/VBD/ccomp/1/=agree"
        " and/CC/cc/3 she/PRP/nsubj/6 welcomed/VBD/conj/3/=welcome it/PRP/dobj/6 ././punct/1",
        "said",
        "Ingrid Berg",
        "Ingrid Berg said Chile agreed",
    ),
    (
        # a remark in the first person is quoted word for word
        "“/``/punct/7 We/PRP/nsubj/2 are/VBP/ccomp/7/=be ready/JJ/acomp/2 ,/,/punct/7 ”/''/punct/7"
        " Vidal/NNP/nsubj/7/@PERSON *said/VBD/ROOT/7/=say ././punct/7",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said “We are ready”",
    ),
    (
        # an adverb after the verb can be part of what is said
        "Mori/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say Japan/NNP/nsubj/4/@GPE would/MD/aux/4 act/VB/ccomp/1"
        " alone/RB/advmod/4 ././punct/1",
        "said",
        "Kenji Mori",
        "Kenji Mori said Japan would act alone",
    ),
    (
        # a person named with a title is named as the actor is
        "Vidal/NNP/nsubj/1/@PERSON *praised/VBD/ROOT/1/=praise envoy/NN/compound/4 Lena/NNP/compound/4/@PERSON"
        " Holm/NNP/dobj/1/@PERSON ././punct/1",
        "praised",
        "Tomas Vidal",
        "Tomas Vidal praised Lena Holm",
    ),
]


@pytest.mark.parametrize("notation, summary, subject, expected", MORE, ids=[c[3] for c in MORE])
def test_headline_rewrites(notation, summary, subject, expected):
    clause = clause_of(marked(parse(notation)), summary, {**NAMES, "Lena Holm": "Lena Holm"})
    assert headline(subject, clause, None, fallback="unused") == expected


def _summary(lemma: str, participants, clause, place=None) -> str:
    """The summary of an event of one mention of the trigger `lemma`."""
    from types import SimpleNamespace

    from timeline.events.lexicon import load_lexicon
    from timeline.events.merge import EventBuilder

    trigger = next(t for t in load_lexicon().candidates(lemma, "VERB") if not t.particles and not t.means)
    draft = SimpleNamespace(
        trigger=trigger, participants=participants, clause=clause, place=place, date_value=None, index=0
    )
    event = EventBuilder(trigger.type, trigger.mode, trigger.cameo, None)
    event.add(draft)
    return event.summary()


def test_the_participants_of_a_symmetric_act_are_its_subject():
    from timeline.events.types import Participant

    both = [Participant(c, "country", "participant", c, surface=c) for c in ("Norway", "Chile")]
    assert _summary("sign", both, Clause("signed", "a fishing accord")) == "Norway and Chile signed a fishing accord"


def test_the_counterpart_the_clause_names_is_not_a_subject_too():
    from timeline.events.types import Participant

    people = [
        Participant("Ingrid Berg", "person", "source", "Norway", surface="Berg"),
        Participant("Norway", "country", "source", "Norway", surface="Berg"),
        Participant("Tomas Vidal", "person", "source", "Chile", surface="Vidal"),
    ]
    clause = Clause("met", "", ("with Tomas Vidal",))
    assert _summary("meet", people, clause, place=("Lima", "PE")) == "Ingrid Berg met with Tomas Vidal in Lima"


def test_a_fallback_leaves_no_preposition_without_its_object():
    from timeline.events.types import Participant

    caller = [Participant("Ingrid Berg", "person", "source", "Norway", surface="Berg")]
    assert _summary("telephone", caller, None) == "Ingrid Berg spoke by telephone"


def test_a_possessive_keeps_its_mark_when_the_name_is_rewritten():
    doc = parse(
        "Berg/NNP/nsubj/1/@PERSON *asked/VBD/ROOT/1/=ask for/IN/prep/1 envoy/NN/compound/4 Holm/NNP/poss/6/@PERSON"
        " 's/POS/case/4 resignation/NN/pobj/2 ././punct/1"
    )
    clause = clause_of(marked(doc), "asked for", {"Holm": "Lena Holm"})
    assert headline("Ingrid Berg", clause, None, fallback="x") == "Ingrid Berg asked for Lena Holm's resignation"


def test_coordinated_modals_keep_their_conjunction():
    doc = parse(
        "Vidal/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say he/PRP/nsubj/3 can/MD/aux/6 and/CC/cc/3 may/MD/aux/6"
        " close/VB/ccomp/1 the/DT/det/8 border/NN/dobj/6 ././punct/1"
    )
    clause = clause_of(marked(doc), "said", NAMES)
    assert headline("Tomas Vidal", clause, None, fallback="x") == "Tomas Vidal said he can and may close the border"


def test_what_a_document_says_an_actor_hoped_is_the_actors_act():
    from timeline.events.types import Participant

    norway = [Participant("Norway", "country", "source", "Norway", surface="Norway")]
    clause = Clause("said", "Norway hoped for closer ties")
    assert _summary("say", norway, clause) == "Norway hoped for closer ties"


def test_a_call_between_the_subjects_needs_no_with():
    doc = parse("Berg/NNP/nsubj/3/@PERSON and/CC/cc/0 Vidal/NNP/conj/0/@PERSON *spoke/VBD/ROOT/3/=speak ././punct/3")
    clause = clause_of(marked(doc), "spoke by telephone with", NAMES)
    assert headline("Ingrid Berg and Tomas Vidal", clause, None, fallback="x") == (
        "Ingrid Berg and Tomas Vidal spoke by telephone"
    )


def test_every_side_of_a_symmetric_act_is_its_subject():
    from timeline.events.types import Participant

    sides = [
        Participant("Ingrid Berg", "person", "source", "Norway", surface="Berg"),
        Participant("Tomas Vidal", "person", "participant", "Chile", surface="Vidal"),
    ]
    assert _summary("sign", sides, Clause("signed", "a fishing accord")) == (
        "Ingrid Berg and Tomas Vidal signed a fishing accord"
    )


def test_a_parenthesis_goes_and_a_preposition_before_the_verb_is_no_topic():
    # "On behalf of leaders, Berg signed the Fishing Accord (FA) agreement"
    doc = parse(
        "On/IN/prep/5 behalf/NN/pobj/0 of/IN/prep/1 leaders/NNS/pobj/2/=leader Berg/NNP/nsubj/5/@PERSON"
        " *signed/VBD/ROOT/5/=sign the/DT/det/12 Fishing/NNP/compound/8 Accord/NNP/compound/12 (/-LRB-/punct/10"
        " FA/NNP/compound/12 )/-RRB-/punct/10 agreement/NN/dobj/5 ././punct/5"
    )
    clause = clause_of(marked(doc), "signed", NAMES)
    assert headline("Ingrid Berg", clause, None, fallback="x") == "Ingrid Berg signed the Fishing Accord agreement"


def test_a_long_remark_in_the_first_person_is_quoted_up_to_an_ellipsis():
    words = " ".join(f"word{i}/NN/npadvmod/2" for i in range(3, 20))  # 17 words: the whole is too long
    doc = parse(
        f"“/``/punct/23 We/PRP/nsubj/2 wait/VBP/ccomp/23 {words} ,/,/punct/23 ”/''/punct/23"
        " Vidal/NNP/nsubj/23/@PERSON *said/VBD/ROOT/23/=say"
    )
    line = headline("Tomas Vidal", clause_of(marked(doc), "said", NAMES), None, fallback="x")
    assert line == "Tomas Vidal said “We wait word3 word4 word5 word6 word7 word8 word9 word10…”"


def test_a_capitalised_adjective_opening_a_quotation_keeps_its_capital():
    doc = parse(
        "West/JJ/amod/1 aid/NN/nsubj/2 rose/VBD/ccomp/5/=rise ,/,/punct/5 Berg/NNP/nsubj/5/@PERSON"
        " *said/VBD/ROOT/5/=say"
    )
    assert headline("Ingrid Berg", clause_of(marked(doc), "said", NAMES), None, fallback="x") == (
        "Ingrid Berg said West aid rose"
    )


# A planned act, a noun trigger's own verb, shortened clauses, misparses: (notation, summary, subject, headline)
PLANNED_AND_SHORTENED = [
    (
        # a visit the traveller is scheduled to make has not happened: not "visited"
        "Berg/NNP/nsubjpass/2/@PERSON was/VBD/auxpass/2/=be scheduled/VBN/ROOT/2/=schedule to/TO/aux/4"
        " *visit/VB/xcomp/2 Lima/NNP/dobj/4/@GPE this/DT/det/7/@DATE week/NN/npadvmod/4/@DATE ././punct/2",
        "visited",
        "Ingrid Berg",
        "Ingrid Berg was scheduled to visit Lima",
    ),
    (
        # "is to meet": the copula's plan, in its own tense
        "The/DT/det/1 council/NN/nsubj/2 is/VBZ/ROOT/2/=be to/TO/aux/4 *meet/VB/xcomp/2 ././punct/2",
        "met",
        "City Council",
        "City Council is to meet",
    ),
    (
        # a noun trigger that is the object of its verb: the verb's tense and mood, not the lexicon's past
        "Vidal/NNP/nsubj/2/@PERSON would/MD/aux/2 make/VB/ROOT/2/=make a/DT/det/5 formal/JJ/amod/5"
        " *request/NN/dobj/2 for/IN/prep/5 talks/NNS/pobj/6/=talk next/JJ/amod/9/@DATE week/NN/npadvmod/2/@DATE"
        " ././punct/2",
        "requested",
        "Tomas Vidal",
        "Tomas Vidal would make a formal request for talks",
    ),
    (
        # a noun trigger inside its verb's object: "drafting options including sanctions"
        "Peru/NNP/nsubj/2/@GPE is/VBZ/aux/2/=be drafting/VBG/ROOT/2/=draft options/NNS/dobj/2/=option"
        " including/VBG/prep/3/=include possible/JJ/amod/6 *sanctions/NNS/pobj/4/=sanction against/IN/prep/6"
        " Chile/NNP/pobj/7/@GPE ././punct/2",
        "imposed sanctions on",
        "Peru",
        "Peru is drafting options including possible sanctions against Chile",
    ),
    (
        # a noun trigger in a light verb's preposition, said once
        "Chile/NNP/nsubj/1/@GPE put/VBD/ROOT/1/=put emphasis/NN/dobj/1 on/IN/prep/1 the/DT/det/5"
        " *talks/NNS/pobj/3/=talk with/IN/prep/5 Peru/NNP/pobj/6/@GPE ././punct/1",
        "held talks",
        "Chile",
        "Chile put emphasis on the talks with Peru",
    ),
    (
        # the counterpart of a noun trigger's verb is named as resolved
        "Berg/NNP/nsubj/1/@PERSON opened/VBD/ROOT/1/=open *talks/NNS/dobj/1/=talk with/IN/prep/2"
        " his/PRP$/poss/6 Kenyan/JJ/amod/6/@NORP counterpart/NN/pobj/3 ././punct/1",
        "held talks",
        "Ingrid Berg",
        "Ingrid Berg opened talks with Amara Osei",
    ),
    (
        # a shorter version keeps the complement of the predicate ("high on ..."), not the noun's modifiers
        "Vidal/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say the/DT/det/3 dispute/NN/nsubj/15 over/IN/prep/3"
        " fishing/NN/compound/6 rights/NNS/pobj/4/=right in/IN/prep/6 the/DT/det/10 northern/JJ/amod/10"
        " waters/NNS/pobj/7/=water of/IN/prep/10 Peru/NNP/pobj/11/@GPE and/CC/cc/12 Chile/NNP/conj/12/@GPE"
        " was/VBD/ccomp/1/=be high/JJ/acomp/15 on/IN/prep/16 the/DT/det/19 agenda/NN/pobj/17 for/IN/prep/19"
        " the/DT/det/24 coming/VBG/amod/24/=come regional/JJ/amod/24 summit/NN/pobj/20 ././punct/1",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said the dispute over fishing rights was high on the agenda",
    ),
    (
        # a time phrase as a possessive leaves its noun a determiner
        "Berg/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say the/DT/det/3 plan/NN/nsubj/4 was/VBD/ccomp/1/=be"
        " on/IN/prep/4 the/DT/det/7 agenda/NN/pobj/5 of/IN/prep/7 next/JJ/amod/10/@DATE week/NN/poss/12/@DATE"
        " 's/POS/case/10/@DATE summit/NN/pobj/8 ././punct/1",
        "said",
        "Ingrid Berg",
        "Ingrid Berg said the plan was on the agenda of the summit",
    ),
    (
        # two infinitives the parser gave one verb: the second is a misparse, and a possessive does not dangle
        "Berg/NNP/nsubj/1/@PERSON *told/VBD/ROOT/1/=tell Chile/NNP/dobj/1/@GPE to/TO/aux/4 end/VB/xcomp/1"
        " the/DT/det/6 row/NN/dobj/4 over/IN/prep/6 Acme/NNP/pobj/7/@ORG 's/POS/case/8 </XX/punct/1"
        " ACM/NNP/compound/13 >/-RRB-/punct/11 quota/NN/xcomp/1 or/CC/cc/13 face/VB/conj/13 sanctions/NNS/dobj/15"
        " ././punct/1",
        "told",
        "Ingrid Berg",
        "Ingrid Berg told Chile to end the row over Acme",
    ),
    (
        # an object after the verb's preposition and a comma is a conjunct the parser misread
        "Peru/NNP/nsubj/1/@GPE *hoped/VBD/ROOT/1/=hope for/IN/prep/1 more/JJR/amod/4/=more trade/NN/pobj/2"
        " ,/,/punct/4 better/JJR/amod/7/=well roads/NNS/dobj/1/=road and/CC/cc/7 cheaper/JJR/amod/10/=cheap"
        " fares/NNS/conj/7/=fare ././punct/1",
        "hoped",
        "Peru",
        "Peru hoped for more trade",
    ),
    (
        # a degree adverb belongs to its adjective
        "Vidal/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say Peru/NNP/nsubj/3/@GPE is/VBZ/ccomp/1/=be the/DT/det/7"
        " most/RBS/advmod/6/=most populous/JJ/amod/7 state/NN/attr/3 ././punct/1",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said Peru is the most populous state",
    ),
    (
        # a quantifier opening a quotation is no name: its capital goes
        "“/``/punct/8 Many/JJ/amod/3/=many old/JJ/amod/3 ties/NNS/nsubj/4/=tie bind/VBP/ccomp/8"
        " Peru/NNP/dobj/4/@GPE ,/,/punct/8 Vidal/NNP/nsubj/8/@PERSON *said/VBD/ROOT/8/=say ././punct/8",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said many old ties bind Peru",
    ),
]


@pytest.mark.parametrize(
    "notation, summary, subject, expected", PLANNED_AND_SHORTENED, ids=[c[3] for c in PLANNED_AND_SHORTENED]
)
def test_planned_acts_and_shortened_clauses(notation, summary, subject, expected):
    clause = clause_of(marked(parse(notation)), summary, NAMES)
    assert headline(subject, clause, None, fallback="unused") == expected


def test_an_act_the_object_is_urged_to_do_is_not_the_urgers():
    doc = parse(
        "Berg/NNP/nsubj/1/@PERSON urged/VBD/ROOT/1/=urge Vidal/NNP/dobj/1/@PERSON to/TO/aux/4 *visit/VB/xcomp/1"
        " Lima/NNP/dobj/4/@GPE ././punct/1"
    )
    assert clause_of(marked(doc), "visited", NAMES).act == "visited"


@pytest.mark.parametrize(
    "notation",
    [
        # the visitor is the possessor, not the one who criticised
        "Berg/NNP/nsubj/1/@PERSON criticised/VBD/ROOT/1/=criticise Vidal/NNP/poss/4/@PERSON 's/POS/case/2"
        " *visit/NN/dobj/1 ././punct/1",
        # a saying "on his return" is no act of returning
        "Berg/NNP/nsubj/1/@PERSON said/VBD/ROOT/1/=say on/IN/prep/1 *return/NN/pobj/2"
        " from/IN/prep/3 Lima/NNP/pobj/4/@GPE ././punct/1",
        # the verb's subject is none of the actors
        "Reporters/NNS/nsubj/1/=reporter awaited/VBD/ROOT/1/=await the/DT/det/3 *talks/NNS/dobj/1/=talk ././punct/1",
    ],
)
def test_a_noun_triggers_verb_speaks_for_the_event_only_when_its_actor_does_it(notation):
    assert clause_of(marked(parse(notation)), "visited", NAMES) is None


@pytest.mark.parametrize(
    "notation, summary, subject, expected",
    [
        (
            # the sentence's subject was one council; the headline's is two states
            "The/DT/det/1 council/NN/nsubj/2 is/VBZ/ROOT/2/=be to/TO/aux/4 *meet/VB/xcomp/2 ././punct/2",
            "met",
            "Peru and Chile",
            "Peru and Chile are to meet",
        ),
        (
            # "ministers resume" in the sentence, one actor in the headline
            "Ministers/NNS/nsubj/1/=minister resume/VBP/ROOT/1 *talks/NNS/dobj/1/=talk in/IN/prep/1"
            " Lima/NNP/pobj/3/@GPE ././punct/1",
            "held talks",
            "Chile",
            "Chile resumes talks",
        ),
    ],
    ids=["are to meet", "resumes talks"],
)
def test_a_verb_copied_from_the_sentence_agrees_with_the_headlines_subject(notation, summary, subject, expected):
    names = {**NAMES, "Ministers": "Chile"}
    assert headline(subject, clause_of(marked(parse(notation)), summary, names), None, fallback="x") == expected


@pytest.mark.parametrize(
    "act, number, subject, expected",
    [
        ("has to sign", "singular", "Peru and Chile", "Peru and Chile have to sign"),
        ("were to sign", "plural", "Peru", "Peru was to sign"),
        ("pushes for", "singular", "Peru and Chile", "Peru and Chile push for"),
        ("carry", "plural", "Peru", "Peru carries"),
        ("press", "plural", "Peru", "Peru presses"),
        ("signed", "", "Peru", "Peru signed"),  # a past shows no number
    ],
)
def test_agreement_of_a_copied_verb(act, number, subject, expected):
    assert headline(subject, Clause(act, number=number), None, fallback="x") == expected


# A cut never leaves a verb without its complement: (notation, summary, subject, headline). The subjects'
# long "of" chains make the shortest version the only one that fits.
COMPLEMENTS_KEPT = [
    (
        # "could result" says nothing: the preposition is the verb's complement
        "Berg/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say the/DT/det/4 new/JJ/amod/4 rules/NNS/nsubj/21/=rule"
        " of/IN/prep/4 the/DT/det/9 joint/JJ/amod/9 fishing/NN/compound/9 council/NN/pobj/5 of/IN/prep/9"
        " the/DT/det/15 northern/JJ/amod/15 and/CC/cc/12 southern/JJ/conj/12 provinces/NNS/pobj/10/=province"
        " of/IN/prep/15 Peru/NNP/pobj/16/@GPE and/CC/cc/17 Chile/NNP/conj/17/@GPE could/MD/aux/21"
        " result/VB/ccomp/1 in/IN/prep/21 higher/JJR/amod/24/=high prices/NNS/pobj/22/=price ././punct/1",
        "said",
        "Ingrid Berg",
        "Ingrid Berg said the new rules could result in higher prices",
    ),
    (
        # "make use" is a light verb and a bare noun: the noun's "of" is the act's object
        "Berg/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say the/DT/det/4 new/JJ/amod/4 rules/NNS/nsubj/21/=rule"
        " of/IN/prep/4 the/DT/det/9 joint/JJ/amod/9 fishing/NN/compound/9 council/NN/pobj/5 of/IN/prep/9"
        " the/DT/det/15 northern/JJ/amod/15 and/CC/cc/12 southern/JJ/conj/12 provinces/NNS/pobj/10/=province"
        " of/IN/prep/15 Peru/NNP/pobj/16/@GPE and/CC/cc/17 Chile/NNP/conj/17/@GPE will/MD/aux/21"
        " make/VB/ccomp/1 use/NN/dobj/21 of/IN/prep/22 the/DT/det/26 old/JJ/amod/26 port/NN/pobj/23 ././punct/1",
        "said",
        "Ingrid Berg",
        "Ingrid Berg said the new rules will make use of the old port",
    ),
    (
        # a noun that means nothing without its clause keeps it ("the way ...", "fears they would ...");
        # a conjunction whose conjunct the parser hung elsewhere goes
        "Berg/NNP/nsubj/1/@PERSON expressed/VBD/ROOT/1/=express deep/JJ/amod/3 *concern/NN/dobj/1"
        " about/IN/prep/3 the/DT/det/6 way/NN/pobj/4 Lima/NNP/nsubj/9/@GPE had/VBD/aux/9/=have"
        " handled/VBN/relcl/6/=handle the/DT/det/11 dispute/NN/dobj/9 and/CC/cc/6 about/IN/prep/1"
        " the/DT/det/17 growing/VBG/amod/17/=grow trade/NN/compound/17 gap/NN/pobj/13 ././punct/1",
        "expressed concern over",
        "Ingrid Berg",
        "Ingrid Berg expressed deep concern about the way Lima had handled the dispute",
    ),
    (
        "Vidal/NNP/nsubj/1/@PERSON *says/VBZ/ROOT/1/=say there/EX/expl/3 were/VBD/ccomp/1/=be fears/NNS/attr/3/=fear"
        " they/PRP/nsubj/7 would/MD/aux/7 close/VB/acl/4 the/DT/det/9 border/NN/dobj/7 ././punct/1",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said there were fears they would close the border",
    ),
    (
        # the shortest version keeps one of two prepositional phrases, not neither
        "Berg/NNP/nsubj/1/@PERSON *says/VBZ/ROOT/1/=say there/EX/expl/3 were/VBD/ccomp/1/=be"
        " concerns/NNS/attr/3/=concern they/PRP/nsubj/7 would/MD/aux/7 attempt/VB/relcl/4 to/TO/aux/9"
        " remain/VB/xcomp/7 in/IN/prep/9 the/DT/det/13 northern/JJ/amod/13 provinces/NNS/pobj/10/=province"
        " of/IN/prep/13 Peru/NNP/pobj/14/@GPE or/CC/cc/10 in/IN/conj/10 the/DT/det/20 southern/JJ/amod/20"
        " provinces/NNS/pobj/17/=province of/IN/prep/20 Chile/NNP/pobj/21/@GPE after/IN/prep/9 the/DT/det/25"
        " contest/NN/pobj/23 ././punct/1",
        "said",
        "Ingrid Berg",
        "Ingrid Berg said there were concerns they would attempt to remain in the northern provinces",
    ),
    (
        # a noun as the complement clause: the parser hung the clause's verb under it, so it is kept whole
        "The/DT/det/1 ministry/NN/nsubj/2 withdrew/VBD/ROOT/2/=withdraw its/PRP$/poss/4 request/NN/dobj/2"
        " ,/,/punct/2 *saying/VBG/advcl/2/=say that/IN/mark/9 the/DT/det/9 reasons/NNS/ccomp/6/=reason"
        " which/WDT/nsubj/12 had/VBD/aux/12/=have prompted/VBN/relcl/9/=prompt it/PRP/dobj/12 to/TO/aux/15"
        " make/VB/xcomp/12 the/DT/det/17 request/NN/nsubj/18 were/VBD/ccomp/15/=be no/RB/neg/20"
        " longer/RBR/advmod/18/=long valid/JJ/acomp/18 ././punct/2",
        "said",
        "Chile",
        "Chile said the reasons which had prompted it to make the request were no longer valid",
    ),
    (
        # a reported clause that says "us" is quoted: it cannot be told in the third person
        "Vidal/NNP/nsubj/1/@PERSON cited/VBD/ROOT/1/=cite the/DT/det/4 old/JJ/amod/4 treaty/NN/dobj/1"
        " and/CC/cc/1 *said/VBD/conj/1/=say ,/,/punct/6 “/``/punct/6 They/PRP/nsubj/10 need/VBP/ccomp/6"
        " to/TO/aux/12 stand/VB/xcomp/10 by/IN/prep/12 us/PRP/pobj/13/=we ”/''/punct/12 ,/,/punct/10"
        " while/IN/mark/18 addressing/VBG/advcl/10/=address the/DT/det/20 press/NN/dobj/18 ././punct/1",
        "said",
        "Tomas Vidal",
        "Tomas Vidal said “They need to stand by us”",
    ),
    (
        # a saying the parse did not attach its quotation to: the quotation beside the verb is what was said
        "“/``/punct/2 We/PRP/nsubj/2 stand/VBP/ROOT/2 ready/JJ/oprd/2 ”/''/punct/3 *tweeted/VBN/amod/6/=tweet"
        " Vidal/NNP/dobj/2/@PERSON “/``/punct/9 to/TO/aux/9 send/VB/advcl/2 whatever/WDT/det/11 help/NN/dobj/13"
        " we/PRP/nsubj/13 can/MD/ccomp/9 to/IN/prep/9 the/DT/det/17 flooded/JJ/amod/17 towns/NNS/pobj/14/=town"
        " ././punct/2 ”/''/punct/2",
        "tweeted",
        "Tomas Vidal",
        "Tomas Vidal tweeted “We stand ready”",
    ),
]


@pytest.mark.parametrize("notation, summary, subject, expected", COMPLEMENTS_KEPT, ids=[c[3] for c in COMPLEMENTS_KEPT])
def test_a_cut_keeps_what_the_verb_needs(notation, summary, subject, expected):
    clause = clause_of(marked(parse(notation)), summary, {**NAMES, "she": "Ingrid Berg"})
    assert headline(subject, clause, None, fallback="unused") == expected


# A noun trigger whose verb's subject is a state or a titled person: that verb's clause is the act.
STATES_AND_TITLES = [
    (
        "The/DT/det/1 U.S./NNP/nsubj/3/@GPE is/VBZ/aux/3/=be preparing/VBG/ROOT/3/=prepare options/NNS/dobj/3/=option"
        " including/VBG/prep/4/=include possible/JJ/amod/7 *sanctions/NNS/pobj/5/=sanction against/IN/prep/7"
        " Peru/NNP/pobj/8/@GPE ././punct/3",
        "imposed sanctions on",
        {},
        "United States",
        "United States is preparing options including possible sanctions against Peru",
    ),
    (
        "Chile/NNP/nsubj/2/@GPE would/MD/aux/2 make/VB/ROOT/2 a/DT/det/5 formal/JJ/amod/5 *request/NN/dobj/2"
        " next/JJ/amod/7/@DATE week/NN/npadvmod/2/@DATE for/IN/prep/2 emergency/NN/compound/10 talks/NNS/pobj/8/=talk"
        " ././punct/2",
        "requested",
        {},
        "Chile",
        "Chile would make a formal request for emergency talks",
    ),
    (
        # a state's official with a national adjective
        "The/DT/det/3 Peruvian/JJ/amod/3/@NORP transport/NN/compound/3 ministry/NN/nsubj/4 announced/VBD/ROOT/4/=announce"
        " new/JJ/amod/6 *restrictions/NNS/dobj/4/=restriction on/IN/prep/6 flights/NNS/pobj/7/=flight to/IN/prep/8"
        " Chile/NNP/pobj/9/@GPE ././punct/4",
        "imposed restrictions on",
        {},
        "Peru",
        "Peru announced new restrictions on flights to Chile",
    ),
    (
        # a title with the person's name in apposition: the name is the actor's
        "The/DT/det/3 Chilean/JJ/amod/3/@NORP foreign/JJ/amod/3 minister/NN/nsubj/8 ,/,/punct/3"
        " Rosa/NNP/compound/6/@PERSON Vidal/NNP/appos/3/@PERSON ,/,/punct/3 joined/VBD/ROOT/8/=join the/DT/det/10"
        " *talks/NNS/dobj/8/=talk as/IN/prep/8 an/DT/det/13 observer/NN/pobj/11 ././punct/8",
        "held talks",
        {"Rosa Vidal": "Rosa Vidal"},
        "Rosa Vidal",
        "Rosa Vidal joined the talks",
    ),
]


@pytest.mark.parametrize(
    "notation, summary, names, subject, expected", STATES_AND_TITLES, ids=[c[4] for c in STATES_AND_TITLES]
)
def test_a_noun_triggers_verb_whose_subject_is_a_state_or_a_titled_person(notation, summary, names, subject, expected):
    clause = clause_of(marked(parse(notation)), summary, names)
    assert headline(subject, clause, None, fallback="unused") == expected


def test_a_stative_passive_is_its_subjects_act():
    # "members were agreed on ...": they agreed; the passive's subject is no object of the act
    from timeline.events.types import Participant

    doc = parse(
        "Andean/JJ/amod/1/@NORP members/NNS/nsubjpass/3/=member were/VBD/auxpass/3/=be *agreed/VBN/ROOT/3/=agree"
        " on/IN/prep/3 holding/VBG/pcomp/4/=hold quotas/NNS/dobj/5/=quota stable/JJ/oprd/5 ././punct/3"
    )
    clause = clause_of(marked(doc), "agreed", {"Andean members": "Andean Community"})
    members = [Participant("Andean Community", "organisation", "participant", None, surface="Andean members")]
    assert _summary("agree", members, clause) == "Andean Community agreed on holding quotas stable"


@pytest.mark.parametrize(
    "notation, summary, names, subject, expected",
    [
        (
            # a state's name inside the line keeps the article the sentence gave it
            "Vidal/NNP/nsubj/1/@PERSON *says/VBZ/ROOT/1/=say there/EX/expl/3 were/VBD/ccomp/1/=be"
            " fears/NNS/attr/3/=fear they/PRP/nsubj/7 would/MD/aux/7 remain/VB/acl/4 in/IN/prep/7"
            " the/DT/det/11/@GPE United/NNP/compound/11/@GPE States/NNP/pobj/8/@GPE ././punct/1",
            "said",
            {"Vidal": "Tomas Vidal", "the United States": "United States"},
            "Tomas Vidal",
            "Tomas Vidal said there were fears they would remain in the United States",
        ),
        (
            # a hyphenated word stays one word
            "Berg/NNP/nsubj/1/@PERSON *said/VBD/ROOT/1/=say Lima/NNP/nsubj/3/@GPE was/VBD/ccomp/1/=be"
            " willing/JJ/acomp/3 to/TO/aux/6 send/VB/xcomp/4 a/DT/det/11 high/JJ/amod/10 -/HYPH/punct/10"
            " level/NN/compound/11 envoy/NN/dobj/6 ././punct/1",
            "said",
            {"Berg": "Ingrid Berg"},
            "Ingrid Berg",
            "Ingrid Berg said Lima was willing to send a high-level envoy",
        ),
        (
            # no light verb: the shortest version may drop the object's preposition
            "Peru/NNP/nsubj/1/@GPE *negotiated/VBD/ROOT/1/=negotiate immunity/NN/dobj/1 from/IN/prep/2"
            " prosecution/NN/pobj/3 for/IN/prep/2 "
            + " ".join(f"word{i}/NN/conj/4" for i in range(6, 26))
            + " ././punct/1",
            "negotiated",
            {},
            "Peru",
            "Peru negotiated immunity",
        ),
        (
            # when it fits, a phrase keeps its phrase's own phrase: the flights' destination
            "Peru/NNP/nsubj/1/@GPE *announced/VBD/ROOT/1/=announce new/JJ/amod/3 restrictions/NNS/dobj/1/=restriction"
            " on/IN/prep/3 flights/NNS/pobj/4/=flight to/IN/prep/5 Chile/NNP/pobj/6/@GPE ././punct/1",
            "announced",
            {},
            "Peru",
            "Peru announced new restrictions on flights to Chile",
        ),
    ],
    ids=["the United States", "high-level", "negotiated immunity", "flights to Chile"],
)
def test_names_and_words_inside_the_line(notation, summary, names, subject, expected):
    assert headline(subject, clause_of(marked(parse(notation)), summary, names), None, fallback="x") == expected
