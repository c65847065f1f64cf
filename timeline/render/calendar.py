"""Events as an iCalendar file (RFC 5545) for calendar programs, via the ics package.

Every dated event is an all-day event over the days its date covers, so a
week-granular date (2023-W37) shows as the whole week, never as a made-up day.
Undated events have no place in a calendar and are left out.
"""

from __future__ import annotations

import datetime as dt

from timeline.render.event_dates import date_label, day_span
from timeline.render.labels import actor_names, place_label, type_label

# RFC 5545 wants a globally unique UID, conventionally "something@domain".
# ".invalid" is reserved (RFC 2606), so this fixed domain can never clash with
# a real one; the event id makes re-exports update, not duplicate, entries.
UID_DOMAIN = "timeline.invalid"
PRODID = "-//timeline//diplomatic events//EN"


def event_uid(event: dict) -> str:
    return f"event-{event['id']}@{UID_DOMAIN}"


def render_ics(events: list[dict], *, title: str = "timeline") -> str:
    from ics import Calendar

    calendar = Calendar(creator=PRODID)
    for event in events:
        entry = calendar_event(event)
        if entry is not None:
            calendar.events.add(entry)
    text = calendar.serialize()
    # X-WR-CALNAME is the de-facto calendar title (Apple, Google, Thunderbird);
    # ics 0.7 has no field for it, so it goes in right after PRODID.
    name_line = "X-WR-CALNAME:" + _escape_text(title)
    text = text.replace(f"PRODID:{PRODID}\r\n", f"PRODID:{PRODID}\r\n{name_line}\r\n", 1)
    # ics serialises events from a set: order them by start for stable, diffable output.
    text = _sort_vevents(text)
    # ics 0.7 neither folds long lines nor ends the last line; RFC 5545 §3.1 wants both.
    return "".join(_fold(line) + "\r\n" for line in text.split("\r\n") if line)


def calendar_event(event: dict):
    """The ics.Event for one record, or None when it has no date to put on a calendar."""
    from ics import Event

    span = day_span(event)
    if span is None:
        return None
    first, last = span
    entry = Event(
        name=_headline(event),
        begin=first,
        uid=event_uid(event),
        description=_description(event),
        location=place_label(event.get("location")) or None,
        categories=[event["type"]] if event.get("type") else None,
        # DTSTAMP is required; the newest source's publication keeps it stable
        # across exports (a wall-clock stamp would make every export differ).
        created=_stamp(event, first),
    )
    entry.make_all_day()
    # RFC 5545 all-day DTEND is exclusive: the day after the last covered day.
    entry.end = last + dt.timedelta(days=1)
    return entry


def _headline(event: dict) -> str:
    if event.get("summary"):
        return event["summary"]
    actors = ", ".join(actor_names(event))
    return f"{type_label(event)}: {actors}" if actors else type_label(event) or "event"


def _description(event: dict) -> str:
    kind = type_label(event) + (f" (CAMEO {event['cameo']})" if event.get("cameo") else "")
    lines = [event.get("summary") or "", f"Date: {date_label(event)}", f"Type: {kind.strip()}" if kind else ""]
    actors = ", ".join(actor_names(event))
    if actors:
        lines.append(f"Actors: {actors}")
    mentions = event.get("mentions") or []
    if mentions:
        lines.append("Sources:")
        for mention in mentions:
            parts = [mention.get("publisher"), mention.get("title"), mention.get("published"), mention.get("url")]
            lines.append("- " + " — ".join(str(part) for part in parts if part))
    return "\n".join(line for line in lines if line)


def _stamp(event: dict, fallback: dt.date) -> dt.datetime:
    stamps = []
    for mention in event.get("mentions") or []:
        try:
            stamps.append(dt.datetime.fromisoformat(str(mention.get("published"))))
        except ValueError:
            continue
    stamp = max(
        (s if s.tzinfo else s.replace(tzinfo=dt.UTC) for s in stamps),
        default=dt.datetime.combine(fallback, dt.time(), dt.UTC),
    )
    return stamp.astimezone(dt.UTC)


def _escape_text(value: str) -> str:
    # RFC 5545 §3.3.11 TEXT escaping.
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str, limit: int = 75) -> str:
    """Fold a content line to at most `limit` octets per line (RFC 5545 §3.1),
    never splitting a UTF-8 character; continuation lines start with a space."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _sort_vevents(text: str) -> str:
    head, sep, rest = text.partition("BEGIN:VEVENT")
    if not sep:
        return text
    body, _, tail = ("BEGIN:VEVENT" + rest).rpartition("END:VEVENT")
    blocks = [b + "END:VEVENT" for b in body.split("END:VEVENT") if b.strip()]
    blocks = [b.lstrip("\r\n") for b in blocks]

    def key(block: str) -> tuple[str, str]:
        fields = dict(line.split(":", 1) for line in block.split("\r\n") if ":" in line and not line.startswith(" "))
        return fields.get("DTSTART;VALUE=DATE", ""), fields.get("UID", "")

    return head + "\r\n".join(sorted(blocks, key=key)) + tail
