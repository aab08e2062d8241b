"""Panic, first screen: three questions by buttons, then what to do now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QWidget

from checks.directory import load_directory
from checks.i18n import N_
from checks.panic.lockdown import first_actions
from desktop.i18n import _
from desktop.panic_wizard import PanicPage, PanicWizard
from desktop.widgets import heading, scaled_font

FUNDS = (
    ("yes", N_("Yes, some is left")),
    ("no", N_("No, it's all gone")),
    ("dont_know", N_("I don't know")),
)
HOW = (
    ("typed_seed", N_("I typed my seed phrase somewhere")),
    ("signed", N_("I signed or approved something on a website")),
    ("installed_app", N_("I installed an app from a link")),
    ("exchange_taken", N_("My exchange account was taken")),
    ("phone_stopped", N_("My phone number stopped working")),
    ("funds_moved", N_("None of these — the money just moved")),
    ("dont_know", N_("I don't know")),
)


CHOSEN_STYLE = """
QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);
                      font-weight: bold; }
"""


class TriagePage(PanicPage):
    title = N_("Do these first")

    def __init__(self, wizard: PanicWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("triagePage")
        self.column.addWidget(heading(_("Stop. Breathe. Do these first."), 1.8, self))
        self.setStyleSheet(CHOSEN_STYLE)
        self.funds = self._buttons(_("Is there still money in the wallet?"), FUNDS, "funds", 3)
        self.how = self._buttons(_("What happened?"), HOW, "how", 2)
        wallets = [
            (entry.id, entry.name)
            for entry in load_directory().entries
            if entry.kind in ("wallet", "hardware_wallet")
        ]
        self.wallet = self._buttons(
            _("Which wallet?"), (*wallets, ("other", N_("Another wallet"))), "wallet", 3
        )
        self.column.addWidget(heading(_("Right now:"), 1.4, self))
        self.action_labels: list[QLabel] = []
        for number in range(3):
            label = QLabel(self)
            label.setObjectName(f"firstAction{number + 1}")
            label.setWordWrap(True)
            label.setFont(scaled_font(label, 1.35, bold=number == 0))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.column.addWidget(label)
            self.action_labels.append(label)
        self.column.addStretch(1)

    def _buttons(
        self, question: str, options: tuple[tuple[str, str], ...], name: str, columns: int
    ) -> QButtonGroup:
        label = QLabel(question, self)
        label.setFont(scaled_font(label, 1.2, bold=True))
        self.column.addWidget(label)
        grid = QGridLayout()
        group = QButtonGroup(self)
        group.setExclusive(True)
        for index, (value, text) in enumerate(options):
            button = QPushButton(_(text), self)
            button.setObjectName(f"{name}__{value}")
            button.setCheckable(True)
            button.setMinimumHeight(40)
            button.setAccessibleName(f"{question} {_(text)}")
            button.setProperty("value", value)
            group.addButton(button)
            grid.addWidget(button, index // columns, index % columns)
        group.buttonClicked.connect(lambda _b: self._answered())
        self.column.addLayout(grid)
        return group

    @staticmethod
    def _value(group: QButtonGroup) -> str | None:
        button = group.checkedButton()
        return None if button is None else str(button.property("value"))

    def _answered(self) -> None:
        how = self._value(self.how)
        wallet = self._value(self.wallet)
        case = self.case.with_triage(
            what_happened=(how,) if how else None,
            funds_left=self._value(self.funds),
            wallets=(wallet,) if wallet else None,
        )
        self.wizard.update_case(case)

    def refresh(self) -> None:
        case = self.case
        for group, value in (
            (self.funds, case.funds_left),
            (self.how, case.what_happened[0] if case.what_happened else None),
            (self.wallet, case.wallets[0] if case.wallets else None),
        ):
            for button in group.buttons():
                button.setChecked(button.property("value") == value)
        steps = first_actions(case.what_happened or ("dont_know",), case.funds_left or "dont_know")
        for number, label in enumerate(self.action_labels):
            if number < len(steps):
                label.setText(f"{number + 1}. {_(steps[number].title)}")
                label.setToolTip(_(steps[number].why))
            else:
                label.clear()

    def first_input(self) -> QWidget | None:
        return self.funds.buttons()[0]
