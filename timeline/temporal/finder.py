"""Find the time expressions of a text: run the grammar, keep the longest
non-overlapping matches, add TIMEX3 modifiers, then normalise in reading order.

Reading order matters because financial and narrative prose refers back: "the
quarter" is the quarter last named in the document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from timeline.temporal.expression import TimeExpression, value_range
from timeline.temporal.lexicon import UNIT_RE
from timeline.temporal.patterns import PATTERNS
from timeline.temporal.relative import resolve_relative
from timeline.temporal.rules import RULES, Context, Reading
from timeline.temporal.tense import lexical_tense

_PRIORITY = {name: i for i, name in enumerate(PATTERNS)}

# TIMEX3 `mod` values for words placed before a time expression (TimeML 1.2.1 §2.2.3).
_POINT_MODS = [
    (r"(?:the\s+)?(?:very\s+)?early(?:\s+in)?|the\s+(?:beginning|start)\s+of", "START"),
    (r"(?:the\s+)?(?:very\s+)?late(?:\s+in)?|the\s+end\s+of|the\s+close\s+of", "END"),
    (r"mid-?|the\s+middle\s+of|the\s+(?:mid|middle)-?", "MID"),
    (r"around|about|approximately|roughly", "APPROX"),
    (r"no\s+later\s+than|by", None),
]
_DURATION_MODS = [
    (r"about|around|approximately|roughly|some", "APPROX"),
    (r"nearly|almost", "LESS_THAN"),
    (r"more\s+than|over", "MORE_THAN"),
    (r"less\s+than|under", "LESS_THAN"),
    (r"at\s+least", "EQUAL_OR_MORE"),
    (r"up\s+to|at\s+most", "EQUAL_OR_LESS"),
]
_POINT_MOD_RE = re.compile(r"(?<![\w-])(?P<mod>" + "|".join(f"(?:{p})" for p, m in _POINT_MODS if m) + r")\s*$", re.I)
_DURATION_MOD_RE = re.compile(r"(?<![\w-])(?P<mod>" + "|".join(f"(?:{p})" for p, _ in _DURATION_MODS) + r")\s+$", re.I)
_EXTENDABLE = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century", "time")


def find_time_expressions(
    text: str,
    published: dt.date | None,
    *,
    tense_of: Callable[[int, int], str | None] | None = None,
    document: str | None = None,
) -> list[TimeExpression]:
    """All time expressions of `text`, sorted by start and non-overlapping.

    Relative expressions are resolved against `published` (None leaves them
    unresolved); `tense_of(start, end)` gives the tense of the clause holding a
    span ("past" | "present" | "future"), else a lexical guess is used.
    Event-relative phrases come back with anchor="event" and value None; see
    `resolve_relative`. When `text` is one paragraph, `document` (the whole
    article) lets cues of the writer's style count, such as whether the
    publication day is called "today" (see `discourse`).
    """
    tense = tense_of or (lambda s, e: lexical_tense(text, s, e))
    ctx = Context(text, published, tense, document=document)
    candidates = []
    for name, m in _matches(text):
        if m.end() > m.start() and RULES[name](m, ctx) is not None:
            candidates.append((m.start(), m.end(), name, m))
    candidates = [c for c in candidates if c[2] == "holiday" or not _names_a_title(text, c[0], c[1])]
    chosen = _longest_non_overlapping(candidates)
    out: list[TimeExpression] = []
    prev_end = 0
    for start, end, name, m in chosen:
        reading = RULES[name](m, ctx)  # again, now with the discourse state of reading order
        if reading is None:
            continue
        start, reading = _with_modifier(text, start, end, reading, prev_end)
        if (day := _day_named(reading)) is not None:
            ctx.last_day = day  # clock times without a day take it
        if _reported_quarter(reading, published):
            ctx.last_quarter, ctx.last_quarter_at = reading.value, start
        expr = TimeExpression(
            text=text[start:end],
            start=start,
            end=end,
            type=reading.type,
            value=reading.value,
            granularity=reading.granularity,
            rule=reading.rule,
            anchor=reading.anchor,
            tense=reading.tense,
            mod=reading.mod,
            relation=reading.relation,
            offset=reading.offset,
            end_value=reading.end_value,
        )
        out.append(expr)
        prev_end = end
    return _compose_offsets(text, out)


# Patterns built around a unit word ("two days after", "a year ago", "five-hour")
# open with optional words that the regex engine retries at every position; they
# are only run in a window around each unit word, which is 3x faster on news text.
_UNIT_ANCHORED = (
    "ago",
    "event-offset",
    "within-duration",
    "duration-range",
    "duration-adjective",
    "plural-duration",
    "year-end",
    "half-by-quarters",
)
_UNIT_WORD = re.compile(rf"(?<![\w])(?:{UNIT_RE})(?!\w)", re.I)
_BEFORE, _AFTER = 80, 30


def _matches(text: str):
    """(pattern name, match) for every pattern; unit-anchored ones near unit words only."""
    for name, pattern in PATTERNS.items():
        if name not in _UNIT_ANCHORED:
            for m in pattern.finditer(text):
                yield name, m
    units = [u.span() for u in _UNIT_WORD.finditer(text)]
    if not units:
        return
    for name in _UNIT_ANCHORED:
        pattern, seen = PATTERNS[name], set()
        for u_start, u_end in units:
            for m in pattern.finditer(text, max(0, u_start - _BEFORE), min(len(text), u_end + _AFTER)):
                if m.start() <= u_start and m.end() >= u_end and m.span() not in seen:
                    seen.add(m.span())
                    yield name, m


# Time words that English writes in lower case; capitalised inside a sentence they
# are part of a name or a title ("ABC's "This Week"", "CBS's "60 Minutes"", "High Noon").
_COMMON_TIME_WORDS = {
    "week",
    "weekend",
    "month",
    "year",
    "day",
    "days",
    "minutes",
    "hours",
    "noon",
    "midnight",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "now",
}
_WORD_RE = re.compile(r"[A-Za-z]+")


def _names_a_title(text: str, start: int, end: int) -> bool:
    words = [w for w in _WORD_RE.finditer(text, start, end) if w[0][0].isupper() and w[0].lower() in _COMMON_TIME_WORDS]
    if not words or text[max(0, start - 60) : min(len(text), end + 60)].isupper():
        return False  # most matches stop here: no capitalised common time word
    first = words[0]
    if len(words) > 1 or text[start : first.start()].strip():
        # "This Week", "60 Minutes": a capital inside the phrase
        return not _headline(text, start, end)
    # "VOA Today", "High Noon": glued to a capitalised word mid-sentence
    if re.search(r"(?:^|[^\w])[A-Z][\w']* $", text[max(0, start - 30) : start]):
        return not _headline(text, start, end)
    return False


def _headline(text: str, start: int, end: int) -> bool:
    """A line whose words are mostly capitalised (a headline or title line)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    words = _WORD_RE.findall(text[lo : hi if hi >= 0 else len(text)])
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")


