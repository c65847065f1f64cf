"""Readers: files, folders, globs, stdin, JSON Lines, HTML, URLs and RSS/Atom feeds
→ `Document`s (or `SourceFailure`s) with text, title, URL and publication date."""

from .document import Document, SourceFailure, content_hash, normalise_text
from .inputs import read_sources
from .options import SourceOptions, UsageError

__all__ = [
    "Document",
    "SourceFailure",
    "SourceOptions",
    "UsageError",
    "content_hash",
    "normalise_text",
    "read_sources",
]
