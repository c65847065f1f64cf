"""The project's shared vocabulary: granularities and their order, modalities,
participant roles, actor kinds, output formats, the one key under which an
actor's name is stored and looked up, and the name a source goes by (its outlet).

Members are `StrEnum`s, so they compare equal to the plain strings stored in the
database and written in JSON ("day", "asserted", "source").
"""

from __future__ import annotations

from enum import StrEnum


class Granularity(StrEnum):
    """How precise a date is (TimeML values: 2023-09-15, 2023-W37, 2023-09, …)."""

    TIME = "time"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    NONE = "none"


# Finer first. Quarters and seasons are both about three months.
_RANK = {
    Granularity.TIME: 0,
    Granularity.DAY: 1,
    Granularity.WEEKEND: 2,
    Granularity.WEEK: 3,
    Granularity.MONTH: 4,
    Granularity.QUARTER: 5,
    Granularity.SEASON: 5,
    Granularity.HALF: 6,
    Granularity.YEAR: 7,
    Granularity.DECADE: 8,
    Granularity.CENTURY: 9,
    Granularity.NONE: 10,
}


def granularity_rank(granularity: str | None) -> int:
    """Order of precision, finer lower; an unknown or missing granularity is coarsest."""
    if not granularity:
        return _RANK[Granularity.NONE]
    try:
        return _RANK[Granularity(granularity)]
    except ValueError:
        return _RANK[Granularity.NONE]


def finer(a: str | None, b: str | None) -> bool:
    """True when granularity `a` is strictly more precise than `b`."""
    return granularity_rank(a) < granularity_rank(b)


class Modality(StrEnum):
    """Whether a mention reports an event that happened, is scheduled, or neither."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


# Only these become timeline events; the others are kept as mentions.
TIMELINE_MODALITIES = frozenset({Modality.ASSERTED, Modality.PLANNED})


class Role(StrEnum):
    """What an actor does in an event."""

    SOURCE = "source"
    HOST = "host"
    TARGET = "target"
    PARTICIPANT = "participant"


# The order in which an event lists its actors.
ROLE_ORDER = {Role.SOURCE: 0, Role.HOST: 1, Role.TARGET: 2, Role.PARTICIPANT: 3}


class ActorKind(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    LEGISLATURE = "legislature"
    GROUP = "group"


# `query` / `export --format`: the first is the default.
OUTPUT_FORMATS = ("table", "json", "jsonl", "csv", "ics", "timelinejs", "html")


def alias_key(name: str) -> str:
    """The form an actor name is stored under (`actor_alias.alias_norm`) and looked
    up by: lower-cased, whitespace folded. Writer and reader both use this."""
    return " ".join(name.lower().split())


def outlet(publisher: str | None, url: str | None, origin: str | None = None) -> str:
    """Who published a source: the publisher, else the URL's host (without
    "www."), else the file name it was read from; "" when none is known."""
    if publisher:
        return publisher
    if url:
        from urllib.parse import urlsplit

        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if origin and origin != "-":
        # "corpus/notes/a.txt:12" (a record of a JSON Lines file) -> "a.txt:12"
        return origin.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return ""
