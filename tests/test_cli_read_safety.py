"""Read commands never create a database, nor touch another program's file."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import document, event_record

from timeline.cli import cli


@pytest.mark.parametrize("command", [["query"], ["export"], ["show", "1"], ["actors"], ["articles"]])
def test_a_read_on_a_missing_database_names_it_and_creates_nothing(tmp_path, command):
    path = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, ["--db", str(path), *command])
    assert result.exit_code == 2, result.output
    assert f"no timeline database at {path}" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not path.exists()


def test_a_read_on_another_programs_sqlite_file_leaves_it_as_it_was(tmp_path):
    path = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "query"])
    assert result.exit_code == 2, result.output
    assert f"{path} is not a timeline database" in result.output
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.close()
    assert tables == ["note"]
    assert mode == "delete"


def test_a_write_still_creates_the_database(tmp_path):
    path = tmp_path / "new.db"
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened here today.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(article), "--published", "2024-03-05"])
    assert result.exit_code == 0, result.output
    assert path.exists()
    assert CliRunner().invoke(cli, ["--db", str(path), "query"]).exit_code == 0


# --- a database that cannot be written ----------------------------------------------

READS = [["query", "--format", "jsonl"], ["export", "--format", "jsonl"], ["show", "1"], ["actors"], ["articles"]]


def _timeline_file(path, revision: str = "head") -> str:
    """A timeline database at `path` with one event, at `revision`, closed
    (no -wal or -shm left), as an ingest leaves it."""
    from sqlmodel import Session

    from timeline import db as tdb
    from timeline.events.types import Extraction
    from timeline.store import store_article

    url = f"sqlite:///{path}"
    engine = tdb.make_engine(url)  # not open_engine: its cache would keep the file open
    tdb.upgrade(engine)
    with Session(engine) as s:
        store_article(s, document("a1", url="https://example.org/a1"), Extraction([event_record(date="2023-09-13")]))
    if revision != "head":
        tdb.downgrade(engine, revision)
    engine.dispose()
    return url


def _neighbours(path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("command", READS)
def test_reads_work_on_a_read_only_filesystem(tmpfs, command):
    folder = tmpfs("4m")
    url = _timeline_file(folder / "timeline.db")
    tmpfs.read_only(folder)
    result = CliRunner().invoke(cli, ["--db", url, *command])
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert "2023-09-13" in result.stdout or "a1" in result.stdout or "Vladimir Putin" in result.stdout
    assert _neighbours(folder / "timeline.db") == ["timeline.db"]


def test_a_read_only_database_of_an_older_schema_asks_for_an_upgrade(tmpfs):
    folder = tmpfs("4m")
    url = _timeline_file(folder / "timeline.db", revision="0003_event_report")
    tmpfs.read_only(folder)
    result = CliRunner().invoke(cli, ["--db", url, "query"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"timeline: {folder / 'timeline.db'} has an older schema (0003_event_report) and cannot be"
        " written here: run `timeline db upgrade` where it can be\n"
    )


@pytest.fixture
def unwritable(monkeypatch):
    """Make `os.access` say the paths given cannot be written (root may
    write anything, so a chmod alone would not do), and record the SQLite
    files the command opens."""
    import os

    denied: set[str] = set()
    opened: list[str] = []
    real_access, real_connect = os.access, sqlite3.connect

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and os.path.abspath(path) in denied:
            return False
        return real_access(path, mode, *args, **kwargs)

    def connect(database, *args, **kwargs):
        opened.append(str(database))
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(sqlite3, "connect", connect)

    def deny(*paths):
        denied.update(os.path.abspath(p) for p in paths)
        return opened

    return deny


@pytest.mark.parametrize("which", ["file", "folder"])
@pytest.mark.parametrize("command", READS[:3])
def test_a_read_of_an_unwritable_database_opens_it_read_only(tmp_path, unwritable, command, which):
    path = tmp_path / "timeline.db"
    url = _timeline_file(path)
    opened = unwritable(path if which == "file" else tmp_path)
    result = CliRunner().invoke(cli, ["--db", url, *command])
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert opened and all(name.startswith("file:") and "mode=ro" in name for name in opened), opened
    assert _neighbours(path) == ["timeline.db"]


# --- `db current` reads too ----------------------------------------------------------


def test_db_current_on_a_missing_database_names_it_and_creates_nothing(tmp_path):
    path = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "db", "current"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"timeline: no timeline database at {path}: run `timeline ingest` or `timeline db upgrade` to create one\n"
    )
    assert not path.exists()


def test_db_current_on_another_programs_sqlite_file_leaves_it_as_it_was(tmp_path):
    path = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "db", "current"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"timeline: {path} is not a timeline database (it has no timeline schema)\n"
    conn = sqlite3.connect(path)
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.close()
    assert mode == "delete"
    assert _neighbours(path) == ["notes.sqlite"]


@pytest.mark.parametrize(("revision", "shown"), [("head", "0004_query_indexes (head)"), ("0002_ingest_error", None)])
def test_db_current_names_the_revision(tmp_path, revision, shown):
    url = _timeline_file(tmp_path / "timeline.db", revision=revision)
    result = CliRunner().invoke(cli, ["--db", url, "db", "current"])
    assert (result.exit_code, result.stdout) == (0, f"{shown or revision}\ndatabase: {url}\n")
    assert _neighbours(tmp_path / "timeline.db") == ["timeline.db"]


def test_db_current_on_a_read_only_filesystem(tmpfs):
    folder = tmpfs("4m")
    url = _timeline_file(folder / "timeline.db")
    tmpfs.read_only(folder)
    result = CliRunner().invoke(cli, ["--db", url, "db", "current"])
    assert (result.exit_code, result.output) == (0, f"0004_query_indexes (head)\ndatabase: {url}\n")


# --- the per-user default database ---------------------------------------------------


@pytest.fixture
def user_data(tmp_path, monkeypatch):
    """No --db and no $TIMELINE_DB: the per-user data folder ($XDG_DATA_HOME) of the test's own."""
    if sys.platform != "linux":
        pytest.skip("the per-user folder checked here is XDG's (Linux)")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return tmp_path / "data" / "timeline" / "timeline.db"


