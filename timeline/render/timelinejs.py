"""Events as TimelineJS3 JSON, for Knight Lab's TimelineJS slide timelines.

Format: TimelineJS3's documented JSON (title slide, events with start_date/
end_date objects, text, group). Dates only say what is known: month and day
are left out when the event's granularity is coarser (TimelineJS then shows
just the year or month). TimelineJS puts headline, text, group and
display_date into the page as HTML, so every piece of event text is escaped.
"""

from __future__ import annotations

import html
import json
import re

from timeline.render.event_dates import date_label, day_span
from timeline.render.labels import actor_names, place_label, type_label

# granularity → which date parts TimelineJS gets (ISO-8601 day > week > month > year).
_PARTS = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),  # a week is shown as its Monday..Sunday days
    "month": ("year", "month"),
    "quarter": ("year", "month"),
    "season": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
}
_HEADLINE_CHARS = 120


def render_timelinejs(events: list[dict], *, title: str = "timeline") -> str:
    return json.dumps(timeline_document(events, title=title), indent=2, ensure_ascii=False) + "\n"


def timeline_document(events: list[dict], *, title: str = "timeline") -> dict:
    """The TimelineJS3 document as a dict. Undated events are left out:
    TimelineJS needs a start date for every event slide."""
    slides = [slide for slide in map(event_slide, events) if slide is not None]
    dated = len(slides)
    intro = f"{dated} dated diplomatic event{'s' if dated != 1 else ''}"
    if dated < len(events):
        intro += f" ({len(events) - dated} undated left out)"
    return {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(intro)}},
        "events": slides,
    }


def event_slide(event: dict) -> dict | None:
    span = day_span(event)
    granularity = event.get("granularity") or "day"
    if span is None or granularity == "none":
        return None
    parts = _PARTS.get(granularity, ("year", "month", "day"))
    first, last = span
    start, end = _date(first, parts), _date(last, parts)
    actors = actor_names(event)
    slide: dict[str, object] = {"start_date": start}
    if end != start:
        slide["end_date"] = end
    slide |= {
        "display_date": html.escape(date_label(event)),
        "text": {"headline": html.escape(_headline(event)), "text": _text(event)},
        # TimelineJS draws one row per group, the lead (first) actor, and
        # sets the group label with innerHTML: escape it like the text.
        "group": html.escape(actors[0]) if actors else "others",
        # TimelineJS puts unique_id in the page URL's #fragment and an element id.
        "unique_id": "event-" + re.sub(r"[^A-Za-z0-9_-]", "-", str(event["id"])),
    }
    return slide


def _date(day, parts: tuple[str, ...]) -> dict[str, int]:
    return {part: getattr(day, part) for part in parts}


def _headline(event: dict) -> str:
    summary = (event.get("summary") or "").strip()
    if not summary:
        actors = ", ".join(actor_names(event))
        summary = f"{actors}: {type_label(event)}" if actors else type_label(event) or "event"
    if len(summary) > _HEADLINE_CHARS:
        summary = summary[: _HEADLINE_CHARS - 1].rstrip() + "…"
    return summary


def _text(event: dict) -> str:
    """HTML body: summary, what/who/where, and the sources as links."""
    facts = [
        ("Type", type_label(event)),
        ("Actors", ", ".join(actor_names(event))),
        ("Place", place_label(event.get("location"))),
    ]
    body = [f"<p>{html.escape(event.get('summary') or '')}</p>"] if event.get("summary") else []
    body += [f"<p><b>{name}:</b> {html.escape(value)}</p>" for name, value in facts if value]
    items = []
    for mention in event.get("mentions") or []:
        label = html.escape(mention.get("title") or mention.get("publisher") or mention.get("url") or "source")
        if mention.get("publisher") and mention.get("title"):
            label = f"{html.escape(mention['publisher'])}: {label}"
        url = mention.get("url") or ""
        # Only web links: a javascript: URL from a hostile page must not become a link.
        if url.lower().startswith(("http://", "https://")):
            items.append(f'<li><a href="{html.escape(url, quote=True)}">{label}</a></li>')
        else:
            items.append(f"<li>{label}</li>")
    if items:
        body.append("<p><b>Sources:</b></p><ul>" + "".join(items) + "</ul>")
    return "".join(body)
