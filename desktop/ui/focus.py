"""Tab follows reading order: the order the layouts put widgets on the page.

Qt's default Tab order is the order widgets were *created*, which drifts
from what is seen as soon as a page builds a part early and places it late
(a question's "Why this matters" made before its answers, shown after them).
:func:`chain_reading_order` walks the layouts instead: top to bottom, left to
right in a row, a grid row by row, into group boxes and scroll areas.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLayout, QScrollArea, QWidget


def _in_layout(layout: QLayout) -> Iterator[QWidget]:
    if isinstance(layout, QGridLayout):
        cells = []
        for index in range(layout.count()):
            position: tuple[int, int, int, int] = layout.getItemPosition(index)  # type: ignore[assignment]
            cells.append((position[0], position[1], index))
        indexes = [index for _row, _column, index in sorted(cells)]
    else:
        indexes = list(range(layout.count()))
    for index in indexes:
        item = layout.itemAt(index)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            yield from in_reading_order(widget, include_self=True)
        else:
            inner = item.layout()
            if inner is not None:
                yield from _in_layout(inner)


def in_reading_order(root: QWidget, include_self: bool = False) -> Iterator[QWidget]:
    """``root`` (if asked) and the widgets inside it, in reading order.

    Children that no layout places (rare: popups, overlays) come after the
    laid-out ones, in creation order.
    """
    if include_self:
        yield root
    seen: set[int] = set()
    layout = root.layout()
    if isinstance(root, QScrollArea) and root.widget() is not None:
        inner = root.widget()
        assert inner is not None
        for widget in in_reading_order(inner, include_self=True):
            seen.add(id(widget))
            yield widget
    elif layout is not None:
        for widget in _in_layout(layout):
            seen.add(id(widget))
            yield widget
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if id(child) not in seen and not child.isWindow():
            for widget in in_reading_order(child, include_self=True):
                if id(widget) not in seen:
                    seen.add(id(widget))
                    yield widget


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def chain_reading_order(root: QWidget, *after: QWidget) -> list[QWidget]:
    """Set the Tab order of ``root``'s widgets to reading order, then ``after``
    (e.g. a wizard's Back and Next, outside the page). Returns the chain."""
    everything = list(in_reading_order(root))
    for widget in everything:
        if type(widget) is QScrollArea:  # a frame around the content, not a stop of its own
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    chain = [w for w in everything if takes_tab(w)]
    chain += [w for w in after if takes_tab(w) and w not in chain]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)
    return chain
