"""Lexical tense of the clause around a span, for anchoring relative dates.

Used when the pipeline gives no parse-based `tense_of`: the verb cue nearest to the
span inside its sentence decides ("will meet on Friday" -> future, "met on Friday"
-> past). Cheap on purpose: a window of words, no tagger.
"""

from __future__ import annotations

import re

_FUTURE_SINGLE = {
    "will",
    "shall",
    "'ll",
    "\u2019ll",
    "wo",
    "scheduled",
    "intends",
    "payable",
    "effective",
    "upcoming",
    "would",
    "due",
    "set",
    "going",
    "slated",
    "tomorrow",
    "hopes",
    "aims",
    "should",
    "could",
    "may",
    "might",
    "must",
    "to",
    # A plan names a day still to come, even when the planning is told in the past
    # ("planned to leave on Thursday", "planned a demonstration on Saturday").
    "planned",
    "plans",
    "planning",
}
# "to" alone is too weak, and "would"/"could" report futures in the past; these
# cues count only in the combinations below.
_WEAK = {"to", "set", "due", "going", "may", "might", "could", "should", "must"}
_FUTURE_PAIRS = {
    ("is", "to"),
    ("are", "to"),
    ("was", "to"),
    ("were", "to"),
    ("due", "to"),
    ("set", "to"),
    ("going", "to"),
    ("is", "expected"),
    ("are", "expected"),
    ("be", "expected"),
    ("plans", "to"),
    ("plan", "to"),
    ("as", "soon"),
    ("as", "early"),
    ("planning", "to"),
    ("intend", "to"),
    ("hope", "to"),
    ("expect", "to"),
    ("may", "be"),
    ("might", "be"),
    ("should", "be"),
}

_IRREGULAR_PAST = set(
    """
was were had has have did said met told went came took made gave held saw knew thought got
found left began began brought bought built fell felt kept led lost meant paid put
ran sent set sold spoke stood won wrote agreed announced signed visited rose ended
became broke chose drew flew grew hit hung laid lay quit read rode rang shot shut
sat slept spent spread struck swore taught threw understood woke wore withdrew
overtook undertook forgot forbade fought sought caught heard
""".split()
)
# Reporting verbs in the present ("says") report the past: not a tense cue.
_PRESENT = {
    "is",
    "are",
    "am",
    "does",
    "do",
    "starts",
    "begins",
    "opens",
    "ends",
    "meets",
    "arrives",
    "leaves",
    "holds",
    "visits",
    # plural schedule verbs: "Netanyahu and Arafat meet separately Monday"
    "meet",
    "begin",
    "start",
    "open",
    "hold",
    "visit",
    "arrive",
    "leave",
    "travel",
    "return",
}
_NOT_PAST_ED = {
    "need",
    "speed",
    "seed",
    "feed",
    "bed",
    "red",
    "shed",
    "bred",
    "hundred",
    "indeed",
    "proceed",
    "exceed",
    "succeed",
    "united",
    "limited",
    "based",
    "related",
    "wed",
    "fed",
    "led",
    "used",
    "interested",
    "concerned",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "alleged",
    "so-called",
    "unprecedented",
}

_DETERMINERS = {
    "a",
    "an",
    "the",
    "still",
    "very",
    "more",
    "most",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "these",
    "those",
    "newly",
    "so-called",
    "well",
}
_WORD = re.compile(r"[A-Za-z'\u2019]+")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n\s*\n")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 300)
    left = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        left = m.end()
    after = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    right = after.start() + 1 if after else min(len(text), end + 300)
    return left, right


def _cue(words: list[str], i: int) -> str | None:
    w = words[i].lower()
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if (w, nxt) in _FUTURE_PAIRS:
        return "future"
    if w in _FUTURE_SINGLE and w not in _WEAK:
        return "future"
    if w.endswith(("'ll", "\u2019ll")):
        return "future"
    if w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST_ED):
        prev = words[i - 1].lower() if i else ""
        if prev in ("be", "been", "being", "is", "are", "will", "to", "would", "could", "may", "might"):
            return None  # passive or infinitive: the auxiliary decides
        if prev in _DETERMINERS or w.startswith("un"):
            return None  # an adjective: "a still unspecified date", "the planned talks"
        return "past"
    if w in _PRESENT:
        return "present"
    return None


def lexical_tense(text: str, start: int, end: int) -> str | None:
    """ "past" | "present" | "future" for the clause around text[start:end], or None."""
    left, right = _sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    spans = [(m.start(), m.group()) for m in _WORD.finditer(text, left, right)]
    words = [w for _, w in spans]
    first = next((i for i, (pos, _w) in enumerate(spans) if pos >= start), len(spans))
    last = next((i for i, (pos, _w) in enumerate(spans) if pos >= end), len(spans))
    for i in range(len(spans)):
        if first <= i < last:
            continue
        cue = _cue(words, i)
        if cue is None:
            continue
        if i >= last and (
            cue == "present"
            or (cue == "future" and words[i].lower() not in ("will", "shall", "would", "plans", "planning"))
        ):
            # ("On Friday, the government planned to pay": a fronted date goes with the
            # past planning; "On Tuesday, the league plans to hold" with the present plan)
            continue  # after the date, "due to" is mostly causal and "I am" another clause
        # Distance in words. A verb before the date usually governs it ("met on
        # Friday"); a cue after it counts a little less ("On Friday, Putin met ...");
        # future markers are rarer and decisive ("said he will meet on Friday").
        dist = first - i if i < first else i - last + 1 + 3
        if cue == "future" and i < first:
            dist -= 2
        if best is None or dist < best[0]:
            best = (dist, cue)
    return best[1] if best else None


# Auxiliaries of a future seen from the past ("said he would meet", "was due to
# sign"): the act comes after a past moment, possibly on the publication day.
_FUTURE_IN_PAST = re.compile(
    r"\b(?:would|was\s+(?:due\s+|scheduled\s+|expected\s+|set\s+|going\s+)?to|"
    r"were\s+(?:due\s+|scheduled\s+|expected\s+|set\s+|going\s+)?to)\b",
    re.I,
)
_FUTURE_AUX = re.compile(r"\b(?:will|shall|wo(?=n't)|would|was|were)\b|[\w\u2019']'ll\b|\u2019ll\b", re.I)


def future_in_past(text: str, start: int, end: int) -> bool:
    """Whether the nearest future auxiliary before text[start:end] in its sentence
    is a future in the past ("would", "was to", "were due to")."""
    left, _right = _sentence_bounds(text, start, end)
    last = None
    for m in _FUTURE_AUX.finditer(text, left, start):
        last = m
    return last is not None and _FUTURE_IN_PAST.match(text, last.start()) is not None
