"""Panic mode in the window: links and help by keyboard, files dropped on a real
storage thread, whose support is shown, closed and new cases, data unlocked late."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXED_NOW
from test_panic_window import pick, section
from ui import choose, focus, open_window, press, tab_to, type_into

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from checks.panic.case import Case, new_case
from desktop.app import build_window, make_application
from desktop.background import serial_pool
from desktop.panic.wizard import PanicWizard
from desktop.ui import dialogs


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Every URL handed to the system (browser, mail app), instead of opening it."""
    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toString()) or True)
    )
    return urls


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """The text of every confirmation asked; each is answered yes."""
    texts: list[str] = []

    def confirm(parent, title, text, yes_label, on_yes, detail="", on_no=None, dangerous=False):
        texts.append(text)
        on_yes()

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return texts


def tab_to_link(qtbot, label: QLabel, text: str) -> None:
    """Tab into a label, then from link to link until ``text`` is the one focused."""
    tab_to(qtbot, label)
    for _ in range(60):
        if label.hasSelectedText() and label.selectedText() == text:
            return
        qtbot.keyClick(label, Qt.Key.Key_Tab)
        assert focus() is label, f"left the label before reaching {text!r}"
    raise AssertionError(f"no link {text!r}")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_official_links_open_with_tab_and_enter(qtbot, make_ctx, opened, language) -> None:
    win = open_window(qtbot, make_ctx(), language)
    win.show_panic()
    wizard = win.panic.wizard
    choose(qtbot, wizard.pages[0].findChild(QAbstractButton, "wallet__metamask"))
    section(qtbot, wizard, 3)
    channels = wizard.pages[3].channels
    tab_to_link(qtbot, channels, "Official help centre" if language == "en" else "官方帮助中心")
    qtbot.keyClick(channels, Qt.Key.Key_Return)
    assert opened == ["https://support.metamask.io"]

    section(qtbot, wizard, 5)
    report = wizard.pages[5]
    pick(qtbot, report.region, "GLOBAL")
    tab_to(qtbot, report.bodies)
    qtbot.keyClick(report.bodies, Qt.Key.Key_Tab)  # from the first link to the next one
    qtbot.keyClick(report.bodies, Qt.Key.Key_Return)
    assert len(opened) == 2 and opened[1].startswith(("https://", "tel:"))


def test_lockdown_links_and_help_buttons_work_by_keyboard(qtbot, make_ctx, opened) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    asked: list[str] = []
    win.open_help = lambda article=None: asked.append(article)  # the help window is not ours
    win.show_panic()
    wizard = win.panic.wizard
    triage = wizard.pages[0]
    press(qtbot, triage.findChild(QAbstractButton, "help_seed-exposed"))
    assert asked == ["seed-exposed"]
    press(qtbot, triage.findChild(QAbstractButton, "how__signed"))
    section(qtbot, wizard, 1)
    card = wizard.pages[1].cards["revoke_approvals"]
    press(qtbot, card.more)
    tab_to_link(qtbot, card.details, "Revoke.cash: see and revoke token approvals")
    qtbot.keyClick(card.details, Qt.Key.Key_Return)
    assert opened == ["https://revoke.cash/"]
    press(qtbot, card.help)
    assert asked[-1] == "token-approvals"


def test_first_screen_shows_the_three_actions_without_scrolling(qtbot, make_ctx) -> None:
    for language in ("en", "zh_CN"):
        win = open_window(qtbot, make_ctx(), language)
        win.resize(900, 680)
        win.show_panic()
        triage = win.panic.wizard.pages[0]
        qtbot.waitUntil(lambda t=triage: t.findChild(QLabel, "firstAction3").isVisible())
        for number in (1, 2, 3):
            for name in (f"firstAction{number}", f"firstActionWhy{number}"):
                label = triage.findChild(QLabel, name)
                assert label.text()
                bottom = label.mapTo(win, QPoint(0, label.height())).y()
                assert bottom <= win.height(), (language, name)
                assert not label.visibleRegion().isEmpty(), (language, name)
        win.close()


