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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from timeline.datafiles import words

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_CHARS = 100
BRINGING_ABOUT = words("headline", "bringing_about_verbs")
STATIVE_PARTICIPLES = words("headline", "stative_participles")
CONTENT_NOUNS = words("headline", "content_nouns")
LIGHT_VERBS = words("headline", "light_verbs")

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
# Words a report in the third person cannot keep: "stand by us" is quoted.
_SPEAKERS_WORDS = {"i", "we", "me", "us", "my", "our", "ours", "mine", "myself", "ourselves"}
_OPENING = {"“", "‘", "``"}
_CLOSING = {"”", "’", "''"}
_QUOTES = {"“", "”", '"', "‘", "’", "``", "''"}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "’s", "n't", "%"}
_TIME_LABELS = {"DATE", "TIME"}


@dataclass(frozen=True)
class Clause:
    """What a trigger's clause says, as words: the act ("suggested", "did not
    criticise", "will discuss"), its content (an object, a complement clause,
    a quoted phrase or a topic), and details (a counterpart, a second topic)
    that go first when the line is too long; `shorter` are ever shorter
    versions of the content, for when it does not fit. `number` is "singular"
    or "plural" when the act's first word is a present or a form of "be" or
    "have" that agreed with the sentence's subject ("is to meet", "resume")."""

    act: str
    content: str = ""
    details: tuple[str, ...] = ()
    shorter: tuple[str, ...] = ()
    number: str = ""


def headline(subject: str, clause: Clause | None, place: str | None, *, fallback: str) -> str:
    """The line "<subject> <act> <content> <details> in <place>", the longest
    version that fits in `MAX_CHARS`; `fallback` when there is no subject or
    clause, or nothing fits."""
    if not subject or clause is None:
        return fallback
    number = "plural" if " and " in subject else "singular"
    if clause.number and clause.number != number:
        clause = replace(clause, act=_inflected(clause.act, number))
    for content in dict.fromkeys([clause.content, *clause.shorter]):
        body = " ".join(w for w in (subject, clause.act, content) if w)
        details = " ".join(clause.details)
        where = f"in {place}" if place and place not in f"{body} {details}" else ""
        for parts in ((body, details, where), (body, details), (body,)):
            line = " ".join(p for p in parts if p)
            if len(line) <= MAX_CHARS:
                return line
    return fallback


_BE_HAVE = {"is": "are", "was": "were", "has": "have"}


def _inflected(act: str, number: str) -> str:
    """The act with its first verb in the singular or plural present (English
    third-person agreement): "is" / "are", "resumes" / "resume"."""
    verb, _, rest = act.partition(" ")
    singular = {v: k for k, v in _BE_HAVE.items()}
    if number == "plural":
        if verb in _BE_HAVE:
            verb = _BE_HAVE[verb]
        elif verb.endswith("ies"):
            verb = verb[:-3] + "y"
        elif verb.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
            verb = verb[:-2]
        elif verb.endswith("s") and not verb.endswith("ss"):
            verb = verb[:-1]
    elif verb in singular:
        verb = singular[verb]
    elif verb.endswith("y") and verb[-2:-1] not in ("a", "e", "o", "u"):
        verb = verb[:-1] + "ies"
    else:
        verb += "es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"
    return " ".join(w for w in (verb, rest) if w)


def _number(group: list[Token]) -> str:
    """The number the first word of a verb group agrees in, if it shows one."""
    first = group[0]
    if first.lower_ in _BE_HAVE or first.tag_ == "VBZ":
        return "singular"
    if first.lower_ in _BE_HAVE.values() or (first.tag_ == "VBP" and first.lower_ != "am"):
        return "plural"
    return ""


