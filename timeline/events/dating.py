"""Which time expression dates which event, and event-anchored dates.

A time expression dates the trigger it hangs on in the dependency parse: we
walk up from the trigger to the root and take the first expression attached on
the way ("calling Lukashenko an accomplice" inside "... condemned ... this
week"), then look below the trigger ("suggested ... during a meeting on
Friday"). Phrases such as "two days after Putin met Kim" link two events:
the main clause's and the subordinate clause's; `resolve_links` dates one from
the other once merging has settled which event each mention belongs to,
following chains and refusing cycles (TimeML TLINKs with a duration).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from timeline.temporal import TimeExpression, find_time_expressions, resolve_relative, value_range

DATING_TYPES = {"DATE", "TIME"}
RELATION_WORDS = {"after", "before", "later", "earlier", "following", "previous", "next", "prior"}
CLAUSE_BARRIERS = {"relcl"}
# "Iran and Moscow have agreed to talks, a spokesman said Tuesday": Tuesday is
# the saying's day, a default for the act it reports, not the act's own date.
SPEAKING_VERBS = {"speak", "address", "talk", "testify", "write", "appear"}
MOTION_VERBS = {"go", "leave", "travel", "fly", "head", "depart", "set", "come"}
SAYING_VERBS = {"say", "tell", "announce", "report", "add"}
SCHEDULING_VERBS = {
    "schedule",
    "set",
    "plan",
    "slate",
    "fix",
    "due",
    "expect",
    "call",
    "arrange",
    "reschedule",
    "postpone",
    "move",
    "bring",
}
SAYING_NOTE = "date of the saying that reports it"


@dataclass
class EventLink:
    """ "main happened `offset` `relation` sub": e.g. main = the Sochi meeting,
    relation = after, offset = P2D, sub = the Putin-Kim meeting. `sub` None means
    the event reported just before `main` ("a week later")."""

    main: int  # mention index
    sub: int | None
    expression: TimeExpression


# Words whose "to"-infinitive complement is still to come when they are in the
# present: "is to arrive on Sunday", "is due to visit", "plans to leave".
FUTURE_GOVERNORS = {
    "be",
    "due",
    "set",
    "schedule",
    "expect",
    "likely",
    "plan",
    "intend",
    "hope",
    "aim",
    "slate",
    "go",
    "prepare",
    "want",
}


def tense_of_token(token) -> str | None:
    """Tense of the clause a token belongs to, from the parse (TimeML tense)."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "shall", "'ll", "wo"}:
        return "future"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() in SCHEDULING_VERBS:
        return "future"  # "an OPEC meeting scheduled for late June", "talks set for Monday"
    if (
        verb.tag_ == "VB"
        and "to" in words
        and verb.dep_ == "xcomp"
        and verb.head.i != verb.i
        and verb.head.lemma_.lower() in FUTURE_GOVERNORS
        and tense_of_token(verb.head) in ("present", "future")
    ):
        return "future"  # "he is to arrive on Sunday", "is due to visit Moscow on Sunday"
    if "would" in words and verb.tag_ == "VB":
        return "future"  # future in the past: "said he would leave on Monday"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or words & {"has", "have", "had"}:
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    if words & {"is", "are", "am"} and any(c.dep_ == "xcomp" for c in verb.children):
        # "is to meet", "are due to sign"
        return "future"
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am"}:
        return "present"
    return None


