"""Small pieces pages share: keyboard-reachable links, "?" help buttons, Copy buttons.

A link in a label must work with the keyboard: Tab reaches it, Enter opens
it — in the user's own browser or mail app (never inside this app). When the
system cannot open it (no mail app set up is common), the user sees what to
do instead: the message and the address, with Copy buttons.

Panic mode's first screen has help buttons, and it is painted before Qt's
``Qt`` namespace and the dialogs load (bench/RESULTS.md, 1e-1j): the imports
inside the functions below wait for what needs them, and enums are set by
name (:func:`desktop.ui.widgets.set_by_name`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget

from desktop.i18n import _
from desktop.ui.widgets import (
    copy_button,  # noqa: F401  (pages take it from here too)
    set_by_name,
)

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtCore import QDateTime


def open_link(url: str, parent: QWidget | None = None) -> bool:
    """Hand a web address, mailto: or tel: link to the system; True if it took it.

    When it did not (no browser or mail app for it), say so and offer the
    link's contents to copy (:func:`desktop.ui.dialogs.link_not_opened`).
    """
    # When a link is followed (see the module's docstring).
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from desktop.ui import dialogs

    opened = bool(QDesktopServices.openUrl(QUrl(url)))
    if not opened:
        dialogs.link_not_opened(parent or QApplication.activeWindow(), url)
    return opened


class LinkLabel(QLabel):
    """A label that is a Tab stop only while it has a link to go to: focus on a
    label without one shows nothing, an invisible stop for a keyboard user."""

    def setText(self, text: str) -> None:
        super().setText(text)
        set_by_name(self, "focusPolicy", "StrongFocus" if "<a " in text else "NoFocus")


def link_label(parent: QWidget, name: str, accessible: str = "") -> QLabel:
    """A rich-text label whose links take focus (Tab) and open with Enter."""
    label = LinkLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    set_by_name(label, "textFormat", "RichText")
    set_by_name(label, "textInteractionFlags", "TextBrowserInteraction")
    set_by_name(label, "focusPolicy", "NoFocus")  # until it has a link (LinkLabel.setText)
    label.setOpenExternalLinks(False)  # we open them, so tests can see it
    label.linkActivated.connect(lambda url: open_link(url, label))
    if accessible:
        label.setAccessibleName(accessible)
    return label


def help_button(parent: QWidget, article: str, topic: str) -> QToolButton:
    """A "?" that opens the help centre at ``article`` (an existing article id)."""
    button = QToolButton(parent)
    button.setObjectName(f"help_{article}")
    button.setText("?")
    button.setAutoRaise(False)
    set_by_name(button, "focusPolicy", "StrongFocus")
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
    from PySide6.QtCore import QDate, QDateTime, QTime  # on use (see the module's docstring)

    local = moment.astimezone()
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
