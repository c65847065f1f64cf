"""Which time expression dates which event, and event-anchored dates.

A time expression dates the trigger it hangs on in the dependency parse: the
rules of `DATE_SOURCES` are tried in order — the trigger's own schedule, the
first expression on the walk up from the trigger to the root (stopped by the
`BARRIERS`: "calling Mr Obi a traitor" inside "this week condemned"),
a when-clause, then below the trigger ("suggested ... during a meeting on
Friday"). Phrases such as "two days after the envoys met" link two events: the
main clause's and the subordinate clause's (`ANCHORS` find the latter);
`resolve_links` dates one from the other once merging has settled which event
each mention belongs to, following chains and refusing cycles (TimeML TLINKs
with a duration).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from timeline.datafiles import words
from timeline.events.rules import RuleSet
from timeline.temporal import TimeExpression, find_time_expressions, resolve_relative, value_range

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Doc, Span, Token

    from timeline.events.types import MentionRecord

DATING_TYPES = {"DATE", "TIME"}
RELATION_WORDS = words("dating", "relation_words")
CLAUSE_BARRIERS = {"relcl"}
SPEAKING_VERBS = words("dating", "speaking_verbs")
MOTION_VERBS = words("dating", "motion_verbs")
SAYING_VERBS = words("common", "reporting_verbs")
SCHEDULING_VERBS = words("dating", "scheduling_verbs")
OCCURRENCE_VERBS = words("dating", "occurrence_verbs")
FUTURE_GOVERNORS = words("dating", "future_governors")
SCHEDULES_TOLD = words("dating", "schedules_told")
PORTION_NOUNS = words("dating", "portion_nouns")
SIMULTANEOUS_MARKS = words("dating", "simultaneous_marks")
ADJACENT_MARKS = words("dating", "adjacent_marks")
LATELY_WORDS = words("dating", "lately_words")
MODAL_VERBS = words("dating", "modal_verbs")
FUTURE_AUX = words("common", "future_auxiliaries")
SAYING_NOTE = "date of the saying that reports it"


@dataclass
class EventLink:
    """ "main happened `offset` `relation` sub": e.g. main = the premiers' meeting,
    relation = after, offset = P2D, sub = the envoys' meeting. `sub` None means
    the event reported just before `main` ("a week later")."""

    main: int  # mention index
    sub: int | None
    expression: TimeExpression


class LinkedDraft(Protocol):
    """What dating needs of a mention being drafted (extraction's draft)."""

    index: int
    token_key: tuple[int, int]  # (paragraph, token index)
    links: list[EventLink]
    record: MentionRecord


class DatedEvent(Protocol):
    """What `resolve_links` needs of an event being merged."""

    date: str | None
    date_soft: bool
    date_is_own: bool

    @property
    def mention_indices(self) -> list[int]: ...

    def set_date_from(
        self, expr: TimeExpression, anchor_event: Any, link: EventLink, drafts: Any, inverse: bool = False
    ) -> None: ...


# --- the tense of a clause ------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """The verb of a clause and its auxiliaries."""

    verb: Token
    auxiliaries: tuple[Token, ...]

    @property
    def aux_words(self) -> set[str]:
        return {a.lower_ for a in self.auxiliaries}


TENSES: RuleSet[[Clause], str] = RuleSet("dating", "what is the tense of a clause (TimeML tense)?")


def tense_of_token(token: Token) -> str | None:
    """Tense of the clause a token belongs to, from the parse (TimeML tense)."""
    return tense_and_rule(token)[0]


def tense_and_rule(token: Token) -> tuple[str | None, str | None]:
    """The tense of `token`'s clause and the name of the rule that found it."""
    verb = _clause_verb(token)
    if verb is None:
        return None, None
    return TENSES.first(Clause(verb, tuple(c for c in verb.children if c.dep_ in ("aux", "auxpass"))))


def _clause_verb(token: Token) -> Token | None:
    """The verb or auxiliary at most five steps above `token`, if any."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX"):
            return verb
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


@TENSES.register
def _future_tense(clause: Clause) -> str | None:
    """future auxiliary: "will meet on Friday", "shall go to Oslo on Tuesday",
    "'ll sign the pact on Monday" → future"""
    return "future" if clause.aux_words & FUTURE_AUX else None


@TENSES.register
def _scheduled_participle(clause: Clause) -> str | None:
    """a participle that schedules its noun: "a summit scheduled for late June",
    "the talks set for Monday", "a visit planned for next week" → future"""
    verb = clause.verb
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() in SCHEDULING_VERBS:
        return "future"
    return None


@TENSES.register
def _infinitive_to_come(clause: Clause) -> str | None:
    """a "to"-infinitive under a present planning word: "is to arrive on
    Sunday", "is due to visit Rome on Sunday", "plan to leave on Monday" → future"""
    verb = clause.verb
    if not (verb.tag_ == "VB" and "to" in clause.aux_words and verb.dep_ == "xcomp" and verb.head.i != verb.i):
        return None
    governor = verb.head
    if governor.lemma_.lower() in FUTURE_GOVERNORS and tense_of_token(governor) in ("present", "future"):
        return "future"
    return None


@TENSES.register
def _schedule_told_in_the_past(clause: Clause) -> str | None:
    """a schedule told in the past tense still points ahead of the story: "was
    due to meet Mr Vidal on Saturday", "were expected to sign on Monday" → future"""
    verb = clause.verb
    if not (verb.tag_ == "VB" and "to" in clause.aux_words and verb.dep_ == "xcomp" and verb.head.i != verb.i):
        return None
    governor = verb.head
    if governor.lemma_.lower() in SCHEDULES_TOLD and tense_of_token(governor) == "past":
        return "future"
    return None


@TENSES.register
def _future_in_the_past(clause: Clause) -> str | None:
    """future in the past: "said he would leave on Monday", "said the envoy would
    travel on Sunday" → future"""
    return "future" if "would" in clause.aux_words and clause.verb.tag_ == "VB" else None


@TENSES.register
def _past(clause: Clause) -> str | None:
    """past or perfect: "met on Friday", "did not meet on Friday", "have met on
    Friday" → past"""
    if clause.verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in clause.auxiliaries):
        return "past"
    return "past" if clause.aux_words & {"has", "have", "had"} else None