def clause_of(token: Token, summary: str, names: Mapping[str, str]) -> Clause | None:
    """The clause of a verb trigger, its act told with the lexicon's verb phrase
    `summary` ("met", "called for") unless a modal or negation keeps the verb's
    own mood; `names` maps a phrase as the sentence says it ("his Kenyan
    counterpart") to the actor's name. None when the parse gives nothing usable."""
    if token.pos_ in ("NOUN", "PROPN") and summary:
        return _governing_clause(token, names)
    if token.pos_ not in ("VERB", "AUX") or not summary:
        return None
    words = summary.split()
    children = list(token.children)
    act = _act(token, summary, children)
    governing = _controlling_verb(token)
    number = _number(_verb_group(governing)) if governing is not None else ""
    phrases = _Phrases(names)
    if words[1:] and words[-1] in _PREPOSITIONS:
        clause = _prepositional_clause(act, words, children, phrases)
    else:
        clause = _verb_clause(token, act, children, phrases)
    return replace(clause, number=number) if clause is not None else None


def _verb_clause(token: Token, act: str, children: list[Token], phrases: _Phrases) -> Clause | None:
    """The act with its content (object, complement clause) and details
    (topics, counterpart), in ever shorter versions."""
    content = _content(token, children)
    full = [p for p in (phrases.clause(c) for c in content) if p]
    details = tuple(p for p in (phrases.render(t) for t in _topics(token, children)) if p)
    if content and not full:
        return None  # a quotation in the first person the parse cannot reduce
    if not full and details:
        return Clause(act, details[0], details[1:])
    if not content and not details:
        return _quotation_said(token, act)
    versions = [" ".join(p for p in (phrases.clause(c, depth=2) for c in content) if p), " ".join(full)]
    versions.append(" ".join(p for p in (phrases.clause(_brought_about(c)) for c in content) if p))
    versions += [" ".join(p for p in (phrases.clause(c, depth=d) for c in content) if p) for d in (0, -1)]
    return Clause(act, versions[0], details, tuple(versions[1:]))


def _quotation_said(token: Token, act: str) -> Clause:
    """A saying with nothing attached: the quotation beside it, if any."""
    beside = _quotation_beside(token)
    if beside is None:
        return Clause(act)
    words = list(token.doc[beside[0] : beside[1]])
    return Clause(act, _quote(words, 1), shorter=(_quote(words, 0), _quote(words, -1)))


def _act(token: Token, summary: str, children: list[Token]) -> str:
    """The lexicon's verb phrase, or the verb's own with its modal or negation:
    "would not sign", "did not meet"; a verb its subject is said to be due,
    scheduled, set or keen to do keeps what governs it ("was scheduled to
    visit", "is to meet"): that act has not happened."""
    governing = _controlling_verb(token)
    if governing is not None:
        group = [t.lower_ for t in _verb_group(governing)]
        return " ".join([*group, "to", token.lemma_.lower(), *summary.split()[1:]])
    modals = [c.lower_ for c in children if c.dep_ == "aux" and c.lower_ in _MODALS]
    negated = any(c.dep_ == "neg" for c in children)
    if not (modals or negated):
        return summary
    verb = token.lemma_.lower()
    act = " ".join([*modals[:1], *(["did"] if negated and not modals else []), *(["not"] if negated else []), verb])
    return " ".join([act, *summary.split()[1:]])


def _controlling_verb(token: Token) -> Token | None:
    """The verb whose subject does the act of an infinitive `token`: "was
    scheduled to visit", "is to meet", "plans to sign" (not "urged Chile to
    sign", whose object does it)."""
    head = token.head
    if token.dep_ != "xcomp" or head.i == token.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return None
    if any(c.dep_ in ("dobj", "dative") for c in head.children):
        return None
    return head


def _verb_group(verb: Token) -> list[Token]:
    """A verb with its auxiliaries and negation: "was scheduled", "did not plan"."""
    group = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i] + [verb]
    return sorted(group, key=lambda t: t.i)


