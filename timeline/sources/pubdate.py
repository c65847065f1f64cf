"""Publication date of a document, in the order DESIGN.md fixes: the explicit
option, then the record's own metadata, then the HTML metadata, then the
dateline in the text. Never the file's mtime, never today's date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from .dateline import Dateline, find_dateline, parse_dateline_field

# Plausible publication years: rules out "0001-01-01" placeholders and typos like 20233.
_MIN_YEAR, _MAX_YEAR = 1800, 2200
_YEAR_ONLY = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?\s*$")
_URL_DATE = re.compile(r"/((?:18|19|20|21)\d{2})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?(?=/|-|$)")


@dataclass
class PartialDate:
    """What a metadata value told us: a full date, or only a year (and month)."""

    full: date | None = None
    year: int | None = None
    month: int | None = None


@dataclass
class PublicationDate:
    published: date | None
    source: str | None  # "option", "metadata", "html", "dateline" or None (undated)


def parse_date_value(value: object) -> PartialDate:
    """A metadata value (date, datetime, ISO-8601 or RFC 2822 string, epoch seconds) → date.

    ISO-8601 and RFC 2822 (RSS pubDate, e-mail) are read by the standard library;
    other spellings ("September 15, 2023") by dateparser, which must then find a
    day, month and year in the string itself rather than filling them from today."""
    if value is None or isinstance(value, bool):
        return PartialDate()
    if isinstance(value, datetime):
        return _checked(value.date())
    if isinstance(value, date):
        return _checked(value)
    if isinstance(value, (int, float)):
        # Epoch seconds (or milliseconds) as some news APIs export them.
        seconds = value / 1000 if value > 1e11 else value
        try:
            return _checked(datetime.fromtimestamp(seconds, tz=UTC).date())
        except (OverflowError, OSError, ValueError):
            return PartialDate()
    if not isinstance(value, str):
        return PartialDate()
    text = value.strip()
    if not text:
        return PartialDate()
    year_only = _YEAR_ONLY.match(text)
    if year_only:
        year = int(year_only.group(1))
        month = int(year_only.group(2)) if year_only.group(2) else None
        if _MIN_YEAR <= year <= _MAX_YEAR and (month is None or 1 <= month <= 12):
            return PartialDate(year=year, month=month)
        return PartialDate()
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        return _checked(datetime.fromisoformat(iso).date())
    except ValueError:
        pass
    try:
        return _checked(date.fromisoformat(text[:10]))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return _checked(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        pass
    return _checked(_dateparser(text))


def _dateparser(text: str) -> date | None:
    if len(text) > 60 or not re.search(r"\d", text):
        return None
    import dateparser  # lazy: heavy import, only for unusual spellings

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
    )
    return parsed.date() if parsed else None


def _checked(value: date | None) -> PartialDate:
    if value is None or not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return PartialDate()
    return PartialDate(full=value)


def year_from_url(url: str | None) -> PartialDate:
    """A date or year written in a URL path (/2023/09/15/...), as news sites do."""
    if not url:
        return PartialDate()
    match = _URL_DATE.search(url.split("?", 1)[0])
    if not match:
        return PartialDate()
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if month and not 1 <= month <= 12:
        return PartialDate(year=year)
    if month and day:
        try:
            return PartialDate(full=date(year, month, day))
        except ValueError:
            pass
    return PartialDate(year=year, month=month)


def resolve_publication_date(
    option: date | None,
    metadata: PartialDate | None = None,
    html: date | None = None,
    text: str = "",
    dateline_field: str | None = None,
    url: str | None = None,
) -> PublicationDate:
    """Apply the precedence option > metadata > HTML > dateline; a dateline a
    day or two from the metadata's date gives the day instead (`_local_day`).

    A dateline without a year ("MOSCOW, Sept 15 (Reuters) -") only counts when some
    metadata (a year-only date field, the URL) supplies the year; otherwise the
    document stays undated rather than guessing the year."""
    if option is not None:
        return PublicationDate(option, "option")
    metadata = metadata or PartialDate()
    line = (parse_dateline_field(dateline_field) if dateline_field else None) or find_dateline(text)
    if metadata.full is not None:
        local = _local_day(metadata.full, line)
        return PublicationDate(local, "dateline") if local else PublicationDate(metadata.full, "metadata")
    if html is not None:
        return PublicationDate(html, "html")
    if line is None or line.month is None or line.day is None:
        return PublicationDate(None, None)
    from_url = year_from_url(url)
    year = line.year or metadata.year or from_url.year or (from_url.full.year if from_url.full else None)
    if year is None:
        return PublicationDate(None, None)
    try:
        return PublicationDate(date(year, line.month, line.day), "dateline")
    except ValueError:  # Feb 29 in a non-leap year
        return PublicationDate(None, None)


# How far a wire timestamp may lie from the day its dateline names: a story filed
# late in one time zone for the next morning, or an advance for the weekend.
DATELINE_DAYS = 3


def _local_day(stamp: date, line: Dateline | None) -> date | None:
    """The day a dateline names when it differs from the metadata's `stamp` by
    at most `DATELINE_DAYS`: a wire's timestamp is the agency's clock ("filed
    1987-03-01 22:52" in New York), the dateline the day the story is written
    for and its "today" means ("BRUSSELS, March 2"). None when the dateline
    names no day, the same day, or one too far off to be this story's."""
    if line is None or line.month is None or line.day is None:
        return None
    for year in (line.year,) if line.year else (stamp.year, stamp.year - 1, stamp.year + 1):
        try:
            day = date(year, line.month, line.day)
        except ValueError:
            continue
        if day != stamp and abs((day - stamp).days) <= DATELINE_DAYS:
            return day
    return None
