"""Where the database is: `--db`, else $TIMELINE_DB, else the per-user data folder."""

from __future__ import annotations

import sys

import pytest

from timeline import config

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the per-user folder checked here is XDG's (Linux)")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A per-user data folder of the test's own ($XDG_DATA_HOME) and no $TIMELINE_DB."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    return tmp_path / "data"


def test_the_default_database_is_in_the_per_user_data_folder(home):
    assert config.default_db_path() == home / "timeline" / "timeline.db"
    assert config.db_url() == f"sqlite:///{home / 'timeline' / 'timeline.db'}"


def test_the_environment_wins_over_the_default_and_the_option_over_both(home, monkeypatch):
    monkeypatch.setenv("TIMELINE_DB", "postgresql+psycopg://host/news")
    assert config.db_url() == "postgresql+psycopg://host/news"
    assert config.db_url("news.db") == "sqlite:///news.db"  # a bare path is an SQLite file


def test_the_folder_is_made_only_for_the_default_database(home, tmp_path):
    config.make_room(f"sqlite:///{tmp_path / 'elsewhere' / 'news.db'}")
    assert not (tmp_path / "elsewhere").exists()  # a mistyped --db folder is not created
    config.make_room(config.db_url())
    assert (home / "timeline").is_dir()
    assert not config.default_db_path().exists()  # the folder, not the database
