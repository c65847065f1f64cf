"""Article rows: one article per transaction with its actors and events,
re-ingest of a stored text, and inputs that could not be ingested.

Every write runs in one transaction: a failure rolls back and leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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

    status: str  # stored | skipped
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

    Same text already stored: nothing changes ("skipped") unless `force`, which
    replaces the article's mentions and reports and re-derives touched events.
    Any failure rolls back, leaving the database as it was.
    """
    try:
        begin_write(session)
        sha = doc.sha256
        existing = find_article(session, sha)
        if existing is not None and not force:
            session.rollback()
            return StoreResult("skipped", existing)
        if existing is not None:
            article = session.get(Article, existing)
            assert article is not None
            remove_article_events(session, existing)
            _fill_article(article, doc)
        else:
            article = Article(sha256=sha, text=normalise_text(doc.text), ingested_at=now())
            _fill_article(article, doc)
            session.add(article)
        session.flush()
        store_actors(session, extraction)
        n, event_ids = write_events(session, article, extraction)
        article.n_events = n
        if doc.origin:
            # The input was read after all: its earlier failures are history.
            session.connection().execute(delete(_INGEST_ERROR).where(_INGEST_ERROR.c.origin == doc.origin))
        session.commit()
        settle_actor_cache(session, committed=True)
        return StoreResult("stored", article.id, n, event_ids)
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
