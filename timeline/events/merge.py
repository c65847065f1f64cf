"""Within-article merging: the mentions of one occurrence become one event.

"The meeting", "the five-hour summit between Putin and Kim" and the standfirst's
"Kim Jong Un meeting" are one event with several mentions when their type,
participants, dates and places agree. The most precise date wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.events.headline import headline
from timeline.events.rules import RuleSet
from timeline.events.types import EventRecord, Participant
from timeline.vocabulary import TIMELINE_MODALITIES, finer

if TYPE_CHECKING:
    from timeline.events.dating import EventLink
    from timeline.events.extract import MentionDraft
    from timeline.events.headline import Clause
    from timeline.temporal import TimeExpression

# CONSULT modes that name the same kind of occurrence ("meeting", "talks", "summit").
MEETING_MODES = {"meet", "negotiate", "multilateral", "third-party", "phone", "mediate"}
# "In announcing the sanctions, Reagan said ...": one occasion, however worded.
STATEMENT_MODES = {"say", "announce"}
# A verb phrase for summaries that needs an object ("spoke by telephone with").
PREPOSITION_ENDINGS = (" with", " to", " for", " in", " from", " on")


@dataclass
class EventBuilder:
    """An event being assembled from mentions."""

    type: str
    mode: str | None
    cameo: str | None
    published: date | None
    drafts: list = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    granularity: str = "none"
    date_is_own: bool = False
    date_soft: bool = False  # the date is a default, not said by the text
    place: tuple[str, str | None] | None = None

    @property
    def mention_indices(self) -> list[int]:
        return [d.index for d in self.drafts]

    @property
    def timeline_modality(self) -> bool:
        return any(d.record.modality in TIMELINE_MODALITIES for d in self.drafts)

    def people(self) -> set[str]:
        return {p.name for p in self.participants if p.kind != "country"}

    def countries(self) -> set[str]:
        return {p.name for p in self.participants if p.kind == "country"}

    def add(self, draft: MentionDraft) -> None:
        self.drafts.append(draft)
        for p in draft.participants:
            existing = next((q for q in self.participants if q.name == p.name), None)
            if existing is None:
                self.participants.append(
                    Participant(p.name, p.kind, p.role, p.country, p.qid, p.surface, known=p.known)
                )
            elif existing.role == "participant" and p.role in ("source", "host"):
                existing.role = p.role
        if draft.date_value and (
            self.date is None
            or (self.date_soft and not draft.date_soft)
            or (finer(draft.granularity, self.granularity) and (self.date_soft or not draft.date_soft))
        ):
            self.date, self.date_start, self.date_end = draft.date_value, draft.date_start, draft.date_end
            self.granularity = draft.granularity
            self.date_soft = draft.date_soft
            self.date_is_own = self.date_is_own or draft.date_explicit
        if draft.place and (self.place is None or (self.place[1] == draft.place[0])):
            self.place = draft.place
        if draft.trigger.weight > max((d.trigger.weight for d in self.drafts[:-1]), default=0) and not (
            self.mode in MEETING_MODES and draft.trigger.mode in MEETING_MODES and self.mode == "meet"
        ):
            self.type, self.mode, self.cameo = draft.trigger.type, draft.trigger.mode, draft.trigger.cameo

    def set_date_from(
        self,
        expr: TimeExpression,
        anchor_event: EventBuilder,
        link: EventLink,
        drafts: Sequence[MentionDraft],
        inverse: bool = False,
    ) -> None:
        """Take a date computed from another event (an event-anchored phrase)."""
        from timeline.events.dating import day_range

        self.date = expr.value
        self.date_soft = False
        self.date_start, self.date_end = day_range(expr.value)
        self.granularity = expr.granularity if expr.granularity not in ("none", "duration") else "day"
        anchor = f"event: {anchor_event.short_summary()} ({anchor_event.date})"
        before = (link.expression.relation == "before") != inverse
        rule = f"event-anchored: {link.expression.offset} {'before' if before else 'after'} the anchor event"
        # The mention that carries the phrase explains the date.
        target = None
        for d in self.drafts:
            if d.index == (link.sub if inverse else link.main):
                target = d
        target = target or self.drafts[0]
        target.record.date = self.date
        target.record.date_expression = link.expression.text
        target.record.date_rule = rule
        target.record.date_anchor = anchor

    def short_summary(self) -> str:
        names = [p.name for p in self.participants if p.kind != "country"][:3] or [p.name for p in self.participants][
            :3
        ]
        return f"{self.type.lower()}/{self.mode} of {' and '.join(names)}"

    def finalise(self) -> None:
        if self.date and self.date_start is None:
            from timeline.events.dating import day_range

            self.date_start, self.date_end = day_range(self.date)
        # A default date a mention took (reporting day) that the event did not
        # keep would only confuse `timeline show`: the mention gave no date.
        for d in self.drafts:
            if d.date_soft and d.record.date != self.date:
                d.record.date = None
                d.record.date_rule = None
                d.record.date_anchor = None

    def modality(self) -> str:
        mods = [d.record.modality for d in self.drafts]
        if "asserted" in mods:
            return "asserted"
        if "planned" in mods:
            return "planned"
        return mods[0]

    def summary(self) -> str:
        """The headline of the strongest mention's clause (who did what, to
        whom, about what), or the participants and the trigger's verb."""
        best = max(self.drafts, key=lambda d: d.trigger.weight)
        fallback = self._plain_summary(best)
        place = self.place[0] if self.place else None
        clause = getattr(best, "clause", None)
        subject = _subject(best.participants, clause, symmetric=best.trigger.args == "symmetric")
        if not subject and clause is not None:
            # "A statement said Norway hoped ...": the actor is the subject of what was said.
            clause, subject = _said_by(best.participants, clause)
        return headline(subject, clause, place, fallback=fallback)

    def _plain_summary(self, best: MentionDraft) -> str:
        verb = best.trigger.summary
        sources = self._named("source", "host")
        targets = self._named("target", exclude=sources)
        others = self._named("participant")
        if self.mode == "visit" and sources:
            where = self.place[0] if self.place else _join(targets)
            return (
                f"{_join(sources)} {verb} {where}".rstrip()
                if verb.endswith(("to", "in", "for", "from"))
                else f"{_join(sources)} visited {where}".rstrip()
            )
        if sources and (targets or self.type != "CONSULT"):
            if not targets and verb.endswith(PREPOSITION_ENDINGS):
                verb = verb.rsplit(" ", 1)[0]  # "spoke by telephone", not "... with"
            text = f"{_join(sources)} {verb}" + (f" {_join(targets)}" if targets else "")
        else:
            names = sources + others + targets
            if verb.endswith(PREPOSITION_ENDINGS) and self.place and verb not in OCCASION_NOUNS:
                return f"{_join(names)} {verb} {self.place[0]}"
            text = _occasion_of(verb, names)
        if self.place:
            text += f" in {self.place[0]}"
        return text

    def _named(self, *roles: str, exclude: Sequence[str] = ()) -> list[str]:
        """Names of the participants in `roles` (not in `exclude`), people and
        organisations before states: a state only when no one else is named."""
        named = [p for p in self.participants if p.role in roles and p.name not in exclude]
        return [p.name for p in named if p.kind != "country"] or [p.name for p in named]

    def to_record(self) -> EventRecord:
        mentions = [d.record for d in sorted(self.drafts, key=lambda d: d.index)]
        confidence = max(m.confidence for m in mentions)
        if len(mentions) > 1:
            confidence = min(1.0, confidence + 0.05)
        return EventRecord(
            type=self.type,
            mode=self.mode,
            cameo=self.cameo,
            date=self.date,
            date_start=self.date_start,
            date_end=self.date_end,
            granularity=self.granularity if self.date else "none",
            modality=self.modality(),
            confidence=round(confidence, 2),
            summary=self.summary(),
            place=self.place[0] if self.place else None,
            place_country=self.place[1] if self.place else None,
            participants=list(self.participants),
            mentions=mentions,
            background=self.date is None and all(d.perfect for d in self.drafts),
        )


