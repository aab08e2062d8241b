"""Keyboard and wheel everywhere (desktop/ui/input.py), Ctrl+Q, links that do not open."""

from __future__ import annotations

import pytest
from ui import open_window

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import input as app_input
from desktop.ui import links, qt_messages

KEYPAD = Qt.KeyboardModifier.KeypadModifier


@pytest.fixture
def window(qtbot, make_ctx):
    win = open_window(qtbot, make_ctx())
    qtbot.waitUntil(lambda: win.completed, timeout=3000)
    return win


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Enter, KEYPAD)],
)
def test_enter_clicks_the_focused_home_button(qtbot, window, key, modifier) -> None:
    window.home.panic.setFocus()
    qtbot.keyClick(window.home.panic, key, modifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.panic.wizard, timeout=2000)
    window.show_home()
    window.home.checkup.setFocus()
    qtbot.keyClick(window.home.checkup, key, modifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.checkup.page, timeout=2000)


def test_enter_on_an_answer_clicks_next(qtbot, window) -> None:
    window.checkup.start()
    wizard = window.checkup.page
    for question in ("exchange_account", "hardware_wallet"):
        wizard.flow.answer(question, "no")
    wizard.show_topic()
    option = wizard.boxes["wallets"].first_input()
    option.setFocus()
    qtbot.keyClick(option, Qt.Key.Key_Space)  # tick the first wallet: the page is answered
    assert wizard.flow.position == 0
    qtbot.keyClick(option, Qt.Key.Key_Enter, KEYPAD)
    qtbot.waitUntil(lambda: wizard.flow.position == 1, timeout=2000)
    # Enter on "Next" itself, focused: the next page too (or the reason it cannot go on).
    wizard.next.setFocus()
    qtbot.keyClick(wizard.next, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.flow.position == 2 or bool(wizard.status.text()), timeout=2000)


def test_enter_in_a_text_box_is_a_new_line_not_next(qtbot) -> None:
    app_input.install(QApplication.instance())
    page = QWidget()
    qtbot.add_widget(page)
    layout = QVBoxLayout(page)
    text = QPlainTextEdit(page)
    next_button = QPushButton("Next", page)
    next_button.setDefault(True)
    layout.addWidget(text)
    layout.addWidget(next_button)
    clicked: list[bool] = []
    next_button.clicked.connect(lambda: clicked.append(True))
    page.show()
    text.setFocus()
    qtbot.keyClicks(text, "a")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert text.toPlainText() == "a\n" and clicked == []


def test_ctrl_q_closes_and_quits(qtbot, window, monkeypatch) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window.home.panic.setFocus()
    qtbot.keyClick(window.home.panic, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True] and not window.isVisible()


def wheel(widget: QWidget, clicks: int = -1) -> None:
    """Turn the mouse wheel over ``widget`` (negative: towards the user, scrolling down)."""
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(widget.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120 * clicks),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_page_over_an_unfocused_box(qtbot) -> None:
    """Three wheel clicks over "When" changed 2026 into 2023; over "How", the channel.

    The boxes are made before the filter is installed, as ``--panic`` makes its
    pages before the first paint: Qt would give a drop-down the focus on the wheel.
    """
    app = QApplication.instance()
    earlier = app.findChild(app_input.InputPolicy)
    if earlier is not None:  # an earlier test's window installed it: start without it
        app.removeEventFilter(earlier)
        earlier.setParent(None)
    area = QScrollArea()
    qtbot.add_widget(area)
    body = QWidget()
    layout = QVBoxLayout(body)
    combo = QComboBox(body)
    combo.addItems(["Help page inside the app", "Email", "Live chat"])
    spin = QSpinBox(body)
    date = QDateTimeEdit(body)
    date.setDisplayFormat("yyyy-MM-dd HH:mm")
    first = QPushButton("first", body)
    layout.addWidget(first)
    for widget in (combo, spin, date):
        layout.addWidget(widget)
        layout.addSpacing(400)
    area.setWidget(body)
    assert combo.focusPolicy() == Qt.FocusPolicy.WheelFocus  # Qt's own default
    app_input.install(QApplication.instance())
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    first.setFocus()
    year = date.dateTime().date().year()
    for box in (combo, spin, date):
        scrolled = area.verticalScrollBar().value()
        for _ in range(3):
            wheel(box)
        assert area.verticalScrollBar().value() > scrolled, type(box).__name__
        assert not box.hasFocus()
    assert (combo.currentIndex(), spin.value(), date.dateTime().date().year()) == (0, 0, year)
    # Chosen by the user (focused), the box takes the wheel again.
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=2000)
    wheel(combo)
    assert combo.currentIndex() == 1
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel never focuses it


def test_qt_messages_never_show_a_links_query() -> None:
    message = (
        "Unable to detect a launcher for 'mailto:support@example.com?subject=Case 5a1e"
        "&body=My address 0xfB69 and tx 0x5c50\nsecond line'"
    )
    assert qt_messages.redact(message) == (
        "Unable to detect a launcher for 'mailto:support@example.com?…'"
    )
    assert qt_messages.redact("open https://x.example/a?token=1 now") == (
        "open https://x.example/a?…"
    )
    assert qt_messages.redact("nothing to hide: https://x.example/a") == (
        "nothing to hide: https://x.example/a"
    )


@pytest.mark.qt_log_ignore("does not support|Unable to detect")
def test_a_link_that_does_not_open_shows_what_to_do_and_prints_no_message(
    qtbot, window, qtlog, capfd
) -> None:
    """Offscreen Qt cannot open a mail app: the real failure path, end to end."""
    qt_messages.install()
    url = "mailto:help@wallet.example?subject=Case%205a1e&body=tx%200x5c50%0Athief%200xabc"
    assert links.open_link(url, window) is False
    dialog = window.findChild(QWidget, "linkNotOpened")
    assert dialog is not None and dialog.isVisible()
    assert "help@wallet.example" in dialog.findChild(QWidget, "linkAddress").text()
    shown = dialog.findChild(QPlainTextEdit, "linkText").toPlainText()
    assert shown == "Case 5a1e\n\ntx 0x5c50\nthief 0xabc"
    copy = dialog.findChild(QPushButton, "copyLinkText")
    qtbot.waitUntil(copy.hasFocus, timeout=2000)
    qtbot.keyClick(copy, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: copy.text() == "Copied", timeout=2000)
    assert QGuiApplication.clipboard().text() == shown
    logged = " ".join(record.message for record in qtlog.records)
    printed = "".join(capfd.readouterr())
    for secret in ("0x5c50", "0xabc", "5a1e", "body"):
        assert secret not in logged and secret not in printed


def test_a_link_that_opens_shows_nothing(qtbot, window, monkeypatch) -> None:
    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toString()) or True)
    )
    assert links.open_link("https://example.com", window) is True
    assert urls == ["https://example.com"] and window.findChild(QWidget, "linkNotOpened") is None
