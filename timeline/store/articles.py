"""Article rows: one article per transaction with its actors and events,
re-ingest of a stored text, and inputs that could not be ingested.

Every write runs in one transaction: a failure rolls back and leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from timeline.events.types import Extraction
from timeline.models import Article
from timeline.sources.document import Document, normalise_text
from timeline.store.actors import settle_actor_cache, store_actors
from timeline.store.events import remove_article_events, write_events

_ARTICLE = SQLModel.metadata.tables["article"]
_INGEST_ERROR = SQLModel.metadata.tables["ingest_error"]

# Key of the PostgreSQL advisory lock writers hold while storing and merging
# (any constant unlikely to clash with other applications' locks: "TIML").
PG_MERGE_LOCK = 0x54494D4C


class StoreError(RuntimeError):
    """A domain error while storing or correcting (unknown id, bad request)."""


@dataclass
class StoreResult:
    """What `store_article` did with one article."""

    status: str  # stored | updated (same text, new metadata) | skipped
    article_id: int | None
    events: int = 0  # timeline events (reports) written for this article
    event_ids: list[int] = field(default_factory=list)


def now() -> str:
    """The current time as stored (UTC, ISO-8601, to the second)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def find_article(session: Session, sha256: str) -> int | None:
    """The id of the article with this text hash, if stored."""
    found = session.connection().execute(select(_ARTICLE.c.id).where(_ARTICLE.c.sha256 == sha256)).scalars().first()
    return None if found is None else int(found)


def begin_write(session: Session) -> None:
    """Start the write transaction now. On SQLite, BEGIN IMMEDIATE takes the
    write lock up front so two ingesting processes queue on the busy timeout
    instead of failing to upgrade a read lock (SQLITE_BUSY without waiting).
    On PostgreSQL, a transaction-scoped advisory lock does the same: merging
    reads other articles' reports, so two writers must not merge at once or
    both would open a new event for one real event. Extraction, the slow
    part, still runs in parallel; only the short store step queues."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        driver = conn.connection.driver_connection
        if driver is not None and not driver.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        # Released at commit/rollback; taking it twice in one transaction is harmless.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MERGE_LOCK})")


def store_article(session: Session, doc: Document, extraction: Extraction, *, force: bool = False) -> StoreResult:
    """Write one article with its events in one transaction and commit it.

    Same text already stored: identical metadata changes nothing ("skipped");
    new metadata is applied as `kept_document` keeps it ("updated"), and a
    new publication date replaces the article's mentions and reports with
    `extraction`, which must be made from that date. `force` replaces them
    whatever changed ("stored"). Any failure rolls back, leaving the database
    as it was.
    """
    try:
        begin_write(session)
        existing = find_article(session, doc.sha256)
        if existing is None:
            result = _store_new(session, doc, extraction)
        else:
            result = _store_again(session, existing, doc, extraction, force)
        if result.status == "skipped":
            session.rollback()
            return result
        _forget_failures(session, doc)
        session.commit()
        settle_actor_cache(session, committed=True)
        return result
    except IntegrityError:
        # Another process stored the same text between our check and insert.
        session.rollback()
        settle_actor_cache(session, committed=False)
        existing = find_article(session, doc.sha256)
        if existing is None:
            raise
        return StoreResult("skipped", existing)
    except BaseException:
        session.rollback()
        settle_actor_cache(session, committed=False)
        raise


def _store_new(session: Session, doc: Document, extraction: Extraction) -> StoreResult:
    article = Article(sha256=doc.sha256, text=normalise_text(doc.text), ingested_at=now())
    _fill_article(article, doc)
    session.add(article)
    session.flush()
    return _store_content(session, article, extraction, "stored")


def _store_again(session: Session, article_id: int, doc: Document, extraction: Extraction, force: bool) -> StoreResult:
    """A text already stored: apply what is new about it (see `store_article`)."""
    article = session.get(Article, article_id)
    assert article is not None
    kept = kept_document(article, doc)
    changed = _metadata_changes(article, kept)
    if not force and not changed:
        return StoreResult("skipped", article_id)
    if not force and "published" not in changed:
        # Title, URL, publisher or where the date came from: the events do not depend on them.
        _fill_article(article, kept)
        return StoreResult("updated", article_id)
    if kept.published != doc.published:
        raise StoreError(
            f"article {article_id} is dated {article.published} ({article.published_source}) and the input is not; "
            "extract the document reingest_document() returns"
        )
    remove_article_events(session, article_id)
    _fill_article(article, kept)
    session.flush()
    return _store_content(session, article, extraction, "stored" if force else "updated")


def _store_content(session: Session, article: Article, extraction: Extraction, status: str) -> StoreResult:
    store_actors(session, extraction)
    n, event_ids = write_events(session, article, extraction)
    article.n_events = n
    return StoreResult(status, article.id, n, event_ids)


# Dates a reader found in the document itself (HTML meta tags, a dateline, the
# page's text), as against dates given for it (an option, a sidecar, a redate,
# the record's metadata).
_FOUND_DATES = frozenset({"html", "dateline", "html-text"})
_METADATA = ("title", "url", "publisher")


def reingest_document(session: Session, doc: Document) -> Document:
    """`doc` as a re-ingest would store it (`kept_document`), or `doc` itself
    when its text is new: what to extract when the text may be stored."""
    article = _stored_article(session, doc)
    kept = doc if article is None else kept_document(article, doc)
    session.rollback()  # do not hold a read snapshot between articles
    return kept


def reingest(session: Session, doc: Document, *, force: bool = False) -> StoreResult | Document:
    """Settle `doc` without extracting it where extraction would change nothing:
    its text is stored and its metadata is the same ("skipped") or new only in
    title, URL, publisher or the source of its date ("updated", written now).
    Otherwise the Document to extract and pass to `store_article`: `doc` as a
    re-ingest keeps it (`kept_document`)."""
    article = _stored_article(session, doc)
    if article is None or force:
        kept = doc if article is None else kept_document(article, doc)
        session.rollback()
        return kept
    article_id, kept = article.id, kept_document(article, doc)
    changed = _metadata_changes(article, kept)
    session.rollback()
    if "published" in changed:
        return kept
    if not changed:
        return StoreResult("skipped", article_id)
    return _update_metadata(session, doc)


def _update_metadata(session: Session, doc: Document) -> StoreResult | Document:
    """Write a stored article's new title, URL or publisher in one transaction;
    the Document to extract instead if its date changed meanwhile."""
    try:
        begin_write(session)
        article = _stored_article(session, doc)
        if article is None:  # deleted meanwhile: a new text
            session.rollback()
            return doc
        article_id, kept = article.id, kept_document(article, doc)
        changed = _metadata_changes(article, kept)
        if not changed or "published" in changed:
            session.rollback()
            return kept if changed else StoreResult("skipped", article_id)
        _fill_article(article, kept)
        _forget_failures(session, doc)
        session.commit()
        return StoreResult("updated", article_id)
    except BaseException:
        session.rollback()
        raise


def _forget_failures(session: Session, doc: Document) -> None:
    """The input was read after all: its earlier failures are history."""
    if doc.origin:
        session.connection().execute(delete(_INGEST_ERROR).where(_INGEST_ERROR.c.origin == doc.origin))


def _stored_article(session: Session, doc: Document) -> Article | None:
    existing = find_article(session, doc.sha256)
    return None if existing is None else session.get(Article, existing)


def kept_document(article: Article, doc: Document) -> Document:
    """What a re-ingest of a stored text keeps, field by field.

    A value the new input does not give stays (a redate survives a re-ingest
    without a date); a value the stored article lacks is filled from any copy
    of the text. A different value replaces the stored one only from the same
    input (same origin: the user corrected its options or metadata), or when a
    date is given for it over a date the reader only found; a found date never
    replaces a given one. A copy from elsewhere (two outlets carrying one wire
    story) changes nothing the first one stored.
    """
    same_input = (doc.origin or None) == article.origin
    fields: dict[str, str | None] = {}
    for name in _METADATA:
        new, old = getattr(doc, name), getattr(article, name)
        fields[name] = new if new and (old is None or same_input) else old
    published, source = doc.published, doc.published_source
    if article.published and not _replaces_date(article, doc, same_input):
        published, source = dt.date.fromisoformat(article.published), article.published_source
    return replace(
        doc,
        title=fields["title"],
        url=fields["url"],
        publisher=fields["publisher"],
        published=published,
        published_source=source,
        origin=article.origin or doc.origin,
    )


def _replaces_date(article: Article, doc: Document, same_input: bool) -> bool:
    """Does the new input's publication date replace the stored one?"""
    if doc.published is None:
        return False
    given, stored_given = doc.published_source not in _FOUND_DATES, article.published_source not in _FOUND_DATES
    if given and not stored_given:
        return True
    return same_input and (given or not stored_given)


