"""Triggers: does a word count as the lexicon entry of its lemma?

One small, named check per condition key of `timeline/data/triggers.yaml`
(`particles`, `objects`, `needs_place`, …), and the few the lexicon does not
spell; each answers True when the token fails it. The rules of CONDITIONS are
tried in the order they are written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from timeline.datafiles import words
from timeline.events.rules import RuleSet
from timeline.events.statements import statement_worthy
from timeline.events.syntax import governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.events.extract import _ParagraphReader
    from timeline.events.lexicon import Trigger

PRAISE_WORDS = words("lexicon", "praise_words")
THREAT_WORDS = words("lexicon", "threat_words")
SPEAKING_VERBS = words("lexicon", "speaking_to_the_reporter")


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
    return True if m.entry.means and not means_nouns(m.token, m.entry.means) else None


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


def means_nouns(verb: Token, nouns: frozenset[str]) -> list[Token]:
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
    return verb.lemma_.lower() in SPEAKING_VERBS


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