def _governing_clause(noun: Token, names: Mapping[str, str]) -> Clause | None:
    """A noun trigger that is the object of a verb ("opened talks with Rabat",
    "would make a request for talks", "joined the talks"): that verb's clause,
    the verb in its own tense and mood, for a planned act is not yet done."""
    found = _governing_verb(noun)
    if found is None:
        return None
    verb, kept = found
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if not (subjects and _acts(subjects[0], names)):
        return None  # the verb's subject is none of the event's actors
    phrases = _Phrases(names)
    content = [c for c in _content(verb, children) if c.dep_ in ("dobj", "dative")]
    content = sorted({c.i: c for c in [*content, kept]}.values(), key=lambda c: c.i)
    versions = [" ".join(p for p in (phrases.render(c, depth) for c in content) if p) for depth in (2, 1, 0, -1)]
    details = tuple(p for p in (phrases.render(t) for t in _topics(verb, children) if t.i != kept.i) if p)
    if not versions[-1]:
        return None
    group = _verb_group(verb)
    act = " ".join(t.lower_ for t in group)
    return Clause(act, versions[0], details, tuple(versions[1:]), number=_number(group))


def _acts(subject: Token, names: Mapping[str, str]) -> bool:
    """May the verb's subject be the event's actor: a pronoun, an actor as
    named (the phrase without its apposition, or the apposition: "the Chilean
    minister, Rosa Vidal,"), a state ("The U.S.") or a state's body or
    official ("the Peruvian transport ministry"); states are not among
    `names`, which keeps them as written."""
    if subject.pos_ == "PRON" or _actor_name(subject, names):
        return True
    if any(_actor_name(c, names) for c in subject.children if c.dep_ == "appos"):
        return True
    if subject.ent_type_ in ("GPE", "NORP"):
        return True
    return any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("GPE", "NORP") for c in subject.children)


def _governing_verb(noun: Token) -> tuple[Token, Token] | None:
    """(the verb, its child that holds `noun`) when `noun` is what the verb
    acts on: its object, a light verb's preposition ("took part in"), or a
    part of its object ("options including sanctions")."""
    verb, kept = noun.head, noun
    light = verb.dep_ == "prep" and any(c.dep_ == "dobj" for c in verb.head.children)
    if kept.dep_ == "pobj" and verb.lower_ in ("in", "on") and light:
        kept, verb = verb, verb.head  # "took part in the talks", not "said on his return"
    elif kept.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("including", "of"):
        kept, verb = verb.head, verb.head.head  # "drafting options including sanctions"
    if kept.dep_ not in ("dobj", "prep") or verb.pos_ != "VERB" or verb.i > noun.i:
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "Oslo criticised Lima's visit": the visitor is not who criticised
    return verb, kept


def _actor_name(token: Token, names: Mapping[str, str]) -> str | None:
    """The actor's name for the phrase `token` heads, as the sentence says it:
    the whole noun phrase, its entity or the word ("his Kenyan counterpart",
    "envoy Lena Holm", "Holm")."""
    from timeline.events.arguments import noun_phrase

    start, end = noun_phrase(token)
    appositions = [c for c in token.children if c.dep_ == "appos" and c.i > token.i]
    if appositions:  # "the Chilean minister, Rosa Vidal,": the phrase without its apposition
        end = min(end, appositions[0].left_edge.i)
        while end - 1 > start and token.doc[end - 1].is_punct:
            end -= 1
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    said = [token.doc[start:end].text, entity.text if entity is not None else "", token.text]
    return next((names[s] for s in said if s in names), None)


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
    content = [c for c in children if c.dep_ in _CONTENT_DEPS and not _misparsed(c)]
    if token.lower_ in STATIVE_PARTICIPLES and any(c.dep_ == "auxpass" for c in children):
        content = [c for c in content if c.dep_ != "nsubjpass"]  # "were agreed on": they agreed
    if token.dep_ == "parataxis" and token.head.i < token.i and token.head.pos_ in ("VERB", "AUX"):
        content.append(token.head)  # "'... Peru wants closer ties,' Vidal said": the quotation heads the parse
    content.sort(key=lambda c: (c.dep_ in ("ccomp", "ROOT", "parataxis") or c.i == token.head.i, c.i))
    return content


