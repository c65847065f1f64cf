"""A user's corrections: `merge` events that are one, `split` an article's
account (or one of its mentions) out of an event, `redate` an article.
Merges and splits are recorded in `merge_correction` by report key (a split
mention as `detach`, by mention key), so every re-ingest replays them
(`events.corrections_for`, `events.detached_mentions`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, delete, func, insert, or_, select
from sqlmodel import Session, SQLModel

from timeline.events.types import Extraction
from timeline.merging import mention_key, split_record
from timeline.models import Article, Event, Mention
from timeline.sources.document import Document
from timeline.store.articles import StoreError, StoreResult, article_document, begin_write, now, store_article
from timeline.store.events import (
    derive_events,
    move_event_content,
    replace_report,
    report_key,
    split_off,
    stored_record,
)

_CORRECTION = SQLModel.metadata.tables["merge_correction"]
_MENTION = SQLModel.metadata.tables["mention"]
_REPORT = SQLModel.metadata.tables["event_report"]


@dataclass
class MergePlan:
    """What `merge_events` would do (or did)."""

    target: int
    absorbed: list[int]
    n_sources: int
    mentions: int


def redate_article(
    session: Session, article_id: int, published: dt.date, extractor: Callable[[Document], Extraction]
) -> StoreResult:
    """Give an article a publication date and re-extract it, so its relative
    dates ("on Friday") resolve; events are re-merged like a new ingest."""
    article = session.get(Article, article_id)
    if article is None:
        raise StoreError(f"no article with id {article_id}")
    doc = article_document(article, published)
    extraction = extractor(doc)
    session.rollback()  # release the read transaction before the write one
    return store_article(session, doc, extraction, force=True)


def merge_events(session: Session, event_ids: list[int], *, dry_run: bool = False) -> MergePlan:
    """Join events a user says are one, recording the correction so that
    re-ingesting their articles joins them again."""
    ids = sorted(set(event_ids))
    if len(ids) < 2:
        raise StoreError("merge needs two different event ids")
    reports = {i: _event_reports(session, i) for i in ids}
    articles = {r.article_id for rs in reports.values() for r in rs}
    mentions = (
        session.connection()
        .execute(select(func.count()).select_from(_MENTION).where(_MENTION.c.event_id.in_(ids)))
        .scalar_one()
    )
    plan = MergePlan(ids[0], ids[1:], len(articles), mentions)
    if dry_run:
        return plan
    try:
        begin_write(session)
        anchor = reports[ids[0]][0].report_key if reports[ids[0]] else None
        for other in ids[1:]:
            if anchor and reports[other]:
                _add_correction(session, "merge", anchor, reports[other][0].report_key)
        move_event_content(session, ids[1:], ids[0])
        derive_events(session, [ids[0]])
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return plan


@dataclass
class Split:
    """What `split_mention` did."""

    new_event: int
    whole_article: bool  # the mention's article's account moved, not the mention alone


def split_event(session: Session, event_id: int, mention_id: int) -> int:
    """`split_mention`, returning the new event's id."""
    return split_mention(session, event_id, mention_id).new_event


def split_mention(session: Session, event_id: int, mention_id: int) -> Split:
    """Take `mention_id` out of `event_id` into a new event, and keep them apart
    on re-ingest. The mention's article's account (its report) moves out
    whole, unless the article tells the event in several mentions: then that
    mention alone leaves (undoing extraction's merge within the article)."""
    mention = session.get(Mention, mention_id)
    if mention is None or mention.event_id != event_id:
        raise StoreError(f"mention {mention_id} is not a mention of event {event_id}")
    reports = _event_reports(session, event_id)
    moving = [r for r in reports if r.article_id == mention.article_id]
    staying = [r for r in reports if r.article_id != mention.article_id]
    siblings = _article_mentions(session, event_id, mention.article_id)
    if len(moving) == 1 and len(siblings) > 1:
        return Split(_split_mention(session, mention, moving[0], siblings, staying), whole_article=False)
    if not moving or not staying:
        raise StoreError(f"event {event_id} has only one source; nothing to split")
    try:
        begin_write(session)
        for m in moving:
            for s in staying:
                _add_correction(session, "split", m.report_key, s.report_key)
        _forget_merges(session, [m.report_key for m in moving])
        new_id = split_off(session, event_id, moving)
        derive_events(session, [event_id, new_id])
        session.commit()
        return Split(new_id, whole_article=True)
    except BaseException:
        session.rollback()
        raise


def _split_mention(
    session: Session, mention: Mention, report: Row[Any], siblings: list[Row[Any]], others: list[Row[Any]]
) -> int:
    """Split one mention off its article's report into an event of its own."""
    article = session.get(Article, mention.article_id)
    assert article is not None
    parts = split_record(stored_record(report, siblings), {mention.trigger_start})
    detached = report_key(article.sha256, parts[1])
    try:
        begin_write(session)
        _add_correction(session, "detach", mention_key(article.sha256, mention.trigger_start), article.sha256)
        for other in others:
            _add_correction(session, "split", detached, other.report_key)
        _forget_merges(session, [detached])
        event_ids = replace_report(session, article, report, parts)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    new_id = event_ids[1]
    assert new_id is not None
    return new_id


def _article_mentions(session: Session, event_id: int, article_id: int) -> list[Row[Any]]:
    return list(
        session.connection()
        .execute(select(_MENTION).where(_MENTION.c.event_id == event_id, _MENTION.c.article_id == article_id))
        .all()
    )


def _forget_merges(session: Session, keys: list[str]) -> None:
    """Drop the merges a user made of reports that now leave their event."""
    session.connection().execute(
        delete(_CORRECTION).where(
            _CORRECTION.c.kind == "merge", or_(_CORRECTION.c.key_a.in_(keys), _CORRECTION.c.key_b.in_(keys))
        )
    )


def _event_reports(session: Session, event_id: int) -> list[Row[Any]]:
    if session.get(Event, event_id) is None:
        raise StoreError(f"no event with id {event_id}")
    return list(session.connection().execute(select(_REPORT).where(_REPORT.c.event_id == event_id)).all())


def _add_correction(session: Session, kind: str, a: str, b: str) -> None:
    """Record that reports `a` and `b` are one event (`merge`) or two (`split`),
    replacing the opposite correction of the same pair; or (`detach`) that
    mention `a` of the article with hash `b` is an event of its own."""
    if kind != "detach":
        a, b = sorted((a, b))
    conn = session.connection()
    pair = (_CORRECTION.c.key_a == a) & (_CORRECTION.c.key_b == b)
    if conn.execute(select(_CORRECTION.c.id).where(pair, _CORRECTION.c.kind == kind)).first() is None:
        opposite = {"merge": "split", "split": "merge"}.get(kind)
        if opposite:
            conn.execute(delete(_CORRECTION).where(pair, _CORRECTION.c.kind == opposite))
        conn.execute(insert(_CORRECTION).values(kind=kind, key_a=a, key_b=b, created_at=now()))
