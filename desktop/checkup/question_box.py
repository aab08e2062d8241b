"""What every checkup question's box shares: the prompt, "Why this matters", the
help button, the basis of a detected answer, and the signals a box answers with.

Every box builds on :class:`QuestionBox`, which lives apart from the boxes so that
:func:`desktop.checkup.question_widgets.make_box` can make the scan's box without
:mod:`desktop.checkup.scan_box` importing back the module that makes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checks.checkup.questions import Question
from desktop.i18n import _


class QuestionBox(QGroupBox):
    """A question with its "why this matters" note, folded by default.

    The question's own line carries "Why this matters" and "?" at its end, so
    they never take a row of their own under the answers; the note unfolds
    under that line. Read (and tabbed) in that order: the question, its two
    buttons, the note, the answers.
    """

    answered = Signal(str, object)  # question id, value
    cleared = Signal(str)  # question id: the answer was taken back (nothing ticked)
    help_requested = Signal(str)  # the id of the help article behind "?"

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"question_{question.id}")
        self.setAccessibleName(_(question.prompt))
        self.body = QVBoxLayout(self)
        self.body.setSpacing(4)
        margins = self.body.contentsMargins()  # the style's, less the room for a title
        self.body.setContentsMargins(margins.left(), 4, margins.right(), 6)
        title_line = QHBoxLayout()
        self.prompt = QLabel(_(question.prompt), self)
        self.prompt.setObjectName(f"prompt_{question.id}")
        self.prompt.setWordWrap(True)
        title_line.addWidget(self.prompt, 1)
        self.why_button = QToolButton(self)
        self.why_button.setObjectName(f"why_{question.id}")
        self.why_button.setText(_("Why this matters"))
        self.why_button.setCheckable(True)
        self.why_button.setAccessibleName(_("Why this matters"))
        title_line.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignTop)
        self.help_button = QToolButton(self)
        self.help_button.setObjectName(f"help_{question.id}")
        self.help_button.setText("?")
        self.help_button.setToolTip(_("Open the help article about this question"))
        self.help_button.setAccessibleName(_("Help about this question"))
        self.help_button.clicked.connect(self.open_help)
        title_line.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(title_line)
        self.why = QLabel(_(question.why), self)
        self.why.setWordWrap(True)
        self.why.setVisible(False)
        self.body.addWidget(self.why)
        self.why_button.toggled.connect(self.why.setVisible)
        self.inputs = QVBoxLayout()  # the answer widgets
        self.option_grid: OptionGrid | None = None
        self.body.addLayout(self.inputs)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.option_grid is not None:
            margins = self.body.contentsMargins()
            self.option_grid.fit(event.size().width() - margins.left() - margins.right())

    def show_basis(self, text: str) -> None:
        self.basis.setText(text)
        self.basis.setVisible(bool(text))

    def first_input(self) -> QWidget:
        return self.why_button

    def leave(self) -> None:
        """The page is being left: forget anything secret."""

    def use_context(self, ctx: Any) -> None:
        """The app's context (the store, pools), for boxes that keep something of their own."""


def most_columns(count: int) -> int:
    """At most this many answers side by side: three short ones on one line,
    four to six in two columns, seven or more in three."""
    if count <= 3:
        return count
    return 2 if count <= 6 else 3


class OptionGrid(QGridLayout):
    """A question's answer buttons, row by row (the order Tab and the arrows
    follow), in as many columns as the box's width allows: short answers side
    by side, so a page of questions fits a laptop screen without scrolling,
    and one column (no text cut) when the window is narrow."""

    SPACING = 18

    def __init__(self, buttons: list[QAbstractButton]) -> None:
        super().__init__()
        self.buttons = buttons
        self.items: list[QWidget] = list(buttons)
        self.most = most_columns(len(buttons))
        self.columns = 0
        self.setHorizontalSpacing(self.SPACING)
        self.setVerticalSpacing(4)
        self.place(1)

    def fit(self, width: int) -> None:
        """Choose the number of columns for a box ``width`` pixels wide."""
        need = max((item.sizeHint().width() for item in self.items), default=1)
        fits = (width + self.SPACING) // (need + self.SPACING)
        self.place(max(1, min(self.most, fits)))

    def place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for item in self.items:
            self.removeWidget(item)
            # Side by side, the width is checked in fit(); alone, a button keeps its text whole.
            policy = item.sizePolicy()
            policy.setHorizontalPolicy(
                QSizePolicy.Policy.Ignored if columns > 1 else QSizePolicy.Policy.Preferred
            )
            item.setSizePolicy(policy)
        for index, item in enumerate(self.items):
            self.addWidget(item, index // columns, index % columns)
        for column in range(4):
            self.setColumnStretch(column, 1 if column < columns else 0)


def lay_out_options(box: QuestionBox, buttons: list[QAbstractButton]) -> OptionGrid:
    grid = OptionGrid(buttons)
    box.inputs.addLayout(grid)
    box.option_grid = grid
    return grid
