"""Mask website furniture (straplines, login/cookie/subscription prompts, share
bars, "Read more" lines, photo credits) in a text without moving any character,
so offsets computed on the masked text are valid in the original.

Written here because trafilatura and jusText judge boilerplate from the HTML
tree; plain-text articles (pasted, front-matter files, JSON dumps) have none."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class BoilerplatePattern:
    kind: str
    regex: re.Pattern[str]
    max_length: int


@dataclass(frozen=True)
class BoilerplateRules:
    patterns: tuple[BoilerplatePattern, ...]
    share_words: frozenset[str]
    longest: int  # no pattern matches a longer line: such lines skip every regex


@lru_cache(maxsize=1)
def load_rules() -> BoilerplateRules:
    """The patterns of timeline/data/boilerplate.yaml, compiled once per process."""
    import yaml

    raw = yaml.safe_load(resources.files("timeline").joinpath("data/boilerplate.yaml").read_text("utf-8"))
    patterns = tuple(
        BoilerplatePattern(
            kind=entry["kind"],
            regex=re.compile(entry["regex"], 0 if entry.get("case_sensitive") else re.IGNORECASE),
            max_length=int(entry.get("max_length", 300)),
        )
        for entry in raw["patterns"]
    )
    share_words = frozenset(raw.get("share_words", "").lower().split())
    return BoilerplateRules(patterns, share_words, max(p.max_length for p in patterns))


def boilerplate_kind(line: str) -> str | None:
    """The kind of furniture `line` is ("login", "share", ...), or None for text."""
    stripped = line.strip()
    if not stripped:
        return None
    first_letter = next((ch for ch in stripped if ch.isalpha()), "")
    # Furniture starts a line; a lower-case start is the middle of a wrapped sentence.
    if first_letter.islower() and not stripped.startswith(("reCAPTCHA", "e-mail", "email")):
        return None
    rules = load_rules()
    if len(stripped) > rules.longest:
        return None
    if _is_share_bar(stripped, rules.share_words):
        return "share"
    for pattern in rules.patterns:
        if len(stripped) <= pattern.max_length and pattern.regex.search(stripped):
            return pattern.kind
    return None


def mask_boilerplate(text: str) -> str:
    """`text` with every boilerplate line blanked to spaces (same length, newlines kept)."""
    return blank(text, furniture_spans(text))


def furniture_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) character spans of `text`'s furniture lines, line
    endings left out: what `mask_boilerplate` blanks."""
    if not isinstance(text, str):
        raise TypeError("furniture_spans expects str")
    spans = []
    lines = text.splitlines(keepends=True)
    # splitlines() knows every line boundary (\r\n, \x0b, \u2028 ...); keep it as is.
    bodies = [line.splitlines()[0] if line.splitlines() else "" for line in lines]
    start = 0
    for line, body, furniture in zip(lines, bodies, furniture_lines(bodies)):
        if furniture and body:
            spans.append((start, start + len(body)))
        start += len(line)
    return tuple(spans)


def blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with each span replaced by as many spaces: every character keeps its position."""
    out = []
    end = 0
    for start, stop in spans:
        out += [text[end:start], " " * (stop - start)]
        end = stop
    out.append(text[end:])
    return "".join(out)


def strip_boilerplate(text: str) -> str:
    """`text` without its boilerplate lines: for a reader that makes the text
    it stores (a web page's), where no offset is kept yet."""
    lines = text.split("\n")
    return "\n".join(line for line, furniture in zip(lines, furniture_lines(lines)) if not furniture)


def furniture_lines(lines: list[str]) -> list[bool]:
    """Which lines are furniture: each line by its own kind, and after a
    "related content" heading ("Read also", "Auch interessant", "À lire aussi")
    the list of headlines under it (list items or short lines that do not end
    a sentence), up to a blank line or a paragraph."""
    flags = []
    in_related = 0
    for line in lines:
        kind = boilerplate_kind(line)
        if kind == "related":
            in_related = _RELATED_BLOCK_LINES
        elif kind is None and in_related and _looks_like_headline(line):
            kind = "related"
            in_related -= 1
        else:
            in_related = 0
        flags.append(kind is not None)
    return flags


# A list under a "related" heading is a few headlines; a longer run is content.
_RELATED_BLOCK_LINES = 12
_LIST_ITEM = re.compile(r"^\s*([-–•*·]|\d{1,2}[.)])\s+\S")


def _looks_like_headline(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 160:
        return False
    return bool(_LIST_ITEM.match(stripped)) or not stripped.endswith((".", ";", ",", "…", '."', ".\u201d"))


def _is_share_bar(line: str, share_words: frozenset[str]) -> bool:
    words = [w for w in re.split(r"[\s|·•/,]+", line.lower()) if w]
    return (
        2 <= len(words) <= 12
        and all(w in share_words for w in words)
        and any(w not in {"on", "this", "article", "story", "via", "copy", "link", "save"} for w in words)
    )
