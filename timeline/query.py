"""Turn `EventQuery` filters into indexed SQL and return events as the stable
JSON record of DESIGN.md, fetched in a constant number of queries (events,
then their actors, then their mentions) whatever the number of events.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterator

from sqlalchemy import and_, false, func, or_, select, text
from sqlalchemy.orm import Session

from timeline.models import Actor, ActorAlias, Article, Event, EventActor, Mention
from timeline.migrations.views import FTS_TABLE

ORDERS = ("date", "-date", "sources")


class QueryError(ValueError):
    """A filter value that cannot be understood (message names it)."""


@dataclass
class EventQuery:
    """Filters of `timeline query`; every one given must hold (AND)."""

    actors: list[str] = field(default_factory=list)  # each must take part
    with_: list[str] = field(default_factory=list)  # co-actors: must take part too, any role
    types: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)  # code prefixes ("04" matches "040", "043")
    since: str | None = None
    until: str | None = None
    place: str | None = None
    country: str | None = None
    text: str | None = None
    source: str | None = None
    planned: bool | None = None
    ids: list[int] = field(default_factory=list)
    limit: int | None = None
    order: str = "date"
    today: dt.date | None = None  # for "last month"; default: today


# --- dates ---------------------------------------------------------------------

_AGO = re.compile(r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago$")
_RELATIVE = re.compile(r"^(last|this|next|past)\s+(week|month|year|quarter)$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def date_range(value: str, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The days a `--since`/`--until` value covers: a TIMEX3/ISO-8601 value
    (`2023-09-15`, `2023-W37`, `2023-09`, `2023-Q3`, `2023`) or a phrase
    relative to today (`today`, `yesterday`, `last month`, `this week`,
    `3 days ago`)."""
    from timeline.temporal.expression import value_range

    raw = " ".join(value.strip().lower().split())
    rng = value_range(value.strip().upper()) if raw else None
    if rng:
        return rng
    today = today or dt.date.today()
    if raw == "today":
        return today, today
    if raw == "yesterday":
        d = today - dt.timedelta(days=1)
        return d, d
    if m := _AGO.match(raw):
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1]]
        d = _shift(today, -n, m[2])
        return d, d
    if m := _RELATIVE.match(raw):
        which, unit = m[1], m[2]
        if which == "past":  # "past week": the last 7/30/365 days up to today
            return _shift(today, -1, unit), today
        step = {"last": -1, "this": 0, "next": 1}[which]
        return _calendar_unit(_shift(today, step, unit), unit)
    raise QueryError(
        f"cannot read date {value!r}: use 2023-09-15, 2023-W37, 2023-09, 2023-Q3, 2023 "
        "or a phrase such as 'last month'"
    )


def _shift(d: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    import calendar

    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _calendar_unit(d: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    from timeline.temporal.expression import value_range

    if unit == "week":
        iso = d.isocalendar()
        return value_range(f"{iso.year}-W{iso.week:02d}")
    if unit == "month":
        return value_range(f"{d.year}-{d.month:02d}")
    if unit == "quarter":
        return value_range(f"{d.year}-Q{(d.month - 1) // 3 + 1}")
    return value_range(f"{d.year}")


# --- actors --------------------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def resolve_actor_ids(session: Session, name: str) -> set[int]:
    """Actors a query string names, case-insensitively: an exact alias; for
    titles ("the Russian president") every holder of the title in the
    gazetteer over time (a query has no date to pick one holder at, so all are
    included); else aliases containing the words ("Lukashenko"); else what the
    gazetteer resolves the name to ("Vladimir Vladimirovich Putin")."""
    norm = _norm(name)
    if not norm:
        return set()
    ids = set(session.execute(select(ActorAlias.actor_id).where(ActorAlias.alias_norm == norm)).scalars())
    if _looks_like_title(norm):
        ids |= _actor_ids_named(session, _gazetteer_names(norm, titles_only=True))
    if not ids:
        like = f"%{norm}%"
        rows = session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias_norm).where(ActorAlias.alias_norm.like(like))
        ).all()
        pattern = re.compile(rf"(^|\W){re.escape(norm)}($|\W)")
        ids = {actor_id for actor_id, alias in rows if pattern.search(alias)}
    if not ids:
        ids = _actor_ids_named(session, _gazetteer_names(norm, titles_only=False))
    return ids


