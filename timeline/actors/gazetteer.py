"""The actor gazetteer: resolve a surface text ("Putin", "the Kremlin",
"Russian President", "his Russian counterpart") to a canonical actor at a date.

Every name, alias, demonym, seat of government and surname is indexed by its
normal form when the data is loaded, so a lookup is a few dict hits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.actors.loading import GazetteerData, GazetteerError, Offices, read_data
from timeline.actors.model import Actor, ActorRef, Role
from timeline.actors.names import default_surname, index_keys, normalise
from timeline.datafiles import words

# Offices that lead a state or body, so a head of state's "counterpart" in a
# country without that office is whoever leads it (Thatcher's US counterpart).
LEADING_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "supreme_leader", "party_leader", "paramount_leader", "pope"}
)
# Separators of "U.S.-Japanese", "U.S./Japan" compounds (hyphen, slash, dashes).
_COMPOUND = re.compile(r"[-/‐‑–—]")
_TITLE_NOISE = words("gazetteer", "title_noise")
_NOT_HOLDER = words("gazetteer", "not_holder")
HONORIFICS = words("gazetteer", "honorifics")


@dataclass(frozen=True)
class _Entry:
    actor: Actor
    via: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass
class _Spellings:
    """What indexing saw of each key: written only in capitals ("US", not the
    pronoun "us"), and which words only seats of government give."""

    cased: set[str] = field(default_factory=set)
    plain: set[str] = field(default_factory=set)
    seat_words: set[str] = field(default_factory=set)
    other_words: set[str] = field(default_factory=set)


class Gazetteer:
    """Canonical actors with their aliases and time-bounded roles."""

    def __init__(self, data: GazetteerData) -> None:
        self._actors: dict[str, Actor] = {a.name: a for a in data.actors}
        self._offices: Offices = data.offices
        self._common = frozenset(normalise(w) for w in data.common_words)
        self._names: dict[str, list[_Entry]] = defaultdict(list)
        self._surnames: dict[str, list[Actor]] = defaultdict(list)
        # Surnames that are also common words ("May", "Rice"): only after a title.
        self._titled_surnames: dict[str, list[Actor]] = defaultdict(list)
        self._roles: dict[tuple[str | None, str], list[tuple[Role, Actor]]] = defaultdict(list)
        self._vocabulary: set[str] = set(HONORIFICS)
        self._by_iso: dict[str, str] = {}
        self._legislature: dict[str, Actor] = {}
        self._combining: dict[str, list[_Entry]] = defaultdict(list)
        self._territories = data.territories
        spellings = _Spellings()
        for a in data.actors:
            self._index(a, data, spellings)
        self._acronym_only = spellings.cased - spellings.plain
        title_words = {w for table in self._title_tables() for phrase in table for w in phrase.split()}
        self._vocabulary.update(title_words)
        self._vocabulary.update(self._offices.leader_words)
        # Words only seats of government give ("jose" of San José, "pierre",
        # "paz"): they may begin a title ("Kremlin leader Gorbachev") but, being
        # given names too, not stand right before a bare surname ("Jose
        # Fernandez" is not Alberto Fernandez).
        self._seat_only_words = (
            spellings.seat_words
            - spellings.other_words
            - set(HONORIFICS)
            - set(self._offices.leader_words)
            - title_words
        )

    def _title_tables(self) -> list[dict[str, str]]:
        return [self._offices.titles, *self._offices.by_body.values()]

    def _index(self, a: Actor, data: GazetteerData, spellings: _Spellings) -> None:
        """Index one actor under its name, aliases, demonyms, seats, surnames and roles."""
        start, end = (a.start, a.end) if a.kind == "country" else (None, None)
        for via, texts in (("name", (a.name,)), ("alias", a.aliases), ("demonym", a.demonyms), ("capital", a.seats)):
            for text in texts:
                self._add(text, _Entry(a, via, start, end), spellings)
        if a.iso:
            self._by_iso[a.iso] = a.name
        if a.kind == "person":
            self._index_surnames(a, data.surnames.get(a.name))
        for r in a.roles:
            self._roles[(r.of, r.office)].append((r, a))
        for form in data.combining.get(a.name, ()):
            self._combining[normalise(form)].append(_Entry(a, "demonym", start, end))
        if a.kind == "legislature" and a.country:
            self._legislature.setdefault(a.country, a)  # the first listed is the whole parliament

    def _add(self, text: str, entry: _Entry, spellings: _Spellings) -> None:
        for key in index_keys(text):
            bucket = self._names[key]
            if not any(e.actor is entry.actor and e.via == entry.via for e in bucket):
                bucket.append(entry)
            # "US" must not match the pronoun "us": short all-capital aliases
            # whose key is only ever written that way need capitals in the text.
            letters = text.replace(".", "").replace(" ", "")
            (spellings.cased if letters.isupper() and len(letters) <= 3 else spellings.plain).add(key)
            if entry.actor.kind != "person":
                self._vocabulary.update(key.split())
                (spellings.seat_words if entry.via == "capital" else spellings.other_words).update(key.split())

    def _index_surnames(self, person: Actor, given: tuple[str, ...] | None) -> None:
        """The surnames of the data (or the default one of the name); those that
        are common words only after a title."""
        surnames = given if given is not None else (default_surname(person.name, person.country),)
        for surname in surnames:
            if not surname:
                continue
            table = self._titled_surnames if normalise(surname) in self._common else self._surnames
            for key in index_keys(surname):
                if person not in table[key]:
                    table[key].append(person)

    # ------------------------------------------------------------------ reading
    def actor(self, name: str) -> Actor | None:
        """The canonical entry called `name` (canonical name, exact)."""
        return self._actors.get(name)

    def actors(self) -> Iterable[Actor]:
        """All entries, to seed the actor and alias tables."""
        return self._actors.values()

    def country_for_iso(self, iso: str, on: dt.date | None = None) -> str | None:
        """Canonical country name for an ISO 3166-1 alpha-2 code ("RU" → "Russia";
        on a date inside a historical state's life, that state: "RU" in 1987 →
        "Soviet Union")."""
        iso = iso.upper()
        if on is not None:
            for name in self._territories.get(iso, ()):
                state = self._actors[name]
                if (state.start is None or state.start <= on) and (state.end is None or on < state.end):
                    return name
        return self._by_iso.get(iso)

    def country_named(self, text: str, on: dt.date | None = None) -> str | None:
        """The country a place name names by its own name or alias ("Britain",
        "USSR"), not by a capital or demonym; None otherwise."""
        key = normalise(text)
        entries = [e for e in self._names.get(key, ()) if e.actor.kind == "country" and e.via in ("name", "alias")]
        entry = self._choose(entries, on, key, text == text.lower())
        return entry.actor.name if entry else None

    def roles_of(self, name: str, on: dt.date | None = None) -> list[Role]:
        """Roles of actor `name`, only those held on `on` when given."""
        a = self._actors.get(name)
        if a is None:
            return []
        return [r for r in a.roles if on is None or r.covers(on)]

    def organisation_of(self, name: str, on: dt.date) -> Actor | None:
        """The organisation whose office person `name` held on `on` (an office
        with no country of its own: NATO's Secretary General), if any."""
        for role in self.roles_of(name, on):
            if role.country is None and role.of:
                body = self._actors.get(role.of)
                if body is not None and body.kind in ("organisation", "group", "legislature"):
                    return body
        return None

    def holder(self, body: str, office: str, on: dt.date | None) -> Actor | None:
        """Who held `office` of `body` on `on`; with on=None, the office's only
        holder in the gazetteer, else None."""
        held = self._roles.get((body, office), ())
        if on is not None:
            people = {a.name: a for r, a in held if r.covers(on)}
        else:
            people = {a.name: a for r, a in held}
        return next(iter(people.values())) if len(people) == 1 else None

    def ambiguous_keys(self) -> dict[str, list[str]]:
        """Normalised names that two timeless entries share (a data error:
        lookup cannot choose between them); historical states are exempt
        because their dates decide."""
        clashes: dict[str, list[str]] = {}
        for key, entries in self._names.items():
            names = sorted({e.actor.name for e in entries if not e.dated})
            if len(names) > 1:
                clashes[key] = names
        return clashes

    # ------------------------------------------------------------------ lookup
    def lookup(self, text: str, on: dt.date | None = None) -> ActorRef | None:
        """Resolve a surface text to an actor at date `on` (see module doc).

        Order: names and aliases (countries, seats of government, demonyms,
        organisations, people), then bare surnames, then titles ("Russian
        President" → the holder on `on`), then a title or courtesy word before
        a name ("President Reagan"). With on=None a title resolves only when
        its office has a single holder in the gazetteer.
        """
        key = normalise(text)
        if not key:
            return None
        lowercase = text == text.lower()
        entry = self._choose(self._names.get(key), on, key, lowercase)
        if entry is None and key.endswith("s"):
            # "the Soviets", "Americans": a people for its country.
            demonyms = [e for e in self._names.get(key[:-1], ()) if e.via == "demonym"]
            entry = self._choose(demonyms, on, key[:-1], lowercase)
        if entry is not None:
            return self._ref(entry.actor, text, entry.via)
        person = self._by_surname(key, on)
        if person is not None:
            return self._ref(person, text, "surname")
        holder = self._by_title(key, on, lowercase)
        if holder is not None:
            return self._ref(holder, text, "title")
        parliament = self._by_legislature_word(key, on, lowercase)
        if parliament is not None:
            return self._ref(parliament, text, "title")
        government = self._by_government_word(key, on, lowercase)
        if government is not None:
            return self._ref(government, text, "government")
        return self._after_title(key, text, on, lowercase)

    def lookup_compound(self, text: str, on: dt.date | None = None) -> list[ActorRef]:
        """The actors of a hyphen or slash compound: "U.S.-Japanese" → United
        States, Japan; "Sino-Soviet"; "Minsk-Moscow-Pyongyang". Empty unless
        every part resolves to a country or organisation."""
        parts = [p for p in _COMPOUND.split(text) if p.strip()]
        if len(parts) < 2:
            return []
        refs: list[ActorRef] = []
        for part in parts:
            key = normalise(part)
            entries = [e for e in self._names.get(key, ()) if e.actor.kind != "person"]
            entry = self._choose(entries, on, key, part == part.lower())
            if entry is None:
                entry = self._choose(self._combining.get(key), on, key, False)
            if entry is None:
                return []
            refs.append(self._ref(entry.actor, part, entry.via))
        return refs

    def country_of_adjective(self, word: str, on: dt.date | None = None) -> str | None:
        """ "Belarusian" → "Belarus", "North Korean" → "North Korea", "U.S." →
        "United States"; "Soviet" → "Soviet Union"; "German" in 1987 → "West Germany"."""
        key = normalise(word)
        entries = [
            e for e in self._names.get(key, ()) if e.actor.kind == "country" and e.via in ("demonym", "name", "alias")
        ]
        entry = self._choose(entries, on, key, word == word.lower())
        return entry.actor.name if entry else None

    def counterpart(self, other: str, country: str, on: dt.date | None) -> ActorRef | None:
        """The holder, in `country`, on `on`, of the office `other` held on `on`:
        "his Russian counterpart" next to Lukashenko → Putin."""
        person = self._actors.get(other)
        if person is None:
            ref = self.lookup(other, on)
            person = self._actors.get(ref.name) if ref else None
        body = self._body(country, on, country == country.lower())
        if person is None or body is None:
            return None
        roles = [r for r in person.roles if on is None or r.covers(on)]
        if on is None:
            roles = [r for r in roles if r.end is None] or roles
        for role in roles:
            if role.of == body.name:
                continue
            found = self._holder_of(body, [role.office, *self._offices.also.get(role.office, ())], on)
            if found is not None and found.name != person.name:
                return self._ref(found, country, "counterpart")
        return None

    # ------------------------------------------------------------------ internals
    def _ref(self, actor: Actor, matched: str, via: str) -> ActorRef:
        return ActorRef(
            name=actor.name, kind=actor.kind, country=actor.country, qid=actor.qid, matched=matched, via=via
        )

    def _choose(self, entries: list[_Entry] | None, on: dt.date | None, key: str, lowercase: bool) -> _Entry | None:
        """One entry among those sharing a key: a state that existed on `on`
        beats a timeless one ("Moscow" in 1987 → Soviet Union), a timeless one
        beats a state that did not exist; a person in office on `on` wins."""
        if not entries or (lowercase and key in self._acronym_only):
            return None
        pool = _in_time(entries, on)
        if len({e.actor.name for e in pool}) == 1:
            return pool[0]
        people = [e for e in pool if e.actor.kind == "person"]
        chosen = self._one_person([e.actor for e in people], on)
        if chosen is not None:
            return next(e for e in people if e.actor is chosen)
        return None

    def _one_person(self, people: list[Actor], on: dt.date | None) -> Actor | None:
        distinct = list({a.name: a for a in people}.values())
        if on is not None:
            # A surname in a 1987 story is not a president first in office in
            # 2019: people whose every office begins more than a decade after
            # the date were not yet in the news under it.
            distinct = [a for a in distinct if not _not_yet_known(a, on)]
        if len(distinct) == 1:
            return distinct[0]
        if on is not None:
            active = [a for a in distinct if any(r.covers(on) for r in a.roles)]
            if len(active) == 1:
                return active[0]
            if active:
                return None
        with_roles = [a for a in distinct if a.roles]
        return with_roles[0] if len(with_roles) == 1 else None

    def _by_surname(self, key: str, on: dt.date | None) -> Actor | None:
        people = self._surnames.get(key)
        return self._one_person(people, on) if people else None

    def _body(self, text: str, on: dt.date | None, lowercase: bool = False) -> Actor | None:
        """A country or organisation named by `text` (name, alias, demonym, seat),
        the state of the time when a date is given ("Germany" in 1987)."""
        key = normalise(text)
        entries = [e for e in self._names.get(key, ()) if e.actor.kind != "person"]
        entry = self._choose(entries, on, key, lowercase)
        if entry is not None:
            return entry.actor
        actor = self._actors.get(text)
        return actor if actor is not None and actor.kind != "person" else None

    def _offices_for(self, body: Actor, title: str) -> list[str]:
        special = self._offices.by_body.get(body.name, {})
        office: str | None
        if title in special:
            office = special[title]
        elif title in self._offices.leader_words:
            return list(body.leader)
        else:
            office = self._offices.titles.get(title)
        return [office, *self._offices.also.get(office, ())] if office else []

    def _holder_of(self, body: Actor, offices: list[str], on: dt.date | None) -> Actor | None:
        for office in offices:
            found = self.holder(body.name, office, on)
            if found is not None:
                return found
        if any(o in LEADING_OFFICES for o in offices):
            for office in body.leader:
                if office not in offices:
                    found = self.holder(body.name, office, on)
                    if found is not None:
                        return found
        return None

    def _title_parses(self, key: str) -> list[tuple[str, str | None, str | None]]:
        """Ways to read `key` as a title: (body text, title words, office)
        triples; the office is given only for titles that imply their body."""
        words = key.split()
        while words and words[0] in _TITLE_NOISE:
            words = words[1:]
        if not words or words[0] in _NOT_HOLDER or "counterpart" in words:
            return []
        phrase = " ".join(words)
        if phrase in self._offices.implied:
            body_name, office = self._offices.implied[phrase]
            return [(body_name, None, office)]
        parses: list[tuple[str, str | None, str | None]] = []
        # "<title> of <body>": "President of the United States"
        for i in range(len(words) - 1, 0, -1):
            if words[i] == "of" and i + 1 < len(words):
                parses.append((" ".join(words[i + 1 :]), " ".join(words[:i]), None))
        # "<body> <title>": "Russian President", "the Kremlin chief"
        for i in range(len(words) - 1, 0, -1):
            parses.append((" ".join(words[:i]), " ".join(words[i:]), None))
        return parses

    def _by_title(self, key: str, on: dt.date | None, lowercase: bool = False) -> Actor | None:
        for body_text, title, office in self._title_parses(key):
            body = self._body(body_text, on, lowercase)
            if body is None:
                continue
            offices = [office] if office else self._offices_for(body, title or "")
            if offices:
                return self._holder_of(body, offices, on)
        return None

    def _by_legislature_word(self, key: str, on: dt.date | None, lowercase: bool) -> Actor | None:
        """ "Russian lawmakers", "the Japanese parliament": a country's parliament."""
        body_text, _, word = key.rpartition(" ")
        if not body_text or word not in self._offices.legislature_words:
            return None
        body = self._body(body_text, on, lowercase)
        return self._legislature.get(body.name) if body is not None and body.kind == "country" else None

    def _by_government_word(self, key: str, on: dt.date | None, lowercase: bool) -> Actor | None:
        """ "the Soviet Foreign Ministry", "U.S. officials": the country or body itself."""
        words = key.split()
        for cut in range(len(words) - 1, max(len(words) - 4, 0), -1):
            if " ".join(words[cut:]) in self._offices.government_words:
                body = self._body(" ".join(words[:cut]), on, lowercase)
                if body is not None:
                    return body
        return None

    def holders(self, text: str) -> list[str]:
        """Everyone the gazetteer knows to have held the title `text` at any
        date ("Russian President" → Yeltsin, Putin, Medvedev), oldest first."""
        key = normalise(text)
        found: dict[str, dt.date] = {}
        for body_text, title, office in self._title_parses(key):
            bodies = {
                e.actor.name: e.actor for e in self._names.get(normalise(body_text), ()) if e.actor.kind != "person"
            }
            if body_text in self._actors:
                bodies[body_text] = self._actors[body_text]
            for body in bodies.values():
                offices = [office] if office else self._offices_for(body, title or "")
                if any(o in LEADING_OFFICES for o in offices) and not any(
                    self._roles.get((body.name, o)) for o in offices
                ):
                    offices += [o for o in body.leader if o not in offices]  # as _holder_of falls back
                for o in offices:
                    for role, person in self._roles.get((body.name, o), ()):
                        first = role.start or dt.date.min
                        found[person.name] = min(found.get(person.name, first), first)
            if found:
                break
        return sorted(found, key=lambda name: (found[name], name))

    def _after_title(self, key: str, text: str, on: dt.date | None, lowercase: bool) -> ActorRef | None:
        """ "Russian President Vladimir Putin", "Mr Gorbachev": a person's name
        after words that are all titles, honorifics or country words."""
        words = key.split()
        for i in range(1, len(words)):
            if not all(w in self._vocabulary for w in words[:i]):
                break
            rest = " ".join(words[i:])
            people = [e for e in self._names.get(rest, ()) if e.actor.kind == "person"]
            entry = self._choose(people, on, rest, lowercase)
            if entry is not None:
                return self._ref(entry.actor, text, entry.via)
            if words[i - 1] in self._seat_only_words:
                continue  # "Jose Fernandez": a given name, not a title, right before the surname
            bearers = self._surnames.get(rest) or self._titled_surnames.get(rest)
            person = self._one_person(bearers, on) if bearers else None
            if person is not None:
                return self._ref(person, text, "surname")
        return None


def _in_time(entries: list[_Entry], on: dt.date | None) -> list[_Entry]:
    """The entries of the time: on a date, the states that existed then, else the
    timeless entries; with no date, those not ended; all when none fits."""
    if on is not None:
        pool = [e for e in entries if e.dated and e.covers(on)] or [e for e in entries if not e.dated]
    else:
        pool = [e for e in entries if not e.dated or e.end is None]
    return pool or entries


NOT_YET_KNOWN_YEARS = 10


def _not_yet_known(person: Actor, on: dt.date) -> bool:
    starts = [r.start for r in person.roles if r.start is not None]
    if not starts or len(starts) < len(person.roles):
        return False  # no roles, or one with no known start
    return min(starts).year > on.year + NOT_YET_KNOWN_YEARS


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded and checked once per process.

    Raises GazetteerError listing every problem when the data files disagree.
    """
    data = read_data()
    if data.problems:
        raise GazetteerError("gazetteer data: " + "; ".join(data.problems))
    return Gazetteer(data)