def _misparsed(child: Token) -> bool:
    """A second object or clausal complement of one verb, or an object after
    the verb's preposition and a comma ("hoped for X, better Y"): the parser
    ran two phrases together, and the first alone is the one it got right."""
    head = child.head
    if head.i == child.i:
        return False
    kinds = {"dobj": ("dobj",), "xcomp": ("xcomp", "ccomp"), "ccomp": ("xcomp", "ccomp")}.get(child.dep_)
    if kinds is None:
        return False
    earlier = [c for c in head.children if c.i < child.i]
    if any(c.dep_ in kinds for c in earlier):
        return True
    comma = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
    return child.dep_ == "dobj" and comma and any(c.dep_ == "prep" and c.i > head.i for c in earlier)


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
        elif token.dep_ == "ccomp" and any(t.pos_ in ("VERB", "AUX") for t in token.subtree):
            # A noun as the complement clause: the parser hung the clause's verb under it.
            words = [t for t in token.subtree if not (t.dep_ == "mark" and t.head.i == token.i)]
            return _quote(words, 1)[1:-1] if not any(t.text in _QUOTES for t in words) else ""
        kept: list[tuple[int, str, Token]] = []
        self._keep(token, depth, kept)
        if any(_speakers_word(k[2]) for k in kept):
            # "said they need to stand by us": whose "us" only the quotation tells
            around = _quotation_around(token)
            return _quote(list(token.doc[around[0] : around[1]]), depth) if around else self.quoted(token, depth)
        return self.render(token, depth)

    def render(self, token: Token, depth: int = 1) -> str:
        kept: list[tuple[int, str, Token]] = []
        self._keep(token, depth, kept)
        kept.sort(key=lambda k: k[0])
        kept = _balanced(kept)
        if kept and _opens(kept[0][2]) and _common_word(kept[0][2]) and kept[0][1] != "I":
            # A quotation's first word, now inside the line: "said the success ..."
            kept[0] = (kept[0][0], kept[0][1].lower(), kept[0][2])
        return _join(kept)

    def quoted(self, token: Token, depth: int = 1) -> str:
        """A clause word for word, in quotation marks (a first-person remark);
        shorter versions (`depth` below 1) end in an ellipsis."""
        return _quote(list(token.doc[token.left_edge.i : token.right_edge.i + 1]), depth)

    def _keep(self, token: Token, depth: int, kept: list) -> None:
        from timeline.events.arguments import noun_phrase

        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            # "envoy Lena Holm", "his Kenyan counterpart": the actor's name, without the title.
            named = _actor_name(token, self.names)
            if named is not None:
                start, end = noun_phrase(token)
                if depth >= 0 and token.doc[start:end].text.lower() == f"the {named}".lower():
                    named = f"the {named}"  # "in the United States", not "in United States"
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
        elif verdict == _THE:
            kept.append((child.left_edge.i, "the", child.right_edge))
        elif verdict is not None:
            self._keep(child, verdict, kept)


_WORD = -100  # keep the word alone, not its subtree
_THE = -101  # put "the" in the phrase's place


def _verdict(child: Token, depth: int) -> int | None:
    """Whether a child stays in the phrase: None (it goes), `_WORD` (the word
    alone), or the depth its own subtree is rendered at."""
    dep = child.dep_
    if _in_parentheses(child) or _misparsed(child):
        return None  # "(FA)", "(see below)"
    if dep == "mark":
        # headline style: "said Chile would", not "said that Chile would"
        return None if child.lower_ == "that" else _WORD
    if dep == "aux" and child.tag_ == "TO":
        return _WORD
    if dep == "punct":
        return _WORD if _before_conjunct(child) or child.text in _QUOTES or child.tag_ == "HYPH" else None
    if child.ent_type_ in _TIME_LABELS and dep in ("npadvmod", "pobj", "nmod", "compound", "amod", "poss"):
        return _THE if dep == "poss" else None  # "next week's summit" is "the summit"
    if dep in ("conj", "cc"):
        return _conjunct_verdict(child, depth)
    if dep == "case":
        return _WORD if child.i == child.head.i + 1 else None  # "Holm's"
    if dep == "compound":
        return 9  # a name is kept whole: "Council of ... States"
    if dep == "advmod":
        return _WORD if _kept_adverb(child) else None
    if dep == "prep":
        return _prep_verdict(child, depth)
    if dep in ("relcl", "acl") and _content_clause(child):
        return depth  # "the way Lima handled it", "fears they would close the border"
    return depth if dep in _PHRASE_DEPS else None


