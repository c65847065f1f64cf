"""The schema's newest revision, and the objects migrations create by hand: the
`timeline` view for SQLite browsers and the full-text index over mention
sentences (FTS5 on SQLite, tsvector + GIN on PostgreSQL). Migrations that touch
tables the view reads drop and recreate it. The migrations themselves are in the
checkout's `alembic/` (installed as `timeline/migrations/`).
"""

from __future__ import annotations

# The newest migration; test_db_migrations checks it matches Alembic's head.
# Kept in a module without imports so opening an up-to-date database loads
# neither Alembic nor, on the read path, SQLAlchemy.
HEAD_REVISION = "0004_query_indexes"

FTS_TABLE = "mention_fts"
FTS_INDEX = "ix_mention_sentence_fts"  # PostgreSQL's GIN index over to_tsvector(sentence)


def is_derived_object(name: str) -> bool:
    return name in ("timeline", FTS_TABLE, FTS_INDEX) or name.startswith(FTS_TABLE + "_")


def _timeline_view_sql(dialect: str, version: int = 1) -> str:
    if dialect == "postgresql":
        actors = "string_agg(a.name, '; ' ORDER BY ea.id)"
    else:
        actors = "group_concat(a.name, '; ')"
    # Version 2 (migration 0004) adds the place's country, for browsers' facets.
    country = "\n    e.place_country AS country," if version >= 2 else ""
    return f"""
CREATE VIEW timeline AS
SELECT
    e.id AS event_id,
    e.date AS date,
    e.granularity AS granularity,
    e.type AS type,
    e.mode AS mode,
    (SELECT {actors} FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
      WHERE ea.event_id = e.id) AS actors,
    e.place AS place,{country}
    e.summary AS summary,
    e.n_sources AS sources,
    (SELECT ar.url FROM mention m JOIN article ar ON ar.id = m.article_id
      WHERE m.event_id = e.id ORDER BY m.id LIMIT 1) AS first_url,
    e.modality AS modality
FROM event e
"""


def create_timeline_view(op, version: int = 1) -> None:
    """The view as migration `version` of it defines it (old migrations keep
    creating the view they created, so downgrades restore it exactly)."""
    op.execute(_timeline_view_sql(op.get_bind().dialect.name, version))


def drop_timeline_view(op) -> None:
    op.execute("DROP VIEW IF EXISTS timeline")


def create_fulltext(op) -> None:
    """Full-text search over mention sentences, kept in sync by triggers."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
            "sentence, content='mention', content_rowid='id', tokenize='porter unicode61')"
        )
        op.execute(
            f"CREATE TRIGGER mention_fts_ai AFTER INSERT ON mention BEGIN "
            f"INSERT INTO {FTS_TABLE}(rowid, sentence) VALUES (new.id, new.sentence); END"
        )
        op.execute(
            f"CREATE TRIGGER mention_fts_ad AFTER DELETE ON mention BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, sentence) VALUES('delete', old.id, old.sentence); END"
        )
        op.execute(
            f"CREATE TRIGGER mention_fts_au AFTER UPDATE OF sentence ON mention BEGIN "
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, sentence) VALUES('delete', old.id, old.sentence); "
            f"INSERT INTO {FTS_TABLE}(rowid, sentence) VALUES (new.id, new.sentence); END"
        )
        op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')")
    elif dialect == "postgresql":
        op.execute(f"CREATE INDEX {FTS_INDEX} ON mention USING GIN (to_tsvector('english', sentence))")


def drop_fulltext(op) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("mention_fts_ai", "mention_fts_ad", "mention_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif dialect == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {FTS_INDEX}")
