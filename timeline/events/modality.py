"""Did it happen? Modality of an event mention from its clause: asserted,
negated ("did not meet", "no talks were held", "without an agreement"),
hypothetical ("fears that the two had signed", "could meet", "if the two
leaders meet") or planned ("will visit", "is due to visit", "is set to meet").

Follows the FactBank/TimeML distinction between factual, counterfactual and
possible events, reduced to what a timeline needs: only asserted and planned
events enter it; the rest are kept as mentions.

`modality` walks up from the trigger through its governors (at most six
tokens) and asks the rules of `MODALITY` at each, in order: the first that
answers negated or hypothetical decides, "planned" is remembered, and a rule
that marks the clause's edge ends the walk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from timeline.datafiles import words
from timeline.events.rules import RuleSet
from timeline.vocabulary import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

ASSERTED, PLANNED, NEGATED, HYPOTHETICAL = (
    Modality.ASSERTED,
    Modality.PLANNED,
    Modality.NEGATED,
    Modality.HYPOTHETICAL,
)

SPECULATIVE_MODALS = words("modality", "speculative_modals")
FUTURE_AUX = words("common", "future_auxiliaries")
PLANNING_VERBS = words("modality", "planning_verbs")
SPECULATIVE_VERBS = words("modality", "speculative_verbs")
REQUESTING_VERBS = words("modality", "requesting_verbs")
REQUEST_NOUNS = words("modality", "request_nouns")
NEGATING_VERBS = words("modality", "negating_verbs")
SPECULATIVE_NOUNS = words("modality", "speculative_nouns")
PRESUPPOSING_PREPOSITIONS = words("modality", "presupposing_prepositions")
ANNOUNCING_VERBS = words("modality", "announcing_verbs")
CONDITIONAL_MARKS = words("modality", "conditional_marks")
SCHEDULE_NOUNS = words("modality", "schedule_nouns")
AIM_PREPOSITIONS = words("modality", "aim_prepositions")
REPORTING_VERBS = words("common", "reporting_verbs")
_COMPLEMENT_DEPS = ("xcomp", "ccomp", "dobj", "acomp", "nsubjpass")
_MAX_STEPS = 6


class Walk(Enum):
    """A rule's answer that is not a modality: the clause ends here."""

    STOP = "stop"


Outcome = Modality | Walk | None


@dataclass(frozen=True)
class Step:
    """One token on the walk up from the trigger: the trigger itself (depth 0),
    then each governor; `below` is the token the walk came from."""

    node: Token
    below: Token
    depth: int
    future_date: bool  # the mention's date is after the publication date

    @property
    def governor(self) -> bool:
        """The node governs the trigger (it is not the trigger itself)."""
        return self.depth > 0

    @property
    def lemma(self) -> str:
        return self.node.lemma_.lower()

    @cached_property
    def auxiliaries(self) -> set[str]:
        return {c.lower_ for c in self.node.children if c.dep_ in ("aux", "auxpass")}

    def below_is(self, dep: str, *words: str) -> bool:
        """The walk came up through a `dep` token, one of `words` when given."""
        return self.below.dep_ == dep and (not words or self.below.lower_ in words)

    def below_is_complement(self) -> bool:
        return self.below.dep_ in _COMPLEMENT_DEPS


MODALITY: RuleSet[[Step], Modality | Walk] = RuleSet(
    "modality", "did the event of a trigger happen, is it planned, negated or only possible?"
)


def modality(trigger: Token, *, future_date: bool = False) -> Modality:
    """The modality of the event a trigger token reports."""
    return modality_and_rule(trigger, future_date=future_date)[0]


def modality_and_rule(trigger: Token, *, future_date: bool = False) -> tuple[Modality, str | None]:
    """The modality and the name of the rule that decided it: the rule that
    answered negated or hypothetical, the first that found it planned, or the
    one that ended the walk; None when no rule spoke."""
    planned_by: str | None = None
    for step in _climb(trigger, future_date):
        for rule in MODALITY:
            outcome = rule.check(step)
            if outcome is None:
                continue
            if outcome is Walk.STOP:
                return _planned_or_asserted(planned_by, future_date, rule.name)
            if outcome is not PLANNED:
                return outcome, rule.name
            planned_by = planned_by or rule.name
    return _planned_or_asserted(planned_by, future_date, None)


