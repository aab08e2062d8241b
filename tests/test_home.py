"""The home window, driven by keyboard with qtbot."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from conftest import FIXED_NOW

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from checks.storage.settings import load_settings
from desktop.app import build_window, make_application
from desktop.main_window import MainWindow
from desktop.ui import dialogs


@pytest.fixture
def window_for(qtbot, make_ctx):
    def make(language: str = "en", **ctx_changes: object) -> MainWindow:
        ctx = make_ctx(**ctx_changes)
        window = build_window(ctx, make_application([]), language)
        qtbot.add_widget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        return window

    return make


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_keyboard_reaches_four_actions_then_settings(qtbot, window_for) -> None:
    window = window_for()
    home = window.home
    window.show_home()
    assert focused() is home.panic
    order = [home.panic]
    for _ in range(4):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        order.append(focused())
    assert order == [home.panic, home.checkup, home.history, home.print_kit, home.settings]


def test_enter_on_panic_opens_panic_mode_and_home_returns(qtbot, window_for) -> None:
    window = window_for()
    window.show_home()
    qtbot.keyClick(window.home.panic, Qt.Key.Key_Space)
    wizard = window.panic.wizard
    assert window.stack.currentWidget() is wizard
    assert "seed phrase" in wizard.truth.label.text()
    qtbot.keyClick(wizard.home, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.home
    assert focused() is window.home.panic


def test_icons_and_shortcuts_come_right_after_the_first_paint(qtbot, make_ctx) -> None:
    ctx = make_ctx()
    window = build_window(ctx, make_application([]), "en")
    qtbot.add_widget(window)
    assert not window.completed and window.home.settings.icon().isNull()
    window.show()
    qtbot.waitUntil(lambda: window.completed, timeout=3000)
    assert not window.windowIcon().isNull()
    assert not window.home.settings.icon().isNull()
    from PySide6.QtGui import QShortcut

    keys = sorted(s.key().toString() for s in window.findChildren(QShortcut))
    assert keys == sorted(["Ctrl+Shift+P", "Ctrl+,", "F1", "Ctrl+Q"])
    window.build_pages()  # a new language: the new home page has its icon at once
    assert not window.home.settings.icon().isNull()


def test_panic_shortcut_from_anywhere(qtbot, window_for) -> None:
    window = window_for()
    window.home.settings.setFocus()
    qtbot.keyClick(
        window.home.settings,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.stack.currentWidget() is window.panic.wizard


def test_settings_by_keyboard_changes_language_and_saves(qtbot, window_for) -> None:
    window = window_for()
    window.home.settings.setFocus()
    qtbot.keyClick(window.home.settings, Qt.Key.Key_Space)
    dialog = window.findChild(QWidget, "settingsDialog")
    assert dialog is not None and dialog.isVisible()
    combo = dialog.language
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last entry: 简体中文
    assert combo.currentData() == "zh_CN"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert window.home.panic.title == "我被盗了——紧急模式"
    assert window.windowTitle() == "钱包安全体检"
    settings, _ = load_settings(window.ctx.paths, FIXED_NOW)
    assert settings.language == "zh_CN"


def test_settings_shortcut_opens_dialog(qtbot, window_for) -> None:
    window = window_for()
    qtbot.keyClick(window.home.panic, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QWidget, "settingsDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.folder.text() == str(window.ctx.paths.data_dir)


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    return [t for t in texts if t]


BRANDS = (
    "imToken|TokenPocket|MetaMask|Trust Wallet|Ledger|Trezor|Bitpie|Binance|OKX|Coinbase"
    "|Kraken|SHA-256|USDT|TxID"
    # added with the directory and reporting data of issue 17
    "|TronLink|OneKey|Bitget Wallet|Bitget|HTX|Gate|Bybit|SEAL 911|Security Alliance"
    "|securityalliance\\.org|Scameter|Scamwatch|ReportCyber|IDCARE|NSRC|CyberDefender"
)
ALLOWED_LATIN = re.compile(rf"Ctrl\+Shift\+P|Ctrl\+,|Wi-Fi|2FA|/\S*|English|[A-Z]:\\\S*|{BRANDS}")


def untranslated(texts: list[str]) -> list[str]:
    """Texts with an English word left in them (brand names and keys allowed)."""
    bad = []
    for text in texts:
        rest = ALLOWED_LATIN.sub("", re.sub(r"<[^>]+>", "", text))
        if re.search(r"[A-Za-z]{3,}", rest):
            bad.append(text)
    return bad


def test_every_shown_string_is_chinese_in_zh_cn(qtbot, window_for) -> None:
    window = window_for("zh_CN")
    assert window.home.panic.title == "我被盗了——紧急模式"
    assert untranslated(visible_texts(window)) == []
    window.show_panic()
    assert untranslated(visible_texts(window.panic.wizard)) == []
    window.open_settings()
    dialog = window.findChild(QWidget, "settingsDialog")
    assert untranslated(visible_texts(dialog)) == []
    # Qt's own buttons come from Qt's bundled translation.
    assert "取消" in visible_texts(dialog)


def test_english_window_has_english_texts(window_for) -> None:
    window = window_for("en")
    texts = visible_texts(window)
    assert "Wallet Checkup" in texts
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in texts if t != "简体中文")


@pytest.mark.parametrize("reminder_day", [1, 15, 28])
def test_no_data_means_no_banners(reminder_day: int) -> None:
    """Before the data opens, the window shows no banners without asking checks.home
    (it is not loaded before the first paint); this is what checks.home would say."""
    from checks.home import notices

    today = FIXED_NOW.date()
    assert notices(runs=[], cases=[], reminder_day=reminder_day, today=today) == []


def test_a_file_kept_aside_is_told_before_the_data_opens(qtbot, make_ctx, tmp_path) -> None:
    from checks.files import KeptAside

    ctx = make_ctx()
    ctx.store = None  # the unlocker has not opened the data yet
    ctx.kept_aside.append(
        KeptAside(
            original=tmp_path / "settings.json", kept_at=tmp_path / "k.json", reason="damaged"
        )
    )
    window = build_window(ctx, make_application([]), "en")
    qtbot.add_widget(window)
    assert [b.property("noticeId") for b in window.home.banners] == ["kept-aside:k.json"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_home_shows_the_last_score_urgent_problems_and_next_checkup(
    qtbot, window_for, make_ctx, language
) -> None:
    """A checkup that scored 40 with 2 urgent problems is on the home screen."""
    from checks.storage import store as data
    from desktop.i18n import catalog

    ctx = make_ctx()
    store = data.open_store(ctx.paths, ctx.keyring_backend).store
    assert store is not None
    store.add_checkup_run(FIXED_NOW - timedelta(days=60), 80, 0, {})
    store.add_checkup_run(FIXED_NOW - timedelta(days=3), 40, 2, {})
    store.close()
    window = window_for(language)
    assert not window.home.standing.isVisible()  # before the data is open: nothing made up
    window.unlocker.start()  # SyncPool: opens at once
    shown = window.home.standing
    assert shown.isVisible()
    zh = catalog(language).gettext
    text = re.sub(r"<[^>]+>", "\n", shown.text())
    last = (FIXED_NOW - timedelta(days=3)).astimezone().date()
    assert zh("Last checkup on {date}: {score} of 100 ({grade}).").format(
        date=last.isoformat(), score=40, grade=zh("At risk")
    ) in text
    assert zh("Urgent problems to fix: {count}. Open History to see them.").format(count=2) in text
    due = f"{last.year + (last.month == 12)}-{last.month % 12 + 1:02d}-01"
    assert zh("Next checkup due on {date}.").format(date=due) in text
    assert untranslated([shown.accessibleName()]) == [] or language == "en"


def test_home_without_a_checkup_says_how_to_start(qtbot, window_for) -> None:
    window = window_for()
    window.unlocker.start()
    assert "No checkup yet" in window.home.standing.text()


def test_banners_for_open_case_and_overdue_checkup(qtbot, window_for, make_ctx) -> None:
    from checks.storage import store as data

    ctx = make_ctx()
    store = data.open_store(ctx.paths, ctx.keyring_backend).store
    assert store is not None
    store.add_checkup_run(FIXED_NOW - timedelta(days=50), 70, 0, {})
    from checks.panic.case import Case

    store.save_case("c1", FIXED_NOW, "open", Case("c1", FIXED_NOW).to_payload(), FIXED_NOW)
    store.close()
    window = window_for()
    window.unlocker.start()  # SyncPool: opens at once
    ids = [b.property("noticeId") for b in window.home.banners]
    assert ids == ["case:c1", "checkup-overdue"]
    case_banner = window.home.banners[0]
    assert "Theft case" in case_banner.label.text()
    assert "support" in case_banner.label.text()
    assert case_banner.accessibleName().startswith("Urgent:")
    assert case_banner.button is not None
    qtbot.mouseClick(case_banner.button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.panic.wizard
    assert window.panic.wizard.case.id == "c1"


@pytest.mark.parametrize(
    ("screen", "size"),
    [((1366, 728), (1256, 669)), ((1440, 860), (1280, 791)), ((2560, 1400), (1280, 960))],
)
def test_the_first_window_uses_the_screen(screen, size) -> None:
    """Not 860×640 on every screen: most of it, up to a comfortable size."""
    from desktop.main_window import first_size

    assert first_size(*screen) == size


def test_the_first_window_fits_the_screen_it_opens_on(qtbot, window_for) -> None:
    window = window_for()
    available = window.screen().availableGeometry()
    assert window.width() >= min(1200, int(available.width() * 0.9))
    assert window.height() >= min(900, int(available.height() * 0.9))
    assert available.contains(window.frameGeometry().topLeft())


def test_geometry_is_remembered(qtbot, window_for) -> None:
    window = window_for()
    window.resize(700, 500)
    window.close()
    settings, _ = load_settings(window.ctx.paths, FIXED_NOW)
    assert settings.window_geometry
    again = window_for(settings=settings)
    assert (again.width(), again.height()) == (700, 500)


def test_delete_all_data_confirmed_twice(qtbot, window_for, monkeypatch, memory_keyring) -> None:
    asked: list[str] = []

    def fake_confirm(parent, title, text, yes_label, on_yes, **kwargs):
        asked.append(title)
        on_yes()

    informed: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", fake_confirm)
    monkeypatch.setattr(dialogs, "inform", lambda p, title, *a, **k: informed.append(title))
    window = window_for()
    window.unlocker.start()
    assert window.ctx.store is not None and memory_keyring.entries
    window.open_settings()
    dialog = window.findChild(QWidget, "settingsDialog")
    qtbot.keyClick(dialog.erase, Qt.Key.Key_Space)
    assert asked == ["Delete all my data?", "This cannot be undone"]
    assert informed == ["All your data was deleted"]
    assert memory_keyring.entries == {}
    assert not window.ctx.paths.database.exists()
    assert window.ctx.store is None
    window.close()  # nothing is written after erasing
    assert not window.ctx.paths.settings.exists()


def test_cancelling_first_confirmation_deletes_nothing(qtbot, window_for, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: None)  # the user pressed Cancel
    window = window_for()
    window.unlocker.start()
    window.open_settings()
    window.findChild(QWidget, "settingsDialog").erase.click()
    assert window.ctx.paths.database.exists() and window.ctx.store is not None


def test_a_window_left_open_tells_when_the_checkup_falls_due(
    qtbot, window_for, make_ctx, monkeypatch
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    from checks.storage import store as data

    ctx = make_ctx()
    store = data.open_store(ctx.paths, ctx.keyring_backend).store
    assert store is not None
    store.add_checkup_run(FIXED_NOW - timedelta(days=2), 80, 0, {})  # next due on 1 December
    store.close()
    now = [FIXED_NOW]
    window = window_for(clock=lambda: now[0])
    window.unlocker.start()
    assert [b.property("noticeId") for b in window.home.banners] == []
    messages: list[str] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(window, "show_tray_message", lambda title, text: messages.append(text))
    timer = window.watch_for_due_checkup(interval_ms=50)
    now[0] = FIXED_NOW + timedelta(days=15)  # the app stayed open; the checkup fell due
    with qtbot.wait_signal(timer.timeout, timeout=2000):
        pass
    qtbot.wait_until(
        lambda: "checkup-overdue" in [b.property("noticeId") for b in window.home.banners]
    )
    assert messages == ["Your monthly checkup is due. It takes about 10 minutes."]
    with qtbot.wait_signal(timer.timeout, timeout=2000):
        pass
    assert len(messages) == 1  # once per session, not every hour


def test_the_garbage_collector_runs_again_after_the_first_paint(
    qtbot, paths, memory_keyring
) -> None:
    """desktop.cli pauses it while the window is built (bench/RESULTS.md)."""
    import gc

    from desktop.app import start
    from desktop.cli import window_arguments

    gc.disable()
    try:
        win, ctx = start(window_arguments(["--lang", "en"]), make_application([]))
        qtbot.add_widget(win)
        ctx.keyring_backend = memory_keyring  # before the first paint opens the data
        ctx.remember_window = False
        assert not gc.isenabled()
        qtbot.wait_until(gc.isenabled, timeout=3000)
        assert win.completed  # painted: this is after the first paint
        qtbot.wait_until(lambda: ctx.store is not None, timeout=10_000)
        ctx.storage_pool.waitForDone(5_000)
    finally:
        gc.enable()


def test_the_garbage_collector_comes_back_even_without_a_paint(qtbot, monkeypatch) -> None:
    import gc

    import desktop.app
    from desktop.cli import window_arguments

    monkeypatch.setattr(desktop.app, "GC_PAUSE_LIMIT_MS", 50)
    monkeypatch.setattr(desktop.app, "after_first_paint", lambda window: None)  # never painted
    gc.disable()
    try:
        win, _ctx = desktop.app.start(window_arguments(["--lang", "en"]), make_application([]))
        qtbot.add_widget(win)
        qtbot.wait_until(gc.isenabled, timeout=3000)
    finally:
        gc.enable()


def test_standing_is_decided_without_qt() -> None:
    from datetime import date

    from checks.findings import Severity
    from checks.home import standing
    from checks.storage.store import RunSummary

    good = RunSummary(1, FIXED_NOW - timedelta(days=40), 92, 0)
    overdue = standing(runs=[good], reminder_day=5, today=date(2026, 11, 20))
    assert overdue.severity is Severity.GOOD
    assert [line.render() for line in overdue.lines] == [
        f"Last checkup on {good.created_at.astimezone().date()}: 92 of 100 (Excellent).",
        "No urgent problems were found.",
        "Your next checkup is due now (since 2026-11-05).",
    ]
    bad = RunSummary(2, FIXED_NOW, 40, 2)
    assert standing(runs=[good, bad], reminder_day=5, today=date(2026, 11, 20)).severity is (
        Severity.URGENT
    )
    assert standing(runs=[], reminder_day=5, today=date(2026, 11, 20)).lines[0].render() == (
        "No checkup yet. The first one takes about 10 minutes."
    )


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_english_text_keeps_latin_quotes_and_chinese_its_own(qtbot, window_for, language) -> None:
    """In English, “quotes” drawn by the Chinese font are full-width: the desktop's
    Latin family must come first there, and the Chinese family first in Chinese."""
    from PySide6.QtGui import QFontInfo

    from desktop.app import CJK_FAMILIES, after_first_paint
    from desktop.fonts import FIRST_SCREEN_FAMILY

    window = window_for(language)
    after_first_paint(window)
    drawn_by = QFontInfo(QApplication.instance().font()).family()
    chinese = [FIRST_SCREEN_FAMILY, *CJK_FAMILIES]  # the first screens' glyphs are Noto's
    assert (drawn_by in chinese) == (language == "zh_CN"), drawn_by
    assert CJK_FAMILIES[0] in QApplication.instance().font().families()
