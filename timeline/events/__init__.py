"""Diplomatic events: the trigger lexicon, extraction from parsed text,
modality, dating and within-article merging."""

from timeline.events.types import EventRecord, Extraction, MentionRecord, Participant


def extract_document(doc, **kwargs):
    """The events of one `Document` (see `timeline.events.extract`)."""
    from timeline.events.extract import extract_document as _extract

    return _extract(doc, **kwargs)


def extract_documents(docs, **kwargs):
    """The events of many `Document`s, parsed as one stream (faster)."""
    from timeline.events.extract import extract_documents as _extract_many

    return _extract_many(docs, **kwargs)


__all__ = ["EventRecord", "Extraction", "MentionRecord", "Participant", "extract_document", "extract_documents"]
