"""Turn event records (the stable JSON record of DESIGN.md) into export formats.

One module per format; `render` picks the module by name and imports it only
when asked, so a `--format json` run never pays for rich or ics.
"""
from __future__ import annotations

import importlib

FORMATS = ("table", "json", "jsonl", "csv", "ics", "timelinejs", "html")

# format name → (module, function); json and jsonl share the records module.
_RENDERERS = {
    "table": ("table", "render_table"),
    "json": ("json_records", "render_json"),
    "jsonl": ("json_records", "render_jsonl"),
    "csv": ("csv_records", "render_csv"),
    "ics": ("calendar", "render_ics"),
    "timelinejs": ("timelinejs", "render_timelinejs"),
    "html": ("html", "render_html"),
}


def render(
    fmt: str,
    events: list[dict],
    *,
    title: str = "timeline",
    bom: bool = False,
    width: int | None = None,
    color: bool = False,
) -> str:
    """Render `events` in format `fmt` (one of FORMATS) and return the text.

    The text ends with a newline (except an empty table); write it as is.
    `bom` applies to csv, `width`/`color` to table, `title` to the formats
    that carry one (ics, timelinejs, html).
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module_name, function_name = _RENDERERS[fmt]
    module = importlib.import_module(f"{__name__}.{module_name}")
    function = getattr(module, function_name)
    if fmt == "table":
        return function(events, width=width, color=color)
    if fmt == "csv":
        return function(events, bom=bom)
    if fmt in ("ics", "timelinejs", "html"):
        return function(events, title=title)
    return function(events)
