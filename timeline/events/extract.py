"""Event extraction: one article in, its diplomatic events out.

The Document arrives clean (`sources/` blanks its site furniture in
`Document.body` and reads its `dateline_place`); paragraphs that hold no
trigger word are skipped, the rest are parsed once with spaCy; each trigger becomes a mention with its
participants, place, modality and date; mentions of one occurrence are merged
and event-anchored dates ("two days after Putin met Kim") are resolved last,
once the dates they hang on are known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.datafiles import words
from timeline.events import arguments as args_
from timeline.events.candidates import NO_EVENT, Candidate
from timeline.events.conditions import CONDITIONS, EntryMatch, means_nouns
from timeline.events.dating import DateAttacher, EventLink, past_days_in, resolve_links, told_as_lately
from timeline.events.during import date_during, link_during
from timeline.events.headline import Clause, clause_of
from timeline.events.lexicon import Lexicon, Trigger, load_lexicon
from timeline.events.merge import merge_mentions
from timeline.events.modality import modality
from timeline.events.names import mark_gazetteer_names
from timeline.events.participants import Gathering, gather
from timeline.events.segment import paragraphs
from timeline.events.statements import disapproves
from timeline.events.syntax import governing_verb
from timeline.events.types import Extraction, MentionRecord, Participant
from timeline.events.undated import (
    REPORTING_VERBS,
    UNDATABLE_GRANULARITIES,
    UNDATED,
    MentionDate,
    UndatedAct,
    explicit_date,
    in_main_clause,
    perfect,
    spread_over_stated_days,
)
from timeline.sources.document import Document

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from timeline.actors.gazetteer import Gazetteer
    from timeline.actors.places import Place
    from timeline.events.segment import Paragraph
    from timeline.temporal import TimeExpression


@dataclass
class MentionDraft:
    """A mention while the article is being read: the record plus what merging
    and date resolution need to know."""

    record: MentionRecord
    trigger: Trigger
    participants: list[Participant]
    place: tuple[str, str | None] | None
    date_value: str | None
    date_start: str | None
    date_end: str | None
    granularity: str
    index: int  # order in the article
    corefers_to: int | None = None  # index of an earlier mention it refers back to
    anaphoric: bool = False
    token_key: tuple[int, int] = (0, 0)  # (paragraph, token index) for links
    date_explicit: bool = False
    date_soft: bool = False  # a default (reporting day, narrative), not the text's own
    sentence_index: int = 0
    main_clause: bool = False
    perfect: bool = False  # told in the perfect ("has accused"): background unless dated
    own_occasion: bool = False  # "in a joint statement, X said": the saying names its occasion
    links: list[EventLink] = field(default_factory=list)
    during: int | None = None  # index of the mention of an event it happens during
    ongoing: bool = False  # "during his visit" in a present or future clause
    clause: Clause | None = None  # what the trigger's clause says, for the headline


def extract_document(
    doc: Document,
    *,
    nlp: Language | None = None,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> Extraction:
    """The events one article reports, merged within the article."""
    return next(iter(extract_documents([doc], nlp=nlp, gazetteer=gazetteer, lexicon=lexicon)))


def extract_documents(
    docs: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    gazetteer: Gazetteer | None = None,
    lexicon: Lexicon | None = None,
) -> Iterator[Extraction]:
    """The events of many articles, in order, one `Extraction` each.

    The candidate paragraphs of all articles go through spaCy as one stream,
    so the parser works on full batches instead of one article at a time.
    `gazetteer` and `lexicon` replace the shipped ones (a small gazetteer or a
    trimmed trigger lexicon in tests, a team's own in an embedding program).
    """
    from itertools import chain

    from timeline.actors import load_gazetteer

    lexicon = lexicon or load_lexicon()
    gazetteer = gazetteer or load_gazetteer()
    names = _speaker_names(gazetteer)
    docs = list(docs)
    candidates = [_candidate_paragraphs(doc, lexicon, names) for doc in docs]
    if nlp is None and any(candidates):
        from timeline import nlp as nlp_module

        nlp = nlp_module.load()
    texts = (p.text for p in chain.from_iterable(candidates))
    parsed = iter(nlp.pipe(texts, batch_size=batch_size)) if nlp is not None else iter(())
    for doc, paragraphs_ in zip(docs, candidates):
        spacy_docs = [next(parsed) for _ in paragraphs_]
        if nlp is not None:
            mark_gazetteer_names(spacy_docs, nlp, gazetteer)
        yield _extract_parsed(doc, paragraphs_, spacy_docs, lexicon, gazetteer)


def _candidate_paragraphs(doc: Document, lexicon: Lexicon, names: frozenset[str]) -> list[Paragraph]:
    return [p for p in paragraphs(doc.body) if lexicon.may_hold_event(p.text, names)]


@lru_cache(maxsize=4)
def _speaker_names(gazetteer: Gazetteer) -> frozenset[str]:
    """Lower-case surnames of the gazetteer's people, for the cheap pre-filter."""
    names = set()
    for actor in gazetteer.actors():
        if actor.kind == "person":
            for name in (actor.name, *(actor.aliases or ())):
                words = name.split()
                if words and len(words[-1]) > 2:
                    names.add(words[-1].lower())
    return frozenset(names)


def _extract_parsed(
    doc: Document, candidates: list[Paragraph], spacy_docs: list[Doc], lexicon: Lexicon, gazetteer: Gazetteer
) -> Extraction:
    if not candidates:
        return Extraction(needs_publication_date=doc.published is None)
    memory = args_.DiscourseMemory()
    memory.dateline_place = _dateline_place(doc)
    drafts: list[MentionDraft] = []
    for p_index, (paragraph, spacy_doc) in enumerate(zip(candidates, spacy_docs)):
        reader = _ParagraphReader(paragraph, p_index, spacy_doc, doc.published, lexicon, gazetteer, memory, drafts)
        reader.read()
    events = merge_mentions(drafts, doc.published)
    resolve_links(events, drafts)
    date_during(events, doc.published)
    for event in events:
        event.finalise()
    return Extraction(
        events=[e.to_record() for e in events],
        needs_publication_date=doc.published is None,
    )


class _ParagraphReader:
    """Reads the triggers of one parsed paragraph into mention drafts."""

    def __init__(
        self,
        paragraph: Paragraph,
        p_index: int,
        spacy_doc: Doc,
        published: date | None,
        lexicon: Lexicon,
        gazetteer: Gazetteer,
        memory: args_.DiscourseMemory,
        drafts: list[MentionDraft],
    ) -> None:
        self.paragraph = paragraph
        self.p_index = p_index
        self.doc = spacy_doc
        self.published = published
        self.lexicon = lexicon
        self.gaz = gazetteer
        self.memory = memory
        self.drafts = drafts
        self.resolver = args_.ActorResolver(gazetteer, published, memory)
        self.dates = DateAttacher(spacy_doc, published)

    def read(self) -> None:
        for sent in self.doc.sents:
            self._read_sentence(sent)

    def _read_sentence(self, sent: Span) -> None:
        """The sentence's mentions, linked to each other and to the article's
        earlier ones, then what the sentence tells of its people."""
        self.memory.sentence_index += 1
        self._note_lead(sent)
        self._note_officials(sent)
        sentence_drafts, orphans = self._mentions_and_orphans(sent)
        for token, trigger in orphans:
            draft = self._orphan_meeting(token, trigger, sent, sentence_drafts)
            if draft is not None:
                sentence_drafts.append(draft)
        sentence_drafts = _fold_into_meetings(sentence_drafts, self.doc)
        self.dates.link_relative(sentence_drafts, self.drafts, sent)
        link_during(sentence_drafts, self.doc)
        for draft in sentence_drafts:
            self.memory.note(draft.participants)
        self._remember_names(sent)
        self.drafts.extend(sentence_drafts)

    def _mentions_and_orphans(self, sent: Span) -> tuple[list[MentionDraft], list[tuple[Token, Trigger]]]:
        """The mentions of the sentence's triggers, and the meetings in it that
        nobody is named at (orphans, given participants by `_orphan_meeting`)."""
        drafts: list[MentionDraft] = []
        orphans = []
        for token in sent:
            trigger = self._match(token)
            if trigger is None:
                continue
            draft = self._draft(token, trigger, sent, len(self.drafts) + len(drafts))
            if draft is not None:
                drafts.append(draft)
            elif trigger.type == "CONSULT" and token.pos_ == "NOUN" and not self._participants(token, trigger):
                orphans.append((token, trigger))
        # "the hard bargaining will have to wait until May": a definite noun
        # with a time of its own is a new occasion, not the last one told.
        orphans += [(self.doc[d.token_key[1]], d.trigger) for d in drafts if _new_occasion(d)]
        return [d for d in drafts if not _new_occasion(d)], orphans

    def _orphan_meeting(
        self, token: Token, trigger: Trigger, sent: Span, sentence_drafts: list[MentionDraft]
    ) -> MentionDraft | None:
        """ "A communique issued at the end of a two-day ministerial meeting
        said Asean hoped ...": a meeting nobody is named at is held by the body
        or state the sentence has acting (PLOVER multilateral)."""
        if _about_anothers_act(token, sentence_drafts):
            return None
        donors = _acting_in(sentence_drafts)
        if trigger.mode != "visit":
            donors = [p for p in donors if p.kind != "person"][:1]
        if not donors:
            return None
        role = "source" if trigger.mode == "visit" else "participant"
        borrowed = [Participant(p.name, p.kind, role, p.country, p.qid, p.surface, known=p.known) for p in donors]
        return self._draft(token, trigger, sent, len(self.drafts) + len(sentence_drafts), borrowed=borrowed)

    def _note_officials(self, sent: Span) -> None:
        """Names the sentence gives a public office, before its triggers are read."""
        for ent in sent.ents:
            if ent.label_ == "PERSON" and args_.has_office(ent, self.resolver.gaz):
                name = args_.person_name(ent)
                if name:
                    self.memory.officials.add(name)

    def _remember_names(self, sent: Span) -> None:
        """Every person the sentence names, for later surnames and pronouns; the
        states it names together, for "the two sides"."""
        countries: list[Participant] = []
        for ent in sent.ents:
            if ent.label_ == "GPE":
                for p in self.resolver.resolve(ent.root, "participant"):
                    if p.kind == "country" and p.name not in {q.name for q in countries}:
                        countries.append(p)
        if len(countries) >= 2:
            self.memory.last_countries = countries
        for ent in sent.ents:
            if ent.label_ != "PERSON":
                continue
            subject = ent.root.dep_ in args_.SUBJECT_DEPS
            known = self.memory.person_named(ent.text)
            if known is not None:
                self.memory.remember(known, subject=subject)
                continue
            found = self.resolver.resolve(ent.root, "participant")
            for person in found[:1]:
                if person.kind == "person":
                    self.memory.remember(person, subject=subject)

    # --- triggers -----------------------------------------------------------
    def _match(self, token: Token) -> Trigger | None:
        pos = token.pos_
        if pos == "VERB" and token.ent_type_ in ("PERSON", "ORG", "GPE", "FAC"):
            return None  # "Mana Said al-Oteiba": a name, not a saying
        if pos == "AUX" and token.lemma_ == "be" and token.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl", "xcomp"):
            pos = "VERB"  # the copula of "would be in Rome"
        if pos not in ("VERB", "NOUN", "PROPN"):
            # "chin-wag" and similar are sometimes tagged as other parts of speech.
            if not (pos == "ADJ" and token.dep_ in ("dobj", "pobj", "nsubj")):
                return None
            pos = "NOUN"
        for entry in self.lexicon.candidates(token.lemma_, pos) or self.lexicon.candidates(token.lower_, pos):
            if self._conditions_hold(token, entry):
                return entry
        return None

    def _conditions_hold(self, token: Token, entry: Trigger) -> bool:
        failed, _rule = CONDITIONS.first(EntryMatch(self, token, entry))
        return not failed

    def _has_destination(self, token: Token) -> bool:
        if token.lemma_ == "be":
            return self._stays_abroad(token)
        if self.dateline_destination(token) is not None:
            return True
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "in", "for", "from"):
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if child.lower_ == "for" and self._match(pobj) is not None:
                        return True
                    if pobj.ent_type_ in ("GPE", "LOC", "FAC") or self._place(pobj) is not None:
                        return True
        return False

    def _stays_abroad(self, be: Token) -> bool:
        """ "Reagan would be in Rome", "Shultz, who was in Moscow last week": a
        named person (not a meeting, a price or a state) is in a city or country."""
        places = [
            p
            for c in be.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children
            if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC")
        ]
        if not any(self._place(p) is not None for p in places):
            return False
        people = [p for s in args_.subjects_of(be) for p in self.resolver.resolve(s, "source") if p.kind == "person"]
        return bool(people) and all(p.known or p.name in self.memory.officials for p in people)

    def dateline_destination(self, token: Token) -> Place | None:
        """The dateline place, for "arrived here", "due here" or an arrival with
        no place of its own ("arrived last night after a stopover in Riyadh")."""
        place = getattr(self.memory, "dateline_place", None)
        if place is None:
            return None
        if any(c.lower_ == "here" for c in token.children):
            return place
        if token.lemma_.lower() == "arrive" and not any(
            c.dep_ == "prep" and c.lower_ in ("in", "at", "to") for c in token.children
        ):
            return place
        return None

    def _match_event_only(self, token: Token) -> bool:
        pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_
        for entry in self.lexicon.candidates(token.lemma_, pos):
            if entry.type != "STATEMENT":
                return True
        return False

    # --- one mention ---------------------------------------------------------
    def _draft(
        self, token: Token, trigger: Trigger, sent: Span, index: int, borrowed: list[Participant] | None = None
    ) -> MentionDraft | None:
        trigger = self._visit_or_meeting(token, trigger)
        participants = self._participants(token, trigger) or list(borrowed or [])
        candidate = Candidate(token, trigger, participants, self.memory.officials, self.gaz, self.published)
        if NO_EVENT.first(candidate)[0]:
            return None
        if trigger.type == "STATEMENT" and disapproves(token):
            trigger = self._criticism(trigger)
        # An ultimatum is made when it is said: its time and modality are the saying's.
        act = (_reporting_verb(token) or token) if trigger.ultimatum else token
        timex, rule_note = self.dates.for_trigger(act)
        mood = modality(act, future_date=self._is_future(timex))
        when = explicit_date(timex, rule_note)
        if when.value is None and self.published and not told_as_lately(self.dates, act):
            undated = UndatedAct(self, token, act, trigger, participants, sent, mood)
            when = UNDATED.first(undated)[0] or when
        when = spread_over_stated_days(when, token)
        here = self.dateline_destination(token) if trigger.mode == "visit" else None
        place = (here.name, here.country) if here is not None else self.event_place(token, trigger, participants)
        return MentionDraft(
            record=self._record(token, trigger, sent, mood, participants, when),
            trigger=trigger,
            participants=participants,
            place=place,
            date_value=when.value,
            date_start=when.start,
            date_end=when.end,
            granularity=when.granularity,
            index=index,
            anaphoric=candidate.anaphoric,
            token_key=(self.p_index, token.i),
            date_explicit=when.expression is not None,
            sentence_index=self.memory.sentence_index,
            main_clause=in_main_clause(token),
            date_soft=when.soft,
            perfect=self._told_as_result(token, act, timex),
            own_occasion=_names_occasion(token),
            clause=self._clause(token, act, trigger, participants),
        )

    def _criticism(self, saying: Trigger) -> Trigger:
        """A saying that disapproves is criticism (the lexicon's "criticize")."""
        criticize = next(iter(self.lexicon.candidates("criticize", "VERB")), None)
        if criticize is None:
            return saying
        return replace(saying, type=criticize.type, mode=criticize.mode, cameo=criticize.cameo)

    def _visit_or_meeting(self, token: Token, trigger: Trigger) -> Trigger:
        """ "will visit Foreign Minister Amara Osei": calling on a person is a
        meeting (CAMEO 040s); visiting a country or city is a trip."""
        if trigger.mode == "visit" and token.pos_ == "VERB" and self._visits_a_person(token):
            return next((t for t in self.lexicon.candidates("meet", "VERB") if not t.particles), trigger)
        return trigger

    def _record(
        self, token: Token, trigger: Trigger, sent: Span, mood: str, participants: list[Participant], when: MentionDate
    ) -> MentionRecord:
        offset = self.paragraph.start
        return MentionRecord(
            sentence=sent.text.strip(),
            sentence_start=offset + sent.start_char,
            sentence_end=offset + sent.end_char,
            trigger=_trigger_text(token),
            trigger_start=offset + token.idx,
            trigger_end=offset + token.idx + len(token.text),
            type=trigger.type,
            mode=trigger.mode,
            modality=mood,
            confidence=self._confidence(trigger, participants, when.value),
            date=when.value,
            date_expression=when.expression,
            date_rule=when.rule,
            date_anchor=when.anchor,
            arguments=_arguments(participants),
        )

    def _clause(self, token: Token, act: Token, trigger: Trigger, participants: list[Participant]) -> Clause | None:
        """What the trigger's clause says, for the headline. An ultimatum is
        the saying's ("told Chile to lower its duties or face sanctions")."""
        names = _names_for_headline(participants)
        if trigger.ultimatum:
            if act is token:
                return None
            said = next(iter(self.lexicon.candidates(act.lemma_, "VERB")), None)
            summary = act.text if act.tag_ == "VBD" else (said.summary if said else "")
            return clause_of(act, summary, names)
        return clause_of(token, trigger.summary, names)

    def _told_as_result(self, token: Token, act: Token, timex: TimeExpression | None) -> bool:
        """In the perfect and dated by no phrase of the text (see `perfect`)."""
        return perfect(token) and not (timex is None and self._awaits_publication_date(act))

    def _awaits_publication_date(self, act: Token) -> bool:
        """Has the act a date phrase ("on Friday", "this week") that only the
        missing publication date keeps from resolving? Then the text dates it,
        as in a dated article: not background, kept, undated."""
        if self.published is not None:
            return False
        pending, _note = self.dates.for_trigger(act, unresolved=True)
        return pending is not None and pending.value is None and pending.granularity not in UNDATABLE_GRANULARITIES

    def _visits_a_person(self, token: Token) -> bool:
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            found = self.resolver.resolve(obj, "target")
            if found and found[0].kind == "person":
                return True
        return False

    def _also_companion(self, token: Token, participants: list[Participant]) -> MentionDraft | None:
        """The latest explicitly dated day-act by one of the same people, when
        the trigger's verb says "also"."""
        verb = token if token.pos_ == "VERB" else governing_verb(token)
        if verb is None or not any(c.lower_ == "also" for c in verb.children):
            return None
        people = {p.name for p in participants if p.kind == "person"}
        for draft in reversed(self.drafts):
            if self.memory.sentence_index - draft.sentence_index > 4:
                return None
            if (
                draft.date_explicit
                and draft.granularity == "day"
                and not draft.date_soft
                and people & {p.name for p in draft.participants}
            ):
                return draft
        return None

    def _narrative_day(self, trigger: Trigger | None = None) -> MentionDraft | None:
        """The explicit past day of the previous sentence's main clause, if any:
        "Aqazadeh arrived last night. He met ..." A wire story's "said" is
        the reporting day's, not the narrative's."""
        if trigger is not None and trigger.type == "STATEMENT":
            return None
        for draft in reversed(self.drafts):
            if draft.sentence_index < self.memory.sentence_index - 1:
                return None
            if draft.main_clause and self._told_on_a_past_day(draft):
                return draft
        return None

    def _told_on_a_past_day(self, draft: MentionDraft) -> bool:
        """Whether the text itself dates a mention to a day not after publication."""
        return bool(
            draft.date_explicit
            and draft.granularity == "day"
            and draft.date_value
            and not draft.date_soft
            and self.published
            and draft.date_value <= self.published.isoformat()
        )

    def _note_lead(self, sent: Span) -> None:
        """Whether the story is told after the fact, decided on its lead (its
        first sentence with a verb; a dateline is none): "On Saturday, the
        envoys met ..." published on a Monday is; "The envoys met ..." and "The
        envoys met last night ..." are not."""
        if self.memory.lead_read or self.published is None:
            return
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            return
        # A lead about yesterday is still the day's news (the wire's "said last
        # night"); one about two or more days back is a story told after the fact.
        latest = (self.published - timedelta(days=2)).isoformat()
        before = [day for _i, day in past_days_in(self.dates, sent, self.published) if day <= latest]
        self.memory.lead_read = True
        self.memory.lead_day = before[0] if before else None

    def _story_day(self, token: Token, sent: Span) -> str | None:
        """In a story told after the fact, the day the story has reached: the day
        the sentence names nearest the act, else the last day an earlier act
        was explicitly given, else the day of the lead."""
        if self.memory.lead_day is None or self.published is None:
            return None
        days = past_days_in(self.dates, sent, self.published)
        if days:
            return min(days, key=lambda day: abs(day[0] - token.i))[1]
        dated = next((d for d in reversed(self.drafts) if self._told_on_a_past_day(d)), None)
        return dated.date_value if dated is not None else self.memory.lead_day

    def _is_future(self, timex: TimeExpression | None) -> bool:
        if timex is None or self.published is None or timex.date_start is None:
            return False
        if _STILL_TO_COME.search(timex.text) and timex.date_end and timex.date_end > self.published:
            return True  # "later this month": the part still to come
        return timex.date_start > self.published

    def _confidence(self, trigger: Trigger, participants: list[Participant], date_value: str | None) -> float:
        score = trigger.weight
        if len(participants) >= 2:
            score += 0.05
        if date_value:
            score += 0.05
        return round(min(score, 1.0), 2)

    def _participants(self, token: Token, trigger: Trigger) -> list[Participant]:
        return gather(self._gathering(token, trigger))

    def _gathering(self, token: Token, trigger: Trigger) -> Gathering:
        """What the participant rules read about `token`, nobody found yet."""
        return Gathering(
            token,
            trigger,
            self.resolver,
            places=self,
            speaker=_reporting_verb(token),
            governor=governing_verb(token),
            means=means_nouns(token, trigger.means),
        )

    def _place(self, token: Token) -> Place | None:
        from timeline.actors.places import resolve_place

        start, end = args_.noun_phrase(token)
        span = self.doc[start:end]
        text = args_._strip_determiner(span)
        place = resolve_place(text) if text else None
        if place is None and token.ent_type_ in ("GPE", "LOC", "FAC"):
            place = resolve_place(token.text)
        return place

    def event_place(
        self, token: Token, trigger: Trigger, participants: list[Participant]
    ) -> tuple[str, str | None] | None:
        candidates = args_.place_tokens(token)
        governor = governing_verb(token) if token.pos_ != "VERB" else None
        if governor is not None:
            candidates += args_.place_tokens(governor)
        best = None
        rank = {"site": 0, "city": 1, "region": 2, "country": 3}
        for cand in candidates:
            if cand.pos_ not in ("PROPN", "NOUN") or (
                cand.pos_ == "NOUN" and not cand.ent_type_ and cand.lower_ not in ("cosmodrome",)
            ):
                if not any(c.pos_ == "PROPN" for c in cand.lefts):
                    continue
            place = self._place(cand)
            if place is None:
                continue
            if any(p.name == place.name and p.kind != "country" for p in participants):
                continue
            if best is None or rank.get(place.kind, 4) < rank.get(best.kind, 4):
                best = place
        if best is None:
            return None
        return best.name, self._country_then(best.country)

    def _country_then(self, country: str | None) -> str | None:
        """The state a place belonged to on the publication date: Moscow is in
        the Soviet Union in 1987, Bonn in West Germany (the gazetteer's dated
        names); places give today's country."""
        if country is None or self.published is None:
            return country
        ref = self.gaz.lookup(country, on=self.published)
        return ref.name if ref is not None and ref.kind == "country" else country


