"""The table people read in a terminal: one row per event, fitted to the width.

Built with rich; colour only when asked (the CLI asks on a terminal), so the
same call gives plain text for pipes, files and tests.
"""

from __future__ import annotations

import io
from typing import Any

from timeline.render.event_dates import date_label
from timeline.render.labels import actor_names, place_label, source_count, type_label


def render_table(events: list[dict], *, width: int | None = None, color: bool = False) -> str:
    """Rich table of `events` as text, `width` columns wide (rich's default if None)."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        # The caller decides about colour (terminal? NO_COLOR?); "standard" (16
        # colours) is enough for a few styles and needs no terminal detection.
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        # Never let the environment (NO_COLOR, TERM, Jupyter) change the text.
        force_jupyter=False,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    if not events:
        console.print("No events.")
        return buffer.getvalue()
    # Narrow terminals drop the least needed columns rather than fold every
    # word into a one-letter-wide stack: place first, then type.
    columns = ["date", "type", "actors", "place", "summary", "src"]
    if console.width < 100:
        columns.remove("place")
    if console.width < 64:
        columns.remove("type")
    # expand + ratios: the summary gets the spare width; date, type and count never wrap.
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, expand=True, pad_edge=False, header_style="bold" if color else ""
    )
    for name in columns:
        colour: dict[str, Any] = {"style": _COLUMN_COLOR[name]} if color and name in _COLUMN_COLOR else {}
        table.add_column(name, **_COLUMN_STYLE[name], **colour)
    for event in events:
        cells = {
            "date": date_label(event),
            "type": type_label(event),
            "actors": ", ".join(actor_names(event)),
            "place": place_label(event.get("location")),
            "summary": event.get("summary") or "",
            "src": str(source_count(event)),
        }
        table.add_row(*(cells[name] for name in columns))
    console.print(table)
    text = buffer.getvalue()
    if color:
        return text
    # rich pads every cell to the column width; trailing blanks only get in the way of diffs.
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


_COLUMN_STYLE: dict[str, dict[str, Any]] = {
    "date": {"no_wrap": True},
    "type": {"no_wrap": True},
    "actors": {"ratio": 2, "overflow": "fold"},
    "place": {"ratio": 1, "overflow": "fold"},
    "summary": {"ratio": 3, "overflow": "fold"},
    "src": {"no_wrap": True, "justify": "right"},
}
_COLUMN_COLOR = {"date": "cyan", "type": "magenta"}
