"""Keyboard-only helpers for driving the real window in tests."""

from __future__ import annotations

from collections.abc import Iterator
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
    qtbot.waitUntil(lambda: win.completed, timeout=3000)  # shortcuts: after the first paint
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
        here, there = focus().pos(), target.pos()  # answers sit in a grid: go towards it
        if there.y() > here.y() + 2:
            key = Qt.Key.Key_Down
        elif there.y() < here.y() - 2:
            key = Qt.Key.Key_Up
        else:
            key = Qt.Key.Key_Right if there.x() > here.x() else Qt.Key.Key_Left
        qtbot.keyClick(focus(), key)
    assert focus() is target
    qtbot.keyClick(target, Qt.Key.Key_Space)
    assert target.isChecked()


def every_page(win: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Show each page of the app in turn and yield (name, what to inspect).

    The checkup wizard shows one topic at a time (a topic's fields exist only
    while it is shown), so it is yielded once per topic, as "checkup TOPIC".
    """
    from test_checkup import GOOD_ANSWERS

    from checks.checkup.flow import CheckupFlow
    from checks.checkup.run import build_run

    yield "home", win
    flow = CheckupFlow()
    for question, value in GOOD_ANSWERS.items():
        flow.answer(question, value)
    flow.position = 0
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    assert wizard is not None
    for _ in range(flow.progress[1]):
        wizard.show_topic()
        yield f"checkup {flow.current_topic}", wizard
        flow.position += 1
    win.checkup._show_results(build_run(flow, win.ctx.clock()), None)
    yield "results", win.checkup.page
    win.checkup.show_history()
    yield "history", win.checkup.page
    win.show_panic()
    panic = win.panic.wizard
    for index, page in enumerate(panic.pages):
        panic.go(index)
        yield f"panic {type(page).__name__}", panic
    win.open_help()
    yield "help", win.help_window
    win.open_settings()
    yield "settings", win.findChild(QWidget, "settingsDialog")