class DateAttacher:
    """The time expressions of one parsed paragraph and the tokens they hang on."""

    def __init__(self, spacy_doc, published: date | None):
        self.doc = spacy_doc

        def tense_of(start: int, end: int) -> str | None:
            span = spacy_doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                return None
            return tense_of_token(span.root)

        self.expressions = [e for e in find_time_expressions(spacy_doc.text, published, tense_of=tense_of)]
        self.by_token: dict[int, list[TimeExpression]] = {}
        self.span_root: dict[int, int] = {}
        for i, expr in enumerate(self.expressions):
            span = spacy_doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.span_root[i] = span.root.i
            attach = _attachment(span)
            self.by_token.setdefault(attach.i, []).append(expr)
        self.inside: set[int] = set()
        for expr in self.expressions:
            span = spacy_doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is not None:
                self.inside.update(range(span.start, span.end))

    def _usable(self, expr: TimeExpression, unresolved: bool = False) -> bool:
        if unresolved and expr.anchor == "publication":
            return expr.type in DATING_TYPES
        return expr.type in DATING_TYPES and (expr.value is not None or expr.anchor == "event")

    def for_trigger(self, token, *, unresolved: bool = False) -> tuple[TimeExpression | None, str | None]:  # noqa: C901
        """The expression dating the trigger, and a note when it was borrowed
        from a governing or governed phrase. `unresolved`: also the phrases
        that only a missing publication date leaves without a value."""
        # "an OPEC meeting scheduled for late June": the noun's own schedule
        # dates it, before any time of the clause it stands in.
        if token.pos_ in ("NOUN", "PROPN"):
            for clause in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in SCHEDULING_VERBS):
                for tok in clause.subtree:
                    for expr in self.by_token.get(tok.i, []):
                        # a calendar value: not "the present" of "calling it the present order"
                        if expr.type in DATING_TYPES and expr.value and expr.value[:1].isdigit():
                            return expr, None
        node = token
        steps = 0
        while True:
            for expr in self.by_token.get(node.i, []):
                if self._usable(expr, unresolved) and not _inside(expr, token):
                    if node.i != token.i and node.lemma_.lower() in SAYING_VERBS:
                        return expr, SAYING_NOTE
                    return expr, None
            if node.head.i == node.i:
                break
            if node.dep_ in CLAUSE_BARRIERS and not _locative_relative(node):
                break
            # "On Tuesday I shall be going to Washington for meetings of ...": the
            # purpose of a journey happens after the departure, not on its day.
            if node.dep_ == "pobj" and node.head.lower_ == "for" and node.head.head.lemma_.lower() in MOTION_VERBS:
                break
            # "I shall be going on Tuesday ..., and we shall have a meeting of the
            # G-7": a coordinated clause with a subject of its own has its own time.
            if (
                node.dep_ == "conj"
                and node.pos_ in ("VERB", "AUX")
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
            ):
                break
            # "X said on Monday that Y met Z" dates the saying, not a report inside it.
            if node.dep_ == "ccomp" and node.i != token.i:
                break
            node = node.head
            steps += 1
        # "When ministers met on March 30, several said ...": a when-clause
        # is simultaneous with its main clause (TimeML SIMULTANEOUS), so its
        # date is the main clause's too.
        for clause in (c for c in token.children if c.dep_ == "advcl"):
            if any(m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "as", "while") for m in clause.children):
                for tok in clause.subtree:
                    for expr in self.by_token.get(tok.i, []):
                        if self._usable(expr, unresolved) and expr.anchor != "event":
                            return expr, "date of the when-clause"
        # Below the trigger: "suggested ... during a meeting ... on Friday".
        for tok in token.subtree:
            if tok.i == token.i:
                continue
            for expr in self.by_token.get(tok.i, []):
                if self._usable(expr, unresolved) and expr.anchor != "event" and not _crosses_clause(tok, token):
                    return expr, "date of the phrase it governs"
        # "the agreement had been reached during a visit to Moscow last week": a
        # noun made an event by its verb takes the verb's adjuncts' date.
        verb = token.head
        # Likewise the subject of an intransitive clause: "the hard bargaining
        # will have to wait until May", "the talks ended on Monday".
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.dep_ in ("dobj", "nsubjpass", "nsubj")
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() not in SAYING_VERBS
        ):
            for tok in verb.subtree:
                if tok.i == verb.i or token.left_edge.i <= tok.i <= token.right_edge.i:
                    continue
                for expr in self.by_token.get(tok.i, []):
                    if self._usable(expr, unresolved) and expr.anchor != "event" and not _crosses_clause(tok, verb):
                        return expr, "date of its verb's adjunct"
        return None, None

    def link_relative(self, sentence_drafts: list, previous: list, sent) -> None:  # noqa: C901
        """Record event-anchored links ("two days after", "a week later") between
        the mentions of one sentence, or to the mention before it."""
        for i, expr in enumerate(self.expressions):
            if expr.anchor != "event" or not expr.relation:
                continue
            root_i = self.span_root.get(i)
            if root_i is None or not (sent.start <= root_i < sent.end):
                continue
            span = self.doc.char_span(expr.start, expr.end, alignment_mode="expand")
            relation_tok = None
            for tok in list(span) + ([self.doc[span.end]] if span.end < len(self.doc) else []):
                if tok.lower_ in RELATION_WORDS:
                    relation_tok = tok
            sub_root = None
            if relation_tok is not None and relation_tok.lower_ in ("after", "before", "prior"):
                if relation_tok.dep_ == "mark":
                    sub_root = relation_tok.head
                else:
                    objs = [c for c in relation_tok.children if c.dep_ in ("pobj", "pcomp")]
                    sub_root = objs[0] if objs else None
                    if (
                        sub_root is None
                        and relation_tok.dep_ == "prep"
                        and relation_tok.head.pos_ == "VERB"
                        and relation_tok.head.i > relation_tok.i
                    ):
                        sub_root = relation_tok.head
            sub_tokens = {t.i for t in sub_root.subtree} if sub_root is not None else set()
            main = sub = None
            # The mention the phrase hangs on is the one it dates ("the two
            # would meet the week after": the meeting, not the request before it).
            attach = _attachment(span).i
            for draft in sentence_drafts:
                if draft.token_key[1] == attach and draft.token_key[1] not in sub_tokens:
                    main = draft
            for draft in sentence_drafts:
                tok_i = draft.token_key[1]
                if tok_i in sub_tokens:
                    if sub is None:
                        sub = draft
                elif main is None:
                    main = draft
            if main is None:
                continue
            if sub_root is not None and sub is None:
                continue  # anchored on something that is not an event we track
            main.links.append(EventLink(main=main.index, sub=None if sub is None else sub.index, expression=expr))
            main.record.date_expression = main.record.date_expression or expr.text


