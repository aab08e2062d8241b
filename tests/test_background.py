"""run_in_background: off the UI thread, results back on it, owner-safe."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool

from desktop.background import SyncPool, run_in_background


def test_work_runs_elsewhere_and_result_arrives_on_ui_thread(qtbot) -> None:
    owner = QObject()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["receiver"] = threading.get_ident()

    pool = QThreadPool()
    run_in_background(work, done, None, owner, pool)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] != threading.get_ident()
    assert seen["receiver"] == threading.get_ident()
    pool.waitForDone()


def test_error_reaches_the_error_callback(qtbot) -> None:
    owner = QObject()
    errors: list[Exception] = []

    def work() -> None:
        raise OSError("disk gone")

    pool = QThreadPool()
    run_in_background(work, lambda _r: None, errors.append, owner, pool)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], OSError)
    pool.waitForDone()


def test_nothing_is_delivered_to_a_destroyed_owner(qtbot) -> None:
    owner = QObject()
    gate = threading.Event()
    delivered: list[object] = []
    pool = QThreadPool()
    run_in_background(
        lambda: gate.wait(5) and "late", delivered.append, delivered.append, owner, pool
    )
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    gate.set()
    pool.waitForDone()
    qtbot.wait(50)
    assert delivered == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_sync_pool_runs_inline() -> None:
    owner = QObject()
    got: list[int] = []
    run_in_background(lambda: 7, got.append, None, owner, SyncPool())
    assert got == [7]