def test_dropped_files_all_land_and_a_note_typed_meanwhile_stays(
    qtbot, make_ctx, tmp_path: Path
) -> None:
    pool = serial_pool()  # a real storage thread, as in the app
    win = open_window(qtbot, make_ctx(storage_pool=pool), "en")
    qtbot.waitUntil(lambda: win.ctx.store is not None)  # unlocked in the storage thread
    win.show_panic()
    qtbot.waitUntil(lambda: win.panic.wizard is not None)
    wizard = win.panic.wizard
    section(qtbot, wizard, 2)
    page = wizard.pages[2]
    files = []
    for number in range(3):
        path = tmp_path / f"shot{number}.png"
        path.write_bytes(bytes([number]) * (2_000_000 + number))
        files.append(path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, buttons, keys)
    assert QApplication.sendEvent(page, enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, buttons, keys)
    assert QApplication.sendEvent(page, drop)
    # While the first copy runs in the storage thread, a note goes into the timeline.
    type_into(qtbot, page.what, "Noticed at lunch")
    qtbot.keyClick(page.what, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(wizard.case.evidence) == 3, timeout=20_000)
    assert [e.original_name for e in wizard.case.evidence] == [
        "shot0.png",
        "shot1.png",
        "shot2.png",
    ]
    assert [e.text for e in wizard.case.timeline] == ["Noticed at lunch"]
    pool.waitForDone()
    qtbot.waitUntil(lambda: page.integrity.text() != "", timeout=10_000)
    saved = Case.from_payload(win.ctx.store.load_case(wizard.case.id))
    assert len(saved.evidence) == 3 and [e.text for e in saved.timeline] == ["Noticed at lunch"]
    # Closed the way the app closes it: no new reads, then after those in the storage thread.
    store, win.ctx.store = win.ctx.store, None
    pool.waitForDone()
    store.close()


def test_another_wallet_and_a_wallet_chosen_on_the_support_page(qtbot, make_ctx) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    win.show_panic()
    wizard = win.panic.wizard
    triage = wizard.pages[0]
    assert triage.findChild(QAbstractButton, "wallet__binance") is not None  # exchanges too
    choose(qtbot, triage.findChild(QAbstractButton, "wallet__other"))
    section(qtbot, wizard, 3)
    support = wizard.pages[3]
    assert support.wallet.currentData() == "other"
    assert "imToken" not in support.message.toPlainText()
    assert "Hello wallet support," in support.message.toPlainText()
    pick(qtbot, support.wallet, "binance")
    assert "Hello Binance support," in support.message.toPlainText()
    pick(qtbot, support.where, "help_center")
    press(qtbot, support.log)
    assert support.wallet.currentData() == "binance"  # logging does not flip it back
    assert wizard.case.contacts[-1].wallet == "binance"
    section(qtbot, wizard, 4)
    assert "Binance" in wizard.pages[4].advice.text()


def test_closing_asks_for_an_outcome_and_a_confirmation(qtbot, make_ctx, asked) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    win.show_panic()
    wizard = win.panic.wizard
    choose(qtbot, wizard.pages[0].findChild(QAbstractButton, "funds__no"))
    section(qtbot, wizard, 6)
    summary = wizard.pages[6]
    assert summary.outcome.currentData() == ""  # no outcome chosen for the user
    press(qtbot, summary.findChild(QAbstractButton, "closeCase"))
    assert asked == [] and wizard.case.status != "closed"
    pick(qtbot, summary.outcome, "not_recovered")
    press(qtbot, summary.findChild(QAbstractButton, "closeCase"))
    assert len(asked) == 1 and "Not recovered" in asked[0]
    assert wizard.case.status == "closed"
    assert "home screen" not in summary.status.text()
    assert not summary.name.isEnabled()  # read-only now
    assert not wizard.pages[0].findChild(QAbstractButton, "funds__yes").isEnabled()
    assert wizard.reopen.isVisible()
    wizard.go(1)
    assert not any(card.check.isEnabled() for card in wizard.pages[1].cards.values())

    # The closed case stays reachable: All cases → open it (read-only) → reopen.
    press(qtbot, wizard.all_cases)
    listing = win.panic.case_list
    assert listing.list.count() == 1 and "closed" in listing.list.item(0).text()
    press(qtbot, listing.open)
    wizard = win.panic.wizard
    assert wizard.read_only and wizard.case.outcome == "not_recovered"
    press(qtbot, wizard.reopen)
    assert wizard.case.status == "open" and wizard.case.outcome == ""
    assert wizard.pages[0].findChild(QAbstractButton, "funds__yes").isEnabled()
    saved = Case.from_payload(win.ctx.store.load_case(wizard.case.id))
    assert saved.status == "open"


