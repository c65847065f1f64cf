"""Headlines: who did what, to or with whom, about what, in one short line.

`clause_of` reads the trigger's clause in the dependency parse into a plain
`Clause` (the act with its negation and modal, the object, object predicate,
complement clause or topic, and the details that may go); `headline` puts the
actors' names in front and compresses it to `MAX_CHARS` — sentence compression
by pruning the parse tree: appositions, relative clauses, parentheticals,
adverbials and time phrases go first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.datafiles import words

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_CHARS = 100
BRINGING_ABOUT = words("headline", "bringing_about_verbs")

# Children of a kept word that are part of its phrase.
_PHRASE_DEPS = {
    "det",
    "amod",
    "compound",
    "nummod",
    "poss",
    "case",
    "neg",
    "aux",
    "auxpass",
    "prt",
    "nsubj",
    "nsubjpass",
    "expl",
    "dobj",
    "dative",
    "attr",
    "oprd",
    "acomp",
    "xcomp",
    "ccomp",
    "pobj",
    "pcomp",
    "conj",
    "cc",
    "quantmod",
    "nmod",
    "predet",
}
# Of a verb's own children, the ones that say what it acts on or says.
_CONTENT_DEPS = {"dobj", "dative", "oprd", "attr", "nsubjpass", "xcomp", "ccomp", "acomp"}
# Prepositions of a verb that give its topic or its counterpart.
_TOPIC_PREPS = {"on", "about", "over", "against", "of", "for", "to", "into", "with", "toward", "towards"}
# Prepositions a verb inside the content keeps: "forming a council between ...".
_CONTENT_PREPS = _TOPIC_PREPS | {"between", "among", "in", "at", "from"}
_MODALS = {"will", "would", "could", "may", "might", "must", "should", "can", "shall", "'ll"}
_PREPOSITIONS = {"to", "in", "for", "from", "with", "on", "by", "at", "of", "into", "upon"}
_FIRST_PERSON = {"i", "we", "me", "us", "you"}
_QUOTES = {"“", "”", '"', "‘", "’", "``", "''"}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "’s", "n't", "%"}
_TIME_LABELS = {"DATE", "TIME"}


@dataclass(frozen=True)
class Clause:
    """What a trigger's clause says, as words: the act ("suggested", "did not
    criticise", "will discuss"), its content (an object, a complement clause,
    a quoted phrase or a topic), and details (a counterpart, a second topic)
    that go first when the line is too long; `shorter` are ever shorter
    versions of the content, for when it does not fit."""

    act: str
    content: str = ""
    details: tuple[str, ...] = ()
    shorter: tuple[str, ...] = ()


def headline(subject: str, clause: Clause | None, place: str | None, *, fallback: str) -> str:
    """The line "<subject> <act> <content> <details> in <place>", the longest
    version that fits in `MAX_CHARS`; `fallback` when there is no subject or
    clause, or nothing fits."""
    if not subject or clause is None:
        return fallback
    for content in dict.fromkeys([clause.content, *clause.shorter]):
        body = " ".join(w for w in (subject, clause.act, content) if w)
        details = " ".join(clause.details)
        where = f"in {place}" if place and place not in f"{body} {details}" else ""
        for parts in ((body, details, where), (body, details), (body,)):
            line = " ".join(p for p in parts if p)
            if len(line) <= MAX_CHARS:
                return line
    return fallback


def clause_of(token: Token, summary: str, names: Mapping[str, str]) -> Clause | None:
    """The clause of a verb trigger, its act told with the lexicon's verb phrase
    `summary` ("met", "called for") unless a modal or negation keeps the verb's
    own mood; `names` maps a phrase as the sentence says it ("his Kenyan
    counterpart") to the actor's name. None when the parse gives nothing usable."""
    if token.pos_ not in ("VERB", "AUX") or not summary:
        return None
    words = summary.split()
    children = list(token.children)
    act = _act(token, summary, children)
    phrases = _Phrases(names)
    if words[1:] and words[-1] in _PREPOSITIONS:
        return _prepositional_clause(act, words, children, phrases)
    content = _content(token, children)
    full = [p for p in (phrases.clause(c) for c in content) if p]
    direct = [p for p in (phrases.clause(_brought_about(c)) for c in content) if p]
    short = [p for p in (phrases.clause(c, depth=0) for c in content) if p]
    shortest = [p for p in (phrases.clause(c, depth=-1) for c in content) if p]
    details = tuple(p for p in (phrases.render(t) for t in _topics(token, children)) if p)
    if content and not full:
        return None  # a quotation in the first person the parse cannot reduce
    if not full and details:
        return Clause(act, details[0], details[1:])
    return Clause(act, " ".join(full), details, (" ".join(direct), " ".join(short), " ".join(shortest)))


def _act(token: Token, summary: str, children: list[Token]) -> str:
    """The lexicon's verb phrase, or the verb's own with its modal or negation:
    "would not sign", "did not meet"."""
    modals = [c.lower_ for c in children if c.dep_ == "aux" and c.lower_ in _MODALS]
    negated = any(c.dep_ == "neg" for c in children)
    if not (modals or negated):
        return summary
    verb = token.lemma_.lower()
    act = " ".join([*modals[:1], *(["did"] if negated and not modals else []), *(["not"] if negated else []), verb])
    return " ".join([act, *summary.split()[1:]])


def _prepositional_clause(act: str, words: list[str], children: list[Token], phrases: _Phrases) -> Clause | None:
    """ "called for", "traveled to": the lexicon's preposition takes its object."""
    objects = [g for c in children if c.dep_ == "prep" and c.lower_ == words[-1] for g in c.children]
    objects = [g for g in objects if g.dep_ in ("pobj", "pcomp")]
    if not objects and len(words) > 2:
        return Clause(" ".join(words[:-1]))  # "Lula and Modi spoke by telephone"
    if not objects:
        return None
    return Clause(act, phrases.render(objects[0]), shorter=(phrases.render(objects[0], depth=0),))


def _content(token: Token, children: list[Token]) -> list[Token]:
    """What the act is about: the object first, then what is said about it, a
    complement clause last (a quotation may come before its "said")."""
    content = [c for c in children if c.dep_ in _CONTENT_DEPS]
    if token.dep_ == "parataxis" and token.head.i < token.i and token.head.pos_ in ("VERB", "AUX"):
        content.append(token.head)  # "'... Peru wants closer ties,' Vidal said": the quotation heads the parse
    content.sort(key=lambda c: (c.dep_ in ("ccomp", "ROOT", "parataxis") or c.i == token.head.i, c.i))
    return content


def _topics(token: Token, children: list[Token]) -> list[Token]:
    """ "on"/"about"/"over" phrases after the verb that are not times."""
    return [
        c
        for c in children
        if c.dep_ == "prep"
        and c.i > token.i  # "On Monday envoys X and Y signed": a misparsed time, not a topic
        and c.lower_ in _TOPIC_PREPS
        and not _is_time(c)
        and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
    ]


def _brought_about(token: Token) -> Token:
    """The object of "forming a council", which says the same in fewer words."""
    if token.dep_ == "xcomp" and token.tag_ == "VBG" and token.lemma_.lower() in BRINGING_ABOUT:
        return next((c for c in token.children if c.dep_ == "dobj"), token)
    return token


def _is_time(prep: Token) -> bool:
    """ "on Tuesday", "in March": a time phrase, not a topic."""
    return any(g.ent_type_ in _TIME_LABELS for g in prep.children if g.dep_ == "pobj")


class _Phrases:
    """Renders a subtree of the parse as a compressed phrase."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    def clause(self, token: Token, depth: int = 1) -> str:
        """A complement clause or object; a first-person quotation ("I know
        that X wants ...") is reduced to the clause it reports, or dropped."""
        if token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].lower_ in _FIRST_PERSON:
                inner = [c for c in token.children if c.dep_ == "ccomp"]
                return self.clause(inner[0], depth) if inner else self.quoted(token, depth)
        return self.render(token, depth)

    def render(self, token: Token, depth: int = 1) -> str:
        kept: list[tuple[int, str, Token]] = []
        self._keep(token, depth, kept)
        kept.sort(key=lambda k: k[0])
        kept = _balanced(kept)
        if kept and _opens(kept[0][2]) and kept[0][2].pos_ not in ("PROPN", "ADJ") and kept[0][1] != "I":
            # A quotation's first word, now inside the line: "said the success ..."
            kept[0] = (kept[0][0], kept[0][1].lower(), kept[0][2])
        return _join(kept)

    def quoted(self, token: Token, depth: int = 1) -> str:
        """A clause word for word, in quotation marks (a first-person remark);
        shorter versions (`depth` below 1) end in an ellipsis."""
        words = [t for t in token.doc[token.left_edge.i : token.right_edge.i + 1]]
        while words and (words[-1].is_punct or words[-1].text in _QUOTES):
            words.pop()
        while words and (words[0].is_punct or words[0].text in _QUOTES):
            words.pop(0)
        if any(t.text in _QUOTES for t in words):
            return ""
        cut = {1: len(words), 0: 10, -1: 6}.get(depth, 6)
        ellipsis = "…" if cut < len(words) else ""
        words = words[:cut]
        while ellipsis and words and words[-1].is_punct:
            words.pop()
        text = "".join(t.text_with_ws for t in words).strip()
        return f"“{text}{ellipsis}”" if text else ""

    def _keep(self, token: Token, depth: int, kept: list) -> None:
        from timeline.events.arguments import noun_phrase

        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            start, end = noun_phrase(token)
            entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            said = [token.doc[start:end].text, entity.text if entity is not None else "", token.text]
            # "envoy Lena Holm", "his Kenyan counterpart": the actor's name, without the title.
            named = next((self.names[s] for s in said if s in self.names), None)
            if named is not None:
                kept.append((start, named, token))
                for child in token.children:
                    if child.dep_ in ("conj", "cc", "case") or (child.dep_ == "punct" and child.text == ","):
                        self._keep_child(child, depth, kept)
                return
        kept.append((token.i, token.text, token))
        for child in token.children:
            self._keep_child(child, depth, kept)

    def _keep_child(self, child: Token, depth: int, kept: list) -> None:
        verdict = _verdict(child, depth)
        if verdict == _WORD:
            kept.append((child.i, child.text, child))
        elif verdict is not None:
            self._keep(child, verdict, kept)


_WORD = -100  # keep the word alone, not its subtree


def _verdict(child: Token, depth: int) -> int | None:
    """Whether a child stays in the phrase: None (it goes), `_WORD` (the word
    alone), or the depth its own subtree is rendered at."""
    dep = child.dep_
    if _in_parentheses(child):
        return None  # "(FA)", "(see below)"
    if dep == "mark":
        # headline style: "said Chile would", not "said that Chile would"
        return None if child.lower_ == "that" else _WORD
    if dep == "aux" and child.tag_ == "TO":
        return _WORD
    if dep == "punct":
        return _WORD if _before_conjunct(child) or child.text in _QUOTES else None
    if child.ent_type_ in _TIME_LABELS and dep in ("npadvmod", "pobj", "nmod", "compound", "amod"):
        return None
    if dep in ("conj", "cc"):
        return _conjunct_verdict(child, depth)
    if dep == "case":
        return _WORD if child.i == child.head.i + 1 else None  # "Holm's"
    if dep == "compound":
        return 9  # a name is kept whole: "Council of ... States"
    if dep == "advmod":
        after_verb = child.head.pos_ in ("VERB", "AUX") and child.i > child.head.i
        alone = not any(True for _ in child.children) and child.ent_type_ not in _TIME_LABELS
        return _WORD if after_verb and alone else None  # "act alone", "work together"
    if dep == "prep":
        return _prep_verdict(child, depth)
    return depth if dep in _PHRASE_DEPS else None


def _conjunct_verdict(child: Token, depth: int) -> int | None:
    if child.dep_ == "conj" and _clause_of_its_own(child):
        return None  # "... and she welcomed it": a remark of its own
    conjuncts = [c for c in child.head.children if c.dep_ == "conj"]
    if child.dep_ == "cc" and conjuncts and all(_clause_of_its_own(c) for c in conjuncts):
        return None  # its conjunct went
    if depth < 0 and child.head.pos_ in ("VERB", "AUX"):
        return None  # shortest: one verb phrase
    return depth


def _prep_verdict(child: Token, depth: int) -> int | None:
    """A noun keeps its own preposition ("a fund between ...", always "the
    creation of ..."); a verb only a topic or counterpart ("meet with ...");
    time phrases go."""
    on_verb = child.head.pos_ in ("VERB", "AUX")
    if child.lower_ == "of" and not on_verb and depth >= 0:
        return depth
    if depth > 0 and not _is_time(child) and (not on_verb or child.lower_ in _CONTENT_PREPS):
        return depth - 1
    return None


def _in_parentheses(token: Token) -> bool:
    """Is the phrase `token` heads in brackets (they may be its own children)?"""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    if doc[left].text == "(" and doc[right].text == ")":
        return True
    return left > 0 and right + 1 < len(doc) and doc[left - 1].text == "(" and doc[right + 1].text == ")"


def _opens(token: Token) -> bool:
    """Is `token` the first word of a sentence or of a quotation?"""
    return token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text in ("“", "‘", "``", '"'))


