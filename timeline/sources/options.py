"""What the caller can tell the readers (`SourceOptions`) and the one error the
readers raise (`UsageError`); everything else is a `SourceFailure` value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TextIO

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class UsageError(Exception):
    """The inputs themselves are wrong (e.g. a path that does not exist): exit code 2."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class SourceOptions:
    """Overrides and limits for `read_sources` (mirrors `timeline ingest` options)."""

    published: date | None = None  # --published: overrides everything
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    text_field: str | None = None
    date_field: str | None = None
    title_field: str | None = None
    url_field: str | None = None
    id_field: str | None = None
    urls_file: str | None = None  # --urls FILE: one URL per line
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 20.0
    max_redirects: int = 5
    stdin: TextIO | None = None  # for "-" (tests pass a StringIO)


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b|bytes)?\s*$", re.IGNORECASE)
_SCALES = {"": 1, "b": 1, "bytes": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def parse_size(value: str) -> int:
    """ "20MB", "500 KB", "1.5G", "1048576" → bytes (binary units, as `format_size`
    writes them); ValueError naming the value otherwise."""
    match = _SIZE.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a size (e.g. 20MB, 500KB, 1048576)")
    unit = (match.group(2) or "").lower()
    unit = unit if unit in ("b", "bytes") else unit[:1]
    size = int(float(match.group(1)) * _SCALES[unit])
    if size < 1:
        raise ValueError(f"{value!r} is not a size of at least one byte")
    return size


def format_size(n: int) -> str:
    """Human size in binary units written the familiar way ("20 MB", "2.1 GB")."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def over_limit_reason(kind: str, size: int, limit: int) -> str:
    return f"{kind} is {format_size(size)}, over the {format_size(limit)} limit"
