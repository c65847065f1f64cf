"""CSV export: one row per event, lists joined, round-trips through csv.DictReader."""

import csv
import io
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from render_samples import SEED_EVENTS, SEED_URL

from timeline.render.csv_records import COLUMNS, render_csv

SEED_CSV = (
    "id,date,granularity,date_start,date_end,date_conflict,type,mode,cameo,actors,location,country,"
    "summary,modality,confidence,n_sources,sources\r\n"
    f"1,2023-09-13,day,2023-09-13,2023-09-13,,CONSULT,meet,040,Vladimir Putin; Kim Jong Un,"
    f"Vostochny Cosmodrome,RUS,Putin met Kim Jong Un at the Vostochny Cosmodrome,asserted,0.9,1,{SEED_URL}\r\n"
    f"2,2023-09-15,day,2023-09-15,2023-09-15,,CONSULT,meet,040,Vladimir Putin; Alexander Lukashenko,"
    f"Sochi,RUS,Putin met Lukashenko in Sochi,asserted,0.9,1,{SEED_URL}\r\n"
    f"3,2023-09-15,day,2023-09-15,2023-09-15,,REQUEST,propose,036,Alexander Lukashenko; Kim Jong Un,"
    f"Sochi,RUS,Lukashenko proposed a trilateral partnership with North Korea,asserted,0.8,1,{SEED_URL}\r\n"
    f"4,2023-W37,week,2023-09-11,2023-09-17,,ACCUSE,disapprove,112,European Parliament; Alexander Lukashenko,"
    f',,"The European Parliament called Lukashenko ""an accomplice""",asserted,0.7,1,{SEED_URL}\r\n'
    f"5,,none,,,,STATEMENT,comment,010,Dmitry Peskov,,,Peskov said the talks were productive,asserted,0.6,1,{SEED_URL}\r\n"
)


def test_seed_events_as_csv():
    assert render_csv(SEED_EVENTS) == SEED_CSV


def test_bom_only_when_asked():
    assert render_csv(SEED_EVENTS, bom=True) == "\ufeff" + SEED_CSV
    # utf-8-sig is how Python (and spreadsheet programs) read a BOM file
    decoded = render_csv(SEED_EVENTS, bom=True).encode("utf-8").decode("utf-8-sig")
    assert decoded == SEED_CSV


def test_round_trip_through_dictreader():
    rows = list(csv.DictReader(io.StringIO(render_csv(SEED_EVENTS), newline="")))
    assert [row["id"] for row in rows] == ["1", "2", "3", "4", "5"]
    assert list(rows[0]) == list(COLUMNS)
    for row, event in zip(rows, SEED_EVENTS):
        assert row["summary"] == event["summary"]
        assert row["actors"].split("; ") == [actor["name"] for actor in event["actors"]]
        assert row["sources"].split(" ") == [m["url"] for m in event["mentions"]]
        assert row["date"] == (event["date"] or "")
        assert row["cameo"] == event["cameo"]


def test_many_sources_one_row():
    event = dict(
        SEED_EVENTS[0],
        n_sources=3,
        mentions=[
            {"url": "https://a.example/1"},
            {"url": "https://b.example/2"},
            {"url": "https://a.example/1"},
            {"url": None},
        ],
    )
    (row,) = csv.DictReader(io.StringIO(render_csv([event]), newline=""))
    assert row["sources"] == "https://a.example/1 https://b.example/2"
    assert row["n_sources"] == "3"


@pytest.mark.parametrize(
    ("summary", "cell"),
    [
        ('=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'),
        ("+1 more", "'+1 more"),
        ("-5% growth", "'-5% growth"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Putin met Kim", "Putin met Kim"),
    ],
)
def test_formula_like_text_is_neutralised(summary, cell):
    (row,) = csv.DictReader(io.StringIO(render_csv([dict(SEED_EVENTS[0], summary=summary)]), newline=""))
    assert row["summary"] == cell


_safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60).filter(
    lambda s: not s.startswith(("=", "+", "-", "@", "\t", "\r"))
)


@given(
    summary=_safe_text,
    names=st.lists(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=";"), min_size=1, max_size=20)
        .map(str.strip)
        .filter(lambda s: s and not s.startswith(("=", "+", "-", "@"))),
        min_size=1,
        max_size=4,
    ),
)
def test_any_text_round_trips(summary, names):
    event = dict(SEED_EVENTS[0], summary=summary, actors=[{"name": n} for n in names])
    (row,) = csv.DictReader(io.StringIO(render_csv([event]), newline=""))
    assert row["summary"] == summary
    assert row["actors"].split("; ") == names
