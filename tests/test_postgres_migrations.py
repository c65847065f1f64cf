"""Upgrading a populated database made by the first schema, and downgrading it
back, on both dialects (the PostgreSQL case runs when
TIMELINE_TEST_POSTGRES_URL is set; CI sets it). Data written under the old
schema is readable after every step, the view and the full-text search work,
and 0004's query index is in place at head and gone below it."""

from __future__ import annotations

from sqlalchemy import inspect, text

from timeline import db as tdb

FIRST = "0001_initial"

ROWS = [
    "INSERT INTO article (id, sha256, url, title, published, status, language, text, ingested_at, n_events) "
    "VALUES (1, 'abc', 'https://example.org/a', 'Summit', '2023-09-15', 'ok', 'en', 'old text', "
    "'2023-09-15T00:00:00', 1)",
    "INSERT INTO actor (id, name, kind, country) VALUES (1, 'Vladimir Putin', 'person', 'RU'), "
    "(2, 'Kim Jong Un', 'person', 'KP')",
    "INSERT INTO actor_alias (id, actor_id, alias, alias_norm) VALUES (1, 1, 'Putin', 'putin')",
    "INSERT INTO event (id, type, mode, cameo, date, date_start, date_end, granularity, place, place_country, "
    "summary, modality, confidence, n_sources) VALUES (1, 'CONSULT', 'meet', '040', '2023-09-13', '2023-09-13', "
    "'2023-09-13', 'day', 'Vostochny', 'RU', 'Putin met Kim', 'asserted', 0.9, 1)",
    "INSERT INTO event_actor (id, event_id, actor_id, role) VALUES (1, 1, 1, 'source'), (2, 1, 2, 'target')",
    "INSERT INTO mention (id, event_id, article_id, sentence, sentence_start, sentence_end, trigger, "
    "trigger_start, trigger_end, type, mode, modality, confidence) VALUES (1, 1, 1, "
    "'Putin met Kim Jong Un at the Vostochny Cosmodrome.', 0, 50, 'met', 6, 9, 'CONSULT', 'meet', 'asserted', 0.9)",
]


def revisions() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(tdb.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def fulltext_hits(conn, word: str) -> int:
    if conn.dialect.name == "postgresql":
        sql = "SELECT count(*) FROM mention WHERE to_tsvector('english', sentence) @@ plainto_tsquery('english', :w)"
    else:
        sql = "SELECT count(*) FROM mention_fts WHERE mention_fts MATCH :w"
    return conn.execute(text(sql), {"w": word}).scalar_one()


def snapshot(engine) -> dict:
    with engine.connect() as conn:
        view = conn.execute(text("SELECT event_id, date, actors, place FROM timeline")).all()
        return {
            "article": conn.execute(text("SELECT id, sha256, text FROM article")).all(),
            "actors": conn.execute(text("SELECT id, name FROM actor ORDER BY id")).all(),
            "links": conn.execute(text("SELECT event_id, actor_id, role FROM event_actor ORDER BY id")).all(),
            "view": [tuple(r) for r in view],
            "fts": fulltext_hits(conn, "cosmodrome"),
        }


def event_actor_indexes(engine) -> set[str]:
    return {ix["name"] for ix in inspect(engine).get_indexes("event_actor")}


def test_first_schema_upgrades_in_place_and_downgrades_back(db_url):
    engine = tdb.make_engine(db_url)
    tdb.upgrade(engine, FIRST)
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    before = snapshot(engine)
    assert before["view"] == [(1, "2023-09-13", "Vladimir Putin; Kim Jong Un", "Vostochny")]
    assert before["fts"] == 1

    tdb.upgrade(engine, "head")
    assert tdb.current_revision(engine) == tdb.HEAD_REVISION
    assert snapshot(engine) == before
    assert "ix_event_actor_actor_id_event_id" in event_actor_indexes(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT country FROM timeline")).scalar_one() == "RU"

    for target in reversed(revisions()[:-1]):  # every step down, to the first schema
        tdb.downgrade(engine, target)
        assert tdb.current_revision(engine) == target
        assert snapshot(engine) == before, target
    assert "ix_event_actor_actor_id_event_id" not in event_actor_indexes(engine)
    assert "ix_event_actor_actor_id" in event_actor_indexes(engine)

    tdb.upgrade(engine, "head")
    assert snapshot(engine) == before
    engine.dispose()


def test_opening_a_first_schema_database_upgrades_it(db_url):
    engine = tdb.make_engine(db_url)
    tdb.upgrade(engine, FIRST)
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    engine.dispose()
    tdb.open_engine.cache_clear()
    from sqlmodel import Session

    from timeline.query import EventQuery, find_events

    with Session(tdb.open_engine(db_url)) as session:
        events = find_events(session, EventQuery(actors=["Putin"], text="cosmodrome"))
    assert [(e["date"], [a["name"] for a in e["actors"]], e["location"]) for e in events] == [
        ("2023-09-13", ["Vladimir Putin", "Kim Jong Un"], {"name": "Vostochny", "country": "RU"})
    ]
