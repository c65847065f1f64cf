"""Read-only SQL on the database driver's own connection (DB-API), for
`timeline query`, `export`, `show` and the listings.

Why not SQLAlchemy on this path: `timeline query` has to answer from a
million events in half a second as a whole process, and importing
SQLAlchemy, SQLModel and pydantic alone takes about 0.35 s; their result
processing costs another 50% over the SQL itself (BENCHMARKS.md, query
speed). The read statements are a few fixed shapes written in the SQL that
SQLite and PostgreSQL both accept; writes, migrations and everything else
stay on SQLAlchemy. A database already at the newest migration is opened
with `sqlite3` or `psycopg` alone; any other (a file to create, a schema to
migrate, an unusual URL) through `timeline.db.open_engine`, which migrates
it first. A SQLite file that cannot be written (a read-only file, folder or
filesystem) is only ever opened read-only, and never migrated.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from timeline.errors import DatabaseError, NoTimelineDatabase
from timeline.schema import HEAD_REVISION

SQLITE_BUSY_TIMEOUT_S = 60.0


class Reader:
    """A DB-API connection and its dialect ("sqlite" or "postgresql").

    Statements use `?` placeholders; `among` writes a membership test for a
    list of values in the form each dialect answers fastest.
    """

    def __init__(self, connection: Any, dialect: str, on_close: Callable[[], None] | None = None):
        self.connection = connection
        self.dialect = dialect
        self._on_close = on_close

    def _sql(self, sql: str) -> str:
        # psycopg's placeholder is %s; no statement here holds a literal % or ?.
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        cursor = self.connection.cursor()
        try:
            cursor.execute(self._sql(sql), tuple(params))
            return cursor.fetchall()
        finally:
            cursor.close()

    def column(self, sql: str, params: Sequence = ()) -> list:
        return [row[0] for row in self.rows(sql, params)]

    def among(self, column: str, values: Iterable, params: list) -> str:
        """`column IN values` as SQL, appending the values to `params`.
        PostgreSQL gets one array parameter (`= ANY(?)`): binding and planning
        thousands of separate parameters costs more than the look-ups."""
        values = list(values)
        if not values:
            return "1 = 0"
        if self.dialect == "postgresql":
            params.append(values)
            return f"{column} = ANY(?)"
        params.extend(values)
        return f"{column} IN ({', '.join('?' * len(values))})"

    def close(self) -> None:
        if self._on_close is not None:
            self._on_close()
            self._on_close = None

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def as_reader(source: Any) -> Reader:
    """A Reader over `source`: a Reader, an SQLAlchemy Session or Connection
    (its open transaction is used, so uncommitted rows are seen), or an
    `sqlite3` connection."""
    if isinstance(source, Reader):
        return source
    if hasattr(source, "connection") and callable(source.connection):  # a Session
        source = source.connection()
    if hasattr(source, "dialect") and hasattr(source, "connection"):  # an SQLAlchemy Connection
        return Reader(source.connection.driver_connection, source.dialect.name)
    import sqlite3

    if isinstance(source, sqlite3.Connection):
        return Reader(source, "sqlite")
    raise TypeError(f"cannot read events from {type(source).__name__}")


def open_reader(url: str) -> Reader:
    """A Reader on the database at `url`, its schema at the newest migration.
    Raises DatabaseError (one line, no password) when it cannot be opened."""
    path = _sqlite_file(url)
    if path is not None and not _writable(path):
        return _open_sqlite_read_only(path)
    reader = _open_sqlite_at_head(path) if path is not None else _open_postgres_at_head(url)
    if reader is not None:
        return reader
    if path is not None:
        require_timeline_file(path)
    from timeline.db import open_engine

    engine = open_engine(url)  # migrates; raises DatabaseError
    try:
        raw = engine.raw_connection()
    except Exception as exc:
        raise DatabaseError(f"cannot open database: {str(exc).splitlines()[0]}") from exc
    return Reader(raw.driver_connection, engine.dialect.name, on_close=raw.close)


def schema_revision(url: str) -> str | None:
    """The migration the database at `url` is at (None: no schema yet), read
    without creating, migrating or writing anything. A SQLite file that is
    missing or another program's raises NoTimelineDatabase."""
    path = _sqlite_file(url)
    if path is None:
        from timeline.db import current_revision, make_engine, safe_url

        try:
            engine = make_engine(url)
        except Exception as exc:
            raise DatabaseError(f"cannot open database {safe_url(url)}: {str(exc).splitlines()[0]}") from exc
        try:
            return current_revision(engine)
        finally:
            engine.dispose()
    import sqlite3

    require_timeline_file(path)
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=SQLITE_BUSY_TIMEOUT_S)
        try:
            return _revision(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open database {path}: {exc}") from exc


def _revision(conn) -> str | None:
    """The alembic_version of a SQLite connection (None: no such table)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def require_timeline_file(path: str) -> None:
    """Refuse a read of a SQLite file that does not exist (a typo'd --db, the
    wrong folder) or that has tables but no timeline migration history
    (another program's file): creating or migrating it would hide the mistake
    behind "No events." and change a file that is not ours."""
    import sqlite3

    if not os.path.exists(path):
        raise NoTimelineDatabase(
            f"no timeline database at {path}: run `timeline ingest` or `timeline db upgrade` to create one"
        )
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return  # unreadable or not SQLite: open_engine says why
    if tables and "alembic_version" not in tables:
        raise NoTimelineDatabase(f"{path} is not a timeline database (it has no timeline schema)")


def _writable(path: str) -> bool:
    """Whether a SQLite file and its folder can be written (the folder holds
    the -wal and -shm files); a missing file counts as writable, for
    `require_timeline_file` to name. False on a read-only filesystem, for
    root too."""
    if not os.path.exists(path):
        return True
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _read_only_uri(path: str) -> str:
    """The SQLite URI that reads `path` without writing anything beside it.
    With a -wal or -journal file present a writer may be at work: `mode=ro`
    reads its changes through them. Without, `immutable=1` too: SQLite would
    otherwise create a -shm file to read a WAL database, which fails on a
    read-only folder and is left behind in a writable one."""
    from urllib.parse import quote

    uri = f"file:{quote(os.path.abspath(path))}?mode=ro"
    if any(os.path.exists(path + suffix) for suffix in ("-wal", "-journal")):
        return uri
    return uri + "&immutable=1"


def _open_sqlite_read_only(path: str) -> Reader:
    """`sqlite3` on a timeline file that cannot be written, read-only; one
    that is not at the newest migration cannot be upgraded here: say where."""
    import sqlite3

    require_timeline_file(path)
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True, timeout=SQLITE_BUSY_TIMEOUT_S)
        revision = _revision(conn)
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open database {path} (read-only): {exc}") from exc
    if revision != HEAD_REVISION:
        conn.close()
        schema = f"an older schema ({revision})" if revision else "no timeline schema yet"
        raise DatabaseError(
            f"{path} has {schema} and cannot be written here: run `timeline db upgrade` where it can be"
        )
    return Reader(conn, "sqlite", on_close=conn.close)


def _sqlite_file(url: str) -> str | None:
    """The file of a plain `sqlite:///path` URL; None for anything else
    (memory, URI options, other databases), which takes the general path."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url or "%" in url:
        return None
    path = url[len(prefix) :]
    return path if path and path != ":memory:" else None


def _open_postgres_at_head(url: str) -> Reader | None:
    """psycopg alone on a PostgreSQL database at the newest migration. The
    SQLAlchemy URL becomes a libpq URI (same user, password, host, database
    and query keywords, percent-decoded alike); None sends anything else
    the general way."""
    for prefix in ("postgresql+psycopg://", "postgresql://"):
        if url.startswith(prefix):
            break
    else:
        return None
    try:
        import psycopg
    except ImportError:
        return None
    try:
        conn = psycopg.connect("postgresql://" + url[len(prefix) :])
    except psycopg.OperationalError as exc:  # the server refuses or cannot be reached: say so once
        from timeline.db import safe_url

        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseError(f"cannot open database {safe_url(url)}: {reason}") from exc
    except psycopg.Error:  # a URL libpq reads otherwise than SQLAlchemy: the general way decides
        return None
    if not _at_head(conn, psycopg.Error):
        return None
    conn.rollback()
    conn.read_only = True  # this connection only reads
    return Reader(conn, "postgresql", on_close=conn.close)


def _open_sqlite_at_head(path: str) -> Reader | None:
    """`sqlite3` on an existing timeline file already at the newest
    migration; None when it must go the general way (missing, older schema,
    not a timeline database, unreadable: open_engine says which)."""
    import sqlite3

    if not os.path.isfile(path):
        return None
    try:
        conn = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_S)
    except sqlite3.Error:
        return None
    if not _at_head(conn, sqlite3.Error):
        return None
    conn.execute("PRAGMA query_only = ON")  # this connection only reads
    return Reader(conn, "sqlite", on_close=conn.close)


def _at_head(conn, errors: type[Exception]) -> bool:
    """Whether the database on `conn` is at the newest migration; if not
    (or it has no migration history, or cannot be read), `conn` is closed."""
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except errors:
        row = None
    if row and row[0] == HEAD_REVISION:
        return True
    conn.close()
    return False
