"""Diplomatic events: the trigger lexicon, extraction from parsed text,
modality, dating and within-article merging."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from timeline.events.types import EventRecord, Extraction, MentionRecord, Participant

if TYPE_CHECKING:
    from timeline.sources.document import Document


def extract_document(doc: Document, **kwargs: Any) -> Extraction:
    """The events of one `Document` (see `timeline.events.extract`)."""
    from timeline.events.extract import extract_document as _extract

    return _extract(doc, **kwargs)


def extract_documents(docs: Iterable[Document], **kwargs: Any) -> Iterable[Extraction]:
    """The events of many `Document`s, parsed as one stream (faster)."""
    from timeline.events.extract import extract_documents as _extract_many

    return _extract_many(docs, **kwargs)


__all__ = ["EventRecord", "Extraction", "MentionRecord", "Participant", "extract_document", "extract_documents"]
