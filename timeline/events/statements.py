"""When a saying is a STATEMENT of its own (CAMEO 01, "make public statement"):
a named actor speaks, what is said is not itself an event already reported, and
the saying involves another state or an international body.

The triggers stage asks `statement_worthy` of a saying verb (the rules of
`SAYINGS`, and `SAID` for each word of what is said); the events stage asks
`intergovernmental` once the participants are found (the rules of `DIPLOMATIC`),
and `speaks_of_abroad` whether a known speaker's saying is foreign policy.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from timeline.datafiles import words
from timeline.events.arguments import subjects_of
from timeline.events.lexicon import Lexicon, Trigger
from timeline.events.modality import HYPOTHETICAL, NEGATED, modality
from timeline.events.rules import RuleSet
from timeline.events.syntax import governing_verb, quantity
from timeline.events.types import Participant

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Span, Token

    from timeline.actors.gazetteer import Gazetteer

# Speakers whose "said" only attributes a report ("officials said") make no STATEMENT.
ATTRIBUTION_ONLY = {
    "source",
    "official",
    "analyst",
    "diplomat",
    "observer",
    "report",
    "newspaper",
    "agency",
    "trader",
    "dealer",
    "economist",
}
SPOKESPERSONS = {"spokesman", "spokeswoman", "spokesperson"}
TIME_MARKS = {"after", "before", "since", "when", "until", "once", "as", "while"}
PLAN_NOUNS = {"plan", "decision", "intention", "measure", "move", "proposal"}
DISAPPROVAL_WORDS = words("lexicon", "disapproval_words")


class Matcher(Protocol):
    """What the rules ask of the paragraph reader: is a word a trigger?"""

    lexicon: Lexicon

    def _match(self, token: Token) -> Trigger | None: ...

    def _match_event_only(self, token: Token) -> bool: ...


def statement_worthy(reader: Matcher, token: Token) -> bool:
    """Is the saying verb `token` a STATEMENT of its own (the first answer of `SAYINGS`)?"""
    worthy, _rule = SAYINGS.first(Saying(reader, token))
    return bool(worthy)


# --- is a saying a statement: the rules of SAYINGS, in order --------------------------


@dataclass
class Saying:
    """A saying verb while the rules decide whether it is a statement of its own."""

    reader: Matcher
    token: Token

    @cached_property
    def speaker(self) -> Token | None:
        subjects = subjects_of(self.token)
        return subjects[0] if subjects else None


SAYINGS: RuleSet[[Saying], bool] = RuleSet("triggers", "is a saying verb a STATEMENT of its own?")


@SAYINGS.register
def _nobody_speaks(s: Saying) -> bool | None:
    """no subject, nobody is said to speak: "..., as announced on Monday" """
    return False if s.speaker is None else None


@SAYINGS.register
def _attribution_only(s: Saying) -> bool | None:
    """the speaker only attributes a report: "officials said", "an analyst said" """
    assert s.speaker is not None  # see _nobody_speaks
    return False if s.speaker.lemma_.lower() in ATTRIBUTION_ONLY else None


@SAYINGS.register
def _saying_in_a_time_clause(s: Saying) -> bool | None:
    """a saying in a subordinate clause of time only places the main clause in
    time: "..., after Mr Vidal said Peru agreed" """
    token = s.token
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children):
        return False
    return None


@SAYINGS.register
def _what_is_said(s: Saying) -> bool | None:
    """what is said decides, word by word (the rules of SAID): "said they met"
    reports the meeting; "said Peru will join the talks" announces it"""
    for word in _said_words(s):
        verdict, _rule = SAID.first(word)
        if verdict is not None:
            return verdict
    return None


@SAYINGS.register
def _spokesperson_remark(s: Saying) -> bool | None:
    """a spokesperson's remark is attribution unless it announces something: "a
    spokesman said that as far as he knew ...", "the spokeswoman, Ana Ruiz, said" """
    assert s.speaker is not None
    return not _spokesperson(s.speaker)


def _spokesperson(speaker: Token) -> bool:
    """ "spokesman David Woods", "the spokesman, Francois Giuliani" """
    return (
        speaker.lemma_.lower() in SPOKESPERSONS
        or any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in SPOKESPERSONS for c in speaker.children)
        or (speaker.dep_ == "appos" and speaker.head.lemma_.lower() in SPOKESPERSONS)
    )


def disapproves(saying: Token) -> bool:
    """Does what the saying says disapprove of something (the gold-dev guide's
    CRITICIZE: "regret" or "deep concern" at another state's act, protest,
    condemnation)? A word of disapproval in its reported clause or quotation,
    not denied: "said the arrests were a violation of its sovereignty", "'This
    is unacceptable,' the minister said"; not "said the visit was not a
    provocation"."""
    said = [t for c in saying.children if c.dep_ in ("ccomp", "xcomp", "parataxis") for t in c.subtree]
    return any(t.lemma_.lower() in DISAPPROVAL_WORDS and not _denied(t) for t in said)


