"""Small pieces the panic pages share: keyboard-reachable links and "?" help buttons.

A link in a label must work with the keyboard: Tab reaches it, Enter opens
it — in the user's own browser or mail app (never inside this app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from desktop.i18n import _
from desktop.ui.widgets import set_by_name

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtCore import QDateTime


def open_link(url: str) -> None:
    """Hand a web address, mailto: or tel: link to the system."""
    # Here and below, Qt's namespace and more load on use: the first panic
    # screen has help buttons (see desktop.ui.widgets).
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl(url))


def link_label(parent: QWidget, name: str, accessible: str = "") -> QLabel:
    """A rich-text label whose links take focus (Tab) and open with Enter."""
    from PySide6.QtCore import Qt  # on use (see open_link)

    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setOpenExternalLinks(False)  # we open them, so tests can see it
    label.linkActivated.connect(open_link)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def help_button(parent: QWidget, article: str, topic: str) -> QToolButton:
    """A "?" that opens the help centre at ``article`` (an existing article id)."""
    button = QToolButton(parent)
    button.setObjectName(f"help_{article}")
    button.setText("?")
    button.setAutoRaise(False)
    set_by_name(button, "focusPolicy", "StrongFocus")  # the first panic screen has these
    words = _("Help: {topic}").format(topic=topic)
    button.setToolTip(words)
    button.setAccessibleName(words)
    button.setProperty("article", article)

    def show() -> None:
        opener = getattr(button.window(), "open_help", None)
        if callable(opener):
            opener(article)

    button.clicked.connect(show)
    return button


def local_qt(moment: datetime) -> QDateTime:
    """An aware time as the user's wall-clock time, for a QDateTimeEdit (to the minute)."""
    from PySide6.QtCore import QDate, QDateTime, QTime  # on use (see open_link)

    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
