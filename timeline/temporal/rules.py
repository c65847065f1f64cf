"""Normalisation rules: turn one pattern match into a TIMEX3 type, value and anchor.

One function per pattern of `patterns.py`. Each reads the match groups, the
publication date and the clause tense from a `Context` and returns a `Reading`,
or None when the match is not a time expression after all ("may" the verb).

Calendar arithmetic is done by hand on the matched parts: the grammar has already
split day, month and year, and `datetime.date` validates them. dateparser was used
here for validated phrases, but cost 65 ms per new phrase (a third of the whole
TempEval-3 run) while never changing an answer, so it is not called.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from timeline.temporal import anchoring as an
from timeline.temporal.discourse import says_today
from timeline.temporal.expression import value_range
from timeline.temporal.lexicon import (
    DAY_PARTS,
    HOLIDAYS,
    MONTH_RE,
    MONTHS,
    ONES,
    ORDINALS,
    SEASONS,
    TEENS,
    TENS,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
    unit_of,
)
from timeline.temporal.tense import future_in_past


@dataclass
class Reading:
    """What a match means; the finder adds the span and builds a TimeExpression."""

    type: str
    value: str | None
    granularity: str
    rule: str
    anchor: str | None = None
    tense: str | None = None
    mod: str | None = None
    relation: str | None = None
    offset: str | None = None
    end_value: str | None = None


@dataclass
class Context:
    """What rules may look at besides the match: the text, the publication day,
    the tense of a span, and the quarter the document last talked about."""

    text: str
    published: dt.date | None
    tense_of: Callable[[int, int], str | None]
    last_quarter: str | None = None
    last_quarter_at: int = 0
    last_day: dt.date | None = None
    document: str | None = None  # the whole article, when `text` is one part of it
    _tenses: dict = field(default_factory=dict)
    _says_today: bool | None = None

    def tense(self, m: re.Match) -> str | None:
        key = m.span()
        if key not in self._tenses:
            self._tenses[key] = self.tense_of(*key)
        return self._tenses[key]

    @property
    def says_today(self) -> bool:
        """Whether the writer calls the publication day "today" (see `discourse`)."""
        if self._says_today is None:
            self._says_today = says_today(self.document or self.text)
        return self._says_today


Rule = Callable[[re.Match, Context], Reading | None]
RULES: dict[str, Rule] = {}


def rule(name: str):
    def register(fn: Rule) -> Rule:
        RULES[name] = fn
        return fn

    return register


def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _wd(word: str) -> int:
    return WEEKDAYS[word.lower()]


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return an.day_value(dt.date(year, month, day))
    except ValueError:
        return None


def _two_digit_year(yy: str, published: dt.date | None) -> int:
    """A year written with two digits: the century that puts it nearest the publication year."""
    y = int(yy)
    if len(yy) == 4:
        return y
    base = published.year if published else 1950
    cands = [c * 100 + y for c in (base // 100 - 1, base // 100, base // 100 + 1)]
    return min(cands, key=lambda c: (abs(c - base), c))


# --- explicit calendar dates -------------------------------------------------


@rule("iso-date")
def _iso(m: re.Match, ctx: Context) -> Reading | None:
    v = _day(int(m["y"]), int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["hh"] and int(m["hh"]) < 24:
        return Reading("TIME", f"{v}T{m['hh']}:{m['mm']}", "time", "explicit-datetime")
    return Reading("DATE", v, "day", "explicit-date")


@rule("numeric-date")
def _numeric(m: re.Match, ctx: Context) -> Reading | None:
    y = _two_digit_year(m["y"], ctx.published)
    v = _day(y, int(m["m"]), int(m["d"]))
    if v is None:
        return None
    if m["hh"] and int(m["hh"]) < 24:
        return Reading("TIME", f"{v}T{int(m['hh']):02d}:{m['mm']}", "time", "numeric-datetime")
    return Reading("DATE", v, "day", "numeric-date")


def _month_day(m: re.Match, ctx: Context, rule_name: str) -> Reading | None:
    if not _capitalised(m["mon"]) and not m["mon"].isupper():
        return None
    month, day = _month(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    day2_text = _g(m, "day2")
    day2 = int(day2_text) if day2_text else None
    if day2 is not None and not day < day2 <= 31:
        return None
    if m["year"]:
        year, anchor, tense, rn = int(m["year"]), None, None, rule_name
    else:
        if ctx.published is None:
            return Reading("DATE", None, "day", rule_name + "/no-year", "publication")
        mrel = " ".join((_g(m, "mrel") or "").lower().split())
        forced = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(mrel)
        tense = forced or _preposition_tense(ctx, m) or ctx.tense(m)
        year, anchor = an.year_for_month_day(ctx.published, month, day, tense), "publication"
        rn = f"{rule_name}/year-from-{tense or 'publication'}"
    v = _day(year, month, day)
    if v is None:
        return None
    end = _day(year, month, day2) if day2 else None
    if day2 and end is None:
        return None
    return Reading("DATE", v, "day", rn + ("/range" if end else ""), anchor, tense, end_value=end)


@rule("month-day")
def _md(m, ctx):
    return _month_day(m, ctx, "explicit-date")


@rule("day-month")
def _dm(m, ctx):
    return _month_day(m, ctx, "explicit-date")


@rule("day-of-month")
def _day_of_month(m: re.Match, ctx: Context) -> Reading | None:
    """ "on the 13th": that day of the publication's month, or of the month before
    when the clause is past and the day has not come yet (or after, for a future)."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.published is None:
        return Reading("DATE", None, "day", "day-of-month", "publication")
    pub, tense = ctx.published, ctx.tense(m)
    step = -1 if tense == "past" and day > pub.day else 1 if tense == "future" and day < pub.day else 0
    ym = an.add_months(pub.year, pub.month, step)
    v = _day(ym[0], ym[1], day) if ym else None
    return Reading("DATE", v, "day", f"day-of-month/{tense or 'publication'}", "publication", tense) if v else None


@rule("month-year")
def _month_year(m: re.Match, ctx: Context) -> Reading | None:
    if not _capitalised(m["mon"]):
        return None
    return Reading("DATE", f"{int(m['year']):04d}-{_month(m['mon']):02d}", "month", "explicit-month")


# Words after which a capitalised "May"/"March" is the month, not the verb/noun.
_MONTH_CUES = re.compile(
    r"(?:\b(?:the|in|since|by|until|till|from|through|during|early|late|mid|of|last|next|this|before|after|between|and|to|or|end|beginning|start|middle)\s*-?|-)$",
    re.I,
)


