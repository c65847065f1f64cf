"""Which triggers report no diplomatic event, once their participants are known.

A trigger word with the participants found for it is a `Candidate`; the rules
of NO_EVENT, tried in the order they are written here, say when it reports
nothing an analyst would list ("hosting a football club", a private person's
trip, home politics told by a minister).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from timeline.events.arguments import OFFICE_WORDS
from timeline.events.lexicon import load_lexicon
from timeline.events.rules import RuleSet
from timeline.events.statements import intergovernmental, names_abroad, speaks_of_abroad

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Token

    from timeline.actors.gazetteer import Gazetteer
    from timeline.events.lexicon import Trigger
    from timeline.events.types import Participant

# Nouns that, with "the" and no participants of their own, refer back to an
# event already reported ("The meeting took place ...").
ANAPHORIC_DETERMINERS = {"the", "this", "that", "these", "those"}


@dataclass
class Candidate:
    """A trigger with the participants found for it, before it becomes a mention."""

    token: Token
    trigger: Trigger
    participants: list[Participant]
    officials: set[str]  # the people the article gave a public office
    gaz: Gazetteer | None = None  # for `abroad`; without one a saying counts as foreign policy
    published: date | None = None

    @cached_property
    def abroad(self) -> bool:
        """Whether a saying is foreign policy (`statements.speaks_of_abroad`),
        worked out only when a rule asks."""
        if self.gaz is None or self.trigger.type != "STATEMENT":
            return True
        return speaks_of_abroad(self.token, self.token.sent, self.participants, self.gaz, self.published)

    @property
    def anaphoric(self) -> bool:
        """ "The meeting took place ...": nobody named, the noun refers back."""
        return (
            not self.participants
            and self.token.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in self.token.children)
        )


NO_EVENT: RuleSet[[Candidate], bool] = RuleSet(
    "events", "which trigger, with the participants found for it, reports no diplomatic event?"
)


@NO_EVENT.register
def _visitor_of_another_kind(c: Candidate) -> bool | None:
    """the entry names who may be its object, and nobody named is: "hosting a
    football club" is no diplomatic visit"""
    kinds = c.trigger.objects_kind
    if kinds and not any(p.role in ("target", "participant") and p.kind in kinds for p in c.participants):
        return True
    return None


@NO_EVENT.register
def _no_named_object(c: Candidate) -> bool | None:
    """the entry needs a named object and has none: "received a letter from
    Peru" is no visit; "hosted his Argentine counterpart" names one by office"""
    if c.trigger.objects_kind and not any(
        d.dep_ == "dobj" and (d.pos_ == "PROPN" or d.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or _resolved(d, c))
        for d in c.token.children
    ):
        return True
    return None


def _resolved(obj: Token, c: Candidate) -> bool:
    """Did the object phrase resolve to one of the act's other side?"""
    return any(p.role in ("target", "participant") and obj.text in p.surface.split() for p in c.participants)


@NO_EVENT.register
def _nobody_named(c: Candidate) -> bool | None:
    """no participant, and no "the talks" that refers back to talks told before:
    "talks would help" """
    return True if not c.participants and not c.anaphoric else None


@NO_EVENT.register
def _nobody_does_it(c: Candidate) -> bool | None:
    """a directed act or a saying that nobody named does: "Peru was urged to lift
    the ban" """
    if (
        c.trigger.args in ("directed", "speaker")
        and c.trigger.mode != "visit"
        and not any(p.role in ("source", "host") for p in c.participants)
    ):
        return True
    return None


@NO_EVENT.register
def _nobody_travels(c: Candidate) -> bool | None:
    """a trip verb with no traveller: "attention will go to Lima"; only people
    and states travel. Trips in the plural with none are a service, not a
    journey: "restrictions on flights to Lima" """
    if c.trigger.mode != "visit" or any(p.role == "source" for p in c.participants):
        return None
    return True if c.token.pos_ == "VERB" or c.token.tag_ == "NNS" else None


@NO_EVENT.register
def _going_home(c: Candidate) -> bool | None:
    """an arrival in the traveller's own country is a return: "Mr Vidal (of
    Chile) arrived in Santiago" """
    return True if c.trigger.mode == "visit" and _goes_home(c.participants) else None


@NO_EVENT.register
def _domestic_statement(c: Candidate) -> bool | None:
    """a statement by no official, or involving no other state or international
    body: "Kenyan economist Joseph Kamau said prices would rise" """
    if c.trigger.type != "STATEMENT":
        return None
    # A head of government, minister, state or body of the gazetteer speaks
    # for its state when it speaks of others: "the Speaker said the border must
    # be kept safe" is home politics.
    if c.abroad and any(p.role == "source" and p.known for p in c.participants):
        return None
    return True if not intergovernmental(c.participants, c.officials) else None


@NO_EVENT.register
def _domestic_act(c: Candidate) -> bool | None:
    """an act between people of one state, in a sentence that names nothing
    abroad, is home politics (the guide's "domestic politics"): "the president
    met the Speaker of the House", "the premier agreed with the opposition
    leader on a date for the vote" """
    if c.trigger.type in ("STATEMENT", "SANCTION") or c.gaz is None:
        return None
    people = [p for p in c.participants if p.kind == "person"]
    homes = {p.country or (p.name if p.kind == "country" else None) for p in c.participants}
    if len(people) < 2 or len(homes) != 1 or None in homes:
        return None
    return True if not names_abroad(c.token.sent, {str(h) for h in homes}, c.gaz, c.published) else None


@NO_EVENT.register
def _announces_an_act(c: Candidate) -> bool | None:
    """a saying whose object is an act of its own is that act, not a statement
    besides it: "Canada announced new sanctions on Iran", "the ministry
    unveiled restrictions on flights to Cuba" (the sanction is the event)"""
    if c.trigger.type != "STATEMENT" or c.token.pos_ != "VERB":
        return None
    lexicon = load_lexicon()
    objects = [o for o in c.token.children if o.dep_ == "dobj"]
    for obj in objects + [k for o in objects for k in o.conjuncts]:
        if any(e.type != "STATEMENT" for e in lexicon.candidates(obj.lemma_, obj.pos_)):
            return True
    return None


@NO_EVENT.register
def _private_persons(c: Candidate) -> bool | None:
    """only private persons, no state or organisation acts: "Joseph Kamau met
    Maria Lopez" """
    if not c.anaphoric and not any(p.kind != "person" or p.country for p in c.participants):
        return True
    return None


def _goes_home(participants: list[Participant]) -> bool:
    """Do all travellers belong to the one country travelled to?"""
    targets = {p.name for p in participants if p.role == "target" and p.kind == "country"}
    sources = [p for p in participants if p.role == "source"]
    homes = {p.country or (p.name if p.kind == "country" else None) for p in sources}
    return bool(targets) and bool(sources) and None not in homes and targets <= homes


@NO_EVENT.register
def _remit_of_an_office(c: Candidate) -> bool | None:
    """a noun of an office's title names its remit, not an event: "the special
    envoy for Balkan negotiations", "Sweden's chief negotiator for the climate
    talks", "Special Representative for the peace process" """
    token = c.token
    prep = token.head
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or prep.lower_ not in ("for", "on"):
        return None
    return True if prep.head.lemma_.lower() in OFFICE_WORDS else None
