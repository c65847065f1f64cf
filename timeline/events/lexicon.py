"""The event ontology (PLOVER categories and modes with CAMEO codes) and the
trigger lexicon that maps words to them, both loaded from `timeline/data/`.

Data, not code: adding a trigger is an edit to `triggers.yaml`, checked by
`tests/test_events_lexicon.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from timeline.datafiles import forms, read_yaml

ARG_PATTERNS = ("directed", "symmetric", "speaker")
POS_TAGS = ("VERB", "NOUN")
# Keys a trigger entry may carry; anything else is a typo the tests catch.
TRIGGER_KEYS = {
    "lemma",
    "pos",
    "type",
    "mode",
    "cameo",
    "args",
    "summary",
    "weight",
    "objects",
    "objects_kind",
    "governors",
    "particles",
    "needs_oprd",
    "needs_praise",
    "needs_place",
    "modifiers",
    "complements",
    "ultimatum",
    "not_objects",
    "needs_threat",
    "means",
    "partners",
}


_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+")


class LexiconError(ValueError):
    """The ontology or trigger data file is inconsistent."""


@dataclass(frozen=True)
class Mode:
    name: str
    cameo: str
    description: str


@dataclass(frozen=True)
class Category:
    name: str
    cameo: str
    description: str
    modes: dict[str, Mode]


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma of a part of speech and what it reports."""

    lemma: str
    pos: str
    type: str
    mode: str
    cameo: str
    args: str
    summary: str
    weight: float
    objects: frozenset[str] = frozenset()
    objects_kind: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    governors: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    complements: frozenset[str] = frozenset()
    needs_oprd: bool = False
    needs_praise: bool = False  # the object predicate praises: "called him 'a true friend'"
    needs_place: bool = False
    ultimatum: bool = False
    needs_threat: bool = False
    means: frozenset[str] = frozenset()
    # Prepositions one of which must name an actor: "spoke with Mr Vidal".
    partners: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    categories: dict[str, Category]
    triggers: list[Trigger]
    by_lemma: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    prefilter: re.Pattern = field(default=re.compile(r"(?!)"))
    # Reporting verbs ("said") are in nearly every news paragraph; alone they
    # make a paragraph worth parsing only next to a speaker who can make a
    # diplomatic statement (a title, or a name the caller knows).
    speech_prefilter: re.Pattern = field(default=re.compile(r"(?!)"))
    speaker_cues: re.Pattern = field(default=re.compile(r"(?!)"))

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """Entries for a token's lemma and coarse part of speech (PROPN counts as NOUN)."""
        pos = "NOUN" if pos in ("NOUN", "PROPN") else pos
        return self.by_lemma.get((lemma.lower(), pos), [])

    def may_hold_event(self, text: str, speaker_names: frozenset[str] | set[str] = frozenset()) -> bool:
        """Cheap test before parsing: does the text hold a trigger's stem? A
        reporting verb counts only with a speaker cue: a title ("minister",
        "spokesman") or one of `speaker_names` (lower-case surnames)."""
        if self.prefilter.search(text) is not None:
            return True
        if self.speech_prefilter.search(text) is None:
            return False
        if self.speaker_cues.search(text) is not None:
            return True
        return any(w.lower() in speaker_names for w in _CAPITALISED.findall(text))


# The copula is in every paragraph: "be" counts for the pre-filter only as a
# stay somewhere named ("would be in Rome", "was in Moscow").
_STAY = r"\b(?:is|are|was|were|be|been)\s+in\s+(?-i:[A-Z])"
IRREGULAR_FORMS = forms("lexicon", "irregular_forms")
# Trigger keys whose value is a list of words.
_WORD_LIST_KEYS = (
    "objects",
    "objects_kind",
    "not_objects",
    "governors",
    "particles",
    "modifiers",
    "complements",
    "means",
    "partners",
)


def _stem(lemma: str) -> str:
    """A prefix that covers the inflections spaCy lemmatises back to the lemma
    (meet/meeting, visit/visited), and the irregular forms (met, flew)."""
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma
    stem = stem[:-1] if stem.endswith("y") and len(stem) > 3 else stem
    return "|".join([re.escape(stem)] + [re.escape(x) for x in IRREGULAR_FORMS.get(lemma, ())])


def _load_yaml(name: str) -> dict[str, Any]:
    data: dict[str, Any] = read_yaml(name)
    return data


