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
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from timeline.datafiles import words
from timeline.events import arguments as args_
from timeline.events.dating import SAYING_NOTE, DateAttacher, EventLink, past_days_in, resolve_links
from timeline.events.during import date_during, link_during
from timeline.events.headline import Clause, clause_of
from timeline.events.lexicon import Lexicon, Trigger, load_lexicon
from timeline.events.merge import merge_mentions
from timeline.events.modality import ASSERTED, PLANNED, modality
from timeline.events.participants import Gathering, gather
from timeline.events.rules import RuleSet
from timeline.events.segment import paragraphs
from timeline.events.statements import intergovernmental, speaks_of_abroad, statement_worthy
from timeline.events.syntax import governing_verb
from timeline.events.types import Extraction, MentionRecord, Participant
from timeline.sources.document import Document
from timeline.temporal.lexicon import CARDINALS as NUMBER_WORDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from timeline.actors.gazetteer import Gazetteer
    from timeline.actors.places import Place
    from timeline.events.segment import Paragraph
    from timeline.temporal import TimeExpression

# Nouns that, with "the" and no participants of their own, refer back to an
# event already reported ("The meeting took place ...").
ANAPHORIC_DETERMINERS = {"the", "this", "that", "these", "those"}
PRAISE_WORDS = words("lexicon", "praise_words")
REPORTING_VERBS = {"say", "tell", "announce", "state", "report", "add", "confirm", "explain", "note"}


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


def extract_document(doc: Document, *, nlp: Language | None = None) -> Extraction:
    """The events one article reports, merged within the article."""
    return next(iter(extract_documents([doc], nlp=nlp)))


def extract_documents(
    docs: Iterable[Document], *, nlp: Language | None = None, batch_size: int = 64
) -> Iterator[Extraction]:
    """The events of many articles, in order, one `Extraction` each.

    The candidate paragraphs of all articles go through spaCy as one stream,
    so the parser works on full batches instead of one article at a time.
    """
    from itertools import chain

    lexicon = load_lexicon()
    docs = list(docs)
    candidates = [_candidate_paragraphs(doc, lexicon) for doc in docs]
    if nlp is None and any(candidates):
        from timeline import nlp as nlp_module

        nlp = nlp_module.load()
    texts = (p.text for p in chain.from_iterable(candidates))
    parsed = iter(nlp.pipe(texts, batch_size=batch_size)) if nlp is not None else iter(())
    for doc, paragraphs_ in zip(docs, candidates):
        spacy_docs = [next(parsed) for _ in paragraphs_]
        yield _extract_parsed(doc, paragraphs_, spacy_docs, lexicon)


def _candidate_paragraphs(doc: Document, lexicon: Lexicon) -> list[Paragraph]:
    names = _speaker_names()
    return [p for p in paragraphs(doc.body) if lexicon.may_hold_event(p.text, names)]


@lru_cache(maxsize=1)
def _speaker_names() -> frozenset[str]:
    """Lower-case surnames of the gazetteer's people, for the cheap pre-filter."""
    from timeline.actors import load_gazetteer

    names = set()
    for actor in load_gazetteer().actors():
        if actor.kind == "person":
            for name in (actor.name, *(actor.aliases or ())):
                last = name.split()[-1].lower() if name.split() else ""
                if len(last) > 2:
                    names.add(last)
    return frozenset(names)


def _extract_parsed(doc: Document, candidates: list[Paragraph], spacy_docs: list[Doc], lexicon: Lexicon) -> Extraction:
    from timeline.actors import load_gazetteer

    if not candidates:
        return Extraction(needs_publication_date=doc.published is None)
    gazetteer = load_gazetteer()
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
        # An ultimatum is made when it is said: its time and modality are the saying's.
        act = (_reporting_verb(token) or token) if trigger.ultimatum else token
        timex, rule_note = self.dates.for_trigger(act)
        mood = modality(act, future_date=self._is_future(timex))
        when = _explicit_date(timex, rule_note)
        if when.value is None and self.published:
            undated = UndatedAct(self, token, act, trigger, participants, sent, mood)
            when = UNDATED.first(undated)[0] or when
        when = _spread_over_stated_days(when, token)
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
            main_clause=_in_main_clause(token),
            date_soft=when.soft,
            perfect=self._told_as_result(token, act, timex),
            own_occasion=_names_occasion(token),
            clause=self._clause(token, act, trigger, participants),
        )

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
        """In the perfect and dated by no phrase of the text (see `_perfect`)."""
        return _perfect(token) and not (timex is None and self._awaits_publication_date(act))

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
            means=_means(token, trigger.means),
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


