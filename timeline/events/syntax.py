"""Where a trigger sits in the dependency parse: the verb a noun trigger hangs
on ("held [talks]"), and the nouns that count or measure ("nine hours of
[talks]") that it looks through."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def governing_verb(token: Token) -> Token | None:
    """The verb a noun trigger hangs on: "held [talks]", "reached an [agreement]",
    "during a [meeting]" -> the verb of the clause."""
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ == "ADP" or node.dep_ in ("conj", "appos", "compound"):
            node = head
            continue
        if node.dep_ == "prep" and node.lower_ in ("during", "following") and head.pos_ in ("NOUN", "PROPN"):
            node = head  # "agreed on a concept ... during [talks]": the parser hangs it on the noun
            continue
        if node.dep_ == "prep" and head.pos_ == "NOUN" and quantity(head):
            node = head  # "put 300 mln dlrs in [tariffs] on ..."
            continue
        if node.lower_ == "of" and (
            measure(head) or head.lemma_.lower() in ("end", "close", "conclusion", "start", "beginning")
        ):
            node = head  # "had nine hours of [talks]", "start four days of [talks]"
            continue
        return None
    return None


MEASURE_NOUNS = {"hour", "day", "week", "month", "round", "series", "session", "year", "night", "couple"}


def quantity(token: Token) -> bool:
    return any(c.dep_ == "nummod" for c in token.children)


def measure(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in MEASURE_NOUNS