def _metadata_changes(article: Article, doc: Document) -> set[str]:
    """The fields `doc` would change on the stored article."""
    changed = {name for name in _METADATA if getattr(doc, name) != getattr(article, name)}
    published = doc.published.isoformat() if doc.published else None
    if published != article.published:
        changed.add("published")
    elif published and doc.published_source != article.published_source:
        changed.add("published_source")
    return changed


def _fill_article(article: Article, doc: Document) -> None:
    article.url = doc.url
    article.title = doc.title
    article.publisher = doc.publisher
    article.published = doc.published.isoformat() if doc.published else None
    article.published_source = doc.published_source if doc.published else None
    article.status = "ok" if doc.published else "undated"
    article.origin = doc.origin or None
    article.language = doc.language or "en"


def record_failure(session: Session, origin: str, reason: str) -> None:
    """Remember an input that could not be ingested (`timeline articles --failed`).

    The same failure seen again (a re-run) updates its time instead of adding a row.
    """
    try:
        begin_write(session)
        same = (_INGEST_ERROR.c.origin == origin) & (_INGEST_ERROR.c.reason == reason)
        conn = session.connection()
        if conn.execute(update(_INGEST_ERROR).where(same).values(occurred_at=now())).rowcount == 0:
            conn.execute(insert(_INGEST_ERROR).values(origin=origin, reason=reason, occurred_at=now()))
        session.commit()
    except BaseException:
        session.rollback()
        raise


def article_document(article: Article, published: dt.date | None = None) -> Document:
    """Rebuild the Document an article was made from (for redating)."""
    stored = dt.date.fromisoformat(article.published) if article.published else None
    return Document(
        text=article.text,
        title=article.title,
        url=article.url,
        published=published if published is not None else stored,
        publisher=article.publisher,
        language=article.language,
        origin=article.origin or "",
        published_source="option" if published is not None else article.published_source,
    )
