"""The news dateline at the start of an article ("MOSCOW, Sept 15 (Reuters) -",
"SOCHI, Russia (AP) —", "WASHINGTON — "): place, month/day/year if written, the
agency, and its character span, so the text's own date can back up metadata.
Hand-written patterns follow the AP and Reuters dateline styles; no maintained
library parses datelines, and dateparser would guess the missing year."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass


@dataclass
class Dateline:
    place: str
    month: int | None
    day: int | None
    year: int | None
    start: int
    end: int
    agency: str | None
    # "Russia" in "SOCHI, Russia (AP) —"; a state, country or region after the city.
    region: str | None = None


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Wire-style month spellings: full names, three-letter and AP abbreviations ("Sept.").
_MONTH = (
    r"(?P<month>(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?)"
)
# The place is in capitals in every wire style (AP Stylebook, Reuters): "NEW YORK",
# "ST. PETERSBURG", "BRUSSELS/LONDON", "SÃO PAULO", "WASHINGTON, D.C.".
_PLACE = r"(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ.'’\-]*(?:[ /][A-ZÀ-Þ][A-ZÀ-Þ.'’\-]*){0,3}(?:,\s*D\.C\.)?)"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2}))"
_DATE = r"(?:,?\s+" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?)"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z.&\- ]{0,30})\))"
# Old AP/NYT wire copy writes the dash as a spaced underscore ("MIAMI _ The ...").
_DASH = r"(?:\s*(?:--|[-–—]|_(?=\s)))"

_DATELINE = re.compile(
    r"\s*" + _PLACE + r"(?:" + _REGION + r"(?=,|\s*\(|\s*[-–—_]|\s*$))?" + _DATE + r"?" + _AGENCY + r"?",
)
_TERMINATOR = re.compile(_DASH + r"\s*")

# Capitalised kickers that open a text the way a place would but are not places.
_NOT_PLACES = {
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "WATCH",
    "LIVE",
    "EDITORIAL",
    "COMMENT",
    "NOTE",
    "CORRECTION",
    "REFILE",
    "URGENT",
    "FLASH",
    "FACTBOX",
    "EXPLAINER",
    "PHOTOS",
    "VIDEO",
    "PODCAST",
    "A",
    "I",
    "THE",
    "NEW",
}


_FIELD_DATE = re.compile(
    r"(?:"
    + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<day2>\d{1,2})\s+"
    + _MONTH.replace("month", "month2")
    + r")(?:,?\s+(?P<year>\d{4}))?\s*$"
)


_FIELD_TAIL = re.compile(r"(?:[,\s]+\(?(?:reuters?|ap|afp|upi)\)?)?[,.\s]*$", re.IGNORECASE)


def dateline_place(text: str, field_value: object = None) -> str | None:
    """The place of an article's dateline, as written ("ABU DHABI"): from its
    dateline field when it has one (a corpus's "dateline"), else from the
    start of its text; None when there is no dateline."""
    line = parse_dateline_field(field_value) if isinstance(field_value, str) else find_dateline(text)
    return line.place if line is not None and line.place else None


def parse_dateline_field(value: str) -> Dateline | None:
    """A dateline given on its own, as corpora store it ("SALVADOR, Feb 26",
    "Toronto, FEB 26", "RICHMOND, Va. Feb 26", "AMSTERDAM, 2 March").

    Knowing the string is a dateline, this accepts any capitalisation and
    day-first dates that find_dateline, reading running text, must refuse."""
    strict = find_dateline(value)
    if strict is not None and strict.month is not None:
        return strict
    # Wire copy often ends the field with the agency or stray punctuation ("..., Reuter").
    trimmed = _FIELD_TAIL.sub("", value)
    match = _FIELD_DATE.search(trimmed)
    if not match:
        return None
    place = trimmed[: match.start()].strip(" ,")
    if not place:
        return None
    month_name = match.group("month") or match.group("month2")
    month = _MONTHS[month_name[:3].lower()]
    day = int(match.group("day") or match.group("day2"))
    year = int(match.group("year")) if match.group("year") else None
    if not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None
    city, _, region = place.partition(",")
    return Dateline(city.strip(), month, day, year, 0, len(value), None, region.strip() or None)


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the very start of `text`, or None.

    In running text a dateline must end in a dash or carry an agency in brackets,
    so a capitalised first word is not mistaken for one; a string that is only a
    dateline (a JSON Lines "dateline" field such as "SALVADOR, Feb 26") is accepted
    as it is."""
    match = _DATELINE.match(text)
    if not match:
        return None
    place = match.group("place").strip(" ,")
    letters = re.sub(r"[^A-Za-zÀ-Þ]", "", place)
    if len(letters) < 2 or place in _NOT_PLACES:
        return None
    end = match.end()
    terminator = _TERMINATOR.match(text, end)
    if terminator:
        end = terminator.end()
    elif text[end:].strip():
        if not match.group("agency"):
            return None
    month = day = year = None
    if match.group("month"):
        month = _MONTHS[match.group("month")[:3].lower()]
        day = int(match.group("day"))
        year = int(match.group("year")) if match.group("year") else None
        # Leap year 2000 when the year is unknown, so "Feb 29" stays possible.
        if not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
            month = day = year = None
    return Dateline(
        place=place,
        month=month,
        day=day,
        year=year,
        start=match.start("place"),
        end=end,
        agency=match.group("agency"),
        region=match.group("region"),
    )
