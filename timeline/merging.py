"""The merge decision: do two articles' reports describe one real-world event,
and which mentions of one article a user split apart? Pure, no database:
plain `Report`s and `EventRecord`s in, booleans, groups and records out.

A report is what one article said about one event. Two reports are *linked*
when every criterion in `CRITERIA` holds (or a user's correction says so);
events are the connected components of the link graph (`components`), which
makes the result independent of the order articles arrive in. `store/` turns
its rows into `Report`s and writes what this module decides.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from timeline.events.types import EventRecord, MentionRecord, Participant
from timeline.temporal.expression import value_range
from timeline.temporal.relative import granularity_of
from timeline.vocabulary import ActorKind, Granularity, Role, alias_key, granularity_rank

# PLOVER CONSULT covers meetings, visits, calls and talks: a "visit" in one
# outlet is the "meeting" of another. Other PLOVER types must match exactly.
CONSULT_FAMILY = frozenset({"CONSULT", "MEET", "VISIT", "HOST", "PHONE", "CALL", "SUMMIT", "TALKS", "DISCUSS"})
# Families whose acts have a direction: who did it decides which act it is.
DIRECTED_FAMILIES = frozenset({"STATEMENT", "ACCUSE", "THREATEN", "REQUEST", "SANCTION", "REJECT", "SUPPORT"})
# Families of acts done by speaking: a speaker threatens, accuses or appeals
# any day, so reports a day apart are two acts (see `dates_compatible`).
SPEECH_FAMILIES = frozenset({"STATEMENT", "ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT"})
# CONSULT modes that name the same kind of occurrence; a visit or a hosting is
# another occurrence than the talks held during it (PLOVER keeps them apart).
MEETING_MODES = frozenset({"meet", "negotiate", "multilateral", "third-party", "phone", "mediate"})
# How alike two reports' sentences must be (Jaccard over content words) when
# the people alone do not settle it: a speaker says many things a day, and a
# body agrees many things; wire versions of one story share most words.
STATEMENT_SIMILARITY = 0.3
WEAK_LINK_SIMILARITY = 0.15

# An undated report ("Funaro met Lawson", no date word) stands on its article's
# publication day or the day before: the wire reports what happened today or
# yesterday, and reports ahead carry a date ("will meet on Monday").
UNDATED_DAYS_BEFORE = 1
_COARSEST_LINK = granularity_rank(Granularity.MONTH)
_COARSEST_WITHOUT_PEOPLE = granularity_rank(Granularity.WEEK)
_BODIES = frozenset({ActorKind.ORGANISATION, ActorKind.GROUP, ActorKind.LEGISLATURE})
_STOPWORDS = frozenset(
    "the and for that with from this have has had was were are will would said says told "
    "its their his her they them been not but also which who after before over into about "
    "than more there when what while other some such only could should may might".split()
)
_WORD = re.compile(r"[a-z]{3,}")


def type_family(event_type: str) -> str:
    """The family two reports must share: CONSULT for every meeting-like type."""
    return "CONSULT" if event_type.upper() in CONSULT_FAMILY else event_type.upper()


def sentence_words(sentences: Iterable[str]) -> frozenset[str]:
    """Content words of a report's sentences (for `same_story`)."""
    words: set[str] = set()
    for sentence in sentences:
        words.update(w for w in _WORD.findall(sentence.lower()) if w not in _STOPWORDS)
    return frozenset(words)


