"""One way to run slow work off the UI thread.

``run_in_background(fn, on_done, on_error, owner)`` runs ``fn`` on a
thread pool; the result (or exception) comes back by a queued signal to the
thread that called, i.e. the UI thread. Nothing is delivered once ``owner``
has been destroyed. Tests pass :class:`SyncPool` to run work inline, or
:class:`DeferredPool` to deliver results late.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_in_flight: set[_Relay] = set()


class _Relay(QObject):
    """Lives in the caller's thread; receives the worker's signal there."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        _in_flight.discard(self)
        if shiboken6.isValid(self._owner):
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: Exception) -> None:
        _in_flight.discard(self)
        if self._on_error is None:
            raise exc  # no handler: the crash handler sees it
        if shiboken6.isValid(self._owner):
            self._on_error(exc)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class SyncPool:
    """A stand-in for QThreadPool that runs each task at once, in this thread."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()

    def waitForDone(self, msecs: int = -1) -> bool:
        return True


class DeferredPool:
    """A stand-in for QThreadPool that keeps each task until the test runs it:
    results arrive late, e.g. after the user changed page."""

    def __init__(self) -> None:
        self.waiting: list[QRunnable] = []

    def start(self, runnable: QRunnable) -> None:
        self.waiting.append(runnable)

    def run_waiting(self) -> int:
        """Run every task waiting (and those they start), in order; how many ran."""
        count = 0
        while self.waiting:
            self.waiting.pop(0).run()
            count += 1
        return count

    def waitForDone(self, msecs: int = -1) -> bool:
        return not self.waiting


def serial_pool() -> QThreadPool:
    """A pool with one thread: storage writes stay in the order they were made."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None,
    owner: QObject,
    pool: Any = None,
) -> None:
    relay = _Relay(owner, on_done, on_error)
    _in_flight.add(relay)
    (pool if pool is not None else QThreadPool.globalInstance()).start(_Task(fn, relay))
