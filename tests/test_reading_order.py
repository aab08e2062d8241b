"""Tab goes through every page in reading order, and only through what is seen."""

from __future__ import annotations

from itertools import pairwise

import pytest
from ui import every_page, open_window

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QToolButton, QWidget

from desktop.main_window import first_size
from desktop.ui.focus import takes_tab


def place(widget: QWidget, root: QWidget) -> QRect:
    """Where ``widget`` is drawn in ``root``, as laid out before any scrolling."""
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def before_in_reading(first: QRect, second: QRect) -> bool:
    """True if ``second`` comes after ``first`` when reading: a later line, or
    further right on the same line (lines overlap vertically)."""
    if second.center().y() > first.bottom():
        return True
    if first.center().y() > second.bottom():
        return False
    return second.left() > first.left()


def tab_cycle(qtbot, root: QWidget, limit: int = 250) -> list[QWidget]:
    """Focus the first tab stop of ``root`` and press Tab until it comes back."""
    stops = [
        w
        for w in root.findChildren(QWidget)
        if takes_tab(w) and w.isVisibleTo(root) and w.isEnabled()
    ]
    assert stops, "nothing to reach"
    start = min(stops, key=lambda w: (place(w, root).top(), place(w, root).left()))
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=2000)
    seen = [start]
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if after is start or after in seen:
            break
        seen.append(after)
    return seen


def scroll_area_of(widget: QWidget, root: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def reading_order_problems(qtbot, root: QWidget) -> list[str]:
    """Pairs of consecutive tab stops that go against reading order. Inside a
    scroll area, its content is read in order; around it, the area is one block."""
    shown = [w for w in root.findChildren(QWidget) if w.isVisibleTo(root)]
    where = {id(w): place(w, root) for w in shown}  # before Tab scrolls anything
    area = {id(w): scroll_area_of(w, root) for w in shown}

    def in_order(first: QWidget, second: QWidget) -> bool:
        a, b = area[id(first)], area[id(second)]
        if a is b:
            return before_in_reading(where[id(first)], where[id(second)])
        one = where[id(a)] if a is not None else where[id(first)]
        two = where[id(b)] if b is not None else where[id(second)]
        return before_in_reading(one, two)

    cycle = tab_cycle(qtbot, root)
    problems = []
    for widget in cycle:
        if not widget.isVisible() or widget.width() <= 1 or widget.height() <= 1:
            problems.append(f"unseen tab stop {widget.objectName() or type(widget).__name__}")
    within = [w for w in cycle if root.isAncestorOf(w) and id(w) in where]
    for widget in within:  # a label is a stop only for its links: else focus shows nothing
        if isinstance(widget, QLabel) and "<a " not in widget.text():
            problems.append(f"a label without a link takes Tab: {widget.objectName()}")
    for first, second in pairwise(within):
        if second is within[0] or all(
            in_order(second, other) for other in within if other is not second
        ):
            continue  # Tab went round to the start again
        if not in_order(first, second):
            problems.append(
                f"{first.objectName() or type(first).__name__} → "
                f"{second.objectName() or type(second).__name__}"
            )
    return problems


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_tab_follows_reading_order_on_every_page(qtbot, make_ctx, language) -> None:
    win = open_window(qtbot, make_ctx(), language)
    win.resize(*first_size(1366, 768))
    found = {}
    for name, root in every_page(win):
        root.activateWindow()
        qtbot.waitUntil(root.isActiveWindow, timeout=2000)
        qtbot.wait(20)  # widgets a page made when shown get their size
        for unfold in root.findChildren(QToolButton):  # unfold "Why and how", "Why this matters"
            if unfold.isCheckable() and unfold.isVisible() and not unfold.isChecked():
                unfold.setChecked(True)
        qtbot.wait(20)
        found[name] = reading_order_problems(qtbot, root)
    bad = {name: problems for name, problems in found.items() if problems}
    assert not bad, "\n".join(f"{name}: {problems}" for name, problems in bad.items())
    assert len(found) > 15
