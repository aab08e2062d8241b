"""What the keyboard and the mouse wheel do everywhere in the app.

One event filter on the application (:func:`install`), so every page,
present and future, behaves the same:

- **Enter** (and keypad Enter) on a focused push or tool button clicks it,
  as Space does. A keyboard user expects Enter; Qt gives it only to the
  buttons of dialogs.
- **Enter** on an answer (a radio button, a tick box, a closed drop-down, a
  field that does nothing with Enter) clicks the page's default button, the
  one drawn as the default ("Next"). Dialogs already do this themselves.
- **The wheel** over a drop-down, a number box or a date box that does not
  have the keyboard focus scrolls the page instead of changing the value:
  scrolling through a form must never change an answer on the way. Click
  the box first (or Tab to it) and the wheel changes its value again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMetaMethod, QObject, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
VALUE_BOXES = (QComboBox, QAbstractSpinBox)  # QDateTimeEdit is a spin box
_FILTER_NAME = "walletCheckupInput"


def default_button(widget: QWidget) -> QPushButton | None:
    """The visible, enabled default button nearest to ``widget`` (none in a dialog:
    a dialog has its own)."""
    if isinstance(widget.window(), QDialog):
        return None
    parent = widget.parentWidget()
    while parent is not None:
        for button in parent.findChildren(QPushButton):
            if button.isDefault() and button.isVisible() and button.isEnabled():
                return button
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return None


def _uses_enter(widget: QWidget) -> bool:
    """True when ``widget`` does something of its own with Enter."""
    if isinstance(widget, QTextEdit | QPlainTextEdit | QAbstractItemView):
        return True
    if isinstance(widget, QLineEdit):
        signal = QMetaMethod.fromSignal(widget.returnPressed)
        return widget.isSignalConnected(signal)
    if isinstance(widget, QComboBox):
        return widget.view().isVisible()
    return False


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class InputPolicy(QObject):
    """The application-wide event filter described in the module docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            return self._enter(watched, event)
        if kind == QEvent.Type.Wheel and isinstance(watched, VALUE_BOXES):
            assert isinstance(event, QWheelEvent)
            return self._wheel(watched, event)
        if kind == QEvent.Type.Polish and isinstance(watched, VALUE_BOXES):
            no_wheel_focus(watched)
        return False

    def _enter(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.key() not in ENTER_KEYS or event.isAutoRepeat():
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier or not widget.hasFocus():
            return False
        if isinstance(widget, QPushButton | QToolButton) and widget.isEnabled():
            widget.animateClick()
            return True
        if _uses_enter(widget):
            return False
        if isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
            button = default_button(widget)
            if button is not None:
                button.animateClick()
                return True
        return False

    def _wheel(self, box: QWidget, event: QWheelEvent) -> bool:
        if box.hasFocus() or (isinstance(box, QComboBox) and box.view().isVisible()):
            return False  # the user chose this box: the wheel changes its value
        area = _scroll_area_of(box)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True  # never the value; the page scrolls if it can


def no_wheel_focus(box: QWidget) -> None:
    """The wheel must not give a value box the focus either (Qt's default for
    drop-downs): Qt gives it before any filter sees the wheel, and a focused box
    takes the wheel."""
    if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def install(app: QApplication) -> InputPolicy:
    """Install the filter once on ``app`` (again: the same one). Boxes made before
    it (``--panic`` builds its pages before the first paint) are set right here;
    later ones when Qt polishes them."""
    policy = app.findChild(InputPolicy, _FILTER_NAME)
    if policy is None:
        policy = InputPolicy(app)
        policy.setObjectName(_FILTER_NAME)
        app.installEventFilter(policy)
    for widget in app.allWidgets():
        if isinstance(widget, VALUE_BOXES):
            no_wheel_focus(widget)
    return policy
