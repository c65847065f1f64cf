"""TimelineJS3 export: valid against the documented JSON format, dates no
more precise than the event's granularity, event text escaped as HTML."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from render_samples import SEED_EVENTS, SEED_URL

from timeline.render.timelinejs import render_timelinejs

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed (pip install -e .[test])")

# TimelineJS3's documented JSON format (timeline.knightlab.com, "JSON format"):
# a document with events (slides) and an optional title slide; a date object
# has a required numeric year and optional month/day/...; a slide has only the
# documented properties.
_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "hour": {"type": "integer", "minimum": 0, "maximum": 23},
        "minute": {"type": "integer", "minimum": 0, "maximum": 59},
        "second": {"type": "integer", "minimum": 0, "maximum": 59},
        "millisecond": {"type": "integer", "minimum": 0, "maximum": 999},
        "display_date": {"type": "string"},
    },
    "dependentRequired": {"day": ["month"], "month": ["year"]},
    "additionalProperties": False,
}
_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
_SLIDE_PROPERTIES = {
    "start_date": _DATE,
    "end_date": _DATE,
    "text": _TEXT,
    "media": {"type": "object"},
    "group": {"type": "string"},
    "display_date": {"type": "string"},
    "background": {"type": "object"},
    "autolink": {"type": "boolean"},
    "unique_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
}
TIMELINEJS3_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": _SLIDE_PROPERTIES, "additionalProperties": False},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "properties": _SLIDE_PROPERTIES,
                "additionalProperties": False,
            },
        },
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}

SOURCE_ITEM = f'<ul><li><a href="{SEED_URL}">POLITICO: Putin hosts Lukashenko after Kim summit</a></li></ul>'


def _document(events, **kwargs):
    document = json.loads(render_timelinejs(events, **kwargs))
    jsonschema.validate(document, TIMELINEJS3_SCHEMA)
    return document


def test_the_schema_can_fail():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"events": [{"start_date": {"month": 9}}]}, TIMELINEJS3_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"events": [{"start_date": {"year": 2023, "day": 3}}]}, TIMELINEJS3_SCHEMA)


def test_seed_document():
    document = _document(SEED_EVENTS, title="Seed")
    assert document["title"] == {"text": {"headline": "Seed", "text": "4 dated diplomatic events (1 undated left out)"}}
    assert document["events"][0] == {
        "start_date": {"year": 2023, "month": 9, "day": 13},
        "display_date": "2023-09-13",
        "text": {
            "headline": "Putin met Kim Jong Un at the Vostochny Cosmodrome",
            "text": "<p>Putin met Kim Jong Un at the Vostochny Cosmodrome</p>"
            "<p><b>Type:</b> CONSULT/meet</p>"
            "<p><b>Actors:</b> Vladimir Putin, Kim Jong Un</p>"
            "<p><b>Place:</b> Vostochny Cosmodrome (RUS)</p>"
            "<p><b>Sources:</b></p>" + SOURCE_ITEM,
        },
        "group": "Vladimir Putin",
        "unique_id": "event-1",
    }
    assert document["events"][3] == {
        "start_date": {"year": 2023, "month": 9, "day": 11},
        "end_date": {"year": 2023, "month": 9, "day": 17},
        "display_date": "2023-W37 (week)",
        "text": {
            "headline": "The European Parliament called Lukashenko &quot;an accomplice&quot;",
            "text": "<p>The European Parliament called Lukashenko &quot;an accomplice&quot;</p>"
            "<p><b>Type:</b> ACCUSE/disapprove</p>"
            "<p><b>Actors:</b> European Parliament, Alexander Lukashenko</p>"
            "<p><b>Sources:</b></p>" + SOURCE_ITEM,
        },
        "group": "European Parliament",
        "unique_id": "event-4",
    }
    assert [slide["unique_id"] for slide in document["events"]] == ["event-1", "event-2", "event-3", "event-4"]


@pytest.mark.parametrize(
    ("date", "granularity", "start", "end"),
    [
        ("2023-09-15", "day", {"year": 2023, "month": 9, "day": 15}, None),
        ("2023-W37", "week", {"year": 2023, "month": 9, "day": 11}, {"year": 2023, "month": 9, "day": 17}),
        ("2023-09", "month", {"year": 2023, "month": 9}, None),
        ("2023-Q3", "quarter", {"year": 2023, "month": 7}, {"year": 2023, "month": 9}),
        ("2023-WI", "season", {"year": 2023, "month": 12}, {"year": 2024, "month": 2}),
        ("2023", "year", {"year": 2023}, None),
        ("201", "decade", {"year": 2010}, {"year": 2019}),
    ],
)
def test_dates_are_no_more_precise_than_known(date, granularity, start, end):
    event = dict(SEED_EVENTS[0], date=date, granularity=granularity, date_start=None, date_end=None)
    (slide,) = _document([event])["events"]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end


def test_undated_events_are_left_out():
    assert _document([SEED_EVENTS[4]])["events"] == []


def test_hostile_text_is_escaped_and_script_links_dropped():
    hostile = dict(
        SEED_EVENTS[0],
        summary='<img src=x onerror="alert(1)">',
        actors=[{"name": "<script>alert(2)</script>", "role": "source", "kind": "person", "country": None}],
        mentions=[{"url": "javascript:alert(3)", "title": "<b>t</b>", "publisher": None}],
    )
    (slide,) = _document([hostile])["events"]
    assert slide["text"]["headline"] == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert "<script" not in slide["text"]["text"] and "<img" not in slide["text"]["text"]
    assert "javascript:" not in slide["text"]["text"]
    assert slide["text"]["text"].endswith("<ul><li>&lt;b&gt;t&lt;/b&gt;</li></ul>")
    # TimelineJS sets the group label with innerHTML
    assert slide["group"] == "&lt;script&gt;alert(2)&lt;/script&gt;"


def test_long_summaries_make_short_headlines():
    (slide,) = _document([dict(SEED_EVENTS[0], summary="word " * 60)])["events"]
    assert len(slide["text"]["headline"]) == 120 and slide["text"]["headline"].endswith("…")


def test_unique_ids_are_fragment_safe():
    (slide,) = _document([dict(SEED_EVENTS[0], id="a b/#1")])["events"]
    assert slide["unique_id"] == "event-a-b--1"
