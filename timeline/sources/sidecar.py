"""Metadata sidecars: an article's publication date, URL, title and publisher
given beside it without editing the article itself.

    ARTICLE.meta.yaml (.meta.yml, .meta.json)   beside ARTICLE.txt (any reader suffix)
    metadata.jsonl / metadata.csv               one per folder, a row per file name

Precedence for each field: the command-line option, then the article's own
sidecar, then the folder's table, then the file's own metadata (front matter,
JSON fields, HTML meta tags), then the dateline. Sidecars are read by the
standard library and PyYAML (already a dependency); nothing here guesses.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .document import Document, SourceFailure
from .options import SourceOptions
from .pubdate import parse_date_value

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
FOLDER_TABLES = ("metadata.jsonl", "metadata.csv")
_KEY_FIELD = "file"
# Field → the spellings accepted for it (the first is the documented one).
_FIELDS = {
    "published": ("published", "date", "published_at", "datePublished", "pubdate"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "publisher": ("publisher", "source", "site_name"),
    "language": ("language", "lang"),
}
_KNOWN = {spelling: field for field, spellings in _FIELDS.items() for spelling in spellings}


class SidecarError(ValueError):
    """A sidecar that cannot be used: the message names the file and the reason."""


@dataclass(frozen=True)
class Sidecar:
    """What the sidecars say about one article (None: they do not say)."""

    origin: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    language: str | None = None

    def options_for(self, options: SourceOptions) -> SourceOptions:
        """`options` with the sidecar's values where the command line gave none."""
        return dataclasses.replace(
            options,
            published=options.published or self.published,
            url=options.url or self.url,
            title=options.title or self.title,
            publisher=options.publisher or self.publisher,
        )

    def label(self, document: Document, options: SourceOptions) -> Document:
        """Say where the date came from, and give the language the reader could not."""
        if options.published is None and self.published is not None and document.published_source == "option":
            document.published_source = "sidecar"
        if self.language:
            document.language = self.language
        return document


def is_sidecar_name(name: str) -> bool:
    """Whether a file name is a sidecar (never read as an article in a folder)."""
    lower = os.path.basename(name).lower()
    return lower.endswith(SIDECAR_SUFFIXES) or lower in FOLDER_TABLES


def sidecar_for(path: str, suffix: str) -> Sidecar | SourceFailure | None:
    """The sidecar values for the article file `path` (whose reader suffix,
    e.g. ".txt", is `suffix`), a failure naming a broken sidecar, or None."""
    folder, name = os.path.split(path)
    stem = name[: len(name) - len(suffix)] if suffix and name.lower().endswith(suffix) else name
    layers: list[tuple[str, dict]] = []
    try:
        for table in FOLDER_TABLES:
            table_path = os.path.join(folder, table)
            if os.path.isfile(table_path):
                row = _folder_table(table_path, *_stamp(table_path)).get(name)
                if row is not None:
                    layers.append((table_path, row))
        for ending in SIDECAR_SUFFIXES:
            own = os.path.join(folder, stem + ending)
            if os.path.isfile(own):
                layers.append((own, _own_sidecar(own)))
                break
        if not layers:
            return None
        values: dict = {}
        for origin, fields in layers:  # the article's own sidecar last: it wins
            values.update({k: v for k, v in _checked(fields, origin).items() if v is not None})
    except SidecarError as exc:
        return SourceFailure(path, f"metadata sidecar {exc}")
    return Sidecar(origin=layers[-1][0], **values)


def _stamp(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


@lru_cache(maxsize=32)
def _folder_table(path: str, _mtime_ns: int, _size: int) -> dict[str, dict]:
    """{file name: row} of a folder's metadata.jsonl or metadata.csv (cached per
    version of the file, so a folder of 10,000 articles reads it once)."""
    text = _read(path)
    rows: list[tuple[int, dict]] = []
    if path.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        rows = [(reader.line_num, {k: v for k, v in row.items() if k is not None}) for row in reader]
    else:
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SidecarError(f"{path}: line {number}: malformed JSON: {exc.msg}") from None
            if not isinstance(row, dict):
                raise SidecarError(f"{path}: line {number}: not a JSON object")
            rows.append((number, row))
    table: dict[str, dict] = {}
    for number, row in rows:
        key = row.get(_KEY_FIELD)
        if not isinstance(key, str) or not key.strip():
            raise SidecarError(f"{path}: line {number}: no '{_KEY_FIELD}' naming the article")
        table[os.path.basename(key.strip())] = {k: v for k, v in row.items() if k != _KEY_FIELD}
    return table


def _own_sidecar(path: str) -> dict:
    text = _read(path)
    try:
        if path.lower().endswith(".json"):
            value = json.loads(text)
        else:
            import yaml

            value = yaml.safe_load(text)
    except (ValueError, ImportError) as exc:
        raise SidecarError(f"{path}: malformed: {_first_line(exc)}") from None
    except Exception as exc:  # PyYAML's errors are not ValueErrors
        raise SidecarError(f"{path}: malformed: {_first_line(exc)}") from None
    if not isinstance(value, dict):
        raise SidecarError(f"{path}: not a mapping of fields")
    return value


def _checked(fields: dict, origin: str) -> dict:
    """Known fields under their documented names, the date parsed; anything
    unknown or unreadable is an error (a typo must not silently drop a date)."""
    out: dict = {}
    for key, value in fields.items():
        field = _KNOWN.get(str(key))
        if field is None:
            known = ", ".join(spellings[0] for spellings in _FIELDS.values())
            raise SidecarError(f"{origin}: unknown field {key!r} (known: {known})")
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if field == "published":
            parsed = parse_date_value(value).full
            if parsed is None:
                raise SidecarError(f"{origin}: {key} {value!r} is not a date (YYYY-MM-DD)")
            out[field] = parsed
        else:
            out[field] = str(value).strip()
    return out


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read(1 << 24)
    except UnicodeDecodeError:
        raise SidecarError(f"{path}: not valid UTF-8") from None
    except OSError as exc:
        raise SidecarError(f"{path}: {(exc.strerror or type(exc).__name__).lower()}") from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
