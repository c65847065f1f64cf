"""Write extractions to the database: one article per transaction, actors by
canonical name, and cross-article merging of reports into events.

Every event is derived from its *reports* (what one article said about it).
Merging is single-linkage clustering of reports — two reports are linked when
type family, actors, dates and place agree — so the events are the connected
components of that graph, which makes the result independent of ingest order.
"""

from __future__ import annotations

import datetime as dt
import json
import types
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from timeline.events.types import EventRecord, Extraction
from timeline.models import (
    Actor,
    ActorAlias,
    Article,
    Event,
    EventActor,
    EventReport,
    IngestError,
    Mention,
    MergeCorrection,
)
from timeline.sources.document import Document, normalise_text
from timeline.vocabulary import ROLE_ORDER, Granularity, alias_key, granularity_rank

# PLOVER CONSULT covers meetings, visits, calls and talks: a "visit" in one
# outlet is the "meeting" of another. Other PLOVER types must match exactly.
CONSULT_FAMILY = frozenset({"CONSULT", "MEET", "VISIT", "HOST", "PHONE", "CALL", "SUMMIT", "TALKS", "DISCUSS"})

_COARSEST_LINK = granularity_rank(Granularity.MONTH)
# Pronoun-led surface forms ("his Russian counterpart") name someone only in context.
_CONTEXTUAL_WORDS = {"he", "she", "his", "her", "their", "its", "they", "him", "them", "who", "two", "both"}
# A surface sharing no word with the actor's names is kept only when it is a
# singular title ("the Russian president", "Belarusian ruler"): a place
# ("Sochi" for Russia) or a group ("the two leaders") would make false aliases.
_TITLE_WORDS = {
    "president",
    "minister",
    "premier",
    "chancellor",
    "leader",
    "ruler",
    "king",
    "queen",
    "emperor",
    "secretary",
    "dictator",
    "monarch",
    "pope",
    "ayatollah",
    "chairman",
    "chairwoman",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "commander",
    "chief",
}


# Key of the PostgreSQL advisory lock writers hold while storing and merging
# (any constant unlikely to clash with other applications' locks: "TIML").
PG_MERGE_LOCK = 0x54494D4C


class StoreError(RuntimeError):
    """A domain error while storing or correcting (unknown id, bad request)."""


@dataclass
class StoreResult:
    """What `store_article` did with one article."""

    status: str  # stored | skipped
    article_id: int | None
    events: int = 0  # timeline events (reports) written for this article
    event_ids: list[int] = field(default_factory=list)


def type_family(event_type: str) -> str:
    return "CONSULT" if event_type.upper() in CONSULT_FAMILY else event_type.upper()


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


# --- articles -----------------------------------------------------------------


def find_article(session: Session, sha256: str) -> int | None:
    return session.execute(select(Article.id).where(Article.sha256 == sha256)).scalars().first()


