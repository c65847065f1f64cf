"""JSON and JSON Lines exports: the stable event record, unchanged."""

import json
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
from render_samples import SEED_EVENTS

from timeline.render.json_records import render_json, render_jsonl

RECORD = {
    "id": 7,
    "type": "CONSULT",
    "mode": "meet",
    "cameo": "040",
    "date": "2023-09-13",
    "date_start": "2023-09-13",
    "date_end": "2023-09-13",
    "granularity": "day",
    "actors": [{"name": "Владимир Путин", "role": "source", "kind": "person", "country": "RUS"}],
    "location": None,
    "summary": "line one\nline two",
    "confidence": 0.9,
    "modality": "asserted",
    "n_sources": 1,
    "date_conflict": False,
    "mentions": [],
}


def test_json_is_an_indented_list_with_unicode_kept():
    assert (
        render_json([RECORD])
        == """\
[
  {
    "id": 7,
    "type": "CONSULT",
    "mode": "meet",
    "cameo": "040",
    "date": "2023-09-13",
    "date_start": "2023-09-13",
    "date_end": "2023-09-13",
    "granularity": "day",
    "actors": [
      {
        "name": "Владимир Путин",
        "role": "source",
        "kind": "person",
        "country": "RUS"
      }
    ],
    "location": null,
    "summary": "line one\\nline two",
    "confidence": 0.9,
    "modality": "asserted",
    "n_sources": 1,
    "date_conflict": false,
    "mentions": []
  }
]
"""
    )


def test_jsonl_is_one_record_per_line():
    text = render_jsonl(SEED_EVENTS)
    lines = text.splitlines()
    assert len(lines) == len(SEED_EVENTS) and text.endswith("\n")
    assert [json.loads(line) for line in lines] == SEED_EVENTS


def test_both_round_trip_the_seed_events():
    assert json.loads(render_json(SEED_EVENTS)) == SEED_EVENTS
    assert render_json([]) == "[]\n"
    assert render_jsonl([]) == ""


@given(st.text())
def test_any_summary_stays_on_one_jsonl_line(summary):
    text = render_jsonl([dict(RECORD, summary=summary)])
    assert text.count("\n") == 1
    assert json.loads(text)["summary"] == summary


def _json_values(floats):
    return st.recursive(
        st.none() | st.booleans() | st.integers(-(2**53), 2**53) | floats | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=20,
    )


# Python writes 1e-05 where orjson writes 0.00001 (both JSON): outside
# [0.0001, 1e16) the spelling of a number differs. Record numbers (confidences,
# counts, ids) are all inside.
_RECORD_FLOATS = st.just(0.0) | st.floats(min_value=1e-4, max_value=1e15) | st.floats(min_value=-1e15, max_value=-1e-4)


@given(_json_values(_RECORD_FLOATS))
def test_json_matches_the_standard_library_byte_for_byte(value):
    """orjson writes the exports; what it writes is what json.dumps(indent=2)
    wrote before, so scripts diffing old and new exports see no change."""
    expected = json.dumps([value], indent=2, ensure_ascii=False) + "\n"
    assert render_json([value]) == expected
    assert render_jsonl([value]) == json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


@given(_json_values(st.floats(allow_nan=False, allow_infinity=False)))
def test_json_reads_back_as_the_same_values(value):
    assert json.loads(render_json([value])) == [value]
    assert json.loads(render_jsonl([value])) == value


def test_text_orjson_refuses_is_still_written():
    """A lone surrogate (undecodable input kept with surrogateescape) is not
    valid UTF-8; the export falls back to the standard encoder, no traceback."""
    record = dict(RECORD, summary="bad \udcff byte")
    assert json.loads(render_json([record]))[0]["summary"] == "bad \udcff byte"
    assert json.loads(render_jsonl([record]))["summary"] == "bad \udcff byte"
