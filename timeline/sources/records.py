"""JSON Lines dumps (plain or .gz) and JSON files of article records, read one
line at a time so memory does not grow with the corpus; a bad line is reported
with its number and the good lines around it are still read."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .dependencies import missing_dependency
from .document import Document, SourceFailure, normalise_text
from .options import SourceOptions, format_size
from .pubdate import parse_date_value, resolve_publication_date

TEXT_FIELDS = ("text", "body", "content")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("published", "date", "published_at", "publishedAt", "pubDate", "datePublished")
PUBLISHER_FIELDS = ("publisher", "source", "site_name")
ID_FIELDS = ("id",)


def iter_json_lines(stream: BinaryIO, origin: str, options: SourceOptions) -> Iterator[Document | SourceFailure]:
    """Records of a JSON Lines byte stream; origins are "origin:LINE"."""
    return iter_json_text_lines(numbered_lines(stream, options.max_bytes), origin, options)


def iter_json_text_lines(
    lines: Iterable[tuple[int, bytes | str | None]], origin: str, options: SourceOptions
) -> Iterator[Document | SourceFailure]:
    """Records from numbered lines; a None line means it was over the size limit."""
    number = 0
    try:
        for number, raw in lines:
            where = f"{origin}:{number}"
            if raw is None:
                yield SourceFailure(where, f"line {number}: longer than the {format_size(options.max_bytes)} limit")
                continue
            if isinstance(raw, bytes):
                try:
                    raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    yield SourceFailure(where, f"line {number}: not valid UTF-8")
                    continue
            raw = raw.rstrip("\r\n")
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield SourceFailure(where, f"line {number}: malformed JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(record, dict):
                yield SourceFailure(where, f"line {number}: not a JSON object")
                continue
            surrogate = lone_surrogate(record)
            if surrogate:
                yield SourceFailure(where, f"line {number}: {surrogate}")
                continue
            try:
                result = record_to_document(record, where, number, options)
            except ImportError as exc:
                result = SourceFailure(where, f"record {number}: {missing_dependency(exc)}")
            except Exception as exc:
                result = SourceFailure(where, f"record {number}: unexpected error: {type(exc).__name__}")
            yield result
    except EOFError:
        # A truncated .gz stops the stream; what was read stays read.
        yield SourceFailure(origin, f"compressed data ends early (after line {number})")
    except (OSError, zlib.error) as exc:
        yield SourceFailure(origin, f"corrupt compressed data after line {number}: {exc}")


def iter_json_document(data: str, origin: str, options: SourceOptions) -> Iterator[Document | SourceFailure]:
    """A whole JSON file: an array of records, one record, or an object holding a
    list of records (news APIs wrap them as {"articles": [...]})."""
    try:
        value = json.loads(data)
    except json.JSONDecodeError as exc:
        yield SourceFailure(origin, f"line {exc.lineno}: malformed JSON: {exc.msg} (column {exc.colno})")
        return
    if isinstance(value, dict):
        if _pick(value, options.text_field, TEXT_FIELDS)[0] is not None:
            yield record_to_document(value, origin, 1, options)
            return
        value = next((v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)), None)
        if value is None:
            yield SourceFailure(origin, "no article records found in the JSON")
            return
    if not isinstance(value, list):
        yield SourceFailure(origin, "no article records found in the JSON")
        return
    for index, record in enumerate(value, 1):
        where = f"{origin}:{index}"
        if not isinstance(record, dict):
            yield SourceFailure(where, f"record {index} is not a JSON object")
        elif lone_surrogate(record):
            yield SourceFailure(where, f"record {index}: {lone_surrogate(record)}")
        else:
            yield record_to_document(record, where, index, options)


def record_to_document(record: dict, origin: str, number: int, options: SourceOptions) -> Document | SourceFailure:
    """One record → Document. `number` is the line (JSON Lines) or index (array)."""
    text_names = (options.text_field,) if options.text_field else TEXT_FIELDS
    text_field, text = _pick(record, options.text_field, TEXT_FIELDS)
    if text_field is None:
        return SourceFailure(origin, f"record {number} has no text field (looked for {', '.join(text_names)})")
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # paragraphs given as a list
    if not isinstance(text, str):
        return SourceFailure(origin, f"record {number}: field {text_field} is not text")
    text = normalise_text(text)
    if not text:
        return SourceFailure(origin, f"record {number} has empty text (field {text_field})")
    url = options.url or _string(_pick(record, options.url_field, URL_FIELDS)[1])
    identifier = _pick(record, options.id_field, ID_FIELDS)[1]
    dateline = _string(record.get("dateline"))
    raw_date = _pick(record, options.date_field, DATE_FIELDS)[1]
    when = resolve_publication_date(
        options.published, parse_date_value(raw_date), None, text, dateline_field=dateline, url=url
    )
    extra = {}
    if identifier is not None:
        extra["id"] = identifier
    if dateline:
        extra["dateline"] = dateline
    publisher = _pick(record, None, PUBLISHER_FIELDS)[1]
    if isinstance(publisher, dict):  # {"source": {"id": ..., "name": "Reuters"}}
        publisher = publisher.get("name")
    return Document(
        text=text,
        title=options.title or _string(_pick(record, options.title_field, TITLE_FIELDS)[1]),
        url=url,
        published=when.published,
        publisher=options.publisher or _string(publisher),
        language=_string(record.get("language") or record.get("lang")) or "en",
        origin=origin,
        published_source=when.source,
        extra=extra,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(value: object, field: str | None = None) -> str | None:
    """Why a decoded JSON value cannot be stored, when a string in it holds a
    lone surrogate ("\\ud83d", half an emoji): JSON allows the escape, Unicode
    text (and so UTF-8, hashing, the database) does not."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        if found:
            where = f" in field {field}" if field else ""
            return f"lone surrogate \\u{ord(found.group()):04x}{where} (not valid Unicode)"
        return None
    if isinstance(value, dict):
        pairs: Iterable[tuple[object, object]] = value.items()
    elif isinstance(value, list):
        pairs = ((field, item) for item in value)
    else:
        return None
    for key, item in pairs:
        problem = lone_surrogate(item, key if isinstance(key, str) else field)
        if problem:
            return problem
    return None


def _pick(record: dict, chosen: str | None, names: tuple[str, ...]) -> tuple[str | None, object]:
    """The first field present (and not null) among `names`, or only `chosen` if given."""
    for name in (chosen,) if chosen else names:
        if record.get(name) is not None:
            return name, record[name]
    return None, None


def _string(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
    return value or None


def numbered_lines(stream, max_bytes: int, first=None) -> Iterator[tuple[int, bytes | str | None]]:
    """Numbered lines of a binary or text stream (`first`: a line already read);
    a line longer than max_bytes is skipped without holding it (None in its
    place), so one giant line cannot exhaust memory."""
    number = 0
    while True:
        if first is not None:
            line, first = first, None
        else:
            line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and line[-1:] not in (b"\n", "\n"):
            while True:  # drain the rest of the over-long line in bounded chunks
                rest = stream.readline(1 << 20)
                if not rest or rest[-1:] in (b"\n", "\n"):
                    break
            yield number, None
            continue
        yield number, line
