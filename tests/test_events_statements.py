"""When a saying is a STATEMENT of its own (timeline/events/statements.py), on
hand-built parses, the shipped trigger lexicon and a small gazetteer: the rules
of SAYINGS (and SAID, word by word of what is said) and of DIPLOMATIC. Invented
sentences; the saying verb is marked `*`."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import marked, parse, sentence, small_gazetteer

from timeline.events.arguments import DiscourseMemory
from timeline.events.extract import _ParagraphReader
from timeline.events.lexicon import load_lexicon
from timeline.events.segment import Paragraph
from timeline.events.statements import (
    DIPLOMATIC,
    SAID,
    SAYINGS,
    Saying,
    Statement,
    _said_words,
    intergovernmental,
    statement_worthy,
)
from timeline.events.types import Participant

ON = dt.date(2023, 9, 15)

# saying rule, word rule (SAID) or None, statement?, notation
CASES = [
    ("nobody-speaks", None, False, "*Announced/VBN/ROOT/0/=announce on/IN/prep/0 Monday/NNP/pobj/1/@DATE ././punct/0"),
    ("attribution-only", None, False, "Officials/NNS/nsubj/1/=official *said/VBD/ROOT/1/=say Peru/NNP/nsubj/4/@GPE would/MD/aux/4 act/VB/ccomp/1 ././punct/1"),
    ("saying-in-a-time-clause", None, False, "Chile/NNP/nsubj/1/@GPE agreed/VBD/ROOT/1/=agree after/IN/mark/4 Vidal/NNP/nsubj/4/@PERSON *spoke/VBD/advcl/1/=say ././punct/1"),
    ("what-is-said", "announced-plan", False, "Peru/NNP/nsubj/1/@GPE *announced/VBD/ROOT/1/=announce plans/NNS/dobj/1/=plan to/TO/aux/4 visit/VB/acl/2 Chile/NNP/dobj/4/@GPE ././punct/1"),
    ("what-is-said", "the-warning-is-the-act", False, "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *told/VBD/ROOT/2/=tell Chile/NNP/dobj/2/@GPE to/TO/aux/5 cut/VB/xcomp/2 its/PRP$/poss/7 duties/NNS/dobj/5/=duty or/CC/cc/5 face/VB/conj/5 tariffs/NNS/dobj/9/=tariff ././punct/2"),
    ("what-is-said", "reports-an-event", False, "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *said/VBD/ROOT/2/=say they/PRP/nsubj/4 met/VBD/ccomp/2/=meet ././punct/2"),
    ("what-is-said", "reports-an-event", True, "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *said/VBD/ROOT/2/=say she/PRP/nsubj/5 will/MD/aux/5 visit/VB/ccomp/2 Lima/NNP/dobj/5/@GPE ././punct/2"),
    # An event that will not happen leaves the saying the act.
    ("spokesperson-remark", None, True, "Ms/NNP/compound/1/@PERSON Berg/NNP/nsubj/2/@PERSON *said/VBD/ROOT/2/=say she/PRP/nsubj/6 would/MD/aux/6 not/RB/neg/6 visit/VB/ccomp/2 Lima/NNP/dobj/5/@GPE ././punct/2"),
    ("spokesperson-remark", None, False, "A/DT/det/1 spokesman/NN/nsubj/2 *said/VBD/ROOT/2/=say the/DT/det/4 weather/NN/nsubj/5 was/VBD/ccomp/2/=be fine/JJ/acomp/5 ././punct/2"),
    ("spokesperson-remark", None, True, "Ms/NNP/compound/1/@PERSON Osei/NNP/nsubj/2/@PERSON *said/VBD/ROOT/2/=say Peru/NNP/nsubj/5/@GPE must/MD/aux/5 act/VB/ccomp/2 ././punct/2"),
]  # fmt: skip


def _saying(notation: str) -> Saying:
    doc = parse(notation)
    paragraph = Paragraph(0, len(doc.text), doc.text)
    reader = _ParagraphReader(paragraph, 0, doc, ON, load_lexicon(), small_gazetteer(), DiscourseMemory(), [])
    return Saying(reader, marked(doc))


def _word_rule(saying: Saying) -> str | None:
    """The rule of SAID that decided, if one did."""
    return next((rule for w in _said_words(saying) for answer, rule in [SAID.first(w)] if answer is not None), None)


@pytest.mark.parametrize(
    ("rule", "word_rule", "worthy", "notation"), CASES, ids=[f"{c[0]}: {sentence(c[3])}" for c in CASES]
)
def test_a_saying_is_a_statement_by_the_first_rule_that_answers(rule, word_rule, worthy, notation):
    saying = _saying(notation)
    assert SAYINGS.first(saying) == (worthy, rule)
    assert _word_rule(saying) == word_rule
    assert statement_worthy(saying.reader, saying.token) is worthy


def test_every_saying_rule_has_a_row_in_the_order_tried():
    assert [r.name for r in SAYINGS] == list(dict.fromkeys(c[0] for c in CASES))
    assert [r.name for r in SAID] == list(dict.fromkeys(c[1] for c in CASES if c[1]))


def _p(name, kind, role, country=None, *, known=False, surface=""):
    return Participant(name, kind, role, country, surface=surface or name, known=known)


KAMAU = _p("Joseph Kamau", "person", "source", "Kenya", surface="Joseph Kamau")
KENYA_OF_KAMAU = _p("Kenya", "country", "source", surface="Joseph Kamau")
OSEI = _p("Amara Osei", "person", "source", "Kenya", known=True)

# rule, participants, officials, diplomatic?
DIPLOMATIC_CASES = [
    # "Kenyan economist Joseph Kamau said Japan's banks started buying"
    ("commentators-only", [KAMAU, KENYA_OF_KAMAU, _p("Japan", "country", "target", "Japan")], set(), False),
    # "Ms Osei said prices would rise": a minister of the gazetteer, of home affairs
    # (whether she speaks of others is the events stage's `domestic-statement`)
    ("home-affairs", [OSEI], set(), False),
    # the article gave Mr Kamau an office ("Trade Minister Joseph Kamau")
    ("another-state", [KAMAU, _p("Japan", "country", "target", "Japan")], {"Joseph Kamau"}, True),
    # "a Kenyan minister said ASEAN must act"
    ("international-body", [_p("Kenya", "country", "source", "Kenya"), _p("ASEAN", "organisation", "target")], set(), True),
    # "both nations issued statements", "Kenya and Japan said in a joint statement"
    ("several-states-speak", [_p("Kenya", "country", "source", "Kenya"), _p("Japan", "country", "source", "Japan")], set(), True),
    # "the Kenyan government said the Kenyan central bank must act"
    ("home-affairs", [_p("Kenya", "country", "source", "Kenya"), _p("Central Bank of Kenya", "organisation", "target", "Kenya")], set(), False),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "participants", "officials", "diplomatic"), DIPLOMATIC_CASES)
def test_a_statement_is_diplomatic_by_the_first_rule_that_answers(rule, participants, officials, diplomatic):
    assert DIPLOMATIC.first(Statement(participants, officials)) == (diplomatic, rule)
    assert intergovernmental(participants, officials) is diplomatic


def test_every_diplomatic_rule_has_a_row_in_the_order_tried():
    assert [r.name for r in DIPLOMATIC] == [
        "commentators-only",
        "international-body",
        "another-state",
        "several-states-speak",
        "home-affairs",
    ]
