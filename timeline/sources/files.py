"""Safe access to local files: which reader a name calls for, walking folders
(sorted, hidden files skipped, symlink loops stopped), and opening or reading a
file under the size limit — every refusal a SourceFailure with a short reason."""

from __future__ import annotations

import gzip
import os
import stat
from collections.abc import Iterator

from .document import SourceFailure
from .options import format_size, over_limit_reason
from .sidecar import is_sidecar_name

# Suffix → reader, for files named directly and for those found in folders.
_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".ndjson.gz": "jsonl.gz",
    ".json.gz": "jsonl.gz",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


def reader_for(path: str) -> str | None:
    """The reader a file name calls for ("text", "html", "json", "jsonl", "jsonl.gz", "feed")."""
    suffix = reader_suffix(path)
    return _SUFFIXES[suffix] if suffix else None


def reader_suffix(path: str) -> str:
    """The suffix that chose the reader (".jsonl.gz", ".txt"), or "" for none."""
    name = os.path.basename(path).lower()
    return next((s for s in sorted(_SUFFIXES, key=len, reverse=True) if name.endswith(s)), "")


def walk_folder(folder: str, seen: set[str] | None = None) -> Iterator[tuple[str, str] | SourceFailure]:
    """(path, reader) for each readable-looking file below `folder`, in name order."""
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield SourceFailure(folder, os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, .DS_Store and editors' swap files are not articles
        if is_sidecar_name(entry.name):
            continue  # metadata of the articles beside it, not an article
        if entry.is_dir():  # follows symlinks; `seen` stops loops
            yield from walk_folder(entry.path, seen)
            continue
        kind = reader_for(entry.name)
        if kind is not None:
            yield entry.path, kind


def broken_symlink(path: str) -> bool:
    return os.path.islink(path) and not os.path.exists(path)


def open_stream(path: str, compressed: bool):
    """A binary stream (decompressed for .gz), or why it cannot be opened."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return SourceFailure(path, "not a regular file")
        raw = open(path, "rb")
    except OSError as exc:
        return SourceFailure(path, os_reason(exc))
    return _OwningGzipFile(fileobj=raw, mode="rb") if compressed else raw


class _OwningGzipFile(gzip.GzipFile):
    """A GzipFile that also closes the file under it (GzipFile(fileobj=...) does not)."""

    def close(self) -> None:
        raw = self.fileobj
        try:
            super().close()
        finally:
            if raw is not None:
                raw.close()


def read_capped(path: str, max_bytes: int) -> bytes | SourceFailure:
    """The file's bytes, refused by its size before reading when over the limit."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return SourceFailure(path, "not a regular file")
        if info.st_size > max_bytes:
            return SourceFailure(path, over_limit_reason("file", info.st_size, max_bytes))
        with open(path, "rb") as handle:
            return read_capped_stream(handle, path, max_bytes)
    except OSError as exc:
        return SourceFailure(path, os_reason(exc))


def read_capped_stream(handle, origin: str, max_bytes: int) -> bytes | SourceFailure:
    """At most max_bytes from `handle`; reading one byte more tells us it is over."""
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew since stat, or a compressed stream
        return SourceFailure(origin, f"file is over the {format_size(max_bytes)} limit")
    return data


def os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or type(exc).__name__).lower()
