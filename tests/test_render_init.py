"""`render(fmt, events, ...)`: one entry point for every export format."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from render_samples import SEED_EVENTS

from timeline.render import render
from timeline.vocabulary import OUTPUT_FORMATS


def test_formats_in_cli_order():
    assert OUTPUT_FORMATS == ("table", "json", "jsonl", "csv", "ics", "timelinejs", "html")


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_every_format_renders_text_ending_in_a_newline(fmt):
    text = render(fmt, SEED_EVENTS, width=100)
    assert isinstance(text, str) and text.endswith("\n")
    assert render(fmt, [], width=100).endswith("\n") or render(fmt, [], width=100) == ""


@pytest.mark.parametrize(
    ("fmt", "kwargs", "check"),
    [
        ("csv", {"bom": True}, lambda text: text.startswith("\ufeffid,")),
        ("csv", {}, lambda text: text.startswith("id,")),
        ("table", {"width": 50}, lambda text: max(map(len, text.splitlines())) <= 50),
        ("table", {"width": 100, "color": True}, lambda text: "\x1b[" in text),
        ("ics", {"title": "Seed"}, lambda text: "X-WR-CALNAME:Seed\r\n" in text),
        ("timelinejs", {"title": "Seed"}, lambda text: json.loads(text)["title"]["text"]["headline"] == "Seed"),
        ("html", {"title": "Seed"}, lambda text: "<title>Seed</title>" in text),
        ("json", {"bom": True, "width": 10}, lambda text: json.loads(text) == SEED_EVENTS),
    ],
)
def test_options_reach_the_formats_they_apply_to(fmt, kwargs, check):
    assert check(render(fmt, SEED_EVENTS, **kwargs))


def test_unknown_format_names_the_choices():
    with pytest.raises(
        ValueError, match="unknown format 'xml'; choose one of table, json, jsonl, csv, ics, timelinejs, html"
    ):
        render("xml", SEED_EVENTS)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("sizes", [[], [1], [2, 1], [1, 0, 1, 1]])
def test_streamed_bytes_are_the_whole_rendering(fmt, bom, sizes):
    """Exports stream batch by batch; joined, the pieces are byte for byte
    what rendering every event at once gives (empty batches included)."""
    from timeline.render import render_stream

    events = (SEED_EVENTS * 4)[: sum(sizes)]
    batches, start = [], 0
    for size in sizes:
        batches.append(events[start : start + size])
        start += size
    streamed = b"".join(render_stream(fmt, batches, bom=bom))
    assert streamed == render(fmt, events, bom=bom).encode("utf-8")
    if fmt == "json":
        assert json.loads(streamed) == events


def test_formats_that_need_every_event_do_not_stream():
    from timeline.render import render_stream

    with pytest.raises(ValueError, match="does not stream"):
        list(render_stream("ics", [SEED_EVENTS]))
