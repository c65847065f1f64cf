"""The visual timeline: one self-contained HTML page (inline CSS and JS, no
network at view time) with the events on a zoomable horizontal axis, one
lane per leading actor, coloured by PLOVER event type.

Event text comes from the web, so it is embedded as JSON inside a script
element with "<", ">" and "&" escaped, and the page script only ever puts
it into the DOM through textContent.
"""

from __future__ import annotations

import collections
import datetime as dt
import html
import json
from importlib import resources

from timeline.render.event_dates import date_label, day_span
from timeline.render.labels import actor_names, outlet, place_label, source_count, type_label

TOP_ACTORS = 12  # lanes before the rest go to "others": more do not fit a screen
MAX_SOURCES = 10  # links per tooltip; the count still says how many there are
_EPOCH = dt.date(1970, 1, 1)

# Fixed colours for the PLOVER categories so a type keeps its colour across
# exports; cooperative types in blues/greens, conflictual in reds/oranges.
TYPE_COLORS = {
    "CONSULT": "#0072b2",
    "AGREE": "#009e73",
    "COOPERATE": "#56b4e9",
    "SUPPORT": "#2a9d8f",
    "AID": "#66a61e",
    "CONCEDE": "#8dd3c7",
    "RETREAT": "#a6761d",
    "REQUEST": "#cc79a7",
    "STATEMENT": "#7f7f7f",
    "ACCUSE": "#e69f00",
    "DISAPPROVE": "#f0a35e",
    "DEMAND": "#b15928",
    "REJECT": "#d55e00",
    "THREATEN": "#c51b7d",
    "PROTEST": "#984ea3",
    "SANCTION": "#b2182b",
    "MOBILIZE": "#8c510a",
    "COERCE": "#7b3294",
    "ASSAULT": "#67001f",
}
_SPARE_COLORS = ("#1b9e77", "#7570b3", "#e7298a", "#a6cee3", "#fb9a99", "#fdbf6f", "#cab2d6", "#b3de69")


def render_html(events: list[dict], *, title: str = "timeline") -> str:
    payload = timeline_payload(events, title=title)
    dated = sum(1 for item in payload["events"] if item["s"] is not None)
    css = resources.files(__package__).joinpath("assets/timeline.css").read_text(encoding="utf-8")
    script = resources.files(__package__).joinpath("assets/timeline.js").read_text(encoding="utf-8")
    meta = f"{len(events)} events ({dated} dated), one lane per actor"
    if payload["lanes"] and payload["lanes"][-1] == "others":
        meta += f": the {len(payload['lanes']) - 1} most frequent, then others"
    return _PAGE.format(
        title=html.escape(title),
        meta=html.escape(meta),
        count=len(events),
        css=css,
        script=script,
        data=_script_json(payload),
    )


def timeline_payload(events: list[dict], *, title: str = "timeline") -> dict:
    """The compact data the page script draws: lanes, types and one small
    record per event (start/end as days since 1970-01-01, lane indexes)."""
    lanes = actor_lanes(events)
    lane_index = {name: i for i, name in enumerate(lanes)}
    types = _types(events)
    type_index = {t["name"]: i for i, t in enumerate(types)}
    items = [_item(event, lane_index, type_index) for event in events]
    return {"title": title, "lanes": lanes, "types": types, "events": items}


def _types(events: list[dict]) -> list[dict]:
    """The event types, most frequent first, each with its count and colour."""
    counts = collections.Counter(event.get("type") or "OTHER" for event in events)
    names = sorted(counts, key=lambda name: (-counts[name], name))
    spare = iter(_SPARE_COLORS * (len(names) // len(_SPARE_COLORS) + 1))
    return [{"name": name, "count": counts[name], "color": TYPE_COLORS.get(name) or next(spare)} for name in names]


def _item(event: dict, lane_index: dict[str, int], type_index: dict[str, int]) -> dict:
    """One event's record: days since 1970 (None when undated), lanes, labels, sources."""
    span = day_span(event)
    names = actor_names(event)
    event_lanes = sorted({lane_index[name] for name in names if name in lane_index}) if span else []
    if span and not event_lanes:
        event_lanes = [lane_index["others"]]
    return {
        "id": event.get("id"),
        "s": (span[0] - _EPOCH).days if span else None,
        "e": (span[1] - _EPOCH).days if span else None,
        "g": event.get("granularity") or ("day" if span else "none"),
        "t": type_index[event.get("type") or "OTHER"],
        "l": event_lanes,
        "d": date_label(event),
        "h": event.get("summary") or "",
        "m": type_label(event) or "event",
        "a": ", ".join(names),
        "p": place_label(event.get("location")),
        "n": source_count(event),
        "src": _sources(event),
    }


def _sources(event: dict) -> list[list[str]]:
    """[url, "outlet — title"] of the first MAX_SOURCES sources: one per
    article, however many of its sentences report the event, so the list
    agrees with the count."""
    sources, seen = [], set()
    for mention in event.get("mentions") or []:
        article = mention.get("article_id") or mention.get("url")
        if article in seen:
            continue
        seen.add(article)
        name = outlet(mention.get("publisher"), mention.get("url"))
        label = " — ".join(str(part) for part in (name, mention.get("title")) if part)
        sources.append([mention.get("url") or "", label or mention.get("url") or "source"])
        if len(sources) == MAX_SOURCES:
            break
    return sources


def actor_lanes(events: list[dict], top: int = TOP_ACTORS) -> list[str]:
    """Lane names: the `top` actors taking part in most dated events (ties by
    name), plus "others" when some dated event has none of them. Undated
    events have no place on the axis, so they do not claim lanes."""
    events = [event for event in events if day_span(event)]
    counts = collections.Counter(name for event in events for name in set(actor_names(event)))
    lanes = [name for name, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]]
    chosen = set(lanes)
    if any(not chosen & set(actor_names(event)) for event in events):
        lanes.append("others")
    return lanes


def _script_json(payload: dict) -> str:
    # Inside <script>, "</script>" or "<!--" in event text would end or break the
    # element; JSON's \u escapes keep the same string without those characters.
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<div id="timeline" class="tl" data-event-count="{count}" data-drawn-count="0">
<header>
<h1>{title}</h1>
<p class="tl-meta">{meta}</p>
<p class="tl-help" id="tl-help">Drag or Shift+arrows to pan, wheel or +/− to zoom, 0 to reset.
Focus the timeline and use ←/→ to step through events, ↑/↓ to change lane, Enter to reach the sources, Esc to close.</p>
</header>
<div class="tl-toolbar" role="toolbar" aria-label="Timeline view">
<button type="button" data-action="zoom-in" aria-label="Zoom in">+</button>
<button type="button" data-action="zoom-out" aria-label="Zoom out">−</button>
<button type="button" data-action="reset">Reset view</button>
</div>
<ul class="tl-legend" aria-label="Event types (click to hide or show)"></ul>
<div class="tl-stage">
<canvas tabindex="0" role="application" aria-roledescription="timeline" aria-label="Timeline of events by actor" aria-describedby="tl-help">Your browser cannot draw the timeline.</canvas>
<div class="tl-tooltip" role="tooltip" hidden></div>
</div>
<p class="tl-live tl-visually-hidden" aria-live="polite"></p>
<details class="tl-undated" hidden><summary></summary><ul></ul></details>
</div>
<script type="application/json" id="timeline-data">{data}</script>
<script>
{script}
</script>
</body>
</html>
"""
