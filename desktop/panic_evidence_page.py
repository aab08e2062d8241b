"""Panic: evidence — timeline, transactions (validated as you type), files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from checks.chains import CHAINS, validate_address, validate_tx_hash
from checks.explorers import extract_from_explorer_url
from checks.i18n import N_, InputError
from checks.panic import evidence
from checks.panic.case import Transaction
from desktop import dialogs
from desktop.background import run_in_background
from desktop.i18n import _, tr
from desktop.panic_wizard import PanicPage, PanicWizard
from desktop.secret_guard import guard
from desktop.widgets import heading

OK_COLOUR, BAD_COLOUR = "#2e7d32", "#c62828"


class EvidencePage(PanicPage):
    title = N_("Record the evidence")

    def __init__(self, wizard: PanicWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("evidencePage")
        self.setAcceptDrops(True)
        self.column.addWidget(heading(_("Record the evidence"), 1.6, self))
        self.status = QLabel(self)
        self.status.setObjectName("evidenceStatus")
        self.status.setWordWrap(True)
        self.column.addWidget(self.status)

        # -- timeline -------------------------------------------------------
        self.column.addWidget(heading(_("What happened, and when"), 1.2, self))
        row = QHBoxLayout()
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setObjectName("timelineWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(_("When (your local time)"))
        self.what = QLineEdit(self)
        self.what.setObjectName("timelineText")
        self.what.setPlaceholderText(_("e.g. 'Noticed the balance was zero'"))
        self.what.setAccessibleName(_("What happened"))
        guard(self.what)
        self.add_event = QPushButton(_("Add to timeline"), self)
        self.add_event.setObjectName("addTimeline")
        row.addWidget(self.when)
        row.addWidget(self.what, 1)
        row.addWidget(self.add_event)
        self.column.addLayout(row)
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("timelineList")
        self.timeline.setAccessibleName(_("Timeline"))
        self.column.addWidget(self.timeline)
        self.add_event.clicked.connect(self._add_event)
        self.what.returnPressed.connect(self._add_event)

        # -- transactions -------------------------------------------------------
        self.column.addWidget(heading(_("Transactions"), 1.2, self))
        form = QFormLayout()
        self.chain = QComboBox(self)
        self.chain.setObjectName("txChain")
        for chain in CHAINS.values():
            self.chain.addItem(tr(chain.name), chain.id)
        self.chain.setAccessibleName(_("Network"))
        self.tx_hash = self._field("txHash", _("Transaction hash (TxID) or a block explorer link"))
        self.tx_from = self._field("txFrom", _("From address (your wallet)"))
        self.tx_to = self._field("txTo", _("To address (where the money went)"))
        self.asset = self._field("txAsset", _("Asset, e.g. USDT"))
        self.amount = self._field("txAmount", _("Amount"))
        for field in (self.asset, self.amount):
            guard(field)
        self.tx_check = QLabel(self)
        self.tx_check.setObjectName("txCheck")
        self.tx_check.setWordWrap(True)
        form.addRow(_("Network:"), self.chain)
        form.addRow(_("Transaction:"), self.tx_hash)
        form.addRow(self.tx_check)
        form.addRow(_("From:"), self.tx_from)
        form.addRow(_("To:"), self.tx_to)
        form.addRow(_("Asset:"), self.asset)
        form.addRow(_("Amount:"), self.amount)
        self.column.addLayout(form)
        self.add_tx = QPushButton(_("Add transaction"), self)
        self.add_tx.setObjectName("addTransaction")
        self.add_tx.clicked.connect(self._add_transaction)
        self.column.addWidget(self.add_tx, 0, Qt.AlignmentFlag.AlignLeft)
        self.transactions = QListWidget(self)
        self.transactions.setObjectName("transactionList")
        self.transactions.setAccessibleName(_("Transactions"))
        self.column.addWidget(self.transactions)
        for field in (self.tx_hash, self.tx_from, self.tx_to):
            field.textChanged.connect(self._check_live)
        self.chain.currentIndexChanged.connect(self._check_live)

        # -- files ------------------------------------------------------------------
        self.column.addWidget(heading(_("Screenshots and files"), 1.2, self))
        self.attach = QPushButton(_("Attach a file…"), self)
        self.attach.setObjectName("attachFile")
        self.attach.setToolTip(_("You can also drag files onto this page."))
        self.attach.clicked.connect(self._choose_file)
        self.column.addWidget(self.attach, 0, Qt.AlignmentFlag.AlignLeft)
        self.files = QListWidget(self)
        self.files.setObjectName("evidenceList")
        self.files.setAccessibleName(_("Evidence files"))
        self.column.addWidget(self.files)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(placeholder)
        return field

    def first_input(self) -> QWidget | None:
        return self.what

    # -- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        case = self.case
        self.timeline.clear()
        for entry in case.timeline:
            local = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.timeline.addItem(f"{local} ({entry.at:%H:%M} UTC) — {entry.text}")
        self.transactions.clear()
        for tx in case.transactions:
            parts = [f"[{tx.chain}] {tx.tx_hash}"]
            if tx.to_address:
                parts.append(_("to {address}").format(address=tx.to_address))
            if tx.amount or tx.asset:
                parts.append(f"{tx.amount} {tx.asset}".strip())
            self.transactions.addItem(" — ".join(parts))
        self.files.clear()
        for item in case.evidence:
            self.files.addItem(
                _("{name} — {size} bytes — SHA-256 {digest}").format(
                    name=item.original_name, size=item.size, digest=item.sha256
                )
            )

    def _say(self, text: str, ok: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {OK_COLOUR if ok else BAD_COLOUR};")

    # -- timeline -------------------------------------------------------------------

    def _add_event(self) -> None:
        picked = self.when.dateTime().toPython()
        assert isinstance(picked, datetime)
        moment = picked.astimezone()  # the user's local time, made aware
        try:
            case = self.case.add_timeline(moment, self.what.text())
        except InputError as error:
            self._say(tr(error.message))
            return
        self.what.clear()
        self._say(_("Added to the timeline."), ok=True)
        self.wizard.update_case(case)

    # -- transactions -------------------------------------------------------------------

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

    def _check_live(self) -> None:
        for field in (self.tx_hash, self.tx_from, self.tx_to):
            if "/" in field.text():
                self._unwrap_link(field)
        chain = str(self.chain.currentData())
        text = self.tx_hash.text().strip()
        if not text:
            self.tx_check.clear()
            return
        result = validate_tx_hash(chain, text)
        words = tr(result.problem) if result.problem else _("Looks right.")
        if result.note:
            words += " " + tr(result.note)
        self.tx_check.setText(words)
        colour = OK_COLOUR if result.ok else BAD_COLOUR
        self.tx_check.setStyleSheet(f"color: {colour};")

    def _add_transaction(self) -> None:
        chain = str(self.chain.currentData())
        tx = validate_tx_hash(chain, self.tx_hash.text())
        if not tx.ok:
            self._say(tr(tx.problem) if tx.problem else _("Please check the transaction hash."))
            self.tx_hash.setFocus()
            return
        addresses = []
        for field in (self.tx_from, self.tx_to):
            if not field.text().strip():
                addresses.append("")
                continue
            result = validate_address(chain, field.text())
            if not result.ok:
                self._say(tr(result.problem) if result.problem else _("Please check the address."))
                field.setFocus()
                return
            addresses.append(result.value)
        try:
            case = self.case.add_transaction(
                Transaction(
                    chain,
                    tx.value,
                    addresses[0],
                    addresses[1],
                    self.asset.text().strip(),
                    self.amount.text().strip(),
                )
            )
        except InputError as error:
            self._say(tr(error.message))
            return
        for field in (self.tx_hash, self.tx_from, self.tx_to, self.asset, self.amount):
            field.clear()
        self._say(_("Transaction added."), ok=True)
        self.wizard.update_case(case)

    # -- files ---------------------------------------------------------------------------

    def _choose_file(self) -> None:
        dialogs.open_file(self, _("Attach a screenshot or file"), self.add_file)

    def add_file(self, path: str) -> None:
        ctx, case, store = self.ctx, self.case, self.ctx.store
        if store is None:
            self._say(_("Your data is not open yet. Please try again in a moment."))
            return
        self._say(_("Copying and checking the file…"), ok=True)
        run_in_background(
            lambda: evidence.add_file(case, Path(path), ctx.paths, store, ctx.clock()),
            self._file_added,
            self._file_failed,
            owner=self,
            pool=ctx.storage_pool,
        )

    def _file_added(self, case: object) -> None:
        from checks.panic.case import Case

        assert isinstance(case, Case)
        item = case.evidence[-1]
        self._say(
            _("Attached {name}. SHA-256: {digest}").format(
                name=item.original_name, digest=item.sha256
            ),
            ok=True,
        )
        self.wizard.update_case(case)

    def _file_failed(self, exc: Exception) -> None:
        if isinstance(exc, InputError):
            self._say(tr(exc.message))
        else:
            self._say(
                _("The file could not be attached ({reason}).").format(reason=type(exc).__name__)
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.add_file(url.toLocalFile())
        event.acceptProposedAction()
