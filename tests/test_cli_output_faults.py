"""Faults while writing command output: a full disk under `export -o FILE`
keeps the previous FILE, and standard output that is full or closed early
(`| head -1`) ends with one line or none, never a traceback."""

from __future__ import annotations

import errno
import io
import json
import os

import pytest
from conftest import document, event_record
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