@rule("month")
def _month_alone(m: re.Match, ctx: Context) -> Reading | None:
    word = m["mon"]
    if not _capitalised(word) or (
        len(word.rstrip(".")) <= 3 and not word.endswith(".") and word.lower() not in ("may",)
    ):
        return None  # "Mar", "Dec" bare abbreviations are too often names
    if word.lower() in ("may", "march") and not m["rel"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if not _MONTH_CUES.search(before.rstrip(" ")):
            return None
    month = _month(word)
    if ctx.published is None:
        return Reading("DATE", None, "month", "month/no-year", "publication")
    rel = (m["rel"] or "").lower().split()[-1:] or [""]
    rel = rel[0]
    pub = ctx.published
    if rel in ("last", "past"):
        ym = (pub.year if month < pub.month else pub.year - 1, month)
        rn, tense = "month/last", None
    elif rel in ("next", "coming"):
        ym = (pub.year if month > pub.month else pub.year + 1, month)
        rn, tense = "month/next", None
    elif rel == "this":
        ym, rn, tense = (pub.year, month), "month/this", None
    else:
        tense = _preposition_tense(ctx, m) or ctx.tense(m)
        ym = (an.year_for_month_day(pub, month, None, tense), month)
        rn = f"month/year-from-{tense or 'publication'}"
    if not 1 <= ym[0] <= 9999:
        return None
    return Reading("DATE", f"{ym[0]:04d}-{ym[1]:02d}", "month", rn, "publication", tense)


def _preposition_tense(ctx: Context, m: re.Match) -> str | None:
    """The preposition before a date can settle its direction: "since March" looks
    back; "by/until/through Dec. 15", "payable May 1" name a deadline, usually the
    nearest such date whatever the tense of the clause (measured on TimeBank)."""
    before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
    if re.search(r"\bsince\s+$", before):
        return "past"
    if re.search(r"\b(?:by|until|till|through|payable|effective)\s+$", before):
        return "present"  # a deadline or a payment date: the nearest one
    return None


# --- publication-relative words ---------------------------------------------


def _part_code(part: str | None) -> str | None:
    return DAY_PARTS.get(part.lower().rstrip("s")) if part else None


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]['\"\u201d]*\s+|\n\s*)(?:(?:And|But|Yet)\s+)?$")
_STATE_PRESENT = re.compile(
    r"\b(?:is|are|has|have|remains?|seems?|means?)\b(?!\s+(?:\w+ing|to|due|expected|set|scheduled)\b)", re.I
)
# a past or future, a report, or an act (a past form not after a copula: "remains closed" is a state)
_NOT_PRESENT = re.compile(
    r"\b(?:was|were|had|did|will|would|shall|said|says)\b"
    r"|(?<!\bis\s)(?<!\bare\s)(?<!\bremains\s)(?<!\bremain\s)(?<!\bseems\s)\b\w+ed\b",
    re.I,
)


def _generic_today(m: re.Match, ctx: Context) -> bool:
    """ "today" meaning nowadays, TimeML's PRESENT_REF rather than the publication
    day: a sentence opening "(And) today," whose clause states how things are, in
    the simple present ("And today, the right to work is the right to survive"),
    not an act of the day ("Today, the minister is meeting ...", "Today, he met ...").
    "today's youth" is left alone: TimeBank does not annotate it, and "today's
    market" in financial news is that day's trading."""
    if m["part"] or m["word"].lower() != "today" or not ctx.text.startswith(",", m.end()):
        return False
    if not _SENTENCE_OPENING.search(ctx.text, max(0, m.start() - 8), m.start()):
        return False
    clause = re.split(r"[.;!?]", ctx.text[m.end() : m.end() + 200], maxsplit=1)[0]
    return _STATE_PRESENT.search(clause) is not None and _NOT_PRESENT.search(clause) is None


@rule("relative-day")
def _relative_day(m: re.Match, ctx: Context) -> Reading | None:
    if m["word"] and _generic_today(m, ctx):
        return Reading("DATE", "PRESENT_REF", "ref", "today/generic")
    word = (m["word"] or m["beyond"]).lower()
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}.get(word)
    if shift is None:
        shift = -2 if word.startswith("before") else 2
        word = "day-" + word.split()[0]
    if ctx.published is None:
        return Reading("DATE", None, "day", word, "publication")
    d = an.add_days(ctx.published, shift)
    if d is None:
        return None
    part = "NI" if word == "tonight" else _part_code(m["part"])
    if part:
        return Reading("TIME", f"{an.day_value(d)}T{part}", "time", word, "publication")
    return Reading("DATE", an.day_value(d), "day", word, "publication")


