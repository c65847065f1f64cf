"""SQLModel tables: articles, actors and their aliases, events, who took part,
and the mentions that prove each event.

Dates are ISO-8601 text so any SQLite browser shows them as written: `event.date`
holds a TimeML value (`2023-09-15`, `2023-W37`, `2023-09`, `2023`) and
`date_start`/`date_end` the full days it covers. The schema changes only through
Alembic migrations (`alembic/`); a test fails when the two disagree.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class Article(SQLModel, table=True):
    """One ingested article: its text, metadata and how its date was found."""

    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    url: str | None = Field(default=None, sa_column=Column(Text, index=True))
    title: str | None = Field(default=None, sa_column=Column(Text))
    publisher: str | None = Field(default=None, sa_column=Column(Text, index=True))
    # ISO-8601 day; NULL when no publication date is known (status "undated").
    published: str | None = Field(default=None, sa_column=Column(Text, index=True))
    # Where `published` came from: option, metadata, html, dateline.
    published_source: str | None = Field(default=None, sa_column=Column(Text))
    # ok | undated
    status: str = Field(default="ok", sa_column=Column(Text, nullable=False, index=True))
    origin: str | None = Field(default=None, sa_column=Column(Text))
    language: str = Field(default="en", sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: str = Field(sa_column=Column(Text, nullable=False))
    n_events: int = Field(default=0, sa_column=Column(Integer, nullable=False))


class Actor(SQLModel, table=True):
    """A canonical person, country, organisation or legislature."""

    __tablename__ = "actor"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    # person | country | organisation | legislature | group
    kind: str = Field(default="person", sa_column=Column(Text, nullable=False, index=True))
    country: str | None = Field(default=None, sa_column=Column(Text, index=True))
    qid: str | None = Field(default=None, sa_column=Column(Text))


class ActorAlias(SQLModel, table=True):
    """A name, short name or title under which an actor appears in text."""

    __tablename__ = "actor_alias"
    __table_args__ = (UniqueConstraint("actor_id", "alias_norm", name="uq_actor_alias"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(sa_column=_fk("actor.id"))
    alias: str = Field(sa_column=Column(Text, nullable=False))
    # Lower-cased, whitespace-folded form that queries match against.
    alias_norm: str = Field(sa_column=Column(Text, nullable=False, index=True))


class Event(SQLModel, table=True):
    """One real-world diplomatic event, however many articles report it."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_date_start_date_end", "date_start", "date_end"),)

    id: int | None = Field(default=None, primary_key=True)
    # PLOVER category (CONSULT, AGREE, ACCUSE, ...) plus STATEMENT.
    type: str = Field(sa_column=Column(Text, nullable=False, index=True))
    mode: str | None = Field(default=None, sa_column=Column(Text, index=True))
    cameo: str | None = Field(default=None, sa_column=Column(Text, index=True))
    date: str | None = Field(default=None, sa_column=Column(Text, index=True))
    date_start: str | None = Field(default=None, sa_column=Column(Text))
    date_end: str | None = Field(default=None, sa_column=Column(Text))
    # day | week | weekend | month | quarter | season | year | decade | none
    granularity: str = Field(default="none", sa_column=Column(Text, nullable=False))
    # When sources disagree on the date: the other values, "; "-joined.
    date_conflict: str | None = Field(default=None, sa_column=Column(Text))
    place: str | None = Field(default=None, sa_column=Column(Text, index=True))
    place_country: str | None = Field(default=None, sa_column=Column(Text, index=True))
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    # asserted | planned
    modality: str = Field(default="asserted", sa_column=Column(Text, nullable=False, index=True))
    confidence: float = Field(default=0.5)
    n_sources: int = Field(default=1, sa_column=Column(Integer, nullable=False))


