"""`timeline serve`: browse an SQLite timeline database in Datasette, read-only.

Holds what Datasette needs to present the schema to people — titles, column
descriptions, label columns, facets, canned queries, the full-text search
configuration — and opens the `timeline` view as the landing page.
"""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import NoTimelineDatabase

HOST = "127.0.0.1"
DEFAULT_PORT = 8001
LANDING_TABLE = "timeline"

# Shown in Datasette's footer and on every page.
TITLE = "timeline: diplomatic events from news articles"
DESCRIPTION = (
    "Diplomatic events (meetings, visits, calls, agreements, accusations, sanctions...) found in news "
    "articles, each with a resolved date, its actors and place, and the sentences that report it. "
    "Start from the timeline view; every event links to its mentions and articles."
)
LICENSE = "Software MIT; article text and sentences remain their publishers'"
SOURCE = "News articles ingested with `timeline ingest`"

_DATE_COLUMNS = {
    "date": "TimeML/TIMEX3 value of the event date: 2023-09-15 (day), 2023-W37 (ISO-8601 week), "
    "2023-09 (month), 2023-Q3, 2023, or empty when undated",
    "date_start": "First day the date covers (ISO-8601)",
    "date_end": "Last day the date covers (ISO-8601)",
    "granularity": "How precise the date is: day, week, weekend, month, quarter, season, year, decade, none",
}
COLUMN_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "timeline": {
        "event_id": "The event (links to the event table)",
        "date": _DATE_COLUMNS["date"],
        "granularity": _DATE_COLUMNS["granularity"],
        "type": "PLOVER event category: CONSULT, AGREE, REQUEST, ACCUSE, SANCTION, ... or STATEMENT",
        "mode": "How it happened: meet, visit, host, phone, summit, sign, propose, condemn, expel, ...",
        "actors": "Participants, '; '-separated, in the order they were found",
        "place": "Where the event took place",
        "country": "Country of the place",
        "summary": "One line: who did what to whom",
        "sources": "Number of articles that report the event",
        "first_url": "URL of the first article that reports it",
        "modality": "asserted (it happened) or planned (scheduled)",
    },
    "event": {
        "type": "PLOVER event category (CONSULT, AGREE, ACCUSE, ...) or STATEMENT",
        "mode": "Event mode within the type (meet, visit, phone, sign, ...)",
        "cameo": "CAMEO code, for joining with GDELT/ICEWS data",
        **_DATE_COLUMNS,
        "date_conflict": "Other dates sources gave, when they disagree",
        "place": "Where the event took place",
        "place_country": "Country of the place",
        "summary": "One line: who did what to whom",
        "modality": "asserted (it happened) or planned (scheduled)",
        "confidence": "Extraction confidence, 0 to 1",
        "n_sources": "Number of articles that report the event",
    },
    "actor": {
        "name": "Canonical name",
        "kind": "person, country, organisation, legislature or group",
        "country": "The actor's country",
        "qid": "Wikidata identifier, when known",
    },
    "actor_alias": {
        "alias": "A name, short name or title under which the actor appears",
        "alias_norm": "Lower-cased, whitespace-folded alias that queries match",
    },
    "event_actor": {"role": "source, target, participant or host (PLOVER/CAMEO source and target)"},
    "mention": {
        "sentence": "The sentence that reports the event",
        "trigger": "The word that signals the event",
        "type": "PLOVER event category of this mention",
        "date": "TimeML value this mention gave the event",
        "date_expression": 'The time expression in the text ("on Friday", "two days after ...")',
        "date_rule": "The rule that resolved the expression",
        "date_anchor": "What the date was anchored to: the publication date or another event",
        "modality": "asserted, planned, negated or hypothetical (the last two are not timeline events)",
        "arguments": "The actors as the sentence named them (JSON)",
    },
    "article": {
        "sha256": "SHA-256 of the normalised text: the article's identity",
        "published": "Publication day (ISO-8601); empty when unknown (status undated)",
        "published_source": "Where the publication date came from: option, sidecar, metadata, html, dateline, html-text",
        "status": "ok, or undated when no publication date is known",
        "origin": "The file, URL or record the article was read from",
        "n_events": "Timeline events found in the article",
    },
}

