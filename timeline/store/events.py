"""Event rows: an article's mentions and reports, each report attached to the
event of the reports it links to (`timeline.merging` decides), and every event
derived from its reports, re-clustered when reports go away.

Every event is derived from its *reports* (what one article said about it), so
the events are the connected components of the report link graph and the
result does not depend on ingest order. Core statements, not ORM objects: a
year of news is ~100,000 reports and the ORM's per-object bookkeeping would
make the single writer the bottleneck.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any, Protocol

from sqlalchemy import Row, bindparam, delete, insert, or_, select, update
from sqlmodel import Session, SQLModel

from timeline import merging
from timeline.events.types import EventRecord, Extraction, MentionRecord, Participant
from timeline.merging import Corrections, ReportActor, day_range, sentence_words, split_record, type_family
from timeline.vocabulary import ROLE_ORDER, ActorKind, Granularity, Modality, granularity_rank

_ACTOR = SQLModel.metadata.tables["actor"]
_ARTICLE = SQLModel.metadata.tables["article"]
_EVENT = SQLModel.metadata.tables["event"]
_EVENT_ACTOR = SQLModel.metadata.tables["event_actor"]
_MENTION = SQLModel.metadata.tables["mention"]
_REPORT = SQLModel.metadata.tables["event_report"]
_CORRECTION = SQLModel.metadata.tables["merge_correction"]
# Roles as stored (plain strings) in the order an event lists its actors.
_ROLE_RANK: dict[str, int] = {str(role): rank for role, rank in ROLE_ORDER.items()}


class ReportRow(Protocol):
    """An `event_report` row, stored (a `Row`) or about to be (`NewReport`)."""

    @property
    def report_key(self) -> str: ...
    @property
    def event_id(self) -> int: ...
    @property
    def article_id(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def mode(self) -> str | None: ...
    @property
    def date_start(self) -> str | None: ...
    @property
    def date_end(self) -> str | None: ...
    @property
    def granularity(self) -> str: ...
    @property
    def place(self) -> str | None: ...
    @property
    def place_country(self) -> str | None: ...
    @property
    def summary(self) -> str: ...
    @property
    def modality(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def actors(self) -> str: ...


@dataclass
class NewReport:
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
    actors: str  # JSON: [[name, role, kind], ...]
    id: int | None = None


class _ArticleKeys(Protocol):
    """What a report needs of its article."""

    @property
    def id(self) -> int | None: ...
    @property
    def sha256(self) -> str: ...
    @property
    def published(self) -> str | None: ...


def write_events(session: Session, article: _ArticleKeys, extraction: Extraction) -> tuple[int, list[int]]:
    """Write an article's mentions and reports, attaching each report to its
    event (mentions a user split apart are kept apart); returns (timeline
    events written, the events touched)."""
    assert article.id is not None
    records = extraction.events
    detached = detached_mentions(session, article.sha256)
    if detached:
        records = [part for record in records for part in split_record(record, detached)]
    # Manual corrections are few: read them once per article, not per report.
    event_ids = _write_records(session, article, records, corrections_for(session, None))
    touched = {e for e in event_ids if e is not None}
    derive_events(session, touched)
    return len([e for e in event_ids if e is not None]), sorted(touched)


def _write_records(
    session: Session,
    article: _ArticleKeys,
    records: Sequence[EventRecord],
    corrections: Corrections,
    stay_in: int | None = None,
) -> list[int | None]:
    """Attach each timeline record's report (the first one to event `stay_in`
    when given) and write every record's mentions; the event of each record."""
    assert article.id is not None
    event_ids: list[int | None] = []
    mention_rows: list[dict[str, Any]] = []
    # A later report of this article may join an event an earlier one went
    # into to another event: absorbed event id -> the event it went into.
    absorbed: dict[int, int] = {}
    for record in records:
        event_id = None
        if record.in_timeline:
            report = _new_report(session, article, record)
            if stay_in is not None and not event_ids:
                event_id = _insert_report(session, report, stay_in)
            else:
                words = sentence_words(m.sentence for m in record.mentions)
                event_id = _attach(session, report, corrections, absorbed, words, _day(article.published))
        event_ids.append(event_id)
        mention_rows += _mention_rows(article.id, event_id, record)

    def current(event_id: int | None) -> int | None:
        while event_id in absorbed:
            event_id = absorbed[event_id]
        return event_id

    for row in mention_rows:
        row["event_id"] = current(row["event_id"])
    if mention_rows:
        session.connection().execute(insert(_MENTION), mention_rows)
    return [current(e) for e in event_ids]


