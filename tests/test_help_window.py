"""The help centre in the window: F1, the Help button, "?" on questions and in panic
mode, search by keyboard, myths, report a problem — in English and Chinese."""

from __future__ import annotations

import platform
import re

import pytest

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from checks import __version__
from checks import help as help_module
from checks.directory import reporting
from checks.help import TOPICS, article_for_question, load_help
from checks.help import blocks as help_blocks
from desktop.app import build_window, make_application
from desktop.help.window import HelpWindow
from desktop.main_window import MainWindow
from desktop.ui import dialogs

TEST_MNEMONIC = "abandon " * 11 + "about"  # the BIP-39 specification's test vector


def _labels() -> tuple[str, ...]:
    """The help centre's own English labels (the text before any {field})."""
    texts = [
        *(v for k, v in vars(help_module).items() if isinstance(v, str) and k.isupper()),
        *(v for k, v in vars(help_blocks).items() if isinstance(v, str) and k.isupper()),
        *(one for pair in help_blocks.SPAN_TEXTS.values() for one in pair),
        *TOPICS.values(),
        reporting.CHECK_BEFORE_USE,
        reporting.NEVER_SHARE_SEED,
        "Search help",
        "All articles",
        "Go back",
        "Help for this step",
        "Report a problem",
        "Copy the message",
        "Open in my mail program",
    ]
    labels = {text.split("{")[0].strip(" :;") for text in texts}
    single_words = ("Sources", "Wallets", "Exchanges")
    return tuple(sorted(label for label in labels if " " in label or label in single_words))


# None of these may show in English when the app speaks Chinese.
UI_LABELS = _labels()


@pytest.fixture
def window(qtbot, make_ctx):
    def make(language: str = "en") -> MainWindow:
        win = build_window(make_ctx(), make_application([]), language)
        qtbot.add_widget(win)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=3000)
        win.unlocker.start()
        win.show_home()
        return win

    return make


