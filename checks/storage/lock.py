"""Locks, so that two processes never step on each other's data.

* :func:`exclusive` — held by whoever *opens* a data folder (the window,
  ``print``, ``doctor``, ``erase``) for the few moments it takes to create the
  folder, migrate the database and find or make the key. Two starts at the same
  moment (a double double-click, a login item plus a click) then happen one
  after the other: the second finds what the first one made. On POSIX it is a
  ``flock`` on the data folder itself, so no file is added to it ("keep nothing
  after closing" keeps nothing); on Windows, a lock on a small ``open.lock``
  file, removed again when no other start is waiting for it.
* :func:`try_hold` — a lock on a file that a process keeps while it runs (the
  window's, in :mod:`desktop.instance`), to tell whether one is running.

The operating system releases these locks when the process ends, even when it
is killed: a lock is never left behind.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from checks.paths import PRIVATE_FILE_MODE

OPEN_LOCK = "open.lock"  # Windows only
WAIT_SECONDS = 120.0  # the other process may be waiting for a keyring prompt


class LockTimeout(OSError):
    """Another process held the data folder for longer than we wait."""


def _open_file(path: Path) -> int:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE_MODE)
    return fd


def _try_lock(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt  # Windows only

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl  # POSIX only

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextlib.contextmanager
def exclusive(folder: Path, timeout: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the data folder's open lock; wait for it at most ``timeout`` seconds.

    The folder must exist. Raises :class:`LockTimeout` when it stays taken.
    """
    windows = os.name == "nt"
    if windows:  # pragma: no cover - Windows
        fd = _open_file(folder / OPEN_LOCK)
    else:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + timeout
        pause = 0.002
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise LockTimeout(f"{folder} stayed locked for {timeout:.0f} s")
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock
        if windows:  # pragma: no cover - fails (and stays) while another start has it open
            with contextlib.suppress(OSError):
                (folder / OPEN_LOCK).unlink()


def try_hold(path: Path) -> int | None:
    """Lock the file ``path`` without waiting: its descriptor (keep it open as
    long as the lock should last), or None when another process holds it."""
    fd = _open_file(path)
    if _try_lock(fd):
        return fd
    os.close(fd)
    return None


def is_held(path: Path) -> bool:
    """Does another open descriptor (any process) hold the lock on ``path``?"""
    if not path.exists():
        return False
    fd = try_hold(path)
    if fd is None:
        return True
    os.close(fd)
    return False


def release(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)
