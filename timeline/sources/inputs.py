"""`read_sources`: turn what the user typed (files, folders, globs, "-", URLs, a
URL list) into a stream of Documents and SourceFailures, in input order, lazily,
so memory does not depend on the size of the corpus."""

from __future__ import annotations

import dataclasses
import glob
import json
import os
import re
import sys
import urllib.parse
import zlib
from collections.abc import Iterator, Sequence

from .decoding import decode_bytes, looks_binary
from .dependencies import missing_dependency
from .document import Document, SourceFailure, normalise_text
from .feeds import Feed, carries_full_text, looks_like_feed, parse_feed
from .fetch import Fetched, Fetcher
from .files import (
    broken_symlink,
    open_stream,
    read_capped,
    read_capped_stream,
    reader_for,
    reader_suffix,
    walk_folder,
)
from .options import SourceOptions, UsageError, format_size, over_limit_reason
from .plaintext import read_text
from .records import iter_json_document, iter_json_lines, iter_json_text_lines, lone_surrogate, numbered_lines
from .sidecar import is_sidecar_name, sidecar_for
from .webpage import html_to_text, read_html

Result = Document | SourceFailure

_JSON_TYPES = ("application/json", "application/x-ndjson", "application/jsonl", "application/jsonlines")


def read_sources(inputs: Sequence[str], options: SourceOptions | None = None) -> Iterator[Result]:
    """Documents and failures from `inputs`, in order.

    Raises UsageError at once (before anything is read) when an input is neither
    an existing path, a glob, "-", nor an http(s) URL, or the --urls file is missing;
    every other problem is a SourceFailure in the stream."""
    options = options or SourceOptions()
    plan = [_classify(item) for item in inputs]
    if options.urls_file is not None and not os.path.isfile(options.urls_file):
        raise UsageError(f"{options.urls_file}: URL list file does not exist")
    return _read_all(plan, options)


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def _classify(item: str | os.PathLike) -> tuple[str, str]:
    item = os.fspath(item)
    if item == "-":
        return "stdin", item
    if item.lower().startswith(("http://", "https://")):
        return "url", item
    scheme = _SCHEME.match(item)
    if scheme and not os.path.lexists(item):
        if scheme.group(1).lower() == "file":
            path = urllib.parse.unquote(urllib.parse.urlsplit(item).path) or "/"
            raise UsageError(f"{item}: file URLs are not fetched; give the path instead: {path}")
        raise UsageError(f"{item}: only http(s) URLs are fetched; give a path for a local file")
    if os.path.lexists(item):
        return "path", item
    if glob.has_magic(item):
        return "glob", item
    raise UsageError(f"{item}: no such file or directory")


def _read_all(plan: list[tuple[str, str]], options: SourceOptions) -> Iterator[Result]:
    fetcher = Fetcher(options)
    for kind, item in plan:
        if kind == "url":
            fetcher.allow(item)
    try:
        for kind, item in plan:
            if kind == "stdin":
                yield from _guarded("-", _read_stdin(options, fetcher))
            elif kind == "url":
                yield from _guarded(item, _read_url(item, options, fetcher))
            elif kind == "glob":
                matches = [m for m in sorted(glob.glob(item, recursive=True)) if not is_sidecar_name(m)]
                if not matches:
                    yield SourceFailure(item, "no files match")
                for match in matches:
                    yield from _read_path(match, options, fetcher)
            else:
                yield from _read_path(item, options, fetcher)
        if options.urls_file is not None:
            yield from _guarded(options.urls_file, _read_url_list(options.urls_file, options, fetcher))
    finally:
        fetcher.close()


def _guarded(origin: str, results: Iterator[Result]) -> Iterator[Result]:
    """A bug met on one input costs that input, never the run (nor a traceback)."""
    try:
        for result in results:
            problem = _unstorable(result) if isinstance(result, Document) else None
            yield SourceFailure(result.origin or origin, problem) if problem else result
    except ImportError as exc:
        yield SourceFailure(origin, missing_dependency(exc))
    except Exception as exc:
        detail = (str(exc).strip().splitlines() or [""])[0][:200]
        yield SourceFailure(origin, f"unexpected error: {type(exc).__name__}" + (f": {detail}" if detail else ""))


def _unstorable(doc: Document) -> str | None:
    """A reason a document cannot be stored as it is (a lone surrogate that a
    reader let through cannot be encoded as UTF-8), or None."""
    for field in ("text", "title", "url", "publisher"):
        problem = lone_surrogate(getattr(doc, field), field)
        if problem:
            return problem
    return None


# --- local files and folders -------------------------------------------------


