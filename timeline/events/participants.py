"""The participants of one trigger: who acts, on whom, and in what role, read
from the dependency parse around the trigger (PLOVER/CAMEO source and target).

`gather` runs every rule of `PARTICIPANTS` in order: the voice and argument
rules name the actors, then the role and membership rules adjust or extend what
they found. Unlike the rule sets that stop at the first answer, each rule here
adds to one list; an actor already in it keeps its first role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from timeline.datafiles import words
from timeline.events import arguments as args_
from timeline.events.lexicon import Trigger
from timeline.events.rules import RuleSet
from timeline.events.types import Participant

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.actors.gazetteer import Gazetteer
    from timeline.actors.model import Actor, ActorRef
    from timeline.actors.places import Place

# A document that "said" speaks for the subject of what it says.
DOCUMENT_NOUNS = {"communique", "statement", "declaration", "report", "letter", "note", "resolution"}
# A noun trigger in one of these relations to its verb takes the verb's arguments.
GOVERNED_DEPS = ("dobj", "pobj", "nsubjpass", "npadvmod", "attr", "nsubj", "appos")
SYMMETRIC_MODES = ("meet", "negotiate", "phone")
GROUP_KINDS = ("organisation", "group")
# Verbs that address someone, who is then on the other side of the contact
# they are told in: "In a call, Mr Mori urged the Chilean president to ...".
ADDRESSING_VERBS = words("arguments", "addressing_verbs")


class Places(Protocol):
    """Where the article puts a trip: the reader knows the dateline and the places."""

    def dateline_destination(self, token: Token) -> Place | None: ...

    def event_place(
        self, token: Token, trigger: Trigger, participants: list[Participant]
    ) -> tuple[str, str | None] | None: ...


@dataclass
class Gathering:
    """One trigger's participants while the rules find them, and what the rules read."""

    token: Token
    trigger: Trigger
    resolver: args_.ActorResolver
    places: Places
    speaker: Token | None  # the saying verb over the trigger's clause
    governor: Token | None  # the verb a noun trigger hangs on
    means: list[Token]  # "by phone", "over a video link"
    found: list[Participant] = field(default_factory=list)

    @property
    def gaz(self) -> Gazetteer:
        return self.resolver.gaz

    @property
    def on(self) -> date | None:
        return self.resolver.on

    @property
    def is_verb(self) -> bool:
        # "would be in Lima": the auxiliary stands for a verb entry
        return self.token.pos_ == "VERB" or (self.token.pos_ == "AUX" and self.trigger.pos == "VERB")

    @property
    def passive(self) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in self.token.children)

    @property
    def active_verb(self) -> bool:
        return not self.trigger.ultimatum and self.is_verb and not self.passive

    @property
    def noun(self) -> bool:
        return not self.trigger.ultimatum and not self.is_verb

    @property
    def says(self) -> bool:
        return not self.trigger.ultimatum and self.is_verb and self.trigger.args == "speaker"

    def add(self, tokens: Iterable[Token], role: str) -> None:
        """The actors `tokens` name, in `role`, unless already found."""
        for tok in tokens:
            for p in self.resolver.resolve(tok, role, self.found):
                if not self.has(p.name):
                    self.found.append(p)

    def has(self, name: str) -> bool:
        return any(q.name == name for q in self.found)

    def also(self, ref: Actor | ActorRef, p: Participant) -> None:
        """`ref` (a gazetteer actor) in `p`'s role and words, unless already found."""
        if not self.has(ref.name):
            self.found.append(
                Participant(ref.name, ref.kind, p.role, ref.country, getattr(ref, "qid", None), p.surface, known=True)
            )


PARTICIPANTS: RuleSet[[Gathering], None] = RuleSet(
    "participants", "who takes part in the event a trigger reports, and in what role?"
)


def gather(g: Gathering) -> list[Participant]:
    """The participants every rule of `PARTICIPANTS` finds, in the order found."""
    for rule in PARTICIPANTS:
        rule.check(g)
    return g.found


# --- verbs -------------------------------------------------------------------------


@PARTICIPANTS.register
def _ultimatum(g: Gathering) -> None:
    """an ultimatum: the one who says it threatens, whoever must act or face it is
    the target: "Ms Berg said Chile must lift the ban or face tariffs" """
    if not g.trigger.ultimatum:
        return
    if g.speaker is not None:
        g.add(args_.subjects_of(g.speaker), "source")
    g.add(args_.subjects_of(g.token), "target")
    if g.speaker is not None:
        g.add([c for c in g.speaker.children if c.dep_ in ("dobj", "dative")], "target")


@PARTICIPANTS.register
def _passive_voice(g: Gathering) -> None:
    """a passive verb: the agent acts on the subject: "the envoy was expelled by Peru" """
    if g.trigger.ultimatum or not g.is_verb or not g.passive:
        return
    g.add(args_.passive_agents(g.token), "source")
    g.add([c for c in g.token.children if c.dep_ == "nsubjpass"], "target")


