"""What every checkup question's box shares: the prompt, "Why this matters", the
help button, the basis of a detected answer, and the signals a box answers with.

Every box builds on :class:`QuestionBox`, which lives apart from the boxes so that
:func:`desktop.checkup.question_widgets.make_box` can make the scan's box without
:mod:`desktop.checkup.scan_box` importing back the module that makes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from checks.checkup.questions import Question
from desktop.i18n import _


class QuestionBox(QGroupBox):
    """A question with its "why this matters" note, folded by default."""

    answered = Signal(str, object)  # question id, value
    cleared = Signal(str)  # question id: the answer was taken back (nothing ticked)
    help_requested = Signal(str)  # the id of the help article behind "?"

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(_(question.prompt), parent)
        self.question = question
        self.setObjectName(f"question_{question.id}")
        self.setAccessibleName(_(question.prompt))
        self.body = QVBoxLayout(self)
        self.inputs = QVBoxLayout()  # the answer widgets come first
        self.body.addLayout(self.inputs)
        why_row = QHBoxLayout()
        self.why_button = QToolButton(self)
        self.why_button.setObjectName(f"why_{question.id}")
        self.why_button.setText(_("Why this matters"))
        self.why_button.setCheckable(True)
        self.why_button.setAccessibleName(_("Why this matters"))
        why_row.addWidget(self.why_button)
        self.help_button = QToolButton(self)
        self.help_button.setObjectName(f"help_{question.id}")
        self.help_button.setText("?")
        self.help_button.setToolTip(_("Open the help article about this question"))
        self.help_button.setAccessibleName(_("Help about this question"))
        self.help_button.clicked.connect(self.open_help)
        why_row.addWidget(self.help_button)
        why_row.addStretch(1)
        self.body.addLayout(why_row)
        self.why = QLabel(_(question.why), self)
        self.why.setWordWrap(True)
        self.why.setVisible(False)
        self.body.addWidget(self.why)
        self.why_button.toggled.connect(self.why.setVisible)
        self.basis = QLabel(self)
        self.basis.setObjectName(f"basis_{question.id}")
        self.basis.setWordWrap(True)
        self.basis.setVisible(False)
        self.body.addWidget(self.basis)

    def _chosen(self, on: bool, value: str) -> None:
        if on:
            self.answered.emit(self.question.id, value)

    def open_help(self) -> None:
        """Open the help centre at this question's article (the mapping is in checks.help)."""
        from checks.help import article_for_question  # the help centre loads when asked for

        article = article_for_question(self.question.id)
        self.help_requested.emit(article)
        opener = getattr(self.window(), "open_help", None)
        if callable(opener):
            opener(article)

    def set_value(self, value: Any) -> None:
        """Show an existing answer without emitting ``answered``."""

    def show_basis(self, text: str) -> None:
        self.basis.setText(text)
        self.basis.setVisible(bool(text))

    def first_input(self) -> QWidget:
        return self.why_button

    def leave(self) -> None:
        """The page is being left: forget anything secret."""

    def use_context(self, ctx: Any) -> None:
        """The app's context (the store, pools), for boxes that keep something of their own."""