def _subject(participants: list[Participant], clause: Clause | None, symmetric: bool = False) -> str:
    """Who acts in a mention's clause: its sources (or, of a symmetric act, its
    participants), not one the clause names as its object ("met with Vidal"),
    nor the state or body that stands behind a person the sentence names."""
    said = " ".join([clause.content, *clause.details]) if clause is not None else ""
    roles = ("source", "host", "participant") if symmetric else ("source", "host")
    acting = [p for p in participants if p.role in roles] or [p for p in participants if p.role == "participant"]
    people = {p.surface for p in acting if p.kind == "person"}
    acting = [p for p in acting if p.name not in said and (p.kind == "person" or p.surface not in people)]
    return _join(list(dict.fromkeys(p.name for p in acting)))


def _said_by(participants: list[Participant], clause: Clause) -> tuple[Clause, str]:
    """The clause's content as the headline when it begins with an actor's
    name (the document that speaks is no actor): (clause, that name)."""
    for p in participants:
        if clause.content.startswith(p.name + " "):
            rest = [c[len(p.name) :].strip() for c in (clause.content, *clause.shorter) if c.startswith(p.name + " ")]
            return replace(clause, act="", content=rest[0], shorter=tuple(rest[1:])), p.name
    return clause, ""


# Nouns an occasion is named by: "Meeting of A and B", "Talks of A and B".
OCCASION_NOUNS = frozenset(
    (
        "meeting",
        "summit",
        "talks",
        "negotiations",
        "consultations",
        "discussions",
        "visit",
        "trip",
        "tour",
        "audience",
        "phone call",
        "signing",
    )
)


