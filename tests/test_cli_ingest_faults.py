"""`timeline ingest` when its process is killed or its storage fails: the
local worker processes die with the ingest, a SIGTERM stops it as Ctrl-C
does, a database that cannot be written is refused before any extraction, a
full disk stops the ingest at once, and what was stored is kept."""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import event_record

from timeline.cli import cli
from timeline.events.types import Extraction

ARTICLES = 40
TIMELINE = [sys.executable, "-c", "from timeline.cli import main; main()"]


def invented_articles(folder: Path, n: int = ARTICLES) -> Path:
    """`n` short dated articles, each with a different text (none is skipped)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:03d}.txt").write_text(
            f"---\ntitle: Article {i}\npublished: 2023-09-15\n---\n"
            f"Prime Minister Ingrid Berg of Norway met President Tomas Vidal of Chile in Oslo on Monday "
            f"for talks on fisheries, the {i}th round. The two leaders signed a trade agreement.\n",
            encoding="utf-8",
        )
    return folder


def _sessions() -> dict[int, tuple[int, str]]:
    """Every live process: pid -> (session id, state)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Fields after the command name (which may hold spaces): state ppid pgrp session ...
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry.name)] = (int(fields[3]), fields[0])
    return found


def session_members(sid: int, besides: int | None = None) -> list[int]:
    """The processes still running in session `sid` (zombies are gone), except `besides`."""
    return sorted(
        pid for pid, (session, state) in _sessions().items() if session == sid and state != "Z" and pid != besides
    )


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {seconds} s waiting for {what}")