_STILL_TO_COME = re.compile(r"\b(?:later|next|coming|upcoming)\b", re.IGNORECASE)


def _reporting_verb(token: Token) -> Token | None:
    """The say/tell verb whose reported clause holds `token`."""
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in REPORTING_VERBS | {"warn"}:
            return node
    return None


def _new_occasion(draft: MentionDraft) -> bool:
    """ "the talks ... until May": anaphoric, nobody named, but dated by a phrase of its own."""
    return draft.anaphoric and draft.date_explicit and not draft.participants


def _about_anothers_act(token: Token, sentence_drafts: list[MentionDraft]) -> bool:
    """ "The Chilean foreign ministry denounced the visit": what an act is
    about is someone else's; its actor did not take part in it."""
    return any(
        token.head.i == d.token_key[1]
        and token.dep_ in ("dobj", "nsubjpass")
        and d.trigger.type in ("ACCUSE", "REJECT", "THREATEN", "SANCTION", "STATEMENT")
        for d in sentence_drafts
    )


def _acting_in(sentence_drafts: list[MentionDraft]) -> list[Participant]:
    """ "during the flight to Lima yesterday, Berg said": the sources and
    participants of the sentence's first mention that has any."""
    return next(
        (
            [p for p in d.participants if p.role in ("source", "participant")]
            for d in sentence_drafts
            if any(p.role in ("source", "participant") for p in d.participants)
        ),
        [],
    )