def _occasion_of(verb: str, names: list[str]) -> str:
    """ "Meeting of A and B" for an occasion noun, else "A and B met"."""
    if verb in OCCASION_NOUNS:
        return f"{verb.capitalize()} of {_join(names)}" if names else verb.capitalize()
    return f"{_join(names)} {verb.rsplit(' ', 1)[0] if verb.endswith(PREPOSITION_ENDINGS) else verb}"


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _modes_compatible(a: str | None, b: str | None) -> bool:
    return a == b or (a in MEETING_MODES and b in MEETING_MODES) or (a in STATEMENT_MODES and b in STATEMENT_MODES)


def _dates_compatible(event: EventBuilder, draft: MentionDraft) -> bool:
    if event.type == "STATEMENT" and event.date and draft.date_value:
        # Statements are occasions: last week's remark is not today's. But a
        # wire story's undated "he said" belongs to the occasion the story
        # dates, when that is the reporting day or the day before ("told a
        # news conference yesterday ... he said").
        if event.date == draft.date_value:
            return True
        if event.date_soft != draft.date_soft and event.published:
            soft_side = [draft] if draft.date_soft else event.drafts
            if any(d.own_occasion for d in soft_side):
                return False  # "In a joint statement, X said": an occasion of its own
            dated = draft.date_value if event.date_soft else event.date
            recent = {event.published.isoformat(), (event.published - timedelta(days=1)).isoformat()}
            return dated in recent
        return False
    if not event.date or not draft.date_value or event.date_soft or draft.date_soft:
        return True
    if not (event.date_start and draft.date_start):
        return event.date == draft.date_value
    assert event.date_end is not None and draft.date_end is not None  # a range has both ends
    return not (draft.date_end < event.date_start or event.date_end < draft.date_start)


def _participants_compatible(event: EventBuilder, draft: MentionDraft) -> bool:
    """Do the mention's participants fit the event's (`PARTICIPANTS_AGREE`)?"""
    fits, _rule = PARTICIPANTS_AGREE.first(event, draft)
    return bool(fits)


# --- do a mention's participants fit an event: the rules of PARTICIPANTS_AGREE, in order --

PARTICIPANTS_AGREE: RuleSet[[EventBuilder, MentionDraft], bool] = RuleSet(
    "merge", "do a mention's participants fit an event already told in the article?"
)


def _sources(participants: list[Participant], roles: tuple[str, ...] = ("source", "host")) -> set[str]:
    return {p.name for p in participants if p.role in roles}


def _speakers(participants: list[Participant]) -> set[str]:
    return {p.name for p in participants if p.role == "source" and p.kind == "person"}


def _enough_shared(mine: set[str], theirs: set[str]) -> bool:
    """Two names shared, or all of the side with fewer."""
    return len(mine & theirs) >= min(2, len(mine), len(theirs))


@PARTICIPANTS_AGREE.register
def _another_actors_act(event: EventBuilder, draft: MentionDraft) -> bool | None:
    """a directed act (accusation, demand, threat) is its source's: "Peru
    accused Chile" and "Japan accused Chile" are two acts"""
    if draft.trigger.args != "directed" or event.mode == "visit":
        return None
    mine, theirs = _sources(event.participants), _sources(draft.participants)
    return False if mine and theirs and not mine & theirs else None


@PARTICIPANTS_AGREE.register
def _one_speaker_one_occasion(event: EventBuilder, draft: MentionDraft) -> bool | None:
    """one person speaking on one day is one occasion (a press conference, an
    interview), whoever each remark is about: "Ms Osei said", "Ms Osei told reporters" """
    if event.type == "STATEMENT" and _speakers(event.participants) & _speakers(draft.participants):
        return True
    return None