def _day_named(reading: Reading) -> dt.date | None:
    """The day a date or time of one known day names ("Friday", "Friday afternoon"):
    the day being narrated from then on."""
    if reading.type not in ("DATE", "TIME") or not reading.value or reading.anchor == "event":
        return None
    return dt.date.fromisoformat(reading.value[:10]) if _DAY_VALUE.match(reading.value) else None


def _reported_quarter(reading: Reading, published: dt.date | None) -> bool:
    """Whether a quarter becomes "the quarter" of later sentences: one named for
    itself (not a year-earlier twin) and already begun (a forecast "third quarter of
    1990" is not the quarter being reported on)."""
    if reading.granularity != "quarter" or not reading.value or reading.anchor == "event":
        return False
    if reading.rule.startswith(("year-earlier", "ago", "year-quarter")):
        return False
    rng = value_range(reading.value)
    return rng is not None and (published is None or rng[0] <= published)


def _longest_non_overlapping(candidates):
    """Greedy: longest span first, then pattern order; then back in text order."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in sorted(candidates, key=lambda c: (-(c[1] - c[0]), _PRIORITY[c[2]], c[0])):
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            taken.append((c[0], c[1]))
            chosen.append(c)
    return sorted(chosen, key=lambda c: c[0])


def _with_modifier(text: str, start: int, end: int, reading: Reading, prev_end: int) -> tuple[int, Reading]:
    """Take "early", "mid-", "the end of", "nearly", "more than"... into the extent and `mod`."""
    if reading.mod or reading.anchor == "event":
        return start, reading
    window = text[max(prev_end, start - 20) : start]
    if reading.type == "DURATION":
        if text[start:end].lower().startswith("the "):
            return start, reading  # "over the past two years": "over" is a preposition here
        if m := _DURATION_MOD_RE.search(window):
            word = " ".join(m["mod"].lower().split())
            mod = next(md for p, md in _DURATION_MODS if re.fullmatch(p, word))
            return start - len(window) + m.start(), dataclasses.replace(reading, mod=mod)
        return start, reading
    if reading.granularity not in _EXTENDABLE:
        return start, reading
    if m := _POINT_MOD_RE.search(window):
        word = " ".join(m["mod"].lower().split())
        mod = next(md for p, md in _POINT_MODS if md and re.fullmatch(p, word))
        return start - len(window) + m.start(), dataclasses.replace(reading, mod=mod)
    return start, reading


_JOINER = re.compile(r"\s*(?:the\s+)?$", re.I)


def _compose_offsets(text: str, exprs: list[TimeExpression]) -> list[TimeExpression]:
    """ "two days after Christmas": an offset followed by a resolved date is one expression."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(exprs):
        e = exprs[i]
        nxt = exprs[i + 1] if i + 1 < len(exprs) else None
        prev = out[-1] if out else None
        if (
            e.anchor == "event"
            and e.rule in ("the-day-before", "the-day-after")
            and prev
            and prev.value
            and prev.granularity == "day"
            and prev.anchor != "event"
            and text[prev.end : e.start] == ", "
        ):
            # "Oct. 12, the day before the plunge": an appositive names the same day
            out.append(
                dataclasses.replace(
                    e, value=prev.value, anchor=prev.anchor, relation=None, offset=None, rule=e.rule + "/apposition"
                )
            )
            i += 1
            continue
        if (
            e.anchor == "event"
            and e.offset
            and e.rule.startswith(("offset-", "the-day-", "the-week-"))
            and nxt
            and nxt.value
            and nxt.type == "DATE"
            and _JOINER.fullmatch(text[e.end : nxt.start])
            and not nxt.value.endswith("_REF")
            # trading or business days skip weekends and holidays: no calendar sum
            and not re.search(r"\b(?:trading|business|working)\s", e.text, re.I)
        ):
            r = resolve_relative(e, nxt.value)
            if r.value:
                out.append(
                    dataclasses.replace(
                        r,
                        text=text[e.start : nxt.end],
                        end=nxt.end,
                        anchor=nxt.anchor,
                        rule=e.rule + "/explicit-anchor",
                        tense=nxt.tense,
                    )
                )
                i += 2
                continue
        out.append(e)
        i += 1
    return out
