"""The table people read in a terminal: one row per event, fitted to the width.

Built with rich; colour only when asked (the CLI asks on a terminal), so the
same call gives plain text for pipes, files and tests.
"""
from __future__ import annotations

import io

from timeline.render.event_dates import date_label


def render_table(events: list[dict], *, width: int | None = None, color: bool = False) -> str:
    """Rich table of `events` as text, `width` columns wide (rich's default if None)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(
        file=io.StringIO(),
        width=width,
        color_system="auto" if color else None,
        force_terminal=color,
        # Never let the environment (NO_COLOR, TERM, Jupyter) change the text.
        force_jupyter=False,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    if not events:
        console.print("No events.")
        return console.file.getvalue()
    table = Table(show_lines=False, expand=False, pad_edge=False, header_style="bold" if color else "")
    table.add_column("date", no_wrap=True, style="cyan" if color else "")
    table.add_column("type", overflow="fold", style="magenta" if color else "")
    table.add_column("actors", overflow="fold", ratio=2)
    table.add_column("place", overflow="fold", ratio=1)
    table.add_column("summary", overflow="fold", ratio=4)
    table.add_column("src", justify="right", no_wrap=True)
    for event in events:
        table.add_row(
            date_label(event),
            type_label(event),
            ", ".join(actor["name"] for actor in event.get("actors") or []),
            place_label(event.get("location")),
            event.get("summary") or "",
            str(source_count(event)),
        )
    console.print(table)
    return console.file.getvalue()


def type_label(event: dict) -> str:
    """PLOVER category and mode, e.g. "CONSULT/meet"."""
    return "/".join(part for part in (event.get("type"), event.get("mode")) if part)


def place_label(location: dict | None) -> str:
    if not location:
        return ""
    name, country = location.get("name") or "", location.get("country") or ""
    if name and country and country != name:
        return f"{name} ({country})"
    return name or country


def source_count(event: dict) -> int:
    """Number of sources: the stored count, else the distinct mention articles."""
    if event.get("n_sources") is not None:
        return int(event["n_sources"])
    mentions = event.get("mentions") or []
    return len({m.get("article_id") or m.get("url") for m in mentions})