def _denied(word: Token) -> bool:
    """ "was not a provocation", "did not violate": a negation on the word or the verb it hangs on."""
    return any(c.dep_ == "neg" for t in (word, word.head) for c in t.children)


# --- what is said, word by word: the rules of SAID, in order ----------------------------


@dataclass
class SaidWord:
    """A word of what a saying says, in the clause that says it."""

    reader: Matcher
    saying: Token
    clause: Token  # the reported clause (ccomp, xcomp), or what a plan is to do (acl)
    word: Token
    plan: bool  # the clause tells what an announced plan or decision is


def _said_words(s: Saying) -> Iterator[SaidWord]:
    """The words of what is said, clause by clause in the order of the saying's
    dependents: the clause of a plan it announces, and its reported clauses."""
    for child in s.token.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in PLAN_NOUNS:
            for clause in (c for c in child.children if c.dep_ == "acl"):
                yield from (SaidWord(s.reader, s.token, clause, t, True) for t in clause.subtree)
        if child.dep_ in ("ccomp", "xcomp"):
            yield from (SaidWord(s.reader, s.token, child, t, False) for t in child.subtree)


SAID: RuleSet[[SaidWord], bool] = RuleSet("triggers", "does a word of what is said make the saying no statement?")


@SAID.register
def _announced_plan(w: SaidWord) -> bool | None:
    """a plan or decision announced is the event it is about: "announced plans
    to impose tariffs on ...", "announced a decision to recall its envoy" """
    if w.plan and w.reader._match_event_only(w.word) and core_of_clause(w.word, w.clause):
        return False
    return None


@SAID.register
def _the_warning_is_the_act(w: SaidWord) -> bool | None:
    """the warning is the act, not a statement: "told Chile to lift the ban or
    face tariffs" """
    t = w.word
    if w.plan or t.pos_ != "VERB":
        return None
    ultimatum = any(e.ultimatum for e in w.reader.lexicon.candidates(t.lemma_, "VERB"))
    return False if ultimatum and w.reader._match(t) is not None else None


@SAID.register
def _reports_an_event(w: SaidWord) -> bool | None:
    """an event the saying reports is the event; the saying is a statement of its
    own only when it announces what is to come (CAMEO 01 announcements): "said
    they met" (no), "said Peru will join the talks", "have agreed to" (yes); an
    event that did not happen leaves the saying the act: "said Peru could not
    act alone" """
    t = w.word
    if w.plan or t.i == w.saying.i or t.lemma_.lower() in ("say", "tell"):
        return None
    if not (w.reader._match_event_only(t) and core_of_clause(t, w.clause) and w.reader._match(t) is not None):
        return None
    if modality(t) in (HYPOTHETICAL, NEGATED):
        return None
    return announces(t)


def core_of_clause(trigger: Token, clause_root: Token) -> bool:
    """Is the event trigger what the reported clause is about ("said they
    [met]", "said the [agreement] had been reached"), rather than a word inside
    another noun phrase ("said the goal of his [trip] was ...")?"""
    node = trigger
    while node.i != clause_root.i:
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "pobj" and head.lower_ not in ("in",):
            return False  # "was high on the agenda for next week's [summit]": an adjunct
        if head.i != clause_root.i and head.pos_ in ("NOUN", "PROPN", "PRON") and not quantity(head):
            return False
        node = head
    return True


def announces(trigger: Token) -> bool:
    """Is the reported event announced rather than reported: still to come
    ("will visit", "would meet") or an agreement to act ("agreed to")?"""
    if trigger.lemma_.lower() == "agree":
        return True
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & {"will", "would", "shall", "'ll"})


# --- is a statement diplomatic: the rules of DIPLOMATIC, in order ------------------------


def intergovernmental(participants: list[Participant], officials: Set[str] = frozenset()) -> bool:
    """A statement is diplomatic when it involves another state or an
    international organisation, not only the speaker's own country."""
    diplomatic, _rule = DIPLOMATIC.first(Statement(participants, officials))
    return bool(diplomatic)


@dataclass
class Statement:
    """A statement's participants, and the people the article gave a public office."""

    participants: list[Participant]
    officials: Set[str]

    @cached_property
    def sources(self) -> list[Participant]:
        return [p for p in self.participants if p.role == "source"]

    @cached_property
    def commentators(self) -> list[Participant]:
        """Speakers the text gives no office (in the gazetteer or in the article)."""
        return [p for p in self.sources if p.kind == "person" and not p.known and p.name not in self.officials]

    @cached_property
    def acting(self) -> list[Participant]:
        """The other speakers; a person's country, added beside him with his words, is his."""
        theirs = {c.surface for c in self.commentators}
        return [
            p for p in self.sources if p not in self.commentators and not (p.kind == "country" and p.surface in theirs)
        ]


