"""Keyboard-only helpers for driving the real window in tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from desktop.app import build_window, make_application
from desktop.main_window import MainWindow


def open_window(qtbot: Any, ctx: Any, language: str = "en") -> MainWindow:
    """The real main window, active, data opened (synchronously), home shown."""
    win = build_window(ctx, make_application([]), language)
    qtbot.add_widget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=3000)
    win.unlocker.start()
    win.show_home()
    return win


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot: Any, target: QWidget, limit: int = 400) -> None:
    """Press Tab until ``target`` has focus."""
    for _ in range(limit):
        if focus() is target:
            return
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def press(qtbot: Any, target: QWidget) -> None:
    tab_to(qtbot, target)
    qtbot.keyClick(target, Qt.Key.Key_Space)


def type_into(qtbot: Any, target: QWidget, text: str) -> None:
    tab_to(qtbot, target)
    qtbot.keyClicks(target, text)


def choose(qtbot: Any, target: QAbstractButton) -> None:
    """Buttons of one group behave like radio buttons: Tab in, arrows across, Space."""
    group = target.group()
    for _ in range(400):
        current = focus()
        if isinstance(current, QAbstractButton) and current.group() is group:
            break
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    for _ in range(2 * len(group.buttons()) + 2):
        if focus() is target:
            break
        before = focus()
        qtbot.keyClick(before, Qt.Key.Key_Right)  # along a row of buttons …
        if focus() is before:
            qtbot.keyClick(before, Qt.Key.Key_Down)  # … or down a column
    assert focus() is target
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert target.isChecked()
