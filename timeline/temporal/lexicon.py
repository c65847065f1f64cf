"""English words for calendar units, months, weekdays, seasons and small numbers.

Each table maps a lower-case word to what it means in TIMEX3 terms, and each
`*_RE` string is a regex alternation built from the table (longest first).
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
# Full weekday names only in running text: "Sun", "Sat", "Wed" are too often words.
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# TIMEX3 season codes (TimeML annotation guidelines 1.2.1, section 2.2).
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# Part-of-day codes used in TIMEX3 TIME values ("1998-08-07TMO").
DAY_PARTS = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "noon": "12:00",
    "midnight": "24:00",
}

# Unit word -> (ISO-8601 duration designator, is a time-of-day unit, granularity)
UNITS = {
    "second": ("S", True, "time"),
    "minute": ("M", True, "time"),
    "hour": ("H", True, "time"),
    "day": ("D", False, "day"),
    "week": ("W", False, "week"),
    "weekend": ("WE", False, "weekend"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}
UNIT_PLURALS = {
    "centuries": "century",
    "days": "day",
    "weeks": "week",
    "months": "month",
    "years": "year",
    "hours": "hour",
    "minutes": "minute",
    "seconds": "second",
    "decades": "decade",
    "quarters": "quarter",
    "weekends": "weekend",
}

# The number words, the one list of them in the package: cardinals by value.
CARDINALS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
ONES = {w: n for w, n in CARDINALS.items() if n < 10}
TEENS = {w: n for w, n in CARDINALS.items() if 10 <= n < 20}
TENS = {w: n for w, n in CARDINALS.items() if 20 <= n < 100}
# Quantities a duration may start with: the cardinals, "a"/"an", and phrases.
NUMBERS: dict[str, float] = {
    "a": 1,
    "an": 1,
    **CARDINALS,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "a half": 0.5,
    "half an": 0.5,
    "a couple of": 2,
    "couple of": 2,
}
# Vague quantities: TIMEX3 writes an unknown count as "X" ("PXY").
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "the past few", "a number of")

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

# Holidays with a fixed calendar day (month, day).
HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year's": (1, 1),
    "independence day": (7, 4),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "bastille day": (7, 14),
    "boxing day": (12, 26),
    "may day": (5, 1),
}


def alternation(words) -> str:
    """A regex alternation of the words, longest first so that 'sept' beats 'sep'."""
    ws = sorted(set(words), key=len, reverse=True)
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+").replace("'", "['\u2019]") for w in ws)


# Full month names take no period; abbreviations may ("Sept.", "Sept").
MONTH_RE = (
    "(?:"
    + alternation(k for k in MONTHS if len(k) > 4 or k in ("may", "june", "july"))
    + ")|(?:"
    + alternation(k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july"))
    + r")\.?"
)
WEEKDAY_RE = alternation(WEEKDAY_NAMES)
SEASON_RE = alternation(SEASONS)
UNIT_RE = alternation(list(UNITS) + list(UNIT_PLURALS))
NUMBER_WORD_RE = alternation(k for k in NUMBERS if k not in ("a", "an"))
TENS_RE = alternation(TENS)
ONES_RE = alternation(ONES)
VAGUE_RE = alternation(VAGUE_NUMBERS)
ORDINAL_RE = alternation(ORDINALS)
HOLIDAY_RE = alternation(HOLIDAYS)


def number_value(word: str) -> float | None:
    """The value of a number written in digits or words ("24", "twenty-four", "a",
    "2 1/2", "two and a half"); None if vague."""
    w = " ".join(word.lower().replace(",", "").split())
    if half := re.fullmatch(r"(.+?)(?:\s+1/2|\s+and\s+a\s+half)", w):
        whole = number_value(half.group(1))
        return whole + 0.5 if whole is not None else None
    if w.replace(".", "", 1).isdigit():
        return float(w) if "." in w else int(w)
    if w in NUMBERS:
        return NUMBERS[w]
    parts = w.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def unit_of(word: str) -> str:
    """The singular unit name of a unit word ("weeks" -> "week")."""
    w = word.lower()
    return UNIT_PLURALS.get(w, w)
