"""Who did what to whom, and where: participants and places of a trigger, read
from the spaCy dependency parse and resolved to canonical actors.

Covers active and passive voice ("X met Y", "Y was expelled by X"), symmetric
constructions ("X and Y met", "talks between X and Y", "X's meeting with Y"),
light verbs ("X held talks with Y"), subjects inherited by non-finite clauses
("Speaking to Putin, Lukashenko said"), titles and descriptions resolved at the
event's date ("the Belarusian leader", "his Russian counterpart") and pronouns
resolved to the most recent fitting person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline.events.types import Participant

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
# Prepositions whose objects take part in an event.
PARTICIPANT_PREPS = {
    "with",
    "between",
    "among",
    "to",
    "against",
    "on",
    "for",
    "from",
    "by",
    "of",
    "toward",
    "towards",
    "at",
    "over",
    "about",
}
PLACE_PREPS = {"in", "at", "to", "near", "inside", "outside"}
LIGHT_VERBS = {
    "hold",
    "have",
    "attend",
    "conduct",
    "begin",
    "open",
    "end",
    "resume",
    "start",
    "continue",
    "join",
    "host",
    "make",
    "pay",
    "reach",
    "sign",
    "issue",
    "take",
    "launch",
    "wrap",
    "conclude",
    "chair",
    "convene",
    "seek",
    "accept",
    "renew",
    "repeat",
    "submit",
    "present",
    "lodge",
    "voice",
    "express",
    "impose",
    "slap",
    "announce",
    "levy",
    "extend",
    "put",
    "place",
    "give",
    "grant",
    "deliver",
    "send",
    "table",
    "unveil",
    "file",
    "order",
    "level",
    "strike",
    "seal",
    "clinch",
    "finalize",
    "finalise",
    "approve",
    "adopt",
    "introduce",
    "tighten",
    "widen",
    "expand",
    "declare",
    "release",
    "publish",
    "float",
    "offer",
    "achieve",
    "find",
    "hammer",
    "raise",
    "receive",
}
PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers"}
FIRST_PERSON = {"i", "me", "my"}
PLURAL_REFERENCES = {"leader", "president", "minister", "side", "country", "nation", "government", "official"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


@dataclass
class DiscourseMemory:
    """What earlier sentences of the article named: for pronouns, for "the two
    leaders", and for surnames ("Howard" after "Michael Howard" is him, not
    another Howard of the gazetteer)."""

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


def _name_parts(name: str) -> set[str]:
    """Keys under which a person may be named again: the surname and the full name."""
    words = [w for w in name.lower().replace("’", "'").split() if w[:1].isalpha()]
    if not words:
        return set()
    parts = {" ".join(words), words[-1]}
    if len(words) >= 3:
        parts.add(" ".join(words[-2:]))  # "de la Madrid", "Perez de Cuellar"
    return parts


def noun_phrase(token) -> tuple[int, int]:
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


def _entity_at(token):
    ent_iob = token.ent_iob_
    if ent_iob in ("B", "I") and token.ent_type_ in ENTITY_LABELS:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    return None


def country_adjectives(doc, start: int, end: int, gaz) -> str | None:
    for tok in doc[start:end]:
        if tok.pos_ in ("ADJ", "PROPN") or tok.ent_type_ == "NORP":
            country = gaz.country_of_adjective(tok.text)
            if country:
                return country
    # Two-word adjectives: "North Korean", "South African".
    for a, b in zip(doc[start:end], doc[start + 1 : end]):
        country = gaz.country_of_adjective(f"{a.text} {b.text}")
        if country:
            return country
    return None


class ActorResolver:
    """Turns tokens into canonical actors at a given date."""

    def __init__(self, gazetteer, on: date | None, memory: DiscourseMemory):
        self.gaz = gazetteer
        self.on = on
        self.memory = memory

    def _ref(self, ref, surface: str, role: str) -> Participant:
        return Participant(
            name=ref.name,
            kind=ref.kind,
            role=role,
            country=ref.country,
            qid=getattr(ref, "qid", None),
            surface=surface,
            known=True,
        )

    def resolve(self, token, role: str, others: list[Participant] | None = None) -> list[Participant]:
        """Actors named by `token` (and its conjuncts)."""
        found: list[Participant] = []
        for tok in [token, *_conjuncts(token)]:
            named = self._resolve_one(tok, role, others or [])
            if not named or tok.lemma_.lower() in ("counterpart", "member", "country", "nation"):
                # "his West German counterpart Manfred Woerner", "GCC members
                # Saudi Arabia, Kuwait ...": the apposition names them.
                for app in (
                    c
                    for c in tok.children
                    if c.dep_ in ("appos",) or (c.dep_ == "compound" and c.ent_type_ == "PERSON" and c.i == tok.i + 1)
                ):
                    more = [p for t in [app, *_conjuncts(app)] for p in self._resolve_one(t, role, others or [])]
                    if more:
                        named = (
                            [p for p in named if p.kind != "country"] + more
                            if tok.lemma_.lower() == "counterpart"
                            else named + more
                        )
            found.extend(named)
        return found

    def _resolve_one(self, tok, role: str, others: list[Participant]) -> list[Participant]:  # noqa: C901
        doc = tok.doc
        lower = tok.lower_
        if lower in ("each", "all", "both", "some", "several", "many", "most"):
            # "with each of his colleagues": the group after "of"
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    return self._resolve_one(pobj, role, others)
        if lower in PRONOUNS_PERSON and tok.pos_ == "PRON":
            return self._pronoun(tok, role, others)
        if lower in FIRST_PERSON and tok.pos_ == "PRON":
            return self._speaker(tok, role, others)
        ent = _entity_at(tok)
        if ent is not None:
            result = self._entity(ent, tok, role)
            if result:
                return result
        start, end = noun_phrase(tok)
        surface = doc[start:end].text
        # "the two leaders", "both sides": the last group of people talked about.
        if tok.lemma_.lower() in PLURAL_REFERENCES and tok.tag_ in ("NNS", "NNPS"):
            if any(t.lower_ in ("two", "both", "three") for t in doc[start:end]):
                group = (
                    self.memory.last_countries
                    if tok.lemma_.lower() in ("country", "nation", "side", "government")
                    else self.memory.last_group
                )
                group = group or self.memory.last_group
                if group:
                    return [Participant(p.name, p.kind, role, p.country, p.qid, surface, known=p.known) for p in group]
        if tok.pos_ == "ADJ" and tok.text[:1].isupper() and tok.dep_ in ("compound", "amod"):
            # "next week's G-7 summit": the tagger calls "G-7" an adjective.
            ref = self.gaz.lookup(tok.text, on=self.on)
            if ref is not None and ref.kind != "person":
                return [self._ref(ref, tok.text, role)]
        if tok.lemma_.lower() == "counterpart":
            country = country_adjectives(doc, start, end, self.gaz)
            if country:
                for other in others or self.memory.persons[::-1]:
                    if other.kind == "person":
                        ref = self.gaz.counterpart(other.name, country, self.on)
                        if ref is not None:
                            return [self._ref(ref, surface, role)]
                return [Participant(country, "country", role, country, None, surface)]
            return []
        if tok.pos_ in ("NOUN", "PROPN"):
            text = _strip_determiner(doc[start:end])
            ref = self.gaz.lookup(text, on=self.on) if text else None
            if ref is None and text != tok.text and tok.pos_ == "PROPN" and not _inside_unknown_org(tok):
                ref = self.gaz.lookup(tok.text, on=self.on)
            if ref is not None:
                found = [self._ref(ref, surface, role)]
                if tok.lemma_.lower() in _STATE_AGENT_NOUNS and tok.tag_ in ("NNS", "NNPS") and ref.kind != "person":
                    self.memory.agents[tok.lemma_.lower()] = found
                    self.memory.last_agents = found
                return found
            if tok.lemma_.lower() in _COMPANY_HEADS or tok.lower_ in _COMPANY_HEADS:
                return []  # "Sweden's banking group": a business, whatever country owns it
            # "America's decision", "Japan's proposal": the owner acts.
            for child in tok.children:
                if child.dep_ == "poss" and child.pos_ == "PROPN":
                    owner = self._resolve_one(child, role, others)
                    if owner:
                        return owner
            # "tariffs on imports of Japanese electronic goods": the goods' country
            # is the target of a trade measure.
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in _TRADE_NOUNS:
                country = country_adjectives(doc, start, end, self.gaz)
                if country is None:
                    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
                        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                            s2, e2 = noun_phrase(pobj)
                            country = country or country_adjectives(doc, s2, e2, self.gaz)
                            if country is None:
                                country = next(
                                    (p.name for p in self._resolve_one(pobj, role, others) if p.kind == "country"), None
                                )
                if country:
                    return [Participant(country, "country", role, country, None, surface)]
            # "Japanese officials", "U.S. negotiators", "EC farm ministers": the
            # state or organisation named in front of the agent acts.
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in _STATE_AGENT_NOUNS:
                if any(t.lemma_.lower() in _NON_STATE_MODIFIERS for t in doc[start : tok.i]):
                    return []  # "U.S. and EC business leaders", "opposition leaders"
                found = self._agents(tok, start, end, surface, role, others)
                lemma = tok.lemma_.lower()
                if found:
                    if tok.tag_ in ("NNS", "NNPS"):
                        self.memory.agents[lemma] = found
                        self.memory.last_agents = found
                    return found
                # "The ministers are due to start talks": a bare plural names the
                # group the article last called so ("EC farm ministers").
                if tok.tag_ in ("NNS", "NNPS") and lemma in ("colleague", "counterpart") and self.memory.last_agents:
                    # "bilateral meetings with each of his colleagues": the group he belongs to
                    return [
                        Participant(p.name, p.kind, role, p.country, p.qid, surface, known=p.known)
                        for p in self.memory.last_agents
                    ]
                if tok.tag_ in ("NNS", "NNPS") and all(t.dep_ in ("det",) for t in doc[start : tok.i]):
                    return [
                        Participant(p.name, p.kind, role, p.country, p.qid, surface, known=p.known)
                        for p in self.memory.agents.get(lemma, [])
                    ]
        return []

    def _agents(self, tok, start, end, surface, role, others) -> list[Participant]:
        """The state or body that "Japanese officials", "EC ministers" or
        "ministers of ASEAN" act for."""
        doc = tok.doc
        country = country_adjectives(doc, start, end, self.gaz)
        if country:
            countries = [country]
            if any(t.dep_ == "cc" for t in doc[start : tok.i]):
                # "U.S. and Chinese officials", "Japanese and American negotiators"
                for mod in doc[start : tok.i]:
                    other = country_adjectives(doc, mod.i, mod.i + 1, self.gaz)
                    if other and other not in countries:
                        countries.append(other)
            return [Participant(c, "country", role, c, None, surface) for c in countries]
        for mod in doc[start : tok.i]:
            if mod.pos_ == "PROPN" or mod.ent_type_ in ("ORG", "GPE", "NORP"):
                ref = self.gaz.lookup(mod.text, on=self.on)
                if ref is not None and ref.kind != "person":
                    return [self._ref(ref, surface, role)]
        # "officials of the U.S., Japan and Canada", "ministers of ASEAN"
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            owners = [
                p
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for t in [pobj, *_conjuncts(pobj)]
                for p in self._resolve_one(t, role, others)
                if p.kind != "person"
            ]
            if owners:
                return owners
        return []

    def _entity(self, ent, tok, role: str) -> list[Participant]:
        doc = tok.doc
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
            # Titles resolved with the name ("Foreign Minister Kuranari" on the date).
            start, end = noun_phrase(ent.root)
            start = min(start, ent.start)
            country = country_adjectives(doc, start, ent.start, self.gaz)
            if country is None:
                country = _appositive_country(ent, self.gaz)
            name = _clean_person_name(text)
            if not name:
                return []
            from timeline.actors.places import resolve_place

            if resolve_place(text) is not None:
                return []  # the parser's PERSON is a town ("traveled to Sochi")
            # An unknown person: a new actor, with a country when the text gives one.
            return [Participant(name, "person", role, country, None, ent.text)]
        if ent.label_ == "NORP":
            country = self.gaz.country_of_adjective(text)
            if country and tok.i == ent.end - 1 and tok.pos_ in ("PROPN", "NOUN"):
                return [Participant(country, "country", role, country, None, ent.text)]
        return []

    def _speaker(self, tok, role: str, others: list[Participant]) -> list[Participant]:
        """ "'On Tuesday I shall be going to Washington,' Lawson said": in a
        quotation "I" is whoever the sentence says is speaking."""
        for verb in tok.sent:
            if verb.lemma_.lower() in ("say", "tell", "add") and verb.pos_ == "VERB" and verb.i != tok.head.i:
                for sub in (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON):
                    named = [p for p in self._resolve_one(sub, role, others) if p.kind == "person"]
                    if named:
                        return named[:1]
        return []

    def _pronoun(self, tok, role: str, others: list[Participant]) -> list[Participant]:
        taken = {p.name for p in others}
        subject = self.memory.last_subject
        # "Mulroney said he had agreed ...": the subject of a reported clause is
        # the reporter, named in this very sentence.
        # "Aqazadeh arrived after a stopover in Riyadh, where he met Nazer": the
        # subject of a dependent clause is, first, the governing clause's subject.
        clause = tok.head
        if tok.dep_ in SUBJECT_DEPS and clause.dep_ in ("ccomp", "relcl", "advcl"):
            governor = clause.head
            for _ in range(4):
                if governor.pos_ in ("VERB", "AUX") or governor.head.i == governor.i:
                    break
                governor = governor.head
            misparsed = governor.ent_type_ == "PERSON"  # "Mana Said al-Oteiba" read as a verb
            for reporter in (
                c for c in governor.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_PERSON and not misparsed
            ):
                named = [p for p in self._resolve_one(reporter, role, others) if p.kind == "person"]
                if named:
                    subject = named[0]
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
            if person.name in taken:
                continue
            return [
                Participant(person.name, person.kind, role, person.country, person.qid, tok.text, known=person.known)
            ]
        return []


_PLAN_NOUNS = {"plan", "decision", "intention", "proposal", "move", "offer", "threat"}
# Heads of noun phrases that name a business, not a state or its agents:
# "Sweden's Nordbanken banking group said", "China's state-owned Beijing
# Non-Ferrous Metals Industrial Corp signed a contract". Company deals and
# statements are outside diplomacy (gold-dev guide, "Out of scope").
_COMPANY_HEADS = {
    "group",
    "company",
    "corp",
    "corporation",
    "co",
    "inc",
    "ltd",
    "plc",
    "firm",
    "concern",
    "conglomerate",
    "subsidiary",
    "affiliate",
    "bank",
    "banker",
    "trader",
    "dealer",
    "broker",
    "analyst",
    "economist",
    "consortium",
    "airline",
    "carrier",
    "manufacturer",
    "maker",
    "producer",
    "refiner",
    "refinery",
    "utility",
    "insurer",
    "shipper",
    "shipyard",
    "brokerage",
    "investor",
    "shareholder",
    "unit",
    "chain",
}
# Words of a public office: an unknown person named with one ("Deputy Prime
# Minister Milos Milosavljevic", "Janez Zemljaric, also a Deputy Prime
# Minister", "State Department spokesman Charles Redman") speaks for a state.
OFFICE_WORDS = {
    "minister",
    "premier",
    "president",
    "secretary",
    "undersecretary",
    "under-secretary",
    "ambassador",
    "envoy",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "chancellor",
    "commissioner",
    "director-general",
    "king",
    "queen",
    "prince",
    "emir",
    "sheikh",
    "sultan",
    "negotiator",
    "representative",
    "delegate",
    "consul",
    "general",
    "admiral",
    "chiefs",
    "mayor",
    "governor-general",
}


_WEAK_OFFICE_WORDS = {"president", "representative", "delegate", "official", "general", "director-general"}


def has_office(ent, gaz=None) -> bool:
    """Whether the text gives the person entity `ent` a public office, in
    front of the name, in apposition, or as the noun the name stands beside
    ("the spokesman, Francois Giuliani") — and not a company post ("senior
    vice president of the corporate banking group", "Bank of Montreal Chairman")."""
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
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if lemmas & (_COMPANY_HEADS | {"banking", "bank", "exchange", "fund", "market", "futures"}):
        return False
    if lemmas & (OFFICE_WORDS - _WEAK_OFFICE_WORDS):
        return True
    # "a vice president at Merrill Lynch Futures": a title companies give too
    # counts only when no organisation the gazetteer does not know is named.
    orgs = {e for t in words if t.ent_type_ == "ORG" for e in [_entity_at(t)] if e is not None}
    if gaz is not None and any(gaz.lookup(_strip_determiner(e)) is None for e in orgs):
        return False
    return bool(lemmas & _WEAK_OFFICE_WORDS)


# Agents of something other than a state: "business leaders", "bank officials",
# "union negotiators", "opposition leaders".
_NON_STATE_MODIFIERS = {
    "business",
    "industry",
    "industrial",
    "corporate",
    "company",
    "private",
    "bank",
    "banking",
    "union",
    "labor",
    "labour",
    "opposition",
    "rebel",
    "guerrilla",
    "church",
    "student",
}


def _inside_unknown_org(tok) -> bool:
    """ "Petroleos de Venezuela, S.A.": a token inside a longer organisation
    name the gazetteer does not know names the organisation, not the country
    it is named after."""
    ent = _entity_at(tok)
    return ent is not None and ent.label_ == "ORG" and len(ent) > 1


_TRADE_NOUNS = {"import", "export", "good", "product", "shipment", "exporter", "importer"}
_STATE_AGENT_NOUNS = {
    "member",
    "colleague",
    "country",
    "nation",
    "state",
    "bloc",
    "official",
    "government",
    "negotiator",
    "delegation",
    "diplomat",
    "authority",
    "leader",
    "minister",
    "ministry",
    "envoy",
    "ambassador",
    "administration",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "embassy",
    "troop",
    "force",
    "parliament",
    "side",
}


def _strip_determiner(span) -> str:
    words = [t for t in span if not (t.i == span.start and t.lower_ in ("the", "a", "an"))]
    text = "".join(t.text_with_ws for t in words).strip()
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
    return text


def person_name(ent) -> str:
    """The name an unknown person entity is stored under ("" for a parser slip)."""
    return _clean_person_name(_strip_determiner(ent))


def _clean_person_name(text: str) -> str:
    text = text.strip(" ,.;:'\"“”’")
    # A PERSON entity of one lower-case word or digits is a parser slip.
    if not text or not any(c.isupper() for c in text[:1]):
        return ""
    return text


def _appositive_country(ent, gaz) -> str | None:
    for child in ent.root.children:
        if child.dep_ == "appos":
            start, end = noun_phrase(child)
            country = country_adjectives(child.doc, start, end, gaz)
            if country:
                return country
    return None


def _conjuncts(token) -> list:
    out = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj")
    return out


def subjects_of(verb) -> list:
    """Subject tokens of `verb`, inherited from the governing clause when the verb
    is non-finite ("Speaking to Putin, Lukashenko said"; "by chatting to ...")."""
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subs and subs[0].tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return [verb.head]  # "Gorbachev, who had talks with her": the antecedent
    if subs:
        return subs
    node = verb
    for _ in range(4):
        if node.dep_ in ("advcl", "xcomp", "pcomp", "conj", "acl", "prep", "acomp") or node.tag_ in (
            "VBG",
            "VBN",
            "TO",
        ):
            if node.dep_ == "advcl" and node.tag_ == "VBG":
                absolute = _absolute_with_subject(node)
                if absolute is not None:
                    return [absolute]
            came_from = node.dep_
            node = node.head
            if node.pos_ == "ADP":
                node = node.head
            if came_from == "prep" and node.pos_ == "NOUN" and node.dep_ == "dobj" and node.head.pos_ == "VERB":
                node = node.head  # "is drafting options including retaliation against ..."
                came_from = "xcomp"
            elif (
                came_from == "acl"
                and node.pos_ == "NOUN"
                and node.dep_ == "dobj"
                and node.lemma_.lower() in _PLAN_NOUNS
            ):
                node = node.head  # "Washington announced plans to put tariffs on ..."
                came_from = "xcomp"
            # "X is scheduled to meet": the passive subject of a control verb acts.
            deps = ("nsubj", "csubj", "nsubjpass") if came_from == "xcomp" else ("nsubj", "csubj")
            subs = [c for c in node.children if c.dep_ in deps]
            if subs and subs[0].tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return [node.head]  # "Herrington, who is scheduled to meet ..."
            if subs:
                return subs
            if node.head.i == node.i:
                break
        else:
            break
    return []


def _absolute_with_subject(verb):
    """ "..., with the European Parliament this week calling Lukashenko ...": the
    noun after a "with" just before a participle is the participle's subject."""
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


def objects_of(token) -> list:
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


def passive_agents(verb) -> list:
    return [c for agent in verb.children if agent.dep_ == "agent" for c in agent.children if c.dep_ == "pobj"]


def place_tokens(token) -> list:
    """Candidate place tokens: objects of in/at/to attached to the trigger or to
    the names it governs ("met with Kim in the Vostochny Cosmodrome")."""
    out = []
    frontier = [token]
    seen = set()
    depth = 0
    while frontier and depth < 3:
        nxt = []
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