@TENSES.register
def _bare_participle(clause: Clause) -> str | None:
    """a participle without auxiliary: "a treaty signed in Lima", "the talks
    held on Monday" → past"""
    return "past" if clause.verb.tag_ == "VBN" and not clause.auxiliaries else None


@TENSES.register
def _be_to(clause: Clause) -> str | None:
    """present "be" with a participle and an infinitive: "are expected to sign
    on Monday", "is scheduled to arrive on Sunday" → future"""
    if clause.aux_words & {"is", "are", "am"} and any(c.dep_ == "xcomp" for c in clause.verb.children):
        return "future"
    return None


@TENSES.register
def _present(clause: Clause) -> str | None:
    """present: "meets the king on Friday", "are meeting on Friday" → present"""
    if clause.verb.tag_ in ("VBZ", "VBP") or clause.aux_words & {"is", "are", "am"}:
        return "present"
    return None


# --- which expression dates a trigger -------------------------------------------

Dated = tuple[TimeExpression, str | None]  # the expression, and a note when it was borrowed

DATE_SOURCES: RuleSet[[DateAttacher, Token, bool], Dated] = RuleSet("dating", "which time expression dates a trigger?")
BARRIERS: RuleSet[[Token, Token], bool] = RuleSet(
    "dating", "where does the walk up from a trigger stop looking for its date?"
)


