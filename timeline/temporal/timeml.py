"""Read and write TimeML documents (TempEval-3 `.tml` / `.TE3input`).

Reading gives the plain text of <TEXT> and the <DCT> date; writing puts our
expressions back into <TEXT> as inline TIMEX3 tags (tid, type, value[, mod]), the
form TempEval-3 scorers read. Everything outside <TEXT> is kept byte for byte.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from dataclasses import dataclass

from timeline.temporal.expression import TimeExpression
from timeline.temporal.relative import resolve_relative

_TEXT = re.compile(r"(<TEXT\b[^>]*>)(.*?)(</TEXT>)", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT\b[^>]*>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S | re.I)


class TimeMLError(ValueError):
    """The input is not a TimeML document we can read."""


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file: its raw source, the plain text of <TEXT>, and the DCT."""

    source: str
    text: str
    dct: dt.date | None
    text_start: int  # where <TEXT>'s content begins in `source`
    text_end: int


def looks_like_timeml(source: str) -> bool:
    return bool(re.search(r"<TimeML\b", source[:2000])) and bool(_TEXT.search(source))


def read_timeml(source: str) -> TimeMLDocument:
    """Parse a TimeML document; raises TimeMLError without a <TEXT> element."""
    m = _TEXT.search(source)
    if not m:
        raise TimeMLError("no <TEXT> element")
    text = html.unescape(_TAG.sub("", m.group(2)))
    d = _DCT.search(source)
    dct = None
    if d:
        try:
            dct = dt.date.fromisoformat(d.group(1))
        except ValueError:
            dct = None
    return TimeMLDocument(source, text, dct, m.start(2), m.end(2))


def timeml_expressions(exprs: list[TimeExpression], dct: dt.date | None) -> list[TimeExpression]:
    """Our expressions as TimeML annotates them.

    TimeML has no unresolved event anchor: an event-relative phrase gets the value
    of the nearest preceding date in the document (the narrative reference time,
    as TimeML annotators do), or of the DCT; "two days after" is tagged as the
    duration "two days", the preposition being a TimeML SIGNAL. Ranges are tagged
    part by part.
    """
    out: list[TimeExpression] = []
    reference = dct.isoformat() if dct else None
    for e in exprs:
        parts = _range_parts(e)
        if parts is not None:
            out.extend(parts)
            if e.end_value and e.rule != "year-range":
                reference = e.end_value  # the narrative goes on from the range's last day
            continue
        if e.anchor == "event":
            e = _event_relative(e, reference)
        if not e.value and e.type in ("DATE", "TIME"):
            e = dataclasses.replace(e, value=_UNKNOWN.get(e.granularity, "XXXX-XX-XX"))
        out.append(e)
        if e.value and e.type in ("DATE", "TIME") and re.match(r"\d{3}", e.value) and e.anchor != "event":
            reference = e.value[:10] if e.type == "TIME" else e.value
    return out


# TIMEX3 writes what is not known with X ("XXXX-WXX"): a value is never empty, even
# when neither the text nor the document creation time settles it.
_UNKNOWN = {
    "time": "XXXX-XX-XXTXX:XX",
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "season": "XXXX-XX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
    "ref": "PRESENT_REF",
}


_FROM_NOW = re.compile(r"\s+from\s+(?P<now>now)$", re.I)
_RANGE_JOINER = r"\s*(?:-|\u2013|to|through|until|till|and)\s*"


def _range_parts(e: TimeExpression) -> list[TimeExpression] | None:
    """The parts TimeML tags of a range expression, or None if `e` is no range."""
    if e.end_value and e.rule.startswith(("weekday-range", "month-range")):
        # TimeML tags "Monday" and "Wednesday" of "Monday to Wednesday" apart
        if two := re.match(rf"(.+?)({_RANGE_JOINER})(\S.*)$", e.text):
            return _two_parts(e, two)
    if e.rule == "from-now" and e.offset and (now := _FROM_NOW.search(e.text)):
        # "ten years from now": TimeML tags the duration and "now" (PRESENT_REF) apart,
        # "from" being the signal between them
        core = e.text[: now.start()]
        return [
            dataclasses.replace(e, text=core, end=e.start + len(core), type="DURATION", value=e.offset),
            dataclasses.replace(e, text=now["now"], start=e.start + now.start("now"), value="PRESENT_REF"),
        ]
    if e.rule == "year-range":
        # TimeML tags each year of "between 1994 and 1997" on its own, and both of
        # "1984-85" (the second one's value is its whole year, 1985)
        years = list(re.finditer(r"[12]\d{3}|\d{2}(?!\d)", e.text))
        return [
            dataclasses.replace(
                e, text=y.group(), start=e.start + y.start(), end=e.start + y.end(), value=value, end_value=None
            )
            for y, value in zip((years[0], years[-1]), (e.value, e.end_value))
        ]
    if e.end_value and e.rule.startswith("explicit-date"):
        # "April 24 and 25": TimeML tags the first day and the second number apart
        if two := re.fullmatch(r"(.*?\d)(\s*(?:-|\u2013|to|through|and)\s*)(\d+(?:st|nd|rd|th)?)", e.text):
            return _two_parts(e, two)
    return None


