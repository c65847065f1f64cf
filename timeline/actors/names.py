"""Normal forms of names, so "the U.S.", "US", "Kim Jong-un's" and
"Weizsäcker" meet their gazetteer entries in one dict lookup.

Written by hand because it is a few string rules tuned to the index keys
(no library normalises "U.S." to "us" and drops possessives and articles).
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_DASHES = re.compile(r"[\-‐‑‒–—―/]+")
_POSSESSIVE = re.compile(r"(?<=\w)'s?\b")
_DOTS = re.compile(r"(?<=\w)\.(?=\w|\s|$)|\.")
_OTHER = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
# German umlauts are written "ae/oe/ue" on the wire ("Weizsaecker", "Poehl").
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
LEADING_ARTICLES = ("the",)


def strip_accents(text: str) -> str:
    """'Élysée' → 'Elysee' (Unicode NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """The lookup key of a surface text.

    Lower case, German umlauts as "ae/oe/ue" and other accents stripped,
    dots dropped ("U.S." → "us"), dashes to spaces ("Kim Jong-un" → "kim
    jong un"), possessive "'s" dropped, other punctuation to spaces, a
    leading "the" dropped.
    """
    return _normal(text.translate(_UMLAUTS))


def _normal(text: str) -> str:
    text = strip_accents(text.translate(_APOSTROPHES)).lower()
    text = _DASHES.sub(" ", text)
    text = _POSSESSIVE.sub("", text)
    text = text.replace("'", "")
    text = _DOTS.sub("", text)
    text = _OTHER.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    for article in LEADING_ARTICLES:
        if text.startswith(article + " "):
            text = text[len(article) + 1 :]
    return text


def index_keys(name: str) -> set[str]:
    """Every key a data-file name is indexed under: its normal form and,
    for German umlauts, also the spelling with the dots dropped ("Zurich")."""
    transliterated = name.translate(_UMLAUTS)
    keys = {_normal(transliterated)} if transliterated == name else {_normal(transliterated), _normal(name)}
    keys.discard("")
    return keys


# Suffixes that are not surnames: "James Baker III", "Hassan II".
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "vi", "xiv", "xvi"}
# Family name first, in the order the wire prints these names.
FAMILY_NAME_FIRST = {"China", "North Korea", "South Korea", "Taiwan"}


def default_surname(name: str, country: str | None) -> str | None:
    """The bare surname a person is called by: the last word of the name,
    or the first for Chinese and Korean names ("Xi Jinping" → "Xi")."""
    words = [w for w in normalise(name).split() if w not in _SUFFIXES]
    if len(words) < 2:
        return None
    return words[0] if country in FAMILY_NAME_FIRST else words[-1]
