"""A long history: opening the history view, and reading the data after start-up.

The real main window, in this process, on a data folder holding 120 saved
checkups and 50 theft cases written through the app's own store. Storage
work runs in a synchronous pool (as in the tests), so the time measured is
the whole job — reading, decrypting, building and painting the page — on
one clock.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from bench.dataset import NOW, fill_history, keyring_for
from bench.loop_probe import application, wait_for
from bench.measure import INFO, Row, median, ms, verdict
from bench.startup import HISTORY_CASES, HISTORY_RUNS

OPEN_BUDGET = 0.200


class _PaintSpy(QObject):
    """Notes when the history list (its viewport) is first painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted_at = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted_at:
            parent = watched.parent() if isinstance(watched, QWidget) else None
            if parent is not None and parent.objectName() == "runList":
                self.painted_at = time.perf_counter()
        return False


def run(quick: bool) -> list[Row]:
    from checks.paths import Paths
    from checks.storage.store import open_store
    from desktop.background import SyncPool
    from desktop.context import AppContext
    from desktop.i18n import set_language
    from desktop.main_window import MainWindow

    runs, cases = (12, 5) if quick else (HISTORY_RUNS, HISTORY_CASES)
    app = application()
    set_language("en", app)
    with tempfile.TemporaryDirectory(prefix="bench-history-") as folder:
        root = Path(folder)
        keyring = keyring_for(root)
        fill_history(root / "home", keyring, runs, cases)
        ctx = AppContext(
            paths=Paths(root / "home"),
            keyring_backend=keyring,
            pool=SyncPool(),
            storage_pool=SyncPool(),
            clock=lambda: NOW,
            remember_window=False,
        )
        window = MainWindow(ctx)
        window.show()
        wait_for(window.first_painted, timeout=10)
        wait_for(timeout=0.2, until=lambda: False)

        # After the first paint the app opens the data and fills the home page.
        start = time.perf_counter()
        outcome = open_store(ctx.paths, keyring)
        ctx.store = outcome.store
        window.refresh_notices()
        data_ready = time.perf_counter() - start
        if ctx.store is None:
            raise RuntimeError(f"the benchmark data did not open: {outcome.need}")

        spy = _PaintSpy()
        app.installEventFilter(spy)
        opens: list[float] = []
        for _ in range(2 if quick else 9):
            spy.painted_at = 0.0
            start = time.perf_counter()
            window.checkup.show_history()
            wait_for(timeout=5, until=lambda: bool(spy.painted_at))
            opens.append((spy.painted_at or float("inf")) - start)
            page = window.checkup.page
            count = page.list.count() if page is not None else 0  # type: ignore[attr-defined]
            if count != runs:
                raise RuntimeError(f"the history shows {count} runs, not {runs}")
            window.checkup.close_page()
            wait_for(timeout=0.1, until=lambda: False)
        app.removeEventFilter(spy)
        window.close()
        ctx.store.close()
        window.deleteLater()
    first, rest = opens[0], opens[1:]
    typical = median(rest)
    return [
        Row(
            "5b",
            f"History view with {runs} checkups: call to list painted"
            f" (median of {len(rest)} after the first)",
            ms(typical),
            f"<= {ms(OPEN_BUDGET)}",
            verdict(typical <= OPEN_BUDGET and first <= OPEN_BUDGET),
            note=f"first opening {ms(first)} (also within the budget for PASS)",
        ),
        Row(
            "5c",
            f"After the first paint: open the data and read the home page's notices"
            f" ({runs} checkups, {cases} cases), storage thread",
            ms(data_ready),
            "-",
            INFO,
        ),
    ]
