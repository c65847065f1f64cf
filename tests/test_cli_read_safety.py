"""Read commands never create a database, nor touch another program's file."""

import sqlite3

import pytest
from click.testing import CliRunner

from timeline.cli import cli


@pytest.mark.parametrize("command", [["query"], ["export"], ["show", "1"], ["actors"], ["articles"]])
def test_a_read_on_a_missing_database_names_it_and_creates_nothing(tmp_path, command):
    path = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, ["--db", str(path), *command])
    assert result.exit_code == 2, result.output
    assert f"no timeline database at {path}" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not path.exists()


def test_a_read_on_another_programs_sqlite_file_leaves_it_as_it_was(tmp_path):
    path = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["--db", str(path), "query"])
    assert result.exit_code == 2, result.output
    assert f"{path} is not a timeline database" in result.output
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.close()
    assert tables == ["note"]
    assert mode == "delete"


def test_a_write_still_creates_the_database(tmp_path):
    path = tmp_path / "new.db"
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened here today.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(article), "--published", "2024-03-05"])
    assert result.exit_code == 0, result.output
    assert path.exists()
    assert CliRunner().invoke(cli, ["--db", str(path), "query"]).exit_code == 0