def _actor_ids_named(session: Session, names: set[str]) -> set[int]:
    if not names:
        return set()
    return set(session.execute(select(Actor.id).where(Actor.name.in_(sorted(names)))).scalars())


def _looks_like_title(norm: str) -> bool:
    return norm.startswith(("the ", "a ")) or " of " in norm or norm.endswith(
        ("president", "minister", "leader", "chancellor", "king", "queen", "secretary", "premier")
    )


def _gazetteer_names(norm: str, *, titles_only: bool) -> set[str]:
    """Canonical names the gazetteer gives `norm`: every holder of a title,
    plus (unless `titles_only`) the actor the name itself resolves to."""
    try:
        from timeline.actors import load_gazetteer

        gaz = load_gazetteer()
    except Exception:  # no usable gazetteer: aliases in the database still work
        return set()
    names = set(gaz.holders(norm)) if hasattr(gaz, "holders") else set()
    if not titles_only:
        ref = gaz.lookup(norm)
        if ref is not None:
            names.add(ref.name)
    return names


# --- full text -------------------------------------------------------------------


def fulltext_match(dialect: str, words: str):
    """Mention ids whose sentence matches `words` (all of them): FTS5 on
    SQLite, to_tsvector @@ plainto_tsquery on PostgreSQL (the GIN index)."""
    if dialect == "postgresql":
        return select(Mention.id).where(
            text("to_tsvector('english', mention.sentence) @@ plainto_tsquery('english', :q)").bindparams(
                q=words
            )
        )
    # Each word quoted: FTS5 query syntax (AND, NEAR, *, ") stays literal.
    tokens = re.findall(r"\w+", words)
    if not tokens:
        return None
    fts = " ".join('"' + t + '"' for t in tokens)
    return select(text("rowid")).select_from(text(FTS_TABLE)).where(text(f"{FTS_TABLE} MATCH :q").bindparams(q=fts))


# --- the query ---------------------------------------------------------------------


def _conditions(session: Session, q: EventQuery) -> list:
    conds = []
    for name in [*q.actors, *q.with_]:
        ids = resolve_actor_ids(session, name)
        if not ids:
            return [false()]
        conds.append(
            Event.id.in_(select(EventActor.event_id).where(EventActor.actor_id.in_(sorted(ids))))
        )
    # Types are stored upper-case (PLOVER) and modes lower-case (the trigger
    # lexicon), so plain equality matches any spelling of the option and keeps
    # ix_event_type / ix_event_mode usable (upper(type) would scan every event).
    if q.types:
        conds.append(Event.type.in_(sorted({t.upper() for t in q.types})))
    if q.modes:
        conds.append(Event.mode.in_(sorted({m.lower() for m in q.modes})))
    if q.cameo:
        conds.append(or_(*(_prefix(Event.cameo, c) for c in q.cameo)))
    if q.since:
        start, _ = date_range(q.since, q.today)
        conds.append(Event.date_end >= start.isoformat())
    if q.until:
        _, end = date_range(q.until, q.today)
        conds.append(Event.date_start <= end.isoformat())
    if q.place:
        conds.append(func.lower(Event.place).like(f"%{_norm(q.place)}%"))
    if q.country:
        c = _norm(q.country)
        conds.append(
            or_(
                func.lower(Event.place_country) == c,
                Event.id.in_(
                    select(EventActor.event_id)
                    .join(Actor, Actor.id == EventActor.actor_id)
                    .where(or_(func.lower(Actor.country) == c, and_(Actor.kind == "country", func.lower(Actor.name) == c)))
                ),
            )
        )
    if q.text:
        match = fulltext_match(session.get_bind().dialect.name, q.text)
        if match is None:
            return [false()]
        conds.append(Event.id.in_(select(Mention.event_id).where(Mention.id.in_(match))))
    if q.source:
        like = f"%{q.source.lower()}%"
        conds.append(
            Event.id.in_(
                select(Mention.event_id)
                .join(Article, Article.id == Mention.article_id)
                .where(or_(func.lower(Article.publisher).like(like), func.lower(Article.url).like(like)))
            )
        )
    if q.planned is True:
        conds.append(Event.modality == "planned")
    elif q.planned is False:
        conds.append(Event.modality != "planned")
    if q.ids:
        conds.append(Event.id.in_(q.ids))
    return conds


