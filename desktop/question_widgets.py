"""One widget per checkup question kind. Thin views: every rule is in
``checks.checkup``; a widget shows a question and reports the answer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checks.checkup.questions import DONT_KNOW, SKIPPED, Kind, Question
from checks.i18n import InputError
from desktop.i18n import _, tr
from desktop.password_meter import PasswordMeter
from desktop.secret_guard import guard


class QuestionBox(QGroupBox):
    """A question with its "why this matters" note, folded by default."""

    answered = Signal(str, object)  # question id, value
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
        from checks.help import article_for_question

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


class ChoiceBox(QuestionBox):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for option in question.options:
            button = QRadioButton(tr(option.label), self)
            button.setObjectName(f"{question.id}__{option.value}")
            button.setAccessibleName(tr(option.label))
            self.group.addButton(button)
            self.buttons[option.value] = button
            self.inputs.addWidget(button)
            button.toggled.connect(lambda on, value=option.value: self._chosen(on, value))

    def set_value(self, value: Any) -> None:
        button = self.buttons.get(str(value))
        if button is not None:
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)

    def first_input(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or next(iter(self.buttons.values()))


class MultiBox(QuestionBox):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.boxes: dict[str, QCheckBox] = {}
        for option in question.options:
            box = QCheckBox(tr(option.label), self)
            box.setObjectName(f"{question.id}__{option.value}")
            box.setAccessibleName(tr(option.label))
            self.boxes[option.value] = box
            self.inputs.addWidget(box)
            box.toggled.connect(lambda on, value=option.value: self._toggled(value, on))

    def _toggled(self, value: str, on: bool) -> None:
        if on and value == DONT_KNOW:
            others = [v for v in self.boxes if v != DONT_KNOW]
        elif on:
            others = [DONT_KNOW] if DONT_KNOW in self.boxes else []
        else:
            others = []
        for other in others:
            box = self.boxes[other]
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        chosen = [v for v, box in self.boxes.items() if box.isChecked()]
        if chosen:
            self.answered.emit(self.question.id, chosen)

    def set_value(self, value: Any) -> None:
        for option, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(isinstance(value, list) and option in value)
            box.blockSignals(False)

    def first_input(self) -> QWidget:
        return next(iter(self.boxes.values()))


class PasswordBox(QuestionBox):
    def __init__(self, question: Question, pool: Any, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.why.setVisible(True)  # "never saved" must be seen, not folded
        self.why_button.setVisible(False)
        self.meter = PasswordMeter(pool, self)
        self.inputs.addWidget(self.meter)
        self.meter.scored.connect(lambda report: self.answered.emit(question.id, report.score))
        self.skip = QPushButton(_("Skip this question"), self)
        self.skip.setObjectName("skipPassword")
        self.skip.clicked.connect(lambda: self.answered.emit(question.id, SKIPPED))
        self.inputs.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignLeft)

    def first_input(self) -> QWidget:
        return self.meter.field

    def leave(self) -> None:
        self.meter.clear()


class TotpBox(QuestionBox):
    """Paste a backup, type today's code: does the backup really work?"""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.why.setVisible(True)
        self.why_button.setVisible(False)
        self.secret = QLineEdit(self)
        self.secret.setObjectName("totpSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(_("otpauth://… link or the secret (letters A–Z, 2–7)"))
        self.secret.setAccessibleName(_("Your 2FA backup"))
        guard(self.secret)
        self.code = QLineEdit(self)
        self.code.setObjectName("totpCode")
        self.code.setPlaceholderText(_("The 6-digit code your phone shows now"))
        self.code.setAccessibleName(_("Code from your phone"))
        self.check = QPushButton(_("Check my backup"), self)
        self.check.setObjectName("totpCheck")
        self.result = QLabel(self)
        self.result.setObjectName("totpResult")
        self.result.setWordWrap(True)
        for widget in (self.secret, self.code, self.check, self.result):
            self.inputs.addWidget(widget)
        self.check.clicked.connect(self._check)
        self.code.returnPressed.connect(self._check)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for option in question.options:
            if option.value in ("works", "failed"):
                continue  # those come from the check itself
            button = QRadioButton(tr(option.label), self)
            button.setObjectName(f"totp__{option.value}")
            self.group.addButton(button)
            self.buttons[option.value] = button
            self.inputs.addWidget(button)
            button.toggled.connect(lambda on, value=option.value: self._chosen(on, value))

    def _check(self) -> None:
        from checks.totp import parse_otpauth, verify

        try:
            spec = parse_otpauth(self.secret.text())
            works = verify(spec, self.code.text())
        except InputError as error:
            self.result.setText(tr(error.message))
            return
        if works:
            self.result.setText(_("Your backup works: it makes the same code as your phone."))
            self.answered.emit(self.question.id, "works")
        else:
            self.result.setText(
                _(
                    "The code does not match. Check that you typed the code shown right now"
                    " and that this backup belongs to the same account. If it still fails,"
                    " this backup will not get you back in."
                )
            )
            self.answered.emit(self.question.id, "failed")
        self.secret.clear()
        self.code.clear()

    def first_input(self) -> QWidget:
        return self.secret

    def leave(self) -> None:
        self.secret.clear()
        self.code.clear()


def make_box(question: Question, pool: Any, parent: QWidget | None = None) -> QuestionBox:
    if question.kind is Kind.CHOICE:
        return ChoiceBox(question, parent)
    if question.kind is Kind.MULTI:
        return MultiBox(question, parent)
    if question.kind is Kind.PASSWORD:
        return PasswordBox(question, pool, parent)
    return TotpBox(question, parent)