def _build(ontology: dict[str, Any], triggers: dict[str, Any]) -> Lexicon:
    """The lexicon of the two data files, checked (LexiconError names the entry and the problem)."""
    categories = _categories(ontology)
    entries = [_trigger(i, raw, categories) for i, raw in enumerate(triggers.get("triggers") or [])]
    by_lemma: dict[tuple[str, str], list[Trigger]] = {}
    for entry in entries:
        by_lemma.setdefault((entry.lemma, entry.pos), []).append(entry)
    prefilter, speech = _prefilters(entries)
    return Lexicon(categories, entries, by_lemma, prefilter, speech, _speaker_cues(triggers))


def _categories(ontology: dict[str, Any]) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    for name, spec in (ontology.get("categories") or {}).items():
        modes = {
            mode: Mode(mode, str(m["cameo"]), m.get("description", "")) for mode, m in (spec.get("modes") or {}).items()
        }
        if not modes:
            raise LexiconError(f"category {name} has no modes")
        categories[name] = Category(name, str(spec["cameo"]), spec.get("description", ""), modes)
    return categories


def _trigger(i: int, raw: dict[str, Any], categories: dict[str, Category]) -> Trigger:
    where = f"trigger {i + 1} ({raw.get('lemma')!r})"
    for check in _ENTRY_CHECKS:
        check(where, raw)
    mode = _mode_of(where, raw, categories)
    _word_lists(where, raw)
    weight = float(raw.get("weight", 0.5))
    if not 0 < weight <= 1:
        raise LexiconError(f"{where}: weight must be in (0, 1]")
    lists = {key: frozenset(raw.get(key) or ()) for key in _WORD_LIST_KEYS}
    return Trigger(
        lemma=str(raw["lemma"]).lower(),
        pos=raw["pos"],
        type=raw["type"],
        mode=raw["mode"],
        cameo=str(raw.get("cameo") or mode.cameo),
        args=raw["args"],
        summary=raw.get("summary") or raw["lemma"],
        weight=weight,
        needs_oprd=bool(raw.get("needs_oprd")),
        needs_praise=bool(raw.get("needs_praise")),
        needs_place=bool(raw.get("needs_place")),
        ultimatum=bool(raw.get("ultimatum")),
        needs_threat=bool(raw.get("needs_threat")),
        **lists,
    )


def _known_keys(where: str, raw: dict[str, Any]) -> None:
    unknown = set(raw) - TRIGGER_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")


def _required_keys(where: str, raw: dict[str, Any]) -> None:
    for key in ("lemma", "pos", "type", "mode", "args"):
        if not raw.get(key):
            raise LexiconError(f"{where}: missing {key}")


def _known_values(where: str, raw: dict[str, Any]) -> None:
    if raw["pos"] not in POS_TAGS:
        raise LexiconError(f"{where}: pos must be one of {POS_TAGS}")
    if raw["args"] not in ARG_PATTERNS:
        raise LexiconError(f"{where}: args must be one of {ARG_PATTERNS}")


def _word_lists(where: str, raw: dict[str, Any]) -> None:
    for key in _WORD_LIST_KEYS:
        words = raw.get(key)
        if words is not None and (not isinstance(words, list) or not all(isinstance(w, str) for w in words)):
            raise LexiconError(f"{where}: {key} must be a list of words (quote on/off/yes/no)")


# Checks of one trigger entry before its type and mode, in order; each raises LexiconError.
_ENTRY_CHECKS = (_known_keys, _required_keys, _known_values)


def _mode_of(where: str, raw: dict[str, Any], categories: dict[str, Category]) -> Mode:
    category = categories.get(raw["type"])
    if category is None:
        raise LexiconError(f"{where}: type {raw['type']} is not in the ontology")
    mode = category.modes.get(raw["mode"])
    if mode is None:
        raise LexiconError(f"{where}: mode {raw['mode']} is not a mode of {raw['type']}")
    return mode


def _alternation(words: set[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")", re.IGNORECASE)


def _prefilters(entries: list[Trigger]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pre-filter of event triggers, and that of reporting verbs."""
    stems = {_stem(e.lemma) for e in entries if e.type != "STATEMENT" and e.lemma != "be"}
    if any(e.lemma == "be" for e in entries):
        stems.add(_STAY)
    speech = {_stem(e.lemma) for e in entries if e.type == "STATEMENT"}
    return _alternation(stems), _alternation(speech)


def _speaker_cues(triggers: dict[str, Any]) -> re.Pattern[str]:
    cues = triggers.get("speaker_cues") or []
    if not cues:
        raise LexiconError("speaker_cues: the titles that make a reporting verb worth parsing are missing")
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The ontology and trigger lexicon shipped with timeline (validated, cached)."""
    return _build(_load_yaml("ontology.yaml"), _load_yaml("triggers.yaml"))
