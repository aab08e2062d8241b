"""Small widgets shared by pages: big action tiles, banners, headings, colours.

The home screen and panic mode's first screen are built from this module
before the first paint, so it does not import Qt's ``Qt`` namespace for
:class:`ActionTile` and :class:`Banner`: PySide creates its enums on first
use (bench/RESULTS.md, 9e). :func:`set_by_name` sets such a value by its
name instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_language
from desktop.ui.icons import icon, pixmap

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

    from checks.findings import Severity

# Severity is never shown by colour alone (icon + word + colour). Each
# colour reads at 4.5:1 or more as text on a light window (the first set)
# or on a dark one (the second). Keyed by ``Severity.value``, so the home
# screen is painted without loading checks.findings.
COPIED_MS = 2000  # how long a Copy button says "Copied"
SEVERITY_COLOURS = {
    "urgent": "#c62828",
    "important": "#a35200",
    "tip": "#1565c0",
    "good": "#2a7230",
}
SEVERITY_COLOURS_DARK = {
    "urgent": "#ff8a80",
    "important": "#ffb74d",
    "tip": "#82b1ff",
    "good": "#81c784",
}


def is_dark_palette(palette: QPalette) -> bool:
    """True when ``palette`` has light text on a dark window."""
    from PySide6.QtGui import QPalette  # after the first paint: its enums cost a little

    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def is_dark(widget: QWidget) -> bool:
    """True when the widget's palette has light text on a dark window."""
    return is_dark_palette(widget.palette())


def severity_colour(severity: Severity, widget: QWidget) -> str:
    """The text colour for ``severity`` that reads well on ``widget``'s palette."""
    return _colour(severity.value, widget)


def _colour(level: str, widget: QWidget) -> str:
    return (SEVERITY_COLOURS_DARK if is_dark(widget) else SEVERITY_COLOURS)[level]


def error_colour(widget: QWidget) -> str:
    """The colour of error and warning text on ``widget``'s palette."""
    return _colour("urgent", widget)


def verdict_colour(ok: bool, widget: QWidget) -> str:
    """Green for "looks right", red for a problem (always with words beside it)."""
    return _colour("good" if ok else "urgent", widget)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * factor)
    font.setBold(bold)
    return font


class ActionTile(QPushButton):
    """A large button for one of the home screen's main actions.

    Title and subtitle are two plain labels that wrap (a plain QPushButton
    cannot), so the window stays narrow at 200 % scaling and in long
    translations. The labels take no keyboard focus and let mouse presses
    through to the button (a QLabel without text interaction ignores them).
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
        self._layout = layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(12)
        badge = QLabel(self)
        badge.setPixmap(pixmap(icon_name, 32, self.devicePixelRatioF()))
        layout.addWidget(badge)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addStretch(1)  # the two lines stay together, centred
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName(f"{object_name}Title")
        self.title_label.setFont(scaled_font(self, 1.3, bold=True))
        self.title_label.setWordWrap(True)
        words.addWidget(self.title_label)
        self.subtitle_label = QLabel(subtitle, self)
        self.subtitle_label.setObjectName(f"{object_name}Subtitle")
        self.subtitle_label.setFont(scaled_font(self, 1.05))
        self.subtitle_label.setWordWrap(True)
        words.addWidget(self.subtitle_label)
        words.addStretch(1)
        layout.addLayout(words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)
        self.setAccessibleDescription(subtitle)

    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)


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
        colour = severity_colour(severity, parent or self)
        self.setStyleSheet(f"#{object_name} {{ border: 2px solid {colour}; border-radius: 6px; }}")
        layout = QHBoxLayout(self)
        # Panic mode's first screen has a banner: enums by name (set_by_name).
        badge = QLabel(self)
        badge.setPixmap(pixmap(severity.icon, 24, self.devicePixelRatioF()))
        set_by_name(badge, "alignment", "AlignTop|AlignHCenter")
        badge.setAccessibleName(_(severity.label))
        layout.addWidget(badge)
        words = QLabel(f"<b style='color:{colour}'>{_(severity.label)}:</b> ", self)
        set_by_name(words, "textFormat", "RichText")
        set_by_name(words, "alignment", "AlignTop|AlignLeft")
        layout.addWidget(words)
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        set_by_name(self.label, "textFormat", "PlainText")
        set_by_name(self.label, "textInteractionFlags", "TextSelectableByMouse")
        layout.addWidget(self.label, 1)
        self.setAccessibleName(f"{_(severity.label)}: {text}")
        self.button: QPushButton | None = None
        if action_label and on_action:
            from PySide6.QtCore import Qt  # a banner with a button comes after the first paint

            self.button = QPushButton(action_label, self)
            self.button.setAccessibleName(action_label)
            self.button.clicked.connect(on_action)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)


def set_by_name(widget: QWidget, name: str, value: str) -> None:
    """Set the Qt property ``name`` to an enum value given by its Qt name
    ("AlignTop|AlignLeft", "StrongFocus"), without Python's ``Qt`` namespace.
    A name Qt does not know is an error, not a silent no-op."""
    if not widget.setProperty(name, value):
        raise ValueError(f"{type(widget).__name__}.{name} cannot be set to {value!r}")


def severity_badge(severity: Severity, parent: QWidget) -> QWidget:
    """A severity's icon and its word in its colour: never colour alone."""
    badge = QWidget(parent)
    row = QHBoxLayout(badge)
    row.setContentsMargins(0, 0, 0, 0)
    picture = QLabel(badge)
    picture.setPixmap(icon(severity.icon).pixmap(QSize(20, 20)))
    words = QLabel(_(severity.label), badge)
    words.setStyleSheet(f"color: {severity_colour(severity, parent)}; font-weight: bold;")
    row.addWidget(picture)
    row.addWidget(words)
    row.addStretch(1)
    badge.setToolTip(_(severity.label))
    badge.setAccessibleName(_(severity.label))
    return badge


def copy_button(button: QAbstractButton, text: Callable[[], str]) -> None:
    """Make ``button`` copy ``text()`` and say "Copied" for a moment, so the user
    knows it worked (screen readers hear it through the accessible name)."""
    label = button.text()

    def copy() -> None:
        QGuiApplication.clipboard().setText(text())
        button.setText(_("Copied"))
        button.setAccessibleName(_("Copied"))
        QTimer.singleShot(COPIED_MS, button, restore)

    def restore() -> None:
        button.setText(label)
        button.setAccessibleName(label)

    button.clicked.connect(copy)


def language_choice(parent: QWidget, object_name: str, accessible_name: str) -> QComboBox:
    """The language a message or report is written in, whatever the window's:
    English or Simplified Chinese, starting at the window's language."""
    box = QComboBox(parent)
    box.setObjectName(object_name)
    box.addItem("English", "en")
    box.addItem("简体中文", "zh_CN")
    box.setAccessibleName(accessible_name)
    box.setCurrentIndex(max(0, box.findData(current_language())))
    return box


def wrap_items(view: QListWidget) -> QListWidget:
    """A list whose long items (hashes, addresses, file names) wrap inside it,
    never cut and never scrolled sideways; each item's tooltip holds its text."""
    from PySide6.QtCore import Qt  # after the first paint: lists are on later pages

    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    model = view.model()
    model.rowsInserted.connect(lambda _parent, first, last: _tip_rows(view, first, last))
    return view


def _tip_rows(view: QListWidget, first: int, last: int) -> None:
    for row in range(first, last + 1):
        item = view.item(row)
        if item is not None and not item.toolTip():
            item.setToolTip(item.text())


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
