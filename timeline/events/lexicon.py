"""The event ontology (PLOVER categories and modes with CAMEO codes) and the
trigger lexicon that maps words to them, both loaded from `timeline/data/`.

Data, not code: adding a trigger is an edit to `triggers.yaml`, checked by
`tests/test_events_lexicon.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

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
    "needs_place",
    "modifiers",
    "complements",
    "ultimatum",
    "not_objects",
    "needs_threat",
    "means",
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
    needs_place: bool = False
    ultimatum: bool = False
    needs_threat: bool = False
    means: frozenset[str] = frozenset()


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


def _stem(lemma: str) -> str:
    # A prefix that covers the inflections spaCy lemmatises back to the lemma
    # (meet/met/meeting, visit/visited, fly/flew): irregular pasts are added.
    irregular = {
        "meet": ["met"],
        "fly": ["flew", "flown"],
        "tell": ["told"],
        "say": ["said"],
        "hold": ["held"],
        "sign": [],
        "deal": ["dealt"],
        "seek": ["sought"],
        "make": ["made"],
        "give": ["gave"],
        "take": ["took"],
        "speak": ["spoke"],
        "break": ["broke"],
        "sever": [],
        "expel": [],
        "recall": [],
    }
    stem = lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma
    stem = stem[:-1] if stem.endswith("y") and len(stem) > 3 else stem
    return "|".join([re.escape(stem)] + [re.escape(x) for x in irregular.get(lemma, [])])


def _load_yaml(name: str) -> dict:
    text = resources.files("timeline.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _build(ontology: dict, triggers: dict) -> Lexicon:  # noqa: C901
    categories: dict[str, Category] = {}
    for name, spec in (ontology.get("categories") or {}).items():
        modes = {
            mode: Mode(mode, str(m["cameo"]), m.get("description", "")) for mode, m in (spec.get("modes") or {}).items()
        }
        if not modes:
            raise LexiconError(f"category {name} has no modes")
        categories[name] = Category(name, str(spec["cameo"]), spec.get("description", ""), modes)

    entries: list[Trigger] = []
    for i, raw in enumerate(triggers.get("triggers") or []):
        where = f"trigger {i + 1} ({raw.get('lemma')!r})"
        unknown = set(raw) - TRIGGER_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
        for key in ("lemma", "pos", "type", "mode", "args"):
            if not raw.get(key):
                raise LexiconError(f"{where}: missing {key}")
        if raw["pos"] not in POS_TAGS:
            raise LexiconError(f"{where}: pos must be one of {POS_TAGS}")
        if raw["args"] not in ARG_PATTERNS:
            raise LexiconError(f"{where}: args must be one of {ARG_PATTERNS}")
        category = categories.get(raw["type"])
        if category is None:
            raise LexiconError(f"{where}: type {raw['type']} is not in the ontology")
        mode = category.modes.get(raw["mode"])
        if mode is None:
            raise LexiconError(f"{where}: mode {raw['mode']} is not a mode of {raw['type']}")
        for key in (
            "objects",
            "objects_kind",
            "not_objects",
            "governors",
            "particles",
            "modifiers",
            "complements",
            "means",
        ):
            words = raw.get(key)
            if words is not None and (not isinstance(words, list) or not all(isinstance(w, str) for w in words)):
                raise LexiconError(f"{where}: {key} must be a list of words (quote on/off/yes/no)")
        weight = float(raw.get("weight", 0.5))
        if not 0 < weight <= 1:
            raise LexiconError(f"{where}: weight must be in (0, 1]")
        entries.append(
            Trigger(
                lemma=str(raw["lemma"]).lower(),
                pos=raw["pos"],
                type=raw["type"],
                mode=raw["mode"],
                cameo=str(raw.get("cameo") or mode.cameo),
                args=raw["args"],
                summary=raw.get("summary") or raw["lemma"],
                weight=weight,
                objects=frozenset(raw.get("objects") or ()),
                objects_kind=frozenset(raw.get("objects_kind") or ()),
                not_objects=frozenset(raw.get("not_objects") or ()),
                governors=frozenset(raw.get("governors") or ()),
                particles=frozenset(raw.get("particles") or ()),
                modifiers=frozenset(raw.get("modifiers") or ()),
                complements=frozenset(raw.get("complements") or ()),
                needs_oprd=bool(raw.get("needs_oprd")),
                needs_place=bool(raw.get("needs_place")),
                ultimatum=bool(raw.get("ultimatum")),
                needs_threat=bool(raw.get("needs_threat")),
                means=frozenset(raw.get("means") or ()),
            )
        )
    by_lemma: dict[tuple[str, str], list[Trigger]] = {}
    for entry in entries:
        by_lemma.setdefault((entry.lemma, entry.pos), []).append(entry)

    def alternation(words) -> re.Pattern:
        return re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")", re.IGNORECASE)

    stems = {_stem(e.lemma) for e in entries if e.type != "STATEMENT" and e.lemma != "be"}
    if any(e.lemma == "be" for e in entries):
        stems.add(_STAY)
    prefilter = alternation(stems)
    speech = alternation({_stem(e.lemma) for e in entries if e.type == "STATEMENT"})
    cues = triggers.get("speaker_cues") or []
    if not cues:
        raise LexiconError("speaker_cues: the titles that make a reporting verb worth parsing are missing")
    speaker_cues = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")", re.IGNORECASE)
    return Lexicon(categories, entries, by_lemma, prefilter, speech, speaker_cues)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The ontology and trigger lexicon shipped with timeline (validated, cached)."""
    return _build(_load_yaml("ontology.yaml"), _load_yaml("triggers.yaml"))