class DateAttacher:
    """The time expressions of one parsed paragraph and the tokens they hang on."""

    def __init__(self, spacy_doc: Doc, published: date | None) -> None:
        self.doc = spacy_doc

        def tense_of(start: int, end: int) -> str | None:
            span = spacy_doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                return None
            return tense_of_token(span.root)

        self.expressions = list(find_time_expressions(spacy_doc.text, published, tense_of=tense_of))
        self.by_token: dict[int, list[TimeExpression]] = {}
        self.span_root: dict[int, int] = {}
        self.inside: set[int] = set()
        # Event-anchored expressions (by id) -> the tokens of the clause they are anchored on.
        self.anchor_tokens: dict[int, set[int]] = {}
        for i, expr in enumerate(self.expressions):
            span = spacy_doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None:
                continue
            self.inside.update(range(span.start, span.end))
            relation = _relation_token(span) if expr.anchor == "event" and expr.relation else None
            anchor = anchor_clause(relation) if relation is not None else None
            if anchor is not None:
                self.anchor_tokens[id(expr)] = anchor_tokens_of(anchor)
            if len(span) == 0:
                continue
            self.span_root[i] = span.root.i
            self.by_token.setdefault(_attachment(span).i, []).append(expr)

    def usable(self, expr: TimeExpression, unresolved: bool = False) -> bool:
        """A date or time with a value, or an event-anchored one to resolve later;
        `unresolved`: also one that only a missing publication date leaves without a value."""
        if unresolved and expr.anchor == "publication":
            return expr.type in DATING_TYPES
        return expr.type in DATING_TYPES and (expr.value is not None or expr.anchor == "event")

    def anchoring(self, token: Token) -> list[set[int]]:
        """The anchor clauses `token` lies in (as token sets): its date comes
        from inside them, and the date of the clause anchored on them follows
        from it ("the meeting" of "two days after the envoys met")."""
        return [tokens for tokens in self.anchor_tokens.values() if token.i in tokens]

    def on(self, tokens: Iterable[Token]) -> Iterable[tuple[Token, TimeExpression]]:
        """The expressions that hang on each of `tokens`, in order."""
        for tok in tokens:
            for expr in self.by_token.get(tok.i, []):
                yield tok, expr

    def for_trigger(self, token: Token, *, unresolved: bool = False) -> tuple[TimeExpression | None, str | None]:
        """The expression dating the trigger, and a note when it was borrowed
        from a governing or governed phrase. `unresolved`: also the phrases
        that only a missing publication date leaves without a value."""
        return self.for_trigger_and_rule(token, unresolved=unresolved)[0]

    def for_trigger_and_rule(
        self, token: Token, *, unresolved: bool = False
    ) -> tuple[tuple[TimeExpression | None, str | None], str | None]:
        """`for_trigger` and the name of the rule that found the expression."""
        found, rule = DATE_SOURCES.first(self, token, unresolved)
        return found or (None, None), rule

    def link_relative(
        self, sentence_drafts: Sequence[LinkedDraft], previous: Sequence[LinkedDraft], sent: Span
    ) -> None:
        """Record event-anchored links ("two days after", "a week later") between
        the mentions of one sentence, or to the mention before it."""
        for i, expr in enumerate(self.expressions):
            if expr.anchor != "event" or not expr.relation:
                continue
            root_i = self.span_root.get(i)
            if root_i is None or not (sent.start <= root_i < sent.end):
                continue
            span = self.doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is not None:
                main = _link(expr, span, sentence_drafts, previous)
                if main is not None:
                    self._share_with_companions(expr, main, sentence_drafts)

    def _share_with_companions(self, expr: TimeExpression, main: LinkedDraft, drafts: Sequence[LinkedDraft]) -> None:
        """Mentions whose walk up reaches the phrase that dates `main` share
        `main`'s day once it is known: "two days later, X flew to Oslo to meet
        Y" — the meeting the flight was for, on the flight's day."""
        same_day = dataclasses.replace(expr, relation="same", offset=None, granularity="day")
        for draft in drafts:
            if draft is main or draft.links:
                continue
            found, _rule = self.for_trigger_and_rule(self.doc[draft.token_key[1]])
            if found[0] is expr:
                draft.links.append(EventLink(main=draft.index, sub=main.index, expression=same_day))


