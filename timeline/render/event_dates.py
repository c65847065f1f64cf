"""How an event's date reads and which days it covers, for every export format.

Dates are TimeML/TIMEX3 values ("2023-09-15", "2023-W37", "2023-09", "2023-Q3",
"2023-SU", "2023", "202" for a decade); spans are inclusive ISO-8601 days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# Granularities whose value is one exact day: shown without a suffix.
_EXACT = {"day"}

# TIMEX3 season codes → (first month, last month); winter runs into next year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def date_label(event: dict) -> str:
    """The date as a reader should see it, with its granularity said out loud.

    "2023-09-15", "2023-W37 (week)", "2023-09 (month)", "undated".
    """
    value = event.get("date")
    granularity = event.get("granularity") or "none"
    if not value:
        return "undated"
    label = _span_label(value, granularity, event) or (value if granularity in _EXACT else f"{value} ({granularity})")
    if event.get("date_conflict"):
        # Sources disagree on the day: never hide that behind one value.
        label += " (sources differ)"
    return label


# How the last day of a span is written at each granularity, to say "1986 to 1987".
_UNIT_VALUE = {
    "day": lambda d: d.isoformat(),
    "week": lambda d: f"{d.isocalendar().year}-W{d.isocalendar().week:02d}",
    "month": lambda d: f"{d.year}-{d.month:02d}",
    "quarter": lambda d: f"{d.year}-Q{(d.month - 1) // 3 + 1}",
    "year": lambda d: f"{d.year}",
    "decade": lambda d: f"{d.year // 10}",
}


def _span_label(value: str, granularity: str, event: dict) -> str | None:
    """The label "1986 to 1987 (years)" when the event's days run past its value's own
    ("from 1986 to 1987" is stored as 1986, ending 1987-12-31); None otherwise."""
    end, own = _iso_day(event.get("date_end")), timeml_span(value)
    if end is None or own is None or end <= own[1]:
        return None
    unit = _UNIT_VALUE.get(granularity)
    if unit is None:
        return f"{value} ({granularity}) to {end.isoformat()}"
    last = unit(end)
    return f"{value} to {last}" if granularity in _EXACT else f"{value} to {last} ({granularity}s)"


def day_span(event: dict) -> tuple[dt.date, dt.date] | None:
    """First and last day (inclusive) the event's date covers, or None if undated.

    Uses date_start/date_end when the record has them, else derives the span
    from the TimeML value so a partially filled record still places correctly.
    """
    start, end = _iso_day(event.get("date_start")), _iso_day(event.get("date_end"))
    if start and end:
        return (start, end) if start <= end else (end, start)
    derived = timeml_span(event.get("date") or "")
    if derived is None:
        return (start, start) if start else None
    return (start or derived[0], end or derived[1])


def timeml_span(value: str) -> tuple[dt.date, dt.date] | None:
    """Inclusive day span of a TIMEX3 date value; None for fuzzy values (PAST_REF)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.date(*map(int, m.groups()))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            # ISO-8601 week: Monday to Sunday.
            year, week = map(int, m.groups())
            return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = map(int, m.groups())
            return _months(year, month, year, month)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            year, quarter = map(int, m.groups())
            return _months(year, 3 * quarter - 2, year, 3 * quarter)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            year, (first, last) = int(m.group(1)), _SEASONS[m.group(2)]
            return _months(year, first, year + (last < first), last)
        if m := re.fullmatch(r"(\d{4})", value):
            year = int(m.group(1))
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):
            # TIMEX3 writes a decade as its first three digits: "199" = the 1990s.
            decade = int(m.group(1)) * 10
            return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    except ValueError:  # e.g. week 54 or month 13 from a bad upstream value
        return None
    return None


def _months(y1: int, m1: int, y2: int, m2: int) -> tuple[dt.date, dt.date]:
    return dt.date(y1, m1, 1), dt.date(y2, m2, calendar.monthrange(y2, m2)[1])


def _iso_day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
