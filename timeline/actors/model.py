"""Plain records the gazetteer hands out: canonical actors, their roles, and
the reference a surface text resolved to. Frozen, hashable, no behaviour
beyond reading a role's dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """An office held for a span of days (ISO 8601 dates, `end` exclusive:
    the day a successor takes over; None while still in office)."""

    title: str  # "President of Russia"
    office: str  # head_of_state, foreign_minister, ... (offices.yaml)
    country: str | None  # the country the office belongs to; None for an organisation's office
    start: dt.date | None
    end: dt.date | None
    of: str | None = None  # the country or organisation whose office it is

    def covers(self, on: dt.date) -> bool:
        """True if the role was held on day `on`."""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Actor:
    """A canonical gazetteer entry: one person, country or organisation."""

    name: str
    kind: str  # person | country | organisation | legislature | group
    country: str | None
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()  # capitals and seats of government used as metonyms ("Kremlin")
    start: dt.date | None = None  # for states that no longer exist (Soviet Union)
    end: dt.date | None = None
    iso: str | None = None  # ISO 3166-1 alpha-2, for countries
    leader: tuple[str, ...] = field(default=(), compare=False)  # offices that make "the X leader"


@dataclass(frozen=True)
class ActorRef:
    """What a surface text resolved to, and how."""

    name: str  # canonical: "Vladimir Putin", "Russia", "European Parliament"
    kind: str  # person | country | organisation | legislature | group
    country: str | None  # canonical country; a country's is itself; None for an international body
    qid: str | None  # Wikidata QID
    matched: str  # the surface text that matched
    via: str  # name | alias | surname | title | demonym | capital | counterpart | government
