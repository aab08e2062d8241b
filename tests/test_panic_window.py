"""Panic mode in the window, by keyboard, in English and Chinese."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import FIXED_NOW
from ui import choose, open_window, press, tab_to, type_into

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

from checks.panic.case import Case
from desktop.app import make_application
from desktop.main_window import MainWindow
from desktop.panic.wizard import PanicWizard
from desktop.ui import dialogs
from desktop.ui.widgets import verdict_colour

TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
THIEF = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"
THIEF_TYPO = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96046"  # one character changed


@pytest.fixture
def window(qtbot, make_ctx):
    return lambda language="en", **ctx: open_window(qtbot, make_ctx(**ctx), language)


def section(qtbot, wizard: PanicWizard, index: int) -> None:
    """Move to a section with the keyboard (the Next button)."""
    while wizard.nav.currentRow() < index:
        press(qtbot, wizard.next)


def pick(qtbot, combo: QComboBox, value: object) -> None:
    """Choose an item of a combo box with the arrow keys."""
    tab_to(qtbot, combo)
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
        for _ in range(combo.count() + 1):
            if combo.currentData() == value:
                return
            qtbot.keyClick(combo, key)
    raise AssertionError(f"{value!r} is not in {combo.objectName()}")


def toggle(qtbot, button: QAbstractButton) -> None:
    """A several-answers button: each is its own Tab stop; Space toggles it."""
    press(qtbot, button)


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

    # 1. Three questions by buttons → the top actions, tailored, with their why in words.
    choose(qtbot, triage.findChild(QAbstractButton, "funds__yes"))
    toggle(qtbot, triage.findChild(QAbstractButton, "how__signed"))
    toggle(qtbot, triage.findChild(QAbstractButton, "how__funds_moved"))
    choose(qtbot, triage.findChild(QAbstractButton, "wallet__tokenpocket"))
    first = triage.findChild(QWidget, "firstAction1").text()
    assert ("Move what is left" if language == "en" else "新钱包") in first
    assert triage.findChild(QWidget, "firstActionWhy1").text()
    assert wizard.case.what_happened == ("funds_moved", "signed")

    # 2. Lockdown: tick a step; it gets a time.
    section(qtbot, wizard, 1)
    lockdown = wizard.pages[1]
    box = lockdown.cards["revoke_approvals"].check
    press(qtbot, box)
    assert box.isChecked()
    assert re.search(
        r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", lockdown.cards["revoke_approvals"].when.text()
    )

    # 3. Evidence: a timeline entry, a transaction whose typo shows as it is typed, a file.
    section(qtbot, wizard, 2)
    ev = wizard.pages[2]
    type_into(qtbot, ev.what, "Balance was zero")
    qtbot.keyClick(ev.what, Qt.Key.Key_Return)
    type_into(qtbot, ev.tx.tx_hash, TX)
    assert ev.tx.tx_check.styleSheet().endswith(f"{verdict_colour(True, ev)};")
    type_into(qtbot, ev.tx.tx_to, THIEF_TYPO)
    # before pressing Add:
    assert ev.tx.to_check.styleSheet().endswith(f"{verdict_colour(False, ev)};")
    assert "checksum" in ev.tx.to_check.text() or "校验" in ev.tx.to_check.text()
    press(qtbot, ev.tx.add)
    assert wizard.case.transactions == ()
    ev.tx.tx_to.selectAll()
    qtbot.keyClicks(ev.tx.tx_to, THIEF)
    assert ev.tx.to_check.styleSheet().endswith(f"{verdict_colour(True, ev)};")
    press(qtbot, ev.tx.known_time)
    press(qtbot, ev.tx.add)
    assert wizard.case.transactions[0].at == FIXED_NOW
    listed = ev.tx.list.item(0).text()
    assert ("Ethereum" if language == "en" else "以太坊") in listed and "[ethereum]" not in listed
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"fake png " * 100)
    monkeypatch.setattr(dialogs, "open_file", lambda parent, title, on_path: on_path(str(shot)))
    press(qtbot, ev.attach)
    digest = hashlib.sha256(shot.read_bytes()).hexdigest()
    assert digest in ev.files.item(0).text()
    assert ev.integrity.text()  # "all unchanged", in the UI language
    assert ev.integrity.styleSheet().endswith(f"{verdict_colour(True, ev)};")

    # 4. Support: the message carries the hash; a fake link is flagged; contacts logged.
    section(qtbot, wizard, 3)
    support = wizard.pages[3]
    assert support.wallet.currentData() == "tokenpocket"
    text = support.message.toPlainText()
    assert TX in text
    subject = text.splitlines()[0]
    if language == "en":
        assert subject.endswith("— TokenPocket — 2026-11-20 / 资产被盗求助")
    else:  # a Chinese message puts its Chinese subject first (issue 17)
        assert subject == "资产被盗求助 — TokenPocket — 2026-11-20 / Stolen assets report"
    type_into(qtbot, support.suspect, "tokenpocket-support.com")
    qtbot.keyClick(support.suspect, Qt.Key.Key_Return)
    assert support.verdict.accessibleName().startswith("Lookalike" if language == "en" else "仿冒")
    pick(qtbot, support.where, "help_center")  # one of the listed official channels
    assert support.channel.currentData() == "ticket"
    type_into(qtbot, support.ticket, "4711")
    press(qtbot, support.log)
    assert warnings == []  # an official channel: no warning
    pick(qtbot, support.where, "elsewhere")
    type_into(qtbot, support.address, "t.me/TokenPockt_Helpdesk")
    press(qtbot, support.log)
    assert len(warnings) == 1  # a look-alike channel: a strong warning
    assert support.wallet.currentData() == "tokenpocket"

    # 5. Follow-up: a ticket waits 3 *business* days — Friday's is not due on Tuesday.
    section(qtbot, wizard, 4)
    follow = wizard.pages[4]
    assert follow.current_advice().status == "waiting"
    win.ctx.clock = lambda: FIXED_NOW + timedelta(days=4)  # Tuesday: 4 calendar days later
    follow.refresh()
    assert follow.current_advice().status == "waiting"
    assert "2026-11-25 09:30" in follow.advice.text()  # Wednesday, same time
    win.ctx.clock = lambda: FIXED_NOW + timedelta(days=5, hours=1)  # Wednesday 10:30
    follow.refresh()
    assert follow.current_advice().status == "follow_up_due"
    press(qtbot, wizard.home)
    banner = next(b for b in win.home.banners if b.property("noticeId").startswith("case:"))
    assert "TokenPocket" in banner.label.text()
    overdue = "overdue since 2026-11-25 09:30" if language == "en" else "已逾期"
    assert overdue in banner.label.text()

    # 6. Where to report: region by keyboard; the report to hand over; its number logged.
    qtbot.keyClick(banner.button, Qt.Key.Key_Space)
    wizard = win.panic.wizard
    section(qtbot, wizard, 5)
    report = wizard.pages[5]
    pick(qtbot, report.region, "HK")
    assert "18222" in report.bodies.text() and "chainabuse" in report.bodies.text().lower()
    assert "Balance was zero" in report.summary.toPlainText()
    assert THIEF in report.summary.toPlainText()
    type_into(qtbot, report.reference, "HK-2026-0042")
    press(qtbot, report.log)
    assert wizard.case.status == "escalated"

    case = saved_case(win)
    assert case.what_happened == ("funds_moved", "signed") and case.funds_left == "yes"
    assert case.done_at("revoke_approvals") is not None
    assert [t.to_address for t in case.transactions] == [THIEF]
    assert case.evidence[0].sha256 == digest
    assert [c.official for c in case.contacts] == [True, False, True]
    assert [c.channel for c in case.contacts] == ["ticket", "ticket", "police"]
    assert case.contacts[0].address == "https://help.tokenpocket.pro"
    assert case.contacts[2].ticket == "HK-2026-0042"
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


def test_a_seed_phrase_on_other_network_is_refused(qtbot, window, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, _title, text, _d="": warned.append(text))
    win = window()
    win.show_panic()
    wizard = win.panic.wizard
    section(qtbot, wizard, 2)
    tx = wizard.pages[2].tx
    pick(qtbot, tx.chain, "other")
    tx.tx_hash.setText(" ".join(["abandon"] * 11 + ["about"]))  # pasted
    assert tx.tx_hash.text() == ""  # the field's guard removed it at once …
    assert warned and "seed phrase" in warned[0]  # … and said why
    press(qtbot, tx.add)
    assert wizard.case.transactions == ()


def test_panic_flag_resumes_the_open_case_once_the_data_opens(
    qtbot, monkeypatch, paths, memory_keyring
) -> None:
    """`wallet-checkup --panic` shows the first screen at once, before the keyring
    answers; when the data opens, the open case takes the untouched new one's place
    (it used to become a second open case at the first tick)."""
    from checks.storage import store as data
    from desktop.app import start
    from desktop.cli import build_parser

    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    seeded = Case("seeded", FIXED_NOW)
    store.save_case("seeded", FIXED_NOW, "open", seeded.to_payload(), FIXED_NOW)
    store.close()

    win, ctx = start(build_parser().parse_args(["--panic", "--lang", "en"]), make_application([]))
    qtbot.add_widget(win)
    ctx.keyring_backend = memory_keyring  # before the first paint opens the data
    ctx.remember_window = False
    assert isinstance(win.stack.currentWidget(), PanicWizard)  # at once, data or not
    qtbot.wait_until(lambda: ctx.store is not None, timeout=10_000)
    qtbot.wait_until(lambda: win.panic.wizard.case.id == "seeded", timeout=5_000)
    ctx.storage_pool.waitForDone(5_000)
    assert [c.id for c in ctx.store.list_cases()] == ["seeded"]  # no second case


def test_an_implausible_date_is_refused_with_a_clear_message(qtbot, window) -> None:
    """Year 7536 was accepted and printed; the time box was editable while unticked."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    win = window()
    win.show_panic()
    wizard = win.panic.wizard
    section(qtbot, wizard, 2)
    page = wizard.pages[2]
    tx = page.tx
    assert not tx.known_time.isChecked() and not tx.at.isEnabled()  # on first load
    press(qtbot, tx.known_time)
    assert tx.at.isEnabled()
    pick(qtbot, tx.chain, "ethereum")
    tx.tx_hash.setText("0x" + "5c" * 32)
    tx.at.setDateTime(QDateTime(QDate(7536, 12, 6), QTime(16, 28)))
    press(qtbot, tx.add)
    assert wizard.case.transactions == ()
    assert "in the future" in page.status.text()
    page.when.setDateTime(QDateTime(QDate(2001, 5, 1), QTime(10, 0)))
    page.what.setText("Bought coins")
    press(qtbot, page.add_event)
    assert wizard.case.timeline == ()
    assert "before 2009" in page.status.text()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_report_to_hand_over_is_copied_with_a_confirmation(qtbot, window, language) -> None:
    """Like the support message: "Copy the report" says it copied, in the report's
    chosen language, which starts at the window's."""
    from PySide6.QtGui import QGuiApplication

    win = window(language)
    win.show_panic()
    wizard = win.panic.wizard
    section(qtbot, wizard, 5)
    report = wizard.pages[5]
    assert report.summary_language.currentData() == language
    label = report.copy.text()
    press(qtbot, report.copy)
    assert report.copy.text() == ("Copied" if language == "en" else "已复制")
    assert report.copy.accessibleName() == report.copy.text()
    assert QGuiApplication.clipboard().text() == report.summary.toPlainText()
    qtbot.waitUntil(lambda: report.copy.text() == label, timeout=5000)
    win.ctx.store.close()