@DATE_SOURCES.register
def _own_schedule(dates: DateAttacher, token: Token, unresolved: bool) -> Dated | None:
    """the noun's own schedule, before any time of its clause: "a summit
    scheduled for late June", "the talks set for Monday" (a calendar value)"""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for clause in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in SCHEDULING_VERBS):
        for _, expr in dates.on(clause.subtree):
            if expr.type in DATING_TYPES and expr.value and expr.value[:1].isdigit():
                return expr, None
    return None


@DATE_SOURCES.register
def _own_relative_clause(dates: DateAttacher, token: Token, unresolved: bool) -> Dated | None:
    """a relative clause that tells when the event noun itself took place gives
    the noun its date: "a meeting that ended last night", "talks which
    concluded on Friday", "the summit, which is scheduled for Thursday" (a
    verb of occurrence, or of scheduling in the passive, whose subject or
    object is the noun)"""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for clause in _relative_clauses(token):
        if not _tells_occurrence(clause):
            continue
        for _, expr in dates.on(_clause_and_complements(clause)):
            if dates.usable(expr, unresolved) and expr.anchor != "event":
                return expr, "date of its relative clause"
    return None


def _relative_clauses(noun: Token) -> list[Token]:
    """The noun's relative clauses, and one opened by "which" or "that" that the
    parser hung on the object of the noun's own preposition ("the talks with
    Peru, which ended on Friday")."""
    clauses = [c for c in noun.children if c.dep_ == "relcl"]
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            clauses += [c for c in pobj.children if c.dep_ == "relcl" and _opened_by_which(c)]
    return clauses


def _opened_by_which(clause: Token) -> bool:
    return any(c.tag_ == "WDT" and c.i < clause.i for c in clause.children)


def _tells_occurrence(clause: Token) -> bool:
    """ "that ended", "which was held", "which is scheduled", "which is due to
    end"; not a transitive verb with an object of its own ("Peru, which opened
    its market on Friday")"""
    if any(c.dep_ == "dobj" and c.tag_ != "WDT" for c in clause.children):
        return False
    for verb in _clause_and_complements(clause):
        lemma = verb.lemma_.lower()
        if lemma in OCCURRENCE_VERBS:
            return True
        if lemma in SCHEDULING_VERBS and (verb.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in verb.children)):
            return True
    return False


def _clause_and_complements(verb: Token) -> list[Token]:
    """A clause's verb and the verbs of its infinitive complements ("is due to end")."""
    out = [verb]
    for _ in range(2):
        nxt = [c for c in out[-1].children if c.dep_ in ("xcomp", "acomp") and c.pos_ in ("VERB", "AUX", "ADJ")]
        if not nxt:
            break
        out.append(nxt[0])
    return out


@DATE_SOURCES.register
def _on_the_way_up(dates: DateAttacher, token: Token, unresolved: bool) -> Dated | None:
    """the first expression on the trigger or a governor, up to a barrier: "met
    on Friday", "calling Mr Obi a traitor" inside "this week condemned"; a
    saying's date is noted as the saying's, a default for the act it reports:
    "have agreed to talks, a spokesman said on Tuesday", "... confirmed on Tuesday";
    an anchor clause keeps its own time ("the day after X met Y on Monday") and
    leaves the rest to its link ("met on Friday, four days after speaking to Z")"""
    anchored_in = dates.anchoring(token)
    for node in walk_up(token):
        if any(node.i not in tokens for tokens in anchored_in):
            return None  # out of an anchor clause: "met on Friday, four days after speaking with Y"
        # a calendar phrase before an event-anchored one: "Two days after meeting
        # X, Y flew to Seoul on Thursday" is Thursday (and the meeting two days before)
        for _, expr in sorted(dates.on([node]), key=lambda found: found[1].anchor == "event"):
            if dates.usable(expr, unresolved) and not _inside(expr, token) and not _anchors(dates, expr, token):
                saying = node.i != token.i and node.lemma_.lower() in SAYING_VERBS
                return expr, SAYING_NOTE if saying else None
    return None


