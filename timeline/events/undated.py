"""The date of a mention: the act's own time expression, or, for an act no
phrase of its own dates, the day the story's time gives it.

`MentionDate` is what a mention is dated with and how; the rules of UNDATED,
tried in the order they are written here, date an undated act in a dated
article (the occasion it belongs to, the narrative's day, the story's day,
the reporting day). The tense tests they share live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from timeline.datafiles import words
from timeline.events.dating import SAYING_NOTE
from timeline.events.modality import ASSERTED, PLANNED, modality
from timeline.events.rules import RuleSet
from timeline.events.syntax import governing_verb
from timeline.temporal.lexicon import CARDINALS as NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from timeline.events.extract import _ParagraphReader
    from timeline.events.lexicon import Trigger
    from timeline.events.types import Participant
    from timeline.temporal import TimeExpression

REPORTING_VERBS = words("common", "reporting_verbs")
CLOSING_VERBS = words("dating", "closing_verbs")
SIMPLE_BE = frozenset({"is", "are", "am", "was", "were"})


@dataclass(frozen=True)
class MentionDate:
    """The date a mention is given, and how it was found."""

    value: str | None = None
    start: str | None = None
    end: str | None = None
    granularity: str = "none"
    expression: str | None = None
    rule: str | None = None
    anchor: str | None = None
    soft: bool = False  # a default (reporting day, narrative), not the text's own


def explicit_date(timex: TimeExpression | None, rule_note: str | None) -> MentionDate:
    """The date the act's own time expression gives, if it dates an event."""
    if timex is None or not timex.value or timex.anchor == "event":
        return MentionDate()
    dated = _event_date(timex)
    if dated is None:
        return MentionDate()
    return MentionDate(
        value=dated[0],
        start=timex.date_start.isoformat() if timex.date_start else None,
        end=timex.date_end.isoformat() if timex.date_end else None,
        granularity=dated[1],
        expression=timex.text,
        rule=f"{timex.rule}; {rule_note}" if rule_note else timex.rule,
        anchor=timex.anchor or "absolute",
        soft=rule_note == SAYING_NOTE,
    )


def _on_day(value: str | None, rule: str, *, expression: str | None = None, soft: bool) -> MentionDate:
    """A day the story's time gives an undated act."""
    return MentionDate(value, value, value, "day", expression, rule, "publication", soft)


def spread_over_stated_days(when: MentionDate, token: Token) -> MentionDate:
    """ "a two-day visit": the day named is the start, or the end when the act
    closes it (`_closes`: "at the end of a two-day visit ... on Monday", "ended
    a three-day visit yesterday"). An occasion told as closing with no day of
    its own closes on the day the story gives it ("Ms Lund, winding up a
    two-day visit, said ..." in a Wednesday story: Tuesday and Wednesday)."""
    span = _stated_duration(token)
    closes = _closes(token)
    if not (span and when.granularity == "day" and when.value and (closes or not when.soft)):
        return when
    first = date.fromisoformat(when.value)
    if closes:
        first -= timedelta(days=span - 1)
    return replace(
        when, value=first.isoformat(), start=first.isoformat(), end=(first + timedelta(days=span - 1)).isoformat()
    )


@dataclass
class UndatedAct:
    """An act no phrase of its own dates, in an article with a publication date."""

    reader: _ParagraphReader
    token: Token
    act: Token  # the trigger, or the saying of an ultimatum
    trigger: Trigger
    participants: list[Participant]
    sent: Span
    mood: str

    @property
    def reporting_day(self) -> str:
        """The publication date: an act no phrase dates is read only in a dated article."""
        assert self.reader.published is not None
        return self.reader.published.isoformat()

    @cached_property
    def reported_now(self) -> bool:
        """Told in the simple past or present, as having happened."""
        return self.mood == ASSERTED and _reported_now(self.act)

    @cached_property
    def at_the_end(self) -> bool:
        """ "at the end of the talks": the act closes an occasion that took place."""
        return self.mood in (ASSERTED, PLANNED) and _at_end_of(self.token)