def _content_clause(child: Token) -> bool:
    """The clause of a noun that says nothing without it ("the way ...",
    "fears that ..."): a verb with a subject of its own, no relative pronoun."""
    if child.head.lemma_.lower() not in CONTENT_NOUNS or child.pos_ not in ("VERB", "AUX"):
        return False
    own = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(own) and not any(t.tag_ in ("WDT", "WP", "WP$") for t in child.subtree)


def _kept_adverb(child: Token) -> bool:
    """ "act alone", "work together", "most populous", "fully compatible"; not
    "earlier", "also" or an adverb with words of its own."""
    after_verb = child.head.pos_ in ("VERB", "AUX") and child.i > child.head.i
    degree = child.head.pos_ == "ADJ" and child.i < child.head.i
    alone = not any(True for _ in child.children) and child.ent_type_ not in _TIME_LABELS
    return (after_verb or degree) and alone


def _conjunct_verdict(child: Token, depth: int) -> int | None:
    if child.dep_ == "conj" and _clause_of_its_own(child):
        return None  # "... and she welcomed it": a remark of its own
    conjuncts = [c for c in child.head.children if c.dep_ == "conj"]
    if child.dep_ == "cc" and conjuncts and all(_clause_of_its_own(c) for c in conjuncts):
        return None  # its conjunct went
    if depth < 0 and child.head.pos_ in ("VERB", "AUX", "ADP"):
        return None  # shortest: one verb phrase, one prepositional phrase ("in Lima", not "in Lima or in Quito")
    return depth


def _prep_verdict(child: Token, depth: int) -> int | None:
    """A noun keeps its own preposition ("a fund between ...", always "the
    creation of ..."); a verb or an adjective only a topic, counterpart or
    complement ("meet with ...", "tied to ...", "high on ..."), which stays
    when the noun's go; time phrases go."""
    if _is_time(child):
        return None
    on_predicate = child.head.pos_ in ("VERB", "AUX", "ADJ")
    complement = child.lower_ in _CONTENT_PREPS or (child.lower_ == "by" and _complement(child))  # "stand by us"
    if on_predicate and complement and child.i > child.head.i:
        if depth >= 0:
            return max(depth - 1, 0)
        return -1 if _complement(child) else None  # "could result in ...", never "could result"
    if child.lower_ == "of" and not on_predicate and depth >= 0:
        return depth
    if not on_predicate and _complement(child):
        return max(depth - 1, -1)  # "make use of the port"
    if depth > 0 and not on_predicate:
        return depth - 1
    return None


def _speakers_word(token: Token) -> bool:
    """ "we", "us", "my": not "US" (the United States)."""
    return token.lower_ in _SPEAKERS_WORDS and (token.text == "I" or not token.text.isupper())


def _quote(words: list[Token], depth: int) -> str:
    """Words in quotation marks; shorter versions (`depth` below 1) end in an
    ellipsis. Empty when the words hold a quotation mark of their own."""
    words = list(words)
    while words and (words[-1].is_punct or words[-1].text in _QUOTES):
        words.pop()
    while words and (words[0].is_punct or words[0].text in _QUOTES):
        words.pop(0)
    if any(t.text in _QUOTES for t in words):
        return ""
    cut = len(words) if depth >= 1 else 10 if depth == 0 else 6
    ellipsis = "…" if cut < len(words) else ""
    words = words[:cut]
    while ellipsis and words and words[-1].is_punct:
        words.pop()
    text = "".join(t.text_with_ws for t in words).strip()
    return f"“{text}{ellipsis}”" if text else ""


def _quotation_around(token: Token) -> tuple[int, int] | None:
    """(start, end) of the words between the quotation marks around `token`."""
    sent = token.sent
    left = next((t for t in reversed(token.doc[sent.start : token.i]) if _opening(t) or _closing(t)), None)
    right = next((t for t in token.doc[token.i : sent.end] if _opening(t) or _closing(t)), None)
    if left is None or right is None or not (_opening(left) and _closing(right)):
        return None
    return left.i + 1, right.i


