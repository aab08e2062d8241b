"""The secret guard on text fields (desktop.ui.secret_guard): refused, explained,
cleared — and never checked on the UI thread when the check could be slow."""

from __future__ import annotations

import threading

import pytest

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from checks import secrets
from desktop.ui import dialogs, secret_guard

SEED = "abandon " * 11 + "about"  # the BIP-39 specification's test vector

pytestmark = pytest.mark.security


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs, "warn", lambda _parent, _title, text, _detail="": shown.append(text)
    )
    return shown


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The threads find_secrets ran on."""
    seen: list[threading.Thread] = []
    real = secrets.find_secrets

    def spy(text: str) -> list[secrets.SecretMatch]:
        seen.append(threading.current_thread())
        return real(text)

    monkeypatch.setattr(secrets, "find_secrets", spy)
    return seen


def test_typed_seed_is_refused_at_once(qtbot, warned, threads) -> None:
    field = QLineEdit()
    qtbot.add_widget(field)
    secret_guard.guard(field)
    field.setText(f"my words {SEED}")
    assert field.text() == ""
    assert "seed phrase" in warned[0]
    assert threads == [threading.main_thread()]  # short text: checked inline


def test_ordinary_text_is_kept(qtbot, warned) -> None:
    field = QLineEdit()
    qtbot.add_widget(field)
    secret_guard.guard(field)
    field.setText("Sent 0.5 ETH to the wrong address on Friday")
    assert field.text() == "Sent 0.5 ETH to the wrong address on Friday"
    assert warned == []


def test_long_paste_is_checked_off_the_ui_thread(qtbot, warned, threads) -> None:
    field = QPlainTextEdit()
    qtbot.add_widget(field)
    secret_guard.guard(field)
    text = "我的钱包被盗了，" * 100 + SEED
    assert len(text) > secret_guard.INLINE_LIMIT
    field.setPlainText(text)
    qtbot.wait_until(lambda: field.toPlainText() == "", timeout=5000)
    assert warned
    assert threads and threading.main_thread() not in threads


def test_before_the_word_lists_are_loaded_nothing_runs_inline(
    qtbot, warned, threads, monkeypatch
) -> None:
    monkeypatch.setattr(secrets, "is_warm", lambda: False)
    field = QLineEdit()
    qtbot.add_widget(field)
    secret_guard.guard(field)
    field.setText(SEED)
    assert field.text() == SEED  # not yet: the check runs in the background
    qtbot.wait_until(lambda: field.text() == "", timeout=5000)
    assert threading.main_thread() not in threads


def test_only_the_newest_long_text_is_checked(qtbot, warned, threads) -> None:
    field = QPlainTextEdit()
    qtbot.add_widget(field)
    secret_guard.guard(field)
    prose = "The balance was zero when I looked this morning. " * 10
    for count in range(1, 6):  # five edits while the first check may still run
        field.setPlainText(prose * count)
    qtbot.wait_until(lambda: len(threads) >= 1, timeout=5000)
    qtbot.wait(200)
    assert len(threads) <= 2  # the first, then the newest — not one per edit
    assert field.toPlainText() == prose * 5
    assert warned == []


def test_the_short_text_dialog_refuses_a_seed(qtbot, warned) -> None:
    parent = QWidget()
    qtbot.add_widget(parent)
    answers: list[str] = []
    dialog = dialogs.ask_text(
        parent, "They replied", "What?", answers.append, guard=secret_guard.guard
    )
    field = dialog.findChild(QLineEdit)
    assert field.property("secretGuard")
    field.setText(f"they asked for {SEED}")
    assert field.text() == "" and "seed phrase" in warned[0]
    dialog.reject()
    assert answers == []