def test_a_second_case_while_one_is_open(qtbot, make_ctx, monkeypatch) -> None:
    monkeypatch.setattr(
        dialogs,
        "confirm",
        lambda parent, title, text, yes_label, on_yes, detail="", on_no=None, dangerous=False: (
            on_yes()
        ),
    )
    win = open_window(qtbot, make_ctx(), "en")
    win.show_panic()
    first = win.panic.wizard
    choose(qtbot, first.pages[0].findChild(QAbstractButton, "funds__yes"))
    first_id = first.case.id
    press(qtbot, first.new_case)
    second = win.panic.wizard
    assert second.case.id != first_id and second.case.funds_left == ""
    assert [c.id for c in win.ctx.store.list_cases()] == [first_id]  # untouched: not saved
    choose(qtbot, second.pages[0].findChild(QAbstractButton, "funds__no"))
    assert {c.id for c in win.ctx.store.list_cases()} == {first_id, second.case.id}
    press(qtbot, second.all_cases)
    assert win.panic.case_list.list.count() == 2


def test_looking_at_panic_mode_saves_no_empty_case(qtbot, make_ctx) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    win.show_panic()
    press(qtbot, win.panic.wizard.home)
    assert win.ctx.store.list_cases() == []


def _window_not_unlocked(qtbot, make_ctx, paths, memory_keyring, case: Case | None):
    from checks.storage import store as data

    if case is not None:
        store = data.open_store(paths, memory_keyring).store
        store.save_case(case.id, case.opened_at, case.status, case.to_payload(), FIXED_NOW)
        store.close()
    ctx = make_ctx()
    win = build_window(ctx, make_application([]), "en")
    qtbot.add_widget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.show_panic()  # as with --panic: before the data is unlocked
    assert ctx.store is None and isinstance(win.panic.wizard, PanicWizard)
    return win


def test_data_ready_switches_an_untouched_case_to_the_open_one(
    qtbot, make_ctx, paths, memory_keyring
) -> None:
    existing = new_case(FIXED_NOW, ("imtoken",)).with_triage(funds_left="yes")
    win = _window_not_unlocked(qtbot, make_ctx, paths, memory_keyring, existing)
    assert win.panic.wizard.case.id != existing.id
    win.unlocker.start()
    win.panic.data_ready()
    assert win.panic.wizard.case == existing
    assert [c.id for c in win.ctx.store.list_cases()] == [existing.id]  # no second case
    win.ctx.store.close()


def test_data_ready_keeps_and_saves_a_case_already_touched(
    qtbot, make_ctx, paths, memory_keyring
) -> None:
    existing = new_case(FIXED_NOW, ("imtoken",))
    win = _window_not_unlocked(qtbot, make_ctx, paths, memory_keyring, existing)
    wizard = win.panic.wizard
    choose(qtbot, wizard.pages[0].findChild(QAbstractButton, "funds__no"))
    win.unlocker.start()
    win.panic.data_ready()
    assert win.panic.wizard is wizard and wizard.case.funds_left == "no"
    assert {c.id for c in win.ctx.store.list_cases()} == {existing.id, wizard.case.id}
    win.ctx.store.close()


def test_no_known_email_means_guidance_before_an_empty_mail(qtbot, make_ctx, opened, asked) -> None:
    win = open_window(qtbot, make_ctx(), "zh_CN")
    win.show_panic()
    wizard = win.panic.wizard
    choose(qtbot, wizard.pages[0].findChild(QAbstractButton, "wallet__tokenpocket"))
    section(qtbot, wizard, 3)
    support = wizard.pages[3]
    assert "设置" in support.mail_hint.text() and "TokenPocket" in support.mail_hint.text()
    assert "官方帮助中心" in support.channels.text()  # where to look, not a blank
    press(qtbot, support.mail)
    assert asked == [support.mail_hint.text()]
    assert opened and opened[0].startswith("mailto:?subject=")
    assert "资产被盗求助 — TokenPocket — 2026-11-20 / Stolen assets report&body=TokenPocket" in (
        opened[0]
    )


def test_the_loss_value_goes_into_the_case_for_the_police(qtbot, make_ctx) -> None:
    """Issue 17: the police ask for 涉案金额; a Chinese UI offers 人民币 first."""
    win = open_window(qtbot, make_ctx(), "zh_CN")
    win.show_panic()
    wizard = win.panic.wizard
    section(qtbot, wizard, 2)
    loss = wizard.pages[2].loss
    assert loss.currency.currentData() in ("CNY", "HKD", "MOP", "TWD", "SGD", "MYR", "USD")
    type_into(qtbot, loss.amount, "35,000")
    press(qtbot, loss.save)
    assert wizard.case.loss_amount == "35,000"
    assert wizard.case.loss_currency == loss.currency.currentData()
    type_into(qtbot, loss.amount, "lots")
    press(qtbot, loss.save)
    assert wizard.case.loss_amount == "35,000"  # refused, with the reason shown
    assert "数字" in wizard.pages[2].status.text()