def _planned_or_asserted(
    planned_by: str | None, future_date: bool, stopped_by: str | None
) -> tuple[Modality, str | None]:
    if planned_by or future_date:
        return PLANNED, planned_by or "future-date"
    return ASSERTED, stopped_by


def _climb(trigger: Token, future_date: bool) -> Iterator[Step]:
    """The trigger, then its governors up to the root of the sentence (at most six)."""
    node = below = trigger
    for depth in range(_MAX_STEPS):
        yield Step(node, below, depth, future_date)
        if node.dep_ == "ROOT" or node.head.i == node.i:
            return
        below, node = node, node.head


# --- the trigger's own clause ---------------------------------------------------


@MODALITY.register
def _negation(step: Step) -> Outcome:
    """negation of the trigger: "did not meet", "no talks were held", "without
    an agreement", "did not reach an agreement" → negated"""
    return NEGATED if step.depth == 0 and _negated(step.node) else None


@MODALITY.register
def _condition(step: Step) -> Outcome:
    """conditional clause: "if the two leaders meet", "unless Kiev rejects it" → hypothetical"""
    conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in step.node.children)
    return HYPOTHETICAL if conditional else None


@MODALITY.register
def _future_auxiliary(step: Step) -> Outcome:
    """future auxiliary: "will visit", "shall meet", "'ll sign" → planned"""
    return PLANNED if step.auxiliaries & FUTURE_AUX else None


@MODALITY.register
def _speculative_modal(step: Step) -> Outcome:
    """modal of possibility: "could meet", "may recall", "might travel" →
    hypothetical; "would" after a past reporting verb is the future seen from
    the past: "officials said on Monday that the two sides would meet" → planned"""
    modals = step.auxiliaries & SPECULATIVE_MODALS
    if not modals:
        return None
    if modals == {"would"} and (step.future_date or _reported_future(step.node)):
        return PLANNED
    return HYPOTHETICAL


@MODALITY.register
def _no_date_set(step: Step) -> Outcome:
    """no date fixed for it: "no date has been set for the talks" → hypothetical"""
    if not (step.governor and step.node.pos_ == "VERB"):
        return None
    unscheduled = any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lemma_.lower() in SCHEDULE_NOUNS
        and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in step.node.children
    )
    return HYPOTHETICAL if unscheduled else None


# --- the word that governs the trigger ------------------------------------------


@MODALITY.register
def _planning_verb(step: Step) -> Outcome:
    """planning verb over the trigger: "is due to visit", "plans to meet", "is to
    arrive", "is likely to sign" → planned"""
    node = step.node
    if not (step.governor and node.pos_ in ("VERB", "ADJ", "AUX") and step.lemma in PLANNING_VERBS):
        return None
    if not step.below_is_complement() or (step.lemma == "be" and step.below.dep_ != "xcomp"):
        return None
    return PLANNED


@MODALITY.register
def _ruled_out(step: Step) -> Outcome:
    """ruled out: "ruled out retaliating", "ruled out talks" → negated"""
    if not (step.governor and step.node.pos_ == "VERB" and _rules_out(step.node)):
        return None
    return NEGATED if step.below_is_complement() or step.below.dep_ == "advcl" else None


@MODALITY.register
def _negating_verb(step: Step) -> Outcome:
    """negating verb over the trigger: "failed to agree", "refused to meet",
    "cancelled his trip" → negated"""
    if step.governor and step.node.pos_ == "VERB" and step.lemma in NEGATING_VERBS and step.below_is_complement():
        return NEGATED
    return None


@MODALITY.register
def _asked_for(step: Step) -> Outcome:
    """request for the event: "asked for consultations", "called for talks" → hypothetical"""
    if step.governor and step.node.pos_ == "VERB" and step.lemma in REQUESTING_VERBS and step.below_is("prep", "for"):
        return HYPOTHETICAL
    return None