@pytest.mark.parametrize("command", [["query"], ["db", "current"]])
def test_a_read_of_the_missing_default_database_names_it_and_creates_nothing(user_data, command):
    result = CliRunner().invoke(cli, command)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"timeline: no timeline database at {user_data}: ")
    assert len(result.stderr.splitlines()) == 1
    assert not user_data.parent.exists()
    assert list(Path.cwd().iterdir()) == []


def test_the_default_database_is_made_in_the_per_user_folder_whatever_the_current_one(user_data):
    from timeline.schema import HEAD_REVISION

    upgraded = CliRunner().invoke(cli, ["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    assert user_data.exists()
    assert list(Path.cwd().iterdir()) == []  # no ./timeline.db
    current = CliRunner().invoke(cli, ["db", "current"])
    assert (current.exit_code, current.stdout) == (0, f"{HEAD_REVISION} (head)\ndatabase: sqlite:///{user_data}\n")
    assert CliRunner().invoke(cli, ["query"]).exit_code == 0


def test_help_shows_the_default_database(tmp_path):
    """Shown as the user's own folder: computed when the command runs, not when it was installed."""
    if sys.platform != "linux":
        pytest.skip("the per-user folder checked here is XDG's (Linux)")
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_DB"} | {"XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "--help"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    # Click wraps the help, breaking a long path anywhere: compare without the white space.
    assert f"default:{tmp_path / 'timeline' / 'timeline.db'}," in "".join(done.stdout.split())


def test_an_ingest_without_db_stores_in_the_per_user_folder(user_data, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened here today.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(article), "--published", "2024-03-05"])
    assert result.exit_code == 0, result.output
    assert user_data.exists()
    assert list(Path.cwd().iterdir()) == []
