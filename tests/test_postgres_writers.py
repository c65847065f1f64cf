"""Several `timeline ingest` processes writing into one database at once, and
`--shard K/N`: the result is the same as one process ingesting everything
(same events, same merges, no duplicate actors). Runs on every `db_url`
backend; the PostgreSQL case is the one that matters for teams."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from conftest import event_record
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import Session

from timeline.db import open_engine
from timeline.events.types import Extraction
from timeline.ingest import in_shard, parse_shard, run_ingest
from timeline.query import find_events

# Each real event is reported by three outlets, so merging across articles
# (and across writer processes) decides the outcome.
EVENTS = [
    ("Vladimir Putin|Kim Jong Un", "2023-09-13", "CONSULT", "Vostochny"),
    ("Vladimir Putin|Alexander Lukashenko", "2023-09-15", "CONSULT", "Sochi"),
    ("Xi Jinping|Lula", "2023-04-14", "CONSULT", "Beijing"),
    ("Joe Biden|Xi Jinping", "2023-11-15", "CONSULT", "Woodside"),
    ("Antony Blinken|Wang Yi", "2023-06-19", "CONSULT", "Beijing"),
    ("European Parliament|Alexander Lukashenko", "2023-09-14", "ACCUSE", None),
    ("Recep Tayyip Erdogan|Vladimir Putin", "2023-09-04", "CONSULT", "Sochi"),
    ("Olaf Scholz|Emmanuel Macron", "2023-10-10", "CONSULT", "Hamburg"),
]
OUTLETS = ("Reuters", "AP", "AFP")


def write_corpus(folder: Path) -> None:
    """One article per (event, outlet): lines 'actors;date;type;place'."""
    folder.mkdir()
    for i, (actors, date, type_, place) in enumerate(EVENTS):
        for outlet in OUTLETS:
            body = f"{outlet} report {i}\n{actors};{date};{type_};{place or ''}\n"
            (folder / f"{i:02d}-{outlet}.txt").write_text(body, encoding="utf-8")


def fake_extract(doc) -> Extraction:
    """Extraction without spaCy: the event line of a corpus article."""
    _, line = doc.text.strip().splitlines()[:2]
    actors, date, type_, place = line.split(";")
    return Extraction(
        [
            event_record(
                type_=type_,
                actors=tuple(actors.split("|")),
                date=date,
                place=place or None,
                mode="meet" if type_ == "CONSULT" else "accuse",
                trigger="met" if type_ == "CONSULT" else "accused",
            )
        ]
    )


def ingest_shard(url: str, folder: str, shard) -> None:
    """A writer process: its own interpreter, its own connection."""
    summary = run_ingest([folder], db_url=url, workers=1, extractor=fake_extract, shard=shard, options=_options())
    assert summary.failed == 0


def _options():
    import datetime as dt

    from timeline.sources import SourceOptions

    return SourceOptions(published=dt.date(2023, 9, 16))


def outcome(url: str) -> list[tuple]:
    """What a user sees, without ids: each event's date, type, actors and the
    articles that report it."""
    engine = open_engine(url)
    with Session(engine) as s:
        events = find_events(s)
    with engine.connect() as conn:
        actors = conn.execute(text("SELECT count(*), count(DISTINCT name) FROM actor")).one()
    assert actors[0] == actors[1]  # no actor stored twice by racing writers
    return sorted(
        (
            e["date"],
            e["type"],
            tuple(sorted(a["name"] for a in e["actors"])),
            e["n_sources"],
            tuple(sorted(m["title"] or m["sentence"] for m in e["mentions"])),
        )
        for e in events
    )


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    write_corpus(folder)
    return folder


@pytest.fixture
def single_process_outcome(corpus, tmp_path):
    url = f"sqlite:///{tmp_path / 'single.db'}"
    run_ingest([str(corpus)], db_url=url, workers=1, extractor=fake_extract, options=_options())
    result = outcome(url)
    assert len(result) == len(EVENTS) and all(e[3] == len(OUTLETS) for e in result)
    return result


def test_parallel_sharded_writers_give_the_single_process_result(db_url, corpus, single_process_outcome):
    open_engine(db_url)  # a test of merging, not of first-open races: see the next test
    ctx = multiprocessing.get_context("spawn")
    n = 3
    writers = [ctx.Process(target=ingest_shard, args=(db_url, str(corpus), (k, n))) for k in range(1, n + 1)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
    assert [w.exitcode for w in writers] == [0] * n
    assert outcome(db_url) == single_process_outcome


def test_writers_on_a_fresh_database_migrate_it_once(db_url, corpus, single_process_outcome):
    """Unsharded writers racing on an empty database: one migrates, all
    store, each article is kept once and each event merged once."""
    ctx = multiprocessing.get_context("spawn")
    writers = [ctx.Process(target=ingest_shard, args=(db_url, str(corpus), None)) for _ in range(3)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(120)
    assert [w.exitcode for w in writers] == [0, 0, 0]
    assert outcome(db_url) == single_process_outcome
    with open_engine(db_url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM article")).scalar_one() == len(EVENTS) * len(OUTLETS)


def test_shards_one_after_another_via_the_cli(runner, db_url, corpus, single_process_outcome, monkeypatch):
    from timeline import ingest
    from timeline.cli import cli

    # The CLI extracts with the real pipeline (one article, or a batch as one spaCy stream).
    monkeypatch.setattr(ingest, "_extract", fake_extract)
    monkeypatch.setattr(ingest, "_extract_many", lambda docs: [fake_extract(doc) for doc in docs])
    reads = []
    for k in (1, 2, 3, 4):
        result = runner.invoke(
            cli,
            ["--db", db_url, "ingest", str(corpus), "--workers", "1", "--published", "2023-09-16", "--shard", f"{k}/4"],
        )
        assert result.exit_code == 0, result.output
        reads.append(int(result.stderr.split("read ", 1)[1].split(",", 1)[0]))
    assert sum(reads) == len(EVENTS) * len(OUTLETS)  # each article in exactly one shard
    assert outcome(db_url) == single_process_outcome


@pytest.mark.parametrize("value", ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", ""])
def test_bad_shard_is_a_usage_error(runner, tmp_path, value):
    from timeline.cli import cli

    result = runner.invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "ingest", "seeds/", "--shard", value])
    assert result.exit_code == 2
    assert result.stderr.startswith("timeline: shard ")


@pytest.mark.parametrize("value, expected", [("1/1", (1, 1)), ("2/4", (2, 4)), ("4/4", (4, 4)), (" 3/ 8", (3, 8))])
def test_parse_shard(value, expected):
    assert parse_shard(value) == expected


@given(sha=st.text(alphabet="0123456789abcdef", min_size=64, max_size=64), n=st.integers(1, 64))
def test_every_document_is_in_exactly_one_shard(sha, n):
    assert sum(in_shard(sha, k, n) for k in range(1, n + 1)) == 1
