"""`Document`: one article as every reader returns it, and `SourceFailure` for
an input that could not be read."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Document:
    """One news article: its text and what is known about where it came from."""

    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    publisher: str | None = None
    language: str = "en"
    # Where the article was read from (file path, "path:line", URL, "-"); for messages.
    origin: str = ""
    # How `published` was found: "option", "sidecar", "metadata", "html", "dateline",
    # "html-text" (htmldate's search of a page's text, the last resort) or None.
    published_source: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        """SHA-256 of the normalised text: the article's identity for re-ingest."""
        return content_hash(self.text)


@dataclass
class SourceFailure:
    """An input that yielded no document, with a one-line reason."""

    origin: str
    reason: str


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no trailing spaces: the form hashed and stored."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
