"""The data files shipped in `timeline/data/`: the one YAML reader, and the
word lists the rules read (planning verbs, reporting verbs, titles, …),
one file per stage under `data/words/`, checked and read once per process.

Data, not code, as dateparser keeps its language data apart from its parser:
adding a word is an edit to a YAML file, checked by `tests/test_datafiles.py`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


class DataFileError(ValueError):
    """A data file is missing a list or holds something that is not a word list."""


def read_yaml(name: str) -> Any:
    """Parse `timeline/data/<name>` (libyaml's loader when present: ten times faster)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files("timeline").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=loader)


# Which lists were read, so a test can find lists no rule reads any more.
_READ: set[tuple[str, str]] = set()


@cache
def _word_file(stage: str) -> dict[str, Any]:
    name = f"words/{stage}.yaml"
    try:
        raw = read_yaml(name)
    except FileNotFoundError:
        raise DataFileError(f"{name}: no such word file") from None
    if not isinstance(raw, dict):
        raise DataFileError(f"{name}: expected a mapping of list names to word lists")
    for key, value in raw.items():
        check_word_list(f"{name}: {key}", value)
    return raw


def check_word_list(where: str, value: Any) -> None:
    """A word list is a non-empty list of distinct lower-case strings, or a
    mapping of such words to lists of words (a lemma's irregular forms)."""
    if isinstance(value, dict):
        for word, forms in value.items():
            if not isinstance(forms, list):
                raise DataFileError(f"{where}: {word}: expected a list of words")
            check_word_list(f"{where}: {word}", forms)
        words = list(value)
    elif isinstance(value, list):
        words = value
    else:
        raise DataFileError(f"{where}: expected a list of words")
    if not words:
        raise DataFileError(f"{where}: the list is empty")
    for word in words:
        if not isinstance(word, str) or not word.strip():
            raise DataFileError(f"{where}: {word!r} is not a word (quote on/off/yes/no)")
        if word != word.lower():
            raise DataFileError(f"{where}: {word!r} must be lower-case (matching is on lower-case forms)")
    twice = sorted({w for w in words if words.count(w) > 1})
    if twice:
        raise DataFileError(f"{where}: listed twice: {twice}")


def _entry(stage: str, key: str) -> Any:
    table = _word_file(stage)
    if key not in table:
        raise DataFileError(f"words/{stage}.yaml: no list {key!r}")
    _READ.add((stage, key))
    return table[key]


def words(stage: str, key: str) -> frozenset[str]:
    """The word list `key` of `data/words/<stage>.yaml`."""
    value = _entry(stage, key)
    if isinstance(value, dict):
        raise DataFileError(f"words/{stage}.yaml: {key} maps words to forms; read it with forms()")
    return frozenset(value)


def forms(stage: str, key: str) -> dict[str, tuple[str, ...]]:
    """The word → forms table `key` of `data/words/<stage>.yaml` ("meet" → ("met",))."""
    value = _entry(stage, key)
    if not isinstance(value, dict):
        raise DataFileError(f"words/{stage}.yaml: {key} is a plain word list; read it with words()")
    return {word: tuple(f) for word, f in value.items()}


def word_lists() -> dict[tuple[str, str], Any]:
    """Every list of every word file, for the data tests."""
    folder = resources.files("timeline").joinpath("data", "words")
    stages = sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))
    return {(stage, key): value for stage in stages for key, value in _word_file(stage).items()}


def lists_read() -> frozenset[tuple[str, str]]:
    """The (stage, list) pairs some module has read so far."""
    return frozenset(_READ)
