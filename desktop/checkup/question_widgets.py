"""One widget per checkup question kind. Thin views: every rule is in
``checks.checkup``; a widget shows a question and reports the answer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
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
from checks.password import SCORE_LABELS
from checks.totp import parse_otpauth, verify
from desktop.i18n import _, current_language, tr
from desktop.ui.password_meter import PasswordMeter
from desktop.ui.secret_guard import guard


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


class ChoiceBox(QuestionBox):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for option in question.options:
            label = option.text(tr, current_language())
            button = QRadioButton(label, self)
            button.setObjectName(f"{question.id}__{option.value}")
            button.setAccessibleName(label)
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
            label = option.text(tr, current_language())
            box = QCheckBox(label, self)
            box.setObjectName(f"{question.id}__{option.value}")
            box.setAccessibleName(label)
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
        else:
            self.cleared.emit(self.question.id)

    def set_value(self, value: Any) -> None:
        for option, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(isinstance(value, list) and option in value)
            box.blockSignals(False)

    def first_input(self) -> QWidget:
        return next(iter(self.boxes.values()))


def wipe(field: QLineEdit) -> None:
    """Empty a field and its undo history (after "Show", Ctrl+Z could bring a password back)."""
    field.clear()
    field.setText("")


class _SecretBox(QuestionBox):
    """A question whose fields hold secrets: they are wiped whenever the page is hidden.

    Leaving by Back or Next, "Save and quit", the panic shortcut putting another
    page on top, or the page leaving the window all hide it.
    """

    def hideEvent(self, event: QHideEvent) -> None:
        self.leave()
        super().hideEvent(event)


class PasswordBox(_SecretBox):
    def __init__(self, question: Question, pool: Any, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.why.setVisible(True)  # "never saved" must be seen, not folded
        self.why_button.setVisible(False)
        self.record = QLabel(self)
        self.record.setObjectName("passwordRecord")
        self.record.setWordWrap(True)
        self.record.setVisible(False)
        self.inputs.addWidget(self.record)
        self.meter = PasswordMeter(pool, self)
        self.inputs.addWidget(self.meter)
        self.meter.scored.connect(self._scored)
        self.skip = QPushButton(_("Skip this question"), self)
        self.skip.setObjectName("skipPassword")
        self.skip.setAccessibleName(_("Skip this question"))
        self.skip.clicked.connect(self._skipped)
        self.inputs.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignLeft)

    def _scored(self, report: Any) -> None:
        self.record.setVisible(False)  # the meter shows the new result itself
        self.answered.emit(self.question.id, report.score)

    def _skipped(self) -> None:
        self.set_value(SKIPPED)
        self.answered.emit(self.question.id, SKIPPED)

    def set_value(self, value: Any) -> None:
        """What is kept from earlier: the score only, or that the question was skipped."""
        if value == SKIPPED:
            text = _("You skipped this question. You can type a password to check it, or go on.")
        elif isinstance(value, int) and 0 <= value < len(SCORE_LABELS):
            text = _(
                "Kept from earlier: strength {score} of 4 ({label}). Only the score was kept,"
                " never the password; type it again to check it once more."
            ).format(score=value, label=_(SCORE_LABELS[value]))
        else:
            text = ""
        self.record.setText(text)
        self.record.setVisible(bool(text))

    def first_input(self) -> QWidget:
        return self.meter.field

    def leave(self) -> None:
        self.meter.clear()
        for field in (self.meter.field, self.meter.name, self.meter.email):
            wipe(field)


class TotpBox(_SecretBox):
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
        guard(self.secret, two_factor_field=True)  # the secret is tested here, never kept
        self.code = QLineEdit(self)
        self.code.setObjectName("totpCode")
        self.code.setPlaceholderText(_("The 6-digit code your phone shows now"))
        self.code.setAccessibleName(_("Code from your phone"))
        guard(self.code)
        self.check = QPushButton(_("Check my backup"), self)
        self.check.setObjectName("totpCheck")
        self.check.setAccessibleName(_("Check my backup"))
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
            button.setAccessibleName(tr(option.label))
            self.group.addButton(button)
            self.buttons[option.value] = button
            self.inputs.addWidget(button)
            button.toggled.connect(lambda on, value=option.value: self._chosen(on, value))

    def _check(self) -> None:
        try:
            spec = parse_otpauth(self.secret.text())
            works = verify(spec, self.code.text())
        except InputError as error:
            self.result.setText(tr(error.message))
            return
        self._untick()
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
        self.leave()

    def _untick(self) -> None:
        """The check's outcome replaces "I have no backup"."""
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.group.setExclusive(True)

    def set_value(self, value: Any) -> None:
        """Show the earlier answer: the ticked choice, or the outcome of the earlier check."""
        earlier = {
            "works": _(
                "Earlier result: your backup worked. The backup itself was not kept; paste it"
                " again to check it once more."
            ),
            "failed": _(
                "Earlier result: your backup did not work. The backup itself was not kept;"
                " paste it again to check it once more."
            ),
        }
        self._untick()
        button = self.buttons.get(str(value))
        if button is not None:
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)
        self.result.setText(earlier.get(str(value), ""))

    def first_input(self) -> QWidget:
        return self.secret

    def leave(self) -> None:
        wipe(self.secret)
        wipe(self.code)


def make_box(question: Question, pool: Any, parent: QWidget | None = None) -> QuestionBox:
    if question.kind is Kind.CHOICE:
        return ChoiceBox(question, parent)
    if question.kind is Kind.MULTI:
        return MultiBox(question, parent)
    if question.kind is Kind.PASSWORD:
        return PasswordBox(question, pool, parent)
    return TotpBox(question, parent)
