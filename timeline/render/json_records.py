"""The event records as JSON (one list) or JSON Lines (one record a line).

The records pass through unchanged: they already are the stable JSON record
of DESIGN.md, which tools and tests read. orjson writes them: the standard
library's encoder falls back to pure Python when indenting, which made
rendering 4,800 events (12 MB) take longer than querying them.
"""

from __future__ import annotations

import json

import orjson


def render_json(events: list[dict]) -> str:
    return json_bytes(events).decode() + "\n"


def json_bytes(events: list[dict]) -> bytes:
    """The list indented by two spaces, UTF-8, no final newline."""
    try:
        return orjson.dumps(events, option=orjson.OPT_INDENT_2)
    except TypeError:  # lone surrogates, which UTF-8 cannot hold: \u escapes (valid JSON) instead
        return json.dumps(events, indent=2).encode("ascii")


def render_jsonl(events: list[dict]) -> str:
    # One compact record per line (JSON Lines); newlines inside strings are escaped.
    try:
        return b"".join(orjson.dumps(event, option=orjson.OPT_APPEND_NEWLINE) for event in events).decode()
    except TypeError:  # lone surrogates: \u escapes
        return "".join(json.dumps(event, separators=(",", ":")) + "\n" for event in events)
