"""The evidence page's transactions: network, hash, time, addresses — checked as you type.

Every field says at once whether it looks right for the network chosen
(checksum errors explained); a whole block-explorer link pasted into a
field is read offline and split into the hash or address and its network.
The case model checks everything again when the transaction is added.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checks.chains import CHAINS, Validation, validate_address, validate_tx_hash
from checks.chains.explorers import extract_from_explorer_url
from checks.i18n import InputError
from checks.panic.case import Transaction
from checks.panic.flow import chain_to_offer
from checks.panic.messages import chain_name
from desktop.i18n import _, tr
from desktop.panic.page import PanicPage
from desktop.ui import dialogs
from desktop.ui.links import local_qt
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import verdict_colour, wrap_items


class TransactionsSection(QWidget):
    """Part of the evidence page; ``say`` shows a sentence in the page's status line."""

    def __init__(self, page: PanicPage, say: Callable[..., None]) -> None:
        super().__init__(page)
        self.page = page
        self.say = say
        self._offer_key: tuple[object, ...] = ()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.chain = QComboBox(self)
        self.chain.setObjectName("txChain")
        for chain in CHAINS.values():
            self.chain.addItem(tr(chain.name), chain.id)
        self.chain.setAccessibleName(_("Network"))
        self.tx_hash = self._field("txHash", _("Transaction hash (TxID) or a block explorer link"))
        self.tx_check = self._check_label("txCheck")
        self.known_time = QCheckBox(_("I know when it happened:"), self)
        self.known_time.setObjectName("txKnownTime")
        self.at = QDateTimeEdit(local_qt(page.ctx.clock()), self)  # the context's clock
        self.at.setObjectName("txTime")
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setAccessibleName(_("When the transaction happened (your local time)"))
        self.at.setEnabled(False)
        self.known_time.toggled.connect(self.at.setEnabled)
        time_row = QHBoxLayout()
        time_row.addWidget(self.known_time)
        time_row.addWidget(self.at)
        time_row.addStretch(1)
        self.tx_from = self._field("txFrom", _("From address (your wallet)"))
        self.from_check = self._check_label("fromCheck")
        self.tx_to = self._field("txTo", _("To address (where the money went)"))
        self.to_check = self._check_label("toCheck")
        self.asset = self._field("txAsset", _("Asset, e.g. USDT"))
        self.amount = self._field("txAmount", _("Amount"))
        for field in (self.asset, self.amount):
            guard(field)
        form.addRow(_("Network:"), self.chain)
        form.addRow(_("Transaction:"), self.tx_hash)
        form.addRow(self.tx_check)
        form.addRow(_("Time:"), time_row)
        form.addRow(_("From:"), self.tx_from)
        form.addRow(self.from_check)
        form.addRow(_("To:"), self.tx_to)
        form.addRow(self.to_check)
        form.addRow(_("Asset:"), self.asset)
        form.addRow(_("Amount:"), self.amount)
        column.addLayout(form)
        self.add = QPushButton(_("Add transaction"), self)
        self.add.setObjectName("addTransaction")
        self.add.clicked.connect(self.add_transaction)
        column.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        self.list = QListWidget(self)
        self.list.setObjectName("transactionList")
        self.list.setAccessibleName(_("Transactions"))
        self.list.setMaximumHeight(130)
        wrap_items(self.list)  # the amount and the hash wrap instead of being cut
        column.addWidget(self.list)
        self.remove = QPushButton(_("Remove the selected transaction…"), self)
        self.remove.setObjectName("removeTransaction")
        self.remove.clicked.connect(self.ask_remove)
        column.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        # Not self.at: it follows its tick box (refresh), also when the case is reopened.
        for widget in (*self._inputs(), self.add, self.remove, self.known_time):
            widget.setProperty("editsCase", True)
        for field in (self.tx_hash, self.tx_from, self.tx_to):
            guard(field, transaction_field=True)
            field.textChanged.connect(self.check_live)
        for field in (self.asset, self.amount):
            guard(field)
        self.chain.currentIndexChanged.connect(self.check_live)

    def _fields(self) -> tuple[QLineEdit, ...]:
        return (self.tx_hash, self.tx_from, self.tx_to, self.asset, self.amount)

    def _inputs(self) -> tuple[QWidget, ...]:
        return (self.chain, self.tx_hash, self.tx_from, self.tx_to, self.asset, self.amount)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(placeholder)
        return field

    def _check_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setVisible(False)  # shown with the first check, so it takes no room before
        return label

    # -- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.known_time.isChecked():
            self.at.setDateTime(local_qt(self.page.ctx.clock()))
        # The time box waits for "I know when it happened", whatever enabled the page.
        self.at.setEnabled(self.known_time.isChecked() and not self.page.read_only)
        case = self.page.case
        offer_key = (case.id, case.chains, len(case.transactions))
        if offer_key != self._offer_key:  # a case opened or changed: offer its network
            self._offer_key = offer_key
            offered = chain_to_offer(case)
            if offered is not None and not any(field.text() for field in self._fields()):
                self.chain.setCurrentIndex(max(0, self.chain.findData(offered)))
        self.list.clear()
        for tx in self.page.case.transactions:
            parts = [f"[{chain_name(tx.chain, _)}] {tx.tx_hash}"]
            if tx.at is not None:
                parts.append(tx.at.astimezone().strftime("%Y-%m-%d %H:%M"))
            if tx.to_address:
                parts.append(_("to {address}").format(address=tx.to_address))
            if tx.amount or tx.asset:
                parts.append(f"{tx.amount} {tx.asset}".strip())
            item = QListWidgetItem(" — ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, tx.tx_hash)
            self.list.addItem(item)
        self.remove.setEnabled(bool(self.page.case.transactions) and not self.page.read_only)

    # -- checking as you type -------------------------------------------------------

    def _unwrap_link(self, field: QLineEdit) -> None:
        """A whole block-explorer link pasted in? Keep the hash or address and its network."""
        link = extract_from_explorer_url(field.text().strip())
        if link is None:
            return
        index = self.chain.findData(link.chain)
        if index >= 0:
            self.chain.setCurrentIndex(index)
        target = (
            self.tx_hash if link.kind == "tx" else (self.tx_to if field is self.tx_hash else field)
        )
        field.blockSignals(True)
        field.clear()
        field.blockSignals(False)
        target.setText(link.value)

    def check_live(self) -> None:
        for field in (self.tx_hash, self.tx_from, self.tx_to):
            if "/" in field.text():
                self._unwrap_link(field)
        chain = str(self.chain.currentData())
        for field, label, check in (
            (self.tx_hash, self.tx_check, validate_tx_hash),
            (self.tx_from, self.from_check, validate_address),
            (self.tx_to, self.to_check, validate_address),
        ):
            text = field.text().strip()
            if not text:
                label.clear()
                label.setVisible(False)
                continue
            self._show(label, check(chain, text))

    @staticmethod
    def _show(label: QLabel, result: Validation) -> None:
        words = tr(result.problem) if result.problem else _("Looks right.")
        if result.note:
            words += " " + tr(result.note)
        label.setText(words)
        label.setStyleSheet(f"color: {verdict_colour(result.ok, label)};")
        label.setVisible(True)

    # -- adding and removing ----------------------------------------------------------

    def add_transaction(self) -> None:
        chain = str(self.chain.currentData())
        at = None
        if self.known_time.isChecked():
            picked = self.at.dateTime().toPython()
            assert isinstance(picked, datetime)
            at = picked.astimezone()
        try:
            case = self.page.case.add_transaction(
                Transaction(
                    chain,
                    self.tx_hash.text(),
                    self.tx_from.text(),
                    self.tx_to.text(),
                    self.asset.text(),
                    self.amount.text(),
                    at,
                ),
                now=self.page.ctx.clock(),  # a time in the future (year 7536) is refused
            )
        except InputError as error:
            self.say(tr(error.message))
            self._focus_problem(chain)
            return
        for field in self._fields():
            field.clear()
        self.known_time.setChecked(False)
        self.say(_("Transaction added."), ok=True)
        self.page.edit(case)

    def _focus_problem(self, chain: str) -> None:
        if not validate_tx_hash(chain, self.tx_hash.text()).ok:
            self.tx_hash.setFocus()
            return
        for field in (self.tx_from, self.tx_to):
            if field.text().strip() and not validate_address(chain, field.text()).ok:
                field.setFocus()
                return

    def ask_remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        tx_hash = str(item.data(Qt.ItemDataRole.UserRole))
        dialogs.confirm(
            self,
            _("Remove this transaction?"),
            _("{hash} will be removed from the case.").format(hash=tx_hash),
            _("Remove"),
            lambda: self.page.edit(self.page.case.remove_transaction(tx_hash)),
        )
