"""Listings that are not events (actors, articles, the ontology) as a table,
JSON, JSON Lines or CSV."""

from __future__ import annotations

import csv
import io
import json


def _cell(value) -> str:
    if value is None:
        return ""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def render_rows(
    rows: list[dict], fmt: str, columns: list[str], *, bom: bool = False, width: int = 160, color: bool = False
) -> str:
    """`rows` in format `fmt`; ValueError for a format made for events only."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in columns])
        return ("\ufeff" if bom else "") + buf.getvalue()
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False, header_style="bold")
        for r in rows:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        buf = io.StringIO()
        Console(file=buf, width=width, no_color=not color, force_terminal=color).print(table)
        return buf.getvalue()
    raise ValueError(f"format {fmt} is for events; use table, json, jsonl or csv here")