def _prefix(column, prefix: str):
    """`column` starts with `prefix`, as a range both SQLite and PostgreSQL
    answer from a B-tree index (LIKE 'x%' uses one on neither by default)."""
    if not prefix:
        return column.is_not(None)
    return and_(column >= prefix, column < prefix[:-1] + chr(ord(prefix[-1]) + 1))


# Plain columns, not ORM objects: building a million SQLModel instances costs
# seconds that a query for people and scripts should not spend.
_EVENT_COLUMNS = (
    Event.id, Event.type, Event.mode, Event.cameo, Event.date, Event.date_start, Event.date_end,
    Event.granularity, Event.place, Event.place_country, Event.summary, Event.confidence,
    Event.modality, Event.n_sources, Event.date_conflict,
)
_MENTION_COLUMNS = (
    Mention.event_id, Article.id.label("article_id"), Article.url, Article.title, Article.published,
    Article.publisher, Mention.sentence, Mention.date_expression, Mention.date_rule, Mention.date_anchor,
    Mention.trigger, Mention.modality, Mention.confidence, Mention.id, Mention.date, Mention.trigger_start,
    Mention.sentence_start, Mention.arguments,
)


def _event_rows(session: Session, q: EventQuery, columns=_EVENT_COLUMNS) -> list:
    if q.order not in ORDERS:
        raise QueryError(f"unknown order {q.order!r}; choose one of {', '.join(ORDERS)}")
    conds = _conditions(session, q)
    if q.order == "sources":
        stmt = select(*columns).where(*conds).order_by(Event.n_sources.desc(), Event.date_start, Event.id)
        if q.limit is not None:
            stmt = stmt.limit(q.limit)
        return session.connection().execute(stmt).all()
    # Dated events first, in date order, then the undated ones: two simple
    # statements keep the (date_start, date_end) index usable for ORDER BY + LIMIT.
    desc = q.order == "-date"
    dated = select(*columns).where(*conds, Event.date_start.is_not(None))
    if desc:
        dated = dated.order_by(Event.date_start.desc(), Event.date_end.desc(), Event.id.desc())
    else:
        dated = dated.order_by(Event.date_start, Event.date_end, Event.id)
    if q.limit is not None:
        dated = dated.limit(q.limit)
    rows = session.connection().execute(dated).all()
    remaining = None if q.limit is None else q.limit - len(rows)
    if remaining is None or remaining > 0:
        undated = select(*columns).where(*conds, Event.date_start.is_(None)).order_by(Event.id)
        if remaining is not None:
            undated = undated.limit(remaining)
        rows += session.connection().execute(undated).all()
    return rows


def _chunks(ids: list[int], size: int = 20_000):
    # SQLite caps bound parameters (32766): big answers go in a few batches.
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


BATCH = 2000


