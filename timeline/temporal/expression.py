"""The `TimeExpression` record and the day range of a TIMEX3 value.

Values follow TimeML TIMEX3 (ISO-8601 based): `2023-09-15`, `2023-W37`,
`2023-W37-WE` (weekend), `2023-09`, `2023-Q3`, `2023-H1`, `2023-SU`, `2023`, `199`, `19`.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

# Meteorological seasons (northern hemisphere); TimeML leaves the boundaries open,
# so we pick whole months: the range is a search window, not a claim.
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


@dataclass(frozen=True)
class TimeExpression:
    """One TIMEX3-style time expression found in a text, with its resolution."""

    text: str
    start: int
    end: int
    type: str
    value: str | None
    granularity: str
    rule: str
    anchor: str | None
    tense: str | None
    mod: str | None = None
    relation: str | None = None
    offset: str | None = None
    end_value: str | None = None  # last day of a range ("Sept 13-15"); None otherwise

    def to_record(self) -> dict:
        """A JSON-ready dict: every field plus the day range (ISO-8601 text)."""
        record = dataclasses.asdict(self)
        record["date_start"] = self.date_start.isoformat() if self.date_start else None
        record["date_end"] = self.date_end.isoformat() if self.date_end else None
        return record

    @property
    def date_start(self) -> dt.date | None:
        rng = value_range(self.value) if self.value else None
        return rng[0] if rng else None

    @property
    def date_end(self) -> dt.date | None:
        last = self.end_value or self.value
        rng = value_range(last) if last else None
        return rng[1] if rng else None


def value_range(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a TIMEX3 DATE value; None for other values."""
    try:
        return _value_range(value)
    except (ValueError, OverflowError):
        return None


def _value_range(value: str) -> tuple[dt.date, dt.date] | None:
    if m := _DAY.match(value):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:  # the week's weekend ("2023-W37-WE"): its Saturday and Sunday
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := _MONTH.match(value):
        return _months(int(m[1]), int(m[2]), int(m[2]))
    if m := _QUARTER.match(value):
        q = int(m[2])
        return _months(int(m[1]), 3 * q - 2, 3 * q)
    if m := _HALF.match(value):
        h = int(m[2])
        return _months(int(m[1]), 6 * h - 5, 6 * h)
    if m := _SEASON.match(value):
        first, last = _SEASON_MONTHS[m[2]]
        return _months(int(m[1]), first, last)
    if m := _YEAR.match(value):
        return _months(int(m[1]), 1, 12)
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
    if m := _CENTURY.match(value):
        y = int(m[1]) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    return None


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """Days from the first of month `first` to the end of month `last` (last may be 13-14)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end_day = calendar.monthrange(end_year, end_month)[1]
    return dt.date(year, first, 1), dt.date(end_year, end_month, end_day)
