"""Alembic owns the schema: models and migrations agree, HEAD_REVISION is
Alembic's head, every migration downgrades and upgrades on a populated
database without losing what the schema keeps, and an old database is
upgraded in place."""

from __future__ import annotations

from conftest import document, event_record
from sqlalchemy import inspect, text
from sqlmodel import Session, SQLModel

from timeline import db as tdb
from timeline.events.types import Extraction
from timeline.store import store_article

KEPT_TABLES = ("article", "actor", "actor_alias", "event", "event_actor", "mention", "ingest_error")


def revisions() -> list[str]:
    """Every revision, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(tdb.alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def populate(url: str) -> None:
    with Session(tdb.open_engine(url)) as s:
        store_article(s, document("a", url="https://example.org/a"), Extraction([event_record(place="Sochi")]))
        store_article(
            s,
            document("b"),
            Extraction(
                [
                    event_record(date="2023-W37", actors=("Xi Jinping", "Lula")),
                    event_record(type_="AGREE", modality="hypothetical"),
                ]
            ),
        )


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in KEPT_TABLES}


def test_head_revision_is_alembics_head():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(tdb.alembic_config()).get_current_head() == tdb.HEAD_REVISION
    assert revisions()[-1] == tdb.HEAD_REVISION


def test_models_and_migrations_agree(db_url):
    """Autogenerate finds nothing to do on a database built by the migrations."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from timeline.schema import is_derived_object

    def include_object(obj, name, type_, reflected, compare_to):
        # As alembic/env.py: the FTS tables and the view are made by hand.
        return not (type_ in ("table", "index") and is_derived_object(name))

    engine = tdb.open_engine(db_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        assert compare_metadata(ctx, SQLModel.metadata) == []


def test_each_step_downgrades_and_upgrades_on_a_populated_database(db_url):
    populate(db_url)
    engine = tdb.open_engine(db_url)
    before = counts(engine)
    assert before["event"] == 2 and before["mention"] == 3
    for revision in reversed(revisions()[1:]):
        tdb.downgrade(engine, "-1")
        tdb.upgrade(engine, "head")
        assert tdb.current_revision(engine) == tdb.HEAD_REVISION
        assert counts(engine) == before, revision
    with engine.connect() as conn:
        # The event reports were rebuilt from events after a 0003 round trip.
        assert conn.execute(text("SELECT count(*) FROM event_report")).scalar_one() == 2
        if engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            # The full-text index and the view survive the round trips.
            assert (
                conn.execute(text("SELECT count(*) FROM mention_fts WHERE mention_fts MATCH 'met'")).scalar_one() == 3
            )
        assert conn.execute(text("SELECT count(*) FROM timeline")).scalar_one() == 2


def test_downgrade_to_base_and_upgrade_rebuilds_an_empty_schema(db_url):
    populate(db_url)
    engine = tdb.open_engine(db_url)
    before = counts(engine)
    tdb.downgrade(engine, "base")
    assert tdb.current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    tdb.upgrade(engine, "head")
    assert counts(engine)["article"] == 0
    populate(db_url)  # re-ingesting into the rebuilt schema gives the same rows
    assert counts(engine) == before


def test_a_database_at_the_first_revision_is_upgraded_in_place(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = tdb.make_engine(url)
    tdb.upgrade(engine, revisions()[0])
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO article (sha256, text, ingested_at, status, language, n_events) "
                "VALUES ('abc', 'old text', '2023-09-15T00:00:00', 'ok', 'en', 0)"
            )
        )
    inode = (tmp_path / "old.db").stat().st_ino
    engine.dispose()
    tdb.open_engine.cache_clear()
    upgraded = tdb.open_engine(url)
    assert tdb.current_revision(upgraded) == tdb.HEAD_REVISION
    assert (tmp_path / "old.db").stat().st_ino == inode
    with upgraded.connect() as conn:
        assert conn.execute(text("SELECT text FROM article")).scalars().all() == ["old text"]


