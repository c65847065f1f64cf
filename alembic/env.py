"""Alembic environment: runs migrations on the connection `timeline.db` hands in,
or, from the `alembic` command line (alembic.ini at the checkout's root), on the
database the `timeline` CLI would use: `-x db=URL`, else `sqlalchemy.url` if
alembic.ini sets one, else $TIMELINE_DB, else timeline.db in the per-user data
folder (timeline.config.default_db_path)."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlmodel import SQLModel

from timeline import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from timeline.config import db_url, make_room
from timeline.db import make_engine
from timeline.schema import is_derived_object

config = context.config
target_metadata = SQLModel.metadata


def include_object(obj, name, type_, reflected, compare_to):
    # The full-text index and its shadow tables are created by hand in migrations
    # (no SQLAlchemy model can describe them), so autogenerate must not see them.
    return not (type_ in ("table", "index") and is_derived_object(name))


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


connection = config.attributes.get("connection")
if connection is not None:
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()
else:
    if config.config_file_name is not None:
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    explicit = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    # The same engine as the CLI's: SQLite files get WAL, foreign keys and the busy timeout.
    url = db_url(explicit)
    make_room(url)  # an upgrade may create the default database, as `timeline db upgrade` does
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()