def _mention_rows(article_id: int, event_id: int | None, record: EventRecord) -> list[dict[str, Any]]:
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


def report_key(sha: str, record: EventRecord) -> str:
    """The report's identity across re-ingests (article hash, first trigger, type)."""
    first = min((m.trigger_start for m in record.mentions), default=0)
    return f"{sha}:{first}:{record.type}"


def _new_report(session: Session | None, article: _ArticleKeys, record: EventRecord) -> NewReport:
    assert article.id is not None
    actors = sorted({(p.name, p.role, p.kind) for p in record.participants})
    return NewReport(
        event_id=0,
        article_id=article.id,
        report_key=report_key(article.sha256, record),
        type=record.type,
        family=type_family(record.type),
        mode=record.mode,
        cameo=record.cameo,
        date=record.date,
        date_start=record.date_start,
        date_end=record.date_end,
        granularity=record.granularity or Granularity.NONE.value,
        place=record.place,
        place_country=record.place_country,
        summary=record.summary,
        modality=record.modality,
        confidence=record.confidence,
        actors=json.dumps([list(a) for a in actors], ensure_ascii=False),
    )


# --- the merge rule on rows ----------------------------------------------------------


def merge_report(row: ReportRow, words: frozenset[str] = frozenset(), published: date | None = None) -> merging.Report:
    """The merge rule's view of a report row (`published`: its article's day)."""
    return merging.Report(
        key=row.report_key,
        article_id=row.article_id,
        family=row.family,
        mode=row.mode,
        granularity=row.granularity,
        days=day_range(row.date_start, row.date_end),
        place=row.place,
        actors=tuple(_report_actor(a) for a in json.loads(row.actors or "[]")),
        words=words,
        published=published,
        place_country=row.place_country,
    )


def _day(published: str | None) -> date | None:
    """An article's publication day (stored as ISO text, perhaps with a time)."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _publication_days(session: Session, reports: Sequence[ReportRow]) -> dict[int, date | None]:
    """Article id -> publication day, for the reports' articles (where an undated report stands)."""
    ids = {r.article_id for r in reports}
    return {i: _day(p) for i, p in _published_by_article(session, ids).items()} if ids else {}


def _report_actor(row: list[str | None]) -> ReportActor:
    name, role, kind = (row + [None, None])[:3]
    return ReportActor(str(name), role or "", kind)


def compatible(a: ReportRow, b: ReportRow, words: dict[str, frozenset[str]] | None = None) -> bool:
    """Do two report rows describe the same event by the merge rule? `words`
    (report key -> `sentence_words`) lets it compare their sentences."""
    known = words or {}
    return merging.compatible(
        merge_report(a, known.get(a.report_key, frozenset())), merge_report(b, known.get(b.report_key, frozenset()))
    )


def corrections_for(session: Session, keys: Iterable[str] | None) -> Corrections:
    """Replay: the user's corrections touching `keys` (all when None), which
    linking honours on every ingest and re-ingest (`corrections.py` records them)."""
    stmt = select(_CORRECTION.c.kind, _CORRECTION.c.key_a, _CORRECTION.c.key_b)
    if keys is not None:
        wanted = sorted(set(keys))
        if not wanted:
            return merging.NO_CORRECTIONS
        stmt = stmt.where(or_(_CORRECTION.c.key_a.in_(wanted), _CORRECTION.c.key_b.in_(wanted)))
    rows = session.connection().execute(stmt).all()
    return Corrections(
        joined=frozenset(frozenset((a, b)) for kind, a, b in rows if kind == "merge"),
        apart=frozenset(frozenset((a, b)) for kind, a, b in rows if kind == "split"),
    )


def detached_mentions(session: Session, sha256: str) -> set[int]:
    """Replay: the trigger offsets of the article's mentions a user split off
    the event extraction merged them into (`timeline split`)."""
    keys = session.connection().execute(
        select(_CORRECTION.c.key_a).where(_CORRECTION.c.kind == "detach", _CORRECTION.c.key_b == sha256)
    )
    return {int(key.rsplit(":", 1)[1]) for key in keys.scalars()}


