"""Panic mode's first screen: the three things that are right for everyone.

This is the first page of the panic flow. The tailored wizard (triage,
lockdown checklist, evidence, support, escalation) builds on it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from checks.findings import Severity
from checks.i18n import N_
from desktop.i18n import _
from desktop.widgets import Banner, heading, page_layout, scaled_font

STEPS = (
    N_(
        "If money is still in the wallet and your seed phrase or private key may have been seen:"
        " on a clean device, create a NEW wallet with a NEW seed phrase and move what is left"
        " there now. Changing the app's password does not protect the old wallet."
    ),
    N_(
        "Do not pay anyone who promises to get your coins back, and never give your seed phrase"
        " to anyone — not even someone who says they are support. They are thieves too."
    ),
    N_(
        "Write down what you know: when you noticed, the transaction hashes, the address the"
        " money went to. Then contact the wallet's support only through its official website"
        " or the help page inside the app."
    ),
)


class FirstStepsPage(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStepsPage")
        self.setAccessibleName(_("Panic mode: first steps"))
        layout = page_layout(self)
        self.truth = Banner(
            "truthBanner",
            Severity.URGENT,
            _(
                "No real support will ever ask for your seed phrase. "
                "Nobody can reverse a blockchain transfer for a fee."
            ),
            parent=self,
        )
        layout.addWidget(self.truth)
        layout.addWidget(heading(_("Stop. Breathe. Do these first."), 1.8, self))
        self.step_labels: list[QLabel] = []
        for number, text in enumerate(STEPS, start=1):
            label = QLabel(f"{number}. {_(text)}", self)
            label.setObjectName(f"firstStep{number}")
            label.setWordWrap(True)
            label.setFont(scaled_font(label, 1.3))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(label.text())
            layout.addWidget(label)
            self.step_labels.append(label)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.back = QPushButton(_("Back to home"), self)
        self.back.setObjectName("backHome")
        self.back.setAccessibleName(self.back.text())
        self.back.clicked.connect(self.back_requested)
        row.addWidget(self.back)
        row.addStretch(1)
        layout.addLayout(row)