def _two_parts(e: TimeExpression, two: re.Match) -> list[TimeExpression]:
    first, s2 = two.group(1), e.start + two.start(3)
    return [
        dataclasses.replace(e, text=first, end=e.start + len(first), end_value=None),
        dataclasses.replace(e, text=e.text[two.start(3) :], start=s2, value=e.end_value, end_value=None),
    ]


_OFFSET_RULES = ("offset-", "hours-", "days-", "weeks-", "months-", "years-", "minutes-")
_SIGNAL_AFTER = re.compile(r"\s+(?:after|before|prior\s+to)$", re.I)
_SHORT_LATER = re.compile(r"\b(?:minutes?|hours?|days?|weeks?)\s+(?:later|earlier|afterwards?)$", re.I)


def _event_relative(e: TimeExpression, reference: str | None) -> TimeExpression:
    """An event-anchored phrase as TimeML tags it: "three days later" and "a day
    earlier" as the duration (the adverb being the signal); others resolved against
    the narrative's reference time. "A year earlier" stays a date (TimeBank dates it
    to the year or quarter compared with)."""
    if e.rule.startswith(_OFFSET_RULES) and (_SIGNAL_AFTER.search(e.text) or _SHORT_LATER.search(e.text)):
        core = re.sub(r"^(?:(?:only|just|barely|exactly)\s+)?", "", e.text, flags=re.I)
        core = re.sub(r"\s+(?:after|before|prior\s+to|later|earlier|afterwards?)$", "", core, flags=re.I)
        start = e.start + e.text.find(core)
        value = e.offset or "PXD"
        if re.match(r"^(?:hours|days|weeks|months|years|minutes)$", core, re.I):
            # TIMEX3 puts the T before the count: "minutes later" is PTXM, not PXTM
            value = ("PTX" if core.lower() in ("hours", "minutes") else "PX") + core[0].upper()
        return dataclasses.replace(e, text=core, start=start, end=start + len(core), type="DURATION", value=value)
    if not reference:
        return e
    e = resolve_relative(e, reference)
    if e.value is None and e.granularity == "day" and re.fullmatch(r"\d{4}-\d{2}", reference):
        # "that same day" after "last October": a day of that month; TIMEX3
        # writes the unknown day as XX ("1998-10-XX")
        e = dataclasses.replace(e, value=reference + "-XX")
    return e


def write_timeml(doc: TimeMLDocument, exprs: list[TimeExpression]) -> str:
    """The document with <TEXT> replaced by its plain text carrying our TIMEX3 tags.

    Other inline tags inside <TEXT> (gold EVENT/TIMEX3/SIGNAL) are dropped so that
    our tags never interleave with them; the text itself is unchanged.
    """
    return doc.source[: doc.text_start] + inline_timex3(doc.text, exprs) + doc.source[doc.text_end :]


def inline_timex3(text: str, exprs: list[TimeExpression]) -> str:
    """XML-escaped `text` with a TIMEX3 element around each expression."""
    parts, pos = [], 0
    for i, e in enumerate(sorted(exprs, key=lambda e: e.start), 1):
        if e.start < pos:
            continue
        attrs = f'tid="t{i}" type="{e.type}" value="{html.escape(e.value or "")}"'
        if e.mod:
            attrs += f' mod="{e.mod}"'
        parts.append(html.escape(text[pos : e.start], quote=False))
        parts.append(f"<TIMEX3 {attrs}>{html.escape(e.text, quote=False)}</TIMEX3>")
        pos = e.end
    parts.append(html.escape(text[pos:], quote=False))
    return "".join(parts)


def wrap_plain_text(text: str, published: dt.date | None, exprs: list[TimeExpression]) -> str:
    """A minimal TimeML document for plain text, with the publication date as DCT."""
    dct = published.isoformat() if published else ""
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"{dct}</TIMEX3></DCT>\n<TEXT>{inline_timex3(text, exprs)}</TEXT>\n</TimeML>\n"
    )
