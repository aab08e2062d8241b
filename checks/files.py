"""Crash-safe, private file writes: the one writer every file goes through.

A write goes to a temporary file created owner-only (0600) *before* any
byte is written, is flushed and fsynced, then atomically replaces the
target; the folder is fsynced so the rename survives a power cut. A link,
a folder, a device or a pipe at the target is never replaced.
Leftover temporary files from a crash are removed by :func:`clean_temp_files`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from checks.paths import PRIVATE_FILE_MODE, make_private_dir

if TYPE_CHECKING:  # datetime is loaded when a time is first needed, after the first paint
    from datetime import datetime

TEMP_MARKER = ".tmp-wc-"


class KeptAside(NamedTuple):
    """A file we could not use and moved aside instead of deleting it (a named
    tuple, like ``Paths``)."""

    original: Path
    kept_at: Path
    reason: str  # "damaged", "newer-version", "key-missing", "key-mismatch", …


def write_private(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``, owner-only on POSIX, in a folder
    of our own (made owner-only if new)."""
    make_private_dir(path.parent)
    write_file_private(path, data)


class NotARegularFile(OSError):
    """The target exists and is a link, a folder, a device, a pipe …: never replaced."""


def refuse_special_file(path: Path) -> None:
    """:class:`NotARegularFile` when ``path`` exists (even as a dangling link) and is
    not a regular file. ``os.replace`` would otherwise swap a symlink, a FIFO or a
    device node for our file."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(errno.EEXIST, "not a regular file", str(path))


@contextlib.contextmanager
def write_stream_private(path: Path, *, replace: bool = True) -> Iterator[BinaryIO]:
    """Write ``path`` through a stream, atomically, owner-only from the first byte.

    The target folder must exist; its permissions are left alone. With
    ``replace=False`` an existing file is never overwritten
    (:class:`FileExistsError`).
    """
    refuse_special_file(path)
    if not replace and path.exists():
        raise FileExistsError(str(path))
    temp = path.with_name(f"{path.name}{TEMP_MARKER}{os.urandom(4).hex()}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        refuse_special_file(path)
        if not replace and path.exists():
            raise FileExistsError(str(path))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def write_file_private(path: Path, data: bytes, *, replace: bool = True) -> None:
    """:func:`write_stream_private` for bytes already in memory (e.g. a PDF)."""
    with write_stream_private(path, replace=replace) as handle:
        handle.write(data)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (a no-op where folders can't be opened)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def clean_temp_files(folder: Path) -> int:
    """Remove temporary files a crashed write left behind; return how many."""
    removed = 0
    if not folder.is_dir():
        return 0
    for leftover in folder.rglob(f"*{TEMP_MARKER}*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def keep_aside(path: Path, dest_dir: Path, reason: str, stamp: str) -> Path:
    """Move a file we cannot use into ``dest_dir`` under a dated name.

    Never deletes and never overwrites: an existing name gets a counter.
    """
    make_private_dir(dest_dir)
    base = f"{path.name}.{reason}-{stamp}"
    target = dest_dir / base
    counter = 1
    while target.exists():
        counter += 1
        target = dest_dir / f"{base}-{counter}"
    os.replace(path, target)
    return target


def stamp(moment: datetime) -> str:
    """A file-name-safe UTC time stamp, e.g. ``20261122T101500Z``."""
    from datetime import timezone  # datetime: not before the first paint

    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
