"""One widget per checkup question kind. Thin views: every rule is in
``checks.checkup``; a widget shows a question and reports the answer.

What every box shares is :class:`~desktop.checkup.question_box.QuestionBox`;
the scan's box has its own module (:mod:`desktop.checkup.scan_box`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from checks.checkup.questions import DONT_KNOW, SKIPPED, Kind, Question
from checks.i18n import InputError
from checks.password import SCORE_LABELS
from checks.totp import parse_otpauth, verify
from desktop.checkup.question_box import QuestionBox, lay_out_options
from desktop.i18n import _, current_language, tr
from desktop.ui.password_meter import PasswordMeter
from desktop.ui.secret_guard import guard


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
            button.toggled.connect(lambda on, value=option.value: self._chosen(on, value))
        lay_out_options(self, list(self.buttons.values()))

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
            box.toggled.connect(lambda on, value=option.value: self._toggled(value, on))
        lay_out_options(self, list(self.boxes.values()))

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
        # "Type it to see an estimate" is old news once something is typed.
        self.meter.field.textChanged.connect(self._typed)
        self.skip = QPushButton(_("Skip this question"), self)
        self.skip.setObjectName("skipPassword")
        self.skip.setAccessibleName(_("Skip this question"))
        self.skip.clicked.connect(self._skipped)
        self.inputs.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignLeft)

    def _typed(self, text: str) -> None:
        self.why.setText(
            _(self.question.why) if not text else _("Checked on this computer only. Never saved.")
        )

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
        self.otpauth_note = QLabel(
            _(
                "An otpauth:// link is what a 2FA QR code holds: your authenticator app's"
                " export or backup shows it. The secret alone is a line of letters A–Z and"
                " digits 2–7 that the website showed when you set up 2FA."
            ),
            self,
        )
        self.otpauth_note.setObjectName("otpauthNote")
        self.otpauth_note.setWordWrap(True)
        self.check = QPushButton(_("Check my backup"), self)
        self.check.setObjectName("totpCheck")
        self.check.setAccessibleName(_("Check my backup"))
        self.result = QLabel(self)
        self.result.setObjectName("totpResult")
        self.result.setWordWrap(True)
        for widget in (self.secret, self.otpauth_note, self.code, self.check, self.result):
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
    if question.kind is Kind.SCAN:
        # The scan (~50 ms of imports) loads with its own page, not with the checkup's first.
        from desktop.checkup.scan_box import ScanBox

        return ScanBox(question, None, parent)
    return TotpBox(question, parent)
