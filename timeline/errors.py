"""Errors the command line reports as one line (no traceback)."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The database cannot be opened or migrated; the message says why."""


class NoTimelineDatabase(DatabaseError):
    """A read was pointed at a file that is missing or holds no timeline
    schema: reads never create or migrate such a file."""


class ClusterError(RuntimeError):
    """`ingest --cluster` cannot use the cluster (Dask not installed, scheduler
    unreachable, no worker joined); the message says which."""