def stored(db: Path) -> int:
    """Articles committed so far (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(db)) as conn:
            return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.OperationalError:  # no table yet, or the writer is migrating
        return 0


def start_ingest(folder: Path, db: Path) -> subprocess.Popen:
    """`timeline ingest FOLDER --workers 2` in a session of its own (so every
    process it starts can be found by its session id, even once orphaned)."""
    return subprocess.Popen(
        [*TIMELINE, "--db", str(db), "ingest", str(folder), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_workers(proc: subprocess.Popen) -> None:
    # The resource tracker, the forkserver and its two workers: four besides the ingest.
    wait_for(lambda: len(session_members(proc.pid, besides=proc.pid)) >= 4, 120, "the worker processes")


@pytest.fixture
def reap():
    """Kill, after the test, whatever a failing test left running."""
    sessions: list[int] = []
    yield sessions.append
    for sid in sessions:
        for pid in session_members(sid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


@pytest.mark.spacy
def test_workers_die_when_the_ingest_is_killed(tmp_path, reap):
    db = tmp_path / "t.db"
    proc = start_ingest(invented_articles(tmp_path / "news"), db)
    reap(proc.pid)
    wait_for_workers(proc)
    wait_for(lambda: stored(db) > 0, 120, "a first stored article")  # the workers are extracting
    proc.kill()
    proc.wait(timeout=10)
    wait_for(lambda: not session_members(proc.pid), 10, "the ingest's processes to end")
    _, err = proc.communicate(timeout=10)
    # The resource tracker removes the killed ingest's semaphores without a warning.
    assert "leaked" not in err, err


@pytest.mark.spacy
def test_sigterm_stops_the_ingest_like_ctrl_c_and_a_rerun_completes_it(tmp_path, reap):
    # Enough articles that the run is still going when the signal lands, even on a busy machine.
    n = 5 * ARTICLES
    folder, db = invented_articles(tmp_path / "news", n), tmp_path / "t.db"
    proc = start_ingest(folder, db)
    reap(proc.pid)
    wait_for_workers(proc)
    wait_for(lambda: stored(db) > 0, 120, "a first stored article")
    proc.send_signal(signal.SIGTERM)
    # stderr closes once every process holding it (workers, forkserver, tracker) has ended.
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err.splitlines()) == (
        143,
        ["timeline: interrupted; stored articles are kept, run again to continue"],
    )
    wait_for(lambda: not session_members(proc.pid), 5, "the ingest's processes to end")
    kept = stored(db)
    assert 0 < kept < n
    rerun = subprocess.run(
        [*TIMELINE, "--db", str(db), "ingest", str(folder), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"read {n}, stored {n - kept}, skipped {kept}, failed 0" in rerun.stderr
    assert stored(db) == n


# --- a database that cannot be written, a disk that fills -----------------------------


def fake_extract(doc):
    """Events from lines "EVENT|TYPE|DATE|Actor;Actor" (module level: picklable)."""
    events = []
    for line in doc.text.splitlines():
        if line.startswith("EVENT|"):
            _, type_, date, actors = line.split("|")
            events.append(event_record(type_=type_, date=date, actors=tuple(actors.split(";")), sentence=line))
    return Extraction(events)


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    """The articles the ingest extracted (fake extraction, in this process)."""
    seen: list[str] = []

    def counting(doc):
        seen.append(doc.origin)
        return fake_extract(doc)

    monkeypatch.setattr("timeline.ingest._extract", counting)
    monkeypatch.setattr("timeline.ingest._extract_many", lambda docs: [counting(d) for d in docs])
    return seen


def fake_articles(folder: Path, n: int, words: int = 20) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        filler = " ".join(f"word{i}x{j}" for j in range(words))
        (folder / f"{i:04d}.txt").write_text(
            f"---\ntitle: Article {i}\npublished: 2023-09-15\n---\nLeader {i} met Leader {i + 1}. {filler}\n"
            f"EVENT|CONSULT|2023-09-{1 + i % 28:02d}|Leader {i};Leader {i + 1}\n",
            encoding="utf-8",
        )
    return folder


def ingest(db: Path, folder: Path, url: str | None = None):
    """`timeline --db DB ingest FOLDER` in this process, its database closed
    after it as a separate process would leave it (no connection left open)."""
    from timeline.db import open_engine

    url = url or f"sqlite:///{db}"
    result = CliRunner().invoke(cli, ["--db", url, "ingest", str(folder), "--workers", "1"])
    if open_engine.cache_info().currsize:
        open_engine(url).dispose()
        open_engine.cache_clear()
    return result


def readable_articles(db: Path) -> list[str]:
    """The titles `timeline articles` lists (as a user reads them)."""
    listing = CliRunner().invoke(cli, ["--db", str(db), "articles", "--format", "csv"])
    assert listing.exit_code == 0, listing.output
    return [row["title"] for row in csv.DictReader(io.StringIO(listing.stdout))]


@pytest.fixture
def read_only_bind(tmp_path):
    """`read_only_bind(path)` makes the file `path` read-only where it lies (a
    read-only bind mount of it over itself), its folder still writable: root
    ignores a chmod."""
    mounted: list[Path] = []

    def bind(path: Path) -> None:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("a read-only bind mount needs root and mount(8): the real read-only file case")
        done = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
        if done.returncode:
            pytest.skip(f"cannot bind-mount here ({done.stderr.decode().strip()})")
        mounted.append(path)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True, capture_output=True)

    yield bind
    for path in reversed(mounted):
        subprocess.run(["umount", str(path)], capture_output=True)


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("read-only file", "the file is read-only"),
        ("read-only filesystem", "read-only file system"),
        ("read-only URL", "attempt to write a readonly database"),
    ],
)
def test_a_database_that_cannot_be_written_stops_the_ingest_before_any_extraction(
    tmp_path, tmpfs, read_only_bind, extractions, where, reason
):
    folder = tmpfs("4m")
    db = folder / "timeline.db"
    assert ingest(db, fake_articles(tmp_path / "first", 2)).exit_code == 0
    extractions.clear()
    named = str(db)
    if where == "read-only file":
        read_only_bind(db)
    elif where == "read-only filesystem":
        tmpfs.read_only(folder)
    else:
        named = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = ingest(db, fake_articles(tmp_path / "news", 30), url=named)
    assert result.exit_code == 1, result.output
    assert result.stderr == f"timeline: cannot write database {named}: {reason}; nothing was ingested\n"
    assert extractions == []
    assert readable_articles(db) == ["Article 0", "Article 1"]


def test_a_full_disk_stops_the_ingest_at_the_first_article_it_cannot_store(tmp_path, tmpfs, extractions):
    folder = tmpfs("600k")
    db = folder / "timeline.db"
    news = fake_articles(tmp_path / "news", 1500, words=60)
    result = ingest(db, news)
    assert result.exit_code == 1, result.output
    [line] = result.stderr.splitlines()
    titles = readable_articles(db)
    assert 0 < len(titles) < 1500
    assert line == (
        f"timeline: cannot write database {db}: database or disk is full; "
        f"stopped after storing {len(titles)} articles, which are kept"
    )
    # Every article was stored whole, in input order, and nothing after the fault was extracted.
    assert titles == [f"Article {i}" for i in range(len(titles))]
    assert len(extractions) == len(titles) + 1
    query = CliRunner().invoke(cli, ["--db", str(db), "query", "--format", "jsonl"])
    assert query.exit_code == 0, query.output
    assert len(query.stdout.splitlines()) == len(titles)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