def _clause_of_its_own(token: Token) -> bool:
    """A conjoined verb with its own subject: "... and she welcomed it"."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _before_conjunct(comma: Token) -> bool:
    """The comma of "Peru, Chile and Kenya" (it hangs on the first conjunct)."""
    nxt = comma.doc[comma.i + 1] if comma.i + 1 < len(comma.doc) else None
    return nxt is not None and nxt.dep_ == "conj" and nxt.head.i == comma.head.i


def _balanced(kept: list) -> list:
    """Quotation marks only in pairs; no punctuation at either end."""
    opening = [k for k in kept if k[1] in ("“", "‘", "``")]
    closing = [k for k in kept if k[1] in ("”", "’", "''")]
    straight = [k for k in kept if k[1] == '"']
    if len(opening) != len(closing) or len(straight) % 2:
        kept = [k for k in kept if k[1] not in _QUOTES]
    while kept and kept[0][1] in (",", ";", ":", "."):
        kept = kept[1:]
    while kept and kept[-1][1] in (",", ";", ":", ".", "-", "—"):
        kept = kept[:-1]
    return kept


def _join(kept: list) -> str:
    out = ""
    previous = None
    for _position, text, token in kept:
        if previous is not None:
            adjacent = token.i == previous.i + 1
            if adjacent:
                out += previous.whitespace_
            elif text not in _NO_SPACE_BEFORE and previous.text not in ("“", "‘", "("):
                out += " "
        out += text
        previous = token
    return out.strip()
