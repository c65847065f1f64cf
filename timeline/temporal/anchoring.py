"""Calendar arithmetic for anchoring: weekdays by tense, ISO weeks, shifting values.

Pure functions on `datetime.date` and TIMEX3 value strings; every function returns
None rather than raising when a result falls outside years 1-9999.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

_MIN_YEAR, _MAX_YEAR = 1, 9999


def day_value(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def week_value(d: dt.date) -> str:
    """ISO-8601 week of a day ("2023-W37"); the ISO year may differ from d.year."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_days(d: dt.date, days: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


def add_months(year: int, month: int, months: int) -> tuple[int, int] | None:
    n = year * 12 + (month - 1) + months
    y, m = divmod(n, 12)
    return (y, m + 1) if _MIN_YEAR <= y <= _MAX_YEAR else None


def resolve_weekday(published: dt.date, weekday: int, tense: str | None) -> dt.date | None:
    """The day a bare weekday name refers to, seen from the publication day.

    Past (and unknown) tense: the most recent such weekday on or before the
    publication day, the day itself included ("met on Friday" in a Friday paper is
    that Friday). Future: the next one strictly after the publication day ("will
    meet on Friday" in a Friday paper is the Friday after), as HeidelTime does.
    Present: the coming one, the publication day included.
    """
    delta = (published.weekday() - weekday) % 7
    if tense == "future":
        return add_days(published, (weekday - published.weekday()) % 7 or 7)
    if tense == "present":
        # "The vote starts Wednesday": a news present with a weekday is a schedule;
        # the coming one, the day itself included.
        return add_days(published, (weekday - published.weekday()) % 7)
    return add_days(published, -delta)


def shift_value(value: str, amount: int, unit: str) -> str | None:
    """Move a TIMEX3 value by `amount` units, keeping the value's own granularity
    (`2023-Q3` - 1 year = `2022-Q3`; `2023-09-15` + 1 week = `2023-09-22`)."""
    try:
        return _shift(value, amount, unit)
    except (ValueError, OverflowError):
        return None


_DAYS_PER_UNIT = {"day": 1, "week": 7}
_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


def _shift(value: str, amount: int, unit: str) -> str | None:
    """Dispatch on the value's shape: each granularity moves by its own rule."""
    for shape, shift in _SHIFTS:
        if m := shape.fullmatch(value):
            return shift(m, amount, unit)
    return None


def _last_day_of_month(year: int, month: int) -> int:
    if year == _MAX_YEAR and month == 12:
        return 31
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day


def _shift_day(m: re.Match, amount: int, unit: str) -> str | None:
    d = dt.date(int(m[1]), int(m[2]), int(m[3]))
    if days := _DAYS_PER_UNIT.get(unit):
        r = add_days(d, days * amount)
        return day_value(r) if r else None
    months = _MONTHS_PER_UNIT.get(unit)
    ym = add_months(d.year, d.month, months * amount) if months else None
    if not ym:
        return None
    # 31 January + 1 month is the last day of February, as dateutil's relativedelta does
    return f"{ym[0]:04d}-{ym[1]:02d}-{min(d.day, _last_day_of_month(*ym)):02d}"


def _shift_week(m: re.Match, amount: int, unit: str) -> str | None:
    d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    r: dt.date | None
    if days := _DAYS_PER_UNIT.get(unit):
        r = add_days(d, days * amount)
    else:
        months = _MONTHS_PER_UNIT.get(unit)
        ym = add_months(d.year, d.month, months * amount) if months else None
        r = dt.date(ym[0], ym[1], min(d.day, 28)) if ym else None
    return week_value(r) if r and _MIN_YEAR <= r.isocalendar()[0] <= _MAX_YEAR else None


def _shift_month(m: re.Match, amount: int, unit: str) -> str | None:
    months = _MONTHS_PER_UNIT.get(unit)
    ym = add_months(int(m[1]), int(m[2]), months * amount) if months else None
    return f"{ym[0]:04d}-{ym[1]:02d}" if ym else None


def _shift_quarter(m: re.Match, amount: int, unit: str) -> str | None:
    months = _MONTHS_PER_UNIT.get(unit)
    if not months or months % 3:
        return None
    ym = add_months(int(m[1]), 3 * int(m[2]) - 2, months * amount)
    return f"{ym[0]:04d}-Q{(ym[1] - 1) // 3 + 1}" if ym else None


def _shift_year(m: re.Match, amount: int, unit: str) -> str | None:
    """A year, or a part of one named by a code (half, season): whole years only."""
    months = _MONTHS_PER_UNIT.get(unit)
    if not months or months % 12:
        return None
    y = int(m[1]) + months // 12 * amount
    return f"{y:04d}{m[2] or ''}" if _MIN_YEAR <= y <= _MAX_YEAR else None


def _shift_decade(m: re.Match, amount: int, unit: str) -> str | None:
    if unit not in ("decade", "century"):
        return None
    n = int(m[1]) + (10 if unit == "century" else 1) * amount
    return f"{n:03d}" if 0 <= n <= 999 else None


_SHIFTS: list[tuple[re.Pattern, Callable[[re.Match, int, str], str | None]]] = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), _shift_day),
    (re.compile(r"(\d{4})-W(\d{2})"), _shift_week),
    (re.compile(r"(\d{4})-(\d{2})"), _shift_month),
    (re.compile(r"(\d{4})-Q([1-4])"), _shift_quarter),
    (re.compile(r"(\d{4})(-(?:H[12]|SP|SU|FA|WI))?"), _shift_year),
    (re.compile(r"(\d{3})"), _shift_decade),
]


# A past-tense mention of a day a few weeks after publication is nearly always a
# deadline or a schedule ("must return by Jan. 14", "set Nov. 10 as the deadline"),
# not last year's date; measured on TimeBank/AQUAINT.
PAST_GRACE_DAYS = 60


def year_for_month_day(published: dt.date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month(-day) written without one, among the publication year and
    its neighbours.

    Past tense: the latest one not after the publication day (a month: not after its
    month), allowing PAST_GRACE_DAYS (one month) for deadlines and schedules. Future: the first one on or after
    it. Present or unknown: the nearest one. HeidelTime's news rules do the same with
    tense.
    """
    y = published.year
    cands = []
    for year in (y - 1, y, y + 1):
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            continue
        if day is None:
            cands.append((year, (year * 12 + month) - (published.year * 12 + published.month)))
            continue
        try:
            cands.append((year, (dt.date(year, month, day) - published).days))
        except ValueError:
            continue  # 29 February in a common year
    if not cands:
        return y
    if tense == "past":
        limit = 1 if day is None else PAST_GRACE_DAYS
        ok = [c for c in cands if c[1] <= limit]
        return max(ok)[0] if ok else y
    if tense == "future":
        ok = [c for c in cands if c[1] >= 0]
        return min(ok)[0] if ok else y
    return min(cands, key=lambda c: (abs(c[1]), c[0] != y))[0]
