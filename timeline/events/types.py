"""Plain records that event extraction returns and `store.py` writes: one
`EventRecord` per real-world occurrence in an article, with the `Participant`s
and the `MentionRecord`s (sentences) that report it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Participant:
    """An actor taking part in an event, as resolved at the event's date."""

    name: str  # canonical name ("Vladimir Putin", "Russia")
    kind: str  # person | country | organisation | legislature | group
    role: str  # source | target | participant | host
    country: str | None = None
    qid: str | None = None
    surface: str = ""  # how the sentence named it ("his Russian counterpart")
    aliases: tuple[str, ...] = ()  # other names to store for look-ups
    known: bool = False  # found in the gazetteer (an office holder, state or body)


@dataclass
class MentionRecord:
    """One sentence that reports an event, with offsets into the article text."""

    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    type: str
    mode: str | None
    modality: str  # asserted | planned | negated | hypothetical
    confidence: float
    date: str | None = None  # the TimeML value this mention gives
    date_expression: str | None = None
    date_rule: str | None = None
    date_anchor: str | None = None  # "publication", "event: <summary>", None
    arguments: dict = field(default_factory=dict)  # role -> surface texts


@dataclass
class EventRecord:
    """One event found in one article (mentions of it already merged)."""

    type: str  # PLOVER category, or STATEMENT
    mode: str | None
    cameo: str | None
    date: str | None  # TimeML value: 2023-09-15, 2023-W37, 2023-09, 2023; None if undated
    date_start: str | None
    date_end: str | None
    granularity: str  # day | week | weekend | month | quarter | season | year | decade | none
    modality: str  # asserted | planned (timeline events); negated | hypothetical (kept as mentions only)
    confidence: float
    summary: str
    place: str | None = None
    place_country: str | None = None
    participants: list[Participant] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    # Undated and told only in the perfect ("Japan has rejected the offer"):
    # a result the story takes as given, kept as mentions, not a dated event.
    background: bool = False

    @property
    def in_timeline(self) -> bool:
        return self.modality in ("asserted", "planned") and not self.background


@dataclass
class Extraction:
    """Everything extraction found in one article."""

    events: list[EventRecord] = field(default_factory=list)
    # Unresolved relative dates because the article has no publication date.
    needs_publication_date: bool = False