# News convention: an act reported in the simple past or present with no date of
# its own ("Ms Berg and Mr Vidal signed an accord", "Peru said", "the envoys
# are threatening") happened on the day the story reports; perfect tenses
# ("has accused") are background and stay undated.
UNDATED: RuleSet[[UndatedAct], MentionDate] = RuleSet(
    "dating", "which day does an act that no phrase of its own dates happen on?"
)


@UNDATED.register
def _also_on_the_same_occasion(u: UndatedAct) -> MentionDate | None:
    """ "also" adds an act to an occasion already told, and the act shares its
    day: "Ms Berg met Mr Vidal on Monday ... The two also signed an accord" """
    companion = u.reader._also_companion(u.token, u.participants) if u.reported_now else None
    if companion is None:
        return None
    expression = companion.record.date_expression
    return _on_day(companion.date_value, f"same occasion: 'also' after the act dated {expression!r}", soft=True)


@UNDATED.register
def _narrative_time(u: UndatedAct) -> MentionDate | None:
    """the story's time moves on: "Mr Mori arrived in Lima on Sunday. He met Mr
    Vidal." """
    narrative = u.reader._narrative_day(u.trigger) if u.reported_now else None
    if narrative is None:
        return None
    expression = narrative.record.date_expression
    return _on_day(narrative.date_value, f"narrative: the day of the preceding sentence ({expression})", soft=True)


@UNDATED.register
def _story_time(u: UndatedAct) -> MentionDate | None:
    """a story told after the fact (its lead names a day before the publication
    day) tells its undated acts on the day it has reached: "On Saturday the
    envoys met in Oslo ... The minister said ..." (published on a Monday: Saturday)."""
    day = u.reader._story_day(u.token, u.sent) if u.reported_now else None
    if day is None:
        return None
    return _on_day(day, "story time: the day a story told after the fact has reached", soft=True)


@UNDATED.register
def _reporting_day(u: UndatedAct) -> MentionDate | None:
    """an act told in the simple past or present happened on the day the story
    reports: "Peru expelled two Chilean diplomats" """
    if not u.reported_now:
        return None
    return _on_day(u.reporting_day, "reporting-day: undated act in the simple past", soft=True)


@UNDATED.register
def _closing_act(u: UndatedAct) -> MentionDate | None:
    """an occasion ends on the day of the act at its end: "a statement issued at
    the end of the talks on Monday said ..." """
    if not u.at_the_end:
        return None
    closing, _note = u.reader.dates.for_trigger(u.sent.root)
    if closing is None or not closing.value:
        return None
    dated = _event_date(closing)
    if dated is None or dated[1] != "day":
        return None
    return _on_day(dated[0], f"{closing.rule}; ends with the act at its end", expression=closing.text, soft=False)


@UNDATED.register
def _closing_act_reported_now(u: UndatedAct) -> MentionDate | None:
    """an occasion ends on the reporting day when the act at its end is told in the
    simple past: "a statement issued at the end of the talks with Chile said ..." """
    root = u.sent.root
    if not u.at_the_end or modality(root) != ASSERTED or not _reported_now(root):
        return None
    return _on_day(u.reporting_day, "ends on the reporting day, with the act at its end", soft=False)


# Granularities that date no event (a decade, "for two weeks", "every year").
UNDATABLE_GRANULARITIES = frozenset({"decade", "century", "duration", "set", "ref", "none"})


def _event_date(timex: TimeExpression) -> tuple[str, str] | None:
    """The value and granularity a time expression gives an event: days, weeks,
    months, quarters, seasons and years; a time of day counts as its day;
    decades, centuries and PAST_REF-like values date nothing."""
    value = timex.value or ""
    if not value[:4].isdigit():
        return None
    if "T" in value:
        return value[:10], "day"
    if timex.granularity in UNDATABLE_GRANULARITIES:
        return None
    return value, timex.granularity