def begin_write(session: Session) -> None:
    """Start the write transaction now. On SQLite, BEGIN IMMEDIATE takes the
    write lock up front so two ingesting processes queue on the busy timeout
    instead of failing to upgrade a read lock (SQLITE_BUSY without waiting).
    On PostgreSQL, a transaction-scoped advisory lock does the same: merging
    reads other articles' reports, so two writers must not merge at once or
    both would open a new event for one real event. Extraction, the slow
    part, still runs in parallel; only the short store step queues."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        driver = conn.connection.driver_connection
        if not driver.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        # Released at commit/rollback; taking it twice in one transaction is harmless.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MERGE_LOCK})")


def store_article(session: Session, doc: Document, extraction: Extraction, *, force: bool = False) -> StoreResult:
    """Write one article with its events in one transaction and commit it.

    Same text already stored: nothing changes ("skipped") unless `force`, which
    replaces the article's mentions and reports and re-derives touched events.
    Any failure rolls back, leaving the database as it was.
    """
    try:
        begin_write(session)
        sha = doc.sha256
        existing = find_article(session, sha)
        if existing is not None and not force:
            session.rollback()
            return StoreResult("skipped", existing)
        if existing is not None:
            article = session.get(Article, existing)
            _remove_article_content(session, existing)
            _fill_article(article, doc, extraction)
        else:
            article = Article(sha256=sha, text=normalise_text(doc.text), ingested_at=_now())
            _fill_article(article, doc, extraction)
            session.add(article)
        session.flush()
        result = _write_extraction(session, article, extraction)
        if doc.origin:
            # The input was read after all: its earlier failures are history.
            session.execute(delete(IngestError.__table__).where(IngestError.origin == doc.origin))
        session.commit()
        _actor_cache_settle(session, committed=True)
        return result
    except IntegrityError:
        # Another process stored the same text between our check and insert.
        session.rollback()
        _actor_cache_settle(session, committed=False)
        existing = find_article(session, doc.sha256)
        if existing is None:
            raise
        return StoreResult("skipped", existing)
    except BaseException:
        session.rollback()
        _actor_cache_settle(session, committed=False)
        raise


def _fill_article(article: Article, doc: Document, extraction: Extraction) -> None:
    article.url = doc.url
    article.title = doc.title
    article.publisher = doc.publisher
    article.published = doc.published.isoformat() if doc.published else None
    article.published_source = doc.published_source if doc.published else None
    article.status = "ok" if doc.published else "undated"
    article.origin = doc.origin or None
    article.language = doc.language or "en"


def _write_extraction(session: Session, article: Article, extraction: Extraction) -> StoreResult:
    # Core statements, not ORM objects: a year of news is ~100,000 reports and
    # the ORM's per-object bookkeeping would make the single writer the bottleneck.
    _actor_ids(session, extraction)
    # Manual corrections are few: read them once per article, not per report.
    corrections = _corrections(session, None)
    touched: set[int] = set()
    n = 0
    mention_rows: list[dict] = []
    # A later report of this article may join an event an earlier one went
    # into to another event: absorbed event id -> the event it went into.
    absorbed: dict[int, int] = {}
    for record in extraction.events:
        event_id = None
        if record.in_timeline:
            event_id = _attach(
                session,
                _new_report(session, article, record),
                corrections,
                absorbed,
                sentence_words(m.sentence for m in record.mentions),
            )
            touched.add(event_id)
            n += 1
        mention_rows += _mention_rows(article.id, event_id, record)

    def current(event_id: int | None) -> int | None:
        while event_id in absorbed:
            event_id = absorbed[event_id]
        return event_id

    for row in mention_rows:
        row["event_id"] = current(row["event_id"])
    touched = {current(e) for e in touched}
    if mention_rows:
        session.connection().execute(insert(Mention.__table__), mention_rows)
    _derive_events(session, touched)
    article.n_events = n
    return StoreResult("stored", article.id, n, sorted(touched))


def _mention_rows(article_id: int, event_id: int | None, record: EventRecord) -> list[dict]:
    return [
        {
            "article_id": article_id,
            "event_id": event_id,
            "sentence": m.sentence,
            "sentence_start": m.sentence_start,
            "sentence_end": m.sentence_end,
            "trigger": m.trigger,
            "trigger_start": m.trigger_start,
            "trigger_end": m.trigger_end,
            "type": m.type,
            "mode": m.mode,
            "date": m.date,
            "date_expression": m.date_expression,
            "date_rule": m.date_rule,
            "date_anchor": m.date_anchor,
            "modality": m.modality,
            "confidence": m.confidence,
            "arguments": json.dumps(m.arguments, ensure_ascii=False) if m.arguments else None,
        }
        for m in record.mentions
    ]


def _report_key(sha: str, record: EventRecord) -> str:
    first = min((m.trigger_start for m in record.mentions), default=0)
    return f"{sha}:{first}:{record.type}"


@dataclass
class _Report:
    """An `event_report` row before it is written (a plain dataclass: building
    SQLModel objects costs more than the insert)."""

    event_id: int
    article_id: int
    report_key: str
    type: str
    family: str
    mode: str | None
    cameo: str | None
    date: str | None
    date_start: str | None
    date_end: str | None
    granularity: str
    place: str | None
    place_country: str | None
    summary: str
    modality: str
    confidence: float
    actors: str
    id: int | None = None


def _new_report(session: Session, article: Article, record: EventRecord) -> _Report:
    actors = sorted({(p.name, p.role, p.kind) for p in record.participants})
    return _Report(
        event_id=0,
        article_id=article.id,
        report_key=_report_key(article.sha256, record),
        type=record.type,
        family=type_family(record.type),
        mode=record.mode,
        cameo=record.cameo,
        date=record.date,
        date_start=record.date_start,
        date_end=record.date_end,
        granularity=record.granularity or "none",
        place=record.place,
        place_country=record.place_country,
        summary=record.summary,
        modality=record.modality,
        confidence=record.confidence,
        actors=json.dumps([list(a) for a in actors], ensure_ascii=False),
    )


# --- actors ---------------------------------------------------------------------


def _participant_surfaces(record: EventRecord):
    """Each participant with the surface form worth keeping as an alias.

    Extraction may give a country the surface of its leader ("Putin" for
    Russia too); a surface shared by several participants is kept only for the
    person among them, and pronoun-led phrases ("his counterpart") never.
    """
    by_surface: dict[str, list] = {}
    for p in record.participants:
        if p.surface:
            by_surface.setdefault(alias_key(p.surface), []).append(p)
    for p in record.participants:
        surface = p.surface
        if surface:
            sharing = by_surface[alias_key(surface)]
            words = alias_key(surface).split()
            if len(sharing) > 1 and p.kind != "person":
                surface = ""
            elif set(words) & _CONTEXTUAL_WORDS:
                surface = ""
            elif not _shares_a_name_word(words, [p.name, *p.aliases]) and not (
                p.kind == "person" and words[-1] in _TITLE_WORDS
            ):
                surface = ""
        yield p, surface


def _shares_a_name_word(words: list[str], names: list[str]) -> bool:
    name_words = {w for n in names for w in alias_key(n).split() if len(w) > 2}
    return bool(name_words.intersection(words))


def _actor_ids(session: Session, extraction: Extraction) -> None:
    """Get or create every participant's actor, and store new aliases.

    Known actors and aliases are cached per session; changes made in the
    current transaction join the cache only when it commits.
    """
    names: dict[str, list[str]] = {}
    first: dict[str, object] = {}
    for record in extraction.events:
        for p, surface in _participant_surfaces(record):
            first.setdefault(p.name, p)
            names.setdefault(p.name, []).extend([p.name, *p.aliases, *([surface] if surface else [])])
    if not first:
        return
    cache, pending = _actor_cache(session)
    state = {name: pending.get(name) or cache.get(name) for name in first}
    missing = [name for name, known in state.items() if known is None]
    if missing:
        rows = (
            session.connection()
            .execute(select(Actor.id, Actor.name, Actor.country, Actor.qid).where(Actor.name.in_(missing)))
            .all()
        )
        found = {r.name: r for r in rows}
        aliases: dict[int, set[str]] = {}
        if found:
            for actor_id, norm in session.connection().execute(
                select(ActorAlias.actor_id, ActorAlias.alias_norm).where(
                    ActorAlias.actor_id.in_([r.id for r in found.values()])
                )
            ):
                aliases.setdefault(actor_id, set()).add(norm)
        for name in missing:
            p = first[name]
            row = found.get(name)
            if row is None:
                actor_id = (
                    session.connection()
                    .execute(
                        insert(Actor.__table__).values(
                            name=p.name, kind=p.kind or "person", country=p.country, qid=p.qid
                        )
                    )
                    .inserted_primary_key[0]
                )
                state[name] = (actor_id, set())
            else:
                # Fill what an earlier, less informed extraction left empty.
                fill = {k: v for k, v in (("country", p.country), ("qid", p.qid)) if v and getattr(row, k) is None}
                if fill:
                    session.connection().execute(update(Actor.__table__).where(Actor.id == row.id).values(**fill))
                state[name] = (row.id, aliases.get(row.id, set()))
    new_aliases = []
    for name, (actor_id, known) in state.items():
        added = set()
        for alias in names[name]:
            norm = alias_key(alias)
            if norm and norm not in known and norm not in added:
                added.add(norm)
                new_aliases.append({"actor_id": actor_id, "alias": " ".join(alias.split()), "alias_norm": norm})
        pending[name] = (actor_id, known | added)
    if new_aliases:
        session.connection().execute(_insert_ignoring_duplicates(session, ActorAlias.__table__), new_aliases)


def _insert_ignoring_duplicates(session: Session, table):
    """INSERT that skips rows violating a unique constraint: another ingesting
    process may have stored the same alias since this one cached the actor."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:  # pragma: no cover - other backends are not supported targets
        return insert(table)
    return dialect_insert(table).on_conflict_do_nothing()