def _opening(token: Token) -> bool:
    return token.text in _OPENING or (token.text == '"' and token.tag_ == "``")


def _closing(token: Token) -> bool:
    return token.text in _CLOSING or (token.text == '"' and token.tag_ == "''")


def _quotation_beside(verb: Token) -> tuple[int, int] | None:
    """(start, end) of a quotation next to a saying the parse did not attach it
    to: ' “We stand ready” tweeted Vidal ', ' “...,” Vidal said '."""
    doc = verb.doc
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "dobj") for t in c.subtree}
    i = verb.i - 1
    while i >= 0 and (i in subject or doc[i].text == ","):
        i -= 1
    if i >= 0 and _closing(doc[i]):
        return _quotation_around(doc[i - 1]) if i > 0 else None
    i = verb.i + 1
    while i < len(doc) and (i in subject or doc[i].text == ","):
        i += 1
    if i + 1 < len(doc) and _opening(doc[i]):
        return _quotation_around(doc[i + 1])
    return None


def _complement(prep: Token) -> bool:
    """Is `prep` the complement its head cannot go without: the first
    preposition after a verb or adjective with no object ("result in",
    "stand by"), or after a light verb's bare noun ("make use of", "take
    part in")?"""
    head = prep.head
    first = next((c for c in head.children if c.dep_ == "prep" and c.i > head.i), None)
    if first is None or first.i != prep.i:
        return False
    if head.pos_ in ("NOUN", "PROPN"):
        return head.dep_ == "dobj" and _light(head)
    objects = [c for c in head.children if c.dep_ in _CONTENT_DEPS and c.dep_ != "nsubjpass"]
    return all(c.dep_ == "dobj" and _light(c) for c in objects)


def _light(noun: Token) -> bool:
    """The bare noun of a light verb: "use" of "make use", "part" of "take part"."""
    bare = not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod", "predet") for c in noun.children)
    return bare and noun.pos_ == "NOUN" and noun.head.lemma_.lower() in LIGHT_VERBS


def _in_parentheses(token: Token) -> bool:
    """Is the phrase `token` heads in brackets (they may be its own children)?"""
    doc = token.doc
    left, right = token.left_edge.i, token.right_edge.i
    if doc[left].text == "(" and doc[right].text == ")":
        return True
    return left > 0 and right + 1 < len(doc) and doc[left - 1].text == "(" and doc[right + 1].text == ")"


# Adjectives that are never a name: "Many important dates ..." is "many".
_QUANTIFIERS = {"many", "most", "several", "few", "more", "much", "some", "other", "such", "all", "both", "each"}


def _common_word(token: Token) -> bool:
    """A word whose capital is a sentence's, not a name's ("West aid" keeps it)."""
    return token.pos_ not in ("PROPN", "ADJ") or token.lower_ in _QUANTIFIERS


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
    # A hyphen stays between the two words it joins ("high-level"), else goes.
    places = {k[2].i for k in kept}
    kept = [k for k in kept if k[2].tag_ != "HYPH" or {k[2].i - 1, k[2].i + 1} <= places]
    while kept and kept[0][1] in (",", ";", ":", "."):
        kept = kept[1:]
    # A possessive whose noun the parse put elsewhere ("the row over Acme's"), a
    # conjunction whose conjunct it hung on another word ("handled it and").
    while kept and (kept[-1][1] in (",", ";", ":", ".", "-", "—", "'s", "’s") or kept[-1][2].dep_ == "cc"):
        kept = kept[:-1]
    return kept


def _join(kept: list) -> str:
    out = ""
    previous = None
    for _position, text, token in kept:
        if previous is not None:
            adjacent = token.i == previous.i + 1
            if adjacent and "HYPH" in (token.tag_, previous.tag_):
                pass  # "high-level" is one word
            elif adjacent:
                out += previous.whitespace_
            elif text not in _NO_SPACE_BEFORE and previous.text not in ("“", "‘", "("):
                out += " "
        out += text
        previous = token
    return out.strip()
