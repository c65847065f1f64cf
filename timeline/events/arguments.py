"""Who did what to whom, and where: participants and places of a trigger, read
from the spaCy dependency parse and resolved to canonical actors.

Covers active and passive voice ("X met Y", "Y was expelled by X"), symmetric
constructions ("X and Y met", "talks between X and Y", "X's meeting with Y"),
light verbs ("X held talks with Y"), subjects inherited by non-finite clauses
("Meeting Ms Berg, Mr Vidal said"), titles and descriptions resolved at the
event's date ("the Norwegian premier", "her Chilean counterpart") and pronouns
resolved to the most recent fitting person.

`ActorResolver` asks the rules of `ACTORS` in order what a token names (the
first that answers decides; an empty answer means "nobody"), and those of
`AGENTS` whom "Japanese envoys" or "EC envoys" act for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from timeline.actors.gazetteer import HONORIFICS
from timeline.datafiles import words
from timeline.events.rules import RuleSet
from timeline.events.types import Participant
from timeline.temporal.lexicon import CARDINALS as NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from timeline.actors.gazetteer import Gazetteer
    from timeline.actors.model import ActorRef

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PARTICIPANT_PREPS = words("arguments", "participant_prepositions")
PLACE_PREPS = words("arguments", "place_prepositions")
LIGHT_VERBS = words("arguments", "light_verbs")
PRONOUNS_PERSON = words("arguments", "person_pronouns")
FIRST_PERSON = words("arguments", "first_person_pronouns")
QUANTIFIERS = words("arguments", "quantifiers")
PLURAL_REFERENCES = words("arguments", "plural_references")
STATE_REFERENCES = words("arguments", "state_references")
GROUP_COUNTS = words("arguments", "group_counts")
NAMED_BY_APPOSITION = words("arguments", "named_by_apposition")
PLAN_NOUNS = words("arguments", "plan_nouns")
COMPANY_HEADS = words("arguments", "company_heads")
COMPANY_WORDS = words("arguments", "company_words")
OFFICE_WORDS = words("arguments", "office_words")
WEAK_OFFICE_WORDS = words("arguments", "weak_office_words")
NON_STATE_MODIFIERS = words("arguments", "non_state_modifiers")
TRADE_NOUNS = words("arguments", "trade_nouns")
STATE_AGENT_NOUNS = words("arguments", "state_agent_nouns")
FELLOW_AGENTS = words("arguments", "fellow_agents")
ARTICLES = words("arguments", "articles")
STATE_BODY_WORDS = words("arguments", "state_body_words")
REPORTING_VERBS = words("common", "reporting_verbs")
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
PLURAL_TAGS = ("NNS", "NNPS")


@dataclass
class DiscourseMemory:
    """What earlier sentences of the article named: for pronouns, for "the two
    leaders", and for surnames ("Berg" after "Ingrid Berg" is her, not
    another Berg of the gazetteer)."""

    persons: list[Participant] = field(default_factory=list)
    last_group: list[Participant] = field(default_factory=list)
    last_subject: Participant | None = None
    last_countries: list[Participant] = field(default_factory=list)
    sentence_index: int = 0
    by_name_part: dict[str, Participant] = field(default_factory=dict)
    agents: dict[str, list[Participant]] = field(default_factory=dict)  # "ministers" -> EC
    last_agents: list[Participant] = field(default_factory=list)  # the latest such group
    dateline_place: object | None = None  # the Place of the story's dateline, for "here"
    officials: set[str] = field(default_factory=set)  # unknown persons the article gives a public office
    # The story's lead, once read: the past day it names in a story told after
    # the fact ("On Saturday, the envoys met ..."), else None.
    lead_read: bool = False
    lead_day: str | None = None

    def remember(self, person: Participant, *, subject: bool = False) -> None:
        self.persons = [q for q in self.persons if q.name != person.name] + [person]
        if subject:
            self.last_subject = person
        for part in _name_parts(person.name) | _name_parts(person.surface):
            self.by_name_part.setdefault(part, person)

    def note(self, participants: list[Participant]) -> None:
        people = [p for p in participants if p.kind == "person"]
        for p in people:
            self.remember(p, subject=p.role in ("source", "host"))
        if len(people) >= 2:
            self.last_group = people
        countries = [p for p in participants if p.kind == "country"]
        if len(countries) >= 2:
            self.last_countries = countries

    def person_named(self, text: str) -> Participant | None:
        key = " ".join(text.lower().replace("’", "'").split())
        return self.by_name_part.get(key)

    def remember_agents(self, noun: str, group: list[Participant]) -> None:
        """ "EC ministers": later "the ministers" are the same group."""
        self.agents[noun] = group
        self.last_agents = group


def _name_parts(name: str) -> set[str]:
    """Keys under which a person may be named again: the surname and the full name."""
    words = [w for w in name.lower().replace("’", "'").split() if w[:1].isalpha()]
    if not words:
        return set()
    parts = {" ".join(words), words[-1]}
    if len(words) >= 3:
        parts.add(" ".join(words[-2:]))  # "Perez Soto" of "Juan Perez Soto"
    return parts


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token span (start, end) of the name or description headed by `token`:
    its compounds, adjectives, determiners and possessives on the left."""
    left = token.i
    for child in token.lefts:
        if (
            child.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "flat", "case", "punct")
            and child.i < left
        ):
            left = min(left, child.left_edge.i if child.dep_ != "punct" else child.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in ("flat", "compound") or (child.dep_ == "case" and child.i == token.i + 1):
            right = max(right, child.i)
    return left, right + 1


def _entity_at(token: Token) -> Span | None:
    if token.ent_iob_ in ("B", "I") and token.ent_type_ in ENTITY_LABELS:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return _whole_person_name(ent) if ent.label_ == "PERSON" else ent
    return None


def _whole_person_name(ent: Span) -> Span:
    """A person's name with the given names the parser left out of its entity
    ("Luiz [Inacio Lula da Silva]", "Lena [Marie Holm]"): capitalised proper
    nouns outside any entity, compounded onto the name, that are not titles or
    honorifics ("Minister [Lena Holm]" stays as it is)."""
    doc, start = ent.doc, ent.start
    while start > 0:
        tok = doc[start - 1]
        if not (tok.pos_ == "PROPN" and tok.ent_type_ == "" and tok.text[:1].isupper() and tok.text[1:].islower()):
            break
        if tok.dep_ != "compound" or not ent.start <= tok.head.i < ent.end:
            break
        if tok.lower_ in OFFICE_WORDS or tok.lower_.rstrip(".") in HONORIFICS:
            break
        start -= 1
    if start == ent.start:
        return ent
    whole = doc[start : ent.end]
    whole.label_ = ent.label_
    return whole


def country_adjectives(doc: Doc, start: int, end: int, gaz: Gazetteer) -> str | None:
    """The country a word of `doc[start:end]` is the adjective of: "Norwegian",
    "South Korean" (two words), "U.S."; a word inside a longer adjective of a
    region the gazetteer does not know is none: "Central American", "Latin
    American" are not the United States."""
    for tok in doc[start:end]:
        if (tok.pos_ in ("ADJ", "PROPN") or tok.ent_type_ == "NORP") and not _in_unknown_region(tok, gaz):
            country = gaz.country_of_adjective(tok.text)
            if country:
                return country
    for a, b in zip(doc[start:end], doc[start + 1 : end]):
        country = gaz.country_of_adjective(f"{a.text} {b.text}")
        if country:
            return country
    return None


@dataclass(frozen=True)
class Phrase:
    """A token to resolve, with the noun phrase it heads and the role it plays."""

    tok: Token
    role: str
    others: list[Participant]  # the event's other participants, for "his counterpart"
    start: int
    end: int

    @property
    def doc(self) -> Doc:
        return self.tok.doc

    @property
    def surface(self) -> str:
        return self.doc[self.start : self.end].text

    @property
    def lemma(self) -> str:
        return self.tok.lemma_.lower()

    @property
    def plural(self) -> bool:
        return self.tok.tag_ in PLURAL_TAGS

    @property
    def modifiers(self) -> Span:
        """The words of the phrase in front of its head."""
        return self.doc[self.start : self.tok.i]

    def again(self, group: Sequence[Participant]) -> list[Participant]:
        """`group` named again by this phrase, in this phrase's role."""
        return [Participant(p.name, p.kind, self.role, p.country, p.qid, self.surface, known=p.known) for p in group]

    def country(self, name: str) -> list[Participant]:
        return [Participant(name, "country", self.role, name, None, self.surface)]


ACTORS: RuleSet[[ActorResolver, Phrase], list[Participant]] = RuleSet(
    "participants", "which actors does a noun phrase or pronoun name?"
)
AGENTS: RuleSet[[ActorResolver, Phrase], list[Participant]] = RuleSet(
    "participants", "which state or body do officials, ministers or negotiators act for?"
)


class ActorResolver:
    """Turns tokens into canonical actors at a given date."""

    def __init__(self, gazetteer: Gazetteer, on: date | None, memory: DiscourseMemory) -> None:
        self.gaz = gazetteer
        self.on = on
        self.memory = memory

    def _ref(self, ref: ActorRef, surface: str, role: str) -> Participant:
        return Participant(
            name=ref.name,
            kind=ref.kind,
            role=role,
            country=ref.country,
            qid=getattr(ref, "qid", None),
            surface=surface,
            known=True,
        )

    def resolve(self, token: Token, role: str, others: list[Participant] | None = None) -> list[Participant]:
        """Actors named by `token` (and its conjuncts)."""
        found: list[Participant] = []
        for tok in [token, *_conjuncts(token), *_folded_coordinates(token)]:
            named = self._resolve_one(tok, role, others or [])
            if not named or tok.lemma_.lower() in NAMED_BY_APPOSITION:
                named = self._with_apposition(tok, named, role, others or [])
            found.extend(named)
        return found

    def _with_apposition(
        self, tok: Token, named: list[Participant], role: str, others: list[Participant]
    ) -> list[Participant]:
        """ "her Peruvian counterpart Lena Holm", "bloc members Chile and Peru":
        the apposition names them (a counterpart's country gives way to the person)."""
        for app in _appositions(tok):
            more = [p for t in [app, *_conjuncts(app)] for p in self._resolve_one(t, role, others)]
            if more:
                kept = [p for p in named if p.kind != "country"] if tok.lemma_.lower() == "counterpart" else named
                named = kept + more
        return named

    def _resolve_one(self, tok: Token, role: str, others: list[Participant]) -> list[Participant]:
        found, _rule = ACTORS.first(self, Phrase(tok, role, others, *noun_phrase(tok)))
        return found or []

    def resolve_with_rule(self, token: Token, role: str) -> tuple[list[Participant], str | None]:
        """What `token` alone names, and the name of the rule that decided."""
        found, rule = ACTORS.first(self, Phrase(token, role, [], *noun_phrase(token)))
        return found or [], rule

    def _entity(self, ent: Span, tok: Token, role: str) -> list[Participant]:
        text = _strip_determiner(ent)
        if not text:
            return []
        if ent.label_ == "PERSON":
            known = self.memory.person_named(text)
            if known is not None:
                return [
                    Participant(known.name, known.kind, role, known.country, known.qid, ent.text, known=known.known)
                ]
        ref = self.gaz.lookup(text, on=self.on)
        if ref is not None:
            return [self._ref(ref, ent.text, role)]
        if ent.label_ == "PERSON":
            return self._unknown_person(ent, text, role)
        if ent.label_ == "ORG":
            country = self._state_of_body(ent)
            if country is not None:
                return [Participant(country, "country", role, country, None, ent.text)]
            if _named_by_an_office(ent):
                return self._unknown_person(ent, text, role)
        if ent.label_ == "NORP":
            country = self.gaz.country_of_adjective(text)
            if country and tok.i == ent.end - 1 and tok.pos_ in ("PROPN", "NOUN"):
                return [Participant(country, "country", role, country, None, ent.text)]
        return []

    def _state_of_body(self, ent: Span) -> str | None:
        """The country a body of a state the gazetteer does not list names:
        "the United States Department of Transportation", "the Foreign
        Ministry of Chile"; None for other organisations."""
        if not any(t.lower_ in STATE_BODY_WORDS for t in ent):
            return None
        for i in range(len(ent)):
            for j in range(len(ent), i, -1):
                country = self.gaz.country_named(ent[i:j].text, self.on)
                if country is not None:
                    return country
        return country_adjectives(ent.doc, ent.start, ent.end, self.gaz)

    def _unknown_person(self, ent: Span, text: str, role: str) -> list[Participant]:
        """A person the gazetteer does not know: a new actor, with a country when
        the text gives one, in front ("Norwegian envoy Lena Holm") or in apposition."""
        start, _ = noun_phrase(ent.root)
        country = country_adjectives(ent.doc, min(start, ent.start), ent.start, self.gaz)
        if country is None:
            country = _appositive_country(ent, self.gaz)
        name = _clean_person_name(text)
        if not name:
            return []
        from timeline.actors.places import resolve_place

        if resolve_place(text) is not None:
            return []  # the parser's PERSON is a town ("traveled to Lima")
        return [Participant(name, "person", role, country, None, ent.text)]

    def _speaker(self, tok: Token, role: str, others: list[Participant]) -> list[Participant]:
        """ "'On Tuesday I shall fly to Lima,' Mr Vidal said", "'I will sign it,' Ms
        Berg announced": in a quotation "I" is whoever the sentence says is speaking."""
        for verb in tok.sent:
            if verb.lemma_.lower() in REPORTING_VERBS and verb.pos_ == "VERB" and verb.i != tok.head.i:
                for sub in (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON):
                    named = [p for p in self._resolve_one(sub, role, others) if p.kind == "person"]
                    if named:
                        return named[:1]
        return []

    def _pronoun(self, tok: Token, role: str, others: list[Participant]) -> list[Participant]:
        taken = {p.name for p in others}
        subject = self._reporter(tok, role, others) or self.memory.last_subject
        # A subject pronoun continues the topic: the last person who acted.
        if tok.dep_ in SUBJECT_DEPS and subject is not None and subject.name not in taken:
            return [
                Participant(
                    subject.name, subject.kind, role, subject.country, subject.qid, tok.text, known=subject.known
                )
            ]
        # Binding: an object or possessive pronoun is not the subject of its own
        # clause, so the most recent other person is meant.
        for person in reversed(self.memory.persons):
            if person.name not in taken:
                return [
                    Participant(
                        person.name, person.kind, role, person.country, person.qid, tok.text, known=person.known
                    )
                ]
        return []

    def _reporter(self, tok: Token, role: str, others: list[Participant]) -> Participant | None:
        """The subject of the clause governing a subject pronoun's clause: "Mr
        Mori said he had agreed" (the reporter, named in this very sentence);
        "Ms Osei arrived after a stop in Bern, where she met the envoy"."""
        clause = tok.head
        if tok.dep_ not in SUBJECT_DEPS or clause.dep_ not in ("ccomp", "relcl", "advcl"):
            return None
        governor = clause.head
        for _ in range(4):
            if governor.pos_ in ("VERB", "AUX") or governor.head.i == governor.i:
                break
            governor = governor.head
        if governor.ent_type_ == "PERSON":
            return None  # a name with a word the parser read as a verb
        found = None
        for reporter in (c for c in governor.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_PERSON):
            named = [p for p in self._resolve_one(reporter, role, others) if p.kind == "person"]
            if named:
                found = named[0]
        return found


def _appositions(tok: Token) -> Iterator[Token]:
    for c in tok.children:
        if c.dep_ == "appos" or (c.dep_ == "compound" and c.ent_type_ == "PERSON" and c.i == tok.i + 1):
            yield c


# --- what a token names: the rules of ACTORS, in the order they are tried -------


@ACTORS.register
def _quantified_group(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a quantifier names the group after "of": "with each of the Japanese
    envoys", "both of the Chilean ministers" """
    if p.tok.lower_ not in QUANTIFIERS:
        return None
    for prep in (c for c in p.tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return r._resolve_one(pobj, p.role, p.others)
    return None


@ACTORS.register
def _person_pronoun(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a third-person pronoun: the last person who acted ("he met the king"), or
    for an object the most recent other person ("the envoy met her"); a subject
    in a reported clause is the reporter: "Mr Mori said he had agreed" """
    if p.tok.lower_ in PRONOUNS_PERSON and p.tok.pos_ == "PRON":
        return r._pronoun(p.tok, p.role, p.others)
    return None


@ACTORS.register
def _state_pronoun(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """ "it" or "they" as the subject of a reported clause is the state or body
    that reports it: "Norway said it would expel two diplomats", "the EC said
    they would retaliate" """
    tok = p.tok
    if tok.lower_ not in ("it", "they") or tok.pos_ != "PRON" or tok.dep_ not in SUBJECT_DEPS:
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
        return None
    for reporter in (c for c in clause.head.children if c.dep_ == "nsubj"):
        named = [q for q in r._resolve_one(reporter, p.role, p.others) if q.kind != "person"]
        if named:
            return p.again(named)
    return None


@ACTORS.register
def _first_person(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """ "I" in a quotation is its speaker: "'On Tuesday I shall fly to Lima,' Mr
    Vidal said" """
    if p.tok.lower_ in FIRST_PERSON and p.tok.pos_ == "PRON":
        return r._speaker(p.tok, p.role, p.others)
    return None


@ACTORS.register
def _named_entity(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a name the parser found: a person named before ("Berg" after "Ingrid
    Berg"), a gazetteer entry ("Norway expelled"), an unknown person
    ("Norwegian envoy Lena Holm"), a people for its country ("the Chileans")"""
    ent = _entity_at(p.tok)
    if ent is None:
        return None
    return r._entity(ent, p.tok, p.role) or None


@ACTORS.register
def _group_referred_back(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """the last group talked about: "the two leaders", "both sides", "the three
    countries"; a larger count must be the group's size: "the seven major
    industrial countries" after seven were named"""
    if p.lemma not in PLURAL_REFERENCES or not p.plural:
        return None
    words = p.doc[p.start : p.end]
    counts = [NUMBER_WORDS.get(t.lower_) or (int(t.text) if t.text.isdigit() else 0) for t in words]
    size = max(counts, default=0)
    if not any(t.lower_ in GROUP_COUNTS for t in words) and size <= 3:
        return None
    group = r.memory.last_countries if p.lemma in STATE_REFERENCES else r.memory.last_group
    group = group or r.memory.last_group
    if size > 3 and len(group) != size:
        return None
    return p.again(group) if group else None


@ACTORS.register
def _capitalised_adjective(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a body the tagger calls an adjective: "next week's G-7 summit" """
    tok = p.tok
    if not (tok.pos_ == "ADJ" and tok.text[:1].isupper() and tok.dep_ in ("compound", "amod")):
        return None
    ref = r.gaz.lookup(tok.text, on=r.on)
    return [r._ref(ref, tok.text, p.role)] if ref is not None and ref.kind != "person" else None


@ACTORS.register
def _counterpart(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a counterpart in the country named: "her Chilean counterpart" next to Ms
    Berg is whoever holds her office in Chile on the day; the country itself
    when no one does ("her Peruvian counterpart")"""
    if p.lemma != "counterpart":
        return None
    # "her Chilean, Peruvian and Kenyan counterparts": one in each country
    countries = _each_country_adjective(p, r.gaz) if p.plural else []
    if len(countries) < 2:
        country = country_adjectives(p.doc, p.start, p.end, r.gaz)
        countries = [country] if country else []
    return [person for country in countries for person in _counterpart_in(r, p, country)]


def _each_country_adjective(p: Phrase, gaz: Gazetteer) -> list[str]:
    """The countries of the adjectives in front of the head, in order, once
    each: "U.S. and Chilean diplomats", "her Chilean, Peruvian and Kenyan
    counterparts"."""
    found: list[str] = []
    for mod in p.modifiers:
        country = country_adjectives(p.doc, mod.i, mod.i + 1, gaz)
        if country and country not in found:
            found.append(country)
    return found


def _counterpart_in(r: ActorResolver, p: Phrase, country: str) -> list[Participant]:
    for other in p.others or r.memory.persons[::-1]:
        if other.kind == "person":
            ref = r.gaz.counterpart(other.name, country, r.on)
            if ref is not None:
                return [r._ref(ref, p.surface, p.role)]
    return p.country(country)


@ACTORS.register
def _gazetteer_name(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a noun phrase the gazetteer knows: "the Norwegian premier", "the Kenyan
    foreign minister" (a plural agent of a body, "EC ministers", is remembered
    for "the ministers")"""
    tok = p.tok
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    text = _strip_determiner(p.doc[p.start : p.end])
    ref = r.gaz.lookup(text, on=r.on) if text else None
    if ref is None and text != tok.text and tok.pos_ == "PROPN" and not _inside_unknown_name(tok):
        ref = r.gaz.lookup(tok.text, on=r.on)
    if ref is None:
        return None
    if ref.kind == "person" and ref.via in ("name", "alias", "surname") and not tok.text[:1].isupper():
        return None  # "Spanish rice": a common noun is nobody's surname
    found = [r._ref(ref, p.surface, p.role)]
    if p.lemma in STATE_AGENT_NOUNS and p.plural and ref.kind != "person":
        r.memory.remember_agents(p.lemma, found)
    return found


@ACTORS.register
def _company(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a business, whatever country owns it: "Norway's biggest banking group",
    "a state-owned shipping company" → nobody"""
    if p.tok.pos_ in ("NOUN", "PROPN") and (p.lemma in COMPANY_HEADS or p.tok.lower_ in COMPANY_HEADS):
        return []
    return None


@ACTORS.register
def _owner(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """the owner acts: "Chile's decision", "Norway's proposal" """
    if p.tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in p.tok.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            owner = r._resolve_one(child, p.role, p.others)
            if owner:
                return owner
    return None


@ACTORS.register
def _traded_goods(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """the country of the goods, flights or trade a measure restricts is its
    target: "tariffs on imports of Japanese cars", "banned Chilean products",
    "cut exports from Peru", "restrictions on flights to Cuba", "halted trade
    with Chile" """
    if p.tok.pos_ != "NOUN" or p.lemma not in TRADE_NOUNS:
        return None
    country = country_adjectives(p.doc, p.start, p.end, r.gaz)
    if country is None:
        for prep in (c for c in p.tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "to", "with")):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                country = country or _country_of(r, pobj, p)
    return p.country(country) if country else None


def _country_of(r: ActorResolver, pobj: Token, p: Phrase) -> str | None:
    start, end = noun_phrase(pobj)
    country = country_adjectives(p.doc, start, end, r.gaz)
    if country is None:
        country = next((q.name for q in r._resolve_one(pobj, p.role, p.others) if q.kind == "country"), None)
    return country


def _state_agent(p: Phrase) -> bool:
    return p.tok.pos_ == "NOUN" and p.lemma in STATE_AGENT_NOUNS


@ACTORS.register
def _non_state_agents(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """agents of something other than a state: "U.S. and EC business leaders",
    "opposition leaders", "bank officials" → nobody"""
    if _state_agent(p) and any(t.lemma_.lower() in NON_STATE_MODIFIERS for t in p.modifiers):
        return []
    return None


@ACTORS.register
def _agents_of_a_state(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """the state or body named in front of or after the agent acts (AGENTS):
    "Japanese envoys", "EC envoys", "the ministers of ASEAN" (a plural group is
    remembered for "the ministers")"""
    if not _state_agent(p):
        return None
    found, _rule = AGENTS.first(r, p)
    if not found:
        return None
    if p.plural:
        r.memory.remember_agents(p.lemma, found)
    return found


@ACTORS.register
def _fellow_agents(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """ "met his colleagues": the group he belongs to, the one the article last named"""
    if _state_agent(p) and p.plural and p.lemma in FELLOW_AGENTS and r.memory.last_agents:
        return p.again(r.memory.last_agents)
    return None


@ACTORS.register
def _agents_named_before(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a bare plural names the group the article last called so: "the ministers
    are due to start talks" after "EC ministers" """
    if _state_agent(p) and p.plural and all(t.dep_ == "det" for t in p.modifiers):
        return p.again(r.memory.agents.get(p.lemma, []))
    return None


# --- whom agents act for: the rules of AGENTS -----------------------------------


@AGENTS.register
def _country_adjective(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """the country of an adjective in front: "Japanese envoys", and each
    country of a coordination: "U.S. and Chilean diplomats" """
    country = country_adjectives(p.doc, p.start, p.end, r.gaz)
    if not country:
        return None
    countries = [country]
    if any(t.dep_ == "cc" for t in p.modifiers):
        countries += [other for other in _each_country_adjective(p, r.gaz) if other != country]
    return [Participant(c, "country", p.role, c, None, p.surface) for c in countries]


@AGENTS.register
def _named_body(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """a body named in front: "EC envoys", "ASEAN diplomats", in words of its
    own name: "Arab League foreign ministers", "World Bank officials" """
    for mod in p.modifiers:
        ent = _entity_at(mod)
        if ent is not None and len(ent) > 1 and not ent.start <= p.tok.i < ent.end:
            ref = r.gaz.lookup(_strip_determiner(ent), on=r.on)
            if ref is not None and ref.kind != "person":
                return [r._ref(ref, p.surface, p.role)]
        if (mod.pos_ == "PROPN" or mod.ent_type_ in ("ORG", "GPE", "NORP")) and not _in_unknown_region(mod, r.gaz):
            ref = r.gaz.lookup(mod.text, on=r.on)
            if ref is not None and ref.kind != "person":
                return [r._ref(ref, p.surface, p.role)]
    return None


@AGENTS.register
def _of_owners(r: ActorResolver, p: Phrase) -> list[Participant] | None:
    """the states or bodies after "of": "the envoys of Chile, Peru and Norway",
    "the ministers of ASEAN" """
    for prep in (c for c in p.tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        owners = [
            q
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for t in [pobj, *_conjuncts(pobj)]
            for q in r._resolve_one(t, p.role, p.others)
            if q.kind != "person"
        ]
        if owners:
            return owners
    return None


# --- public offices of unknown people -------------------------------------------


def has_office(ent: Span, gaz: Gazetteer | None = None) -> bool:
    """Whether the text gives the person entity `ent` a public office, in
    front of the name, in apposition, or as the noun the name stands beside
    ("the spokesman, Ivo Rask") — and not a company post ("senior vice
    president of the corporate banking group", "Bank of Oslo Chairman")."""
    words = _office_context(ent)
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if lemmas & (COMPANY_HEADS | COMPANY_WORDS):
        return False
    if lemmas & (OFFICE_WORDS - WEAK_OFFICE_WORDS):
        return True
    # "a vice president at Nordfisk Trading": a title companies give too counts
    # only when no organisation the gazetteer does not know is named.
    orgs = {e for t in words if t.ent_type_ == "ORG" for e in [_entity_at(t)] if e is not None}
    if gaz is not None and any(gaz.lookup(_strip_determiner(e)) is None for e in orgs):
        return False
    return bool(lemmas & WEAK_OFFICE_WORDS)


def _office_context(ent: Span) -> list[Token]:
    """The words that may give a person a title: in front of the name, in
    apposition to it, and the phrase it is in apposition to."""
    doc = ent.doc
    root = ent.root
    start, _ = noun_phrase(root)
    words = list(doc[min(start, ent.start) : ent.start])
    for child in root.children:
        if child.dep_ == "appos":
            words += list(child.subtree)
    if root.dep_ == "appos":
        head_start, head_end = noun_phrase(root.head)
        words += [t for t in doc[head_start:head_end] if not (ent.start <= t.i < ent.end)]
        words += [t for prep in root.head.children if prep.dep_ == "prep" for t in prep.subtree]
    return words


def _inside_unknown_name(tok: Token) -> bool:
    """ "Andino Chile signed the loan": a token inside a longer organisation or
    place name the gazetteer does not know names that organisation or place,
    not the country it is named after: "a tour of Latin America" is no visit
    to the United States, "New Mexico" is not Mexico."""
    ent = _entity_at(tok)
    return ent is not None and ent.label_ in ("ORG", "LOC", "GPE", "FAC") and len(ent) > 1


def _in_unknown_region(tok: Token, gaz: Gazetteer) -> bool:
    """Is `tok` a later word of a longer place or people name the gazetteer
    knows neither as a name nor as an adjective: "Central American", "Latin
    America"? The first word still counts: "Saudi Arabian" is Saudi."""
    ent = _entity_at(tok)
    if ent is None or ent.label_ not in ("NORP", "LOC", "GPE") or len(ent) < 2 or tok.i == ent.start:
        return False
    text = _strip_determiner(ent)
    return gaz.lookup(text) is None and gaz.country_of_adjective(text) is None


def _strip_determiner(span: Span) -> str:
    words = [t for t in span if not (t.i == span.start and t.lower_ in ARTICLES)]
    text = "".join(t.text_with_ws for t in words).strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
    return text


def person_name(ent: Span) -> str:
    """The name an unknown person entity is stored under ("" for a parser slip)."""
    return _clean_person_name(_strip_determiner(ent))


def _clean_person_name(text: str) -> str:
    text = text.strip(" ,.;:'\"“”’")
    # A PERSON entity of one lower-case word or digits is a parser slip.
    if not text or not any(c.isupper() for c in text[:1]):
        return ""
    return text


def _appositive_country(ent: Span, gaz: Gazetteer) -> str | None:
    """ "Lena Holm, Norway's envoy", "Lena Holm, the Norwegian envoy", "Lena
    Holm, the foreign minister of Norway" """
    for child in ent.root.children:
        if child.dep_ == "appos":
            start, end = noun_phrase(child)
            country = country_adjectives(child.doc, start, end, gaz)
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    country = country or gaz.country_named(pobj.text)
            if country:
                return country
    return None


def _named_by_an_office(ent: Span) -> bool:
    """ "Amara Wanjiku, the foreign minister of Kenya": a name the parser took
    for an organisation is a person when an office stands in apposition to it."""
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        return False
    return any(c.dep_ == "appos" and c.lemma_.lower() in OFFICE_WORDS for c in ent.root.children)


def _folded_coordinates(token: Token) -> list[Token]:
    """ "US President Ana Ruiz and Chilean President Tomas Vidal spoke": names
    the parser folded into the phrase of the last one (an apposition of a
    title compounded onto it), before an "and" inside that phrase."""
    doc = token.doc
    own = _entity_at(token)
    end = own.start if own is not None else token.i
    start = token.left_edge.i
    ands = [t.i for t in doc[start:end] if t.dep_ == "cc" and t.lower_ == "and"]
    if not ands:
        return []
    return [e.root for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= ands[-1]]


def _conjuncts(token: Token) -> list[Token]:
    out = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


# --- subjects, objects and places of a trigger ----------------------------------

HOPS: RuleSet[[Token, str], tuple[Token, str]] = RuleSet(
    "participants", "which clause does a non-finite verb take its subject from?"
)
_NON_FINITE_DEPS = ("advcl", "xcomp", "pcomp", "conj", "acl", "prep", "acomp")


def subjects_of(verb: Token) -> list[Token]:
    """Subject tokens of `verb`, inherited from the governing clause when the verb
    is non-finite ("Meeting Ms Berg, Mr Vidal said"; "ended the dispute by calling the king")."""
    own = _own_subjects(verb, ("nsubj", "csubj"))
    if own is not None:
        return own
    node = verb
    for _ in range(4):
        if node.dep_ not in _NON_FINITE_DEPS and node.tag_ not in ("VBG", "VBN", "TO"):
            break
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            absolute = _absolute_with_subject(node)
            if absolute is not None:
                return [absolute]
        node, came_from = _governor(node)
        # "Ms Berg is scheduled to meet": the passive subject of a control verb acts.
        own = _own_subjects(node, ("nsubj", "csubj", "nsubjpass") if came_from == "xcomp" else ("nsubj", "csubj"))
        if own is not None:
            return own
        if node.head.i == node.i:
            break
    return []


def _own_subjects(verb: Token, deps: tuple[str, ...]) -> list[Token] | None:
    """The subjects of `verb` itself; the antecedent of a relative pronoun
    ("Ms Osei, who held talks with her", "Ms Berg, who is scheduled to meet")."""
    subs = [c for c in verb.children if c.dep_ in deps]
    if subs and subs[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return [verb.head]
    return subs or None


def _governor(node: Token) -> tuple[Token, str]:
    """One step up from a non-finite verb (through a preposition), and the
    relation it came up by; HOPS may go one noun further."""
    came_from = node.dep_
    node = node.head
    if node.pos_ == "ADP":
        node = node.head
    hop, _rule = HOPS.first(node, came_from)
    return hop or (node, came_from)


@HOPS.register
def _options_including(node: Token, came_from: str) -> tuple[Token, str] | None:
    """through the object of a verb to the verb: "is drafting options including
    retaliation against Chile" """
    if came_from == "prep" and node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.pos_ == "VERB":
        return node.head, "xcomp"
    return None


@HOPS.register
def _plans_to(node: Token, came_from: str) -> tuple[Token, str] | None:
    """through a plan noun to the verb that has it: "Oslo announced plans to impose
    tariffs on" """
    if came_from == "acl" and node.pos_ == "NOUN" and node.dep_ == "dobj" and node.lemma_.lower() in PLAN_NOUNS:
        return node.head, "xcomp"
    return None


def _absolute_with_subject(verb: Token) -> Token | None:
    """ "..., with the ministers this week calling Mr Obi ...": the noun after a
    "with" just before a participle is the participle's subject."""
    doc = verb.doc
    left = verb.left_edge.i
    for i in range(left - 1, max(verb.sent.start, left - 8) - 1, -1):
        tok = doc[i]
        if tok.lower_ == "with" and tok.pos_ == "ADP":
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if not objs:
                return None
            # Only time words may stand between the noun and the participle.
            between = doc[objs[0].right_edge.i + 1 : left]
            if all(t.ent_type_ in ("DATE", "TIME") for t in between):
                return objs[0]
            return None
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ","):
            break
    return None


def objects_of(token: Token) -> list[Token]:
    """Object tokens: direct objects, datives and objects of participant prepositions."""
    out = []
    for child in token.children:
        if child.dep_ in ("dobj", "dative", "oprd", "attr"):
            out.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in PARTICIPANT_PREPS:
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prt":
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def passive_agents(verb: Token) -> list[Token]:
    return [c for agent in verb.children if agent.dep_ == "agent" for c in agent.children if c.dep_ == "pobj"]


def place_tokens(token: Token) -> list[Token]:
    """Candidate place tokens: objects of in/at/to attached to the trigger or to
    the names it governs ("met with Mr Vidal in the Lima palace")."""
    out: list[Token] = []
    frontier = [token]
    seen: set[int] = set()
    depth = 0
    while frontier and depth < 3:
        nxt: list[Token] = []
        for node in frontier:
            if node.i in seen:
                continue
            seen.add(node.i)
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out.append(pobj)
                            nxt.extend(c for c in pobj.children if c.dep_ in ("prep", "appos", "conj"))
                elif child.dep_ in ("pobj", "dobj", "prep", "appos", "conj") and child.pos_ != "VERB":
                    nxt.append(child)
        frontier = nxt
        depth += 1
    return out