DIPLOMATIC: RuleSet[[Statement], bool] = RuleSet(
    "events", "does a statement involve another state or an international body?"
)


@DIPLOMATIC.register
def _commentators_only(s: Statement) -> bool | None:
    """only speakers the text gives no office: analysts, bankers, researchers and
    economists comment, not act: "Kamau said Kenyan banks started buying" """
    return False if s.commentators and not s.acting else None


@DIPLOMATIC.register
def _international_body(s: Statement) -> bool | None:
    """an international organisation or a legislature of no one state takes
    part: "the EC said", "Peru told ASEAN" """
    if any(p.kind in ("organisation", "legislature") and p.country is None for p in s.participants):
        return True
    return None


@DIPLOMATIC.register
def _another_state(s: Statement) -> bool | None:
    """another state than the speakers' own takes part: "the Kenyan minister said
    Japan must act" """
    own = {p.country for p in s.sources if p.country}
    if any(p.role != "source" and p.country and p.country not in own for p in s.participants):
        return True
    return None


@DIPLOMATIC.register
def _several_states_speak(s: Statement) -> bool | None:
    """the speakers act for two or more states: "both nations issued
    statements", "Chile and Peru said in a joint statement" """
    return True if len({p.country for p in s.acting if p.country}) >= 2 else None


@DIPLOMATIC.register
def _home_affairs(s: Statement) -> bool | None:
    """nobody beyond the speakers' own country: "the Kenyan minister said prices
    would rise" """
    return False


# --- is a known speaker's saying foreign policy -------------------------------------

FOREIGN_AFFAIRS_WORDS = words("arguments", "foreign_affairs_words")
ACTOR_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}  # the entities `_abroad` reads


def speaks_of_abroad(
    token: Token, sent: Span, participants: list[Participant], gaz: Gazetteer, on: date | None
) -> bool:
    """Whether a saying is foreign policy: its speaker holds an office of
    foreign affairs, or its sentence names a state, a body of states, a
    person of another state or a region abroad than the speakers' own
    countries ("the Speaker said the border must be kept safe" is not)."""
    own = {p.country for p in participants if p.role == "source" and p.country}
    if len(own) != 1:
        return True  # no country to be at home in, or a joint statement of several
    if _foreign_affairs_speaker(token, participants, gaz, on):
        return True
    return names_abroad(sent, own, gaz, on)


def names_abroad(sent: Span, own: set[str], gaz: Gazetteer, on: date | None) -> bool:
    """Does the sentence name a state, a body of states, a person of another
    state or a region abroad than the countries in `own`?"""
    return _names_an_untagged_body(sent, gaz, on) or any(_abroad(ent, own, gaz, on) for ent in sent.ents)


def _names_an_untagged_body(sent: Span, gaz: Gazetteer, on: date | None) -> bool:
    """ "the G-7 summit", "the NATO treaty": a body of states the parser did
    not tag as one (or tagged as part of a law, an event, a product)."""
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.ent_type_ not in ACTOR_ENTITY_LABELS:
            ref = gaz.lookup(tok.text, on=on)
            if ref is not None and ref.country is None and ref.kind in ("organisation", "group"):
                return True
    return False


def _abroad(ent: Span, own: set[str], gaz: Gazetteer, on: date | None) -> bool:
    """Whether an entity is a state, body of states, person or region other
    than the countries in `own`."""
    if ent.label_ == "NORP":
        country = gaz.country_of_adjective(ent.text)
        return bool(country and country not in own)
    if ent.label_ not in ("GPE", "ORG", "PERSON", "LOC"):
        return False
    ref = gaz.lookup(ent.text, on=on)
    if ref is None and ent.label_ in ("GPE", "LOC"):
        # "the Gulf", "Asia": a region is abroad unless it is a place at home
        from timeline.actors.places import resolve_place

        place = resolve_place(ent.text, on=on)
        return place.country not in own if place is not None else ent.label_ == "LOC"
    if ref is None:
        return False
    if ref.country is None:
        return ref.kind in ("organisation", "group")
    return ref.country not in own


def _foreign_affairs_speaker(token: Token, participants: list[Participant], gaz: Gazetteer, on: date | None) -> bool:
    """ "Foreign Minister Lena Holm said", "the ambassador told reporters", or a
    speaker the gazetteer gives an office of foreign affairs."""
    for subject in subjects_of(token):
        if any(t.lower_ in FOREIGN_AFFAIRS_WORDS for t in subject.subtree):
            return True
    for p in participants:
        if p.role == "source" and p.kind == "person" and p.known:
            if any("foreign" in r.office for r in gaz.roles_of(p.name, on=on)):
                return True
    return False
