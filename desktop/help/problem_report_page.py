"""“Report a problem with this app”: the user describes, reads, then copies or mails.

The message is built by :func:`checks.help.problem_report` — version, system
and the typed steps, nothing from the data folder. The steps field has the
secret guard, and the builder refuses secrets again. Nothing is sent: the
user copies the text or opens it in their own mail program and picks the
recipient there (the project has no support address to suggest).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checks.help import ProblemReport, mailto_url, problem_report
from checks.i18n import InputError
from desktop.i18n import _, tr
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import heading


class ReportProblemPage(QWidget):
    def __init__(
        self, language: str, open_url: Callable[[QUrl], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportProblemPage")
        self.setAccessibleName(_("Report a problem with this app"))
        self.language = language
        self.open_url = open_url
        self.message: ProblemReport | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading(_("Report a problem with this app"), 1.5, self))
        intro = QLabel(
            _(
                "Describe what you did and what went wrong. The app sends nothing: you can copy"
                " the message, or open it in your own mail program and choose who receives it."
                " Please do not include seed phrases, private keys, passwords, or details of"
                " your case that you do not want to share."
            ),
            self,
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        steps_label = QLabel(_("What you did, and what went wrong:"), self)
        column.addWidget(steps_label)
        self.steps = QPlainTextEdit(self)
        self.steps.setObjectName("problemSteps")
        self.steps.setAccessibleName(_("What you did, and what went wrong"))
        self.steps.setPlaceholderText(
            _("For example: I opened Settings, chose 简体中文, and the window went blank.")
        )
        self.steps.setTabChangesFocus(True)
        steps_label.setBuddy(self.steps)
        guard(self.steps)  # first, so a secret is cleared before the message is built
        column.addWidget(self.steps, 1)
        preview_label = QLabel(_("The message, exactly as it would be sent:"), self)
        column.addWidget(preview_label)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("problemPreview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(_("The message"))
        preview_label.setBuddy(self.preview)
        column.addWidget(self.preview, 1)
        self.status = QLabel(self)
        self.status.setObjectName("problemStatus")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        row = QHBoxLayout()
        self.copy = QPushButton(_("Copy the message"), self)
        self.copy.setObjectName("problemCopy")
        self.mail = QPushButton(_("Open in my mail program"), self)
        self.mail.setObjectName("problemMail")
        self.mail.setToolTip(
            _("Your mail program opens with the message; you choose the recipient.")
        )
        row.addWidget(self.copy)
        row.addWidget(self.mail)
        row.addStretch(1)
        column.addLayout(row)
        self.steps.textChanged.connect(self.rebuild)
        self.copy.clicked.connect(self.copy_message)
        self.mail.clicked.connect(self.open_in_mail)
        self.rebuild()

    def rebuild(self) -> None:
        """Build the message from what is in the field now."""
        try:
            self.message = problem_report(self.steps.toPlainText(), self.language, _)
        except InputError as error:
            self.message = None
            self.preview.clear()
            self.status.setText(tr(error.message))
            return
        self.preview.setPlainText(f"{self.message.subject}\n\n{self.message.body}")
        self.status.clear()

    def copy_message(self) -> None:
        if self.message is None:
            return
        QGuiApplication.clipboard().setText(f"{self.message.subject}\n\n{self.message.body}")
        self.status.setText(_("Copied. Paste it into an email or a message to whoever you choose."))

    def open_in_mail(self) -> None:
        if self.message is None:
            return
        self.open_url(QUrl(mailto_url(self.message)))
        self.status.setText(
            _("Your mail program should open with the message. Nothing was sent by this app.")
        )

    def leave(self) -> None:
        """The window closes: forget what was typed."""
        self.steps.clear()