class EventActor(SQLModel, table=True):
    """Who took part in an event, and how: source, target, participant or host."""

    __tablename__ = "event_actor"
    __table_args__ = (
        UniqueConstraint("event_id", "actor_id", "role", name="uq_event_actor"),
        # `query --actor`: the actor's event ids straight from the index, no
        # row look-ups (migration 0004; it replaces the actor_id-only index).
        Index("ix_event_actor_actor_id_event_id", "actor_id", "event_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_fk("event.id"))
    actor_id: int = Field(sa_column=Column(Integer, ForeignKey("actor.id", ondelete="CASCADE"), nullable=False))
    role: str = Field(sa_column=Column(Text, nullable=False))


class Mention(SQLModel, table=True):
    """One sentence of one article that reports an event, with the evidence.

    Mentions that are not timeline events (negated, hypothetical) are kept with
    `event_id` NULL so nothing the text said is lost.
    """

    __tablename__ = "mention"

    id: int | None = Field(default=None, primary_key=True)
    event_id: int | None = Field(default=None, sa_column=_fk("event.id", nullable=True))
    article_id: int = Field(sa_column=_fk("article.id"))
    sentence: str = Field(sa_column=Column(Text, nullable=False))
    sentence_start: int = Field(sa_column=Column(Integer, nullable=False))
    sentence_end: int = Field(sa_column=Column(Integer, nullable=False))
    trigger: str = Field(sa_column=Column(Text, nullable=False))
    trigger_start: int = Field(sa_column=Column(Integer, nullable=False))
    trigger_end: int = Field(sa_column=Column(Integer, nullable=False))
    type: str = Field(sa_column=Column(Text, nullable=False))
    mode: str | None = Field(default=None, sa_column=Column(Text))
    # The TimeML value this mention gave the event, and how it was found.
    date: str | None = Field(default=None, sa_column=Column(Text))
    date_expression: str | None = Field(default=None, sa_column=Column(Text))
    date_rule: str | None = Field(default=None, sa_column=Column(Text))
    date_anchor: str | None = Field(default=None, sa_column=Column(Text))
    # asserted | planned | negated | hypothetical
    modality: str = Field(default="asserted", sa_column=Column(Text, nullable=False, index=True))
    confidence: float = Field(default=0.5)
    # The actors as the sentence named them ("his Russian counterpart"), JSON.
    arguments: str | None = Field(default=None, sa_column=Column(Text))


class IngestError(SQLModel, table=True):
    """An input that could not be ingested, and why (`timeline articles --failed`)."""

    __tablename__ = "ingest_error"

    id: int | None = Field(default=None, primary_key=True)
    origin: str = Field(sa_column=Column(Text, nullable=False, index=True))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    occurred_at: str = Field(sa_column=Column(Text, nullable=False))


class EventReport(SQLModel, table=True):
    """What one article said about one event: the unit cross-article merging
    compares, so an event can be re-derived (or split) from its reports."""

    __tablename__ = "event_report"
    __table_args__ = (Index("ix_event_report_family_dates", "family", "date_start", "date_end"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_fk("event.id"))
    article_id: int = Field(sa_column=_fk("article.id"))
    # Stable across re-ingest (article hash + first trigger offset + type), so
    # manual merge corrections still apply after `ingest --force`.
    report_key: str = Field(sa_column=Column(Text, nullable=False, index=True))
    type: str = Field(sa_column=Column(Text, nullable=False))
    family: str = Field(sa_column=Column(Text, nullable=False))
    mode: str | None = Field(default=None, sa_column=Column(Text))
    cameo: str | None = Field(default=None, sa_column=Column(Text))
    date: str | None = Field(default=None, sa_column=Column(Text))
    date_start: str | None = Field(default=None, sa_column=Column(Text))
    date_end: str | None = Field(default=None, sa_column=Column(Text))
    granularity: str = Field(default="none", sa_column=Column(Text, nullable=False))
    place: str | None = Field(default=None, sa_column=Column(Text))
    place_country: str | None = Field(default=None, sa_column=Column(Text))
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    modality: str = Field(default="asserted", sa_column=Column(Text, nullable=False))
    confidence: float = Field(default=0.5)
    # The participants as JSON: [[name, role, kind], ...].
    actors: str = Field(default="[]", sa_column=Column(Text, nullable=False))


class MergeCorrection(SQLModel, table=True):
    """A user's correction of merging (`timeline merge` / `timeline split`),
    kept by report key so it survives re-ingest: `merge` joins two reports,
    `split` keeps them apart."""

    __tablename__ = "merge_correction"
    __table_args__ = (UniqueConstraint("kind", "key_a", "key_b", name="uq_merge_correction"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_column=Column(Text, nullable=False))  # merge | split
    key_a: str = Field(sa_column=Column(Text, nullable=False, index=True))
    key_b: str = Field(sa_column=Column(Text, nullable=False, index=True))
    created_at: str = Field(sa_column=Column(Text, nullable=False))
