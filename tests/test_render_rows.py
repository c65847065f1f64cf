"""Listings that are not events: table, JSON, JSON Lines and CSV."""

import csv
import io
import json

import pytest

from timeline.render.rows import render_rows

ROWS = [
    {"name": "Vladimir Putin", "kind": "person", "aliases": ["Putin", "the Russian president"]},
    {"name": "Belarus", "kind": "country", "aliases": None},
]
COLUMNS = ["name", "kind", "aliases"]


def test_json_and_jsonl_keep_lists():
    assert json.loads(render_rows(ROWS, "json", COLUMNS)) == ROWS
    assert [json.loads(line) for line in render_rows(ROWS, "jsonl", COLUMNS).splitlines()] == ROWS


def test_csv_round_trips_with_joined_lists_and_optional_bom():
    text = render_rows(ROWS, "csv", COLUMNS, bom=True)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows == [
        {"name": "Vladimir Putin", "kind": "person", "aliases": "Putin; the Russian president"},
        {"name": "Belarus", "kind": "country", "aliases": ""},
    ]


def test_table_shows_every_row():
    text = render_rows(ROWS, "table", COLUMNS, width=100)
    assert "Vladimir Putin" in text and "Belarus" in text and "aliases" in text


def test_event_only_formats_are_refused():
    with pytest.raises(ValueError, match="format ics is for events"):
        render_rows(ROWS, "ics", COLUMNS)