# --- does a token count as its lexicon entry: the rules of CONDITIONS, in order ------
#
# One check per condition key of timeline/data/triggers.yaml, and the few the
# lexicon does not spell; each answers True when the token fails it.


@dataclass
class EntryMatch:
    """A token and a lexicon entry of its lemma, while the entry's conditions are checked."""

    reader: _ParagraphReader
    token: Token
    entry: Trigger

    @cached_property
    def children(self) -> list[Token]:
        return list(self.token.children)


CONDITIONS: RuleSet[[EntryMatch], bool] = RuleSet("triggers", "which condition of its lexicon entry does a word fail?")


@CONDITIONS.register
def _part_of_a_name(m: EntryMatch) -> bool | None:
    """a noun inside a name is no event: "the Summit Hotel", "the Lima Accords" """
    if m.entry.pos == "NOUN" and m.token.ent_type_ in ("ORG", "GPE", "PERSON", "WORK_OF_ART", "LAW"):
        return True
    return None


@CONDITIONS.register
def _particles(m: EntryMatch) -> bool | None:
    """particles: the verb needs one of the entry's particles or prepositions:
    "called for talks", "broke off relations" """
    if not m.entry.particles:
        return None
    # "called Mr Vidal on Tuesday": a phrase of time is no particle
    given = {c.lower_ for c in m.children if c.dep_ in ("prt", "prep") and not _phrase_of_time(c)}
    return True if not given & m.entry.particles else None


def _phrase_of_time(prep: Token) -> bool:
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


@CONDITIONS.register
def _needs_oprd(m: EntryMatch) -> bool | None:
    """needs_oprd: the verb needs an object predicate: "called the envoy 'a
    spy'" """
    if m.entry.needs_oprd and not any(c.dep_ in ("oprd", "xcomp", "attr") for c in m.children):
        return True
    return None


@CONDITIONS.register
def _needs_praise(m: EntryMatch) -> bool | None:
    """needs_praise: the object predicate praises: "called Ms Berg 'a true
    friend'", not "called her 'a liar'" """
    if not m.entry.needs_praise:
        return None
    predicates = [c for c in m.children if c.dep_ in ("oprd", "xcomp", "attr")]
    praised = any(t.lemma_.lower() in PRAISE_WORDS for c in predicates for t in c.subtree)
    return None if praised else True


@CONDITIONS.register
def _objects(m: EntryMatch) -> bool | None:
    """objects: the verb needs an object the entry names, or a number "of" them:
    "recalled its envoy", "signed a series of accords", "signed two pacts" """
    wanted = m.entry.objects
    if wanted and not any(o.lemma_.lower() in wanted or o.lower_ in wanted for o in _counted_objects(m.children)):
        return True
    return None


def _counted_objects(children: list[Token]) -> list[Token]:
    """The objects among `children`, and what "a series of", "a number of" counts."""
    objs = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    return objs + [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]


@CONDITIONS.register
def _not_objects(m: EntryMatch) -> bool | None:
    """not_objects: an object the entry excludes: "to meet a deadline", "the
    quota was met" """
    excluded = m.entry.not_objects
    if excluded and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in excluded for c in m.children):
        return True
    return None


@CONDITIONS.register
def _complements(m: EntryMatch) -> bool | None:
    """complements: the verb needs a complement verb the entry names: "proposed
    holding talks" """
    wanted = m.entry.complements
    if wanted and not any(c.dep_ in ("xcomp", "ccomp", "dobj") and c.lemma_.lower() in wanted for c in m.children):
        return True
    return None


