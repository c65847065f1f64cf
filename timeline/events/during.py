"""Acts that happen during another event of the article: "is to meet Ms Osei
during his visit", "will fly to Lima on Tuesday and meet Mr Vidal". Each
sentence's mentions are linked to the event they happen during (`DURING`);
once the article's events are merged and dated, an undated one takes the ISO
week of the event it happens during (`date_during`), and a visit told as under
way the reporting day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from timeline.events.dating import tense_of_token
from timeline.events.rules import RuleSet
from timeline.events.syntax import governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from timeline.events.extract import MentionDraft
    from timeline.events.merge import EventBuilder


def link_during(sentence_drafts: list[MentionDraft], doc: Doc) -> None:
    """Note which mention of the sentence happens during which (`draft.during`),
    and which event a "during" phrase tells as under way (`draft.ongoing`)."""
    for draft in sentence_drafts:
        host, _rule = DURING.first(Linking(draft, sentence_drafts, doc))
        if host is not None:
            draft.during = host
    for host_draft in sentence_drafts:
        if _told_as_under_way(host_draft, doc):
            host_draft.ongoing = True


@dataclass
class Linking:
    """One mention of a sentence, while the rules look for the event it happens during."""

    draft: MentionDraft
    sentence_drafts: list[MentionDraft]
    doc: Doc

    @cached_property
    def token(self) -> Token:
        return self.doc[self.draft.token_key[1]]

    @cached_property
    def verb(self) -> Token | None:
        """The trigger if a verb, else the verb it hangs on."""
        return self.token if self.token.pos_ == "VERB" else governing_verb(self.token)


DURING: RuleSet[[Linking], int] = RuleSet("dating", "which event of the sentence does an act happen during?")


@DURING.register
def _during_phrase(link: Linking) -> int | None:
    """a "during" phrase on the trigger or its verb names an event of the
    sentence: "is scheduled to meet Ms Osei during his official visit" """
    by_token = {d.token_key[1]: d for d in link.sentence_drafts}
    nodes = [link.token] + ([link.verb] if link.verb is not None and link.verb is not link.token else [])
    found = None
    for node in nodes:
        for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "during"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                host = by_token.get(pobj.i)
                if host is not None and host is not link.draft:
                    found = host.index  # the last one named
    return found


@DURING.register
def _coordinated_with_a_trip(link: Linking) -> int | None:
    """an undated act coordinated with a dated journey happens during it: "I
    shall be going to Lima on Tuesday ..., and we shall have a meeting of the
    G-7" """
    draft = link.draft
    if draft.date_value or draft.trigger.mode == "visit":
        return None
    trips = {d.token_key[1]: d for d in link.sentence_drafts if d.trigger.mode == "visit" and d.date_value}
    verb = link.verb
    if verb is not None and verb.dep_ == "conj" and verb.head.i in trips:
        return trips[verb.head.i].index
    return None


def _told_as_under_way(host: MentionDraft, doc: Doc) -> bool:
    """ "is expected to canvass support during his visit": the visit is under
    way or about to be, not told in the past (the tenses of the clause the
    "during" phrase hangs on, up to three clauses up)."""
    token = doc[host.token_key[1]]
    if host.date_value or token.dep_ != "pobj" or token.head.lower_ != "during":
        return False
    tenses = _tenses_up(_clause_verb(token.head.head))
    return bool(tenses & {"present", "future"}) and "past" not in tenses


def _clause_verb(verb: Token) -> Token:
    """ "the idea, first proposed by X, during his visit": a bare participle is
    misattached by the parser; its clause decides."""
    while (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and verb.head.i != verb.i
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        verb = verb.head
    return verb


def _tenses_up(verb: Token) -> set[str | None]:
    """The tenses of `verb` and of the clauses it is the complement of, up to three."""
    tenses: set[str | None] = set()
    for _ in range(3):
        tenses.add(tense_of_token(verb))
        if verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
            break
        verb = verb.head
    return tenses


def date_during(events: list[EventBuilder], published: date | None) -> None:
    """Undated events "during" a dated one take the ISO week of it (the week is
    as precise as "during" allows), or its own week or month when it is dated
    so; an undated visit that is under way takes the reporting day."""
    event_of = {i: e for e in events for i in e.mention_indices}
    for event in events:
        if event.date is None and published and any(d.ongoing for d in event.drafts):
            event.date = event.date_start = event.date_end = published.isoformat()
            event.granularity, event.date_soft = "day", True
            for d in event.drafts:
                if d.ongoing:
                    d.record.date = event.date
                    d.record.date_rule = "ongoing: the reporting day of an event told as under way"
    for event in events:
        # A default (reporting-day) date yields to "during the visit" too.
        if event.date is not None and not event.date_soft:
            continue
        for d in event.drafts:
            host = event_of.get(d.during) if d.during is not None else None
            if host is None or host is event or host.date is None:
                continue
            kind = _granularity_of(host.date)
            if kind is None:
                continue
            if kind == "day":
                year, week, _ = date.fromisoformat(host.date).isocalendar()
                event.date, event.granularity = f"{year}-W{week:02d}", "week"
                rule = f"during an event: the ISO week of {host.date}"
            else:  # "visited Lima last week. During the visit, ...": the host's own week or month
                event.date, event.granularity = host.date, kind
                rule = f"during an event: its {kind}, {host.date}"
            event.date_soft = False
            if kind == "day":
                event.date_start = event.date_end = None
            else:
                event.date_start, event.date_end = host.date_start, host.date_end
            d.record.date = event.date
            d.record.date_rule = rule
            break


def _granularity_of(value: str) -> str | None:
    """ "2023-09-19" a day, "2023-W38" a week, "2023-09" a month; None otherwise."""
    if len(value) == 10:
        return "day"
    if "-W" in value:
        return "week"
    return "month" if len(value) == 7 else None
