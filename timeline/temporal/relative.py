"""Event-relative expressions: apply "two days after", "the following week" to an
anchor event's date value, keeping an honest granularity.

Rules (TimeML: the offset is an ISO-8601 duration applied to the anchor's value):
- "N units after/before/later/earlier" shift the anchor by the offset and keep the
  anchor's granularity ("two days after" 2023-09-15 -> 2023-09-13 when "before");
  an offset that is not a whole number of the anchor's units ("two days after" a
  week) gives None: we will not invent a day inside a week.
- "the following/next/previous <unit>" move one unit and answer at that unit's
  granularity ("the following week" of 2023-09-15 -> 2023-W38), if the anchor is at
  least that fine.
- "the same day", "that year" return the anchor at their own granularity (a day's
  year; never a day inside a week); offsets without a size ("hours after") return
  the anchor.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from timeline.temporal import anchoring as an
from timeline.temporal.expression import TimeExpression, value_range

_ORDER = ["time", "day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century"]
_OFFSET = re.compile(r"^P(?:T?)(\d+)(D|W|M|Y|H|S)$")


def granularity_of(value: str) -> str:
    """The granularity of a TIMEX3 DATE/TIME value ("2023-W37" -> "week")."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
        return "time"
    for pattern, gran in (
        (r"\d{4}-\d{2}-\d{2}", "day"),
        (r"\d{4}-W\d{2}-WE", "weekend"),
        (r"\d{4}-W\d{2}", "week"),
        (r"\d{4}-\d{2}", "month"),
        (r"\d{4}-Q[1-4]", "quarter"),
        (r"\d{4}-H[12]", "half"),
        (r"\d{4}-(?:SP|SU|FA|WI)", "season"),
        (r"\d{4}", "year"),
        (r"\d{3}", "decade"),
        (r"\d{2}", "century"),
    ):
        if re.fullmatch(pattern, value):
            return gran
    return "none"


# The value of the period of each granularity that holds a day.
_PERIOD_OF: dict[str, Callable[[dt.date], str]] = {
    "day": an.day_value,
    "week": an.week_value,
    "month": lambda d: f"{d.year:04d}-{d.month:02d}",
    "quarter": lambda d: f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}",
    "year": lambda d: f"{d.year:04d}",
    "decade": lambda d: f"{d.year // 10:03d}",
    "century": lambda d: f"{d.year // 100:02d}",
}


def _to_granularity(value: str, gran: str) -> str | None:
    """Coarsen a value to `gran` (a day to its ISO week, month, quarter, year,
    decade or century); None when the value spans more than one such period."""
    rng = value_range(value)
    period = _PERIOD_OF.get(gran)
    if rng is None or period is None:
        return None
    first, last = period(rng[0]), period(rng[1])
    return first if first == last else None


_UNIT_OF_CODE = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_DAYS_IN = {"day": 1, "week": 7}
_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


