"""Log a contact: how, where (one of the official channels, or typed), when, ticket.

Whether it counts as official is decided in :mod:`checks.panic.contacts`;
this widget only asks and shows the answer.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checks.directory import SupportEntry
from checks.i18n import N_, InputError
from checks.panic.case import Contact
from checks.panic.contacts import OfficialChannel, assess_contact, official_channels
from desktop.i18n import _, current_language, tr
from desktop.panic.page import PanicPage
from desktop.ui import dialogs
from desktop.ui.links import local_qt
from desktop.ui.secret_guard import guard

CHANNELS = (
    ("in_app", N_("Help page inside the app")),
    ("live_chat", N_("Live chat on the official site")),
    ("email", N_("Email")),
    ("ticket", N_("Support ticket / web form")),
    ("social", N_("Official social media account")),
    ("community", N_("Official community (forum, group)")),
    ("complaint", N_("Formal complaint")),
    ("police", N_("Police or regulator report")),
    ("consumer", N_("Consumer-protection body or lawyer")),
)
ELSEWHERE = "elsewhere"
WARNING_TITLES = {
    "scam": N_("Stop: this is a scam"),
    "not_official": N_("This is not an official channel"),
}


class ContactLog(QWidget):
    """The "Log this contact" form of the support page."""

    def __init__(self, page: PanicPage) -> None:
        super().__init__(page)
        self.page = page
        self.entry: SupportEntry | None = None
        self.listed: tuple[OfficialChannel, ...] = ()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.channel = QComboBox(self)
        self.channel.setObjectName("contactChannel")
        for value, label in CHANNELS:
            self.channel.addItem(_(label), value)
        self.channel.setAccessibleName(_("How you contacted them"))
        self.where = QComboBox(self)
        self.where.setObjectName("contactWhere")
        self.where.setAccessibleName(_("Where you contacted them"))
        self.address = QLineEdit(self)
        self.address.setObjectName("contactAddress")
        self.address.setPlaceholderText(_("The website, email address or account you used"))
        self.address.setAccessibleName(_("The website, email address or account you used"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setObjectName("contactWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(_("When you contacted them (your local time)"))
        self.ticket = QLineEdit(self)
        self.ticket.setObjectName("contactTicket")
        self.ticket.setAccessibleName(_("Ticket, case or report number (if any)"))
        self.fee = QCheckBox(_("They asked me for a fee, my seed phrase or remote access"), self)
        self.fee.setObjectName("contactFee")
        for field in (self.address, self.ticket):
            guard(field)
        form.addRow(_("How:"), self.channel)
        form.addRow(_("Where:"), self.where)
        form.addRow("", self.address)
        form.addRow(_("When:"), self.when)
        form.addRow(_("Ticket number:"), self.ticket)
        form.addRow(self.fee)
        column.addLayout(form)
        self.log = QPushButton(_("Log this contact"), self)
        self.log.setObjectName("logContact")
        column.addWidget(self.log)
        self.logged = QLabel(self)
        self.logged.setObjectName("contactLogged")
        self.logged.setWordWrap(True)
        column.addWidget(self.logged)
        for widget in (
            self.channel, self.where, self.address, self.when, self.ticket, self.fee, self.log
        ):  # fmt: skip
            widget.setProperty("editsCase", True)
        self.where.currentIndexChanged.connect(self._where_changed)
        self.log.clicked.connect(self.log_contact)

    def set_entry(self, entry: SupportEntry | None) -> None:
        """Offer the official channels of ``entry`` (``None``: a wallet we do not know)."""
        self.entry = entry
        self.listed = official_channels(entry, current_language())
        self.where.blockSignals(True)
        self.where.clear()
        for channel in self.listed:
            shown = tr(channel.label)
            if channel.address:
                shown += f" — {channel.address}"
            self.where.addItem(shown, channel.key)
        self.where.addItem(_("Somewhere else — type the address below"), ELSEWHERE)
        self.where.blockSignals(False)
        self._where_changed()

    def reset_time(self, now: datetime) -> None:
        local = local_qt(now)
        self.when.setMaximumDateTime(local.addSecs(300))
        self.when.setDateTime(local)

    def _picked(self) -> OfficialChannel | None:
        key = self.where.currentData()
        return next((c for c in self.listed if c.key == key), None)

    def _where_changed(self) -> None:
        picked = self._picked()
        self.address.setVisible(picked is None)
        if picked is not None:
            self.channel.setCurrentIndex(max(0, self.channel.findData(picked.channel)))

    def log_contact(self) -> None:
        case = self.page.case
        channel = str(self.channel.currentData())
        listed = self._picked()
        typed = self.address.text().strip() if listed is None else ""
        check = assess_contact(
            channel,
            self.entry,
            listed=listed,
            address=typed,
            asked_for_secret_or_fee=self.fee.isChecked(),
            language=current_language(),
        )
        if check.warn:
            dialogs.warn(self, _(WARNING_TITLES[check.verdict]), tr(check.message))
        picked = self.when.dateTime().toPython()
        assert isinstance(picked, datetime)
        reporting = channel in ("police", "consumer")
        contact = Contact(
            channel=channel,
            at=picked.astimezone(),
            wallet=None if reporting else (self.entry.id if self.entry else "other"),
            official=check.official,
            address=listed.address if listed is not None else typed,
            ticket=self.ticket.text().strip(),
        )
        try:
            updated = case.add_contact(contact, now=self.page.ctx.clock())
        except InputError as error:
            self.logged.setText(tr(error.message))
            return
        self.address.clear()
        self.ticket.clear()
        self.fee.setChecked(False)
        self.logged.setText(tr(check.message))
        self.page.edit(updated)
