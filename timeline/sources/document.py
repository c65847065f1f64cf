"""`Document`: one article as every reader returns it, and `SourceFailure` for
an input that could not be read.

A Document arrives clean: when it is made, its site furniture is found
(`furniture`, blanked in `body`) and its dateline's place read, so extraction
reads `body` and `dateline_place` and never the sources' own rules."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from timeline.sources.boilerplate import blank, furniture_spans
from timeline.sources.dateline import dateline_place


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
    # Read from `text` (and a "dateline" in `extra`) when the document is made.
    # The character spans of its site furniture lines (logins, share bars, ...).
    furniture: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)
    # The dateline's place as written ("ABU DHABI"), or None.
    dateline_place: str | None = field(init=False, compare=False)

    def __post_init__(self) -> None:
        self.furniture = furniture_spans(self.text)
        self.dateline_place = dateline_place(self.text, (self.extra or {}).get("dateline"))

    @property
    def body(self) -> str:
        """`text` with its furniture blanked to spaces: what extraction reads.
        Same length as `text`, so an offset into one is an offset into the other."""
        return blank(self.text, self.furniture) if self.furniture else self.text

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
