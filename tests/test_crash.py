"""A crash writes a log without user data and shows a calm message."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from desktop import crash

pytestmark = pytest.mark.security
SECRET = "abandon ability able about above absent absorb abstract absurd abuse access accident"


def test_log_has_locations_but_no_message_or_values(tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install(lambda: tmp_path / "logs", shown.append)

    def parse_note(note: str) -> None:
        raise ValueError(f"could not parse {note}")

    try:
        parse_note(SECRET)
    except ValueError:
        sys.excepthook(*sys.exc_info())
    logs = list((tmp_path / "logs").iterdir())
    assert len(logs) == 1 and shown == [str(logs[0])]
    text = logs[0].read_text()
    assert "builtins.ValueError" in text
    assert "parse_note" in text
    assert "abandon" not in text and "could not parse" not in text


def test_thread_crash_is_caught_too(tmp_path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install(lambda: tmp_path / "logs", shown.append)

    def boom() -> None:
        raise RuntimeError(SECRET)

    worker = threading.Thread(target=boom)
    worker.start()
    worker.join()
    assert len(shown) == 1
    assert SECRET not in (tmp_path / "logs").joinpath(shown[0]).read_text()


def test_an_error_in_a_slot_after_start_up_shows_something_went_wrong(
    qtbot, monkeypatch, tmp_path, memory_keyring
) -> None:
    """desktop.app.start kept its crash relay only as a local variable: after
    start-up every unexpected error wrote a log and showed nothing."""
    import gc

    from PySide6.QtCore import QTimer

    import desktop.app
    from desktop.cli import window_arguments
    from desktop.ui import dialogs

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "crash_notice", lambda parent, log: shown.append((parent.objectName(), log))
    )
    window, ctx = desktop.app.start(
        window_arguments(["--lang", "en"]), desktop.app.make_application([])
    )
    qtbot.add_widget(window)
    ctx.keyring_backend = memory_keyring  # before the first paint opens the data
    ctx.remember_window = False
    qtbot.wait_until(lambda: ctx.store is not None, timeout=10_000)
    gc.collect()  # whatever start() did not keep is gone now

    def slot() -> None:
        raise ValueError(SECRET)

    QTimer.singleShot(0, window, slot)  # a slot of the window, long after start-up
    qtbot.wait_until(lambda: len(shown) == 1, timeout=5_000)
    ((parent, log),) = shown
    assert parent == window.objectName()
    assert SECRET not in Path(log).read_text(encoding="utf-8")
    ctx.storage_pool.waitForDone(5_000)
    ctx.store.close()