def _backshifted(verb: Token) -> bool:
    """ "She said she had agreed with Ryzhkov": in reported speech after a past
    reporting verb the pluperfect is the speaker's simple past moved back one
    tense (sequence of tenses), so the act belongs to the story's own time."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.tag_ == "VBD" and head.lemma_.lower() in REPORTING_VERBS


def perfect(token: Token) -> bool:
    """Is the trigger's clause in the perfect or pluperfect ("has rejected",
    "had threatened", "have been barred")? Such a clause states a result, not
    an act of the story's own time (TimeML aspect PERFECTIVE)."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None:
        return False
    if verb.dep_ == "relcl" and not any(
        c.lower_ in ("will", "would", "shall") or c.tag_ == "VBZ" for c in verb.children
    ):
        return True  # "the 1976 accord under which both sides agreed ...": told as background
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ == "VERB":
        verb = verb.head  # "Japan has rejected the offer, saying ...": the clause it hangs on
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes and _backshifted(verb):
        return False
    # The tagger sometimes calls the participle a past tense ("has in the past rejected").
    return bool(auxes & {"has", "have", "had", "'ve", "'d"}) and verb.tag_ in ("VBN", "VBD")


def in_main_clause(token: Token) -> bool:
    verb = token if token.pos_ == "VERB" else governing_verb(token)
    return verb is not None and verb.dep_ == "ROOT"


def _reported_now(token: Token) -> bool:
    """Does the trigger's clause report an act of the story's own time: simple
    past ("met", "signed"), present ("opens talks", "are threatening"), the
    simple passive of either ("talks were held", "a statement is issued") or a
    participle hanging on such a clause ("..., saying")? Perfect tenses ("has
    accused") and relative clauses are background."""
    verb = token if token.pos_ == "VERB" else governing_verb(token)
    for _ in range(3):
        if verb is None or verb.dep_ in ("relcl", "acl", "amod"):
            return False
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if "had" in auxes and _backshifted(verb):
            return True
        if auxes & {
            "has",
            "have",
            "had",
            "'ve",
            "'s",
            "will",
            "would",
            "could",
            "may",
            "might",
            "should",
            "must",
            "can",
            "shall",
        }:
            return False
        if verb.tag_ == "VBD" or verb.tag_ in ("VBZ", "VBP"):
            return True
        if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in SIMPLE_BE for c in verb.children):
            return True  # the simple past or present passive: "talks were held", "a statement is issued"
        if verb.tag_ == "VBG" and auxes & {"is", "are", "am", "was", "were"}:
            return True
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head  # "..., saying": the clause it hangs on decides
            continue
        if (
            verb.tag_ == "VBG"
            and verb.dep_ == "prep"
            and verb.head.pos_ == "NOUN"
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = verb.head.head  # "options including retaliation": the clause of "options"
            continue
        return False
    return False


def _stated_duration(token: Token) -> int | None:
    """Days an event noun says it lasts: "a two-day visit", "four days of talks"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = token.doc
    for tok in doc[max(token.left_edge.i, token.i - 6) : token.i]:
        m = re.fullmatch(r"(\w+)-day", tok.text.lower())
        if m and (m[1] in NUMBER_WORDS or m[1].isdigit()):
            return NUMBER_WORDS.get(m[1]) or int(m[1])
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "day":
        for num in (c for c in head.head.children if c.dep_ == "nummod"):
            n = NUMBER_WORDS.get(num.lower_) or (int(num.text) if num.text.isdigit() else None)
            if n:
                return n
    # "two-day" may be split into "two", "-", "day"
    for a, b, c in zip(
        doc[token.left_edge.i : token.i], doc[token.left_edge.i + 1 : token.i], doc[token.left_edge.i + 2 : token.i]
    ):
        if b.text == "-" and c.lower_ == "day" and a.lower_ in NUMBER_WORDS:
            return NUMBER_WORDS[a.lower_]
    return None


def _closes(token: Token) -> bool:
    """Does the act close the occasion `token` names: "at the end of a two-day
    visit", "ended / wound up / concluded a three-day visit", "after chairing a
    two-day meeting" (the meeting is over when the act is told)?"""
    if _at_end_of(token):
        return True
    verb = token.head
    if token.dep_ not in ("dobj", "nsubj") or verb.i == token.i:
        return False
    if verb.lemma_.lower() in CLOSING_VERBS and not any(c.lower_ in ("will", "would") for c in verb.children):
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "after"


def _at_end_of(token: Token) -> bool:
    """ "at the end of a two-day visit": the act closes the event."""
    node = token
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            return False
        if head.lemma_.lower() in ("end", "close", "conclusion"):
            return True
        node = head
    return False