def _actor_cache(session: Session) -> tuple[dict, dict]:
    return session.info.setdefault("actor_cache", {}), session.info.setdefault("actor_pending", {})


def _actor_cache_settle(session: Session, committed: bool) -> None:
    cache, pending = _actor_cache(session)
    if committed:
        cache.update(pending)
    pending.clear()


# --- merging ----------------------------------------------------------------------


def _range(report: EventReport) -> tuple[dt.date, dt.date] | None:
    if not report.date_start or not report.date_end:
        return None
    try:
        return dt.date.fromisoformat(report.date_start[:10]), dt.date.fromisoformat(report.date_end[:10])
    except ValueError:
        return None


def _actor_sets(report: EventReport) -> tuple[set[str], set[str]]:
    rows = json.loads(report.actors or "[]")
    names = {r[0] for r in rows}
    persons = {r[0] for r in rows if len(r) > 2 and r[2] == "person"}
    return names, persons


def compatible(a: EventReport, b: EventReport, words: dict | None = None) -> bool:  # noqa: C901
    """Do two reports describe the same event? (issue 6's merge rule)

    Same type family; both dated with overlapping day ranges (two different
    days only when one day apart: that is a `date_conflict`, not two events);
    place equal or one missing; at least two shared actors, or one shared
    person, and not each side naming a person the other lacks (Putin–Kim and
    Putin–Lukashenko are two meetings).
    """
    if a.family != b.family:
        return False
    # Extraction already merged the mentions of one article: two reports from
    # one article are two events (a visit and the meeting held during it).
    if a.article_id is not None and a.article_id == b.article_id:
        return False
    if not _modes_compatible(a.mode, b.mode):
        return False
    ra, rb = _range(a), _range(b)
    if ra is None or rb is None:
        return False  # an undated report cannot be placed next to anything
    if max(granularity_rank(a.granularity), granularity_rank(b.granularity)) > _COARSEST_LINK:
        # A report dated only "in 1987" fits every day of the year: linking it
        # would bridge all of one actor pair's events that year into one.
        return False
    if a.granularity == "day" and b.granularity == "day":
        # One day apart is one event dated differently (13th vs 14th), except
        # for statements: people speak every day, and the slack would chain a
        # week of one speaker's remarks into one event.
        slack = 0 if a.family == "STATEMENT" else 1
        if abs((ra[0] - rb[0]).days) > slack:
            return False
    elif ra[0] > rb[1] or rb[0] > ra[1]:
        return False
    if a.place and b.place and alias_key(a.place) != alias_key(b.place):
        return False
    names_a, persons_a = _actor_sets(a)
    names_b, persons_b = _actor_sets(b)
    shared = names_a & names_b
    if len(shared) < 2 and not (shared & persons_a & persons_b):
        return False
    if (persons_a - persons_b) and (persons_b - persons_a):
        return False
    if not (persons_a and persons_b):
        # "Japan and the United States" alone fits every Japan–US contact of
        # the month: without named people, only the same kind of act within a
        # week is the same event.
        if a.mode != b.mode:
            return False
        if max(granularity_rank(a.granularity), granularity_rank(b.granularity)) > granularity_rank(Granularity.WEEK):
            return False
    if a.family in DIRECTED_FAMILIES:
        # "The U.S. warned Iran" and "Iran warned the U.S." are two acts.
        sources_a, sources_b = _sources(a), _sources(b)
        if sources_a and sources_b and not sources_a & sources_b:
            return False
    if words is not None and not _same_story(a, b, words, len(shared & persons_a & persons_b)):
        return False
    return True


