"""Engine, sessions and migrations-on-open.

Opening a database brings its schema to the newest migration (`upgrade head`):
a database made by an older version is upgraded in place, never recreated.
SQLite connections get foreign keys, WAL and a busy timeout so several
processes can ingest into one file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from timeline.errors import DatabaseError
from timeline.schema import HEAD_REVISION

if TYPE_CHECKING:
    from sqlmodel import Session


def _migrations_folder() -> Path:
    """The Alembic scripts: `timeline/migrations/` in an installed package (the
    wheel builds it from the checkout's `alembic/`), else, in a checkout (an
    editable install), its top-level `alembic/` itself."""
    packaged = Path(__file__).parent / "migrations"
    return packaged if (packaged / "env.py").is_file() else Path(__file__).parent.parent / "alembic"


MIGRATIONS = _migrations_folder()
SQLITE_BUSY_TIMEOUT_MS = 60_000
# PostgreSQL advisory lock key held while migrating ("TIMM").
PG_MIGRATION_LOCK = 0x54494D4D


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        if not url.endswith(":memory:") and url not in ("sqlite://", "sqlite:///"):
            with engine.connect() as conn:
                # WAL lets readers go on while one writer commits; it is persistent.
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def alembic_config(engine: Engine | None = None, url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):
        return None


def _run_alembic(engine: Engine, command_name: str, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        # Several `timeline ingest` processes may open a fresh database at
        # once: the first migrates, the others wait here and then find it at
        # head. Both locks end with this transaction (DDL is transactional on
        # both dialects, so a failed migration also leaves nothing behind).
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MIGRATION_LOCK})")
        elif conn.dialect.name == "sqlite" and not conn.connection.driver_connection.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        cfg.attributes["connection"] = conn
        getattr(command, command_name)(cfg, revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run_alembic(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run_alembic(engine, "downgrade", revision)


def downgrade_reaches_base(engine: Engine, revision: str) -> bool:
    """Whether downgrading to `revision` undoes the first migration, dropping
    every table: `base` itself, or a target such as `-3` or `head-4` that lands there."""
    from alembic.script import ScriptDirectory

    if revision == "base":
        return True
    script = ScriptDirectory.from_config(alembic_config())
    try:
        steps = list(script.iterate_revisions(current_revision(engine), revision, select_for_downgrade=True))
    except Exception:  # alembic refuses the same target in `downgrade` itself, before changing anything
        return False
    return any(step.down_revision is None for step in steps)


def _check_foreign_schema(engine: Engine) -> None:
    """Refuse to migrate a database that holds tables but no Alembic history:
    it was not made by timeline, and creating tables in it could clobber data."""
    names = set(inspect(engine).get_table_names())
    if names and "alembic_version" not in names and "article" in names:
        raise DatabaseError("database has timeline-like tables but no migration history")


@lru_cache(maxsize=8)
def open_engine(url: str) -> Engine:
    """The engine for `url`, with its schema at the newest migration."""
    try:
        engine = make_engine(url)
        if current_revision(engine) != HEAD_REVISION:
            _check_foreign_schema(engine)
            upgrade(engine)
    except DatabaseError:
        raise
    except Exception as exc:  # a bad URL, an unreachable server, a file that is not SQLite
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DatabaseError(f"cannot open database {safe_url(url)}: {reason}") from exc
    return engine


def open_for_writing(url: str) -> Engine:
    """`open_engine`, once it is certain the database can be written: an
    ingest asks before it extracts anything, so a read-only file, folder,
    filesystem, URL or server costs one line, not an extraction per article.
    Raises DatabaseError naming the database and the reason."""
    path = _sqlite_path(url)
    if path is not None:
        reason = _unwritable_file(path)
        if reason:
            raise DatabaseError(f"cannot write database {path}: {reason}")
    engine = open_engine(url)
    with engine.connect() as conn:
        try:
            # A real write (rolled back): SQLite opens a file it may not write
            # read-only without a word, and a server may refuse writes.
            conn.execute(text("UPDATE alembic_version SET version_num = version_num"))
        except OperationalError as exc:
            if not any(word in str(exc) for word in ("locked", "busy")):  # another writer: not a fault
                raise DatabaseError(f"cannot write database {database_name(url)}: {error_reason(exc)}") from exc
        except ProgrammingError as exc:  # PostgreSQL: a read-only transaction or role
            raise DatabaseError(f"cannot write database {database_name(url)}: {error_reason(exc)}") from exc
        finally:
            conn.rollback()
    return engine


def _unwritable_file(path: str) -> str | None:
    """Why SQLite could not write the file `path` (and the -wal and -shm files
    beside it), or None. `os.access` answers for root too on a read-only
    filesystem or mount, where root's chmod rights do not count."""
    import os

    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return f"no folder {folder}"
    read_only_folder = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return "read-only file system" if read_only_folder else "the file is read-only"
    if not os.access(folder, os.W_OK):
        return "read-only file system" if read_only_folder else f"its folder {folder} cannot be written"
    return None


def _sqlite_path(url: str) -> str | None:
    """The file of a plain `sqlite:///path` URL; None for anything else."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.query or not parsed.database:
        return None
    return None if parsed.database == ":memory:" or parsed.database.startswith("file:") else parsed.database


def database_name(url: str) -> str:
    """The database as messages name it: an SQLite file by its path, any other by its URL (no password)."""
    return _sqlite_path(url) or safe_url(url)


def error_reason(exc: BaseException) -> str:
    """A database error's reason, without SQLAlchemy's decoration."""
    orig = getattr(exc, "orig", None) or exc
    said = str(orig).splitlines()[0] if str(orig) else ""
    return said or type(orig).__name__


def is_disk_full(exc: BaseException) -> bool:
    """Whether a write failed for want of space: SQLITE_FULL, PostgreSQL's
    disk_full (SQLSTATE 53100), or ENOSPC. No later write would succeed."""
    import errno
    import sqlite3

    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or getattr(orig, "sqlstate", None) == "53100":
        return True
    if isinstance(orig, OSError) and orig.errno == errno.ENOSPC:
        return True
    return any(words in str(orig) for words in ("database or disk is full", "No space left on device"))


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session on the database at `url` (migrated on first open)."""
    from sqlmodel import Session

    with Session(open_engine(url)) as session:
        yield session