def _locative_relative(clause) -> bool:
    """ "... a stopover in Riyadh, where he met Nazer": a clause opened by
    "where" tells what happened at a place the governing clause went through,
    so it shares that clause's time; other relative clauses keep their own."""
    return any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children)


# "the whole of tomorrow", "the end of next week": the expression dates what the
# quantity noun hangs on.
PORTION_NOUNS = {"whole", "rest", "end", "beginning", "start", "middle", "part", "remainder", "course"}


def _attachment(span):
    """The token a time expression modifies: up through prepositions."""
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
    return node.head


def _inside(expr: TimeExpression, token) -> bool:
    return expr.start <= token.idx < expr.end


def _crosses_clause(tok, trigger) -> bool:
    """Would dating `trigger` from a phrase on `tok` cross into another clause?
    Only gerund complements ("suggested creating ... on Friday") are crossed."""
    node = tok
    speaking = False
    while node.i != trigger.i and node.head.i != node.i:
        if node.tag_ == "VBG" and node.lemma_.lower() in SPEAKING_VERBS and node.dep_ in ("acl", "advcl"):
            # "Weizsaecker, speaking to Congress yesterday, said": the occasion of the saying
            speaking = True
        elif (
            node.pos_ in ("VERB", "AUX")
            and not (node.dep_ == "xcomp" and node.tag_ == "VBG")
            and not (node.dep_ == "xcomp" and node.head.lemma_.lower() in ("have", "need", "due", "go"))
        ):
            # "will have to wait until May" is one clause with a modal "have to"
            return True
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.i == trigger.i and not speaking:
            return True  # "Raimond, due here tomorrow, told ...": the subject's own phrase
        node = node.head
    return False


def _flip(expr: TimeExpression) -> TimeExpression:
    relation = {"after": "before", "before": "after"}.get(expr.relation or "", expr.relation)
    return dataclasses.replace(expr, relation=relation)


def resolve_links(events: list, drafts: list) -> None:
    """Date events from the events they are anchored on, to a fixed point.

    Each link says main = sub + offset (after) or main = sub - offset (before).
    An event with a date of its own is never overwritten; a link whose both ends
    are undated waits until one end gets a date; links that can never be
    resolved (a cycle of undated events) are left undated.
    """
    event_of = {}
    for event in events:
        for idx in event.mention_indices:
            event_of[idx] = event
    ordered = sorted(events, key=lambda e: min(e.mention_indices))
    links = [link for d in drafts for link in d.links]
    for _ in range(len(links) + 1):
        changed = False
        for link in links:
            main = event_of.get(link.main)
            if main is None:
                continue
            if link.sub is None:
                sub = _previous_dated(ordered, main)
            else:
                sub = event_of.get(link.sub)
            if sub is None or sub is main:
                continue
            if sub.date and not sub.date_soft and not main.date_is_own:
                new = resolve_relative(link.expression, sub.date)
                if new.value and new.value != main.date:
                    main.set_date_from(new, sub, link, drafts)
                    changed = True
            elif main.date and not main.date_soft and not sub.date_is_own and link.sub is not None:
                new = resolve_relative(_flip(link.expression), main.date)
                if new.value and new.value != sub.date:
                    sub.set_date_from(new, main, link, drafts, inverse=True)
                    changed = True
        if not changed:
            break


def _previous_dated(ordered: list, main):
    first = min(main.mention_indices)
    best = None
    for event in ordered:
        if event is main:
            continue
        if min(event.mention_indices) < first and event.date and not event.date_soft:
            best = event
    return best


def day_range(value: str | None) -> tuple[str | None, str | None]:
    rng = value_range(value) if value else None
    if not rng:
        return None, None
    return rng[0].isoformat(), rng[1].isoformat()