def _read_path(path: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    if not os.path.isdir(path):
        yield from _guarded(path, _read_file(path, reader_for(path) or "text", options, fetcher))
        return
    for found in walk_folder(path):
        if isinstance(found, SourceFailure):
            yield found
        else:
            yield from _guarded(found[0], _read_file(found[0], found[1], options, fetcher))


def _read_file(path: str, kind: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    """One file, with what its metadata sidecar says (see `sidecar`) ranked
    below the command line and above the file's own metadata."""
    if broken_symlink(path):
        yield SourceFailure(path, "broken symlink")
        return
    sidecar = sidecar_for(path, reader_suffix(path))
    if isinstance(sidecar, SourceFailure):
        yield sidecar
        return
    if sidecar is None:
        yield from _read_file_as(path, kind, options, fetcher)
        return
    for result in _read_file_as(path, kind, sidecar.options_for(options), fetcher):
        yield sidecar.label(result, options) if isinstance(result, Document) else result


def _read_file_as(path: str, kind: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    if kind in ("jsonl", "jsonl.gz", "json"):
        yield from _read_json_file(path, kind, options, fetcher)
        return
    data = read_capped(path, options.max_bytes)
    if isinstance(data, SourceFailure):
        yield data
        return
    yield from _read_bytes(data, path, kind, options, fetcher)


def _read_bytes(
    data: bytes,
    origin: str,
    kind: str,
    options: SourceOptions,
    fetcher: Fetcher,
    declared: str | None = None,
    url: str | None = None,
) -> Iterator[Result]:
    """Decode and hand to the right reader; `kind` is a hint that content can overrule
    (an .txt file holding a web page is read as one)."""
    if not data.strip():
        yield SourceFailure(origin, "empty file")
        return
    if kind in ("feed", "text", "html", "json") and looks_like_feed(data):
        feed = parse_feed(data, base_url=url)
        if feed is not None:
            yield from _read_feed(feed, origin, options, fetcher)
            return
    if kind == "feed":
        yield SourceFailure(origin, "not an RSS or Atom feed")
        return
    decoded = decode_bytes(data, declared=declared, markup=kind in ("html", "feed") or _looks_like_html(data))
    if decoded.text is None:
        yield SourceFailure(origin, decoded.reason or "unreadable")
        return
    if kind == "json":
        yield from iter_json_document(decoded.text, origin, options)
    elif kind == "jsonl":
        lines = enumerate(decoded.text.splitlines(), 1)
        yield from iter_json_text_lines(lines, origin, options)
    elif kind == "html" or _looks_like_html(data):
        yield read_html(decoded.text, origin, options, url=url)
    else:
        yield read_text(decoded.text, origin, dataclasses.replace(options, url=options.url or url))


def _read_json_file(path: str, kind: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    """JSON Lines are streamed whatever the file's size (the limit applies per line);
    a whole JSON document must fit under the limit."""
    stream = open_stream(path, kind == "jsonl.gz")
    if isinstance(stream, SourceFailure):
        yield stream
        return
    with stream:
        try:
            head = stream.peek(8192)[:8192]
        except (OSError, EOFError, zlib.error) as exc:
            yield SourceFailure(path, f"corrupt compressed data: {exc}")
            return
        if looks_binary(head):
            yield SourceFailure(path, "binary file")
            return
        if kind == "json" and (looks_like_feed(head) or not _first_line_is_object(stream, options.max_bytes)):
            # A JSON document (array, pretty-printed object, a JSON Feed), not JSON Lines.
            size = os.fstat(stream.fileno()).st_size
            if size > options.max_bytes:
                yield SourceFailure(path, over_limit_reason("file", size, options.max_bytes))
                return
            stream.seek(0)
            data = read_capped_stream(stream, path, options.max_bytes)
            if isinstance(data, SourceFailure):
                yield data
                return
            yield from _read_bytes(data, path, "json", options, fetcher)
            return
        stream.seek(0)
        count = 0
        for result in iter_json_lines(stream, path, options):
            count += 1
            yield result
        if count == 0:
            yield SourceFailure(path, "empty file")


def _first_line_is_object(stream, max_bytes: int) -> bool:
    line = stream.readline(max_bytes + 1)
    while line and not line.strip():
        line = stream.readline(max_bytes + 1)
    try:
        return isinstance(json.loads(line.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in head[:512]


# --- standard input ------------------------------------------------------------


def _read_stdin(options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    stream = options.stdin if options.stdin is not None else sys.stdin
    stream = getattr(stream, "buffer", stream)  # bytes when we can, so we decode ourselves
    first = stream.readline(options.max_bytes + 1)
    rest_first = first if isinstance(first, bytes) else first.encode("utf-8")
    opening = first.lstrip()[:1]
    try:
        is_record = isinstance(json.loads(first), dict)
    except (ValueError, UnicodeDecodeError):
        # A first line too long to hold is taken as a record when it opens like one.
        is_record = opening in ("{", b"{") and len(first) > options.max_bytes
    if is_record:
        yield from iter_json_text_lines(numbered_lines(stream, options.max_bytes, first=first), "-", options)
        return
    rest = stream.read(options.max_bytes + 1 - len(first))
    data = rest_first + (rest if isinstance(rest, bytes) else rest.encode("utf-8"))
    if len(data) > options.max_bytes:
        yield SourceFailure("-", f"standard input is over the {format_size(options.max_bytes)} limit")
        return
    # A pretty-printed JSON document (array or object) is read as records.
    kind = "json" if opening in ("{", "[", b"{", b"[") and _is_json(data) else "text"
    yield from _read_bytes(data, "-", kind, options, fetcher)


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return False
    return True


# --- URLs and feeds -------------------------------------------------------------


def _read_url(url: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    """A page, or a feed when it parses as one."""
    yield from _read_fetched(fetcher.fetch(url), options, fetcher)


def _read_fetched(fetched: Fetched, options: SourceOptions, fetcher: Fetcher, feeds: bool = True) -> Iterator[Result]:
    """A downloaded page or feed (`feeds=False` for a feed's own entry links,
    so a feed that links to feeds cannot recurse)."""
    url = fetched.url
    if fetched.data is None:
        yield SourceFailure(url, fetched.reason or "download failed")
        return
    kind = "html"
    if looks_like_feed(fetched.data):
        if not feeds:
            yield SourceFailure(url, "feed entry links to another feed")
            return
        kind = "feed"
    elif fetched.content_type == "text/plain":
        kind = "text"
    elif fetched.content_type in _JSON_TYPES:
        kind = "jsonl" if b"\n{" in fetched.data.strip() else "json"
    yield from _read_bytes(fetched.data, url, kind, options, fetcher, declared=fetched.charset, url=url)


def _read_url_list(path: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    data = read_capped(path, options.max_bytes)
    if isinstance(data, SourceFailure):
        yield data
        return
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield SourceFailure(path, decoded.reason or "unreadable")
        return
    for number, line in enumerate(decoded.text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if not url.lower().startswith(("http://", "https://")):
            yield SourceFailure(f"{path}:{number}", "not an http(s) URL")
            continue
        fetcher.allow(url)
        yield from _read_url(url, options, fetcher)


def _read_feed(feed: Feed, origin: str, options: SourceOptions, fetcher: Fetcher) -> Iterator[Result]:
    """Each entry's article, dated by the entry (record metadata outranks HTML):
    its linked page, or the text the feed carries when that is the whole
    article or when the page cannot be read. Links are fetched concurrently."""
    if not feed.entries:
        yield SourceFailure(origin, "feed has no entries")
        return
    carried = [html_to_text(entry.content) if entry.content and not entry.problem else "" for entry in feed.entries]
    links = [
        None if entry.problem or carries_full_text(entry, text) else _linked(entry)
        for entry, text in zip(feed.entries, carried)
    ]
    wanted = [link for link in links if link is not None]
    for link in wanted:
        fetcher.allow(link)  # the feed's links are what the user asked for
    pages = fetcher.fetch_many(wanted)
    for number, (entry, text, entry_link) in enumerate(zip(feed.entries, carried, links), 1):
        where = f"{origin}#{number}"
        if entry.problem:
            yield SourceFailure(where, entry.problem)
            continue
        results = list(_read_fetched(next(pages), options, fetcher, feeds=False)) if entry_link else []
        if text and not any(isinstance(r, Document) for r in results):
            # The feed carries the article (or all we can get of it); read it like a
            # text, dateline and all. A failed link is then no failure of the entry.
            results = [read_text(text, where, options)]
        elif not results:
            results = [SourceFailure(where, f"entry {number} has no link and no text")]
        for result in results:
            if isinstance(result, Document):
                _apply_entry(result, entry, feed, options)
            yield result


def _linked(entry) -> str | None:
    link = entry.link
    return link if link and link.lower().startswith(("http://", "https://")) else None


def _apply_entry(document: Document, entry, feed: Feed, options: SourceOptions) -> None:
    if options.published is None and entry.published is not None:
        document.published, document.published_source = entry.published, "metadata"
    document.title = options.title or (normalise_text(entry.title) if entry.title else None) or document.title
    document.url = options.url or _linked(entry) or document.url
    document.publisher = options.publisher or document.publisher or feed.title
