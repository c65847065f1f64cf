"""`timeline show`: one event and each source that reports it (outlet, date,
title, the date it gives), with every mention: the sentence (the trigger and
the date phrase marked) and how the date was found."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text


def _highlighted(m: dict, color: bool) -> Text:
    """The sentence with the trigger and the date phrase marked: styles on a
    terminal, [trigger] and {date phrase} in plain text."""
    from rich.text import Text

    sentence = m["sentence"]
    spans = []
    start = m.get("trigger_offset", -1)
    if start is not None and 0 <= start and sentence[start : start + len(m["trigger"])] == m["trigger"]:
        spans.append((start, start + len(m["trigger"]), "bold magenta", "[", "]"))
    expr = m.get("date_expression")
    if expr:
        at = sentence.find(expr)
        if at >= 0 and not any(s < at + len(expr) and at < e for s, e, *_ in spans):
            spans.append((at, at + len(expr), "bold cyan", "{", "}"))
    text, pos = Text(), 0
    for s, e, style, left, right in sorted(spans):
        text.append(sentence[pos:s])
        if color:
            text.append(sentence[s:e], style=style)
        else:
            text.append(f"{left}{sentence[s:e]}{right}")
        pos = e
    text.append(sentence[pos:])
    return text


def _date_reasoning(m: dict) -> str:
    if m.get("date_expression"):
        anchor = f"; anchor: {m['date_anchor']}" if m.get("date_anchor") else ""
        return f"{m['date'] or 'unresolved'} from “{m['date_expression']}” (rule {m['date_rule']}{anchor})"
    if m.get("date_rule"):
        return f"{m['date'] or 'none'} (no date phrase; rule {m['date_rule']})"
    return "none (no date phrase)"


def _grid(rows: list[tuple[str, RenderableType]]) -> Table:
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(f"{label}:", value)
    return grid


def dates_line(source_dates: list[dict]) -> str:
    """ "3 sources say 2023-09-13, 1 says 2023-09-14": when sources give more
    than one date, how many give each ("" when they all give the same)."""
    if len(source_dates) < 2:
        return ""
    parts = []
    for i, d in enumerate(source_dates):
        n = d["sources"]
        noun = ("source " if n == 1 else "sources ") if i == 0 else ""
        parts.append(f"{n} {noun}{'says' if n == 1 else 'say'} {d['date']}")
    return ", ".join(parts)


def _sources_of_mentions(mentions: list[dict]) -> list[dict]:
    """Sources as `query.event_sources` gives them, from the mentions alone
    (no dates, no file names): for a record that does not carry them."""
    from timeline.render.labels import outlet

    sources: dict[int, dict] = {}
    for m in mentions:
        src = sources.setdefault(
            m["article_id"],
            {
                "article_id": m["article_id"],
                "outlet": outlet(m.get("publisher"), m.get("url")),
                "published": m.get("published"),
                "title": m.get("title"),
                "url": m.get("url"),
                "dates": [],
                "mentions": [],
            },
        )
        src["mentions"].append(m["id"])
    return list(sources.values())


def _mention_rows(m: dict, color: bool) -> list[tuple[str, RenderableType]]:
    rows: list[tuple[str, RenderableType]] = [("sentence", _highlighted(m, color)), ("date", _date_reasoning(m))]
    rows.append(("modality", f"{m['modality']}, confidence {m['confidence']:.2f}"))
    for role, surface in (m.get("arguments") or {}).items():
        rows.append((role, surface if isinstance(surface, str) else ", ".join(map(str, surface))))
    return rows


def _event_rows(event: dict) -> list[tuple[str, RenderableType]]:
    """The event's own rows: date (and how its sources agree), CAMEO, actors by
    role, place, summary, modality."""
    rows: list[tuple[str, RenderableType]] = []
    span = ""
    if event["date_start"] and event["date_end"] and event["date_end"] != event["date_start"]:
        span = f", {event['date_start']} .. {event['date_end']}"
    rows.append(("date", f"{event['date'] or 'undated'} ({event['granularity']}{span})"))
    agreement = dates_line(event.get("source_dates") or [])
    if agreement:
        rows.append(("dates", agreement))
    elif event.get("date_conflict"):
        rows.append(("conflict", f"sources also say {event['date_conflict']}"))
    if event.get("cameo"):
        rows.append(("CAMEO", event["cameo"]))
    for role in ("source", "host", "target", "participant"):
        names = [a["name"] for a in event["actors"] if a["role"] == role]
        if names:
            rows.append((role, ", ".join(names)))
    if event.get("location"):
        loc = event["location"]
        rows.append(("place", loc["name"] + (f" ({loc['country']})" if loc.get("country") else "")))
    rows.append(("summary", event["summary"]))
    count = event["n_sources"]
    modality = f"{event['modality']}, confidence {event['confidence']:.2f}, {count} source{'s' if count != 1 else ''}"
    rows.append(("modality", modality))
    return rows


def _source_head(src: dict, n: int, total: int) -> str:
    """ "Source 2 of 3: TASS, published 2023-09-13 — article 7"."""
    about = ", ".join(part for part in (src["outlet"], src["published"] and f"published {src['published']}") if part)
    return f"  Source {n} of {total}" + (f": {about}" if about else "") + f" — article {src['article_id']}"


def render_event(event: dict, *, width: int = 100, color: bool = False) -> str:
    """The event record of `query.get_event` (mention details, sources) as text for people."""
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, width=width, no_color=not color, force_terminal=color, highlight=False)
    head = f"Event {event['id']}: {event['type']}" + (f"/{event['mode']}" if event["mode"] else "")
    console.print(Text(head, style="bold"))
    console.print(Padding(_grid(_event_rows(event)), (0, 0, 0, 2)))
    mentions = {m["id"]: m for m in event["mentions"]}
    sources = event.get("sources") or _sources_of_mentions(event["mentions"])
    for n, src in enumerate(sources, 1):
        console.print()
        console.print(Text(_source_head(src, n, len(sources)), style="bold"))
        rows: list[tuple[str, RenderableType]] = [(key, str(src[key])) for key in ("title", "url") if src.get(key)]
        rows.append(("says", ", ".join(src["dates"]) or "no date"))
        console.print(Padding(_grid(rows), (0, 0, 0, 4)))
        for mention_id in src["mentions"]:
            console.print()
            console.print(Text(f"    Mention {mention_id}", style="bold"))
            console.print(Padding(_grid(_mention_rows(mentions[mention_id], color)), (0, 0, 0, 6)))
    # rich pads every line to the width; trailing blanks only get in the way.
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"