# Families whose acts have a direction: who did it decides which act it is.
DIRECTED_FAMILIES = frozenset({"STATEMENT", "ACCUSE", "THREATEN", "REQUEST", "SANCTION", "REJECT", "SUPPORT"})
# How alike two reports' sentences must be (Jaccard over content words) when
# the people alone do not settle it: a speaker says many things a day, and a
# body agrees many things; wire versions of one story share most words.
STATEMENT_SIMILARITY = 0.3
WEAK_LINK_SIMILARITY = 0.15
_STOPWORDS = frozenset(
    "the and for that with from this have has had was were are will would said says told "
    "its their his her they them been not but also which who after before over into about "
    "than more there when what while other some such only could should may might".split()
)


def sentence_words(sentences) -> frozenset[str]:
    """Content words of a report's sentences, for `compatible`."""
    import re

    words = set()
    for sentence in sentences:
        words.update(w for w in re.findall(r"[a-z]{3,}", sentence.lower()) if w not in _STOPWORDS)
    return frozenset(words)


def _same_story(a: EventReport, b: EventReport, words: dict, shared_people: int) -> bool:
    wa, wb = words.get(a.report_key), words.get(b.report_key)
    if not wa or not wb:
        return True
    similarity = len(wa & wb) / len(wa | wb)
    if a.family == "STATEMENT":
        return similarity >= STATEMENT_SIMILARITY
    if shared_people >= 2:
        return True  # the same two named people on the same days: one meeting
    return similarity >= WEAK_LINK_SIMILARITY


def _sources(report: EventReport) -> set[str]:
    return {r[0] for r in json.loads(report.actors or "[]") if len(r) > 1 and r[1] in ("source", "host")}


# CONSULT modes that name the same kind of occurrence; a visit or a hosting is
# another occurrence than the talks held during it (PLOVER keeps them apart).
_MEETING_MODES = frozenset({"meet", "negotiate", "multilateral", "third-party", "phone", "mediate"})


def _modes_compatible(a: str | None, b: str | None) -> bool:
    return a == b or a is None or b is None or (a in _MEETING_MODES and b in _MEETING_MODES)


def _corrections(session: Session, keys: Iterable[str] | None) -> tuple[set[frozenset], set[frozenset]]:
    """Manual corrections touching `keys` (all of them when None), as pairs:
    (joined by `merge`, kept apart by `split`)."""
    stmt = select(MergeCorrection.kind, MergeCorrection.key_a, MergeCorrection.key_b)
    if keys is not None:
        keys = sorted(set(keys))
        if not keys:
            return set(), set()
        stmt = stmt.where(or_(MergeCorrection.key_a.in_(keys), MergeCorrection.key_b.in_(keys)))
    rows = session.connection().execute(stmt).all()
    joined = {frozenset((a, b)) for kind, a, b in rows if kind == "merge"}
    apart = {frozenset((a, b)) for kind, a, b in rows if kind == "split"}
    return joined, apart