def _anchors(dates: DateAttacher, expr: TimeExpression, token: Token) -> bool:
    """Whether `expr` is anchored on the clause `token` lies in."""
    return token.i in dates.anchor_tokens.get(id(expr), ())


def walk_up(token: Token) -> Iterator[Token]:
    """The trigger, then its governors up to the root or the first barrier."""
    node = token
    while True:
        yield node
        if node.head.i == node.i or BARRIERS.first(node, token)[0]:
            return
        node = node.head


@BARRIERS.register
def _relative_clause(node: Token, token: Token) -> bool | None:
    """a relative clause keeps its own time: "the envoy who met the minister
    flew home on Friday"; except one opened by "where", which happened where
    (and when) the governing clause went: "a stopover in Tunis, where she met
    the envoy" """
    return True if node.dep_ in CLAUSE_BARRIERS and not _locative_relative(node) else None


@BARRIERS.register
def _purpose_of_a_journey(node: Token, token: Token) -> bool | None:
    """the purpose of a journey happens after the departure, not on its day: "On
    Tuesday the premier will travel to Rome for talks" """
    purpose = node.dep_ == "pobj" and node.head.lower_ == "for" and node.head.head.lemma_.lower() in MOTION_VERBS
    return True if purpose else None


@BARRIERS.register
def _clause_with_its_own_subject(node: Token, token: Token) -> bool | None:
    """a coordinated clause with a subject of its own has its own time: "the
    envoy leaves on Tuesday, and they will meet the king" """
    if node.dep_ != "conj" or node.pos_ not in ("VERB", "AUX"):
        return None
    return True if _has_subject(node) else None


@BARRIERS.register
def _reported_act(node: Token, token: Token) -> bool | None:
    """a report's date is the saying's, not the reported act's: "the minister
    said on Monday that the talks ended" """
    return True if node.dep_ == "ccomp" and node.i != token.i else None


@DATE_SOURCES.register
def _when_clause(dates: DateAttacher, token: Token, unresolved: bool) -> Dated | None:
    """a when-clause is simultaneous with its main clause (TimeML SIMULTANEOUS):
    "when the ministers met on March 30, the leaders criticised the plan"; a
    speaking clause the parser hangs on what is said is the saying's occasion:
    "said, 'We will help', while addressing reporters yesterday" """
    for clause in _adverbial_clauses(token):
        if any(m.dep_ in ("advmod", "mark") and m.lower_ in SIMULTANEOUS_MARKS for m in clause.children):
            for _, expr in dates.on(clause.subtree):
                if dates.usable(expr, unresolved) and expr.anchor != "event":
                    return expr, "date of the when-clause"
    return None


def _adverbial_clauses(token: Token) -> list[Token]:
    """The adverbial clauses of `token`, and for a saying the speaking clauses
    the parser hung on what is said."""
    clauses = [c for c in token.children if c.dep_ == "advcl"]
    if token.lemma_.lower() in SAYING_VERBS:
        for said in (c for c in token.children if c.dep_ == "ccomp"):
            clauses += [c for c in said.children if c.dep_ == "advcl" and c.lemma_.lower() in SPEAKING_VERBS]
    return clauses


@DATE_SOURCES.register
def _governed_phrase(dates: DateAttacher, token: Token, unresolved: bool) -> Dated | None:
    """a phrase below the trigger, in its own clause: "suggested a ceasefire
    during a meeting on Friday", "suggested creating a fund on Friday" """
    for tok, expr in dates.on(t for t in token.subtree if t.i != token.i):
        if dates.usable(expr, unresolved) and expr.anchor != "event" and not _crosses_clause(tok, token):
            return expr, "date of the phrase it governs"
    return None


@DATE_SOURCES.register
def _verb_adjunct(dates: DateAttacher, token: Token, unresolved: bool) -> Dated | None:
    """a noun made an event by its verb takes the date of the verb's adjuncts:
    "the agreement was reached during a visit to Rome last week"; likewise the
    subject of an intransitive clause: "the bargaining will have to wait until May" """
    verb = token.head
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() in SAYING_VERBS:
        return None
    around = (t for t in verb.subtree if t.i != verb.i and not token.left_edge.i <= t.i <= token.right_edge.i)
    for tok, expr in dates.on(around):
        if dates.usable(expr, unresolved) and expr.anchor != "event" and not _crosses_clause(tok, verb):
            return expr, "date of its verb's adjunct"
    return None