@MODALITY.register
def _request_made_for(step: Step) -> Outcome:
    """a request made for the event, "for" hung on the verb: "will make a request
    next week for talks" → hypothetical"""
    if not (step.governor and step.node.pos_ == "VERB" and step.below_is("prep", "for")):
        return None
    request = any(c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS for c in step.node.children)
    return HYPOTHETICAL if request else None


@MODALITY.register
def _request_noun(step: Step) -> Outcome:
    """request noun over the event: "a formal request for emergency talks", "an
    offer of talks" → hypothetical"""
    if not (step.governor and step.node.pos_ == "NOUN" and step.lemma in REQUEST_NOUNS):
        return None
    return HYPOTHETICAL if step.below_is("prep", "for", "of") else None


@MODALITY.register
def _aimed_at(step: Step) -> Outcome:
    """the event as an aim: "efforts aimed at starting discussions", "hoped for
    talks" → hypothetical"""
    if not (step.governor and step.node.pos_ in ("VERB", "ADJ") and step.lemma in SPECULATIVE_VERBS):
        return None
    return HYPOTHETICAL if step.below_is("prep", *AIM_PREPOSITIONS) else None


@MODALITY.register
def _speculative_verb(step: Step) -> Outcome:
    """speculative verb over the trigger: "hopes to meet", "urged the president
    to visit", "proposed holding talks" → hypothetical; "expected to host" with
    a future date → planned"""
    if not (step.governor and step.node.pos_ in ("VERB", "ADJ") and step.lemma in SPECULATIVE_VERBS):
        return None
    if not step.below_is_complement():
        return None
    return PLANNED if step.lemma == "expect" and step.future_date else HYPOTHETICAL


@MODALITY.register
def _speculative_noun(step: Step) -> Outcome:
    """speculative noun over the clause: "fears that the two had signed",
    "rumours that the envoys met" → hypothetical; an announced plan is planned:
    "announced plans to impose tariffs" → planned"""
    node = step.node
    if not (step.governor and node.pos_ == "NOUN" and step.lemma in SPECULATIVE_NOUNS):
        return None
    if step.below.dep_ not in ("acl", "ccomp", "relcl", "xcomp", "advcl"):
        return None
    announced = node.dep_ == "dobj" and node.head.lemma_.lower() in ANNOUNCING_VERBS
    return PLANNED if announced else HYPOTHETICAL


# --- the edge of the clause -----------------------------------------------------


@MODALITY.register
def _approached(step: Step) -> Outcome:
    """what is approached has not happened: "moving towards starting talks" → hypothetical"""
    if step.node.dep_ in ("pobj", "pcomp") and step.node.head.lower_ in ("towards", "toward"):
        return HYPOTHETICAL
    return None


@MODALITY.register
def _presupposing_adjunct(step: Step) -> Outcome:
    """an adjunct presupposes its event: "during a meeting", "after the talks"
    end the walk (asserted unless planned below)"""
    if step.node.dep_ == "pobj" and step.node.head.lower_ in PRESUPPOSING_PREPOSITIONS:
        return Walk.STOP
    return None


@MODALITY.register
def _reported_clause(step: Step) -> Outcome:
    """the edge of reported speech: "the envoy said the ministers met" asserts the meeting"""
    if step.node.dep_ == "ccomp" and step.node.head.lemma_.lower() in REPORTING_VERBS:
        return Walk.STOP
    return None


# --- helpers --------------------------------------------------------------------


def _reported_future(verb: Token) -> bool:
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said Peru would ask ... and that the two would meet"
    head = clause.head
    return clause.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in REPORTING_VERBS


def _rules_out(verb: Token) -> bool:
    return verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _negated(trigger: Token) -> bool:
    for child in trigger.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "det" and child.lower_ in ("no",):
            return True
    head = trigger.head
    if head.lower_ == "without" and trigger.dep_ == "pobj":
        return True
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubjpass", "nsubj"):
        if any(c.dep_ == "neg" for c in head.children):
            return True
    return False