@rule("this-part")
def _this_part(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.published is None:
        return Reading("TIME", None, "time", "part-of-day", "publication")
    rel = (m["rel"] or _g(m, "rday") or "").lower()
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if _g(m, "mid"):  # "mid-afternoon (yesterday)": the part of that day
        part: str | None = "AF" if m["mid"].lower().endswith("afternoon") else "MO"
    else:
        part = "NI" if m["over"] else ("MO" if m["the"] else _part_code(m["part"]))
    if (m["the"] or m["over"]) and not rel and (ctx.last_day or m["over"]):
        # "in the morning": a part of the day being narrated; "overnight" in a day's
        # report is the night before it ("overnight losses in New York")
        d = an.add_days(ctx.last_day or ctx.published, -1 if m["over"] else 0)
        if d is None:
            return None
        return Reading("TIME", f"{an.day_value(d)}T{part}", "time", "part-of-day/discourse-day", "publication")
    d = an.add_days(ctx.published, shift)
    if d is None:
        return None
    return Reading("TIME", f"{an.day_value(d)}T{part}", "time", f"{rel or 'this'}-part-of-day", "publication")


def _weekday_set(m: re.Match, ctx: Context, wd: int, part: str | None) -> Reading | None:
    """ "Tuesday nights", "on Monday and Tuesday nights": every such night, a TIMEX3 SET."""
    if part and m.group().lower().endswith("s"):
        return Reading("SET", f"XXXX-WXX-{wd + 1}T{part}", "set", "set/weekday-parts")
    plural = re.match(
        r"\s+and\s+(?:" + WEEKDAY_RE + r")\s+(morning|afternoon|evening|night)s\b",
        ctx.text[m.end() : m.end() + 30],
        re.I,
    )
    if plural and not part:
        # the plural of the second day distributes over both
        return Reading("SET", f"XXXX-WXX-{wd + 1}T{_part_code(plural[1])}", "set", "set/weekday-parts")
    return None


@rule("weekday")
def _weekday(m: re.Match, ctx: Context) -> Reading | None:
    """A weekday name, with or without "last/next/this", and its part of day."""
    wd = _wd(m["wd"])
    part = _part_code(_g(m, "part"))
    if (every := _weekday_set(m, ctx, wd, part)) is not None:
        return every
    if ctx.published is None:
        return Reading("DATE", None, "day", "weekday/no-publication-date", "publication")
    rel = " ".join((_g(m, "rel") or "").lower().split())
    d, rn, tense = _weekday_with_rel(m, ctx, wd, rel) if rel else _bare_weekday(m, ctx, wd, part)
    if d is None:
        return None
    if part in ("AF", "EV"):
        # "Friday afternoon", "Friday evening": TIMEX3 keeps the part of day (a TIME,
        # "2023-09-15TAF"); an event is still dated by the day. "Friday morning" and
        # "Friday night" stay days: TimeBank/AQUAINT annotate half of them as days, and
        # keeping their part lowered value F1 on the check half (morning: -0.28 points).
        return Reading("TIME", f"{an.day_value(d)}T{part}", "time", f"{rn}/{m['part'].lower()}", "publication", tense)
    return Reading("DATE", an.day_value(d), "day", rn + (f"/{m['part'].lower()}" if part else ""), "publication", tense)


def _weekday_with_rel(m: re.Match, ctx: Context, wd: int, rel: str) -> tuple[dt.date | None, str, str | None]:
    """ "last/next/this/the previous Friday": the day, the rule, no tense."""
    pub = ctx.published
    assert pub is not None
    if rel == "the previous" and ctx.last_day:
        # "previous" is anaphoric (TimeML): the one before the day being narrated,
        # where "last Friday" counts from the publication day
        base = ctx.last_day
        return an.add_days(base, -((base.weekday() - wd) % 7 or 7)), "weekday/previous-discourse", None
    if rel in ("last", "this past", "the previous"):
        return an.add_days(pub, -((pub.weekday() - wd) % 7 or 7)), "weekday/last", None
    if rel in ("next", "coming", "this coming", "the following"):
        return an.add_days(pub, (wd - pub.weekday()) % 7 or 7), "weekday/next", None
    return _this_weekday(ctx, m, wd)


def _this_weekday(ctx: Context, m: re.Match, wd: int) -> tuple[dt.date | None, str, str | None]:
    """ "this Friday" by tense: told in the past, the latest one on or before the
    publication day ("This Wednesday the minister said ..." in a Sunday story); in the
    future or a schedule's present, the coming one, the day itself included ("this
    Friday" said on Saturday is six days on); with no tense, the Friday of the
    publication's week (ISO weeks start Monday)."""
    pub = ctx.published
    assert pub is not None
    tense = ctx.tense(m)
    if tense == "past":
        return an.resolve_weekday(pub, wd, "past"), "weekday/this-past", tense
    if tense in ("future", "present"):
        return an.resolve_weekday(pub, wd, "present"), "weekday/this-coming", tense
    return an.add_days(pub, wd - pub.weekday()), "weekday/this-week", None


def _bare_weekday(m: re.Match, ctx: Context, wd: int, part: str | None) -> tuple[dt.date | None, str, str | None]:
    """ "on Friday": the day by the tense of its clause."""
    pub = ctx.published
    assert pub is not None
    tense = _weekday_preposition_tense(ctx, m) or ctx.tense(m)
    if ctx.text.startswith(("'s", "\u2019s"), m.end()):
        tense = "past"  # "Wednesday's ruling": a possessive names a day already known
    if tense == "future" and wd == pub.weekday() and (cue := _still_to_come_today(m, ctx, part)):
        return pub, f"weekday/same-day-{cue}", tense
    rn = {"future": "weekday/future", "present": "weekday/present-coming"}.get(tense or "", "weekday/past-inclusive")
    return an.resolve_weekday(pub, wd, tense), rn, tense


def _still_to_come_today(m: re.Match, ctx: Context, part: str | None) -> str | None:
    """Why a future weekday that is the publication's own weekday names the
    publication day itself ("will speak Tuesday" in a Tuesday story), or None when
    it is the same weekday a week on (the default of HeidelTime and of a writer
    who says "today" for today).

    Cues, in order: "later (on) Tuesday"; a future in the past ("said he would
    meet on Tuesday": the saying is before publication, the Tuesday after it can be
    the publication day); a later part of the day ("Tuesday evening"); and a writer
    who names the publication day by its weekday, never "today".
    """
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if re.search(r"\blater\s+(?:on\s+)?$", before):
        return "later"
    if future_in_past(ctx.text, m.start(), m.end()):
        return "future-in-past"
    if part in ("AF", "EV", "NI"):
        return "later-part"
    if not ctx.says_today:
        return "weekday-style"
    return None


def _weekday_preposition_tense(ctx: Context, m: re.Match) -> str | None:
    """ "postponed until Tuesday", "as soon as Tuesday": a bare weekday after a
    deadline word is the coming one whatever the verb's tense; "since Monday" looks back."""
    before = ctx.text[max(0, m.start() - 16) : m.start()]
    if re.search(r"\b(?:until|till|as\s+soon\s+as|as\s+early\s+as)\s+$", before, re.I) and not re.search(
        r"(?:^|[.!?]\s+)Until\s+$", before
    ):
        # a sentence opening "Until Thursday, they had not ..." looks back instead
        return "present"
    if re.search(r"\bsince\s+$", before, re.I):
        return "past"
    return None


def _week_of(d: dt.date | None) -> str | None:
    return an.week_value(d) if d else None


def _relative_period(pub: dt.date, rel: str, unit: str) -> tuple[str | None, str]:
    """this/last/next + calendar unit, relative to the publication day."""
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[
        rel
    ]
    if unit == "week":
        return _week_of(an.add_days(pub, 7 * step)), "week"
    if unit == "weekend":
        w = _week_of(an.add_days(pub, 7 * step))
        return (w + "-WE" if w else None), "weekend"
    if unit == "month":
        ym = an.add_months(pub.year, pub.month, step)
        return (f"{ym[0]:04d}-{ym[1]:02d}" if ym else None), "month"
    if unit == "quarter":
        ym = an.add_months(pub.year, pub.month, 3 * step)
        return (f"{ym[0]:04d}-Q{(ym[1] - 1) // 3 + 1}" if ym else None), "quarter"
    if unit in ("year", "fiscal year"):
        y = pub.year + step
        return (f"{y:04d}" if 1 <= y <= 9999 else None), "year"
    if unit == "decade":
        n = pub.year // 10 + step
        return (f"{n:03d}" if 0 <= n <= 999 else None), "decade"
    n = pub.year // 100 + step
    return (f"{n:02d}" if 0 <= n <= 99 else None), "century"


# Prepositions of extent: what follows them is how long something lasts.
_EXTENT_BEFORE = re.compile(r"\b(?:over|for|within|throughout|during)\s+$", re.I)


@rule("relative-unit")
def _relative_unit(m: re.Match, ctx: Context) -> Reading | None:
    if (
        m.group().istitle()
        and m.start() > 0
        and ctx.text[m.start() - 1] == " "
        and not re.search(r"[.!?\"'`]\s*$", ctx.text[max(0, m.start() - 3) : m.start()])
    ):
        return None  # "ABC's This Week": a title in mid-sentence
    words = m["rel"].lower().split()
    rel, unit = words[-1], " ".join(m["unit"].lower().split())
    base = "year" if unit == "fiscal year" else unit
    if (
        base in ("decade", "century")
        and words[0] == "the"
        and rel in ("next", "past", "last", "coming")
        and _EXTENT_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
    ):
        # "over the next decade", "for the past century": ten (a hundred) years from
        # now, a TimeML DURATION (P10Y), not the calendar decade. "Over the next year"
        # stays the calendar year, as TimeBank annotates it (making it a duration too
        # lowered check-half value F1 by 0.09 points).
        return Reading("DURATION", _duration(1, base), "duration", f"duration/{rel}-{base}")
    # "the past year", "the next year (or so)" name the calendar unit like "last
    # year" does (TimeBank annotates them so); "the following year" is event-relative.
    if rel == "following" or rel == "previous":
        # one unit on; a decade or century as the years it counts ("P10Y")
        offset = "P1W" if base == "weekend" else _duration(1, base)
        return Reading(
            "DATE",
            None,
            UNITS[base][2],
            f"{rel}-{base}",
            "event",
            relation="after" if rel == "following" else "before",
            offset=offset,
        )
    if ctx.published is None:
        return Reading("DATE", None, UNITS[base][2], f"{rel}-{unit.replace(' ', '-')}", "publication")
    value, gran = _relative_period(ctx.published, rel, unit)
    if value is None:
        return None
    if (
        rel == "last"
        and unit == "year"
        and ctx.last_quarter
        and m.start() - ctx.last_quarter_at < 800
        and _COMPARED_AMOUNT.search(_clause_before(ctx.text, m.start(), 80))
    ):
        # "compared with a loss of $3 million last year" in a quarterly report: the
        # year-earlier quarter, as "a year ago" is there
        return Reading(
            "DATE",
            an.shift_value(ctx.last_quarter, -1, "year"),
            "quarter",
            "year-earlier-quarter/last-year",
            "publication",
        )
    return Reading("DATE", value, gran, f"{rel}-{unit.replace(' ', '-')}", "publication")


_COMPARED_AMOUNT = re.compile(r"\bcompared\s+with\b.*[$#]\s?[\d.]+(?:\s+(?:million|billion))?\s+$", re.I)


@rule("half-by-quarters")
def _half_by_quarters(m: re.Match, ctx: Context) -> Reading | None:
    half = "H1" if m["which"].lower() == "first" else "H2"
    return Reading("DATE", f"{int(m['year']):04d}-{half}", "half", "two-quarters-half")


@rule("weekday-range")
def _weekday_range(m: re.Match, ctx: Context) -> Reading | None:
    """ "(from) Monday to Wednesday": the first day by tense, the last the next such
    weekday on or after it; `end_value` carries the last day."""
    if re.search(r"\band\b", m.group(), re.I) and (_wd(m["wd2"]) - _wd(m["wd"])) % 7 != 1:
        return None  # "Monday and Thursday" are two days, not a span
    if re.match(r"\s+(?:night|morning|evening|afternoon)s?\b", ctx.text[m.end() : m.end() + 12], re.I):
        return None  # "Monday and Tuesday nights": parts of days, left to the weekday rule
    first = _weekday(m, ctx)
    if first is None or first.value is None:
        return first and dataclasses.replace(first, rule="weekday-range/no-publication-date")
    start = dt.date.fromisoformat(first.value[:10])
    last = an.add_days(start, (_wd(m["wd2"]) - start.weekday()) % 7)
    if last is None:
        return None
    return dataclasses.replace(
        first,
        type="DATE",
        value=an.day_value(start),
        granularity="day",
        rule=first.rule.replace("weekday/", "weekday-range/"),
        end_value=an.day_value(last),
    )


@rule("month-range")
def _month_range(m: re.Match, ctx: Context) -> Reading | None:
    """ "March to May (1987)": the first month as the value, the last in `end_value`."""
    if not (_capitalised(m["mon"]) and _capitalised(m["mon2"])):
        return None
    m1, m2 = _month(m["mon"]), _month(m["mon2"])
    if m["year"]:
        # the year belongs to the last month: "November to February 1988" starts in 1987
        y1, anchor, tense = int(m["year"]) - (1 if m2 < m1 else 0), None, None
    elif ctx.published is None:
        return Reading("DATE", None, "month", "month-range/no-year", "publication")
    else:
        tense = _preposition_tense(ctx, m) or ctx.tense(m)
        y1, anchor = an.year_for_month_day(ctx.published, m1, None, tense), "publication"
    y2 = y1 + (1 if m2 < m1 else 0)  # "November to February" crosses the new year
    if not (1 <= y1 and y2 <= 9999):
        return None
    return Reading("DATE", f"{y1:04d}-{m1:02d}", "month", "month-range", anchor, tense, end_value=f"{y2:04d}-{m2:02d}")


@rule("week-of")
def _week_of_day(m: re.Match, ctx: Context) -> Reading | None:
    """ "the week ended February 22", "the week of March 6": the ISO week of that day."""
    day = _month_day(m, ctx, "week-of")
    if day is None or day.value is None:
        return day and Reading("DATE", None, "week", "week-of/no-year", "publication")
    w = an.week_value(dt.date.fromisoformat(day.value))
    return Reading("DATE", w, "week", "week-of-day", day.anchor, day.tense)


@rule("weekend")
def _weekend(m: re.Match, ctx: Context) -> Reading | None:
    rel = m.group().split()[0].lower()
    pub = ctx.published
    if pub is None:
        return Reading("DATE", None, "weekend", f"{rel}-weekend", "publication")
    if rel in ("this", "last", "next"):
        v, _ = _relative_period(pub, rel, "weekend")
        if rel == "last" and pub.weekday() >= 5:
            v = _week_of(an.add_days(pub, -7))
            v = v + "-WE" if v else None
        return Reading("DATE", v, "weekend", f"{rel}-weekend", "publication") if v else None
    tense = ctx.tense(m)
    if tense == "future":
        d = an.add_days(pub, (5 - pub.weekday()) % 7) if pub.weekday() < 5 else pub
    else:
        d = pub if pub.weekday() >= 5 else an.add_days(pub, -(pub.weekday() + 2))
    w = _week_of(d)
    return Reading("DATE", w + "-WE", "weekend", f"the-weekend/{tense or 'past'}", "publication", tense) if w else None


@rule("earlier-later-this")
def _earlier_later_this(m: re.Match, ctx: Context) -> Reading | None:
    unit = m["unit"].lower()
    which = m["which"].lower()
    if ctx.published is None:
        return Reading("DATE", None, unit, f"{which}-this-{unit}", "publication")
    if unit in ("morning", "afternoon", "evening"):
        return Reading(
            "TIME", f"{an.day_value(ctx.published)}T{DAY_PARTS[unit]}", "time", f"{which}-this-{unit}", "publication"
        )
    value, gran = _relative_period(ctx.published, "this", unit)
    return Reading("DATE", value, gran, f"{which}-this-{unit}", "publication")


@rule("relative-season")
def _season(m: re.Match, ctx: Context) -> Reading | None:
    code = SEASONS[m["season"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    if m["season"].lower() == "fall" and not rel and not m["year"]:
        return None  # "fall" alone is mostly the verb
    if m["year"]:
        mod = {"early": "START", "late": "END"}.get(rel)
        return Reading("DATE", f"{int(m['year']):04d}-{code}", "season", "explicit-season", mod=mod)
    if not rel:
        return None  # a bare season word ("spring rains") is rarely a date
    pub = ctx.published
    if pub is None:
        return Reading("DATE", None, "season", f"{rel}-season", "publication")

    def rng(y):
        return value_range(f"{y:04d}-{code}")

    years = [y for y in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1) if 1 <= y <= 9999 and rng(y)]
    current = next((y for y in years if rng(y)[0] <= pub <= rng(y)[1]), None)
    last = max((y for y in years if rng(y)[1] < pub), default=None)
    nxt = min((y for y in years if rng(y)[0] > pub), default=None)
    tense = None
    if rel in ("last", "the past", "this past"):
        y = last
    elif rel in ("next", "coming", "the coming"):
        y = nxt
    elif rel == "this":
        y = current if current is not None else pub.year
    else:  # "the spring", "early summer": tense decides
        tense = ctx.tense(m)
        y = current if current is not None else (nxt if tense == "future" else last)
    if y is None:
        return None
    mod = {"early": "START", "late": "END"}.get(rel)
    return Reading("DATE", f"{y:04d}-{code}", "season", f"season/{rel or tense}", "publication", tense, mod=mod)


# --- years, decades, quarters ----------------------------------------------


# A number right after a noun that labels things by number is an identifier, not a
# year: "Item 1100", "Room 1015", "Flight 1549", "Resolution 1441", "P.O. Box 2050".
_LABEL_NOUNS = (
    "item|items|room|rooms|suite|flight|flights|route|highway|interstate|resolution|resolutions|"
    "section|article|chapter|paragraph|clause|page|pages|box|gate|pier|platform|terminal|building|"
    "apartment|unit|lot|exit|channel|bus|train|line|model|form|case|docket|code|cell|ward|precinct|"
    "local|bill|decree|order|number|ext|extension|seat|row|table|figure|level|floor|block|track|"
    "exhibit|appendix|volume|vol|issue|series|serial|account|ticket|patent|catalog|catalogue|tape|"
    "file|sample|step|phase|stage|part|grade|version|batch|shipment|cargo|rule|regulation|directive"
)
_LABEL_BEFORE = re.compile(rf"(?<![\w-])(?:{_LABEL_NOUNS})\.?\s+$", re.I)


@rule("year")
def _year(m: re.Match, ctx: Context) -> Reading | None:
    y = int(m["year"])
    if not m["fiscal"] and not 1000 <= y <= 2099:
        return None
    after = ctx.text[m.end() : m.end() + 12]
    if not m["fiscal"] and re.match(
        r"\s*(?:percent|per\s+cent|pct|million|billion|shares|people|troops|tons|feet|meters|miles|dollars|yen|marks|francs|units|votes|points)\b",
        after,
        re.I,
    ):
        return None
    before = ctx.text[max(0, m.start() - 3) : m.start()]
    if re.search(r"(?:No\.|#)\s*$", before) or re.search(r"[\d.,]$", before.rstrip()) and not before.endswith(" "):
        return None
    if not m["fiscal"] and _LABEL_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return None
    rule_name = "fiscal-year" if m["fiscal"] else "year"
    return Reading("DATE", f"{y:04d}", "year", rule_name)


@rule("the-year")
def _the_year(m: re.Match, ctx: Context) -> Reading | None:
    after = ctx.text[m.end() : m.end() + 12]
    if m["fiscal"] or re.match(r"\s+(?:ended|ending|to|through)\b", after, re.I):
        # "the year ended Sept. 30": a twelve-month span, not a calendar year
        return Reading("DURATION", "P1Y", "duration", "the-year/span")
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if not re.search(r"\b(?:for|during|in|of|this)\s+$", before):
        return None
    if ctx.published is None:
        return Reading("DATE", None, "year", "the-year/discourse", "publication")
    return Reading("DATE", f"{ctx.published.year:04d}", "year", "the-year/discourse", "publication")


@rule("year-end")
def _year_end(m: re.Match, ctx: Context) -> Reading | None:
    """ "by year-end": the end of the publication's year (TIMEX3 year with mod END);
    "since year-end" looks back to the end of the year before."""
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    if not re.search(r"\b(?:by|since|at|until|till|before|around|through)\s+$", before):
        return None  # "year-end net", "the year-end figures": an adjective
    if ctx.published is None:
        return Reading("DATE", None, "year", "year-end", "publication", mod="END")
    since = re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 7) : m.start()], re.I)
    year = ctx.published.year - (1 if since else 0)
    if not 1 <= year <= 9999:
        return None
    return Reading(
        "DATE", f"{year:04d}", "year", "year-end/" + ("since" if since else "coming"), "publication", mod="END"
    )