def _linked(a: EventReport, b: EventReport, joined: set, apart: set, words: dict | None = None) -> bool:
    pair = frozenset((a.report_key, b.report_key))
    if pair in joined:
        return True
    if pair in apart:
        return False
    return compatible(a, b, words)


def _stored_words(session: Session, reports) -> dict[str, frozenset[str]]:
    """Content words of stored reports, from their articles' mentions of their events."""
    pairs = {(r.article_id, r.event_id): r.report_key for r in reports}
    if not pairs:
        return {}
    sentences: dict[str, list[str]] = {}
    rows = session.connection().execute(
        select(Mention.article_id, Mention.event_id, Mention.sentence).where(
            Mention.article_id.in_(sorted({a for a, _ in pairs})),
            Mention.event_id.in_(sorted({e for _, e in pairs})),
        )
    )
    for article_id, event_id, sentence in rows:
        key = pairs.get((article_id, event_id))
        if key is not None:
            sentences.setdefault(key, []).append(sentence)
    return {key: sentence_words(found) for key, found in sentences.items()}


_REPORT = EventReport.__table__
_EVENT = Event.__table__
_EVENT_ACTOR = EventActor.__table__

# Statements built once, values passed as parameters: building a statement per
# row costs more than running it (SQLAlchemy derives a cache key each time).
_CANDIDATES = select(_REPORT).where(
    _REPORT.c.family == bindparam("family"),
    _REPORT.c.date_start <= bindparam("hi"),
    _REPORT.c.date_end >= bindparam("lo"),
    _REPORT.c.event_id.in_(
        select(EventActor.event_id)
        .join(Actor, Actor.id == EventActor.actor_id)
        .where(Actor.name.in_(bindparam("names", expanding=True)))
    ),
)
_INSERT_REPORT = insert(_REPORT)
_INSERT_EVENT = insert(_EVENT)
_REPORTS_OF = select(_REPORT).where(_REPORT.c.event_id.in_(bindparam("ids", expanding=True))).order_by(_REPORT.c.id)
_EVENT_ACTORS_OF = (
    select(EventActor.event_id, EventActor.actor_id, EventActor.role)
    .where(EventActor.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(EventActor.id)
)
_ACTOR_IDS = select(Actor.name, Actor.id).where(Actor.name.in_(bindparam("names", expanding=True)))
_UPDATE_EVENT = update(_EVENT).where(_EVENT.c.id == bindparam("event_id_"))
_DELETE_EVENT_ACTORS = delete(_EVENT_ACTOR).where(_EVENT_ACTOR.c.event_id == bindparam("event_id_"))
_PUBLISHED = select(Article.id, Article.published).where(Article.id.in_(bindparam("ids", expanding=True)))


def _candidates(session: Session, report: EventReport) -> list:
    """Stored reports that could link to `report`: same family, a shared actor
    (by the indexed event_actor table) and a date window of a day either side."""
    rng = _range(report)
    names, _ = _actor_sets(report)
    if rng is None or not names:
        return []
    return (
        session.connection()
        .execute(
            _CANDIDATES,
            {
                "family": report.family,
                "lo": (rng[0] - dt.timedelta(days=1)).isoformat(),
                "hi": (rng[1] + dt.timedelta(days=1)).isoformat(),
                "names": sorted(names),
            },
        )
        .all()
    )


def _attach(
    session: Session,
    report: EventReport,
    corrections: tuple[set, set],
    absorbed: dict[int, int] | None = None,
    words: frozenset[str] | None = None,
) -> int:
    """Put a new report into the event of every report it links to (joining
    those events into one), or into a new event; returns the event id. Events
    are joined only when their people agree: a vague report ("Putin met
    leaders") that fits Putin–Kim and Putin–Xi goes into the closer one and does
    not make the two meetings one. `absorbed` records joined-away event ids."""
    candidates = list(_candidates(session, report))
    joined, apart = corrections
    # Manual "merge" corrections link reports whatever the rule says.
    forced = {k for pair in joined if report.report_key in pair for k in pair} - {report.report_key}
    if forced:
        candidates += (
            session.connection().execute(select(_REPORT).where(_REPORT.c.report_key.in_(sorted(forced)))).all()
        )
    known = _stored_words(session, candidates)
    if words is not None:
        known[report.report_key] = words
    linked = [c for c in candidates if _linked(report, c, joined, apart, known)]
    events = sorted({c.event_id for c in linked})
    if len(events) > 1 and not forced:
        events = _joinable(report, linked, events)
    if events:
        event_id = events[0]
        if len(events) > 1:
            _move_event_content(session, events[1:], event_id)
            if absorbed is not None:
                absorbed.update({e: event_id for e in events[1:]})
    else:
        event_id = _new_event(session, report)
    report.event_id = event_id
    values = {c.name: getattr(report, c.name) for c in _REPORT.columns if c.name != "id"}
    session.connection().execute(_INSERT_REPORT, values)
    if len(events) > 1:
        # The absorbed events' actors must be findable on the target again
        # before this article's next report looks for candidates.
        _derive_events(session, [event_id])
    return event_id


def _joinable(report: EventReport, linked: list, events: list[int]) -> list[int]:
    """Of the events a report links to, those that may become one: all of them
    when no two name people the other lacks, else only the closest."""
    people: dict[int, set[str]] = {e: set() for e in events}
    for c in linked:
        people[c.event_id] |= _actor_sets(c)[1]
    clash = any(people[a] - people[b] and people[b] - people[a] for a in events for b in events if a < b)
    if not clash:
        return events
    mine = _actor_sets(report)[0]
    return [max(events, key=lambda e: (len(people[e] & mine), -e))]


def _new_event(session: Session, like) -> int:
    """A placeholder event row; `_derive_events` fills it from its reports."""
    return (
        session.connection()
        .execute(
            _INSERT_EVENT,
            {
                "type": like.type,
                "summary": like.summary,
                "granularity": "none",
                "modality": like.modality,
                "confidence": like.confidence,
                "n_sources": 1,
            },
        )
        .inserted_primary_key[0]
    )


def _event_participants(reports: list) -> list[tuple[str, str]]:
    """(name, role) for each actor of an event, one role per actor: the
    strongest any report gives it (source > host > target > participant), so a
    leader who is the source in one report and the target in another is listed
    once. Source first, then by name."""
    best: dict[str, str] = {}
    for r in reports:
        for row in json.loads(r.actors or "[]"):
            name, role = row[0], row[1]
            if name not in best or ROLE_ORDER.get(role, 9) < ROLE_ORDER.get(best[name], 9):
                best[name] = role
    return sorted(best.items(), key=lambda nr: (ROLE_ORDER.get(nr[1], 9), nr[0]))


def _move_event_content(session: Session, sources: list[int], target: int) -> None:
    session.connection().execute(update(_REPORT).where(_REPORT.c.event_id.in_(sources)).values(event_id=target))
    session.connection().execute(update(Mention.__table__).where(Mention.event_id.in_(sources)).values(event_id=target))
    session.connection().execute(delete(EventActor.__table__).where(EventActor.event_id.in_(sources)))
    session.connection().execute(delete(Event.__table__).where(Event.id.in_(sources)))


def _derive_events(session: Session, event_ids: Iterable[int]) -> None:
    """Recompute each event's fields and participants from its reports
    (deterministically, so ingest order does not matter); delete events left
    without reports, keeping their mentions with event_id NULL."""
    ids = sorted(set(event_ids))
    if not ids:
        return
    session.flush()
    reports: dict[int, list] = {}
    conn = session.connection()
    for r in conn.execute(_REPORTS_OF, {"ids": ids}):
        reports.setdefault(r.event_id, []).append(r)
    empty = [i for i in ids if i not in reports]
    if empty:
        session.connection().execute(update(Mention.__table__).where(Mention.event_id.in_(empty)).values(event_id=None))
        session.connection().execute(delete(Event.__table__).where(Event.id.in_(empty)))
    if not reports:
        return
    published = _published_by_article(session, {r.article_id for rs in reports.values() for r in rs})
    wanted = {eid: _event_participants(rs) for eid, rs in reports.items()}
    names = {n for pairs in wanted.values() for n, _ in pairs}
    actor_ids = dict(conn.execute(_ACTOR_IDS, {"names": sorted(names)}).all()) if names else {}
    current: dict[int, list] = {}
    for eid, aid, role in conn.execute(_EVENT_ACTORS_OF, {"ids": sorted(reports)}):
        current.setdefault(eid, []).append((aid, role))
    rows, updates, rewritten = [], [], []
    for eid, rs in reports.items():
        fields = types.SimpleNamespace()
        _fill_event(fields, rs, published)
        updates.append({"event_id_": eid, **vars(fields)})
        want = [(actor_ids[n], role) for n, role in wanted[eid] if n in actor_ids]
        if want != current.get(eid, []):
            # Rewritten whole so event_actor.id keeps the role order (source first).
            rewritten.append({"event_id_": eid})
            rows += [{"event_id": eid, "actor_id": a, "role": role} for a, role in want]
    conn.execute(_UPDATE_EVENT, updates)
    if rewritten:
        conn.execute(_DELETE_EVENT_ACTORS, rewritten)
    if rows:
        conn.execute(insert(_EVENT_ACTOR), rows)


def _published_by_article(session: Session, article_ids: set[int]) -> dict[int, str]:
    rows = session.connection().execute(_PUBLISHED, {"ids": sorted(article_ids)}).all()
    return {i: p or "" for i, p in rows}


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _fill_event(event: Event, reports: list[EventReport], published: dict[int, str]) -> None:
    event.type = _most_common(r.type for r in reports) or reports[0].type
    same_type = [r for r in reports if r.type == event.type]
    event.mode = _most_common(r.mode for r in same_type)
    event.cameo = _most_common(r.cameo for r in same_type)
    _choose_date(event, reports)
    event.place = _most_common(r.place for r in reports)
    event.place_country = _most_common(r.place_country for r in reports if r.place == event.place)
    event.modality = "asserted" if any(r.modality == "asserted" for r in reports) else "planned"
    event.confidence = max(r.confidence for r in reports)
    # The summary of the most precisely dated, most confident, earliest report.
    best = min(
        reports,
        key=lambda r: (
            granularity_rank(r.granularity) if r.date else granularity_rank(None) + 1,
            -r.confidence,
            published.get(r.article_id, ""),
            r.report_key,
        ),
    )
    event.summary = best.summary
    event.n_sources = len({r.article_id for r in reports})


def _choose_date(event: Event, reports: list[EventReport]) -> None:
    """The most precise date wins; on equal precision the value most articles
    give, ties going to the earliest; values that do not fit it are conflicts."""
    dated = [r for r in reports if r.date and _range(r)]
    if not dated:
        event.date = event.date_start = event.date_end = None
        event.granularity = "none"
        event.date_conflict = None
        return
    finest = min(granularity_rank(r.granularity) for r in dated)
    best_tier = [r for r in dated if granularity_rank(r.granularity) == finest]
    sources: dict[str, set[int]] = {}
    for r in best_tier:
        sources.setdefault(r.date, set()).add(r.article_id)
    chosen_value = min(sources, key=lambda v: (-len(sources[v]), v))
    chosen = min((r for r in best_tier if r.date == chosen_value), key=lambda r: r.report_key)
    event.date, event.date_start, event.date_end = chosen.date, chosen.date_start, chosen.date_end
    event.granularity = chosen.granularity
    lo, hi = _range(chosen)
    others = sorted(
        {r.date for r in dated if r.date != chosen.date and not (_range(r)[0] <= lo and hi <= _range(r)[1])}
    )
    event.date_conflict = "; ".join(others) if others else None


# --- removal, re-clustering -------------------------------------------------------


def _remove_article_content(session: Session, article_id: int) -> None:
    """Drop an article's mentions and reports; re-derive (and where the link
    graph fell apart, split) the events they belonged to."""
    affected = set(
        session.connection().execute(select(_REPORT.c.event_id).where(_REPORT.c.article_id == article_id)).scalars()
    )
    session.connection().execute(delete(Mention.__table__).where(Mention.article_id == article_id))
    session.connection().execute(delete(_REPORT).where(_REPORT.c.article_id == article_id))
    _recluster(session, affected)


def _components(
    reports: list[EventReport], joined: set, apart: set, words: dict | None = None
) -> list[list[EventReport]]:
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            if _linked(reports[i], reports[j], joined, apart, words):
                parent[find(i)] = find(j)
    groups: dict[int, list[EventReport]] = {}
    for i, r in enumerate(reports):
        groups.setdefault(find(i), []).append(r)
    return sorted(groups.values(), key=lambda g: min(r.report_key for r in g))


def _recluster(session: Session, event_ids: Iterable[int]) -> None:
    """Re-split each event into the connected components of its reports."""
    touched = set(event_ids)
    for event_id in sorted(set(event_ids)):
        reports = session.connection().execute(select(_REPORT).where(_REPORT.c.event_id == event_id)).all()
        joined, apart = _corrections(session, [r.report_key for r in reports])
        for group in _components(reports, joined, apart, _stored_words(session, reports))[1:]:
            touched.add(_split_off(session, event_id, group))
    _derive_events(session, touched)


def _split_off(session: Session, event_id: int, group: list) -> int:
    """Move `group`'s reports (and their articles' mentions of the event) to a new event."""
    session.flush()
    new_id = _new_event(session, group[0])
    session.connection().execute(update(_REPORT).where(_REPORT.c.id.in_([r.id for r in group])).values(event_id=new_id))
    session.connection().execute(
        update(Mention.__table__)
        .where(Mention.event_id == event_id, Mention.article_id.in_(sorted({r.article_id for r in group})))
        .values(event_id=new_id)
    )
    return new_id


# --- failures, redating, manual corrections --------------------------------------------


def record_failure(session: Session, origin: str, reason: str) -> None:
    """Remember an input that could not be ingested (`timeline articles --failed`).

    The same failure seen again (a re-run) updates its time instead of adding a row.
    """
    try:
        begin_write(session)
        table = IngestError.__table__
        same = (table.c.origin == origin) & (table.c.reason == reason)
        if session.execute(update(table).where(same).values(occurred_at=_now())).rowcount == 0:
            session.execute(insert(table).values(origin=origin, reason=reason, occurred_at=_now()))
        session.commit()
    except BaseException:
        session.rollback()
        raise


def article_document(article: Article, published: dt.date | None = None) -> Document:
    """Rebuild the Document an article was made from (for redating)."""
    return Document(
        text=article.text,
        title=article.title,
        url=article.url,
        published=published
        if published is not None
        else (dt.date.fromisoformat(article.published) if article.published else None),
        publisher=article.publisher,
        language=article.language,
        origin=article.origin or "",
        published_source="option" if published is not None else article.published_source,
    )


def redate_article(
    session: Session, article_id: int, published: dt.date, extractor: Callable[[Document], Extraction]
) -> StoreResult:
    """Give an article a publication date and re-extract it, so its relative
    dates ("on Friday") resolve; events are re-merged like a new ingest."""
    article = session.get(Article, article_id)
    if article is None:
        raise StoreError(f"no article with id {article_id}")
    doc = article_document(article, published)
    extraction = extractor(doc)
    session.rollback()  # release the read transaction before the write one
    return store_article(session, doc, extraction, force=True)


def _event_reports(session: Session, event_id: int) -> list[EventReport]:
    if session.get(Event, event_id) is None:
        raise StoreError(f"no event with id {event_id}")
    return list(session.execute(select(EventReport).where(EventReport.event_id == event_id)).scalars())


@dataclass
class MergePlan:
    """What `merge_events` would do (or did)."""

    target: int
    absorbed: list[int]
    n_sources: int
    mentions: int


def merge_events(session: Session, event_ids: list[int], *, dry_run: bool = False) -> MergePlan:
    """Join events a user says are one, recording the correction so that
    re-ingesting their articles joins them again."""
    ids = sorted(set(event_ids))
    if len(ids) < 2:
        raise StoreError("merge needs two different event ids")
    reports = {i: _event_reports(session, i) for i in ids}
    articles = {r.article_id for rs in reports.values() for r in rs}
    mentions = session.execute(select(func.count()).select_from(Mention).where(Mention.event_id.in_(ids))).scalar_one()
    plan = MergePlan(ids[0], ids[1:], len(articles), mentions)
    if dry_run:
        return plan
    try:
        begin_write(session)
        anchor = reports[ids[0]][0].report_key if reports[ids[0]] else None
        for other in ids[1:]:
            if anchor and reports[other]:
                _add_correction(session, "merge", anchor, reports[other][0].report_key)
        _move_event_content(session, ids[1:], ids[0])
        session.flush()
        _derive_events(session, [ids[0]])
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return plan


def split_event(session: Session, event_id: int, mention_id: int) -> int:
    """Take the report holding `mention_id` (its article's account) out of
    `event_id` into a new event, and keep them apart on re-ingest."""
    mention = session.get(Mention, mention_id)
    if mention is None or mention.event_id != event_id:
        raise StoreError(f"mention {mention_id} is not a mention of event {event_id}")
    reports = _event_reports(session, event_id)
    moving = [r for r in reports if r.article_id == mention.article_id]
    staying = [r for r in reports if r.article_id != mention.article_id]
    if not moving or not staying:
        raise StoreError(f"event {event_id} has only one source; nothing to split")
    try:
        begin_write(session)
        for m in moving:
            for s in staying:
                _add_correction(session, "split", m.report_key, s.report_key)
        session.execute(
            delete(MergeCorrection).where(
                MergeCorrection.kind == "merge",
                or_(
                    MergeCorrection.key_a.in_([m.report_key for m in moving]),
                    MergeCorrection.key_b.in_([m.report_key for m in moving]),
                ),
            )
        )
        new_id = _split_off(session, event_id, moving)
        _derive_events(session, [event_id, new_id])
        session.commit()
        return new_id
    except BaseException:
        session.rollback()
        raise


def _add_correction(session: Session, kind: str, a: str, b: str) -> None:
    a, b = sorted((a, b))
    exists = session.execute(
        select(MergeCorrection.id).where(
            MergeCorrection.kind == kind, MergeCorrection.key_a == a, MergeCorrection.key_b == b
        )
    ).first()
    if exists is None:
        opposite = "split" if kind == "merge" else "merge"
        session.execute(
            delete(MergeCorrection).where(
                MergeCorrection.kind == opposite, MergeCorrection.key_a == a, MergeCorrection.key_b == b
            )
        )
        session.add(MergeCorrection(kind=kind, key_a=a, key_b=b, created_at=_now()))