def _stored_words(session: Session, reports: Sequence[ReportRow]) -> dict[str, frozenset[str]]:
    """Content words of stored reports, from their articles' mentions of their events."""
    pairs = {(r.article_id, r.event_id): r.report_key for r in reports}
    if not pairs:
        return {}
    sentences: dict[str, list[str]] = {}
    rows = session.connection().execute(
        select(_MENTION.c.article_id, _MENTION.c.event_id, _MENTION.c.sentence).where(
            _MENTION.c.article_id.in_(sorted({a for a, _ in pairs})),
            _MENTION.c.event_id.in_(sorted({e for _, e in pairs})),
        )
    )
    for article_id, event_id, sentence in rows:
        key = pairs.get((article_id, event_id))
        if key is not None:
            sentences.setdefault(key, []).append(sentence)
    return {key: sentence_words(found) for key, found in sentences.items()}


# Statements built once, values passed as parameters: building a statement per
# row costs more than running it (SQLAlchemy derives a cache key each time).

# The report's actors by name (the unique index on actor.name).
_ACTOR_IDS_NAMED = select(_ACTOR.c.id).where(_ACTOR.c.name.in_(bindparam("names", expanding=True)))
# A shared actor, checked per candidate row by an index on event_actor's
# event_id: never a list of every event of the report's actors, which grows
# with the database (a much-reported state is in a third of all events; issue
# 13). OFFSET 0 keeps PostgreSQL from flattening the EXISTS into a semi join,
# which it would hash over all those events: its estimate of an actor's events
# is the average one's.
_SHARES_AN_ACTOR = (
    select(_EVENT_ACTOR.c.event_id)
    .where(
        _EVENT_ACTOR.c.event_id == _REPORT.c.event_id,
        _EVENT_ACTOR.c.actor_id.in_(bindparam("actor_ids", expanding=True)),
    )
    .offset(0)
    .exists()
)
# Dated reports by the (family, date_start, date_end) index, the range bounded
# on both sides: a report the rule links spans a month at most (`_LONGEST_SPAN`).
_CANDIDATES = select(_REPORT).where(
    _REPORT.c.family == bindparam("family"),
    _REPORT.c.date_start >= bindparam("earliest_start"),
    _REPORT.c.date_start <= bindparam("hi"),
    _REPORT.c.date_end >= bindparam("lo"),
    _SHARES_AN_ACTOR,
)
# Undated reports by their articles' publication day (ix_article_published, then
# ix_event_report_article_id). `family || ''` keeps SQLite, which has no
# statistics, from scanning every undated report of the family instead; it
# stays a filter.
_UNDATED_CANDIDATES = select(_REPORT).where(
    (_REPORT.c.family + "") == bindparam("family"),
    _REPORT.c.date_start.is_(None),
    _REPORT.c.article_id.in_(
        select(_ARTICLE.c.id).where(
            _ARTICLE.c.published >= bindparam("published_lo"), _ARTICLE.c.published < bindparam("published_before")
        )
    ),
    _SHARES_AN_ACTOR,
)
_LONGEST_SPAN = timedelta(days=31)
_INSERT_REPORT = insert(_REPORT)
_INSERT_EVENT = insert(_EVENT)
_REPORTS_OF = select(_REPORT).where(_REPORT.c.event_id.in_(bindparam("ids", expanding=True))).order_by(_REPORT.c.id)
_EVENT_ACTORS_OF = (
    select(_EVENT_ACTOR.c.event_id, _EVENT_ACTOR.c.actor_id, _EVENT_ACTOR.c.role)
    .where(_EVENT_ACTOR.c.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(_EVENT_ACTOR.c.id)
)
_ACTOR_IDS = select(_ACTOR.c.name, _ACTOR.c.id).where(_ACTOR.c.name.in_(bindparam("names", expanding=True)))
_UPDATE_EVENT = update(_EVENT).where(_EVENT.c.id == bindparam("event_id_"))
_DELETE_EVENT_ACTORS = delete(_EVENT_ACTOR).where(_EVENT_ACTOR.c.event_id == bindparam("event_id_"))
_PUBLISHED = select(_ARTICLE.c.id, _ARTICLE.c.published).where(_ARTICLE.c.id.in_(bindparam("ids", expanding=True)))


def _candidates(session: Session, report: merging.Report) -> list[Row[Any]]:
    """Stored reports that could link to `report`: same family, a shared actor
    (by the indexed event_actor table) and a date window of a day either side
    of its `span`; for a dated report also the undated reports of articles
    published in that window or `UNDATED_DAYS_BEFORE` days after it."""
    span = report.span
    if span is None or not report.names:
        return []
    lo, hi = span[0] - timedelta(days=1), span[1] + timedelta(days=1)
    params: dict[str, Any] = {
        "family": report.family,
        "lo": lo.isoformat(),
        "hi": hi.isoformat(),
        "earliest_start": (lo - _LONGEST_SPAN).isoformat(),
    }
    conn = session.connection()
    params["actor_ids"] = sorted(conn.execute(_ACTOR_IDS_NAMED, {"names": sorted(report.names)}).scalars())
    if not params["actor_ids"]:
        return []  # no stored actor of its: no stored report shares one
    found = list(conn.execute(_CANDIDATES, params).all())
    if not report.undated:
        after = hi + timedelta(days=merging.UNDATED_DAYS_BEFORE + 1)
        found += conn.execute(
            _UNDATED_CANDIDATES, {**params, "published_lo": lo.isoformat(), "published_before": after.isoformat()}
        )
    return found


def _attach(
    session: Session,
    report: NewReport,
    corrections: Corrections,
    absorbed: dict[int, int] | None = None,
    words: frozenset[str] = frozenset(),
    published: date | None = None,
) -> int:
    """Put a new report into the event of every report it links to (joining
    those events into one, as `merging.events_to_join` allows), or into a new
    event; returns the event id. `absorbed` records joined-away event ids."""
    mine = merge_report(report, words, published)
    candidates = _candidates(session, mine)
    # Manual "merge" corrections link reports whatever the rule says.
    forced = corrections.forced_partners(report.report_key)
    if forced:
        candidates += session.connection().execute(select(_REPORT).where(_REPORT.c.report_key.in_(sorted(forced))))
    known = _stored_words(session, candidates)
    days = _publication_days(session, candidates)
    by_event: dict[int, list[merging.Report]] = {}
    for c in candidates:
        view = merge_report(c, known.get(c.report_key, frozenset()), days.get(c.article_id))
        if merging.linked(mine, view, corrections):
            by_event.setdefault(c.event_id, []).append(view)
    events = sorted(by_event)
    if len(events) > 1 and not forced:
        events = merging.events_to_join(mine, by_event)
    if events:
        event_id = events[0]
        if len(events) > 1:
            move_event_content(session, events[1:], event_id)
            if absorbed is not None:
                absorbed.update({e: event_id for e in events[1:]})
    else:
        event_id = _new_event(session, report)
    _insert_report(session, report, event_id)
    if len(events) > 1:
        # The absorbed events' actors must be findable on the target again
        # before this article's next report looks for candidates.
        derive_events(session, [event_id])
    return event_id


def _insert_report(session: Session, report: NewReport, event_id: int) -> int:
    report.event_id = event_id
    values = {c.name: getattr(report, c.name) for c in _REPORT.columns if c.name != "id"}
    session.connection().execute(_INSERT_REPORT, values)
    return event_id


def _new_event(session: Session, like: ReportRow) -> int:
    """A placeholder event row; `derive_events` fills it from its reports."""
    values = {
        "type": like.type,
        "summary": like.summary,
        "granularity": Granularity.NONE.value,
        "modality": like.modality,
        "confidence": like.confidence,
        "n_sources": 1,
    }
    key = session.connection().execute(_INSERT_EVENT, values).inserted_primary_key
    assert key is not None
    return int(key[0])


def move_event_content(session: Session, sources: list[int], target: int) -> None:
    """Move the reports and mentions of events `sources` to `target`; delete `sources`."""
    conn = session.connection()
    conn.execute(update(_REPORT).where(_REPORT.c.event_id.in_(sources)).values(event_id=target))
    conn.execute(update(_MENTION).where(_MENTION.c.event_id.in_(sources)).values(event_id=target))
    conn.execute(delete(_EVENT_ACTOR).where(_EVENT_ACTOR.c.event_id.in_(sources)))
    conn.execute(delete(_EVENT).where(_EVENT.c.id.in_(sources)))


# --- deriving an event from its reports ---------------------------------------------------


def derive_events(session: Session, event_ids: Iterable[int]) -> None:
    """Recompute each event's fields and participants from its reports
    (deterministically, so ingest order does not matter); delete events left
    without reports, keeping their mentions with event_id NULL."""
    ids = sorted(set(event_ids))
    if not ids:
        return
    session.flush()
    reports: dict[int, list[Row[Any]]] = {}
    conn = session.connection()
    for r in conn.execute(_REPORTS_OF, {"ids": ids}):
        reports.setdefault(r.event_id, []).append(r)
    empty = [i for i in ids if i not in reports]
    if empty:
        conn.execute(update(_MENTION).where(_MENTION.c.event_id.in_(empty)).values(event_id=None))
        conn.execute(delete(_EVENT).where(_EVENT.c.id.in_(empty)))
    if not reports:
        return
    published = _published_by_article(session, {r.article_id for rs in reports.values() for r in rs})
    conn.execute(_UPDATE_EVENT, [{"event_id_": eid, **_event_fields(rs, published)} for eid, rs in reports.items()])
    _write_participants(session, {eid: _event_participants(rs) for eid, rs in reports.items()})


def _write_participants(session: Session, wanted: dict[int, list[tuple[str, str]]]) -> None:
    """Make each event's `event_actor` rows the (name, role) pairs wanted."""
    conn = session.connection()
    names = {n for pairs in wanted.values() for n, _ in pairs}
    actor_ids = dict(conn.execute(_ACTOR_IDS, {"names": sorted(names)}).tuples().all()) if names else {}
    current: dict[int, list[tuple[int, str]]] = {}
    for eid, aid, role in conn.execute(_EVENT_ACTORS_OF, {"ids": sorted(wanted)}):
        current.setdefault(eid, []).append((aid, role))
    rows, rewritten = [], []
    for eid, pairs in wanted.items():
        want = [(actor_ids[n], role) for n, role in pairs if n in actor_ids]
        if want != current.get(eid, []):
            # Rewritten whole so event_actor.id keeps the role order (source first).
            rewritten.append({"event_id_": eid})
            rows += [{"event_id": eid, "actor_id": a, "role": role} for a, role in want]
    if rewritten:
        conn.execute(_DELETE_EVENT_ACTORS, rewritten)
    if rows:
        conn.execute(insert(_EVENT_ACTOR), rows)


def _event_participants(reports: Sequence[ReportRow]) -> list[tuple[str, str]]:
    """(name, role) for each actor of an event, one role per actor: the
    strongest any report gives it (source > host > target > participant), so a
    leader who is the source in one report and the target in another is listed
    once. Source first, then by name."""
    best: dict[str, str] = {}
    for r in reports:
        for row in json.loads(r.actors or "[]"):
            name, role = row[0], row[1]
            if name not in best or _ROLE_RANK.get(role, 9) < _ROLE_RANK.get(best[name], 9):
                best[name] = role
    return sorted(best.items(), key=lambda nr: (_ROLE_RANK.get(nr[1], 9), nr[0]))


def _published_by_article(session: Session, article_ids: set[int]) -> dict[int, str]:
    rows = session.connection().execute(_PUBLISHED, {"ids": sorted(article_ids)}).tuples().all()
    return {i: p or "" for i, p in rows}


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _event_fields(reports: list[Row[Any]], published: dict[int, str]) -> dict[str, Any]:
    """An event's columns, derived from its reports."""
    event_type = _most_common(r.type for r in reports) or reports[0].type
    same_type = [r for r in reports if r.type == event_type]
    place = _most_common(r.place for r in reports)
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
    return {
        "type": event_type,
        "mode": _most_common(r.mode for r in same_type),
        "cameo": _most_common(r.cameo for r in same_type),
        **_date_fields(reports),
        "place": place,
        "place_country": _most_common(r.place_country for r in reports if r.place == place),
        "modality": Modality.ASSERTED.value
        if any(r.modality == Modality.ASSERTED for r in reports)
        else Modality.PLANNED.value,
        "confidence": max(r.confidence for r in reports),
        "summary": best.summary,
        "n_sources": len({r.article_id for r in reports}),
    }


def _date_fields(reports: list[Row[Any]]) -> dict[str, Any]:
    """The most precise date wins; on equal precision the value most articles
    give, ties going to the earliest; values that do not fit it are conflicts."""
    dated = [(r, rng) for r in reports if r.date and (rng := day_range(r.date_start, r.date_end))]
    if not dated:
        return {"date": None, "date_start": None, "date_end": None, "granularity": "none", "date_conflict": None}
    chosen, (lo, hi) = _chosen_date(dated)
    others = sorted({r.date for r, rng in dated if r.date != chosen.date and not (rng[0] <= lo and hi <= rng[1])})
    return {
        "date": chosen.date,
        "date_start": chosen.date_start,
        "date_end": chosen.date_end,
        "granularity": chosen.granularity,
        "date_conflict": "; ".join(others) if others else None,
    }


def _chosen_date(dated: list[tuple[Row[Any], tuple[date, date]]]) -> tuple[Row[Any], tuple[date, date]]:
    """The report whose date the event takes, with its days."""
    finest = min(granularity_rank(r.granularity) for r, _ in dated)
    best_tier = [(r, rng) for r, rng in dated if granularity_rank(r.granularity) == finest]
    sources: dict[str, set[int]] = {}
    for r, _ in best_tier:
        sources.setdefault(r.date, set()).add(r.article_id)
    chosen_value = min(sources, key=lambda v: (-len(sources[v]), v))
    return min(((r, rng) for r, rng in best_tier if r.date == chosen_value), key=lambda pair: pair[0].report_key)


# --- removal, re-clustering -------------------------------------------------------


def remove_article_events(session: Session, article_id: int) -> None:
    """Drop an article's mentions and reports; re-derive (and where the link
    graph fell apart, split) the events they belonged to."""
    conn = session.connection()
    affected = set(conn.execute(select(_REPORT.c.event_id).where(_REPORT.c.article_id == article_id)).scalars())
    conn.execute(delete(_MENTION).where(_MENTION.c.article_id == article_id))
    conn.execute(delete(_REPORT).where(_REPORT.c.article_id == article_id))
    recluster(session, affected)


def recluster(session: Session, event_ids: Iterable[int]) -> None:
    """Re-split each event into the connected components of its reports."""
    touched = set(event_ids)
    for event_id in sorted(touched):
        reports = session.connection().execute(select(_REPORT).where(_REPORT.c.event_id == event_id)).all()
        corrections = corrections_for(session, [r.report_key for r in reports])
        words = _stored_words(session, reports)
        days = _publication_days(session, reports)
        views = [merge_report(r, words.get(r.report_key, frozenset()), days.get(r.article_id)) for r in reports]
        for group in merging.components(views, corrections)[1:]:
            touched.add(split_off(session, event_id, [reports[i] for i in group]))
    derive_events(session, touched)


def split_off(session: Session, event_id: int, group: Sequence[Row[Any]]) -> int:
    """Move `group`'s reports (and their articles' mentions of the event) to a new event."""
    session.flush()
    new_id = _new_event(session, group[0])
    conn = session.connection()
    conn.execute(update(_REPORT).where(_REPORT.c.id.in_([r.id for r in group])).values(event_id=new_id))
    conn.execute(
        update(_MENTION)
        .where(_MENTION.c.event_id == event_id, _MENTION.c.article_id.in_(sorted({r.article_id for r in group})))
        .values(event_id=new_id)
    )
    return new_id


# --- a user's split inside one article ------------------------------------------------------


def stored_record(report: Row[Any], mentions: Sequence[Row[Any]]) -> EventRecord:
    """The event record a stored report and its mentions were written from
    (participants by name, role and kind), to split it again."""
    return EventRecord(
        type=report.type,
        mode=report.mode,
        cameo=report.cameo,
        date=report.date,
        date_start=report.date_start,
        date_end=report.date_end,
        granularity=report.granularity,
        modality=report.modality,
        confidence=report.confidence,
        summary=report.summary,
        place=report.place,
        place_country=report.place_country,
        participants=[
            Participant(name=a[0], role=a[1], kind=a[2] if len(a) > 2 else ActorKind.PERSON.value)
            for a in json.loads(report.actors or "[]")
        ],
        mentions=[
            MentionRecord(
                **{f: getattr(m, f) for f in _MENTION_FIELDS},
                arguments=json.loads(m.arguments) if m.arguments else {},
            )
            for m in sorted(mentions, key=lambda m: m.trigger_start)
        ],
    )


# The columns a mention row shares with `MentionRecord` (all but its JSON `arguments`).
_MENTION_FIELDS = tuple(f.name for f in fields(MentionRecord) if f.name != "arguments")


def replace_report(
    session: Session, article: _ArticleKeys, report: Row[Any], records: Sequence[EventRecord]
) -> list[int | None]:
    """Replace a stored report and its article's mentions of its event by
    `records`: the first stays in that event, the others are attached as new
    reports are; the events are re-clustered. The event of each record."""
    conn = session.connection()
    conn.execute(
        delete(_MENTION).where(_MENTION.c.article_id == report.article_id, _MENTION.c.event_id == report.event_id)
    )
    conn.execute(delete(_REPORT).where(_REPORT.c.id == report.id))
    event_ids = _write_records(session, article, records, corrections_for(session, None), stay_in=report.event_id)
    recluster(session, {report.event_id, *(e for e in event_ids if e is not None)})
    return event_ids
