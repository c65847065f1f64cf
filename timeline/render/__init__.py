"""Turn event records (the stable JSON record of DESIGN.md) into export formats.

One module per format; `render` picks the module by name and imports it only
when asked, so a `--format json` run never pays for rich or ics.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator

from timeline.vocabulary import OUTPUT_FORMATS

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
    """Render `events` in format `fmt` (one of OUTPUT_FORMATS) and return the text.

    The text ends with a newline (except an empty table); write it as is.
    `bom` applies to csv, `width`/`color` to table, `title` to the formats
    that carry one (ics, timelinejs, html).
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(OUTPUT_FORMATS)}")
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


STREAMED_FORMATS = ("json", "jsonl", "csv")


def render_stream(fmt: str, batches: Iterable[list[dict]], *, bom: bool = False) -> Iterator[bytes]:
    """The UTF-8 bytes `render(fmt, all_events)` would give, batch by batch,
    for the formats that stream (STREAMED_FORMATS): a million-event export
    never sits in memory. JSON's array is opened once and each batch's items
    joined into it; CSV's header (and BOM) come with the first batch only."""
    if fmt not in STREAMED_FORMATS:
        raise ValueError(f"format {fmt!r} does not stream; choose one of {', '.join(STREAMED_FORMATS)}")
    from timeline.render.json_records import json_bytes

    first = True
    for batch in batches:
        if not batch:
            continue
        if fmt == "json":
            body = json_bytes(batch)  # b"[\n  {...},\n  {...}\n]" -> b"\n  {...},\n  {...}"
            yield b"[" if first else b","
            yield body[1:-2]
        else:
            text = render(fmt, batch, bom=bom and first)
            if fmt == "csv" and not first:
                text = text.split("\r\n", 1)[1]
            yield text.encode("utf-8")
        first = False
    if fmt == "json":
        yield b"[]\n" if first else b"\n]\n"
    elif fmt == "csv" and first:
        yield render(fmt, [], bom=bom).encode("utf-8")
