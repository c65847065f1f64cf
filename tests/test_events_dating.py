"""Dating rules on hand-built parses: which time expression dates a trigger
(and which rule found it), where the walk up from a trigger stops, the tense
of a clause, what an event-anchored date hangs on, and how `resolve_links`
dates one event from another. Invented sentences, published Friday 2023-09-15."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from conftest import marked, parse, sentence

from timeline.events.dating import (
    ANCHORS,
    BARRIERS,
    DATE_SOURCES,
    TENSES,
    DateAttacher,
    EventLink,
    anchor_clause,
    inside_quotation,
    resolve_links,
    tense_and_rule,
    tense_of_token,
    walk_up,
)
from timeline.events.rules import RuleSet
from timeline.temporal import TimeExpression

PUBLISHED = dt.date(2023, 9, 15)
SAYING = "date of the saying that reports it"
WHEN = "date of the when-clause"
GOVERNED = "date of the phrase it governs"
ADJUNCT = "date of its verb's adjunct"
RELATIVE = "date of its relative clause"


def _dated(notation: str):
    """(expression text, value, note, rule) for the marked trigger."""
    token = marked(parse(notation))
    (expr, note), rule = DateAttacher(token.doc, PUBLISHED).for_trigger_and_rule(token)
    return (expr.text, expr.value, note, rule) if expr else (None, None, None, rule)


# (expression, value, note, rule), notation
DATED = [
    # a summit scheduled for late June / the talks set for Monday / a meeting planned for next Tuesday
    (("late June", "2024-06", None, "own-schedule"), "A/DT/det/1 *summit/NN/nsubj/7 scheduled/VBN/acl/1/=schedule for/IN/prep/2 late/JJ/amod/5 June/NNP/pobj/3 will/MD/aux/7 open/VB/ROOT/7 in/IN/prep/7 Lima/NNP/pobj/8 ././punct/7"),
    (("Monday", "2023-09-18", None, "own-schedule"), "The/DT/det/1 *talks/NNS/nsubjpass/6/=talk set/VBN/acl/1 for/IN/prep/2 Monday/NNP/pobj/3 were/VBD/auxpass/6/=be moved/VBN/ROOT/6/=move to/IN/prep/6 Geneva/NNP/pobj/7 ././punct/6"),
    (("next Tuesday", "2023-09-19", None, "own-schedule"), "A/DT/det/1 *meeting/NN/nsubjpass/7 planned/VBN/acl/1/=plan for/IN/prep/2 next/JJ/amod/5 Tuesday/NNP/pobj/3 was/VBD/auxpass/7/=be cancelled/VBN/ROOT/7/=cancel ././punct/7"),
    # a relative clause telling when the event itself took place: "praised the
    # meeting that ended on Thursday", "on Friday praised the talks, which
    # concluded on Tuesday", "the summit with Peru, which is scheduled for
    # Monday" (hung by the parser on Peru), "a visit which was held last week"
    (("Thursday", "2023-09-14", RELATIVE, "own-relative-clause"), "The/DT/det/1 envoys/NNS/nsubj/2/=envoy praised/VBD/ROOT/2/=praise the/DT/det/4 *meeting/NN/dobj/2 that/WDT/nsubj/6 ended/VBD/relcl/4/=end on/IN/prep/6 Thursday/NNP/pobj/7 ././punct/2"),
    (("Tuesday", "2023-09-12", RELATIVE, "own-relative-clause"), "Mr/NNP/compound/1 Sato/NNP/nsubj/4 on/IN/prep/4 Friday/NNP/pobj/2 praised/VBD/ROOT/4/=praise the/DT/det/6 *talks/NNS/dobj/4/=talk ,/,/punct/6 which/WDT/nsubj/9 concluded/VBD/relcl/6/=conclude on/IN/prep/9 Tuesday/NNP/pobj/10 ././punct/4"),
    (("Monday", "2023-09-18", RELATIVE, "own-relative-clause"), "The/DT/det/1 *summit/NN/nsubj/12 with/IN/prep/1 Peru/NNP/pobj/2 ,/,/punct/3 which/WDT/nsubjpass/7 is/VBZ/auxpass/7/=be scheduled/VBN/relcl/3/=schedule for/IN/prep/7 Monday/NNP/pobj/8 ,/,/punct/3 will/MD/aux/12 discuss/VB/ROOT/12 trade/NN/dobj/12 ././punct/12"),
    (("last week", "2023-W36", RELATIVE, "own-relative-clause"), "Chile/NNP/nsubj/1 welcomed/VBD/ROOT/1/=welcome the/DT/det/3 *visit/NN/dobj/1 ,/,/punct/3 which/WDT/nsubjpass/7 was/VBD/auxpass/7/=be held/VBN/relcl/3/=hold last/JJ/amod/9 week/NN/npadvmod/7 ././punct/1"),
    # but not a clause of what the noun's preposition names doing something of its own:
    # "welcomed the talks with Peru, which opened its market on Monday"
    ((None, None, None, None), "Chile/NNP/nsubj/1 welcomed/VBD/ROOT/1/=welcome the/DT/det/3 *talks/NNS/dobj/1/=talk with/IN/prep/3 Peru/NNP/pobj/4 ,/,/punct/5 which/WDT/nsubj/8 opened/VBD/relcl/5/=open its/PRP$/poss/10 market/NN/dobj/8 on/IN/prep/8 Monday/NNP/pobj/11 ././punct/1"),
    # met on Friday / calling Mr Obi a traitor inside "this week condemned" / a spokesman said on Tuesday
    (("Friday", "2023-09-15", None, "on-the-way-up"), "The/DT/det/1 envoys/NNS/nsubj/2/=envoy *met/VBD/ROOT/2/=meet on/IN/prep/2 Friday/NNP/pobj/3 ././punct/2"),
    (("this week", "2023-W37", None, "on-the-way-up"), "The/DT/det/1 council/NN/nsubj/4 this/DT/det/3 week/NN/npadvmod/4 condemned/VBD/ROOT/4/=condemn the/DT/det/6 premier/NN/dobj/4 ,/,/punct/4 *calling/VBG/advcl/4/=call Mr/NNP/compound/10 Obi/NNP/dobj/8 a/DT/det/12 traitor/NN/oprd/8 ././punct/4"),
    (("Tuesday", "2023-09-12", SAYING, "on-the-way-up"), "Quito/NNP/nsubj/4 and/CC/cc/0 Lima/NNP/conj/0 have/VBP/aux/4 *agreed/VBN/ccomp/10/=agree to/IN/prep/4 talks/NNS/pobj/5/=talk ,/,/punct/10 a/DT/det/9 spokesman/NN/nsubj/10 said/VBD/ROOT/10/=say on/IN/prep/10 Tuesday/NNP/pobj/11 ././punct/10"),
    (("Tuesday", "2023-09-12", SAYING, "on-the-way-up"), "Quito/NNP/nsubj/4 and/CC/cc/0 Lima/NNP/conj/0 have/VBP/aux/4 *agreed/VBN/ccomp/10/=agree to/IN/prep/4 talks/NNS/pobj/5/=talk ,/,/punct/10 a/DT/det/9 spokesman/NN/nsubj/10 confirmed/VBD/ROOT/10/=confirm on/IN/prep/10 Tuesday/NNP/pobj/11 ././punct/10"),
    # a sentence-initial day the parser makes part of the subject's name dates the verb:
    # "Yesterday Ms Berg phoned Mr Vidal", "Tuesday Chile recalled its envoy"
    (("Yesterday", "2023-09-14", None, "on-the-way-up"), "Yesterday/NN/compound/2/@DATE Ms/NNP/compound/2/@PERSON Berg/NNP/nsubj/3/@PERSON *phoned/VBD/ROOT/3/=phone Mr/NNP/compound/5 Vidal/NNP/dobj/3/@PERSON ././punct/3"),
    (("Tuesday", "2023-09-12", None, "on-the-way-up"), "Tuesday/NNP/compound/1/@DATE Chile/NNP/nsubj/2/@GPE *recalled/VBD/ROOT/2/=recall its/PRP$/poss/4 envoy/NN/dobj/2 ././punct/2"),
    (("Yesterday", "2023-09-14", None, "on-the-way-up"), "Yesterday/NN/nmod/2/@DATE the/DT/det/2 envoys/NNS/nsubj/3/=envoy *met/VBD/ROOT/3/=meet in/IN/prep/3 Lima/NNP/pobj/4/@GPE ././punct/3"),
    # "where" clauses share the time of the clause they hang on: a stopover in Tunis, where she met the envoy
    (("Monday", "2023-09-11", None, "on-the-way-up"), "She/PRP/nsubj/1 flew/VBD/ROOT/1/=fly to/IN/prep/1 Oslo/NNP/pobj/2 on/IN/prep/1 Monday/NNP/pobj/4 after/IN/prep/1 a/DT/det/8 stopover/NN/pobj/6 in/IN/prep/8 Tunis/NNP/pobj/9 ,/,/punct/10 where/WRB:SCONJ/advmod/14 she/PRP/nsubj/14 *met/VBD/relcl/10/=meet the/DT/det/16 envoy/NN/dobj/14 ././punct/1"),
    (("Friday", "2023-09-15", None, "on-the-way-up"), "He/PRP/nsubj/1 arrived/VBD/ROOT/1/=arrive in/IN/prep/1 Rome/NNP/pobj/2 on/IN/prep/1 Friday/NNP/pobj/4 after/IN/prep/1 a/DT/det/8 stop/NN/pobj/6 in/IN/prep/8 Bern/NNP/pobj/9 ,/,/punct/10 where/WRB:SCONJ/advmod/14 he/PRP/nsubj/14 *met/VBD/relcl/10/=meet the/DT/det/16 president/NN/dobj/14 ././punct/1"),
    (("Sunday", "2023-09-10", None, "on-the-way-up"), "They/PRP/nsubj/1 reached/VBD/ROOT/1/=reach Lima/NNP/dobj/1 on/IN/prep/1 Sunday/NNP/pobj/3 after/IN/prep/1 a/DT/det/7 night/NN/pobj/5 in/IN/prep/7 Quito/NNP/pobj/8 ,/,/punct/9 where/WRB:SCONJ/advmod/13 they/PRP/nsubj/13 *held/VBD/relcl/9/=hold talks/NNS/dobj/13/=talk ././punct/1"),
    # a portion noun hands its date to what it hangs on: "the rest of next week", "the end of last week"
    (("next week", "2023-W38", None, "on-the-way-up"), "The/DT/det/1 envoys/NNS/nsubj/3/=envoy will/MD/aux/3 *stay/VB/ROOT/3 for/IN/prep/3 the/DT/det/6 rest/NN/pobj/4 of/IN/prep/6 next/JJ/amod/9 week/NN/pobj/7 ././punct/3"),
    (("the end of last week", "2023-W36", None, "on-the-way-up"), "The/DT/det/1 ministers/NNS/nsubj/2/=minister *met/VBD/ROOT/2/=meet at/IN/prep/2 the/DT/det/5 end/NN/pobj/3 of/IN/prep/5 last/JJ/amod/8 week/NN/pobj/6 ././punct/2"),
    # when the ministers met on March 30 / as the envoys arrived on Sunday / while the premier was in Oslo on Friday
    (("March 30", "2023-03-30", WHEN, "when-clause"), "When/WRB:SCONJ/advmod/3 the/DT/det/2 ministers/NNS/nsubj/3/=minister met/VBD/advcl/10/=meet on/IN/prep/3 March/NNP/pobj/4 30/CD/nummod/5 ,/,/punct/10 the/DT/det/9 leaders/NNS/nsubj/10/=leader *criticised/VBD/ROOT/10/=criticise the/DT/det/12 plan/NN/dobj/10 ././punct/10"),
    (("Sunday", "2023-09-10", WHEN, "when-clause"), "As/IN/mark/3 the/DT/det/2 envoys/NNS/nsubj/3/=envoy arrived/VBD/advcl/9/=arrive on/IN/prep/3 Sunday/NNP/pobj/4 ,/,/punct/9 the/DT/det/8 king/NN/nsubj/9 *received/VBD/ROOT/9/=receive them/PRP/dobj/9/=they ././punct/9"),
    # the parser hangs "while addressing ..." on the quotation; it is the saying's occasion
    (("yesterday", "2023-09-14", WHEN, "when-clause"), "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *said/VBD/ROOT/2/=say ,/,/punct/2 “/``/punct/2 We/PRP/nsubj/7 will/MD/aux/7 help/VB/ccomp/2 ”/''/punct/7 ,/,/punct/7 while/IN/mark/11 addressing/VBG/advcl/7/=address reporters/NNS/dobj/11/=reporter yesterday/NN/npadvmod/11/@DATE ././punct/2"),
    (("Monday", "2023-09-11", WHEN, "when-clause"), "Mr/NNP/compound/1/@PERSON Vidal/NNP/nsubj/2/@PERSON *told/VBD/ROOT/2/=tell reporters/NNS/dobj/2/=reporter Chile/NNP/nsubj/6/@GPE would/MD/aux/6 act/VB/ccomp/2 as/IN/mark/9 he/PRP/nsubj/9 spoke/VBD/advcl/6/=speak in/IN/prep/9 Lima/NNP/pobj/10/@GPE on/IN/prep/9 Monday/NNP/pobj/12/@DATE ././punct/2"),
    (("Friday", "2023-09-15", WHEN, "when-clause"), "While/IN/mark/3 the/DT/det/2 premier/NN/nsubj/3 was/VBD/advcl/10/=be in/IN/prep/3 Oslo/NNP/pobj/4 on/IN/prep/3 Friday/NNP/pobj/6 ,/,/punct/10 she/PRP/nsubj/10 *signed/VBD/ROOT/10/=sign the/DT/det/12 accord/NN/dobj/10 ././punct/10"),
    # suggested a ceasefire during a meeting on Friday / suggested creating a fund on Friday / proposed holding talks on Monday
    (("Friday", "2023-09-15", GOVERNED, "governed-phrase"), "The/DT/det/1 premier/NN/nsubj/2 *suggested/VBD/ROOT/2/=suggest a/DT/det/4 ceasefire/NN/dobj/2 during/IN/prep/2 a/DT/det/7 meeting/NN/pobj/5 on/IN/prep/7 Friday/NNP/pobj/8 ././punct/2"),
    (("Friday", "2023-09-15", GOVERNED, "governed-phrase"), "Mr/NNP/compound/1 Sato/NNP/nsubj/2 *suggested/VBD/ROOT/2/=suggest creating/VBG/xcomp/2/=create a/DT/det/5 fund/NN/dobj/3 on/IN/prep/3 Friday/NNP/pobj/6 ././punct/2"),
    (("Monday", "2023-09-11", GOVERNED, "governed-phrase"), "The/DT/det/1 king/NN/nsubj/2 *proposed/VBD/ROOT/2/=propose holding/VBG/xcomp/2/=hold talks/NNS/dobj/3/=talk on/IN/prep/3 Monday/NNP/pobj/5 ././punct/2"),
    # the occasion of a saying is the saying's: "Mr Lind, speaking to parliament on Monday, said"
    (("Monday", "2023-09-11", GOVERNED, "governed-phrase"), "Mr/NNP/compound/1 Lind/NNP/nsubj/9 ,/,/punct/1 speaking/VBG/acl/1/=speak to/IN/prep/3 parliament/NN/pobj/4 on/IN/prep/3 Monday/NNP/pobj/6 ,/,/punct/1 *said/VBD/ROOT/9/=say the/DT/det/11 talks/NNS/nsubj/12/=talk failed/VBD/ccomp/9/=fail ././punct/9"),
    # but the subject's own phrase is not: "Mr Lind, due in Oslo on Monday, told ..."
    ((None, None, None, None), "Mr/NNP/compound/1 Lind/NNP/nsubj/9 ,/,/punct/1 due/JJ/amod/1 in/IN/prep/3 Oslo/NNP/pobj/4 on/IN/prep/3 Monday/NNP/pobj/6 ,/,/punct/1 *told/VBD/ROOT/9/=tell reporters/NNS/dobj/9/=reporter the/DT/det/12 talks/NNS/nsubj/13/=talk failed/VBD/ccomp/9/=fail ././punct/9"),
    # the agreement was reached during a visit to Rome last week / the bargaining will have to wait until May
    (("last week", "2023-W36", ADJUNCT, "verb-adjunct"), "The/DT/det/1 *agreement/NN/nsubjpass/3 was/VBD/auxpass/3/=be reached/VBN/ROOT/3/=reach during/IN/prep/3 a/DT/det/6 visit/NN/pobj/4 to/IN/prep/6 Rome/NNP/pobj/7 last/JJ/amod/10 week/NN/npadvmod/6 ././punct/3"),
    (("last Tuesday", "2023-09-12", ADJUNCT, "verb-adjunct"), "The/DT/det/1 *accord/NN/nsubjpass/3 was/VBD/auxpass/3/=be signed/VBN/ROOT/3/=sign during/IN/prep/3 a/DT/det/6 ceremony/NN/pobj/4 in/IN/prep/6 Lima/NNP/pobj/7 last/JJ/amod/10 Tuesday/NNP/npadvmod/6 ././punct/3"),
    (("Thursday", "2023-09-14", ADJUNCT, "verb-adjunct"), "The/DT/det/1 *treaty/NN/nsubjpass/3 was/VBD/auxpass/3/=be ratified/VBN/ROOT/3/=ratify after/IN/prep/3 a/DT/det/6 debate/NN/pobj/4 on/IN/prep/6 Thursday/NNP/pobj/7 ././punct/3"),
    (("May", "2023-05", ADJUNCT, "verb-adjunct"), "The/DT/det/1 *bargaining/NN/nsubj/3 will/MD/aux/3 have/VB/ROOT/3 to/TO/aux/5 wait/VB/xcomp/3 until/IN/prep/5 May/NNP/pobj/6 ././punct/3"),
    (("June", "2023-06", ADJUNCT, "verb-adjunct"), "The/DT/det/1 *dispute/NN/nsubj/3 will/MD/aux/3 have/VB/ROOT/3 to/TO/aux/5 wait/VB/xcomp/3 until/IN/prep/5 June/NNP/pobj/6 ././punct/3"),
    # the step right before or after the act shares its day (a gerund after
    # "before", "after", "upon", "on"): "repeated the threat before leaving Oslo
    # yesterday", "signed the accord after arriving in Quito on Monday",
    # "Before flying home on Tuesday, the premier held talks with the king"
    (("yesterday", "2023-09-14", ADJUNCT, "verb-adjunct"), "The/DT/det/2 British/JJ/amod/2 minister/NN/nsubj/3 repeated/VBD/ROOT/3/=repeat the/DT/det/5 *threat/NN/dobj/3 before/IN/prep/3 leaving/VBG/pcomp/6/=leave Oslo/NNP/dobj/7 yesterday/NN/npadvmod/7 ././punct/3"),
    (("Monday", "2023-09-11", GOVERNED, "governed-phrase"), "Peru/NNP/nsubj/1 *signed/VBD/ROOT/1/=sign the/DT/det/3 accord/NN/dobj/1 after/IN/prep/1 arriving/VBG/pcomp/4/=arrive in/IN/prep/5 Quito/NNP/pobj/6 on/IN/prep/5 Monday/NNP/pobj/8 ././punct/1"),
    (("Tuesday", "2023-09-12", ADJUNCT, "verb-adjunct"), "Before/IN/prep/9 flying/VBG/pcomp/0/=fly home/RB/advmod/1 on/IN/prep/1 Tuesday/NNP/pobj/3 ,/,/punct/9 the/DT/det/8 Greek/JJ/amod/8 premier/NN/nsubj/9 held/VBD/ROOT/9/=hold *talks/NNS/dobj/9/=talk with/IN/prep/10 the/DT/det/13 king/NN/pobj/11 ././punct/9"),
    # ... but not across an interval, which is an anchored date: "met the king
    # two days before leaving Oslo on Friday"
    (("two days before", None, None, "on-the-way-up"), "The/DT/det/1 envoys/NNS/nsubj/2/=envoy *met/VBD/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 two/CD/nummod/6 days/NNS/npadvmod/7/=day before/IN/prep/2 leaving/VBG/pcomp/7/=leave Oslo/NNP/dobj/8 on/IN/prep/8 Friday/NNP/pobj/10 ././punct/2"),
    # an anchor clause keeps its own time, even when the parser hangs the
    # anchored phrase on it: "the day after the envoys met the king on Monday, they signed a pact"
    (("Monday", "2023-09-11", None, "on-the-way-up"), "The/DT/det/1 day/NN/npadvmod/5 after/IN:SCONJ/mark/5 the/DT/det/4 envoys/NNS/nsubj/5/=envoy *met/VBD/ccomp/12/=meet the/DT/det/7 king/NN/dobj/5 on/IN/prep/5 Monday/NNP/pobj/8 ,/,/punct/12 they/PRP/nsubj/12 signed/VBD/ROOT/12/=sign a/DT/det/14 pact/NN/dobj/12 ././punct/12"),
    (("Tuesday", "2023-09-12", None, "on-the-way-up"), "Two/CD/nummod/1 days/NNS/npadvmod/6 after/IN:SCONJ/mark/6 the/DT/det/4 premier/NN/nsubj/6 had/VBD/aux/6/=have *visited/VBN/ccomp/11/=visit Lima/NNP/dobj/6 on/IN/prep/6 Tuesday/NNP/pobj/8 ,/,/punct/11 she/PRP/nsubj/11 flew/VBD/ROOT/11/=fly home/RB/advmod/11 ././punct/11"),
    # and leaves the rest to the link, rather than borrow the main clause's day:
    # "the envoys met on Friday, two days after speaking with the king by phone"
    ((None, None, None, None), "The/DT/det/1 envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet on/IN/prep/2 Friday/NNP/pobj/3 ,/,/punct/2 two/CD/nummod/7 days/NNS/npadvmod/8/=day after/IN/prep/2 *speaking/VBG/pcomp/8/=speak with/IN/prep/9 the/DT/det/12 king/NN/pobj/10 ././punct/2"),
]  # fmt: skip


@pytest.mark.parametrize(("expected", "notation"), DATED, ids=[sentence(n) for _, n in DATED])
def test_the_expression_that_dates_a_trigger_and_the_rule_that_found_it(expected, notation):
    assert _dated(notation) == expected


# barrier, notation: the walk up stops there, and the trigger stays undated
STOPPED = [
    # the envoy who met the minister flew home on Friday
    ("relative-clause", "The/DT/det/1 envoy/NN/nsubj/6 who/WP/nsubj/3 *met/VBD/relcl/1/=meet the/DT/det/5 minister/NN/dobj/3 flew/VBD/ROOT/6/=fly home/RB/advmod/6 on/IN/prep/6 Friday/NNP/pobj/8 ././punct/6"),
    ("relative-clause", "The/DT/det/1 diplomat/NN/nsubj/5 who/WP/nsubj/3 *visited/VBD/relcl/1/=visit Hanoi/NNP/dobj/3 returned/VBD/ROOT/5/=return on/IN/prep/5 Monday/NNP/pobj/6 ././punct/5"),
    ("relative-clause", "Ministers/NNS/nsubj/5/=minister who/WP/nsubj/2 *signed/VBD/relcl/0/=sign the/DT/det/4 pact/NN/dobj/2 left/VBD/ROOT/5/=leave on/IN/prep/5 Sunday/NNP/pobj/6 ././punct/5"),
    # on Tuesday the premier will travel to Rome for talks
    ("purpose-of-a-journey", "On/IN/prep/5 Tuesday/NNP/pobj/0 the/DT/det/3 premier/NN/nsubj/5 will/MD/aux/5 travel/VB/ROOT/5 to/IN/prep/5 Rome/NNP/pobj/6 for/IN/prep/5 *talks/NNS/pobj/8/=talk with/IN/prep/9 the/DT/det/12 king/NN/pobj/10 ././punct/5"),
    ("purpose-of-a-journey", "On/IN/prep/4 Monday/NNP/pobj/0 the/DT/det/3 envoy/NN/nsubj/4 flew/VBD/ROOT/4/=fly to/IN/prep/4 Oslo/NNP/pobj/5 for/IN/prep/4 *talks/NNS/pobj/7/=talk ././punct/4"),
    ("purpose-of-a-journey", "The/DT/det/1 king/NN/nsubj/2 leaves/VBZ/ROOT/2/=leave for/IN/prep/2 Paris/NNP/pobj/3 on/IN/prep/2 Friday/NNP/pobj/5 for/IN/prep/2 a/DT/det/9 *summit/NN/pobj/7 ././punct/2"),
    # the envoy leaves on Tuesday, and they will meet the king
    ("clause-with-its-own-subject", "The/DT/det/1 envoy/NN/nsubj/2 leaves/VBZ/ROOT/2/=leave on/IN/prep/2 Tuesday/NNP/pobj/3 ,/,/punct/2 and/CC/cc/2 they/PRP/nsubj/9 will/MD/aux/9 *meet/VB/conj/2 the/DT/det/11 king/NN/dobj/9 ././punct/9"),
    ("clause-with-its-own-subject", "The/DT/det/1 premier/NN/nsubj/2 departed/VBD/ROOT/2/=depart on/IN/prep/2 Sunday/NNP/pobj/3 ,/,/punct/2 and/CC/cc/2 the/DT/det/9 two/CD/nummod/9 envoys/NNS/nsubj/10/=envoy *signed/VBD/conj/2/=sign the/DT/det/12 pact/NN/dobj/10 ././punct/2"),
    ("clause-with-its-own-subject", "The/DT/det/1 talks/NNS/nsubj/2/=talk began/VBD/ROOT/2/=begin on/IN/prep/2 Monday/NNP/pobj/3 ,/,/punct/2 but/CC/cc/2 the/DT/det/8 ministers/NNS/nsubj/9/=minister *left/VBD/conj/2/=leave early/RB/advmod/9 ././punct/9"),
    # the minister said on Monday that the talks ended
    ("reported-act", "The/DT/det/1 minister/NN/nsubj/2 said/VBD/ROOT/2/=say on/IN/prep/2 Monday/NNP/pobj/3 that/IN/mark/8 the/DT/det/7 *talks/NNS/nsubj/8/=talk ended/VBD/ccomp/2/=end ././punct/2"),
    ("reported-act", "The/DT/det/1 envoy/NN/nsubj/2 said/VBD/ROOT/2/=say on/IN/prep/2 Friday/NNP/pobj/3 that/IN/mark/8 the/DT/det/7 *summit/NN/nsubj/8 ended/VBD/ccomp/2/=end ././punct/2"),
    ("reported-act", "A/DT/det/1 spokesman/NN/nsubj/2 said/VBD/ROOT/2/=say on/IN/prep/2 Sunday/NNP/pobj/3 that/IN/mark/9 the/DT/det/7 *visit/NN/nsubjpass/9 was/VBD/auxpass/9/=be cancelled/VBN/ccomp/2/=cancel ././punct/2"),
]  # fmt: skip


def _barrier(token) -> str | None:
    """The barrier that ended the walk up from `token` (None: the root did)."""
    *_, top = walk_up(token)
    return BARRIERS.first(top, token)[1]


@pytest.mark.parametrize(("barrier", "notation"), STOPPED, ids=[sentence(n) for _, n in STOPPED])
def test_the_walk_up_stops_at_a_barrier_and_leaves_the_trigger_undated(barrier, notation):
    assert _barrier(marked(parse(notation))) == barrier
    assert _dated(notation) == (None, None, None, None)


# tense, rule, notation (the marked token's clause)
TENSE_CASES = [
    # will meet on Friday / shall go to Oslo on Tuesday / 'll sign the pact on Monday
    ("future", "future-tense", "The/DT/det/1 envoys/NNS/nsubj/3/=envoy will/MD/aux/3 *meet/VB/ROOT/3 on/IN/prep/3 Friday/NNP/pobj/4 ././punct/3"),
    ("future", "future-tense", "The/DT/det/1 king/NN/nsubj/3 shall/MD/aux/3 *go/VB/ROOT/3 to/IN/prep/3 Oslo/NNP/pobj/4 on/IN/prep/3 Tuesday/NNP/pobj/6 ././punct/3"),
    ("future", "future-tense", "They/PRP/nsubj/2 'll/MD/aux/2/=will *sign/VB/ROOT/2 the/DT/det/4 pact/NN/dobj/2 on/IN/prep/2 Monday/NNP/pobj/5 ././punct/2"),
    # a summit scheduled for late June / the talks set for Monday / a visit planned for next week
    ("future", "scheduled-participle", "A/DT/det/1 summit/NN/nsubj/7 *scheduled/VBN/acl/1/=schedule for/IN/prep/2 late/JJ/amod/5 June/NNP/pobj/3 will/MD/aux/7 open/VB/ROOT/7 in/IN/prep/7 Lima/NNP/pobj/8 ././punct/7"),
    ("future", "scheduled-participle", "The/DT/det/1 talks/NNS/nsubjpass/6/=talk *set/VBN/acl/1 for/IN/prep/2 Monday/NNP/pobj/3 were/VBD/auxpass/6/=be moved/VBN/ROOT/6/=move to/IN/prep/6 Geneva/NNP/pobj/7 ././punct/6"),
    ("future", "scheduled-participle", "A/DT/det/1 visit/NN/nsubjpass/7 *planned/VBN/acl/1/=plan for/IN/prep/2 next/JJ/amod/5 week/NN/pobj/3 was/VBD/auxpass/7/=be announced/VBN/ROOT/7/=announce ././punct/7"),
    # is to arrive on Sunday / is due to visit Rome on Sunday / plan to leave on Monday
    ("future", "infinitive-to-come", "The/DT/det/1 king/NN/nsubj/2 is/VBZ/ROOT/2/=be to/TO/aux/4 *arrive/VB/xcomp/2 on/IN/prep/4 Sunday/NNP/pobj/5 ././punct/2"),
    ("future", "infinitive-to-come", "The/DT/det/1 premier/NN/nsubj/2 is/VBZ/ROOT/2/=be due/JJ/acomp/2 to/TO/aux/5 *visit/VB/xcomp/3 Rome/NNP/dobj/5 on/IN/prep/5 Sunday/NNP/pobj/7 ././punct/2"),
    ("future", "infinitive-to-come", "The/DT/det/1 envoys/NNS/nsubj/2/=envoy plan/VBP/ROOT/2 to/TO/aux/4 *leave/VB/xcomp/2 on/IN/prep/4 Monday/NNP/pobj/5 ././punct/2"),
    ("future", "infinitive-to-come", "The/DT/det/1 envoys/NNS/nsubj/2/=envoy are/VBP/ROOT/2/=be due/JJ/acomp/2 to/TO/aux/5 *sign/VB/xcomp/3 on/IN/prep/5 Monday/NNP/pobj/6 ././punct/2"),
    # a schedule told in the past still points ahead: was due to meet on Saturday / were expected to sign on Monday
    ("future", "schedule-told-in-the-past", "The/DT/det/1 premier/NN/nsubj/2 was/VBD/ROOT/2/=be due/JJ/acomp/2 to/TO/aux/5 *meet/VB/xcomp/3 Mr/NNP/compound/7 Vidal/NNP/dobj/5 on/IN/prep/5 Saturday/NNP/pobj/8 ././punct/2"),
    ("future", "schedule-told-in-the-past", "The/DT/det/1 envoys/NNS/nsubjpass/3/=envoy were/VBD/auxpass/3/=be expected/VBN/ROOT/3/=expect to/TO/aux/5 *sign/VB/xcomp/3 on/IN/prep/5 Monday/NNP/pobj/6 ././punct/3"),
    # said he would leave on Monday / said the envoy would travel on Sunday
    ("future", "future-in-the-past", "He/PRP/nsubj/1 said/VBD/ROOT/1/=say he/PRP/nsubj/4 would/MD/aux/4 *leave/VB/ccomp/1 on/IN/prep/4 Monday/NNP/pobj/5 ././punct/1"),
    ("future", "future-in-the-past", "The/DT/det/1 ministry/NN/nsubj/2 said/VBD/ROOT/2/=say the/DT/det/4 envoy/NN/nsubj/6 would/MD/aux/6 *travel/VB/ccomp/2 on/IN/prep/6 Sunday/NNP/pobj/7 ././punct/2"),
    ("future", "future-in-the-past", "She/PRP/nsubj/1 said/VBD/ROOT/1/=say they/PRP/nsubj/4 would/MD/aux/4 *sign/VB/ccomp/1 it/PRP/dobj/4 on/IN/prep/4 Friday/NNP/pobj/6 ././punct/1"),
    # met on Friday / did not meet on Friday / have met on Friday
    ("past", "past", "The/DT/det/1 envoys/NNS/nsubj/2/=envoy *met/VBD/ROOT/2/=meet on/IN/prep/2 Friday/NNP/pobj/3 ././punct/2"),
    ("past", "past", "The/DT/det/1 envoys/NNS/nsubj/4/=envoy did/VBD/aux/4/=do not/RB/neg/4 *meet/VB/ROOT/4 on/IN/prep/4 Friday/NNP/pobj/5 ././punct/4"),
    ("past", "past", "The/DT/det/1 envoys/NNS/nsubj/3/=envoy have/VBP/aux/3 *met/VBN/ROOT/3/=meet on/IN/prep/3 Friday/NNP/pobj/4 ././punct/3"),
    # a treaty signed in Lima / an accord reached on Tuesday / the talks held on Monday
    ("past", "bare-participle", "A/DT/det/1 treaty/NN/nsubjpass/6 *signed/VBN/acl/1/=sign in/IN/prep/2 Lima/NNP/pobj/3 was/VBD/auxpass/6/=be published/VBN/ROOT/6/=publish ././punct/6"),
    ("past", "bare-participle", "An/DT/det/1 accord/NN/nsubjpass/6 *reached/VBN/acl/1/=reach on/IN/prep/2 Tuesday/NNP/pobj/3 was/VBD/auxpass/6/=be welcomed/VBN/ROOT/6/=welcome ././punct/6"),
    ("past", "bare-participle", "The/DT/det/1 talks/NNS/nsubj/5/=talk *held/VBN/acl/1/=hold on/IN/prep/2 Monday/NNP/pobj/3 ended/VBD/ROOT/5/=end early/RB/advmod/5 ././punct/5"),
    # are expected to sign on Monday / is scheduled to arrive on Sunday / is set to visit Rome on Friday
    ("future", "be-to", "The/DT/det/1 envoys/NNS/nsubjpass/3/=envoy are/VBP/auxpass/3/=be *expected/VBN/ROOT/3/=expect to/TO/aux/5 sign/VB/xcomp/3 on/IN/prep/5 Monday/NNP/pobj/6 ././punct/3"),
    ("future", "be-to", "The/DT/det/1 king/NN/nsubjpass/3 is/VBZ/auxpass/3/=be *scheduled/VBN/ROOT/3/=schedule to/TO/aux/5 arrive/VB/xcomp/3 on/IN/prep/5 Sunday/NNP/pobj/6 ././punct/3"),
    ("future", "be-to", "The/DT/det/1 premier/NN/nsubjpass/3 is/VBZ/auxpass/3/=be *set/VBN/ROOT/3 to/TO/aux/5 visit/VB/xcomp/3 Rome/NNP/dobj/5 on/IN/prep/5 Friday/NNP/pobj/7 ././punct/3"),
    # meets the king on Friday / are meeting on Friday / hold talks every Monday
    ("present", "present", "The/DT/det/1 envoy/NN/nsubj/2 *meets/VBZ/ROOT/2/=meet the/DT/det/4 king/NN/dobj/2 on/IN/prep/2 Friday/NNP/pobj/5 ././punct/2"),
    ("present", "present", "The/DT/det/1 envoys/NNS/nsubj/3/=envoy are/VBP/aux/3/=be *meeting/VBG/ROOT/3/=meet on/IN/prep/3 Friday/NNP/pobj/4 ././punct/3"),
    ("present", "present", "They/PRP/nsubj/1 *hold/VBP/ROOT/1 talks/NNS/dobj/1/=talk every/DT/det/4 Monday/NNP/npadvmod/1 ././punct/1"),
]  # fmt: skip


@pytest.mark.parametrize(("tense", "rule", "notation"), TENSE_CASES, ids=[sentence(n) for *_, n in TENSE_CASES])
def test_the_tense_of_a_clause_and_the_rule_that_found_it(tense, rule, notation):
    token = marked(parse(notation))
    assert tense_and_rule(token) == (tense, rule)
    assert tense_of_token(token) == tense


def test_a_clause_without_a_verb_near_has_no_tense():
    doc = parse("*Talks/NNS/ROOT/0/=talk in/IN/prep/0 Oslo/NNP/pobj/1 ././punct/0")
    assert tense_and_rule(marked(doc)) == (None, None)


# anchor word, rule, notation (the relation word marked)
ANCHORED = [
    # two days after the envoys met in Oslo / a day before the ministers signed / three hours after she landed
    ("met", "subordinate-clause", "The/DT/det/1 premiers/NNS/nsubj/2/=premier met/VBD/ROOT/2/=meet in/IN/prep/2 Bern/NNP/pobj/3 two/CD/nummod/6 days/NNS/npadvmod/10/=day *after/IN/mark/10 the/DT/det/9 envoys/NNS/nsubj/10/=envoy met/VBD/advcl/2/=meet in/IN/prep/10 Oslo/NNP/pobj/11 ././punct/2"),
    ("signed", "subordinate-clause", "The/DT/det/1 king/NN/nsubj/2 arrived/VBD/ROOT/2/=arrive a/DT/det/4 day/NN/npadvmod/2 *before/IN/mark/8 the/DT/det/7 ministers/NNS/nsubj/8/=minister signed/VBD/advcl/2/=sign the/DT/det/10 pact/NN/dobj/8 ././punct/2"),
    ("landed", "subordinate-clause", "They/PRP/nsubj/1 spoke/VBD/ROOT/1/=speak three/CD/nummod/3 hours/NNS/npadvmod/6/=hour *after/IN/mark/6 she/PRP/nsubj/6 landed/VBD/advcl/1/=land in/IN/prep/6 Lima/NNP/pobj/7 ././punct/1"),
    # a week after the summit / the day before meeting Mr Sato / a month after the election
    ("summit", "relation-object", "The/DT/det/1 envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet a/DT/det/4 week/NN/npadvmod/5 *after/IN/prep/2 the/DT/det/7 summit/NN/pobj/5 ././punct/2"),
    ("meeting", "relation-object", "The/DT/det/1 king/NN/nsubj/2 left/VBD/ROOT/2/=leave the/DT/det/4 day/NN/dobj/2 *before/IN/prep/2 meeting/VBG/pcomp/5/=meet Mr/NNP/compound/8 Sato/NNP/dobj/6 ././punct/2"),
    ("election", "relation-object", "The/DT/det/1 talks/NNS/nsubj/2/=talk resumed/VBD/ROOT/2/=resume a/DT/det/4 month/NN/npadvmod/5 *after/IN/prep/2 the/DT/det/7 election/NN/pobj/5 ././punct/2"),
    # three days after Ms Ruiz met the envoys, with "after" hung on "met"
    ("met", "misattached-clause", "Three/CD/nummod/1 days/NNS/npadvmod/2/=day *after/IN/prep/5 Ms/NNP/compound/4 Ruiz/NNP/nsubj/5 met/VBD/advcl/12/=meet the/DT/det/7 envoys/NNS/dobj/5/=envoy ,/,/punct/12 the/DT/det/10 treaty/NN/nsubjpass/12 was/VBD/auxpass/12/=be signed/VBN/ROOT/12/=sign ././punct/12"),
    ("arrived", "misattached-clause", "A/DT/det/1 week/NN/npadvmod/2 *before/IN/prep/4 Mr/NNP/nsubj/4 arrived/VBD/advcl/8/=arrive ,/,/punct/8 the/DT/det/7 talks/NNS/nsubj/8/=talk ended/VBD/ROOT/8/=end ././punct/8"),
    ("signed", "misattached-clause", "Hours/NNS/npadvmod/1/=hour *after/IN/prep/3 Lima/NNP/nsubj/3 signed/VBD/advcl/7/=sign ,/,/punct/7 Quito/NNP/nsubj/7 protested/VBD/ROOT/7/=protest ././punct/7"),
]  # fmt: skip


@pytest.mark.parametrize(("anchor", "rule", "notation"), ANCHORED, ids=[sentence(n) for *_, n in ANCHORED])
def test_what_an_event_anchored_date_hangs_on(anchor, rule, notation):
    relation = marked(parse(notation))
    found, name = ANCHORS.first(relation)
    assert (found.text, name) == (anchor, rule)
    assert anchor_clause(relation).text == anchor


def test_only_after_before_and_prior_anchor_on_a_clause():
    doc = parse(
        "The/DT/det/1 envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet a/DT/det/4 week/NN/npadvmod/5 *later/RB/advmod/2 ././punct/2"
    )
    assert anchor_clause(marked(doc)) is None


@pytest.mark.parametrize("ruleset", [DATE_SOURCES, BARRIERS, TENSES, ANCHORS], ids=lambda rs: rs.decides)
def test_every_dating_rule_has_a_row(ruleset: RuleSet):
    tested = (
        {rule for (*_, rule), _ in DATED}
        | {b for b, _ in STOPPED}
        | {r for _, r, _ in TENSE_CASES}
        | {r for _, r, _ in ANCHORED}
    )
    assert {r.name for r in ruleset} <= tested


# --- links between the mentions of a sentence, and dating one event from another


def _drafts(doc, *words):
    """A draft mention on the first token of each word, as extraction makes them."""
    drafts = []
    for index, word in enumerate(words):
        token = next(t for t in doc if t.text == word and all(d.token_key[1] != t.i for d in drafts))
        drafts.append(
            SimpleNamespace(index=index, token_key=(0, token.i), links=[], record=SimpleNamespace(date_expression=None))
        )
    return drafts


def _links(notation: str, *words):
    doc = parse(notation)
    drafts = _drafts(doc, *words)
    DateAttacher(doc, PUBLISHED).link_relative(drafts, [], next(doc.sents))
    return [(link.main, link.sub, link.expression.text) for d in drafts for link in d.links], [
        d.record.date_expression for d in drafts
    ]


LINKED = [
    # two days after the envoys met: the main clause's meeting is dated from the subordinate one
    ("The/DT/det/1 premiers/NNS/nsubj/2/=premier met/VBD/ROOT/2/=meet in/IN/prep/2 Bern/NNP/pobj/3 two/CD/nummod/6 days/NNS/npadvmod/10/=day after/IN/mark/10 the/DT/det/9 envoys/NNS/nsubj/10/=envoy met/VBD/advcl/2/=meet in/IN/prep/10 Oslo/NNP/pobj/11 ././punct/2",
     ("met", "met"), [(0, 1, "two days after")], ["two days after", None]),
    # a week later: dated from the event reported before it
    ("The/DT/det/1 envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet again/RB/advmod/2 a/DT/det/5 week/NN/npadvmod/6 later/RB/advmod/2 ././punct/2",
     ("met",), [(0, None, "a week later")], ["a week later"]),
    # the two would meet the week after: the meeting it hangs on, not the request before it
    ("Oslo/NNP/nsubj/1 asked/VBD/ROOT/1/=ask for/IN/prep/1 talks/NNS/pobj/2/=talk and/CC/cc/1 the/DT/det/6 two/CD/nsubj/8 would/MD/aux/8 meet/VB/conj/1 the/DT/det/10 week/NN/npadvmod/8 after/RB/advmod/8 ././punct/8",
     ("talks", "meet"), [(1, None, "the week after")], [None, "the week after"]),
    # two days after the election: anchored on something that is not an event tracked, no link
    ("The/DT/det/1 envoys/NNS/nsubj/2/=envoy met/VBD/ROOT/2/=meet two/CD/nummod/4 days/NNS/npadvmod/5/=day after/IN/prep/2 the/DT/det/7 election/NN/pobj/5 ././punct/2",
     ("met",), [], [None]),
    # the day after the envoys met, the king received them: read with "received" as a
    # conjunct of "met", the main clause is still not part of the anchor
    ("The/DT/det/1 day/NN/npadvmod/5 after/IN:SCONJ/mark/5 the/DT/det/4 envoys/NNS/nsubj/5/=envoy met/VBD/ROOT/5/=meet ,/,/punct/5 the/DT/det/8 king/NN/nsubj/9 received/VBD/conj/5/=receive them/PRP/dobj/9/=they ././punct/5",
     ("met", "received"), [(1, 0, "The day after")], [None, "The day after"]),
    # a week later, the envoy flew to Oslo to meet the king: the meeting the flight
    # was for shares the flight's day once the link dates it
    ("A/DT/det/1 week/NN/npadvmod/2 later/RB/advmod/6 ,/,/punct/6 the/DT/det/5 envoy/NN/nsubj/6 flew/VBD/ROOT/6/=fly to/IN/prep/6 Oslo/NNP/pobj/7 to/TO/aux/10 meet/VB/advcl/6 the/DT/det/12 king/NN/dobj/10 ././punct/6",
     ("flew", "meet"), [(0, None, "A week later"), (1, 0, "A week later")], ["A week later", None]),
]  # fmt: skip


@pytest.mark.parametrize(("notation", "words", "links", "expressions"), LINKED, ids=[sentence(n) for n, *_ in LINKED])
def test_event_anchored_phrases_link_the_mentions_of_a_sentence(notation, words, links, expressions):
    assert _links(notation, *words) == (links, expressions)


@dataclass
class _Event:
    indices: list[int]
    date: str | None = None
    date_soft: bool = False
    date_is_own: bool = False
    anchored_on: list = field(default_factory=list)

    @property
    def mention_indices(self) -> list[int]:
        return self.indices

    def set_date_from(self, expr, anchor_event, link, drafts, inverse=False):
        self.date = expr.value
        self.anchored_on.append((anchor_event.indices[0], inverse))


def _offset(text: str, relation: str = "after") -> TimeExpression:
    return TimeExpression(text=text, start=0, end=len(text), type="DATE", value=None, granularity="day",
                          rule="offset-after", anchor="event", tense=None, relation=relation, offset="P2D")  # fmt: skip


def _link(main: int, sub: int | None, relation: str = "after") -> SimpleNamespace:
    return SimpleNamespace(links=[EventLink(main=main, sub=sub, expression=_offset("two days " + relation, relation))])


def test_an_event_is_dated_from_its_anchor_and_chains_follow():
    first, second, third = _Event([0], "2023-09-10"), _Event([1]), _Event([2])
    resolve_links([first, second, third], [_link(1, 0), _link(2, 1)])
    assert (second.date, third.date) == ("2023-09-12", "2023-09-14")


def test_an_anchor_is_dated_back_from_the_event_that_has_a_date():
    main, anchor = _Event([0], "2023-09-15"), _Event([1])
    resolve_links([main, anchor], [_link(0, 1)])
    assert (anchor.date, anchor.anchored_on) == ("2023-09-13", [(0, True)])


def test_a_date_of_its_own_is_never_overwritten_and_a_cycle_stays_undated():
    own, anchor = _Event([0], "2023-09-01", date_is_own=True), _Event([1], "2023-09-10")
    a, b = _Event([2]), _Event([3])
    resolve_links([own, anchor, a, b], [_link(0, 1), _link(2, 3), _link(3, 2)])
    assert (own.date, a.date, b.date) == ("2023-09-01", None, None)


def test_a_week_later_is_dated_from_the_previous_dated_event():
    earlier, soft, later = _Event([0], "2023-09-04"), _Event([1], "2023-09-08", date_soft=True), _Event([2])
    resolve_links([earlier, soft, later], [_link(2, None)])
    assert later.date == "2023-09-06"  # two days after the 4th: the soft default of the 8th is skipped


@pytest.mark.parametrize(
    ("notation", "rule"),
    [
        # with no publication date, "on Friday" has no value: only an undated
        # article's reading (unresolved=True) takes it
        ("The/DT/det/1 envoys/NNS/nsubj/3/=envoy have/VBP/aux/3 *met/VBN/ROOT/3/=meet on/IN/prep/3 Friday/NNP/pobj/4 ././punct/3", "on-the-way-up"),
        ("Mr/NNP/compound/1 Sato/NNP/nsubj/2 *suggested/VBD/ROOT/2/=suggest creating/VBG/xcomp/2/=create a/DT/det/5 fund/NN/dobj/3 on/IN/prep/3 Friday/NNP/pobj/6 ././punct/2", "governed-phrase"),
        ("The/DT/det/1 *bargaining/NN/nsubj/3 will/MD/aux/3 have/VB/ROOT/3 to/TO/aux/5 wait/VB/xcomp/3 until/IN/prep/5 Friday/NNP/pobj/6 ././punct/3", "verb-adjunct"),
    ],
    ids=lambda v: sentence(v) if " " in v else None,
)  # fmt: skip
def test_an_undated_article_keeps_phrases_that_only_the_missing_date_leaves_without_value(notation, rule):
    token = marked(parse(notation))
    dates = DateAttacher(token.doc, None)
    assert dates.for_trigger_and_rule(token) == ((None, None), None)
    (expr, _note), found_by = dates.for_trigger_and_rule(token, unresolved=True)
    assert (expr.text, expr.value, found_by) == ("Friday", None, rule)


@pytest.mark.parametrize(
    ("before", "inside"),
    [
        ('The envoy said: "On Friday we ', True),
        ('The envoy said "we met" on ', False),
        ("The envoy said \u201cwe will meet ", True),
        ("On Friday the envoys ", False),
    ],
)
def test_a_day_inside_a_quotation_is_the_speaker_s_not_the_story_s(before, inside):
    assert inside_quotation(before) is inside