# --- event-anchored dates -------------------------------------------------------

ANCHORS: RuleSet[[Token], Token] = RuleSet(
    "dating", "which clause does an event-anchored date ('two days after ...') hang on?"
)


def _link(
    expr: TimeExpression, span: Span, sentence_drafts: Sequence[LinkedDraft], previous: Sequence[LinkedDraft] = ()
) -> LinkedDraft | None:
    """Link the mention `expr` dates to the one it is anchored on; that mention."""
    relation = _relation_token(span)
    anchor = anchor_clause(relation) if relation is not None else None
    anchor_tokens = anchor_tokens_of(anchor) if anchor is not None else set()
    main, sub = _main_and_anchor(sentence_drafts, _attachment(span).i, anchor_tokens)
    if main is None:
        return None
    if anchor is not None and sub is None:
        sub = _told_before(anchor, previous)
    if anchor is not None and sub is None:
        return None  # anchored on something that is not an event we track
    main.links.append(EventLink(main=main.index, sub=None if sub is None else sub.index, expression=expr))
    main.record.date_expression = main.record.date_expression or expr.text
    return main


def _told_before(anchor: Token, previous: Sequence[LinkedDraft]) -> LinkedDraft | None:
    """The act told before that an anchor repeating its word refers back to:
    "The envoy arrived in Hanoi on Monday. He met the premier two days after
    arriving", "... two days after the summit" (the latest such mention)."""
    lemma = anchor.lemma_.lower()
    same_word = [d for d in previous if getattr(getattr(d, "trigger", None), "lemma", None) == lemma]
    return same_word[-1] if same_word else None


def _relation_token(span: Span) -> Token | None:
    """The last relation word in the expression or right after it ("the week after")."""
    doc = span.doc
    found = None
    for tok in list(span) + ([doc[span.end]] if span.end < len(doc) else []):
        if tok.lower_ in RELATION_WORDS:
            found = tok
    return found


def anchor_clause(relation: Token) -> Token | None:
    """The root of what "after"/"before"/"prior" anchors the date on, if any."""
    return ANCHORS.first(relation)[0] if relation.lower_ in ("after", "before", "prior") else None


@ANCHORS.register
def _subordinate_clause(relation: Token) -> Token | None:
    """a clause the relation word opens: "two days after the envoys met in Oslo" """
    return relation.head if relation.dep_ == "mark" else None


@ANCHORS.register
def _relation_object(relation: Token) -> Token | None:
    """the object of the relation word: "a week after the summit", "the day
    before meeting Mr Sato" """
    if relation.dep_ == "mark":
        return None
    objects = [c for c in relation.children if c.dep_ in ("pobj", "pcomp")]
    return objects[0] if objects else None


@ANCHORS.register
def _misattached_clause(relation: Token) -> Token | None:
    """the parser hung the relation word on the later verb it introduces: "three
    days after Ms Ruiz met the envoys" read with "after" under "met" """
    if relation.dep_ != "prep" or any(c.dep_ in ("pobj", "pcomp") for c in relation.children):
        return None
    head = relation.head
    return head if head.pos_ == "VERB" and head.i > relation.i else None


def _main_and_anchor(
    drafts: Sequence[LinkedDraft], attach: int, anchor_tokens: set[int]
) -> tuple[LinkedDraft | None, LinkedDraft | None]:
    """The mention the phrase dates — the one it hangs on ("the two would meet
    the week after": the meeting, not the request before it), else the first
    outside the anchoring clause — and the first mention inside that clause."""
    main: LinkedDraft | None = None
    sub: LinkedDraft | None = None
    for draft in drafts:
        if draft.token_key[1] == attach and draft.token_key[1] not in anchor_tokens:
            main = draft
    for draft in drafts:
        if draft.token_key[1] in anchor_tokens:
            sub = sub or draft
        elif main is None:
            main = draft
    return main, sub


