"""Small widgets shared by pages: big action tiles and banners."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from checks.findings import Severity
from desktop.i18n import _
from desktop.icons import icon

# Colours chosen to stay readable on light and dark palettes; severity is
# never shown by colour alone (icon + word + colour).
SEVERITY_COLOURS = {
    Severity.URGENT: "#c62828",
    Severity.IMPORTANT: "#b26a00",
    Severity.TIP: "#1565c0",
    Severity.GOOD: "#2e7d32",
}


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * factor)
    font.setBold(bold)
    return font


class ActionTile(QPushButton):
    """A large button for one of the home screen's main actions.

    Title and subtitle wrap (a plain QPushButton cannot), so the window
    stays narrow at 200 % scaling and in long translations.

    An action whose feature is not built yet stays focusable (so keyboard
    and screen-reader users can find it and hear why) but looks muted, says
    "not available yet" in its tooltip and accessible description, and does
    nothing but explain when pressed.
    """

    def __init__(
        self,
        object_name: str,
        title: str,
        subtitle: str,
        icon_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = title
        self.available = True
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(12)
        badge = QLabel(self)
        badge.setPixmap(icon(icon_name).pixmap(QSize(32, 32)))
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.text_label = QLabel(
            f"<b style='font-size:large'>{escape(title)}</b><br>{escape(subtitle)}", self
        )
        self.text_label.setObjectName(f"{object_name}Text")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.text_label, 1)
        for child in (badge, self.text_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFont(scaled_font(self, 1.15))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)

    def mark_unavailable(self, reason: str) -> None:
        self.available = False
        self.setProperty("available", False)
        self.setToolTip(reason)
        self.setAccessibleDescription(reason)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.text_label.setEnabled(False)  # muted colour from the palette


class Banner(QFrame):
    """A notice across the top of a page: icon, words and colour together."""

    def __init__(
        self,
        object_name: str,
        severity: Severity,
        text: str,
        action_label: str | None = None,
        on_action: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = SEVERITY_COLOURS[severity]
        self.setStyleSheet(f"#{object_name} {{ border: 2px solid {colour}; border-radius: 6px; }}")
        layout = QHBoxLayout(self)
        badge = QLabel(self)
        badge.setPixmap(icon(severity.icon).pixmap(QSize(24, 24)))
        badge.setAccessibleName(_(severity.label))
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        words = QLabel(f"<b style='color:{colour}'>{_(severity.label)}:</b> ", self)
        words.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(words, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.setAccessibleName(f"{_(severity.label)}: {text}")
        self.button: QPushButton | None = None
        if action_label and on_action:
            self.button = QPushButton(action_label, self)
            self.button.setAccessibleName(action_label)
            self.button.clicked.connect(on_action)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)


def heading(text: str, factor: float, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(label, factor, bold=True))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def page_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(14)
    return layout
