"""Publication date: parsing metadata values and the option > metadata > HTML >
dateline precedence."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.sources.pubdate import PartialDate, parse_date_value, resolve_publication_date, year_from_url


@pytest.mark.parametrize(
    "value,expected",
    [
        ("1987-02-26T15:01:01.79", date(1987, 2, 26)),  # Reuters-21578 <DATE>
        ("2023-09-15", date(2023, 9, 15)),
        ("2023-09-15T10:00:00Z", date(2023, 9, 15)),
        ("2023-09-15T23:30:00-05:00", date(2023, 9, 15)),  # the date as the publisher wrote it
        ("Fri, 15 Sep 2023 10:00:00 GMT", date(2023, 9, 15)),  # RFC 2822 (RSS pubDate)
        ("September 15, 2023", date(2023, 9, 15)),
        ("15 September 2023", date(2023, 9, 15)),
        (date(2023, 9, 15), date(2023, 9, 15)),  # YAML front matter gives dates
        (datetime(2023, 9, 15, 12, 0), date(2023, 9, 15)),
        (int(datetime(2023, 9, 15, 12, tzinfo=UTC).timestamp()), date(2023, 9, 15)),
    ],
)
def test_full_dates(value, expected):
    assert parse_date_value(value) == PartialDate(full=expected)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023", PartialDate(year=2023)),
        ("2023-09", PartialDate(year=2023, month=9)),
        ("Sept 15", PartialDate()),  # no year: never filled in from today
        ("Friday", PartialDate()),
        ("yesterday", PartialDate()),
        ("0001-01-01", PartialDate()),
        ("not a date", PartialDate()),
        ("", PartialDate()),
        (None, PartialDate()),
        (True, PartialDate()),
        ({"date": "2023-09-15"}, PartialDate()),
    ],
)
def test_partial_or_no_dates(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://x.example/world/2023/09/15/talks", PartialDate(full=date(2023, 9, 15))),
        ("https://x.example/2023/09/talks", PartialDate(year=2023, month=9)),
        ("https://x.example/news/2023/talks", PartialDate(year=2023)),
        ("https://x.example/news/talks-12345", PartialDate()),
        (None, PartialDate()),
    ],
)
def test_year_from_url(url, expected):
    assert year_from_url(url) == expected


DATELINE = "MOSCOW, Sept 15 (Reuters) - The Kremlin said."


@pytest.mark.parametrize(
    "option,metadata,html,text,url,expected",
    [
        (
            date(2020, 1, 1),
            PartialDate(full=date(2023, 9, 15)),
            date(2023, 9, 14),
            DATELINE,
            None,
            (date(2020, 1, 1), "option"),
        ),
        (None, PartialDate(full=date(2023, 9, 15)), date(2023, 9, 14), DATELINE, None, (date(2023, 9, 15), "metadata")),
        (None, PartialDate(), date(2023, 9, 14), DATELINE, None, (date(2023, 9, 14), "html")),
        (None, PartialDate(year=2023), None, DATELINE, None, (date(2023, 9, 15), "dateline")),
        (None, PartialDate(), None, DATELINE, "https://x.example/2023/kremlin", (date(2023, 9, 15), "dateline")),
        (None, PartialDate(), None, DATELINE, None, (None, None)),  # no year anywhere: undated
        (None, PartialDate(), None, "KYIV, Sept. 15, 2023 (AP) — Drones.", None, (date(2023, 9, 15), "dateline")),
        (None, PartialDate(), None, "Officials met on Friday.", None, (None, None)),
        (None, PartialDate(year=2023), None, "OSLO, Feb 29 - Talks.", None, (None, None)),  # no Feb 29 in 2023
        # a wire timestamp in the agency's clock, the dateline the story's own day:
        # filed late for the next morning, an advance for the weekend, across a new year
        (
            None,
            PartialDate(full=date(1987, 3, 1)),
            None,
            "BRUSSELS, March 2 - Talks today.",
            None,
            (date(1987, 3, 2), "dateline"),
        ),
        (
            None,
            PartialDate(full=date(1987, 4, 3)),
            None,
            "WASHINGTON, April 5 - Talks.",
            None,
            (date(1987, 4, 5), "dateline"),
        ),
        (
            None,
            PartialDate(full=date(2023, 12, 31)),
            None,
            "TOKYO, Jan 1 (Reuters) - Talks.",
            None,
            (date(2024, 1, 1), "dateline"),
        ),
        # ... but a dateline days away from the timestamp is not this story's day
        (
            None,
            PartialDate(full=date(2023, 9, 5)),
            None,
            "OSLO, Sept 15 - Talks.",
            None,
            (date(2023, 9, 5), "metadata"),
        ),
    ],
)
def test_precedence(option, metadata, html, text, url, expected):
    result = resolve_publication_date(option, metadata, html, text, url=url)
    assert (result.published, result.source) == expected


def test_dateline_field_is_used_before_text():
    result = resolve_publication_date(
        None, PartialDate(year=1987), None, "Text without a dateline.", dateline_field="SALVADOR, Feb 26"
    )
    assert (result.published, result.source) == (date(1987, 2, 26), "dateline")


# deadline=None: the first dateparser call pays its import (~0.5 s).
@settings(deadline=None)
@given(st.text(max_size=80))
def test_any_string_no_exception(value):
    parsed = parse_date_value(value)
    if parsed.full is not None:
        assert 1800 <= parsed.full.year <= 2200


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
def test_iso_dates_round_trip(value):
    assert parse_date_value(value.isoformat()).full == value