_SPOKEN_ONES, _SPOKEN_TEENS, _SPOKEN_TENS = ONES, TEENS, TENS


def spoken_year(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand (and) one" -> 2001 (broadcast transcripts)."""
    w = [x for x in re.split(r"[\s-]+", words.lower()) if x and x not in ("and", "the", "year")]
    if w[:2] == ["two", "thousand"]:
        rest = w[2:]
        n = 0
        for x in rest:
            n += _SPOKEN_ONES.get(x) or _SPOKEN_TEENS.get(x) or _SPOKEN_TENS.get(x) or 0
        return 2000 + n
    if not w or w[0] not in _SPOKEN_TEENS:
        return None
    century = _SPOKEN_TEENS[w[0]] * 100
    rest = w[1:]
    if rest == ["hundred"]:
        return century
    n = 0
    for x in rest:
        v = _SPOKEN_ONES.get(x) or _SPOKEN_TEENS.get(x) or _SPOKEN_TENS.get(x)
        if v is None:
            return None
        n += v
    return century + n if 10 <= n <= 99 else None


@rule("spoken-year")
def _spoken_year(m: re.Match, ctx: Context) -> Reading | None:
    y = spoken_year(m["spoken"])
    if y is None:
        return None
    if m["mon"]:
        if not _capitalised(m["mon"]):
            return None
        return Reading("DATE", f"{y:04d}-{_month(m['mon']):02d}", "month", "spoken-month-year")
    if m["season"]:
        return Reading("DATE", f"{y:04d}-{SEASONS[m['season'].lower()]}", "season", "spoken-season-year")
    return Reading("DATE", f"{y:04d}", "year", "spoken-year")


@rule("month-relative-year")
def _month_relative_year(m: re.Match, ctx: Context) -> Reading | None:
    if not _capitalised(m["mon"]):
        return None
    if ctx.published is None:
        return Reading("DATE", None, "month", "month-of-relative-year", "publication")
    y = ctx.published.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    if not 1 <= y <= 9999:
        return None
    return Reading("DATE", f"{y:04d}-{_month(m['mon']):02d}", "month", "month-of-relative-year", "publication")


@rule("year-range")
def _year_range(m: re.Match, ctx: Context) -> Reading | None:
    y1 = int(m["year"])
    y2s = m["year2"]
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if not (1000 <= y1 < y2 <= 2099) or y2 - y1 > 200:
        return None
    return Reading("DATE", f"{y1:04d}", "year", "year-range", end_value=f"{y2:04d}")


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@rule("decade")
def _decade(m: re.Match, ctx: Context) -> Reading | None:
    if m["dec"]:
        y = int(m["dec"])
        if y % 100 == 0 and m.group().lower().startswith("the"):
            return Reading("DATE", f"{y // 100:02d}", "century", "century-plural")
        return Reading("DATE", f"{y // 10:03d}", "decade", "decade")
    if not m.group().lower().startswith("the") and m["word"]:
        return None  # "in his sixties" is an age
    digit = int(m["short"][0]) if m["short"] else _DECADE_WORDS[m["word"].lower()]
    base = ctx.published.year if ctx.published else 1950
    century = base // 100 if digit * 10 <= base % 100 else base // 100 - 1
    if not 0 <= century <= 99:
        return None
    return Reading("DATE", f"{century:02d}{digit}", "decade", "decade-short", "publication" if ctx.published else None)


@rule("century")
def _century(m: re.Match, ctx: Context) -> Reading | None:
    o = m["ord"].lower()
    words = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
    n = words.get(" ".join(o.split()))
    if n is None:
        digits = re.match(r"\d+", o)
        if digits is None:
            return None
        n = int(digits.group())
    if not 1 <= n <= 99:
        return None
    return Reading("DATE", f"{n - 1:02d}", "century", "century")


def _quarter_year(ctx: Context, m: re.Match, first_month: int) -> tuple[int | None, str | None, str | None]:
    if _g(m, "year"):
        return int(m["year"]), None, None
    if _g(m, "year0"):
        return int(m["year0"]), None, None
    if _g(m, "yy"):
        return _two_digit_year(m["yy"], ctx.published), None, None
    if ctx.published is None:
        return None, "publication", None
    the = (_g(m, "the") or "").lower()
    if the.startswith("last year"):
        return ctx.published.year - 1, "publication", None
    if the.startswith("this year"):
        return ctx.published.year, "publication", None
    if the.startswith("next year"):
        return ctx.published.year + 1, "publication", None
    # A quarter or half is long, and reports name the one just closed while using
    # every tense: the nearest one wins unless the clause is in the past.
    tense = "past" if ctx.tense(m) == "past" else None
    return an.year_for_month_day(ctx.published, first_month, None, tense), "publication", tense


@rule("quarter")
def _quarter(m: re.Match, ctx: Context) -> Reading | None:
    half = m["unit"].lower() == "half"
    if m["ord"].lower() in ("last", "latter"):
        if not (m["year"] or m["year0"]):
            return None  # "the last quarter" is the latest one: reference-quarter's job
        n = 2 if half else 4
    else:
        n = ORDINALS[m["ord"].lower()]
    if half and n > 2:
        return None
    first_month = 6 * n - 5 if half else 3 * n - 2
    year, anchor, tense = _quarter_year(ctx, m, first_month)
    code = f"H{n}" if half else f"Q{n}"
    gran = "half" if half else "quarter"
    if year is not None and re.match(r"(?:the\s+)?year-(?:ago|earlier)", m.group(), re.I):
        year -= 1
    if year is None:
        return Reading("DATE", None, gran, f"{gran}/no-year", anchor)
    if not 1 <= year <= 9999:
        return None
    return Reading(
        "DATE",
        f"{year:04d}-{code}",
        gran,
        f"{gran}/{'explicit' if anchor is None else 'year-from-' + (tense or 'publication')}",
        anchor,
        tense,
    )


@rule("quarter-code")
def _quarter_code(m: re.Match, ctx: Context) -> Reading | None:
    code = m["ord"].upper()
    n = int(code[1])
    first_month = 3 * n - 2 if code[0] == "Q" else 6 * n - 5
    year, anchor, tense = _quarter_year(ctx, m, first_month)
    gran = "quarter" if code[0] == "Q" else "half"
    if year is None or not 1 <= year <= 9999:
        return Reading("DATE", None, gran, f"{gran}/no-year", anchor)
    return Reading("DATE", f"{year:04d}-{code}", gran, f"{gran}-code", anchor, tense)


def _latest_complete_quarter(pub: dt.date) -> str | None:
    ym = an.add_months(pub.year, pub.month, -3)
    return f"{ym[0]:04d}-Q{(ym[1] - 1) // 3 + 1}" if ym else None


_QUARTER_ENDED = re.compile(
    rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?P<mon>{MONTH_RE})\s+\d{{1,2}}(?:,?\s+(?P<year>\d{{4}}))?",
    re.I,
)