@PARTICIPANTS.register
def _active_voice(g: Gathering) -> None:
    """an active verb: the subject acts on the object: "Norway expelled two
    Chilean diplomats" (a speaker's object is whom he speaks to, no target)"""
    if not g.active_verb:
        return
    g.add(args_.subjects_of(g.token), "source")
    if g.trigger.args != "speaker":
        g.add(args_.objects_of(g.token), "target")


@PARTICIPANTS.register
def _object_of_the_entry(g: Gathering) -> None:
    """the partner of an object the entry names: "restored diplomatic relations
    with Peru", "cut ties with Chile" """
    if not g.active_verb or not g.trigger.objects:
        return
    for obj in (c for c in g.token.children if c.dep_ == "dobj" and c.lemma_.lower() in g.trigger.objects):
        g.add(args_.objects_of(obj), "target")


@PARTICIPANTS.register
def _means_of_talking(g: Gathering) -> None:
    """the partner on the line: "spoke by telephone with Ms Osei", "talked over a
    video link with the king" """
    if not g.active_verb:
        return
    for means in g.means:
        g.add(args_.objects_of(means), "target")


@PARTICIPANTS.register
def _document_speaks(g: Gathering) -> None:
    """a document speaks for whoever its content's subject is: "a statement
    issued after the talks said Kenya hoped ..." """
    if not g.says or g.found:
        return
    subs = args_.subjects_of(g.token)
    if subs and subs[0].lemma_.lower() in DOCUMENT_NOUNS:
        for child in (c for c in g.token.children if c.dep_ == "ccomp"):
            g.add([c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")], "source")


@PARTICIPANTS.register
def _named_in_what_is_said(g: Gathering) -> None:
    """the states, bodies and people a speaker names in what he says: "Mr Mori
    said Japan would help Kenya" """
    if not g.says:
        return
    for child in g.token.children:
        if child.dep_ in ("ccomp", "xcomp", "dobj"):
            names = (t for t in child.subtree if t.ent_type_ in ("GPE", "ORG", "PERSON", "NORP") and t.ent_iob_ == "B")
            g.add(list(names), "target")


@PARTICIPANTS.register
def _proposed_partnership(g: Gathering) -> None:
    """the partners of what a directed act proposes: "suggested forming a
    partnership between Chile, Peru and Kenya" """
    if g.trigger.ultimatum or not g.is_verb or g.trigger.args != "directed":
        return
    for child in g.token.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
            g.add(args_.objects_of(child), "target")
            for obj in child.children:
                if obj.dep_ == "dobj":
                    g.add(args_.objects_of(obj), "target")


@PARTICIPANTS.register
def _purpose_of_a_trip(g: Gathering) -> None:
    """the partner of what a trip is for: "flew to Lima for talks with her
    Peruvian counterpart" """
    if g.trigger.ultimatum or not g.is_verb:
        return
    for child in g.token.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    g.add(args_.objects_of(pobj), "target")


# --- nouns -------------------------------------------------------------------------


@PARTICIPANTS.register
def _possessor(g: Gathering) -> None:
    """the possessor of an event noun acts: "Peru's protest", "her visit" """
    if g.noun:
        g.add([c for c in g.token.children if c.dep_ == "poss"], "source")


@PARTICIPANTS.register
def _named_modifier(g: Gathering) -> None:
    """a name in front of an event noun takes part: "the Chile-Peru talks", "the
    ASEAN summit" (a capital at the start of the sentence is no name)"""
    if not g.noun:
        return
    token = g.token
    g.add(
        [
            c
            for c in token.children
            if c.dep_ in ("compound", "amod", "nmod")
            and (c.pos_ == "PROPN" or c.ent_type_ or (c.text[:1].isupper() and c.i != token.sent.start))
        ],
        "participant",
    )


@PARTICIPANTS.register
def _noun_object(g: Gathering) -> None:
    """the object of an event noun: "talks with Kenya", "sanctions on Peru" """
    if g.noun:
        g.add(args_.objects_of(g.token), "target")


@PARTICIPANTS.register
def _participle_of_the_noun(g: Gathering) -> None:
    """who a passive participle on an event noun names takes part: its agent
    acts, its "with", "between", "among" objects are the other side: "talks
    held in Vienna between Austria and Hungary", "a summit hosted by Kenya",
    "consultations chaired by the Dutch minister with Belgian officials" """
    if not g.noun:
        return
    for clause in (c for c in g.token.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        g.add(args_.passive_agents(clause), "source")
        g.add(
            [o for o in args_.objects_of(clause) if o.dep_ == "pobj" and o.head.lower_ in ("with", "between", "among")],
            "participant",
        )


def _verb_over(g: Gathering) -> Token | None:
    """The verb an event noun is an argument of, if it is one."""
    return g.governor if g.noun and g.token.dep_ in GOVERNED_DEPS else None


@PARTICIPANTS.register
def _light_verb(g: Gathering) -> None:
    """a light verb's subject, and its "with" objects, take part in its noun, as
    does the subject of a verb around a noun's phrase: "Ms Berg held talks in
    Oslo with Chilean officials", "Mr Vidal spoke during the summit" """
    verb = _verb_over(g)
    if verb is None or not (verb.lemma_.lower() in args_.LIGHT_VERBS or g.token.dep_ == "pobj"):
        return
    g.add(args_.subjects_of(verb), "source")
    g.add(
        [
            o
            for o in args_.objects_of(verb)
            if o.i != g.token.i and o.dep_ == "pobj" and o.head.lower_ in ("with", "between", "among")
        ],
        "target",
    )


@PARTICIPANTS.register
def _addressed_on_the_occasion(g: Gathering) -> None:
    """a contact an act is told "in" or "during" has the act's addressee on the
    other side: "In a telephone call on Monday, Mr Mori urged the Chilean
    president to ...", "during talks, Ms Berg told her Kenyan counterpart ..." """
    verb = _verb_over(g)
    if verb is None or g.trigger.type != "CONSULT" or g.token.dep_ != "pobj":
        return
    if verb.lemma_.lower() not in ADDRESSING_VERBS:
        return
    if g.token.head.lower_ not in ("in", "during"):
        return
    g.add([c for c in verb.children if c.dep_ in ("dobj", "dative")], "target")


@PARTICIPANTS.register
def _passive_light_verb(g: Gathering) -> None:
    """the agent of a passive verb over the noun: "talks were held by Chile" """
    verb = _verb_over(g)
    if verb is not None and g.token.dep_ == "nsubjpass":
        g.add(args_.passive_agents(verb), "source")


@PARTICIPANTS.register
def _called_to_a_meeting(g: Gathering) -> None:
    """the passive subject of the verb over the noun takes part: "ASEAN was called
    to an urgent meeting" """
    verb = _verb_over(g)
    if verb is not None:
        g.add([c for c in verb.children if c.dep_ == "nsubjpass"], "participant")


# --- roles and membership ------------------------------------------------------------


@PARTICIPANTS.register
def _sanctioned_country(g: Gathering) -> None:
    """the state whose firms or people are punished is the target of a sanction:
    "sanctions on two Peruvian banks" """
    if g.trigger.type != "SANCTION" or any(p.role == "target" for p in g.found):
        return
    doc = g.token.doc
    for obj in args_.objects_of(g.token):
        start, end = args_.noun_phrase(obj)
        country = args_.country_adjectives(doc, start, end, g.gaz)
        if country and not g.has(country):
            g.found.append(Participant(country, "country", "target", country, None, doc[start:end].text))


@PARTICIPANTS.register
def _symmetric_roles(g: Gathering) -> None:
    """meeting, negotiating and calling are mutual: "Ms Berg met Mr Vidal" makes
    both participants, neither source nor target"""
    if g.trigger.args == "symmetric" or g.trigger.mode in SYMMETRIC_MODES:
        for p in g.found:
            if p.role in ("source", "target"):
                p.role = "participant"


@PARTICIPANTS.register
def _host(g: Gathering) -> None:
    """who hosts is the host: "Peru hosted the talks" """
    if g.trigger.mode == "host":
        for p in g.found:
            if p.role == "source":
                p.role = "host"


@PARTICIPANTS.register
def _visited_country(g: Gathering) -> None:
    """a visit is to the country of its place: "Mr Mori arrived in Lima" visits
    Peru (the dateline's place for "arrived here")"""
    if g.trigger.mode != "visit":
        return
    here = g.places.dateline_destination(g.token)
    place = (here.name, here.country) if here is not None else g.places.event_place(g.token, g.trigger, g.found)
    if place and place[1] and not g.has(place[1]):
        g.found.append(Participant(place[1], "country", "target", place[1], None, place[0]))


@PARTICIPANTS.register
def _parent_organisation(g: Gathering) -> None:
    """a body named after its parent organisation belongs to it, so queries by the
    parent find it: "the ASEAN Regional Forum" is also ASEAN"""
    for p in list(g.found):
        words = [w.strip("()") for w in p.surface.split() if w.lower() not in ("the", "a", "an")]
        if p.kind not in GROUP_KINDS or len(words) <= 1:
            continue
        parent = g.gaz.lookup(words[0], on=g.on)
        if parent is not None and parent.name != p.name and parent.kind in GROUP_KINDS:
            g.also(parent, p)


@PARTICIPANTS.register
def _acting_for(g: Gathering) -> None:
    """every person (and national body) acts for a country, so queries by country
    find them; a person in an international office acts for that organisation
    instead: the EC's commissioner is not his country"""
    for p in list(g.found):
        body = g.gaz.organisation_of(p.name, g.on) if p.kind == "person" and p.known and g.on else None
        if body is not None:
            g.also(body, p)
        elif p.kind in ("person", "legislature") and p.country and not g.has(p.country):
            g.found.append(Participant(p.country, "country", p.role, p.country, None, p.surface))
