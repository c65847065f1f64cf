"""Names the gazetteer knows, marked where the statistical NER missed them.

spaCy's small English model tags "the G-7 agreed" or "the Group of Seven met"
with no organisation at all (it reads "G-7" as an adjective and "Seven" as a
number), so the actor stage never sees the group. After parsing, every
gazetteer name and alias written as the gazetteer writes it is matched
(`timeline.nlp.mark_phrases`, case-sensitive, so "the group of seven" or a common
word is not a name) and becomes an entity where it is longer than what the NER
found there, or where the NER found nothing: NER entities that are as long or
longer win. People count only by their full names ("Ingrid Berg", not "Berg"):
surnames alone are left to the actor stage, which knows when a surname is a
common word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.datafiles import words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language
    from spacy.tokens import Doc

    from timeline.actors.gazetteer import Gazetteer

# Lower-case words inside a proper name ("Group of Seven", "Bank of Japan").
NAME_SMALL_WORDS = words("gazetteer", "small_words")

# The entity label the actor stage reads for each kind of actor.
LABELS = {"country": "GPE", "organisation": "ORG", "group": "ORG", "legislature": "ORG", "person": "PERSON"}


def mark_gazetteer_names(docs: Iterable[Doc], nlp: Language, gazetteer: Gazetteer) -> None:
    """Add to each parsed doc's entities the gazetteer names the NER missed."""
    from timeline import nlp as nlp_module

    nlp_module.mark_phrases(docs, nlp, _names_by_label(gazetteer), key=gazetteer)


@lru_cache(maxsize=4)
def _names_by_label(gazetteer: Gazetteer) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in gazetteer.actors():
        label = LABELS.get(actor.kind)
        if label is None:
            continue
        for name in (actor.name, *(actor.aliases or ())):
            if _is_a_name(name, actor.kind):
                out.setdefault(label, set()).add(name)
    return out


def _is_a_name(name: str, kind: str) -> bool:
    """Written as a proper name: every word capitalised, a number or a small
    word of a name ("Group of Seven", "G-7", "the Twelve"), and, for a
    person, more than one word. "EC farm ministers" is a description the
    actor stage reads (its "ministers" refer back later), not a name."""
    words = name.split()
    if not words or (kind == "person" and len(words) < 2):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in NAME_SMALL_WORDS for w in words) and any(
        w[0].isupper() or w[0].isdigit() for w in words
    )