def _locative_relative(clause: Token) -> bool:
    return any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children)


def _attachment(span: Span) -> Token:
    """The token a time expression modifies: up through prepositions, and
    through a portion noun ("the end of next week") to what it modifies."""
    node = span.root
    for _ in range(4):
        if (
            node.dep_ == "pobj"
            and node.head.lower_ == "of"
            and node.head.head.lemma_.lower() in PORTION_NOUNS
            and node.head.head.head.i != node.head.head.i
        ):
            node = node.head.head
            if node.dep_ in ("dobj", "npadvmod", "pobj"):
                return node.head if node.head.pos_ != "ADP" else node.head.head
            continue
        if node.dep_ in ("pobj", "pcomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "prep" and node.head.i != node.i:
            return node.head
        break
    if node.head.i == node.i:
        return node
    return _verb_of_an_opening_day(node, span) or node.head


def _verb_of_an_opening_day(node: Token, span: Span) -> Token | None:
    """ "Yesterday Ms Berg phoned ...": a day that opens the subject's phrase
    (the parser makes it a compound of the name) is the verb's."""
    subject = node.head
    if node.dep_ not in ("compound", "nmod") or node.i != span.start or subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if node.i == subject.left_edge.i and subject.head.i != subject.i:
        return subject.head
    return None


def anchor_tokens_of(anchor: Token) -> set[int]:
    """The tokens of the clause rooted at `anchor`, without a conjunct clause
    of its own subject: the parser makes the main clause a conjunct of the
    anchor when the anchor comes first ("the day after X met Y, X held talks"
    read with "held" under "met")."""
    tokens = {t.i for t in anchor.subtree}
    for child in anchor.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _has_subject(child):
            tokens -= {t.i for t in child.subtree}
    return tokens


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _inside(expr: TimeExpression, token: Token) -> bool:
    return expr.start <= token.idx < expr.end


def _crosses_clause(tok: Token, trigger: Token) -> bool:
    """Would dating `trigger` from a phrase on `tok` cross into another clause?
    Only gerund complements ("suggested creating a fund on Friday"), modal
    "have to" ("will have to wait until May") and the step just before or after
    (`_adjacent_step`) are crossed; the occasion of a saying is the saying's
    ("Mr Lind, speaking to parliament on Monday, said")."""
    node = tok
    speaking = False
    while node.i != trigger.i and node.head.i != node.i:
        if node.tag_ == "VBG" and node.lemma_.lower() in SPEAKING_VERBS and node.dep_ in ("acl", "advcl"):
            speaking = True
        elif (
            node.pos_ in ("VERB", "AUX")
            and not (node.dep_ == "xcomp" and node.tag_ == "VBG")
            and not (node.dep_ == "xcomp" and node.head.lemma_.lower() in MODAL_VERBS)
            and not _adjacent_step(node)
        ):
            return True
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.i == trigger.i and not speaking:
            return True  # "Mr Lind, due in Oslo on Monday, told ...": the subject's own phrase
        node = node.head
    return False


def _adjacent_step(verb: Token) -> bool:
    """A gerund right before or after the act, with no interval between them,
    is a step of the same occasion and shares its day: "repeated the threat
    before leaving Tokyo yesterday", "signed the accord after arriving in Quito
    on Monday"; "two days before leaving" is an anchored date, not this."""
    mark = verb.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and mark.lower_ in ADJACENT_MARKS
        and not any(c.dep_ in ("npadvmod", "advmod") for c in mark.children)
    )


def _flip(expr: TimeExpression) -> TimeExpression:
    relation = {"after": "before", "before": "after"}.get(expr.relation or "", expr.relation)
    return dataclasses.replace(expr, relation=relation)


