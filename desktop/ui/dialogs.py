"""Every message box and file chooser goes through here.

Widgets never call ``QMessageBox`` directly, so tests patch this module
(e.g. ``monkeypatch.setattr(dialogs, "confirm", fake)``) instead of Qt.
Boxes are window-modal and opened with ``open()``: no nested event loop;
the answer arrives through the callback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.widgets import copy_button


def _box(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("messageBox")
    box.setTextFormat(box.textFormat().PlainText)
    if detail:
        box.setInformativeText(detail)
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    return box


def inform(
    parent: QWidget | None,
    title: str,
    text: str,
    detail: str = "",
    on_close: Callable[[], None] | None = None,
) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Information, title, text, detail)
    box.addButton(QMessageBox.StandardButton.Ok)
    if on_close is not None:
        box.finished.connect(lambda _result: on_close())
    box.open()
    return box


def warn(parent: QWidget | None, title: str, text: str, detail: str = "") -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Warning, title, text, detail)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    yes_label: str,
    on_yes: Callable[[], object],
    detail: str = "",
    on_no: Callable[[], None] | None = None,
    dangerous: bool = False,
) -> QMessageBox:
    """Ask a yes/no question; "no" (Cancel) is the default and the Escape key."""
    icon = QMessageBox.Icon.Warning if dangerous else QMessageBox.Icon.Question
    box = _box(parent, icon, title, text, detail)
    yes = box.addButton(yes_label, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.setEscapeButton(no)

    def answered(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(answered)
    box.open()
    return box


def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[tuple[str, str]],
    on_choice: Callable[[str | None], None],
    detail: str = "",
) -> QMessageBox:
    """Offer named choices ``[(key, label), ...]``; ``on_choice(key)``, None if dismissed.

    A Cancel button (Qt's own, translated) answers None, and so does Escape.
    """
    box = _box(parent, QMessageBox.Icon.Question, title, text, detail)
    buttons: dict[QAbstractButton, str] = {
        box.addButton(label, QMessageBox.ButtonRole.ActionRole): key for key, label in choices
    }
    box.setEscapeButton(box.addButton(QMessageBox.StandardButton.Cancel))

    def answered(_result: int) -> None:
        on_choice(buttons.get(box.clickedButton()))

    box.finished.connect(answered)
    box.open()
    return box


def crash_notice(parent: QWidget | None, log_path: str) -> QMessageBox:
    return inform(
        parent,
        _("Something went wrong"),
        _(
            "Wallet Checkup ran into a problem it did not expect. "
            "Your saved data is safe. You can keep using the app, or close and open it again."
        ),
        _(
            "A short technical note was saved to {path}. It contains no passwords, "
            "seed phrases or answers of yours."
        ).format(path=log_path),
    )


def link_not_opened(parent: QWidget | None, url: str) -> QDialog:
    """The system did not open ``url``: what to do instead, with Copy buttons.

    For a ``mailto:`` link, the address to write to and the whole message
    (subject, a blank line, the body); for any other link, the link itself.
    """
    parts = urlsplit(url)
    dialog = QDialog(parent)
    dialog.setObjectName("linkNotOpened")
    layout = QVBoxLayout(dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    if parts.scheme == "mailto":
        query = parse_qs(parts.query)
        address = unquote(parts.path)
        subject = query.get("subject", [""])[0]
        body = query.get("body", [""])[0]
        title = _("No mail app opened")
        words = _(
            "This computer has no mail app set up to open it. Copy the message and send it"
            " from your email (a web mail site works too)."
        )
        copied_text = f"{subject}\n\n{body}" if subject else body
        copy_label = _("Copy message")
    else:
        address = ""
        title = _("The link did not open")
        words = _("This computer did not open the link. Copy it into your web browser.")
        copied_text = url
        copy_label = _("Copy link")
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    text = QLabel(words, dialog)
    text.setWordWrap(True)
    layout.addWidget(text)
    if address:
        to = QLabel(_("Write to: {address}").format(address=address), dialog)
        to.setObjectName("linkAddress")
        to.setTextInteractionFlags(to.textInteractionFlags().TextSelectableByMouse)
        layout.addWidget(to)
        copy_address = QPushButton(_("Copy address"), dialog)
        copy_address.setObjectName("copyAddress")
        copy_button(copy_address, lambda: address)
        buttons.addButton(copy_address, QDialogButtonBox.ButtonRole.ActionRole)
    shown = QPlainTextEdit(copied_text, dialog)
    shown.setObjectName("linkText")
    shown.setReadOnly(True)
    shown.setAccessibleName(copy_label)
    layout.addWidget(shown)
    copy = QPushButton(copy_label, dialog)
    copy.setObjectName("copyLinkText")
    copy_button(copy, lambda: copied_text)
    buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
    layout.addWidget(buttons)
    dialog.resize(560, 420)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    copy.setFocus()
    return dialog


def ask_text(
    parent: QWidget | None,
    title: str,
    label: str,
    on_text: Callable[[str], None],
    max_length: int = 500,
    *,
    guard: Callable[[QLineEdit], None],
) -> QInputDialog:
    """Ask for a short text; ``on_text`` on OK.

    ``guard`` watches the text field: :func:`desktop.ui.secret_guard.guard`,
    handed in by the caller because the guard itself warns through this module.
    """
    dialog = QInputDialog(parent)
    dialog.setObjectName("askText")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    edit = dialog.findChild(QLineEdit)
    if edit is not None:
        edit.setMaxLength(max_length)
        edit.setAccessibleName(label)
        guard(edit)
    dialog.textValueSelected.connect(on_text)
    dialog.open()
    return dialog


def save_file(
    parent: QWidget | None,
    title: str,
    suggested: str,
    name_filter: str,
    on_path: Callable[[str], None],
    default_suffix: str = "",
    confirm_overwrite: bool = True,
) -> QFileDialog:
    """Choose where to save a file; ``on_path(path)`` when chosen.

    ``default_suffix`` (``"pdf"``, no dot) is added by the dialog to a name typed
    without one, *before* the dialog checks whether that file exists — so its
    "replace?" question is about the file that will really be written. A caller
    that asks that question itself (through :func:`confirm`, which tests can
    patch) passes ``confirm_overwrite=False`` so it is asked once.
    """
    dialog = QFileDialog(parent, title, suggested, name_filter)
    dialog.setObjectName("saveFile")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix.lstrip("."))
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    dialog.fileSelected.connect(on_path)
    dialog.open()
    return dialog


def open_file(parent: QWidget | None, title: str, on_path: Callable[[str], None]) -> QFileDialog:
    """Choose an existing file; ``on_path(path)`` when chosen."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("openFile")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(on_path)
    dialog.open()
    return dialog


def print_preview(
    parent: QWidget | None, title: str, printer: Any, paint: Callable[[Any], object]
) -> QDialog:
    """The print preview (its toolbar has the Print button and page setup).

    ``paint(printer)`` draws the pages; it runs again when the user changes
    the paper or the printer. ``QtPrintSupport`` is loaded only here, so
    start-up does not pay for it.
    """
    from PySide6.QtPrintSupport import QPrintPreviewDialog  # print support only when printing

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreview")
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.paintRequested.connect(paint)
    dialog.printer_ref = printer  # type: ignore[attr-defined]  # the printer must outlive the dialog
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
