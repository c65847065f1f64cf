"""`timeline merge`, `split` and `redate` on a real SQLite file: messages,
exit codes, and what changed in the database."""

from __future__ import annotations

import json

import pytest
from conftest import TWO_OCCASIONS, document, event_record, two_occasions_record
from sqlmodel import Session

from timeline.cli import cli
from timeline.db import open_engine
from timeline.events.types import Extraction
from timeline.store import store_article


@pytest.fixture
def db(db_url) -> str:
    with Session(open_engine(db_url)) as s:
        store_article(s, document("a"), Extraction([event_record(date="2023-09-13", sentence="Putin met Kim.")]))
        store_article(s, document("b"), Extraction([event_record(date="2023-09-20", sentence="Kim met Putin.")]))
        store_article(
            s,
            document("Putin met Kim on Friday.", published=None),
            Extraction([event_record(actors=("Xi Jinping", "Lula"), date=None)], needs_publication_date=True),
        )
    return db_url


def events(runner, db) -> list[dict]:
    return json.loads(runner.invoke(cli, ["--db", db, "export", "--format", "json"]).stdout)


def test_merge_dry_run_then_merge(runner, db):
    dry = runner.invoke(cli, ["--db", db, "merge", "1", "2", "--dry-run"])
    assert (dry.exit_code, dry.stdout) == (0, "would merge 2 into 1: 2 sources, 2 mentions\n")
    assert len(events(runner, db)) == 3
    done = runner.invoke(cli, ["--db", db, "merge", "1", "2"])
    assert (done.exit_code, done.stdout) == (0, "merged 2 into 1: 2 sources, 2 mentions\n")
    merged = events(runner, db)[0]
    assert (merged["id"], merged["n_sources"], merged["date_conflict"]) == (1, 2, "2023-09-20")


def test_split_after_merge(runner, db):
    runner.invoke(cli, ["--db", db, "merge", "1", "2"])
    result = runner.invoke(cli, ["--db", db, "split", "1", "2"])
    assert (result.exit_code, result.stdout) == (0, "split mention 2's article out of event 1 into event 4\n")
    assert sorted((e["id"], e["n_sources"]) for e in events(runner, db)) == [(1, 1), (3, 1), (4, 1)]


def test_split_a_mention_out_of_what_its_article_merged(runner, db_url):
    with Session(open_engine(db_url)) as s:
        store_article(s, document(" ".join(TWO_OCCASIONS)), Extraction([two_occasions_record()]))
    result = runner.invoke(cli, ["--db", db_url, "split", "1", "2"])
    assert (result.exit_code, result.stdout) == (0, "split mention 2 out of event 1 into event 2\n")
    assert [(e["id"], e["date"], [m["sentence"] for m in e["mentions"]]) for e in events(runner, db_url)] == [
        (1, "2024-03-04", [TWO_OCCASIONS[0]]),
        (2, "2024-03-07", [TWO_OCCASIONS[1]]),
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["merge", "1"], "timeline: merge needs two different event ids\n"),
        (["merge", "1", "77"], "timeline: no event with id 77\n"),
        (["split", "1", "2"], "timeline: mention 2 is not a mention of event 1\n"),
        (["split", "1", "1"], "timeline: event 1 has only one source; nothing to split\n"),
        (["redate", "42", "--published", "2023-09-15"], "timeline: no article with id 42\n"),
    ],
)
def test_correction_errors(runner, db, args, message):
    result = runner.invoke(cli, ["--db", db, *args])
    assert (result.exit_code, result.stderr) == (1, message)


def test_redate_reextracts_with_the_new_date(runner, db, monkeypatch):
    import timeline.events

    seen = []

    def fake(doc):
        seen.append(doc.published.isoformat())
        return Extraction([event_record(actors=("Xi Jinping", "Lula"), date=doc.published.isoformat())])

    monkeypatch.setattr(timeline.events, "extract_document", fake)
    result = runner.invoke(cli, ["--db", db, "redate", "3", "--published", "2023-09-15"])
    assert (result.exit_code, result.stdout) == (0, "article 3: published 2023-09-15, 1 event\n")
    assert seen == ["2023-09-15"]
    dates = {e["summary"]: e["date"] for e in events(runner, db)}
    assert dates["Xi Jinping and Lula met"] == "2023-09-15"
    articles = json.loads(runner.invoke(cli, ["--db", db, "articles", "--format", "json"]).stdout)
    assert [(a["id"], a["status"]) for a in articles] == [(1, "ok"), (2, "ok"), (3, "ok")]


def test_redate_refuses_a_bad_date(runner, db):
    result = runner.invoke(cli, ["--db", db, "redate", "3", "--published", "Friday"])
    assert (result.exit_code, result.stderr) == (2, "timeline: --published 'Friday' is not an ISO date (YYYY-MM-DD)\n")
