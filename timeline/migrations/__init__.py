"""Alembic migrations: the only way the schema changes."""

# The newest migration; test_db_migrations checks it matches Alembic's head.
# Kept here (no imports) so opening an up-to-date database loads neither
# Alembic nor, on the read path, SQLAlchemy.
HEAD_REVISION = "0004_query_indexes"