# Words that name the same quarter a year before the one under discussion.
_YEAR_EARLIER = ("year-earlier", "year-ago", "comparable", "corresponding", "prior-year", "year-before")
# "period" is a quarter only with one of these ("the year-ago period", "the latest period").
_PERIOD_WORDS = {*_YEAR_EARLIER, "same", "latest"}
_LATEST = ("latest", "most recent", "recent", "last", "previous")


def _quarter_in_discussion(ctx: Context) -> str | None:
    """Financial reports talk about one quarter at a time: "the quarter" is the one
    last named, else the latest complete one (TimeBank annotates them so)."""
    return ctx.last_quarter or (_latest_complete_quarter(ctx.published) if ctx.published else None)


def _which_quarter(m: re.Match) -> tuple[str, str]:
    which = " ".join((m["which"] or "").lower().split())
    unit = m["unit"].lower()
    if unit in ("year-earlier", "year-ago"):  # "the year-earlier", "year-ago" alone
        which, unit = unit, "quarter"
    if which == "last year's":
        which = "year-earlier"  # "last year's quarter": the year-earlier twin
    return which, unit


@rule("reference-quarter")
def _reference_quarter(m: re.Match, ctx: Context) -> Reading | None:
    """ "the quarter", "the year-earlier period", "the 1988 quarter": a quarter named
    by its place in a financial report's discourse."""
    which, unit = _which_quarter(m)
    if year0 := _g(m, "year0"):
        # "the 1988 quarter/period": the quarter under discussion, in that year
        current = _quarter_in_discussion(ctx)
        if current is None:
            return None
        return Reading("DATE", f"{int(year0):04d}-{current[-2:]}", "quarter", "year-quarter/discourse", "publication")
    if unit == "period" and which not in _PERIOD_WORDS:
        return None
    if not m.group().lower().startswith("the") and not which:
        return None  # a bare "quarter" ("a quarter of the vote") is no date
    if ctx.published is None and not ctx.last_quarter:
        return Reading("DATE", None, "quarter", f"{which or 'the'}-quarter", "publication")
    return _discourse_quarter(m, ctx, which, unit)