def day_range(date_start: str | None, date_end: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a report's date covers; None when it has none."""
    if not date_start or not date_end:
        return None
    try:
        return dt.date.fromisoformat(date_start[:10]), dt.date.fromisoformat(date_end[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class ReportActor:
    """One participant as a report names it."""

    name: str
    role: str
    kind: str | None = None


@dataclass(frozen=True)
class Report:
    """What the merge rule reads of one article's account of one event."""

    key: str  # stable across re-ingest; corrections and `words` refer to it
    article_id: int | None
    family: str  # `type_family` of the event type
    mode: str | None
    granularity: str
    days: tuple[dt.date, dt.date] | None  # `day_range` of the date; None when undated
    place: str | None = None
    actors: tuple[ReportActor, ...] = ()
    words: frozenset[str] = field(default=frozenset(), compare=False)  # `sentence_words` of its sentences
    published: dt.date | None = None  # its article's publication day
    place_country: str | None = None  # the country its place lies in (a country's is itself)

    @property
    def undated(self) -> bool:
        return self.days is None

    @cached_property
    def span(self) -> tuple[dt.date, dt.date] | None:
        """The days the report can be on: its date's, or for an undated report
        `UNDATED_DAYS_BEFORE` days up to its article's publication day."""
        if self.days is not None or self.published is None:
            return self.days
        return self.published - dt.timedelta(days=UNDATED_DAYS_BEFORE), self.published

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(a.name for a in self.actors)

    @cached_property
    def persons(self) -> frozenset[str]:
        return frozenset(a.name for a in self.actors if a.kind == ActorKind.PERSON)

    @cached_property
    def bodies(self) -> frozenset[str]:
        """Its organisations, groups and legislatures."""
        return frozenset(a.name for a in self.actors if a.kind in _BODIES)

    @cached_property
    def sources(self) -> frozenset[str]:
        """Who did it: the actors in the source or host role."""
        return frozenset(a.name for a in self.actors if a.role in (Role.SOURCE, Role.HOST))


@dataclass(frozen=True)
class Corrections:
    """A user's corrections as pairs of report keys: `joined` by `timeline merge`
    (linked whatever the rule says), `apart` by `timeline split` (never linked)."""

    joined: frozenset[frozenset[str]] = frozenset()
    apart: frozenset[frozenset[str]] = frozenset()

    def forced_partners(self, key: str) -> set[str]:
        """The reports a user joined to `key`."""
        return {k for pair in self.joined if key in pair for k in pair} - {key}


NO_CORRECTIONS = Corrections()


# --- the criteria ---------------------------------------------------------------------


def same_family(a: Report, b: Report) -> bool:
    """Same type family: "Putin met Kim" and "Putin visited Kim" (CONSULT) may be
    one event; "Putin met Kim" and "Putin signed a deal with Kim" (AGREE) are two."""
    return a.family == b.family


def different_articles(a: Report, b: Report) -> bool:
    """Two reports from one article are two events ("visited Hanoi" and "met
    the prime minister during the visit"): extraction has already merged what
    one article says about one event."""
    return a.article_id is None or a.article_id != b.article_id


def modes_compatible(a: Report, b: Report) -> bool:
    """Same kind of occurrence: "met" and "phoned" or "held talks" are one
    meeting told two ways; "visited Beijing" is another occurrence than the
    talks held there. A report without a mode fits any."""
    if a.mode == b.mode or a.mode is None or b.mode is None:
        return True
    return a.mode in MEETING_MODES and b.mode in MEETING_MODES


def dates_compatible(a: Report, b: Report) -> bool:
    """Dated, fine enough, and on the same days: "on Wednesday" (the 13th) fits
    "this week" and "in September"; "on the 13th" and "on the 14th" are one
    event dated differently (a `date_conflict`), the 13th and the 15th two.
    An undated "met" in a story of the 14th fits the 13th or the 14th (its
    `span`), next to a dated report only: two undated reports, and reports
    dated only "in 1987" or "this quarter", link to nothing (they would fit
    every event of the year). Speech acts (`SPEECH_FAMILIES`) get no day of
    slack."""
    if a.days is None or b.days is None:
        dated = b if a.days is None else a
        span_a, span_b = a.span, b.span
        if dated.days is None or granularity_rank(dated.granularity) > _COARSEST_LINK:
            return False
        if span_a is None or span_b is None:
            return False
        return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]
    if max(granularity_rank(a.granularity), granularity_rank(b.granularity)) > _COARSEST_LINK:
        return False
    if a.granularity == Granularity.DAY and b.granularity == Granularity.DAY:
        # One day of slack, except for speech acts: people speak, warn and
        # accuse every day, and the slack would chain a week of one speaker's
        # remarks into one event.
        slack = 0 if a.family in SPEECH_FAMILIES else 1
        return abs((a.days[0] - b.days[0]).days) <= slack
    return a.days[0] <= b.days[1] and b.days[0] <= a.days[1]


def places_compatible(a: Report, b: Report) -> bool:
    """Same place or one not given: "in Sochi" fits "in sochi" and a report
    naming no place, and a city fits the country it lies in ("in Sochi" and
    "in Russia"); "in Sochi" and "in Minsk", or "in Sochi" and "in Kazan",
    are two events."""
    if not (a.place and b.place) or alias_key(a.place) == alias_key(b.place):
        return True
    return _country_of(a, b) or _country_of(b, a)


def _country_of(country: Report, city: Report) -> bool:
    """Is `country`'s place a country, the one `city`'s place lies in?"""
    if not (country.place and country.place_country and city.place_country):
        return False
    return alias_key(country.place) == alias_key(country.place_country) == alias_key(city.place_country)


def participants_compatible(a: Report, b: Report) -> bool:
    """The same people: at least two shared actors, one shared person
    ("Putin and Kim" fits "Putin") or one shared body ("NATO ambassadors met"
    fits "the NATO meeting": a body that meets is all its members), and not
    each side naming a person the other lacks (Putin–Kim and Putin–Lukashenko
    are two meetings). Without named people on both sides ("Japan and the
    United States", "NATO") only the same kind of act within a week: a country
    pair or a body fits every contact of a month."""
    a_persons, b_persons = named_persons(a, b), named_persons(b, a)
    shared = (a.names | a_persons) & (b.names | b_persons)
    if len(shared) < 2 and not (shared & a_persons & b_persons) and not (shared & a.bodies & b.bodies):
        return False
    if (a_persons - b_persons) and (b_persons - a_persons):
        return False
    if a_persons and b_persons:
        return True
    if a.mode != b.mode:
        return False
    return max(granularity_rank(a.granularity), granularity_rank(b.granularity)) <= _COARSEST_WITHOUT_PEOPLE


def named_persons(a: Report, b: Report) -> frozenset[str]:
    """The people `a` names: its person actors, and those of `b` whose surname
    its sentences contain ("talks headed by Smith and Kuroda" names Makoto
    Kuroda although extraction kept only Japan and the United States). A
    surname one of `a`'s own people carries names that person, not another
    of the name ("Kim" beside Kim Yo Jong is not Kim Jong Un)."""
    own = {_surname(p) for p in a.persons}
    return a.persons | frozenset(p for p in b.persons if _surname(p) in a.words and _surname(p) not in own)


def _surname(name: str) -> str:
    words = _WORD.findall(name.lower())
    return words[-1] if words else ""


def direction_compatible(a: Report, b: Report) -> bool:
    """Directed acts by the same side: "the U.S. warned Iran" and "Iran warned
    the U.S." are two acts. Undirected families, or a report without a
    source, fit either way."""
    if a.family not in DIRECTED_FAMILIES:
        return True
    return not (a.sources and b.sources and not a.sources & b.sources)


def same_story(a: Report, b: Report) -> bool:
    """The sentences tell one story when the people do not settle it: one
    speaker's "the rouble will not fall" and "the bank will consider rates"
    the same day are two statements (content words must overlap at least
    `STATEMENT_SIMILARITY`);
    the same two named people on the same days are one meeting; otherwise the
    sentences must share `WEAK_LINK_SIMILARITY` of their words. Reports whose
    sentences are unknown pass."""
    if not a.words or not b.words:
        return True
    similarity = len(a.words & b.words) / len(a.words | b.words)
    if a.family == "STATEMENT":
        return similarity >= STATEMENT_SIMILARITY
    if len(named_persons(a, b) & named_persons(b, a)) >= 2:
        return True
    return similarity >= WEAK_LINK_SIMILARITY


# In the order they are checked: cheap and most selective first.
CRITERIA: tuple[Callable[[Report, Report], bool], ...] = (
    same_family,
    different_articles,
    modes_compatible,
    dates_compatible,
    places_compatible,
    participants_compatible,
    direction_compatible,
    same_story,
)


def compatible(a: Report, b: Report) -> bool:
    """Do two reports describe the same event by the rule (every criterion holds)?"""
    return all(criterion(a, b) for criterion in CRITERIA)


def linked(a: Report, b: Report, corrections: Corrections = NO_CORRECTIONS) -> bool:
    """Are two reports one event: a user's correction first, then the rule."""
    pair = frozenset((a.key, b.key))
    if pair in corrections.joined:
        return True
    if pair in corrections.apart:
        return False
    return compatible(a, b)


def components(reports: Sequence[Report], corrections: Corrections = NO_CORRECTIONS) -> list[list[int]]:
    """The events among `reports`: connected components of the link graph, as
    lists of indices into `reports`, ordered by their smallest key."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            if linked(reports[i], reports[j], corrections):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: min(reports[i].key for i in g))


def events_to_join(report: Report, linked_by_event: dict[int, list[Report]]) -> list[int]:
    """Of the events a new report links to (event id -> its linked reports),
    those that become one event with it: all of them when no two name people
    the other lacks, else only the one sharing most of its actors. A vague
    "Putin met leaders" that fits Putin–Kim and Putin–Xi goes into one of
    them and does not make the two meetings one."""
    events = sorted(linked_by_event)
    people = {e: set().union(*(r.persons for r in linked_by_event[e])) for e in events}
    clash = any(people[a] - people[b] and people[b] - people[a] for a in events for b in events if a < b)
    if not clash:
        return events
    return [max(events, key=lambda e: (len(people[e] & report.names), -e))]


# --- a user's split inside one article ---------------------------------------------------


def mention_key(sha256: str, trigger_start: int) -> str:
    """A mention's identity across re-ingests: its article's text hash and the
    offset of its trigger (the text does not change, so neither does it)."""
    return f"{sha256}:{trigger_start}"


def split_record(record: EventRecord, detached: set[int]) -> list[EventRecord]:
    """Undo extraction's merge where a user split it (`timeline split`): the
    mentions whose trigger offsets are in `detached` become events of their
    own, after the event of the mentions left. A record with nothing to split
    is returned as it is."""
    off = [m for m in record.mentions if m.trigger_start in detached]
    rest = [m for m in record.mentions if m.trigger_start not in detached]
    if not off or len(record.mentions) < 2:
        return [record]
    if not rest:  # every mention split off: the first stays
        rest, off = off[:1], off[1:]
    return [_record_of(record, rest, keep_summary=True)] + [_record_of(record, [m]) for m in off]


def _record_of(record: EventRecord, mentions: list[MentionRecord], keep_summary: bool = False) -> EventRecord:
    """The part of `record` its `mentions` report: type and date from them
    (the most precise date wins), the participants and place they name."""
    event_type, mode = _type_and_mode(record, mentions)
    sentences = " ".join(m.sentence for m in mentions)
    participants = [p for p in record.participants if _named_in(p, sentences)] or list(record.participants)
    place = record.place if record.place and record.place in sentences else None
    date, date_start, date_end, granularity = _date_of(mentions)
    part = replace(
        record,
        type=event_type,
        mode=mode,
        cameo=record.cameo if (event_type, mode) == (record.type, record.mode) else None,
        date=date,
        date_start=date_start,
        date_end=date_end,
        granularity=granularity,
        modality=_most_common([m.modality for m in mentions], record.modality) or record.modality,
        confidence=max(m.confidence for m in mentions),
        place=place,
        place_country=record.place_country if place else None,
        participants=participants,
        mentions=list(mentions),
    )
    if not keep_summary:
        part.summary = _summary(participants, mentions[0].trigger)
    return part


def _type_and_mode(record: EventRecord, mentions: list[MentionRecord]) -> tuple[str, str | None]:
    event_type = _most_common([m.type for m in mentions], record.type) or record.type
    same_type = [m.mode for m in mentions if m.type == event_type]
    return event_type, _most_common(same_type, record.mode if event_type == record.type else None)


def _date_of(mentions: list[MentionRecord]) -> tuple[str | None, str | None, str | None, str]:
    """(date, first day, last day, granularity) of the mentions' most precise
    date, the earliest of equals."""
    dated = sorted((m.date for m in mentions if m.date and value_range(m.date)), key=_date_order)
    days = value_range(dated[0]) if dated else None
    if not dated or days is None:
        return None, None, None, Granularity.NONE.value
    return dated[0], days[0].isoformat(), days[1].isoformat(), granularity_of(dated[0])


def _date_order(value: str) -> tuple[int, str]:
    return granularity_rank(granularity_of(value)), value


def _most_common(values: list[str | None], default: str | None) -> str | None:
    """The value most mentions give; a tie goes to what the whole record said."""
    counts = Counter(v for v in values if v)
    if not counts:
        return default
    top = max(counts.values())
    tied = sorted(v for v, n in counts.items() if n == top)
    return default if default in tied else tied[0]


def _named_in(p: Participant, text: str) -> bool:
    """Does `text` name the participant: its name, surface or an alias, or a
    capitalised word of its name ("Lula" for "Lula da Silva", "Xi")?"""
    if any(n and n in text for n in (p.name, p.surface, *p.aliases)):
        return True
    words = set(_NAME_WORD.findall(text))
    return any(w in words for w in _NAME_WORD.findall(p.name) if w[0].isupper())


_NAME_WORD = re.compile(r"\w+")


def _summary(participants: list[Participant], trigger: str) -> str:
    """A plain summary of a split-off mention: who, and its trigger word."""
    names = [p.name for p in participants]
    if not names:
        return trigger.capitalize()
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{joined}: {trigger}"