_ORDER_EVENTS = "order by e.date_start is null, e.date_start, e.date_end, e.id"
# The rule of timeline.query's window: the event's whole span lies inside the
# range, or with `overlapping` any day of it does (its last day after the first
# of the range, its first day before the last).
_OVERLAPPING = "lower(trim(:overlapping)) in ('1', 'yes', 'true', 'on')"
_WINDOW_FIRST = f"case when {_OVERLAPPING} then e.date_end else e.date_start end"
_WINDOW_LAST = f"case when {_OVERLAPPING} then e.date_start else e.date_end end"
CANNED_QUERIES = {
    "events_by_actor": {
        "title": "Events by actor",
        "description": "Events an actor took part in, by any of its names (e.g. Putin, Vladimir Putin).",
        "sql": (
            "select t.* from timeline t join event e on e.id = t.event_id\n"
            "where t.event_id in (\n"
            "  select ea.event_id from event_actor ea\n"
            "  join actor_alias al on al.actor_id = ea.actor_id\n"
            "  where al.alias_norm = lower(trim(:actor))\n"
            ")\n" + _ORDER_EVENTS
        ),
    },
    "events_in_date_range": {
        "title": "Events in a date range",
        "description": (
            "Events whose dates lie inside the range, as `timeline query --since/--until` lists them; "
            "overlapping = 1 also lists those whose dates only overlap it (--overlapping). Give days, "
            "months or years (2023-09-01, 2023-09, 2023); an empty bound is open."
        ),
        "sql": (
            "select t.* from timeline t join event e on e.id = t.event_id\n"
            f"where (trim(:since) = '' or {_WINDOW_FIRST} >= trim(:since))\n"
            # A month or year bound ("2023-09") ends with its last day: compare that many characters.
            f"  and (trim(:until) = '' or substr({_WINDOW_LAST}, 1, length(trim(:until))) <= trim(:until))\n"
            + _ORDER_EVENTS
        ),
    },
    "events_at_a_place": {
        "title": "Events at a place",
        "description": "Events at a place whose name contains the text, or in the country of that name.",
        "sql": (
            "select t.* from timeline t join event e on e.id = t.event_id\n"
            "where lower(e.place) like '%' || lower(trim(:place)) || '%'\n"
            "   or lower(e.place_country) = lower(trim(:place))\n" + _ORDER_EVENTS
        ),
    },
}


class ServeError(RuntimeError):
    """The database cannot be served (not an SQLite file, unreadable, cannot be
    migrated) or the port cannot be had; the message says why."""


def datasette_metadata(database: str, view_columns: set[str] | None = None) -> dict:
    """Datasette metadata for the database named `database` (its file stem).

    `view_columns` are the `timeline` view's columns, so a facet is only
    offered on a column the view has (older schemas lack `country`).
    """
    view_columns = view_columns if view_columns is not None else set(COLUMN_DESCRIPTIONS["timeline"])
    view_facets = [c for c in ("type", "mode", "granularity", "country") if c in view_columns]
    tables = {
        "timeline": {
            "description": "One row per event, newest first: the place to start.",
            "facets": view_facets,
            # Descending also puts undated events (NULL) last; SQLite sorts NULL first ascending.
            "sort_desc": "date",
            "columns": {k: v for k, v in COLUMN_DESCRIPTIONS["timeline"].items() if k in view_columns},
        },
        "event": {
            "description": "One row per real-world event, however many articles report it.",
            "label_column": "summary",
            "facets": ["type", "mode", "granularity", "place_country"],
            "sort": "date_start",
        },
        "actor": {
            "description": "Canonical people, countries, organisations and legislatures.",
            "label_column": "name",
            "facets": ["kind", "country"],
        },
        "article": {
            "description": "Ingested articles with their metadata.",
            "label_column": "title",
            "facets": ["publisher", "status"],
        },
        "mention": {
            "description": "Sentences that report events; the search box searches them (full text).",
            "label_column": "sentence",
            # The FTS5 index is external-content (content='mention'), which
            # Datasette does not detect by itself: name it here.
            "fts_table": "mention_fts",
            "fts_pk": "id",
            "facets": ["type", "modality"],
        },
        "actor_alias": {"description": "Names and titles each actor is known by."},
        "event_actor": {"description": "Who took part in each event, and in which role.", "facets": ["role"]},
    }
    for name, columns in COLUMN_DESCRIPTIONS.items():
        if name != "timeline":
            tables.setdefault(name, {})["columns"] = columns
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE,
        "source": SOURCE,
        "databases": {database: {"tables": tables, "queries": CANNED_QUERIES}},
    }


