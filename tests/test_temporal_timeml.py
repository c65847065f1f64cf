"""Reading TempEval-3 TimeML and writing our TIMEX3 tags back into <TEXT>."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from timeline.temporal import find_time_expressions
from timeline.temporal.timeml import (
    TimeMLError,
    looks_like_timeml,
    read_timeml,
    timeml_expressions,
    wrap_plain_text,
    write_timeml,
)

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>
<TEXT>
Profit rose in the <TIMEX3 tid="t1" type="DATE" value="1989-Q3">third quarter</TIMEX3> &amp; sales fell
<EVENT eid="e1">yesterday</EVENT>. A year earlier, profit was flat. Talks lasted two days after the vote.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1"/>
</TimeML>
"""


def test_read_timeml_strips_tags_and_unescapes():
    doc = read_timeml(DOC)
    assert doc.dct == dt.date(1989, 10, 26)
    assert "third quarter & sales fell\nyesterday." in doc.text
    assert "<" not in doc.text


def test_read_timeml_needs_a_text_element():
    with pytest.raises(TimeMLError):
        read_timeml("<TimeML><DCT></DCT></TimeML>")


def test_looks_like_timeml():
    assert looks_like_timeml(DOC)
    assert not looks_like_timeml("Putin met Kim on <b>Friday</b>.")


def test_write_timeml_keeps_the_text_and_the_rest_of_the_document():
    doc = read_timeml(DOC)
    out = write_timeml(doc, timeml_expressions(find_time_expressions(doc.text, doc.dct), doc.dct))
    before, rest = out.split("<TEXT>", 1)
    inner, after = rest.split("</TEXT>", 1)
    assert before == DOC.split("<TEXT>", 1)[0]
    assert after == DOC.split("</TEXT>", 1)[1]
    assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == doc.text
    tags = re.findall(r'<TIMEX3 tid="(t\d+)" type="(\w+)" value="([^"]*)"[^>]*>([^<]*)</TIMEX3>', inner)
    assert [(t[1], t[2], t[3]) for t in tags] == [
        ("DATE", "1989-Q3", "the third quarter"),
        ("DATE", "1989-10-25", "yesterday"),
        ("DATE", "1988-10-25", "A year earlier"),  # anchored on the last date named
        ("DURATION", "P2D", "two days"),  # "after" is a TimeML SIGNAL
    ]
    assert len({t[0] for t in tags}) == len(tags)


def test_year_ranges_are_tagged_year_by_year():
    text = "Sales doubled between 1990 and 1995."
    exprs = timeml_expressions(find_time_expressions(text, None), None)
    assert [(e.text, e.value) for e in exprs] == [("1990", "1990"), ("1995", "1995")]


@pytest.mark.parametrize(
    "text, tagged",
    [
        ("Three days later, the index was down 6%.", ("Three days", "DURATION", "P3D")),
        ("A day earlier, trucks streamed north.", ("A day", "DURATION", "P1D")),
        ("Just an hour later, he was declared dead.", ("an hour", "DURATION", "PT1H")),
        ("Eight trading days after Oct. 12, the index had fallen.", ("Eight trading days", "DURATION", "P8D")),
    ],
)
def test_offsets_by_days_and_hours_are_tagged_as_durations(text, tagged):
    """TimeBank tags "three days later" as the duration "three days", the adverb
    being a SIGNAL, as it does "two days after"."""
    exprs = timeml_expressions(find_time_expressions(text, dt.date(1989, 10, 30)), dt.date(1989, 10, 30))
    assert (exprs[0].text, exprs[0].type, exprs[0].value) == tagged


def test_a_day_in_a_named_month_has_an_unknown_day():
    text = "Slepian was shot last October. His name was crossed out that same day."
    exprs = timeml_expressions(find_time_expressions(text, dt.date(1999, 2, 6)), dt.date(1999, 2, 6))
    assert [(e.text, e.value) for e in exprs] == [("last October", "1998-10"), ("that same day", "1998-10-XX")]


def test_a_year_earlier_stays_a_date():
    text = "Profit rose in the third quarter, up from $5 million a year earlier."
    exprs = timeml_expressions(find_time_expressions(text, dt.date(1989, 10, 26)), dt.date(1989, 10, 26))
    assert [(e.text, e.type) for e in exprs][-1] == ("a year earlier", "DATE")


def test_wrap_plain_text_uses_the_publication_date_as_dct():
    text = "They met on Friday & talked."
    out = wrap_plain_text(text, dt.date(2023, 9, 15), find_time_expressions(text, dt.date(2023, 9, 15)))
    doc = read_timeml(out)
    assert doc.dct == dt.date(2023, 9, 15) and doc.text == text
    assert '<TIMEX3 tid="t1" type="DATE" value="2023-09-15">Friday</TIMEX3>' in out


def _timeml(text, dct):
    day = dt.date.fromisoformat(dct) if dct else None
    return [(e.text, e.type, e.value) for e in timeml_expressions(find_time_expressions(text, day), day)]


