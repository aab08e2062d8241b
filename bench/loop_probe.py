"""Watching the event loop: a 1 ms timer whose late ticks are stalls.

If the UI thread is busy (or waits for the GIL) the timer cannot fire; the
longest gap between two ticks, minus the interval, is the longest time a
key press or a repaint would have waited.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The one QApplication of this process, offscreen unless told otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication(["bench"])


class LoopProbe(QObject):
    """Ticks every ``interval_ms``; ``max_stall`` is the worst lateness, in seconds."""

    def __init__(self, interval_ms: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval = interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.max_gap = 0.0
        self.ticks = 0
        self.late: list[tuple[float, float]] = []  # (when it ended, gap) for gaps over 5 ms

    def start(self) -> None:
        self.max_gap, self.ticks, self.late = 0.0, 0, []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._tick()  # a stall that is still going on counts too
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        self.max_gap = max(self.max_gap, gap)
        if gap > 0.005:
            self.late.append((now, gap))
        self._last = now
        self.ticks += 1

    @property
    def max_stall(self) -> float:
        return max(0.0, self.max_gap - self.interval)

    def worst_between(self, start: float, end: float) -> tuple[float, float]:
        """(when it ended, stall) of the longest stall that ended between two times."""
        late = [(gap, when) for when, gap in self.late if start < when <= end]
        gap, when = max(late, default=(0.0, 0.0))
        return when, max(0.0, gap - self.interval)

    def max_stall_between(self, start: float, end: float) -> float:
        return self.worst_between(start, end)[1]


def wait_for(
    signal: SignalInstance | None = None,
    timeout: float = 30.0,
    until: Callable[[], bool] | None = None,
) -> bool:
    """Run the event loop until ``signal`` fires or ``until()`` holds; False on timeout.

    A nested QEventLoop is fine here: this is a measuring harness, not a
    slot of the app.
    """
    loop = QEventLoop()
    timed_out = [False]

    def expire() -> None:
        timed_out[0] = True
        loop.quit()

    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(expire)
    deadline.start(int(timeout * 1000))
    poll = QTimer()
    if signal is not None:
        signal.connect(loop.quit)
    if until is not None:
        if until():
            return True
        poll.setInterval(1)

        def check() -> None:
            if until():
                loop.quit()

        poll.timeout.connect(check)
        poll.start()
    loop.exec()
    poll.stop()
    deadline.stop()
    if signal is not None:
        signal.disconnect(loop.quit)
    return not timed_out[0]