def sqlite_path(db_url: str) -> Path:
    """The file behind an SQLite URL; ServeError for other databases."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() != "sqlite":
        raise ServeError(
            f"serve needs an SQLite database, not {url.get_backend_name()}: Datasette reads SQLite files only"
        )
    if not url.database or url.database == ":memory:":
        raise ServeError("serve needs an SQLite database file, not an in-memory database")
    return Path(url.database)


@dataclass(frozen=True)
class Served:
    """A database ready to serve: its file, the `timeline` view's columns and
    whether Datasette must open it immutable (see `_read_only`)."""

    path: Path
    view_columns: set[str]
    immutable: bool = False


def prepare(db_url: str) -> Served:
    """The database to serve, its schema at head. A missing file or one that
    is not a timeline database raises NoTimelineDatabase and is left as it is:
    serving never creates a database nor migrates another program's file. A
    file at head is only read, so read-only files and folders are served."""
    from timeline.reader import require_timeline_file
    from timeline.schema import HEAD_REVISION

    path = sqlite_path(db_url)
    require_timeline_file(str(path))
    with _read_only(path) as (conn, _):
        revision = _revision(conn, path)
    if revision != HEAD_REVISION:
        _migrate(db_url, path, revision)
    with _read_only(path) as (conn, immutable):
        view_columns = {row[1] for row in conn.execute(f"PRAGMA table_info({LANDING_TABLE})")}
    return Served(path, view_columns, immutable)


@contextmanager
def _read_only(path: Path) -> Iterator[tuple[sqlite3.Connection, bool]]:
    """An sqlite3 connection that cannot write, opened as Datasette will open
    the file, and whether that is immutable. `mode=ro` first: it sees each
    commit of a concurrent ingest. A WAL database in a folder this process
    cannot write cannot be opened so when its -shm file is missing (SQLite
    cannot make it); it is read immutable then, as the file is at start:
    right for a read-only folder or filesystem, stale should another user
    write it later. Refused if a -wal file still holds changes the main file
    lacks. NoTimelineDatabase if the file is not SQLite, ServeError if it
    cannot be read."""
    try:
        conn, immutable = _connect(path, "mode=ro"), False
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            conn.close()
            name = getattr(exc, "sqlite_errorname", "")
            if not (name.startswith("SQLITE_READONLY") or name == "SQLITE_CANTOPEN"):
                raise
            wal = path.with_name(path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise ServeError(
                    f"cannot read {path}: its folder cannot be written and {wal.name} holds changes "
                    "not yet in the file (serve a copy of both from a folder that can be written)"
                ) from exc
            conn, immutable = _connect(path, "immutable=1"), True
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    try:
        yield conn, immutable
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?{mode}", uri=True)


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> Exception:
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return NoTimelineDatabase(f"{path} is not a timeline database (not an SQLite file)")
    return ServeError(f"cannot read {path}: {exc}")


def _revision(conn: sqlite3.Connection, path: Path) -> str | None:
    """The file's migration revision (None at base); NoTimelineDatabase when
    it has no migration history (an empty file)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        raise NoTimelineDatabase(f"{path} is not a timeline database (it has no timeline schema)")
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _migrate(db_url: str, path: Path, revision: str | None) -> None:
    """Bring an older timeline database to head, or say in one line that it
    cannot be written (nothing is tried then, so nothing is half-done)."""
    from timeline.db import open_engine
    from timeline.errors import DatabaseError
    from timeline.schema import HEAD_REVISION

    cannot = ServeError(
        f"{path} needs migrating from {revision or 'base'} to {HEAD_REVISION} but cannot be written: "
        "run `timeline db upgrade` as a user who can write it"
    )
    # SQLite writes the file and, in WAL mode, a -wal and -shm file beside it.
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise cannot
    try:
        open_engine(db_url).dispose()  # migrates; the pool is closed, Datasette opens its own
    except DatabaseError as exc:
        if "readonly" in str(exc):  # made read-only since the check, or a filesystem os.access misjudges
            raise cannot from exc
        raise


def _landing_plugin(database: str):
    """A Datasette plugin: `/` opens the timeline view instead of the list of databases."""
    from datasette import hookimpl
    from datasette.utils.asgi import Response

    class Landing:
        # Datasette lists plugins by module name; this one has no module of its own.
        __name__ = "timeline_landing"

        @hookimpl
        def register_routes(self, datasette):
            target = datasette.urls.table(database, LANDING_TABLE)

            async def landing():
                return Response.redirect(target)

            return [(r"^/$", landing)]

    return Landing()


def make_datasette(db_url: str):
    """A Datasette instance serving the database read-only, with our metadata.

    Not as immutable: Datasette then trusts the file never to change and reads
    it without locks, so a concurrent ingest shows stale counts or "database
    disk image is malformed". A mutable database is opened `mode=ro`, which
    reads the WAL and sees each commit while refusing writes. Only a file
    in a folder this process cannot write may be served immutable (`_read_only`)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    served = prepare(db_url)
    database = served.path.stem
    landing = _landing_plugin(database)
    # One landing route at a time (tests build several instances in one process).
    for name in [n for n, _ in pm.list_name_plugin() if n.startswith("timeline-landing")]:
        pm.unregister(name=name)
    pm.register(landing, name=f"timeline-landing-{database}")
    files = {"immutables" if served.immutable else "files": [str(served.path)]}
    return Datasette(
        **files,
        metadata=datasette_metadata(database, served.view_columns),
        settings={"default_page_size": 50, "sql_time_limit_ms": 3000},
    )


def bind(port: int) -> socket.socket:
    """A socket listening on 127.0.0.1:`port` (0: any free port); ServeError
    when the port cannot be had. It listens before the URL is announced, so a
    client that connects at once waits in the backlog until uvicorn accepts."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # As uvicorn does: a restart may reuse a port whose old connections linger in TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
        sock.listen()
    except OSError as exc:
        sock.close()
        reason = "address already in use" if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc)).lower()
        raise ServeError(f"cannot serve on {HOST}:{port}: {reason}") from exc
    return sock


def serve(db_url: str, port: int = DEFAULT_PORT, on_ready=None) -> None:
    """Serve the database on 127.0.0.1:`port` until interrupted."""
    import uvicorn

    ds = make_datasette(db_url)
    with bind(port) as sock:
        if on_ready:
            on_ready(f"http://{HOST}:{sock.getsockname()[1]}/")
        config = uvicorn.Config(ds.app(), log_level="warning", lifespan="on")
        uvicorn.Server(config).run(sockets=[sock])