@CONDITIONS.register
def _modifiers(m: EntryMatch) -> bool | None:
    """modifiers: the noun needs a compound or adjective the entry names: "a
    telephone call" """
    if (
        m.entry.modifiers
        and not {c.lemma_.lower() for c in m.children if c.dep_ in ("compound", "amod")} & m.entry.modifiers
    ):
        return True
    return None


@CONDITIONS.register
def _governors(m: EntryMatch) -> bool | None:
    """governors: the noun counts only under a verb the entry names: "reached an
    accord", "imposed sanctions" """
    if not m.entry.governors:
        return None
    governor = governing_verb(m.token)
    return True if governor is None or governor.lemma_.lower() not in m.entry.governors else None


@CONDITIONS.register
def _joined_by_or(m: EntryMatch) -> bool | None:
    """ultimatum: the verb counts only as the second half of an ultimatum, joined
    by "or": "must lift the ban or face tariffs" """
    if not m.entry.ultimatum:
        return None
    joined = (c for t in (m.token.head, m.token) for c in t.children if c.dep_ == "cc" and c.lower_ == "or")
    return None if any(joined) else True


@CONDITIONS.register
def _means_of_contact(m: EntryMatch) -> bool | None:
    """means: the verb needs a "by", "over" or "via" phrase the entry names:
    "spoke by telephone", "talked over a video link" """
    return True if m.entry.means and not _means(m.token, m.entry.means) else None


@CONDITIONS.register
def _partner_named(m: EntryMatch) -> bool | None:
    """partners: the verb needs a "with" (or other named) phrase that names an
    actor: "spoke with Mr Vidal" is a consultation, "spoke with reporters" is
    not"""
    if not m.entry.partners:
        return None
    for prep in (c for c in m.children if c.dep_ == "prep" and c.lower_ in m.entry.partners):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            if (
                pobj.pos_ == "PROPN"
                or pobj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                or pobj.lemma_ == "counterpart"
            ):
                return None
    return True


@CONDITIONS.register
def _needs_threat(m: EntryMatch) -> bool | None:
    """needs_threat: a warning is a threat with an addressee, a condition or a
    punitive word: "warned Peru", "warned of reprisals" """
    return True if m.entry.needs_threat and not _threatens(m.token) else None


@CONDITIONS.register
def _call_to_the_reporter(m: EntryMatch) -> bool | None:
    """a telephone call in which a source spoke to the reporter is no call
    between officials: "a spokesman said in a telephone call" """
    if m.entry.mode == "phone" and m.entry.pos == "NOUN" and _said_over_the_phone(m.token):
        return True
    return None


@CONDITIONS.register
def _needs_place(m: EntryMatch) -> bool | None:
    """needs_place: a trip verb needs a destination, or a trigger noun after
    "for": "flew to Lima", "left for talks" """
    return True if m.entry.needs_place and not m.reader._has_destination(m.token) else None


@CONDITIONS.register
def _worth_a_statement(m: EntryMatch) -> bool | None:
    """a saying verb is a statement only when it says something diplomatic (see
    `statements.SAYINGS`)"""
    if m.entry.type == "STATEMENT" and m.entry.pos == "VERB" and not statement_worthy(m.reader, m.token):
        return True
    return None


# --- which triggers are no event: the rules of NO_EVENT, in the order they are tried --


@dataclass
class Candidate:
    """A trigger with the participants found for it, before it becomes a mention."""

    token: Token
    trigger: Trigger
    participants: list[Participant]
    officials: set[str]  # the people the article gave a public office
    gaz: Gazetteer | None = None  # for `abroad`; without one a saying counts as foreign policy
    published: date | None = None

    @cached_property
    def abroad(self) -> bool:
        """Whether a saying is foreign policy (`statements.speaks_of_abroad`),
        worked out only when a rule asks."""
        if self.gaz is None or self.trigger.type != "STATEMENT":
            return True
        return speaks_of_abroad(self.token, self.token.sent, self.participants, self.gaz, self.published)

    @property
    def anaphoric(self) -> bool:
        """ "The meeting took place ...": nobody named, the noun refers back."""
        return (
            not self.participants
            and self.token.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in self.token.children)
        )