@PARTICIPANTS_AGREE.register
def _the_same_people(event: EventBuilder, draft: MentionDraft) -> bool | None:
    """people on both sides: two of them shared, or all of the fewer: "Ms Berg
    met Mr Vidal" and "the two leaders' talks" """
    mine = event.people()
    theirs = {p.name for p in draft.participants if p.kind != "country"}
    return _enough_shared(mine, theirs) if mine and theirs else None


@PARTICIPANTS_AGREE.register
def _the_same_states_on_a_dated_day(event: EventBuilder, draft: MentionDraft) -> bool | None:
    """only states on one side: the states must agree and both mentions be
    dated: "Peru and Chile met on Friday", "talks between Chile and Peru on Friday" """
    countries = event.countries()
    theirs = {p.name for p in draft.participants if p.kind == "country"}
    if not (countries and theirs):
        return False
    return _enough_shared(countries, theirs) and bool(event.date) and bool(draft.date_value)


def _same_speech_act(event: EventBuilder, draft: MentionDraft) -> bool:
    """ "Clark urged the United States to act, he said": one speaker's saying
    and appeal in one sentence (or on one day: one occasion) are one act,
    typed by the more specific word."""
    kinds = {event.type, draft.trigger.type}
    if kinds != {"STATEMENT", "REQUEST"} or not ({event.mode, draft.trigger.mode} & {"appeal", "demand"}):
        return False
    sentences = {d.record.sentence_start for d in event.drafts}
    speakers = {p.name for p in event.participants if p.role == "source" and p.kind == "person"}
    same_occasion = draft.record.sentence_start in sentences or (
        event.date is not None
        and event.date == draft.date_value
        and event.timeline_modality
        and draft.record.modality in TIMELINE_MODALITIES
    )
    return same_occasion and bool(speakers & {p.name for p in draft.participants if p.role == "source"})


def _compatible(event: EventBuilder, draft: MentionDraft) -> bool:
    if _same_speech_act(event, draft):
        return True
    if event.type != draft.trigger.type or not _modes_compatible(event.mode, draft.trigger.mode):
        return False
    if event.type == "STATEMENT" and (draft.trigger.pos == "NOUN") != all(
        d.trigger.pos == "NOUN" for d in event.drafts
    ):
        return False  # a joint declaration is a document of its own, not the press conference
    # "Nakasone has said that ...": an undated result in the perfect is
    # background; it does not join a dated occasion (nor take its date).
    if (draft.perfect and not draft.date_value) != all(d.perfect and not d.date_value for d in event.drafts):
        return False
    if event.timeline_modality != (draft.record.modality in TIMELINE_MODALITIES):
        return False
    if not _dates_compatible(event, draft):
        return False
    if (
        event.place
        and draft.place
        and event.place[0] != draft.place[0]
        and event.place[1] != draft.place[0]
        and draft.place[1] != event.place[0]
    ):
        return False
    return _participants_compatible(event, draft)


def merge_mentions(drafts: list, published: date | None) -> list[EventBuilder]:
    """Group mention drafts into events, in article order."""
    events: list[EventBuilder] = []
    for draft in drafts:
        if draft.anaphoric:
            target = _antecedent(events, draft)
            if target is not None:
                target.add(draft)
            continue
        anchors = _anchors_of(draft)
        candidates = [e for e in events if not anchors & set(e.mention_indices) and _compatible(e, draft)]
        if candidates:
            best = max(
                candidates,
                key=lambda e: (len(e.people() & {p.name for p in draft.participants}), max(e.mention_indices)),
            )
            best.add(draft)
            continue
        event = EventBuilder(draft.trigger.type, draft.trigger.mode, draft.trigger.cameo, published)
        event.add(draft)
        events.append(event)
    return [e for e in events if e.participants]


def _anchors_of(draft: MentionDraft) -> set[int]:
    """The mentions a draft is dated days before or after ("the next day", "two
    days after the talks"): another occasion, which it never joins. A link
    to "the event told before" is to the mention just before it."""
    return {
        link.sub if link.sub is not None else draft.index - 1
        for link in draft.links
        if link.expression.relation in ("before", "after")
    }


def _antecedent(events: list[EventBuilder], draft: MentionDraft) -> EventBuilder | None:
    """The event "the meeting" refers back to: the latest one of its kind."""
    best = None
    for event in events:
        if (
            event.type == draft.trigger.type
            and _modes_compatible(event.mode, draft.trigger.mode)
            and event.timeline_modality
        ):
            if best is None or max(event.mention_indices) > max(best.mention_indices):
                best = event
    return best
