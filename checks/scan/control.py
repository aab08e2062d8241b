"""Pause, resume and cancel a scan from another thread, and report its progress.

The scan calls :meth:`Control.checkpoint` between files and between the
1 MB slices of a big one (at most about 0.1 s of work apart), so a cancel
takes effect well within half a second, and a pause stops the work at the
next checkpoint until :meth:`Control.resume`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


class Cancelled(Exception):
    """Raised at a checkpoint after :meth:`Control.cancel`."""


class Control:
    def __init__(self) -> None:
        self._running = threading.Event()
        self._running.set()
        self._cancelled = threading.Event()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self) -> None:
        self._cancelled.set()
        self._running.set()  # wake a paused scan so that it can stop

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def checkpoint(self) -> None:
        """Wait while paused; raise :class:`Cancelled` once cancelled."""
        if not self._running.is_set():
            self._running.wait()
        if self._cancelled.is_set():
            raise Cancelled


@dataclass(frozen=True)
class Progress:
    """Where the scan is.  ``files_total`` and ``bytes_total`` are 0 while counting."""

    phase: str  # "counting", "files", "pictures", "extensions", "programs", "network", "done"
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    folder: str
    seconds: float

    @property
    def fraction(self) -> float:
        """0..1, by bytes read (a big file weighs more than a small one)."""
        if self.phase == "done":
            return 1.0
        if not self.bytes_total:
            return 0.0
        return min(1.0, self.bytes_done / self.bytes_total)

    @property
    def seconds_left(self) -> float | None:
        """A guess from the speed so far; None until there is something to go on."""
        if self.phase == "pictures":  # counts, not bytes: a guess after a few pictures
            if self.files_done < 3 or self.seconds < 1:
                return None
            return max(0.0, (self.files_total - self.files_done) * self.seconds / self.files_done)
        if self.phase != "files" or self.bytes_done < 1 << 20 or self.seconds < 1:
            return None
        speed = self.bytes_done / self.seconds
        return max(0.0, (self.bytes_total - self.bytes_done) / speed)