def resolve_links(events: Sequence[DatedEvent], drafts: Sequence[LinkedDraft]) -> None:
    """Date events from the events they are anchored on, to a fixed point.

    Each link says main = sub + offset (after) or main = sub - offset (before).
    An event with a date of its own is never overwritten; a link whose both ends
    are undated waits until one end gets a date; links that can never be
    resolved (a cycle of undated events) are left undated.
    """
    event_of = {idx: event for event in events for idx in event.mention_indices}
    ordered = sorted(events, key=lambda e: min(e.mention_indices))
    links = [link for d in drafts for link in d.links]
    for _ in range(len(links) + 1):
        changed = False
        for link in links:
            changed = _follow(link, event_of, ordered, drafts) or changed
        if not changed:
            break


def _follow(
    link: EventLink, event_of: dict[int, DatedEvent], ordered: list[DatedEvent], drafts: Sequence[LinkedDraft]
) -> bool:
    """Date one end of `link` from the other; True when a date changed."""
    main = event_of.get(link.main)
    if main is None:
        return False
    sub = _previous_dated(ordered, main) if link.sub is None else event_of.get(link.sub)
    if sub is None or sub is main:
        return False
    if sub.date and not sub.date_soft and not main.date_is_own:
        return _date_from(main, sub, link, drafts)
    if main.date and not main.date_soft and not sub.date_is_own and link.sub is not None:
        return _date_from(sub, main, link, drafts, inverse=True)
    return False


def _date_from(
    event: DatedEvent, anchor: DatedEvent, link: EventLink, drafts: Sequence[LinkedDraft], inverse: bool = False
) -> bool:
    """Give `event` the date `link` puts it at from `anchor` (the main event, when
    `inverse`, dates the one it is anchored on); True when its date changed."""
    assert anchor.date is not None
    new = resolve_relative(_flip(link.expression) if inverse else link.expression, anchor.date)
    if not new.value or new.value == event.date:
        return False
    event.set_date_from(new, anchor, link, drafts, inverse=inverse)
    return True


def _previous_dated(ordered: list[DatedEvent], main: DatedEvent) -> DatedEvent | None:
    first = min(main.mention_indices)
    best: DatedEvent | None = None
    for event in ordered:
        if event is main:
            continue
        if min(event.mention_indices) < first and event.date and not event.date_soft:
            best = event
    return best


def told_as_lately(dates: DateAttacher, token: Token) -> bool:
    """Does the trigger's clause say only that the act happened lately:
    "recently", "lately" (PAST_REF), "in recent weeks", "over the past few
    days" (an unanchored duration up to now)? Such an act is vague, not of
    the reporting day."""
    for _, expr in dates.on(walk_up(token)):
        if expr.value == "PAST_REF":
            return True
        if (
            expr.type == "DURATION"
            and (expr.value or "").startswith("PX")
            and LATELY_WORDS & set(expr.text.lower().split())
        ):
            return True
    return False


def past_days_in(dates: DateAttacher, sent: Span, published: date) -> list[tuple[int, str]]:
    """The days before or on `published` that a sentence names outside quotation
    marks, each with the index of the token it hangs on: the days a story told
    after the fact has reached ("On Saturday, the envoys ...")."""
    found = []
    for i, expr in enumerate(dates.expressions):
        inside = sent.start_char <= expr.start and expr.end <= sent.end_char
        if not inside or expr.anchor == "event" or expr.granularity not in ("day", "time") or expr.date_start is None:
            continue
        if expr.date_start != expr.date_end or expr.date_start > published:
            continue
        if inside_quotation(dates.doc.text[sent.start_char : expr.start]):
            continue
        found.append((dates.span_root.get(i, sent.root.i), expr.date_start.isoformat()))
    return found


def inside_quotation(before: str) -> bool:
    """Whether text that follows `before` (from the start of its sentence) is
    inside a quotation: an odd number of double quotation marks precede it."""
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1


def day_range(value: str | None) -> tuple[str | None, str | None]:
    rng = value_range(value) if value else None
    if not rng:
        return None, None
    return rng[0].isoformat(), rng[1].isoformat()
