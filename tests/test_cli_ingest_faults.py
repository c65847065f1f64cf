"""`timeline ingest` when its process is killed or its storage fails: the
local worker processes die with the ingest, a SIGTERM stops it as Ctrl-C
does, and what was stored is kept."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

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
    if not db.exists():
        return 0
    try:
        with create_engine(f"sqlite:///{db}").connect() as conn:
            return conn.execute(text("SELECT count(*) FROM article")).scalar_one()
    except Exception:  # not migrated yet
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
                subprocess.run(["kill", "-9", str(pid)], capture_output=True)
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
    folder, db = invented_articles(tmp_path / "news"), tmp_path / "t.db"
    proc = start_ingest(folder, db)
    reap(proc.pid)
    wait_for_workers(proc)
    wait_for(lambda: stored(db) > 0, 120, "a first stored article")
    proc.send_signal(signal.SIGTERM)
    # stderr closes once every process holding it (workers, forkserver, tracker) has ended.
    _, err = proc.communicate(timeout=20)
    assert (proc.returncode, err.splitlines()) == (
        143,
        ["timeline: interrupted; stored articles are kept, run again to continue"],
    )
    wait_for(lambda: not session_members(proc.pid), 5, "the ingest's processes to end")
    kept = stored(db)
    assert 0 < kept < ARTICLES
    rerun = subprocess.run(
        [*TIMELINE, "--db", str(db), "ingest", str(folder), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"read {ARTICLES}, stored {ARTICLES - kept}, skipped {kept}, failed 0" in rerun.stderr
    assert stored(db) == ARTICLES
