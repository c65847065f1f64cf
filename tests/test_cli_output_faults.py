"""Faults while writing command output: a full disk under `export -o FILE`
keeps the previous FILE, and standard output that is full or closed early
(`| head -1`) ends with one line or none, never a traceback."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, document, event_record
from sqlmodel import Session

from timeline.cli import cli
from timeline.db import open_engine
from timeline.events.types import Extraction
from timeline.store import store_article

N_EVENTS = 300  # their JSON Lines fill more than a pipe's 64 KiB buffer


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('faults') / 'timeline.db'}"
    with Session(open_engine(url)) as s:
        for i in range(N_EVENTS):
            day = f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"
            record = event_record(date=day, place=f"Place {i}", sentence=f"Putin met Kim Jong Un in Place {i}.")
            store_article(s, document(f"article {i}", url=f"https://example.org/{i}"), Extraction([record]))
    return url


class _FillingFile(io.RawIOBase):
    """A file that takes `room` bytes, then fails as a full disk does."""

    def __init__(self, real, room: int):
        self.real, self.room = real, room

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if len(data) > self.room:
            self.real.write(bytes(data[: self.room]))
            self.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(data)
        return self.real.write(data)

    def fileno(self) -> int:
        return self.real.fileno()

    def close(self) -> None:
        self.real.close()
        super().close()


@pytest.mark.parametrize("fmt", ["jsonl", "json", "html", "ics"])
def test_export_to_a_full_disk_keeps_the_previous_file(runner, db, tmp_path, monkeypatch, fmt):
    out = tmp_path / "events.out"
    out.write_text("the export of yesterday\n", encoding="utf-8")
    real_open = open

    def filling_open(file, mode="r", *args, **kwargs):
        return _FillingFile(real_open(file, mode, *args, **kwargs), room=1000)

    monkeypatch.setattr("timeline.output.open", filling_open, raising=False)
    result = runner.invoke(cli, ["--db", db, "export", "--format", fmt, "-o", str(out)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"timeline: {out}: No space left on device\n"
    assert out.read_text(encoding="utf-8") == "the export of yesterday\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.out"]


def test_a_complete_export_replaces_the_file_and_keeps_its_permissions(runner, db, tmp_path):
    out = tmp_path / "events.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    result = runner.invoke(cli, ["--db", db, "export", "--format", "jsonl", "-o", str(out)])
    assert (result.exit_code, result.output) == (0, "")
    assert len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]) == N_EVENTS
    assert out.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]


def test_a_new_export_file_gets_the_usual_permissions(runner, db, tmp_path):
    out = tmp_path / "new.csv"
    umask = os.umask(0o022)
    os.umask(umask)
    result = runner.invoke(cli, ["--db", db, "query", "--actor", "Putin", "--format", "csv", "-o", str(out)])
    assert (result.exit_code, result.output) == (0, "")
    assert out.read_text(encoding="utf-8").startswith("id,")
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_export_on_a_really_full_filesystem(runner, db, small_tmpfs):
    out = small_tmpfs / "events.jsonl"
    out.write_text("the export of yesterday\n", encoding="utf-8")
    result = runner.invoke(cli, ["--db", db, "export", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"timeline: {out}: No space left on device\n"
    assert out.read_text(encoding="utf-8") == "the export of yesterday\n"
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["events.jsonl"]


def _timeline(db: str, *args: str, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "timeline.cli", "--db", db, *args], cwd=ROOT, stderr=subprocess.PIPE, **popen
    )


READS = [["export", "--format", "jsonl"], ["query", "--actor", "Putin"], ["export", "--format", "html"], ["show", "1"]]


@pytest.mark.parametrize(
    ("args", "lines"), [(args, 0) for args in READS] + [(args, 1) for args in READS if args[0] != "show"]
)
def test_a_reader_that_stops_early_ends_the_output_quietly(db, args, lines):
    """`timeline query | head -1` (and `| true`, which reads nothing): the
    pipe closes with the output unwritten (one event's account fits in the pipe)."""
    proc = _timeline(db, *args, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    for _ in range(lines):
        assert proc.stdout.readline()
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=60)
    assert stderr.decode() == ""
    assert proc.returncode in (0, 141)


@pytest.mark.parametrize("args", [*READS, ["actors"], ["types"]])
def test_a_full_standard_output_is_one_line(db, args):
    with open("/dev/full", "w") as full:
        proc = _timeline(db, *args, stdout=full)
        _, stderr = proc.communicate(timeout=60)
    assert stderr.decode() == "timeline: standard output: No space left on device\n"
    assert proc.returncode == 1


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["query", "--help"], ["db", "current", "--help"], ["--version"]])
def test_help_to_a_full_standard_output_is_one_line(args):
    """Help and version are written while the options are parsed, before any command runs."""
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "timeline.cli", *args], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, timeout=60
        )
    assert proc.stderr.decode() == "timeline: standard output: No space left on device\n"
    assert proc.returncode == 1