def test_cli_db_commands(runner, tmp_path):
    from timeline.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert runner.invoke(cli, ["--db", url, "db", "current"]).exit_code == 2  # no such file: `upgrade` makes it
    assert runner.invoke(cli, ["--db", url, "db", "upgrade"]).stdout == f"{tdb.HEAD_REVISION}\n"
    assert runner.invoke(cli, ["--db", url, "db", "current"]).stdout == f"{tdb.HEAD_REVISION} (head)\ndatabase: {url}\n"
    previous = revisions()[-2]
    down = runner.invoke(cli, ["--db", url, "db", "downgrade", previous])
    assert (down.exit_code, down.stdout) == (0, f"{previous}\n")
    assert runner.invoke(cli, ["--db", url, "db", "current"]).stdout == f"{previous}\ndatabase: {url}\n"
    bad = runner.invoke(cli, ["--db", url, "db", "downgrade", "nonsense"])
    assert bad.exit_code == 1 and bad.stderr.startswith("timeline: downgrade failed: ")
    assert len(bad.stderr.splitlines()) == 1


def _tables(url: str) -> list[str]:
    return [t for t in inspect(tdb.make_engine(url)).get_table_names() if t != "alembic_version"]


def test_cli_downgrade_to_base_needs_yes(runner, tmp_path):
    from timeline.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner.invoke(cli, ["--db", url, "db", "upgrade"])
    tables = _tables(url)
    assert "event" in tables
    refused = runner.invoke(cli, ["--db", url, "db", "downgrade", "base"], input="")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == "timeline: downgrade to base drops every table; pass --yes to confirm\n"
    assert _tables(url) == tables
    assert tdb.current_revision(tdb.make_engine(url)) == tdb.HEAD_REVISION
    done = runner.invoke(cli, ["--db", url, "db", "downgrade", "base", "--yes"])
    assert (done.exit_code, done.stdout) == (0, "base\n")
    assert _tables(url) == []


def test_cli_relative_downgrade_accepts_a_negative_step(runner, tmp_path):
    """`db downgrade -1` (README's example) is a revision, not an unknown option."""
    from timeline.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner.invoke(cli, ["--db", url, "db", "upgrade"])
    down = runner.invoke(cli, ["--db", url, "db", "downgrade", "-1"])
    assert (down.exit_code, down.stdout) == (0, f"{revisions()[-2]}\n")


def test_cli_relative_downgrade_that_reaches_base_needs_yes(runner, tmp_path):
    """`-N` that lands on base drops every table, just as `base` does: same question, same --yes."""
    from timeline.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    steps = len(revisions())
    runner.invoke(cli, ["--db", url, "db", "upgrade"])
    populate(url)
    tables = _tables(url)
    for args in ([f"-{steps}"], ["--", f"-{steps}"], [f"{tdb.HEAD_REVISION}-{steps}"]):
        refused = runner.invoke(cli, ["--db", url, "db", "downgrade", *args], input="")
        assert (refused.exit_code, refused.stdout) == (2, ""), args
        assert refused.stderr == (
            f"timeline: downgrade {args[-1]} reaches base and drops every table; pass --yes to confirm\n"
        )
        assert _tables(url) == tables
        assert counts(tdb.make_engine(url))["event"] == 2
    assert tdb.current_revision(tdb.make_engine(url)) == tdb.HEAD_REVISION
    done = runner.invoke(cli, ["--db", url, "db", "downgrade", f"-{steps}", "--yes"])
    assert (done.exit_code, done.stdout) == (0, "base\n")
    assert _tables(url) == []


def test_cli_relative_downgrade_past_base_drops_nothing(runner, tmp_path):
    from timeline.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner.invoke(cli, ["--db", url, "db", "upgrade"])
    tables = _tables(url)
    past = f"-{len(revisions()) + 1}"
    for extra in ([], ["--yes"]):
        result = runner.invoke(cli, ["--db", url, "db", "downgrade", past, *extra], input="")
        assert result.exit_code in (1, 2) and result.stdout == "", extra
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("timeline: ")
        assert _tables(url) == tables


def test_cli_downgrade_that_keeps_the_first_revision_does_not_ask(runner, tmp_path):
    from timeline.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner.invoke(cli, ["--db", url, "db", "upgrade"])
    down = runner.invoke(cli, ["--db", url, "db", "downgrade", f"-{len(revisions()) - 1}"], input="")
    assert (down.exit_code, down.stdout) == (0, f"{revisions()[0]}\n")