def _shift_keeping(anchor_value: str, n: int, unit: str) -> str | None:
    """Shift by n units at the anchor's own granularity, or None if that is not exact."""
    gran = granularity_of(anchor_value)
    if gran == "time":
        anchor_value, gran = anchor_value[:10], "day"
    if gran == "day":
        return an.shift_value(anchor_value, n, unit)
    if gran == "week" and unit in ("day", "week"):
        days = n * _DAYS_IN[unit]
        return an.shift_value(anchor_value, days // 7, "week") if days % 7 == 0 else None
    if gran in _MONTHS_IN and unit in ("month", "year"):
        months = n * _MONTHS_IN[unit]
        size = _MONTHS_IN[gran]
        if months % size:
            return None
        if gran == "half":
            return an.shift_value(anchor_value, months // 12, "year") if months % 12 == 0 else None
        return an.shift_value(anchor_value, months // size, gran)
    if gran == "season" and unit == "year":
        return an.shift_value(anchor_value, n, "year")
    return None


def resolve_relative(expr: TimeExpression, anchor_value: str) -> TimeExpression:
    """Apply an event-relative expression (relation + offset) to the anchor's value.

    Returns a copy with `value`, `granularity` and `rule` filled in (value None when
    no honest answer exists); non-event expressions are returned unchanged.
    """
    if expr.anchor != "event" or not anchor_value:
        return expr
    value = _resolve(expr, anchor_value)
    gran = granularity_of(value) if value else expr.granularity
    return dataclasses.replace(
        expr,
        value=value,
        granularity=gran,
        type="DATE" if expr.type not in ("DATE", "TIME") else expr.type,
        rule=expr.rule + ("/anchored" if value else "/unresolved"),
    )


def _resolve(expr: TimeExpression, anchor_value: str) -> str | None:
    anchor_gran = granularity_of(anchor_value)
    if anchor_gran == "none":
        return None
    if expr.type == "TIME" and anchor_gran != "time":
        anchor_day = _to_granularity(anchor_value, "day")
        if anchor_day is None:
            return None
        anchor_value, anchor_gran = anchor_day, "day"
    if expr.relation == "same":
        # "that year" on 2023-09-15 is 2023; "that day" on a week is not a day we know
        target = expr.granularity
        if target == anchor_gran or target not in _ORDER:
            return anchor_value
        if target == "time" or _ORDER.index(anchor_gran) > _ORDER.index(target):
            return None
        return _to_granularity(anchor_value[:10] if anchor_gran == "time" else anchor_value, target)
    if not expr.offset:
        return anchor_value if expr.relation else None
    m = _OFFSET.match(expr.offset)
    if not m or expr.offset.startswith("PT"):
        return anchor_value if expr.offset.startswith("PT") else None  # "hours after": same day
    n, unit = int(m[1]), _UNIT_OF_CODE[m[2]]
    if expr.relation == "before":
        n = -n
    if not expr.rule.startswith(("offset-", "the-")):
        # "the following week", "the next day": one unit on, at that unit's granularity.
        target = expr.granularity if expr.granularity in _ORDER else unit
        if target == "weekend":
            return None
        if _ORDER.index(anchor_gran) > _ORDER.index(target):
            return None
        start = _to_granularity(anchor_value, "day") if anchor_gran == "time" else anchor_value
        shifted = _shift_keeping(start, n, unit) if start else None
        return _to_granularity(shifted, target) if shifted else None
    return _shift_keeping(anchor_value, n, unit)


def resolve_chain(
    relative: dict,
    anchor_of: dict,
    known: dict[object, str],
) -> tuple[dict, set]:
    """Resolve event-relative expressions whose anchors may themselves be relative.

    `relative` maps an event key to its event-relative TimeExpression, `anchor_of`
    maps it to the key of the event it is anchored on, and `known` gives the date
    values of events already dated. Chains ("the next day" after "two days after
    the summit") are followed in dependency order; events on a cycle, or hanging
    from an event with no date, stay unresolved. Returns (resolved expressions by
    key, the keys found on cycles).
    """
    resolved: dict = {}
    values = dict(known)
    on_cycle: set = set()
    state: dict = {}  # key -> "visiting" | "done"

    def visit(key) -> str | None:
        if key in values:
            return values[key]
        if key not in relative:
            return None
        if state.get(key) == "visiting":
            on_cycle.add(key)
            return None
        if state.get(key) == "done":
            return values.get(key)
        state[key] = "visiting"
        anchor_value = visit(anchor_of.get(key))
        if state.get(key) == "visiting" and key not in on_cycle and anchor_value:
            expr = resolve_relative(relative[key], anchor_value)
            if expr.value:
                values[key] = expr.value
        else:
            expr = dataclasses.replace(
                relative[key], rule=relative[key].rule + ("/cycle" if key in on_cycle else "/unresolved")
            )
        resolved[key] = expr
        state[key] = "done"
        return values.get(key)

    for key in relative:
        visit(key)
    # Everything that leads into a cycle is unresolved too, and marked so.
    return resolved, on_cycle
