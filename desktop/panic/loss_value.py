"""The evidence page's loss value: what the stolen assets were worth, in the user's currency.

Police ask for it (涉案金额); the incident report and the police summary
show it. The first currency offered follows the reporting region (人民币 for
a Chinese UI without another country in the locale).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from checks.i18n import InputError
from checks.panic.case import LOSS_CURRENCIES
from checks.panic.messages import CURRENCY_NAMES
from desktop.i18n import _, tr
from desktop.panic.page import PanicPage
from desktop.ui.secret_guard import guard

REGION_CURRENCY = {
    "CN": "CNY",
    "HK": "HKD",
    "MO": "MOP",
    "TW": "TWD",
    "SG": "SGD",
    "MY": "MYR",
    "AU": "AUD",
    "CA": "CAD",
    "US": "USD",
    "GB": "GBP",
    "EU": "EUR",
}


class LossValueRow(QWidget):
    def __init__(self, page: PanicPage, region: str, say: Callable[..., None]) -> None:
        super().__init__(page)
        self.page = page
        self.say = say
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("Value of the loss at the time:"), self)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("lossAmount")
        self.amount.setPlaceholderText(_("e.g. 35000"))
        self.amount.setAccessibleName(_("Value of the loss at the time"))
        guard(self.amount)
        self.currency = QComboBox(self)
        self.currency.setObjectName("lossCurrency")
        self.currency.setAccessibleName(_("Currency"))
        for code in LOSS_CURRENCIES:
            self.currency.addItem(_(CURRENCY_NAMES[code]), code)
        self.currency.setCurrentIndex(LOSS_CURRENCIES.index(REGION_CURRENCY.get(region, "USD")))
        self.save = QPushButton(_("Save the value"), self)
        self.save.setObjectName("saveLoss")
        label.setBuddy(self.amount)
        row.addWidget(label)
        row.addWidget(self.amount, 1)
        row.addWidget(self.currency)
        row.addWidget(self.save)
        for widget in (self.amount, self.currency, self.save):
            widget.setProperty("editsCase", True)
        self.save.clicked.connect(self._save)
        self.amount.returnPressed.connect(self._save)

    def refresh(self) -> None:
        case = self.page.case
        if case.loss_amount and not self.amount.hasFocus():
            self.amount.setText(case.loss_amount)
            index = self.currency.findData(case.loss_currency)
            if index >= 0:
                self.currency.setCurrentIndex(index)

    def _save(self) -> None:
        try:
            case = self.page.case.with_loss(self.amount.text(), str(self.currency.currentData()))
        except InputError as error:
            self.say(tr(error.message))
            return
        self.say(_("Saved."), ok=True)
        self.page.edit(case)
