"""Write extractions to the database, by table family: articles (one per
transaction, re-ingest, failures), actors and their aliases, events (reports
attached and merged across articles by `timeline.merging`'s rule), and a
user's corrections (merge, split, redate), replayed on every re-ingest.
"""

from timeline.merging import CONSULT_FAMILY, DIRECTED_FAMILIES, sentence_words, type_family
from timeline.store.articles import (
    PG_MERGE_LOCK,
    StoreError,
    StoreResult,
    article_document,
    begin_write,
    find_article,
    kept_document,
    record_failure,
    reingest,
    reingest_document,
    store_article,
)
from timeline.store.corrections import MergePlan, Split, merge_events, redate_article, split_event, split_mention
from timeline.store.events import compatible

__all__ = [
    "CONSULT_FAMILY",
    "DIRECTED_FAMILIES",
    "PG_MERGE_LOCK",
    "MergePlan",
    "StoreError",
    "Split",
    "StoreResult",
    "article_document",
    "begin_write",
    "compatible",
    "find_article",
    "kept_document",
    "merge_events",
    "record_failure",
    "redate_article",
    "reingest",
    "reingest_document",
    "sentence_words",
    "split_event",
    "split_mention",
    "store_article",
    "type_family",
]
