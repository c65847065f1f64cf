"""Errors the command line reports as one line (no traceback)."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The database cannot be opened or migrated; the message says why."""
