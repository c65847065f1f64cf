"""Events as CSV for spreadsheet programs: one row per event, lists joined.

RFC 4180 dialect (csv module's excel dialect, CRLF rows); an optional UTF-8
byte-order mark makes spreadsheet programs read the text as UTF-8.
"""

from __future__ import annotations

import csv
import io

from timeline.render.labels import actor_names, source_count

COLUMNS = (
    "id",
    "date",
    "granularity",
    "date_start",
    "date_end",
    "date_conflict",
    "type",
    "mode",
    "cameo",
    "actors",
    "location",
    "country",
    "summary",
    "modality",
    "confidence",
    "n_sources",
    "sources",
)

# Cells starting with these are run as formulas by spreadsheet programs (the
# OWASP "CSV injection" list); event text comes from the web, so such text
# cells get a leading apostrophe, which spreadsheets show as plain text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TEXT_COLUMNS = ("actors", "location", "country", "summary", "sources")


def render_csv(events: list[dict], *, bom: bool = False) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for event in events:
        writer.writerow(event_row(event))
    return ("\ufeff" if bom else "") + out.getvalue()


def event_row(event: dict) -> dict[str, str]:
    """One CSV row: actors joined with "; ", source URLs joined with a space
    (URLs never hold an unescaped space, so the list splits back exactly)."""
    location = event.get("location") or {}
    urls = list(dict.fromkeys(m["url"] for m in event.get("mentions") or [] if m.get("url")))
    row = {
        "id": event.get("id"),
        "date": event.get("date"),
        "granularity": event.get("granularity"),
        "date_start": event.get("date_start"),
        "date_end": event.get("date_end"),
        "date_conflict": "yes" if event.get("date_conflict") else "",
        "type": event.get("type"),
        "mode": event.get("mode"),
        "cameo": event.get("cameo"),
        "actors": "; ".join(actor_names(event)),
        "location": location.get("name"),
        "country": location.get("country"),
        "summary": event.get("summary"),
        "modality": event.get("modality"),
        "confidence": event.get("confidence"),
        "n_sources": source_count(event),
        "sources": " ".join(urls),
    }
    text = {key: "" if value is None else str(value) for key, value in row.items()}
    for key in _TEXT_COLUMNS:
        if text[key].startswith(_FORMULA_STARTS):
            text[key] = "'" + text[key]
    return text