@pytest.mark.qt_log_ignore("does not support|Unable to detect")
def test_no_mail_app_shows_the_message_to_copy_and_prints_nothing(
    qtbot, window, monkeypatch, qtlog, capfd
) -> None:
    """Offscreen Qt has no mail app, like a computer without one set up."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QWidget

    from desktop.ui import qt_messages

    qt_messages.install()
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, _x, _y, on_yes, **_k: on_yes())
    win = window()
    win.show_panic()
    wizard = win.panic.wizard
    section(qtbot, wizard, 3)
    support = wizard.pages[3]
    press(qtbot, support.copy)
    assert support.copy.text() == "Copied"
    assert QGuiApplication.clipboard().text() == support.message.toPlainText()
    press(qtbot, support.mail)
    fallback = win.findChild(QWidget, "linkNotOpened")
    assert fallback is not None and fallback.isVisible()
    body = support.message.toPlainText().partition("\n\n")[2]
    shown = fallback.findChild(QPlainTextEdit, "linkText").toPlainText()
    assert body.splitlines()[0] in shown
    copy = fallback.findChild(QPushButton, "copyLinkText")
    qtbot.waitUntil(copy.hasFocus, timeout=2000)  # the fallback opens on its Copy button
    qtbot.keyClick(copy, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: copy.text() == "Copied", timeout=2000)
    logged = " ".join(record.message for record in qtlog.records)
    printed = "".join(capfd.readouterr())
    case_ref = wizard.case.id
    assert case_ref in support.message.toPlainText()
    assert case_ref not in logged and case_ref not in printed


def test_lists_wrap_long_hashes_and_tell_them_whole(qtbot, window) -> None:
    """The amount and the SHA-256 needed sideways scrolling; now they wrap, with a tooltip."""
    from checks.panic.case import Transaction

    win = window()
    win.show_panic()
    wizard = win.panic.wizard
    section(qtbot, wizard, 2)
    tx_hash = "0x" + "5c" * 32
    case = wizard.case.add_transaction(
        Transaction("ethereum", tx_hash, "", "0x" + "1" * 40, "USDT", "1,250.00")
    )
    wizard.update_case(case)
    listed = wizard.pages[2].tx.list
    item = listed.item(0)
    assert tx_hash in item.toolTip() and "1,250.00 USDT" in item.toolTip()
    assert listed.wordWrap()
    assert listed.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert "SHA-256" in wizard.pages[2].findChild(QLabel, "sha256Note").text()