def type_with_ime(widget: QWidget, text: str) -> None:
    """Chinese is typed through an input method: it commits whole words."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focus() -> QWidget | None:
    return QApplication.focusWidget()


def help_of(win: MainWindow, qtbot) -> HelpWindow:
    helper = win.help_window
    assert isinstance(helper, HelpWindow)
    helper.activateWindow()
    qtbot.waitUntil(helper.isActiveWindow, timeout=3000)
    helper.opened: list[str] = []  # type: ignore[misc]
    helper.open_url = lambda url: helper.opened.append(url.toString())  # type: ignore[attr-defined]
    return helper


def test_f1_opens_help_from_the_home_screen_with_search_focused(qtbot, window) -> None:
    win = window()
    qtbot.keyClick(win.home.panic, Qt.Key.Key_F1)
    helper = help_of(win, qtbot)
    assert helper.isVisible() and helper.isWindow()
    assert not helper.isModal()
    qtbot.waitUntil(lambda: focus() is helper.search, timeout=3000)
    assert helper.results.count() == len(load_help().ids)


def test_help_button_follows_settings_in_the_tab_chain(qtbot, window) -> None:
    win = window()
    home = win.home
    home.settings.setFocus()
    qtbot.keyClick(home.settings, Qt.Key.Key_Tab)
    assert focus() is home.help
    assert home.help.accessibleName() == "Help" and "F1" in home.help.toolTip()
    qtbot.keyClick(home.help, Qt.Key.Key_Space)
    assert help_of(win, qtbot).isVisible()


def test_search_by_keyboard_then_read_the_article(qtbot, window) -> None:
    win = window()
    win.open_help()
    helper = help_of(win, qtbot)
    qtbot.keyClicks(helper.search, "appro")
    assert helper.results.item(0).data(Qt.ItemDataRole.UserRole) == "token-approvals"
    assert "found" in helper.found.text()
    qtbot.keyClick(helper.search, Qt.Key.Key_Down)
    assert focus() is helper.results
    assert helper.current == "token-approvals"
    qtbot.keyClick(helper.results, Qt.Key.Key_Return)
    assert focus() is helper.view
    assert helper.view.accessibleName().startswith("What is a token approval")
    assert "Short answer" in helper.view.toPlainText()


def test_chinese_search_finds_the_freeze_article(qtbot, window) -> None:
    win = window("zh_CN")
    win.open_help()
    helper = help_of(win, qtbot)
    type_with_ime(helper.search, "冻结")
    assert helper.results.item(0).data(Qt.ItemDataRole.UserRole) == "freeze-refund"
    qtbot.keyClick(helper.search, Qt.Key.Key_Return)
    assert helper.current == "freeze-refund" and focus() is helper.view
    assert "钱包公司能冻结" in helper.view.toPlainText()


def test_links_between_articles_stay_inside_and_web_links_go_to_the_browser(qtbot, window) -> None:
    win = window()
    win.open_help("freeze-refund")
    helper = help_of(win, qtbot)
    helper.view.anchorClicked.emit(QUrl("help:recovery-scams"))
    assert helper.current == "recovery-scams" and helper.back.isEnabled()
    helper.view.anchorClicked.emit(QUrl("https://www.ic3.gov/PSA/2023/PSA230811"))
    assert helper.opened == ["https://www.ic3.gov/PSA/2023/PSA230811"]
    assert helper.current == "recovery-scams"
    qtbot.keyClick(helper.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert helper.current == "freeze-refund"


def test_question_mark_on_a_checkup_question_opens_its_article(qtbot, window) -> None:
    win = window()
    win.checkup.start()
    wizard = win.checkup.page
    question_id = next(iter(wizard.boxes))
    button = wizard.findChild(QToolButton, f"help_{question_id}")
    assert button is not None and button.text() == "?"
    assert button.accessibleName() == "Help about this question"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    helper = help_of(win, qtbot)
    assert helper.isVisible()
    assert helper.current == article_for_question(question_id)


def test_every_checkup_box_has_a_help_button(qtbot, window) -> None:
    win = window()
    win.checkup.start()
    wizard = win.checkup.page
    for question_id, box in wizard.boxes.items():
        assert box.help_button.isVisibleTo(box), question_id


def test_panic_help_button_opens_the_article_for_the_section(qtbot, window) -> None:
    win = window()
    win.show_panic()
    wizard = win.panic.wizard
    for index, page in enumerate(wizard.pages):
        wizard.go(index)
        assert wizard.help_article() in load_help().ids, page.objectName()
    wizard.go([p.objectName() for p in wizard.pages].index("reportPage"))
    wizard.help.setFocus()
    qtbot.keyClick(wizard.help, Qt.Key.Key_Space)
    helper = help_of(win, qtbot)
    assert helper.current == "report-theft"
    assert "Where to report" in helper.view.toPlainText()


def test_myths_view_lists_every_myth_with_its_truth(qtbot, window) -> None:
    win = window()
    win.open_help()
    helper = help_of(win, qtbot)
    qtbot.keyClick(helper.myths_button, Qt.Key.Key_Space)
    text = helper.view.toPlainText()
    for myth in load_help().myths:
        assert myth.claim.en in text and myth.truth.en in text
    assert "Change your passwords every month" not in text  # claims are quoted, not advice
    assert "You should change your passwords every month." in text


def test_report_a_problem_has_version_and_system_but_no_case(qtbot, window) -> None:
    win = window()
    win.show_panic()  # opens a theft case
    case_id = win.panic.wizard.case.id
    win.open_help()
    helper = help_of(win, qtbot)
    qtbot.keyClick(helper.report_button, Qt.Key.Key_Space)
    page = helper.report
    assert focus() is page.steps
    qtbot.keyClicks(page.steps, "Pressed Print, nothing happened")
    message = page.preview.toPlainText()
    assert __version__ in message and platform.system() in message
    assert "Pressed Print, nothing happened" in message
    assert case_id not in message
    qtbot.keyClick(page.steps, Qt.Key.Key_Tab)
    qtbot.keyClick(page.mail, Qt.Key.Key_Space)
    assert len(helper.opened) == 1 and helper.opened[0].startswith("mailto:?subject=")
    page.copy.click()
    assert QApplication.clipboard().text().endswith(message.split("\n")[-1])


def test_a_seed_phrase_typed_into_the_report_is_refused(qtbot, window, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, _t, _d="": warned.append(title))
    win = window()
    win.open_help()
    helper = help_of(win, qtbot)
    helper.show_report()
    helper.report.steps.setPlainText(f"my words: {TEST_MNEMONIC}")
    assert helper.report.steps.toPlainText() == ""
    assert "abandon" not in helper.report.preview.toPlainText()
    assert warned


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


@pytest.mark.parametrize("article_id", load_help().ids)
def test_articles_render_in_chinese_with_no_english_labels(qtbot, window, article_id) -> None:
    win = window("zh_CN")
    win.open_help(article_id)
    helper = help_of(win, qtbot)
    shown = "\n".join([*visible_texts(helper), helper.view.toPlainText()])
    leftovers = [label for label in UI_LABELS if label in shown]
    assert leftovers == []
    assert "简短回答" in shown and "来源" in shown
    helper.show_myths()
    assert "常见误区" in helper.view.toPlainText()
    helper.show_report()
    assert re.search(r"[\u4e00-\u9fff]", helper.report.preview.toPlainText())
    assert not [label for label in UI_LABELS if label in "\n".join(visible_texts(helper))]


def test_a_language_change_rebuilds_the_help_window(qtbot, window) -> None:
    win = window()
    win.open_help()
    first = help_of(win, qtbot)
    win.language_changed.emit("zh_CN")
    assert win.help_window is None
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=3000)
    win.open_help()
    assert help_of(win, qtbot).windowTitle().startswith("帮助")


@pytest.mark.parametrize("view", ["myths", "report"])
def test_tab_into_the_results_keeps_the_myths_or_report_view(qtbot, window, view) -> None:
    """Focus alone opens nothing; an arrow key previews; Enter moves into the article."""
    win = window()
    win.open_help()
    helper = help_of(win, qtbot)
    if view == "myths":
        qtbot.keyClick(helper.myths_button, Qt.Key.Key_Space)
        shown = helper.view.toPlainText()
    else:
        qtbot.keyClick(helper.report_button, Qt.Key.Key_Space)
    helper.focus_search()
    qtbot.waitUntil(lambda: focus() is helper.search, timeout=3000)
    qtbot.keyClick(helper.search, Qt.Key.Key_Tab)
    assert focus() is helper.results
    assert helper.current == view
    if view == "myths":
        assert helper.stack.currentWidget() is helper.view
        assert helper.view.toPlainText() == shown
    else:
        assert helper.stack.currentWidget() is helper.report
    assert helper.results.currentItem() is None
    qtbot.keyClick(helper.results, Qt.Key.Key_Down)  # now an article, the first one
    first = helper.results.item(0).data(Qt.ItemDataRole.UserRole)
    assert helper.current == first and helper.stack.currentWidget() is helper.view
    qtbot.keyClick(helper.results, Qt.Key.Key_Down)
    second = helper.results.item(1).data(Qt.ItemDataRole.UserRole)
    assert helper.current == second
    qtbot.keyClick(helper.results, Qt.Key.Key_Return)
    assert focus() is helper.view and helper.current == second


def test_tab_into_the_results_keeps_the_article_shown(qtbot, window) -> None:
    win = window()
    win.open_help("token-approvals")
    helper = help_of(win, qtbot)
    helper.focus_search()
    qtbot.keyClick(helper.search, Qt.Key.Key_Tab)
    assert focus() is helper.results and helper.current == "token-approvals"
    assert helper.results.currentItem().data(Qt.ItemDataRole.UserRole) == "token-approvals"


def test_the_help_window_fits_the_screen(qtbot, window) -> None:
    win = window()
    win.open_help()
    helper = help_of(win, qtbot)
    available = helper.screen().availableGeometry()
    assert helper.width() <= available.width() and helper.height() <= available.height()
    assert helper.minimumSizeHint().height() <= 520  # room at 200 % on a 1080p screen


@pytest.mark.parametrize(
    ("available", "size"),
    [
        (QRect(0, 0, 960, 520), QSize(864, 468)),  # 1920×1080 at 200 %, with a task bar
        (QRect(0, 0, 1280, 680), QSize(980, 612)),  # 1920×1080 at 150 %
        (QRect(0, 0, 2560, 1400), QSize(980, 700)),  # room to spare: the preferred size
    ],
)
def test_the_window_size_is_limited_to_the_available_screen(available, size) -> None:
    from desktop.help.window import PREFERRED_SIZE, fitted_size

    assert fitted_size(PREFERRED_SIZE, available) == size


def test_a_seed_phrase_typed_into_the_search_is_refused(qtbot, window, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, _t, _d="": warned.append(title))
    win = window()
    win.open_help()
    helper = help_of(win, qtbot)
    helper.search.setText(TEST_MNEMONIC)
    qtbot.waitUntil(lambda: helper.search.text() == "", timeout=3000)
    assert warned
    assert helper.results.count() == len(load_help().ids)  # back to the whole list
