"""Panic mode in the window, by keyboard, in English and Chinese."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import FIXED_NOW
from ui import choose, open_window, press, tab_to, type_into

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from checks.panic.case import Case
from desktop import dialogs
from desktop.app import make_application
from desktop.main_window import MainWindow
from desktop.panic_wizard import PanicWizard

TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
THIEF = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"
THIEF_TYPO = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96046"  # one character changed


@pytest.fixture
def window(qtbot, make_ctx):
    return lambda language="en": open_window(qtbot, make_ctx(), language)


def section(qtbot, wizard: PanicWizard, index: int) -> None:
    """Move to a section with the keyboard (the Next button)."""
    while wizard.nav.currentRow() < index:
        press(qtbot, wizard.next)


def saved_case(win: MainWindow) -> Case:
    (summary,) = win.ctx.store.list_cases()
    return Case.from_payload(win.ctx.store.load_case(summary.id))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_whole_case_by_keyboard(qtbot, window, language, tmp_path: Path, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        dialogs, "warn", lambda parent, title, text, detail="": warnings.append(title)
    )
    win = window(language)
    qtbot.keyClick(
        win.home.panic,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wizard = win.panic.wizard
    assert isinstance(wizard, PanicWizard)
    triage = wizard.pages[0]

    # 1. Three questions by buttons → the top actions, tailored.
    choose(qtbot, triage.findChild(QAbstractButton, "funds__yes"))
    choose(qtbot, triage.findChild(QAbstractButton, "how__signed"))
    choose(qtbot, triage.findChild(QAbstractButton, "wallet__tokenpocket"))
    first = triage.findChild(QWidget, "firstAction1").text()
    expected = "Revoke the approvals you gave" if language == "en" else "取消"
    assert expected in first

    # 2. Lockdown: tick the first step; it gets a time.
    section(qtbot, wizard, 1)
    lockdown = wizard.pages[1]
    box = lockdown.cards["revoke_approvals"].check
    press(qtbot, box)
    assert box.isChecked()
    assert re.search(
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", lockdown.cards["revoke_approvals"].when.text()
    )

    # 3. Evidence: a timeline entry, a transaction with a typo corrected, a file.
    section(qtbot, wizard, 2)
    ev = wizard.pages[2]
    type_into(qtbot, ev.what, "Balance was zero")
    qtbot.keyClick(ev.what, Qt.Key.Key_Return)
    type_into(qtbot, ev.tx_hash, TX)
    assert ev.tx_check.styleSheet().endswith("#2e7d32;")
    type_into(qtbot, ev.tx_to, THIEF_TYPO)
    press(qtbot, ev.add_tx)
    assert "checksum" in ev.status.text() or "校验" in ev.status.text()
    ev.tx_to.selectAll()
    qtbot.keyClicks(ev.tx_to, THIEF)
    press(qtbot, ev.add_tx)
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"fake png " * 100)
    monkeypatch.setattr(dialogs, "open_file", lambda parent, title, on_path: on_path(str(shot)))
    press(qtbot, ev.attach)
    import hashlib

    digest = hashlib.sha256(shot.read_bytes()).hexdigest()
    assert digest in ev.files.item(0).text()

    # 4. Support: the message carries the hash; a fake link is flagged; a contact logged.
    section(qtbot, wizard, 3)
    support = wizard.pages[3]
    assert support.wallet.currentData() == "tokenpocket"
    assert TX in support.message.toPlainText()
    type_into(qtbot, support.suspect, "tokenpocket-support.com")
    qtbot.keyClick(support.suspect, Qt.Key.Key_Return)
    assert support.verdict.accessibleName().startswith("Lookalike" if language == "en" else "仿冒")
    tab_to(qtbot, support.channel)
    while support.channel.currentData() != "social":
        qtbot.keyClick(support.channel, Qt.Key.Key_Down)
    type_into(qtbot, support.address, "https://help.tokenpocket.pro")
    type_into(qtbot, support.ticket, "4711")
    press(qtbot, support.log)
    assert warnings == []  # an official channel: no warning
    type_into(qtbot, support.address, "t.me/TokenPocket_Helpdesk")
    press(qtbot, support.log)
    assert len(warnings) == 1  # unknown channel: strong warning

    # 5. Follow-up: waiting now; due once the clock moves two business days.
    section(qtbot, wizard, 4)
    follow = wizard.pages[4]
    assert follow.current_advice().status == "waiting"
    win.ctx.clock = lambda: FIXED_NOW + timedelta(days=4)  # Friday → Tuesday
    follow.refresh()
    assert follow.current_advice().status == "follow_up_due"
    assert re.search(r"\d{4}-\d{2}-\d{2}", follow.advice.text())
    press(qtbot, wizard.home)
    banner = next(b for b in win.home.banners if b.property("noticeId").startswith("case:"))
    assert "TokenPocket" in banner.label.text()
    due_words = "due today" if language == "en" else "今天"
    assert due_words in banner.label.text()

    # 6. Where to report: bodies for a region, with what to bring.
    qtbot.keyClick(banner.button, Qt.Key.Key_Space)
    wizard = win.panic.wizard
    section(qtbot, wizard, 5)
    report = wizard.pages[5]
    report.region.setCurrentIndex(report.region.findData("HK"))
    assert "18222" in report.bodies.text() and "chainabuse" in report.bodies.text().lower()

    case = saved_case(win)
    assert case.what_happened == ("signed",) and case.funds_left == "yes"
    assert case.done_at("revoke_approvals") is not None
    assert [t.to_address for t in case.transactions] == [THIEF]
    assert case.evidence[0].sha256 == digest
    assert [c.official for c in case.contacts] == [True, False]
    assert case.contacts[0].channel == "social"
    assert [e.text for e in case.timeline] == ["Balance was zero"]
    win.ctx.store.close()

    # Restart: everything is still there.
    again = window(language)
    again.show_panic()
    restored = again.panic.wizard.case
    assert restored == case
    again.ctx.store.close()


def test_panic_flag_opens_straight_into_panic(qtbot, monkeypatch) -> None:
    from desktop.app import start
    from desktop.cli import build_parser

    # start() uses the OS keyring; never the developer's real one in a test.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    args = build_parser().parse_args(["--panic", "--lang", "en"])
    win, ctx = start(args, make_application([]))
    qtbot.add_widget(win)
    assert isinstance(win.stack.currentWidget(), PanicWizard)
    assert win.panic.wizard.nav.currentRow() == 0
    assert win.panic.wizard.pages[0].objectName() == "triagePage"
    ctx.remember_window = False


def test_seed_phrase_in_a_note_is_refused(qtbot, window, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text, detail="": shown.append(text))
    win = window()
    win.show_panic()
    ev = win.panic.wizard.pages[2]
    ev.what.setText(" ".join(["abandon"] * 11 + ["about"]))
    assert ev.what.text() == ""
    assert shown and "seed phrase" in shown[0]


def test_a_64_hex_value_in_a_note_asks_about_transactions(qtbot, window, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text, detail="": shown.append(text))
    win = window()
    win.show_panic()
    ev = win.panic.wizard.pages[2]
    ev.what.setText("sent " + TX[2:])
    assert ev.what.text() == ""
    assert "Transactions section" in shown[0]