def _fold_into_meetings(sentence_drafts: list[MentionDraft], doc: Doc) -> list[MentionDraft]:
    """ "When ministers met on March 30, several, notably Guillaume, said ...":
    a statement made within a meeting is part of the meeting (its speakers
    take part in it), not an event of its own."""
    kept = []
    for draft in sentence_drafts:
        token = doc[draft.token_key[1]]
        meeting = None
        if draft.trigger.type == "STATEMENT" and draft.record.date_rule and "when-clause" in draft.record.date_rule:
            for clause in (c for c in token.children if c.dep_ == "advcl"):
                span = {t.i for t in clause.subtree}
                meeting = next(
                    (d for d in sentence_drafts if d.trigger.type == "CONSULT" and d.token_key[1] in span), None
                )
                if meeting is not None:
                    break
        if meeting is None:
            kept.append(draft)
            continue
        for p in draft.participants:
            if not any(q.name == p.name for q in meeting.participants):
                meeting.participants.append(
                    Participant(p.name, p.kind, "participant", p.country, p.qid, p.surface, known=p.known)
                )
    return kept


OCCASION_NOUNS = words("lexicon", "occasion_nouns")


def _names_occasion(token: Token) -> bool:
    """ "In a joint statement, Chirac and Reagan said ...": the saying tells
    its own occasion, so it is not folded into another day's remarks."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "during")):
        if any(p.dep_ == "pobj" and p.lemma_.lower() in OCCASION_NOUNS for p in prep.children):
            return True
    return False


def _dateline_place(doc: Document) -> Place | None:
    """The place of the story's dateline ("ABU DHABI, March 11"): where "here"
    is, and where someone who "arrived" with no place named arrived."""
    from timeline.actors.places import resolve_place

    if not doc.dateline_place:
        return None
    return resolve_place(doc.dateline_place.title(), on=doc.published)


def _arguments(participants: list[Participant]) -> dict[str, list[str]]:
    """Each role's participants as the sentence named them, once each ("his
    Kenyan counterpart")."""
    return {
        role: list(dict.fromkeys(p.surface for p in participants if p.role == role and p.surface))
        for role in ("source", "target", "participant", "host")
        if any(p.role == role for p in participants)
    }


def _names_for_headline(participants: list[Participant]) -> dict[str, str]:
    """How the sentence named each actor -> the actor's name, for the headline:
    "Berg" is Ingrid Berg and "his Kenyan counterpart" Amara Osei; a state
    stays as written ("Lima" is not "Peru"), and a person's country, which
    shares the person's words, does not replace the person."""
    named: dict[str, list[str]] = {}
    for p in participants:
        if p.surface and (p.kind != "country" or not p.surface[:1].isupper()):
            named.setdefault(p.surface, []).append(p.name)
    # "the two leaders": every actor the phrase names.
    return {s: n[0] if len(n) == 1 else ", ".join(n[:-1]) + " and " + n[-1] for s, n in named.items()}


def _trigger_text(token: Token) -> str:
    # "chin-wag" is three tokens; show the whole word.
    doc = token.doc
    start, end = token.i, token.i + 1
    while (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
    ):
        start -= 2
    return doc[start:end].text
