"""The event records as JSON (one list) or JSON Lines (one record a line).

The records pass through unchanged: they already are the stable JSON record
of DESIGN.md, which tools and tests read.
"""
from __future__ import annotations

import json


def render_json(events: list[dict]) -> str:
    return json.dumps(events, indent=2, ensure_ascii=False) + "\n"


def render_jsonl(events: list[dict]) -> str:
    # One compact record per line (JSON Lines); json.dumps escapes newlines inside strings.
    return "".join(json.dumps(event, ensure_ascii=False) + "\n" for event in events)