def _discourse_quarter(m: re.Match, ctx: Context, which: str, unit: str) -> Reading:
    current = _quarter_in_discussion(ctx)
    if unit == "period" and not ctx.last_quarter and which in ("same", "comparable", "corresponding"):
        current = None  # "the same period" of what? A span we cannot name.
    if _g(m, "ly") or which in _YEAR_EARLIER:  # "the same period last year", "the year-ago quarter"
        v = an.shift_value(current, -1, "year") if current else None
        return Reading("DATE", v, "quarter", "year-earlier-quarter", "publication")
    pub = ctx.published
    if which == "current":
        v = f"{pub.year:04d}-Q{(pub.month - 1) // 3 + 1}" if pub else current
        return Reading("DATE", v, "quarter", "current-quarter", "publication")
    if ended := _QUARTER_ENDED.match(ctx.text, m.end()):
        # "the quarter ended Sept. 30": the quarter holding that day
        month = _month(ended["mon"])
        year = (
            int(ended["year"])
            if ended["year"]
            else an.year_for_month_day(pub or dt.date(2000, 1, 1), month, None, "past")
        )
        return Reading("DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter", "quarter-ended", "publication")
    if which in _LATEST and pub:
        return Reading("DATE", _latest_complete_quarter(pub), "quarter", "latest-quarter", "publication")
    return Reading("DATE", current, "quarter", "the-quarter/discourse", "publication")


# --- offsets from now, durations, sets, generics ----------------------------


def _duration(n: float | None, unit: str) -> str:
    code, is_time, _ = UNITS[unit]
    if unit == "weekend":
        return "P2D" if n == 1 else f"P{'X' if n is None else int(2 * n)}D"
    if unit == "decade":
        return f"P{_num(n * 10)}Y" if n is not None else "PXDE"
    if unit == "century":
        return f"P{_num(n * 100)}Y" if n is not None else "PXCE"
    if unit == "quarter":
        return f"P{'X' if n is None else _num(n)}Q"  # TIMEX3 allows Q as a duration unit
    if n is not None and not float(n).is_integer() and float(n * 2).is_integer():
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M: ISO-8601 has no halves
        half = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M", "minute": "30S"}.get(unit)
        if half:
            whole = f"{int(n)}{code}" if int(n) else ""
            return f"PT{whole}{half}" if is_time else f"P{whole}{half}"
    count = "X" if n is None else _num(n)
    return f"PT{count}{code}" if is_time else f"P{count}{code}"


def _num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _publication_unit(pub: dt.date, unit: str) -> str:
    """The TIMEX3 value of the day, week, month, quarter, year, decade or century
    holding the publication day."""
    return {
        "day": an.day_value(pub),
        "week": an.week_value(pub),
        "month": f"{pub.year:04d}-{pub.month:02d}",
        "quarter": f"{pub.year:04d}-Q{(pub.month - 1) // 3 + 1}",
        "year": f"{pub.year:04d}",
        "decade": f"{pub.year // 10:03d}",
        "century": f"{pub.year // 100:02d}",
    }[unit]


def _units_from_publication(pub: dt.date, n: int, unit: str) -> str | None:
    """The unit n units away from the publication's own ("two weeks ago": its week - 2)."""
    if unit == "century":
        c = pub.year // 100 + n
        return f"{c:02d}" if 0 <= c <= 99 else None
    return an.shift_value(_publication_unit(pub, unit), n, unit)


@rule("ago")
def _ago(m: re.Match, ctx: Context) -> Reading | None:
    """ "two years ago", "a week from now": a calendar unit counted from the
    publication's own, at that unit's granularity (TimeML reads "a decade ago" as
    the decade, as "the 1980s" would be)."""
    unit = unit_of(m["unit"])
    n = None if m["vague"] else number_value(m["n"])
    direction = -1 if m["dir"].lower() in ("ago", "back") else 1
    ref = "PAST_REF" if direction < 0 else "FUTURE_REF"
    if UNITS[unit][1]:  # "two hours ago": a time of the publication day, not resolvable
        return Reading("TIME", None if ctx.published is None else ref, "ref", "ago/time", "publication")
    pub = ctx.published
    if pub is None:
        return Reading("DATE", None, UNITS[unit][2], "ago", "publication")
    if n is None or not float(n).is_integer():
        return Reading("DATE", ref, "ref", "ago/vague", "publication")
    if unit == "weekend":
        return None
    offset = _duration(int(n), unit)
    n = int(n) * direction
    v, gran = _units_from_publication(pub, n, unit), UNITS[unit][2]
    if unit == "year" and abs(n) == 1 and ctx.last_quarter and m.start() - ctx.last_quarter_at < 800:
        # "sales rose from $X a year ago" in a sentence about a quarter: that quarter's
        # year-earlier twin (TimeBank annotates so).
        v, gran = an.shift_value(ctx.last_quarter, n, "year"), "quarter"
    if v is None:
        return None
    return Reading("DATE", v, gran, "ago" if direction < 0 else "from-now", "publication", offset=offset)


_DIRECTION = {
    "after": "after",
    "later": "after",
    "afterward": "after",
    "afterwards": "after",
    "before": "before",
    "earlier": "before",
    "prior to": "before",
}