# --- durations are not anchored dates (issue 12, item 7) ---
@pytest.mark.parametrize(
    "text, dct, tagged",
    [
        ("Spending will double over the next decade.", "2023-09-15", [("the next decade", "DURATION", "P10Y")]),
        ("Emissions fell throughout the past decade.", "1998-03-02", [("the past decade", "DURATION", "P10Y")]),
        ("The city has stood for the last century.", "1989-10-26", [("the last century", "DURATION", "P100Y")]),
        # without a preposition of extent, a calendar decade
        ("The last decade was calm.", "1998-03-02", [("The last decade", "DATE", "198")]),
    ],
)
def test_a_stretch_of_decades_is_a_duration(text, dct, tagged):
    assert _timeml(text, dct) == tagged


@pytest.mark.parametrize(
    "text, dct, tagged",
    [
        # anchored on the last date named, or on the DCT
        ("Prices fell in 1988. The following decade was calm.", "1998-05-03", ("The following decade", "199")),
        ("The 1960s were hard; the following decade was calm.", "1998-05-03", ("the following decade", "197")),
        ("The following decade was calm.", "1998-05-03", ("The following decade", "200")),
        ("The previous century was calm.", "2023-09-15", ("The previous century", "19")),
        # no date anywhere: an unknown decade, never an empty value
        ("The following decade was calm.", None, ("The following decade", "XXX")),
        ("The next day, talks resumed.", None, ("The next day", "XXXX-XX-XX")),
    ],
)
def test_an_event_relative_unit_always_has_a_value(text, dct, tagged):
    phrase, kind, value = _timeml(text, dct)[-1]
    assert (phrase, value) == tagged and kind == "DATE"


@pytest.mark.parametrize(
    "text, dct, tagged",
    [
        (
            "Ten years from now the port will be twice as big.",
            "2023-09-15",
            [("Ten years", "DURATION", "P10Y"), ("now", "DATE", "PRESENT_REF")],
        ),
        (
            "The treaty expires two weeks from now.",
            "1998-03-02",
            [("two weeks", "DURATION", "P2W"), ("now", "DATE", "PRESENT_REF")],
        ),
        (
            "A year from now, they will vote again.",
            "1989-10-26",
            [("A year", "DURATION", "P1Y"), ("now", "DATE", "PRESENT_REF")],
        ),
    ],
)
def test_units_from_now_are_a_duration_and_now(text, dct, tagged):
    assert _timeml(text, dct) == tagged


def test_units_from_now_still_date_an_event():
    [e] = find_time_expressions("Ten years from now the port will be twice as big.", dt.date(2023, 9, 15))
    assert (e.text, e.value) == ("Ten years from now", "2033")


@pytest.mark.parametrize(
    "text, tagged",
    [
        ("Minutes later, the bomb exploded.", ("Minutes", "DURATION", "PTXM")),
        ("Hours after the vote, the minister resigned.", ("Hours", "DURATION", "PTXH")),
        ("Days later, the envoys returned.", ("Days", "DURATION", "PXD")),
        ("The crowd dispersed within minutes.", ("minutes", "DURATION", "PTXM")),
    ],
)
def test_vague_counts_of_time_units(text, tagged):
    """TIMEX3 writes an unknown count of minutes as PTXM: T before the count."""
    assert _timeml(text, "2023-09-15") == [tagged]


@pytest.mark.parametrize(
    "text, tagged",
    [
        ("The 1984-85 season ended in a strike.", [("1984", "DATE", "1984"), ("85", "DATE", "1985")]),
        ("Exports fell in 1998-99 and recovered.", [("1998", "DATE", "1998"), ("99", "DATE", "1999")]),
        ("The 1999-2001 drought ruined farmers.", [("1999", "DATE", "1999"), ("2001", "DATE", "2001")]),
    ],
)
def test_a_year_range_tags_both_years(text, tagged):
    assert _timeml(text, "2023-09-15") == tagged


@pytest.mark.parametrize(
    "text, tagged",
    [
        ("Repairs take between 3 and 5 weeks.", ("3 and 5 weeks", "DURATION", "PXW")),
        ("The talks lasted between two and four hours.", ("two and four hours", "DURATION", "PTXH")),
        ("Visas are issued in between 10 and 20 days.", ("10 and 20 days", "DURATION", "PXD")),
    ],
)
def test_a_duration_between_two_counts_has_an_unknown_count(text, tagged):
    assert _timeml(text, "2023-09-15") == [tagged]


@pytest.mark.parametrize(
    "text, tagged",
    [
        (
            "She won the marathon in 2:24:09 on Sunday.",
            [("2:24:09", "DURATION", "PT2H24M9S"), ("Sunday", "DATE", "2023-09-10")],
        ),
        ("He finished the stage in 4:12:09, a record.", [("4:12:09", "DURATION", "PT4H12M9S")]),
        ("The winner ran 1:05:00 flat.", [("1:05:00", "DURATION", "PT1H5M")]),
        # a clock word or "at": a time of day
        ("The quake struck at 10:35:12 a.m.", [("10:35:12 a.m.", "TIME", "2023-09-15T10:35")]),
        ("The signal came at 22:10:05 GMT.", [("22:10:05 GMT", "TIME", "2023-09-15T22:10")]),
    ],
)
def test_hours_minutes_and_seconds(text, tagged):
    assert _timeml(text, "2023-09-15") == tagged
