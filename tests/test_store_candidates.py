"""The merge candidates of a new report come from index ranges around it: the
reports of its family near its days, the undated reports of articles published
then, each checked for a shared actor by index. Neither reading grows with the
rest of the database (issue 13: merging stays O(reports x candidates) at a
million events)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import insert
from sqlmodel import Session, SQLModel

import timeline.store.events as store_module
from timeline import merging
from timeline.db import open_engine

_TABLES = SQLModel.metadata.tables
ACTOR = "Ruritania"  # a much-reported state: thousands of events, a few near any day


@pytest.fixture
def sqlite_session(tmp_path):
    with Session(open_engine(f"sqlite:///{tmp_path / 'timeline.db'}")) as s:
        yield s


def _store_events(session: Session, days: list[dt.date], first_id: int) -> None:
    """One article, event and report per day, all CONSULT with `ACTOR` (bulk,
    through the store's tables: a database's history without extraction)."""
    ids = range(first_id, first_id + len(days))
    conn = session.connection()
    conn.execute(
        insert(_TABLES["article"]),
        [
            {
                "id": i,
                "sha256": f"sha{i}",
                "published": d.isoformat(),
                "text": f"story {i}",
                "ingested_at": "now",
                "status": "ok",
                "language": "en",
                "n_events": 1,
            }
            for i, d in zip(ids, days, strict=True)
        ],
    )
    conn.execute(
        insert(_TABLES["event"]),
        [
            {
                "id": i,
                "type": "CONSULT",
                "summary": "",
                "granularity": "day",
                "modality": "asserted",
                "confidence": 0.8,
                "n_sources": 1,
            }
            for i in ids
        ],
    )
    conn.execute(insert(_TABLES["event_actor"]), [{"event_id": i, "actor_id": 1, "role": "source"} for i in ids])
    conn.execute(
        insert(_TABLES["event_report"]),
        [
            {
                "event_id": i,
                "article_id": i,
                "report_key": f"sha{i}:0:CONSULT",
                "type": "CONSULT",
                "family": "CONSULT",
                "mode": "meet",
                "date": d.isoformat(),
                "date_start": d.isoformat(),
                "date_end": d.isoformat(),
                "granularity": "day",
                "summary": "",
                "modality": "asserted",
                "confidence": 0.8,
                "actors": json.dumps([[ACTOR, "source", "country"]]),
            }
            for i, d in zip(ids, days, strict=True)
        ],
    )


def _new_report() -> merging.Report:
    return merging.Report(
        key="new:0:CONSULT",
        article_id=None,
        family="CONSULT",
        mode="meet",
        granularity="day",
        days=(dt.date(2001, 6, 10), dt.date(2001, 6, 10)),
        actors=(merging.ReportActor(ACTOR, "source", "country"),),
    )


def _sqlite_steps(session: Session, call) -> int:
    """SQLite virtual-machine steps `call` takes (in thousands): the work the
    database does, free of the machine's load."""
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    driver = session.connection().connection.driver_connection
    driver.set_progress_handler(count, 1000)
    try:
        call()
    finally:
        driver.set_progress_handler(None, 1000)
    return steps


def _far_days(n: int, start: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i % 3000) for i in range(n)]


def test_candidate_search_does_not_read_the_actors_whole_history(sqlite_session):
    session = sqlite_session
    session.connection().execute(insert(_TABLES["actor"]), [{"id": 1, "name": ACTOR, "kind": "country"}])
    near = [dt.date(2001, 6, 9), dt.date(2001, 6, 10), dt.date(2001, 6, 11)]
    _store_events(session, near + _far_days(500, dt.date(1986, 1, 1)), first_id=1)
    report = _new_report()
    before = _sqlite_steps(session, lambda: store_module._candidates(session, report))

    _store_events(session, _far_days(5000, dt.date(1986, 1, 1)), first_id=1000)
    after = _sqlite_steps(session, lambda: store_module._candidates(session, report))

    found = store_module._candidates(session, report)
    assert sorted(r.date_start for r in found) == ["2001-06-09", "2001-06-10", "2001-06-11"]
    # Ten times the actor's events elsewhere in time: the same work, give or take.
    assert after <= before * 1.5 + 2, (before, after)


def _plan(session: Session, statement, params: dict) -> list[str]:
    conn = session.connection()
    compiled = statement.params(**params).compile(conn, compile_kwargs={"render_postcompile": True})
    args = tuple(compiled.params[name] for name in compiled.positiontup or ())
    return [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", args)]


@pytest.mark.parametrize("name", ["_CANDIDATES", "_UNDATED_CANDIDATES"])
def test_candidate_queries_scan_no_table(sqlite_session, name):
    params = {
        "family": "CONSULT",
        "lo": "2001-06-09",
        "hi": "2001-06-11",
        "earliest_start": "2001-05-09",
        "actor_ids": [1, 2],
        "published_lo": "2001-06-09",
        "published_before": "2001-06-13",
    }
    plan = _plan(sqlite_session, getattr(store_module, name), params)
    assert not [line for line in plan if line.startswith("SCAN")], plan