@rule("event-offset")
def _event_offset(m: re.Match, ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    if unit == "weekend":
        return None
    direction = _DIRECTION[" ".join(m["dir"].lower().split())]
    if m["n"] is None and m["vague"] is None:
        if m["unit"].lower() != unit:
            # "hours after": a relation without a measurable offset
            return Reading(
                "DATE", None, UNITS[unit][2], f"{m['unit'].lower()}-{direction}", "event", relation=direction
            )
        return None  # "day after" without article is not a phrase we trust
    n = None if m["vague"] else number_value(m["n"])
    offset = _duration(n, unit)
    return Reading("DATE", None, UNITS[unit][2], f"offset-{direction}", "event", relation=direction, offset=offset)


@rule("event-next")
def _event_next(m: re.Match, ctx: Context) -> Reading | None:
    which = m["which"].lower()
    unit = m["unit"].lower()
    if unit in ("morning", "evening", "night"):
        # "the next morning": dated to the day (the part of day adds no date)
        relation = {"following": "after", "next": "after", "subsequent": "after", "same": "same"}.get(which, "before")
        return Reading(
            "DATE",
            None,
            "day",
            f"{which}-{unit}",
            "event",
            relation=relation,
            offset="P0D" if relation == "same" else "P1D",
        )
    relation = {"following": "after", "next": "after", "subsequent": "after", "same": "same"}.get(which, "before")
    code = UNITS[unit][0]
    offset = "P0D" if relation == "same" else ("P1W" if unit == "weekend" else f"P1{code}")
    gran = UNITS[unit][2]
    if which == "next" and unit != "day" and not m.group().lower().startswith("the"):
        return None  # "next week" is publication-relative: handled by relative-unit
    return Reading("DATE", None, gran, f"{which}-{unit}", "event", relation=relation, offset=offset)


@rule("event-that")
def _event_that(m: re.Match, ctx: Context) -> Reading | None:
    """ "that day", "later that year", "that same week": the anchor event's own
    day/week/year (narrative reference, TimeML "same" relation)."""
    unit = m["unit"].lower()
    gran = UNITS[unit][2] if unit in UNITS else "day"  # parts of a day date to the day
    mod = {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get((m["mod"] or "").lower())
    return Reading("DATE", None, gran, f"that-{unit}", "event", mod=mod, relation="same", offset="P0D")


@rule("event-unit-before")
def _event_unit_before(m: re.Match, ctx: Context) -> Reading | None:
    """ "the day before", "the week after", "the night before": one unit from the
    anchor event (a night or morning dates to its day)."""
    unit = m["unit"].lower()
    if (
        re.match(r"\s+\w+ing\b", ctx.text[m.end() : m.end() + 20])
        and m["dir"].lower() in ("before", "after")
        and re.search(r"\bin\s+$", ctx.text[max(0, m.start() - 4) : m.start()])
    ):
        return None  # "later in the day before returning home": "in the day", then a conjunction
    relation = _DIRECTION[m["dir"].lower()]
    code, _, gran = UNITS.get(unit, ("D", False, "day"))
    return Reading("DATE", None, gran, f"the-{unit}-{relation}", "event", relation=relation, offset=f"P1{code}")


@rule("duration-adjective")
@rule("within-duration")
def _within_duration(m: re.Match, ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    raw = m.group()
    if m["n"] is not None:
        n = number_value(m["n"])
        if n is None:
            return None
        word = m["n"].lower()
        if word in ("a", "an") and not m["rel"] and not m["the"]:
            # "a year" alone is a duration only after a word that takes one ("for a
            # year", "within a week"); "$5 million a year", "700 seats a week" are rates,
            # "a second group" an ordinal.
            before = ctx.text[max(0, m.start() - 16) : m.start()]
            if unit_of(m["unit"]) == "second" or not re.search(
                r"\b(?:for|in|within|over|than|about|nearly|almost|after|before|lasting|lasted|last|"
                r"lasts|took|take|takes|spent|spend|only|just|barely|of|from|by|under|past)\s+$",
                before,
                re.I,
            ):
                return None
        if re.match(r"[\s-]+old\b", ctx.text[m.end() : m.end() + 6]):
            return None  # "52 years old" is an age
        if re.fullmatch(r"\d+", word) and (
            int(word) > 10000 or (len(word) == 4 and unit_of(m["unit"]) == m["unit"].lower())
        ):
            return None  # "the 1988 quarter" names a year, "52 years" counts
    else:
        n = None
    rel = (m["rel"] or "").lower()
    if unit == "weekend":
        return None
    if unit == "quarter" and not rel and not m["the"] and (m["n"] or "").lower() in ("a", "an", "one", "three", "two"):
        return None  # "three-quarters", "a quarter of": fractions, not time
    if rel in ("first", "latest", "final", "remaining", "year-earlier") and not m["the"]:
        return None
    if "-old" in raw.lower():
        return None  # ages are not time expressions
    return Reading("DURATION", _duration(n, unit), "duration", f"duration/{rel or 'count'}")


@rule("duration-range")
def _duration_range(m: re.Match, ctx: Context) -> Reading | None:
    """ "between 3 and 5 weeks": a duration whose length is a range; a TIMEX3 value
    holds one length, so the count is unknown ("PXW"). "12 to 18 months" and "two or
    three days" are left to the count of their last number: reading them as ranges
    too raised tune-half value F1 by 0.13 points and lowered the check half's by 0.10."""
    low, high = number_value(m["n"]), number_value(m["n2"])
    if low is None or high is None or not low < high:
        return None  # "5 to 3 days" is no range; "a or b" words are not numbers
    if re.match(r"[\s-]+old\b", ctx.text[m.end() : m.end() + 6]):
        return None  # "5 to 7 years old" is an age
    unit = unit_of(m["unit"])
    if unit == "weekend":
        return None
    return Reading("DURATION", _duration(None, unit), "duration", "duration/range")


@rule("plural-duration")
def _plural_duration(m: re.Match, ctx: Context) -> Reading | None:
    unit = unit_of(m["unit"])
    # "in recent years", "in coming weeks": TimeML reads a stretch of unknown length
    # (DURATION "PXY"), as TimeBank annotates it.
    return Reading("DURATION", _duration(None, unit), "duration", "duration/vague")


_SET_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
}


_RATE_BEFORE = re.compile(r"\d")


def _clause_before(text: str, start: int, width: int) -> str:
    """Up to `width` characters before `start`, cut at the last clause boundary."""
    window = text[max(0, start - width) : start]
    return re.split(r"[.;:!?,()\"]|\n", window)[-1]


@rule("set")
def _set(m: re.Match, ctx: Context) -> Reading | None:
    if m["adv"]:
        if m["adv"].lower() == "annually" and _RATE_BEFORE.search(_clause_before(ctx.text, m.start(), 40)):
            # "rise 8.5% annually", "10,000 units annually": a rate of a quantity, which
            # TimeBank leaves unannotated (as it does "$5 million a year")
            return None
        return Reading("SET", _SET_ADVERBS[m["adv"].lower()], "set", "set/adverb")
    if m["wds"]:
        return Reading("SET", f"XXXX-WXX-{_wd(m['wds'][:-1]) + 1}", "set", "set/weekdays")
    if m["wd"]:
        return Reading("SET", f"XXXX-WXX-{_wd(m['wd']) + 1}", "set", "set/every-weekday")
    if m["mon"]:
        if not _capitalised(m["mon"]):
            return None
        return Reading("SET", f"XXXX-{_month(m['mon']):02d}", "set", "set/every-month-name")
    unit = (m["unit"] or m["unit2"]).lower()
    if unit in ("morning", "night", "evening", "afternoon"):
        return Reading("SET", f"XXXX-XX-XXT{DAY_PARTS[unit]}", "set", "set/every-part-of-day")
    n = number_value(m["n"]) if m["n"] else 1
    if unit == "weekend":
        return Reading("SET", "XXXX-WXX-WE", "set", "set/every-weekend")
    return Reading("SET", _duration(n or 1, unit), "set", "set/every")


_GENERIC = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "formerly": "PAST_REF",
    "previously": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "once": "PAST_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}


def _discourse_now(text: str, m: re.Match) -> bool:
    """ "Now for today's quiz", "Now then,", "Now, now": sentence-initial "now"
    introducing a topic or calling for attention is a discourse marker. "Now, the
    alliance is stronger" is the present set against the past: PRESENT_REF
    (TimeML 1.2.1 annotates it so)."""
    before = text[max(0, m.start() - 3) : m.start()]
    at_start = m.start() == 0 or re.search(r"(?:[.!?]['\"`]*\s+|\n\s*|^\s*|[\"`]+)$", before) is not None
    after = text[m.end() : m.end() + 60]
    return at_start and (
        re.match(r",?\s*(?:for\b|then\b|now\b)", after, re.I) is not None or _REPORTING_ASIDE.match(after) is not None
    )


# ", he says," / ", Ms. Conlin said,": a reporting aside right after "Now," makes it
# the speaker's discourse marker (TimeBank leaves "Now, he says, ..." unannotated).
_REPORTING_ASIDE = re.compile(
    r",\s+(?:[A-Z][\w.'-]*\s+){0,3}(?:he|she|they|it|[A-Z][\w'-]+)\s+(?:says|said|argues|argued|adds|added|notes|noted)\s*,"
)


@rule("generic")
def _generic(m: re.Match, ctx: Context) -> Reading | None:
    g = " ".join(m["g"].lower().split())
    after = ctx.text[m.end() : m.end() + 20]
    if g in ("near-term", "long-term", "short-term"):
        return None
    if g in ("once", "previously", "formerly", "soon", "future", "recent"):
        # Too often not a time reference ("future plans", "once a week") and too vague
        # to place an event; TimeBank annotators skip most of them as well.
        return None
    if g == "now" and _discourse_now(ctx.text, m):
        return None
    if (
        g == "recently"
        and re.match(r"\s*,?\s*(?:last|this|in|on|early|late)\b", ctx.text[m.end() : m.end() + 10], re.I)
        and re.search(r"\bmost\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I)
    ):
        return None  # "most recently last October": the date that follows is the time
    if g == "the future" and not re.search(
        r"\b(?:in|into|about|for|near|distant)\s+$", ctx.text[max(0, m.start() - 10) : m.start()], re.I
    ):
        # "the future of our peoples", "the future looks ...": the noun for what is to
        # come to someone, not a time; "in/into the future" is the time (FUTURE_REF)
        return None
    if g == "current" and re.match(
        r"\s*(?:account|affairs|events|status|form|law|rules|system|crisis|policy|policies)\b", after, re.I
    ):
        return None
    if g in ("future",) and re.match(r"\s*(?:contracts?|prices?|markets?|trading|exchange)\b", after, re.I):
        return None  # "futures markets" belong to finance, not time
    return Reading("DATE", _GENERIC[g], "ref", f"generic/{g.replace(' ', '-')}")


_CLOCK_BEFORE = re.compile(r"\b(?:at|by|until|till|since|from|before|after|around|about)\s+$", re.I)
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?\s?m\b|GMT|UTC|[ECMP][SD]T\b|local\s+time|o'clock|hours?\b)", re.I)


@rule("elapsed-time")
def _elapsed_time(m: re.Match, ctx: Context) -> Reading | None:
    """ "won the marathon in 2:08:30", "finished 4:12:09 behind": hours, minutes and
    seconds without a clock word are a race or elapsed time, a DURATION
    (PT2H8M30S); "at 10:35:12 a.m." is a clock time, left to the clock rule."""
    if _CLOCK_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) or _CLOCK_AFTER.match(ctx.text, m.end()):
        return None
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"])
    value = (
        "PT" + "".join(f"{n}{code}" for n, code in ((h, "H"), (mi, "M"), (sec, "S")) if n) if h or mi or sec else "PT0S"
    )
    return Reading("DURATION", value, "duration", "duration/elapsed-time")


def _clock_time(m: re.Match) -> str | None:
    """ "10:35 a.m." -> "10:35", "noon" -> "12:00"; None for an hour that is no clock hour."""
    if m["word"]:
        return {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[m["word"].lower()]
    if m["h24"] is not None:
        return f"{int(m['h24']):02d}:{m['mi24']}"
    h = int(m["h"])
    if not 1 <= h <= 12:
        return None
    # "4 in the morning" is 4 a.m.; "6 in the evening" is 6 p.m.
    pm = m["ap"].lower().startswith("p") if m["ap"] else m["dp"].lower() != "morning"
    h = (h % 12) + (12 if pm else 0)
    return f"{h:02d}:{m['mi'] or '00'}"


def _clock_day(m: re.Match, ctx: Context, pub: dt.date) -> tuple[dt.date | None, str]:
    """The day a clock time falls on: the one it names, else the day being narrated."""
    if m["cmon"]:
        year = int(m["cyear"]) if m["cyear"] else an.year_for_month_day(pub, _month(m["cmon"]), int(m["cday"]), None)
        try:
            return dt.date(year, _month(m["cmon"]), int(m["cday"])), "clock/explicit-date"
        except ValueError:
            return None, "clock/explicit-date"
    if m["wd"]:
        # "until 9 a.m. Tuesday": a deadline, the coming Tuesday
        deadline = re.search(r"\b(?:until|by|till)\s+$", ctx.text[max(0, m.start() - 8) : m.start()].lower())
        tense = "present" if deadline else ctx.tense(m)
        return an.resolve_weekday(pub, _wd(m["wd"]), tense), f"clock/weekday-{tense or 'past'}"
    if m["rday"]:
        day = an.add_days(pub, {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rday"].lower()])
        return day, "clock/" + m["rday"].lower()
    if ctx.last_day:
        return ctx.last_day, "clock/discourse-day"
    return pub, "clock/publication-day"


_WITH_SECONDS = re.compile(r"\d:[0-5]\d:[0-5]\d")
_CLOCK_WORD = re.compile(r"[ap]\.?\s?m\b|GMT|UTC|[ECMP][SD]T\b|local\s+time", re.I)


@rule("clock")
def _clock(m: re.Match, ctx: Context) -> Reading | None:
    hm = _clock_time(m)
    if hm is None:
        return None
    if (
        _WITH_SECONDS.search(m.group())
        and not _CLOCK_WORD.search(m.group())
        and not _CLOCK_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())
    ):
        return None  # "in 2:24:09 on Sunday": an elapsed time, not a clock reading
    if ctx.published is None and not m["cyear"]:
        return Reading("TIME", None, "time", "clock", "publication")
    day, rn = _clock_day(m, ctx, ctx.published or dt.date(int(m["cyear"]), 1, 1))
    if day is None:
        return None
    return Reading("TIME", f"{an.day_value(day)}T{hm}", "time", rn, "publication")


def _holiday_day(name: str, year: int) -> dt.date | None:
    """The day of a named holiday in a year (None outside the calendar we can compute)."""
    if name.startswith("thanksgiving"):  # fourth Thursday of November (US)
        if not 1 <= year <= 9999:
            return None
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        from dateutil.easter import easter  # dateutil comes with dateparser

        return easter(year) if 1583 <= year <= 4099 else None  # dateutil's Gregorian Easter range
    mo, d = HOLIDAYS[name]
    return dt.date(year, mo, d) if 1 <= year <= 9999 else None


@rule("holiday")
def _holiday(m: re.Match, ctx: Context) -> Reading | None:
    """ "Christmas Eve", "Thanksgiving", "Easter (week)": in the year written, else the
    one nearest the publication day in the clause's direction (Easter moves, so its
    date is computed for the year the clause points to)."""
    name = " ".join(m["hol"].lower().replace("\u2019", "'").split())
    if not _capitalised(m["hol"]):
        return None
    anchor: str | None
    if m["year"]:
        year, anchor, tense = int(m["year"]), None, None
    elif ctx.published is None:
        return Reading("DATE", None, "day", "holiday", "publication")
    else:
        tense, anchor = _preposition_tense(ctx, m) or ctx.tense(m), "publication"
        probe = _holiday_day(name, ctx.published.year)
        if probe is None:
            return None
        year = an.year_for_month_day(ctx.published, probe.month, probe.day, tense)
    day = _holiday_day(name, year)
    if day is None:
        return None
    rn = "holiday/easter" if name.startswith("easter") else "holiday"
    if name == "easter week":  # the ISO week holding Easter Sunday
        return Reading("DATE", an.week_value(day), "week", "holiday/easter-week", anchor, tense)
    return Reading("DATE", an.day_value(day), "day", rn, anchor, tense)
