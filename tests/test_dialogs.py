"""desktop.ui.dialogs: every box can be answered and dismissed by keyboard."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.ui import dialogs


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.add_widget(widget)
    return widget  # the fixture keeps it (and the box, its child) alive


def open_choice(qtbot, parent: QWidget) -> tuple[QMessageBox, list[str | None]]:
    answers: list[str | None] = []
    box = dialogs.choose(
        parent, "Print", "What now?", [("print", "Print…"), ("pdf", "Save as PDF…")], answers.append
    )
    qtbot.wait_until(box.isVisible)
    return box, answers


def test_escape_dismisses_a_choice(qtbot, parent) -> None:
    box, answers = open_choice(qtbot, parent)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: answers == [None])


def test_a_choice_by_keyboard(qtbot, parent) -> None:
    box, answers = open_choice(qtbot, parent)
    pdf = next(b for b in box.buttons() if b.text() == "Save as PDF…")
    pdf.setFocus()
    qtbot.keyClick(pdf, Qt.Key.Key_Space)
    qtbot.wait_until(lambda: answers == ["pdf"])


def test_cancel_is_offered_and_translated(qtbot, parent) -> None:
    from desktop.i18n import set_language

    set_language("zh_CN", QApplication.instance())
    try:
        box, answers = open_choice(qtbot, parent)
        labels = [b.text().replace("&", "") for b in box.buttons()]
        assert "取消" in labels
        box.button(QMessageBox.StandardButton.Cancel).click()
        qtbot.wait_until(lambda: answers == [None])
    finally:
        set_language("en", QApplication.instance())
