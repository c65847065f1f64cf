"""Alembic environment: runs migrations on the connection `timeline.db` hands in
(or on `sqlalchemy.url` when called from the alembic command line)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

from timeline import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from timeline.migrations.views import is_derived_object

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
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