NO_EVENT: RuleSet[[Candidate], bool] = RuleSet(
    "events", "which trigger, with the participants found for it, reports no diplomatic event?"
)


@NO_EVENT.register
def _visitor_of_another_kind(c: Candidate) -> bool | None:
    """the entry names who may be its object, and nobody named is: "hosting a
    football club" is no diplomatic visit"""
    kinds = c.trigger.objects_kind
    if kinds and not any(p.role in ("target", "participant") and p.kind in kinds for p in c.participants):
        return True
    return None


@NO_EVENT.register
def _no_named_object(c: Candidate) -> bool | None:
    """the entry needs a named object and has none: "received a letter from
    Peru" is no visit"""
    if c.trigger.objects_kind and not any(
        d.dep_ == "dobj" and (d.pos_ == "PROPN" or d.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
        for d in c.token.children
    ):
        return True
    return None


@NO_EVENT.register
def _nobody_named(c: Candidate) -> bool | None:
    """no participant, and no "the talks" that refers back to talks told before:
    "talks would help" """
    return True if not c.participants and not c.anaphoric else None


@NO_EVENT.register
def _nobody_does_it(c: Candidate) -> bool | None:
    """a directed act or a saying that nobody named does: "Peru was urged to lift
    the ban" """
    if (
        c.trigger.args in ("directed", "speaker")
        and c.trigger.mode != "visit"
        and not any(p.role in ("source", "host") for p in c.participants)
    ):
        return True
    return None


@NO_EVENT.register
def _nobody_travels(c: Candidate) -> bool | None:
    """a trip verb with no traveller: "attention will go to Lima"; only people
    and states travel. Trips in the plural with none are a service, not a
    journey: "restrictions on flights to Lima" """
    if c.trigger.mode != "visit" or any(p.role == "source" for p in c.participants):
        return None
    return True if c.token.pos_ == "VERB" or c.token.tag_ == "NNS" else None


@NO_EVENT.register
def _going_home(c: Candidate) -> bool | None:
    """an arrival in the traveller's own country is a return: "Mr Vidal (of
    Chile) arrived in Santiago" """
    return True if c.trigger.mode == "visit" and _goes_home(c.participants) else None


@NO_EVENT.register
def _domestic_statement(c: Candidate) -> bool | None:
    """a statement by no official, or involving no other state or international
    body: "Kenyan economist Joseph Kamau said prices would rise" """
    if c.trigger.type != "STATEMENT":
        return None
    # A head of government, minister, state or body of the gazetteer speaks
    # for its state when it speaks of others: "the Speaker said the border must
    # be kept safe" is home politics.
    if c.abroad and any(p.role == "source" and p.known for p in c.participants):
        return None
    return True if not intergovernmental(c.participants, c.officials) else None


@NO_EVENT.register
def _private_persons(c: Candidate) -> bool | None:
    """only private persons, no state or organisation acts: "Joseph Kamau met
    Maria Lopez" """
    if not c.anaphoric and not any(p.kind != "person" or p.country for p in c.participants):
        return True
    return None


# --- the date of a mention ---------------------------------------------------------------


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


def _explicit_date(timex: TimeExpression | None, rule_note: str | None) -> MentionDate:
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


def _spread_over_stated_days(when: MentionDate, token: Token) -> MentionDate:
    """ "a two-day visit": the day named is the start, or the end when the act
    happened "at the end of" it ("at the end of a two-day visit ... on Monday")."""
    span = _stated_duration(token)
    if not (span and when.granularity == "day" and when.value and not when.soft):
        return when
    first = date.fromisoformat(when.value)
    if _at_end_of(token):
        first -= timedelta(days=span - 1)
    return replace(
        when, value=first.isoformat(), start=first.isoformat(), end=(first + timedelta(days=span - 1)).isoformat()
    )


def _arguments(participants: list[Participant]) -> dict[str, list[str]]:
    """Each role's participants as the sentence named them, once each ("his
    Kenyan counterpart")."""
    return {
        role: list(dict.fromkeys(p.surface for p in participants if p.role == role and p.surface))
        for role in ("source", "target", "participant", "host")
        if any(p.role == role for p in participants)
    }


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


OCCASION_NOUNS = {
    "statement",
    "interview",
    "conference",
    "communique",
    "speech",
    "letter",
    "broadcast",
    "declaration",
    "briefing",
}


def _names_occasion(token: Token) -> bool:
    """ "In a joint statement, Chirac and Reagan said ...": the saying tells
    its own occasion, so it is not folded into another day's remarks."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "during")):
        if any(p.dep_ == "pobj" and p.lemma_.lower() in OCCASION_NOUNS for p in prep.children):
            return True
    return False


def _goes_home(participants: list[Participant]) -> bool:
    """Do all travellers belong to the one country travelled to?"""
    targets = {p.name for p in participants if p.role == "target" and p.kind == "country"}
    sources = [p for p in participants if p.role == "source"]
    homes = {p.country or (p.name if p.kind == "country" else None) for p in sources}
    return bool(targets) and bool(sources) and None not in homes and targets <= homes


def _dateline_place(doc: Document) -> Place | None:
    """The place of the story's dateline ("ABU DHABI, March 11"): where "here"
    is, and where someone who "arrived" with no place named arrived."""
    from timeline.actors.places import resolve_place

    if not doc.dateline_place:
        return None
    return resolve_place(doc.dateline_place.title(), on=doc.published)


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


def _perfect(token: Token) -> bool:
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


def _in_main_clause(token: Token) -> bool:
    verb = token if token.pos_ == "VERB" else governing_verb(token)
    return verb is not None and verb.dep_ == "ROOT"


def _reported_now(token: Token) -> bool:
    """Does the trigger's clause report an act of the story's own time: simple
    past ("met", "signed"), present ("opens talks", "are threatening") or a
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


# What makes a warning a threat (gold-dev guide: "a warning of retaliation or
# sanctions"): punitive words in what is said.
THREAT_WORDS = {
    "retaliate",
    "retaliation",
    "retaliatory",
    "reprisal",
    "sanction",
    "tariff",
    "duty",
    "ban",
    "embargo",
    "boycott",
    "measure",
    "action",
    "step",
    "consequence",
    "cost",
    "punish",
    "punitive",
    "countermeasure",
    "force",
    "war",
    "attack",
    "row",
    "dispute",
    "break",
    "sever",
    "expel",
    "suspend",
    "cut",
}


def _means(verb: Token, nouns: frozenset[str]) -> list[Token]:
    """The "by phone", "over a video link", "via telephone" nouns of `verb`
    that are among `nouns` (the noun or its compound)."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("by", "over", "via", "on")
        for g in c.children
        if g.dep_ == "pobj"
        and (g.lemma_.lower() in nouns or any(m.dep_ == "compound" and m.lemma_.lower() in nouns for m in g.children))
    ]


def _said_over_the_phone(noun: Token) -> bool:
    """ "a spokesman said in a telephone call from Washington", "told Reuters
    in a telephone call": how a source spoke to the reporter, not a call
    between officials."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "by", "over", "during"):
        return False
    verb = prep.head
    return verb.lemma_.lower() in (
        "say",
        "tell",
        "add",
        "comment",
        "explain",
        "confirm",
        "deny",
        "report",
        "speak",
        "interview",
    )


def _threatens(verb: Token) -> bool:
    """ "warned Japan", "warned that a trade row will develop if the EC
    proceeds", "warned of retaliation": a threat; "warned that agreement may
    be difficult" is a statement."""
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "dative") for c in children):
        return True
    said = [t for c in children if c.dep_ in ("ccomp", "prep", "xcomp", "advcl") for t in c.subtree]
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in said):
        return True
    if any(t.dep_ == "cc" and t.lower_ == "or" for t in said):
        return True
    return any(t.lemma_.lower() in THREAT_WORDS for t in said)


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
