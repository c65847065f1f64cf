"""find_dateline: wire-service datelines at the start of an article."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.sources.dateline import find_dateline, parse_dateline_field

CASES = [
    # text, place, region, month, day, year, agency, rest of the text after the dateline
    ("MOSCOW, Sept 15 (Reuters) - Russia said", "MOSCOW", None, 9, 15, None, "Reuters", "Russia said"),
    ("SOCHI, Russia (AP) — Putin met", "SOCHI", "Russia", None, None, None, "AP", "Putin met"),
    ("LONDON, April 11 - Britain's trade minister", "LONDON", None, 4, 11, None, None, "Britain's trade minister"),
    ("WASHINGTON — The State Department", "WASHINGTON", None, None, None, None, None, "The State Department"),
    ("NEW YORK, Feb 26 - Shares rose", "NEW YORK", None, 2, 26, None, None, "Shares rose"),
    ("KYIV, Ukraine, Sept. 15, 2023 (AP) — Drones", "KYIV", "Ukraine", 9, 15, 2023, "AP", "Drones"),
    ("ST. PETERSBURG, Russia — Leaders", "ST. PETERSBURG", "Russia", None, None, None, None, "Leaders"),
    ("BRUSSELS/LONDON, Oct 3 (Reuters) - EU", "BRUSSELS/LONDON", None, 10, 3, None, "Reuters", "EU"),
    ("  GENEVA, November 10 -- Envoys", "GENEVA", None, 11, 10, None, None, "Envoys"),
    ("NEWARK, N.J. _ A new task force", "NEWARK", "N.J.", None, None, None, None, "A new task force"),
    ("INDEPENDENCE, MO. (AP)--  Poland", "INDEPENDENCE", "MO.", None, None, None, "AP", "Poland"),
    ("SALVADOR, Feb 26", "SALVADOR", None, 2, 26, None, None, ""),  # a bare JSON Lines "dateline" field
]


@pytest.mark.parametrize("text,place,region,month,day,year,agency,rest", CASES)
def test_datelines(text, place, region, month, day, year, agency, rest):
    line = find_dateline(text)
    assert line is not None
    assert (line.place, line.region, line.month, line.day, line.year, line.agency) == (
        place,
        region,
        month,
        day,
        year,
        agency,
    )
    assert text[line.end :] == rest
    assert text[line.start :].startswith(place)


@pytest.mark.parametrize(
    "text",
    [
        "NATO leaders met on Friday in Vilnius.",
        "The US said on Friday it would respond.",
        "U.S. officials said the talks had stalled.",
        "BREAKING — Leaders meet",  # a kicker, not a place
        "Vladimir Putin met Kim Jong Un.",
        "",
        "MOSCOW is the capital of Russia.",  # capitals but no dash or agency
    ],
)
def test_not_datelines(text):
    assert find_dateline(text) is None


def test_impossible_day_keeps_place_but_drops_date():
    line = find_dateline("SOCHI, Russia, Feb 30 (AP) — Talks")
    assert (line.place, line.month, line.day) == ("SOCHI", None, None)


def test_leap_day_without_year_is_kept():
    line = find_dateline("OSLO, Feb 29 - Talks")
    assert (line.month, line.day) == (2, 29)


@given(st.text())
def test_any_text_no_exception_and_span_inside(text):
    line = find_dateline(text)
    if line is not None:
        assert 0 <= line.start < line.end <= len(text)
        assert line.place and text[line.start :].startswith(line.place)
        assert (line.month is None) == (line.day is None)
        if line.month is not None:
            assert 1 <= line.month <= 12 and 1 <= line.day <= 31


@given(
    st.sampled_from(["MOSCOW", "NEW YORK", "SAO PAULO", "BEIJING"]),
    st.sampled_from(["Jan", "Feb.", "March", "Sept", "Sept.", "Oct", "December"]),
    st.integers(1, 28),
    st.sampled_from(["Reuters", "AP", "AFP"]),
    st.text(min_size=1).filter(lambda s: s.strip()),
)
def test_generated_wire_datelines(place, month, day, agency, body):
    text = f"{place}, {month} {day} ({agency}) - {body}"
    line = find_dateline(text)
    assert (line.place, line.day, line.agency) == (place, day, agency)
    assert (
        line.month
        == ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(month[:3].lower())
        + 1
    )


@pytest.mark.parametrize(
    "field,place,region,month,day",
    [
        ("SALVADOR, Feb 26", "SALVADOR", None, 2, 26),
        ("Toronto, Feb 26", "Toronto", None, 2, 26),  # fields are not always in capitals
        ("NEW YORK, FEB 26", "NEW YORK", None, 2, 26),
        ("RICHMOND, Va. Feb 26", "RICHMOND", "Va.", 2, 26),
        ("Winnipeg, Manitoba, Feb 26", "Winnipeg", "Manitoba", 2, 26),
        ("AMSTERDAM, 2 March", "AMSTERDAM", None, 3, 2),
        ("MONTREAL, March 20, Reuter", "MONTREAL", None, 3, 20),
        ("CHICAGO, March 4,", "CHICAGO", None, 3, 4),
    ],
)
def test_dateline_fields(field, place, region, month, day):
    line = parse_dateline_field(field)
    assert (line.place, line.region, line.month, line.day, line.year) == (place, region, month, day, None)


@pytest.mark.parametrize("field", ["TOKYO", "BAGUIO, Philippines", "BOSTON, March 187", "us 7.8015", "", "March 4"])
def test_dateline_fields_without_a_usable_date(field):
    line = parse_dateline_field(field)
    assert line is None or line.month is None


@given(st.text(max_size=60))
def test_any_field_no_exception(field):
    line = parse_dateline_field(field)
    if line is not None and line.month is not None:
        assert 1 <= line.month <= 12 and 1 <= line.day <= 31
