"""Turn `EventQuery` filters into indexed SQL and return events as the stable
JSON record of DESIGN.md, fetched in a constant number of queries (events,
then their actors, then their mentions) whatever the number of events.

The SQL is written out and run on the driver's connection (timeline.reader
says why); every function takes a Reader, an SQLAlchemy Session or an
`sqlite3` connection.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from timeline.reader import Reader, as_reader
from timeline.schema import FTS_TABLE
from timeline.temporal.lexicon import CARDINALS
from timeline.vocabulary import alias_key, outlet

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
    overlapping: bool = False  # --since/--until: the span overlaps the window (default: lies inside it)
    place: str | None = None
    country: str | None = None
    text: str | None = None
    source: str | None = None
    planned: bool | None = None
    min_sources: int | None = None  # reported by at least this many distinct articles
    ids: list[int] = field(default_factory=list)
    limit: int | None = None
    order: str = "date"
    today: dt.date | None = None  # for "last month"; default: today


# --- dates ---------------------------------------------------------------------

# "3 days ago", "two weeks ago": "a"/"an" and the number words up to ten.
_NUMBERS = {"a": 1, "an": 1} | {w: n for w, n in CARDINALS.items() if n <= 10}
_AGO = re.compile(rf"^(\d+|{'|'.join(_NUMBERS)})\s+(day|week|month|year)s?\s+ago$")
_RELATIVE = re.compile(r"^(last|this|next|past)\s+(week|month|year|quarter)$")


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
        f"cannot read date {value!r}: use 2023-09-15, 2023-W37, 2023-09, 2023-Q3, 2023 or a phrase such as 'last month'"
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


def resolve_actor_ids(source, name: str) -> set[int]:
    """Actors a query string names, case-insensitively: an exact alias; for
    titles ("the Russian president") every holder of the title in the
    gazetteer over time (a query has no date to pick one holder at, so all are
    included); else aliases containing the words ("Lukashenko"); else what the
    gazetteer resolves the name to ("Vladimir Vladimirovich Putin")."""
    reader = as_reader(source)
    norm = alias_key(name)
    if not norm:
        return set()
    ids = set(reader.column("SELECT actor_id FROM actor_alias WHERE alias_norm = ?", [norm]))
    if _looks_like_title(norm):
        ids |= _actor_ids_named(reader, _gazetteer_names(norm, titles_only=True))
    if not ids:
        rows = reader.rows("SELECT actor_id, alias_norm FROM actor_alias WHERE alias_norm LIKE ?", [f"%{norm}%"])
        pattern = re.compile(rf"(^|\W){re.escape(norm)}($|\W)")
        ids = {actor_id for actor_id, alias in rows if pattern.search(alias)}
    if not ids:
        ids = _actor_ids_named(reader, _gazetteer_names(norm, titles_only=False))
    return ids


def _actor_ids_named(reader: Reader, names: set[str]) -> set[int]:
    params: list = []
    where = reader.among("name", sorted(names), params)
    return set(reader.column(f"SELECT id FROM actor WHERE {where}", params)) if names else set()


def _looks_like_title(norm: str) -> bool:
    return (
        norm.startswith(("the ", "a "))
        or " of " in norm
        or norm.endswith(("president", "minister", "leader", "chancellor", "king", "queen", "secretary", "premier"))
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


def fulltext_match(dialect: str, words: str) -> tuple[str, list] | None:
    """SQL for the ids of mentions whose sentence matches `words` (all of
    them), with its parameters: FTS5 on SQLite, to_tsvector @@
    plainto_tsquery on PostgreSQL (the GIN index). None: nothing to search."""
    if dialect == "postgresql":
        if not words.strip():
            return None
        return (
            "SELECT id FROM mention WHERE to_tsvector('english', sentence) @@ plainto_tsquery('english', ?)",
            [words],
        )
    # Each word quoted: FTS5 query syntax (AND, NEAR, *, ") stays literal.
    tokens = re.findall(r"\w+", words)
    if not tokens:
        return None
    return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", [" ".join(f'"{t}"' for t in tokens)]


# --- the query ---------------------------------------------------------------------


def _conditions(reader: Reader, q: EventQuery) -> tuple[list[str], list]:
    """The WHERE conditions on `event e` (all must hold) and their parameters, in order."""
    conds: list[str] = []
    params: list = []
    for name in [*q.actors, *q.with_]:
        ids = resolve_actor_ids(reader, name)
        if not ids:
            return ["1 = 0"], []
        conds.append(
            f"e.id IN (SELECT event_id FROM event_actor WHERE {reader.among('actor_id', sorted(ids), params)})"
        )
    # Types are stored upper-case (PLOVER) and modes lower-case (the trigger
    # lexicon), so plain equality matches any spelling of the option and keeps
    # ix_event_type / ix_event_mode usable (upper(type) would scan every event).
    if q.types:
        conds.append(reader.among("e.type", sorted({t.upper() for t in q.types}), params))
    if q.modes:
        conds.append(reader.among("e.mode", sorted({m.lower() for m in q.modes}), params))
    if q.cameo:
        conds.append("(" + " OR ".join(_prefix("e.cameo", c, params) for c in q.cameo) + ")")
    _window(q, conds, params)
    if q.place:
        conds.append("lower(e.place) LIKE ?")
        params.append(f"%{alias_key(q.place)}%")
    if q.country:
        c = alias_key(q.country)
        conds.append(
            "(lower(e.place_country) = ? OR e.id IN (SELECT ea.event_id FROM event_actor ea "
            "JOIN actor a ON a.id = ea.actor_id "
            "WHERE lower(a.country) = ? OR (a.kind = 'country' AND lower(a.name) = ?)))"
        )
        params += [c, c, c]
    if q.text:
        match = fulltext_match(reader.dialect, q.text)
        if match is None:
            return ["1 = 0"], []
        sql, match_params = match
        conds.append(f"e.id IN (SELECT event_id FROM mention WHERE id IN ({sql}))")
        params += match_params
    if q.source:
        conds.append(
            "e.id IN (SELECT m.event_id FROM mention m JOIN article ar ON ar.id = m.article_id "
            "WHERE lower(ar.publisher) LIKE ? OR lower(ar.url) LIKE ?)"
        )
        params += [f"%{q.source.lower()}%"] * 2
    if q.planned is True:
        conds.append("e.modality = 'planned'")
    elif q.planned is False:
        conds.append("e.modality != 'planned'")
    if q.min_sources is not None:
        # n_sources is the number of distinct articles among the event's reports.
        conds.append("e.n_sources >= ?")
        params.append(int(q.min_sources))
    if q.ids:
        conds.append(reader.among("e.id", q.ids, params))
    return conds, params


def _window(q: EventQuery, conds: list[str], params: list) -> None:
    """The `--since`/`--until` conditions on the event's span (date_start..date_end):
    the whole span lies inside the window, so a 5-day window does not list an event
    dated only by its year; with `overlapping`, any day of it may."""
    start = date_range(q.since, q.today)[0] if q.since else None
    end = date_range(q.until, q.today)[1] if q.until else None
    if start and end and start > end:
        raise QueryError(f"--since {q.since} is after --until {q.until}; swap them")
    if start:
        conds.append("e.date_end >= ?" if q.overlapping else "e.date_start >= ?")
        params.append(start.isoformat())
    if end:
        conds.append("e.date_start <= ?" if q.overlapping else "e.date_end <= ?")
        params.append(end.isoformat())


def _prefix(column: str, prefix: str, params: list) -> str:
    """`column` starts with `prefix`, as a range both SQLite and PostgreSQL
    answer from a B-tree index (LIKE 'x%' uses one on neither by default)."""
    if not prefix:
        return f"{column} IS NOT NULL"
    params += [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]
    return f"({column} >= ? AND {column} < ?)"


EVENT_COLUMNS = (
    "e.id, e.type, e.mode, e.cameo, e.date, e.date_start, e.date_end, e.granularity, e.place, e.place_country, "
    "e.summary, e.confidence, e.modality, e.n_sources, e.date_conflict"
)
# The mention's own columns; its article's come from ARTICLE_COLUMNS.
MENTION_COLUMNS = (
    "m.event_id, m.article_id, m.sentence, m.date_expression, m.date_rule, m.date_anchor, m.trigger, m.modality, "
    "m.confidence, m.id, m.date, m.trigger_start, m.sentence_start, m.arguments"
)
ARTICLE_COLUMNS = "id, url, title, published, publisher"


def _event_ids(reader: Reader, q: EventQuery) -> list[int]:
    """The ids of the matching events, in the order asked for."""
    if q.order not in ORDERS:
        raise QueryError(f"unknown order {q.order!r}; choose one of {', '.join(ORDERS)}")
    conds, params = _conditions(reader, q)
    where = " AND ".join(conds) or "1 = 1"
    limit = "" if q.limit is None else f" LIMIT {int(q.limit)}"
    if q.order == "sources":
        return reader.column(
            f"SELECT e.id FROM event e WHERE {where} ORDER BY e.n_sources DESC, e.date_start, e.id{limit}", params
        )
    # Dated events first, in date order, then the undated ones: two simple
    # statements keep the (date_start, date_end) index usable for ORDER BY + LIMIT.
    order = "e.date_start DESC, e.date_end DESC, e.id DESC" if q.order == "-date" else "e.date_start, e.date_end, e.id"
    ids = reader.column(
        f"SELECT e.id FROM event e WHERE {where} AND e.date_start IS NOT NULL ORDER BY {order}{limit}", params
    )
    remaining = None if q.limit is None else q.limit - len(ids)
    if remaining is None or remaining > 0:
        limit = "" if remaining is None else f" LIMIT {int(remaining)}"
        ids += reader.column(
            f"SELECT e.id FROM event e WHERE {where} AND e.date_start IS NULL ORDER BY e.id{limit}", params
        )
    return ids


BATCH = 2000


def _chunks(ids: list[int], size: int):
    # SQLite caps bound parameters (32766): big answers go in batches.
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def iter_events(
    source, q: EventQuery | None = None, *, detail: bool = False, batch: int | None = None
) -> Iterator[list[dict]]:
    """Events matching `q` as JSON event records, in batches, in query order
    (oldest first, undated last). Only the ordered ids are held at once, so an
    export of a million events streams in constant memory per batch.

    `detail` adds each mention's id, offsets and arguments (for `timeline show`).
    """
    reader = as_reader(source)
    ids = _event_ids(reader, q or EventQuery())
    for chunk in _chunks(ids, batch or BATCH):
        params: list = []
        events = {
            row[0]: row
            for row in reader.rows(
                f"SELECT {EVENT_COLUMNS} FROM event e WHERE {reader.among('e.id', chunk, params)}", params
            )
        }
        actors: dict[int, list[dict]] = {}
        params = []
        for event_id, name, role, kind, country in reader.rows(
            "SELECT ea.event_id, a.name, ea.role, a.kind, a.country FROM event_actor ea "
            f"JOIN actor a ON a.id = ea.actor_id WHERE {reader.among('ea.event_id', chunk, params)} "
            "ORDER BY ea.event_id, ea.id",
            params,
        ):
            actors.setdefault(event_id, []).append({"name": name, "role": role, "kind": kind, "country": country})
        mentions: dict[int, list[dict]] = {}
        for m, article in _mentions_with_articles(reader, chunk):
            mentions.setdefault(m[0], []).append(_mention_record(m, article, detail))
        yield [_event_record(events[i], actors.get(i, []), mentions.get(i, [])) for i in chunk if i in events]


def _mentions_with_articles(reader: Reader, event_ids: list[int]) -> list[tuple[tuple, tuple]]:
    """The mentions of `event_ids` with their articles, by event, then
    publication date (undated first), article, place in the article.

    Two statements, not a join: for a few thousand mentions PostgreSQL's
    planner estimates too many rows and hash-joins a sequential scan of every
    article (78 ms for 1,342 mentions at a million events, 12 ms this way);
    SQLite answers both forms alike."""
    params: list = []
    mentions = reader.rows(
        f"SELECT {MENTION_COLUMNS} FROM mention m WHERE {reader.among('m.event_id', event_ids, params)}", params
    )
    articles: dict[int, tuple] = {}
    for ids in _chunks(sorted({m[1] for m in mentions}), BATCH):
        params = []
        for row in reader.rows(
            f"SELECT {ARTICLE_COLUMNS} FROM article WHERE {reader.among('id', ids, params)}", params
        ):
            articles[row[0]] = row
    pairs = [(m, articles[m[1]]) for m in mentions]
    pairs.sort(key=lambda p: (p[0][0], p[1][3] or "", p[0][1], p[0][12], p[0][9]))
    return pairs


def find_events(source, q: EventQuery | None = None, *, detail: bool = False) -> list[dict]:
    """Events matching `q` as JSON event records, oldest first, undated last
    (a fixed number of statements per batch of events: no query per event)."""
    return [event for batch in iter_events(source, q, detail=detail) for event in batch]


def _event_record(e, actors: list[dict], mentions: list[dict]) -> dict:
    (
        id_,
        type_,
        mode,
        cameo,
        date,
        start,
        end,
        granularity,
        place,
        place_country,
        summary,
        confidence,
        modality,
        n_sources,
        conflict,
    ) = e
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


def _mention_record(m, article, detail: bool) -> dict:
    (
        _,
        article_id,
        sentence,
        date_expression,
        date_rule,
        date_anchor,
        trigger,
        modality,
        confidence,
        mention_id,
        date,
        trigger_start,
        sentence_start,
        arguments,
    ) = m
    _, url, title, published, publisher = article
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
                "id": mention_id,
                "date": date,
                "trigger_offset": trigger_start - sentence_start,
                "arguments": json.loads(arguments) if arguments else {},
            }
        )
    return record


def get_event(source, event_id: int) -> dict | None:
    """One event with mention details (ids, trigger offsets) and its sources
    (`event_sources`), or None."""
    reader = as_reader(source)
    found = find_events(reader, EventQuery(ids=[event_id]), detail=True)
    if not found:
        return None
    event = found[0]
    event["sources"] = event_sources(reader, event)
    event["source_dates"] = source_dates(event["sources"], event["date"])
    return event


def event_sources(reader: Reader, event: dict) -> list[dict]:
    """One record per article that reports `event`, in the order of its
    mentions: the outlet (publisher, else the URL's host, else the file it was
    read from), publication date, title, URL, the dates its reports give the
    event (what the merged date is chosen from) and its mention ids."""
    dates: dict[int, set[str]] = {}
    for article_id, date in reader.rows("SELECT article_id, date FROM event_report WHERE event_id = ?", [event["id"]]):
        dates.setdefault(article_id, set()).update([date] if date else [])
    article_ids = list(dict.fromkeys(m["article_id"] for m in event["mentions"]))
    params: list = []
    where = reader.among("id", article_ids, params) if article_ids else "1 = 0"
    origins = dict(reader.rows(f"SELECT id, origin FROM article WHERE {where}", params))
    sources: dict[int, dict] = {}
    for m in event["mentions"]:
        article_id = m["article_id"]
        if article_id not in sources:
            sources[article_id] = {
                "article_id": article_id,
                "outlet": outlet(m["publisher"], m["url"], origins.get(article_id)),
                "publisher": m["publisher"],
                "published": m["published"],
                "title": m["title"],
                "url": m["url"],
                "dates": sorted(dates.get(article_id, ())),
                "mentions": [],
            }
        sources[article_id]["mentions"].append(m["id"])
    return list(sources.values())


def source_dates(sources: list[dict], chosen: str | None) -> list[dict]:
    """How many sources give each date: the event's own date first (the value
    most sources give at the most specific granularity, as
    timeline.store.events chooses it), then by number of sources, then by date."""
    counts: dict[str, int] = {}
    for s in sources:
        for date in s["dates"]:
            counts[date] = counts.get(date, 0) + 1
    order = sorted(counts, key=lambda d: (d != chosen, -counts[d], d))
    return [{"date": d, "sources": counts[d]} for d in order]


# --- actors and articles listings -----------------------------------------------------


def list_actors(source, name: str | None = None) -> list[dict]:
    """Every actor (or those `name` resolves to) with its number of events
    and aliases, most active first."""
    reader = as_reader(source)
    counts = dict(reader.rows("SELECT actor_id, count(DISTINCT event_id) FROM event_actor GROUP BY actor_id"))
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in reader.rows("SELECT actor_id, alias FROM actor_alias ORDER BY id"):
        aliases.setdefault(actor_id, []).append(alias)
    params: list = []
    where = reader.among("id", sorted(resolve_actor_ids(reader, name)), params) if name else "1 = 1"
    out = [
        {
            "name": actor_name,
            "kind": kind,
            "country": country,
            "qid": qid,
            "events": counts.get(actor_id, 0),
            "aliases": [x for x in aliases.get(actor_id, []) if x != actor_name],
        }
        for actor_id, actor_name, kind, country, qid in reader.rows(
            f"SELECT id, name, kind, country, qid FROM actor WHERE {where}", params
        )
    ]
    return sorted(out, key=lambda r: (-r["events"], r["name"]))


def _records(reader: Reader, sql: str, keys: tuple[str, ...]) -> list[dict]:
    return [dict(zip(keys, row)) for row in reader.rows(sql)]


ARTICLE_KEYS = ("id", "status", "published", "publisher", "title", "url", "origin", "n_events")


def list_articles(source, *, undated: bool = False) -> list[dict]:
    where = " WHERE status = 'undated'" if undated else ""
    return _records(
        as_reader(source), f"SELECT {', '.join(ARTICLE_KEYS)} FROM article{where} ORDER BY id", ARTICLE_KEYS
    )


def list_failures(source) -> list[dict]:
    keys = ("id", "origin", "reason", "occurred_at")
    return _records(as_reader(source), f"SELECT {', '.join(keys)} FROM ingest_error ORDER BY id", keys)