def _among(column, ids: list[int], conn):
    """`column IN ids`. PostgreSQL gets one array parameter (`= ANY(:ids)`):
    binding and planning 2,000 separate parameters per batch cost more than
    the look-ups themselves at a million events."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy import Integer, any_, bindparam
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(bindparam(None, ids, type_=ARRAY(Integer)))
    return column.in_(ids)


def iter_events(
    session: Session, q: EventQuery | None = None, *, detail: bool = False, batch: int | None = None
) -> Iterator[list[dict]]:
    """Events matching `q` as JSON event records, in batches, in query order
    (oldest first, undated last). Only the ordered ids are held at once, so an
    export of a million events streams in constant memory per batch.

    `detail` adds each mention's id, offsets and arguments (for `timeline show`).
    """
    q = q or EventQuery()
    ids = [row[0] for row in _event_rows(session, q, (Event.id,))]
    # Core rows on the connection: the ORM's per-row bookkeeping is not needed here.
    conn = session.connection()
    for chunk in _chunks(ids, batch or BATCH):
        events = {row[0]: row for row in conn.execute(select(*_EVENT_COLUMNS).where(_among(Event.id, chunk, conn)))}
        actors: dict[int, list[dict]] = {}
        mentions: dict[int, list[dict]] = {}
        for event_id, name, role, kind, country in conn.execute(
            select(EventActor.event_id, Actor.name, EventActor.role, Actor.kind, Actor.country)
            .join(Actor, Actor.id == EventActor.actor_id)
            .where(_among(EventActor.event_id, chunk, conn))
            .order_by(EventActor.event_id, EventActor.id)
        ):
            actors.setdefault(event_id, []).append({"name": name, "role": role, "kind": kind, "country": country})
        for m in conn.execute(
            select(*_MENTION_COLUMNS)
            .join(Article, Article.id == Mention.article_id)
            .where(_among(Mention.event_id, chunk, conn))
            .order_by(Mention.event_id, Article.published, Mention.article_id, Mention.sentence_start, Mention.id)
        ):
            mentions.setdefault(m[0], []).append(_mention_record(m, detail))
        yield [
            _event_record(events[i], actors.get(i, []), mentions.get(i, [])) for i in chunk if i in events
        ]


def find_events(session: Session, q: EventQuery | None = None, *, detail: bool = False) -> list[dict]:
    """Events matching `q` as JSON event records, oldest first, undated last
    (a fixed number of statements per batch of events: no query per event)."""
    return [event for batch in iter_events(session, q, detail=detail) for event in batch]


def _event_record(e, actors: list[dict], mentions: list[dict]) -> dict:
    (id_, type_, mode, cameo, date, start, end, granularity, place, place_country, summary, confidence,
     modality, n_sources, conflict) = e
    return {
        "id": id_,
        "type": type_,
        "mode": mode,
        "cameo": cameo,
        "date": date,
        "date_start": start,
        "date_end": end,
        "granularity": granularity,
        "actors": actors,
        "location": {"name": place, "country": place_country} if place else None,
        "summary": summary,
        "confidence": confidence,
        "modality": modality,
        "n_sources": n_sources,
        "date_conflict": conflict,
        "mentions": mentions,
    }


def _mention_record(m, detail: bool) -> dict:
    # Unpacked by position (the order of _MENTION_COLUMNS): Row attribute
    # look-ups cost a third of the query time on answers of 10,000+ mentions.
    (_, article_id, url, title, published, publisher, sentence, date_expression, date_rule, date_anchor,
     trigger, modality, confidence) = m[:13]
    record = {
        "article_id": article_id,
        "url": url,
        "title": title,
        "published": published,
        "publisher": publisher,
        "sentence": sentence,
        "date_expression": date_expression,
        "date_rule": date_rule,
        "date_anchor": date_anchor,
        "trigger": trigger,
        "modality": modality,
        "confidence": confidence,
    }
    if detail:
        import json

        record.update(
            {
                "id": m.id,
                "date": m.date,
                "trigger_offset": m.trigger_start - m.sentence_start,
                "arguments": json.loads(m.arguments) if m.arguments else {},
            }
        )
    return record


def get_event(session: Session, event_id: int) -> dict | None:
    """One event with mention details (ids, trigger offsets), or None."""
    found = find_events(session, EventQuery(ids=[event_id]), detail=True)
    return found[0] if found else None


# --- actors and articles listings -----------------------------------------------------


def list_actors(session: Session, name: str | None = None) -> list[dict]:
    """Every actor with its number of events and aliases, most active first."""
    counts = dict(
        session.execute(
            select(EventActor.actor_id, func.count(func.distinct(EventActor.event_id))).group_by(EventActor.actor_id)
        ).all()
    )
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in session.execute(select(ActorAlias.actor_id, ActorAlias.alias).order_by(ActorAlias.id)):
        aliases.setdefault(actor_id, []).append(alias)
    stmt = select(Actor)
    if name:
        ids = resolve_actor_ids(session, name)
        stmt = stmt.where(Actor.id.in_(sorted(ids)))
    out = [
        {
            "name": a.name,
            "kind": a.kind,
            "country": a.country,
            "qid": a.qid,
            "events": counts.get(a.id, 0),
            "aliases": [x for x in aliases.get(a.id, []) if x != a.name],
        }
        for a in session.execute(stmt).scalars()
    ]
    return sorted(out, key=lambda r: (-r["events"], r["name"]))


def list_articles(session: Session, *, undated: bool = False) -> list[dict]:
    stmt = select(Article.id, Article.status, Article.published, Article.publisher, Article.title,
                  Article.url, Article.origin, Article.n_events).order_by(Article.id)
    if undated:
        stmt = stmt.where(Article.status == "undated")
    return [dict(r._mapping) for r in session.execute(stmt)]


def list_failures(session: Session) -> list[dict]:
    from timeline.models import IngestError

    stmt = select(IngestError.id, IngestError.origin, IngestError.reason, IngestError.occurred_at).order_by(
        IngestError.id
    )
    return [dict(r._mapping) for r in session.execute(stmt)]
