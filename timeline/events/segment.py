"""Paragraphs of an article, found without a parser, and the cheap test that
decides which of them are worth parsing.

News text comes hard-wrapped (Reuters wraps at 65 columns and indents each
paragraph), one paragraph per line (web pages), or with blank lines between
paragraphs. A newline ends a paragraph when the next line is blank or indented,
or when the line ends a sentence; otherwise it is a wrap and becomes a space, so
the parser sees whole sentences while character offsets stay those of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]\s*$")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str  # the paragraph with wrapping newlines turned into spaces (same length)


def paragraphs(text: str) -> list[Paragraph]:
    """Split `text` into paragraphs; offsets index `text`."""
    result: list[Paragraph] = []
    lines = text.split("\n")
    pos = 0
    start: int | None = None
    pieces: list[str] = []

    def flush(end: int) -> None:
        nonlocal start, pieces
        if start is not None:
            body = "".join(pieces)
            if body.strip():
                result.append(Paragraph(start, end, body))
        start, pieces = None, []

    for i, line in enumerate(lines):
        line_start = pos
        pos += len(line) + 1  # the newline
        if not line.strip():
            flush(line_start)
            continue
        indented = line[:1] in (" ", "\t") and i > 0
        if start is not None and indented:
            flush(line_start - 1)
        if start is None:
            start = line_start
        else:
            pieces.append(" ")  # the wrapping newline, as a space
        pieces.append(line)
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if _SENTENCE_END.search(line) and not _continues(next_line) and not _ABBREVIATION_END.search(line):
            flush(line_start + len(line))
    flush(len(text))
    return result


# "Deputy U.S.\nTrade Representative": a line ending in an abbreviation is a
# wrap, not the end of a sentence.
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|No|Prof|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.)\s*$"
)


def _continues(next_line: str) -> bool:
    """A line that starts in lower case continues the sentence before it."""
    stripped = next_line.lstrip()
    return bool(stripped) and next_line[:1] not in (" ", "\t") and stripped[0].islower()
