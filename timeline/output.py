"""Command output to a file, whole or not at all: the pieces go to a temporary
file beside it, renamed over it only when every byte is on disk, so a full
disk or a failed render leaves the previous file as it was."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable


def write_file(path: str, pieces: Iterable[bytes]) -> None:
    """Write `pieces` to `path`, replacing it only when all were written.
    Raises OSError (the temporary file removed, `path` untouched)."""
    target = os.path.realpath(path)  # a symlink keeps pointing at the new content
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_through(target, pieces)  # a device or a FIFO (-o /dev/stdout) cannot be replaced
        return
    folder, name = os.path.split(target)
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    try:
        # mkstemp makes it 0600: give it the old file's mode, or a new file's.
        os.fchmod(fd, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
        with open(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())  # a full disk may only say so here
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _write_through(path: str, pieces: Iterable[bytes]) -> None:
    with open(path, "wb") as fh:
        for piece in pieces:
            fh.write(piece)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
