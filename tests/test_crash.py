"""A crash writes a log without user data and shows a calm message."""

from __future__ import annotations

import sys
import threading

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
