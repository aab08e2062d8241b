"""Panic: reach the wallet's OFFICIAL support, and spot fake "support"."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from checks.directory import NEVER_DOES, SupportEntry, load_directory
from checks.findings import Severity
from checks.i18n import N_, InputError
from checks.panic import messages
from checks.panic.case import Contact
from checks.phishing import classify
from desktop import dialogs
from desktop.i18n import _, catalog, current_language, tr
from desktop.panic_wizard import PanicPage, PanicWizard
from desktop.secret_guard import guard
from desktop.widgets import SEVERITY_COLOURS, heading

CHANNELS = (
    ("in_app", N_("Help page inside the app")),
    ("live_chat", N_("Live chat on the official site")),
    ("email", N_("Email")),
    ("ticket", N_("Support ticket / web form")),
    ("social", N_("Official social media account")),
    ("community", N_("Official community (forum, group)")),
)
VERDICT_SEVERITY = {
    "official": Severity.GOOD,
    "lookalike": Severity.URGENT,
    "unknown": Severity.IMPORTANT,
}
VERDICT_WORDS = {
    "official": N_("Official"),
    "lookalike": N_("Lookalike — do not use"),
    "unknown": N_("Unknown — be careful"),
}


class SupportPage(PanicPage):
    title = N_("Contact official support")

    def __init__(self, wizard: PanicWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("supportPage")
        self.directory = load_directory()
        self.column.addWidget(heading(_("Contact official support — only official"), 1.6, self))
        self.wallet = QComboBox(self)
        self.wallet.setObjectName("supportWallet")
        self.wallet.setAccessibleName(_("Wallet or exchange"))
        for entry in self.directory.entries:
            self.wallet.addItem(entry.name, entry.id)
        self.column.addWidget(self.wallet)
        self.channels = QLabel(self)
        self.channels.setObjectName("officialChannels")
        self.channels.setWordWrap(True)
        self.channels.setOpenExternalLinks(True)  # the user's own browser
        self.column.addWidget(self.channels)

        self.column.addWidget(heading(_("Your message"), 1.2, self))
        row = QHBoxLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("messageLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setAccessibleName(_("Language of the message"))
        row.addWidget(self.language)
        self.copy = QPushButton(_("Copy message"), self)
        self.copy.setObjectName("copyMessage")
        self.mail = QPushButton(_("Open in mail app"), self)
        self.mail.setObjectName("openMail")
        row.addWidget(self.copy)
        row.addWidget(self.mail)
        row.addStretch(1)
        self.column.addLayout(row)
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("supportMessage")
        self.message.setReadOnly(True)
        self.message.setAccessibleName(_("Your message"))
        self.message.setMinimumHeight(200)
        self.column.addWidget(self.message)

        self.column.addWidget(heading(_("Log this contact"), 1.2, self))
        form = QFormLayout()
        self.channel = QComboBox(self)
        self.channel.setObjectName("contactChannel")
        for value, label in CHANNELS:
            self.channel.addItem(_(label), value)
        self.channel.setAccessibleName(_("How you contacted them"))
        self.address = QLineEdit(self)
        self.address.setObjectName("contactAddress")
        self.address.setPlaceholderText(_("The website, email address or account you used"))
        self.address.setAccessibleName(_("The website, email address or account you used"))
        self.ticket = QLineEdit(self)
        self.ticket.setObjectName("contactTicket")
        self.ticket.setAccessibleName(_("Ticket or case number (if any)"))
        self.fee = QCheckBox(_("They asked me for a fee, my seed phrase or remote access"), self)
        self.fee.setObjectName("contactFee")
        for field in (self.address, self.ticket):
            guard(field)
        form.addRow(_("How:"), self.channel)
        form.addRow(_("Where:"), self.address)
        form.addRow(_("Ticket number:"), self.ticket)
        form.addRow(self.fee)
        self.column.addLayout(form)
        self.log = QPushButton(_("Log this contact"), self)
        self.log.setObjectName("logContact")
        self.column.addWidget(self.log)
        self.logged = QLabel(self)
        self.logged.setObjectName("contactLogged")
        self.logged.setWordWrap(True)
        self.column.addWidget(self.logged)

        self.column.addWidget(heading(_("Someone contacted me / sent me a link"), 1.2, self))
        check_row = QHBoxLayout()
        self.suspect = QLineEdit(self)
        self.suspect.setObjectName("suspectLink")
        self.suspect.setPlaceholderText(_("Paste the link, website, email or account name"))
        self.suspect.setAccessibleName(_("Link or account to check"))
        guard(self.suspect)
        self.check = QPushButton(_("Check"), self)
        self.check.setObjectName("checkLink")
        check_row.addWidget(self.suspect, 1)
        check_row.addWidget(self.check)
        self.column.addLayout(check_row)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("linkVerdict")
        self.verdict.setWordWrap(True)
        self.column.addWidget(self.verdict)
        self.column.addStretch(1)

        self.wallet.currentIndexChanged.connect(self.refresh)
        self.language.currentIndexChanged.connect(self._fill_message)
        self.copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.message.toPlainText())
        )
        self.mail.clicked.connect(self._open_mail)
        self.log.clicked.connect(self._log)
        self.check.clicked.connect(self._check)
        self.suspect.returnPressed.connect(self._check)
        index = self.language.findData(current_language())
        self.language.setCurrentIndex(max(index, 0))

    def first_input(self) -> QWidget | None:
        return self.wallet

    @property
    def entry(self) -> SupportEntry | None:
        return self.directory.get(str(self.wallet.currentData()))

    # -- showing ------------------------------------------------------------

    def refresh(self) -> None:
        if self.sender() is not self.wallet and self.case.wallets:
            index = self.wallet.findData(self.case.wallets[0])
            if index >= 0 and index != self.wallet.currentIndex():
                self.wallet.blockSignals(True)
                self.wallet.setCurrentIndex(index)
                self.wallet.blockSignals(False)
        entry = self.entry
        if entry is None:
            return
        self.channels.setText(channels_html(entry))
        self._fill_message()

    def _fill_message(self) -> None:
        entry = self.entry
        if entry is None:
            return
        language = str(self.language.currentData())
        translate = catalog(language).gettext
        try:
            body = messages.support_request(self.case, entry.name, translate)
        except InputError as error:
            body = tr(error.message)
        subject = messages.subject(self.case, entry.name, translate)
        self.message.setPlainText(f"{subject}\n\n{body}")

    def _open_mail(self) -> None:
        text = self.message.toPlainText()
        subject, _sep, body = text.partition("\n\n")
        QDesktopServices.openUrl(QUrl(messages.mailto("", subject, body)))

    # -- fake support ---------------------------------------------------------

    def _check(self) -> None:
        text = self.suspect.text().strip()
        if not text:
            return
        result = classify(text)
        severity = VERDICT_SEVERITY[result.verdict]
        colour = SEVERITY_COLOURS[severity]
        self.verdict.setText(
            f"<b style='color:{colour}'>{escape(_(VERDICT_WORDS[result.verdict]))}</b>: "
            f"{escape(tr(result.reason_msg))}"
        )
        self.verdict.setAccessibleName(
            f"{_(VERDICT_WORDS[result.verdict])}: {tr(result.reason_msg)}"
        )

    # -- logging a contact ---------------------------------------------------------

    def _log(self) -> None:
        channel = str(self.channel.currentData())
        address = self.address.text().strip()
        verdict = classify(address).verdict if address else None
        # The help page inside the official app counts as official when no other
        # address is given; any address given must itself be an official one.
        official = verdict == "official" if address else channel == "in_app"
        if self.fee.isChecked():
            dialogs.warn(
                self,
                _("Stop: this is a scam"),
                _(
                    "Real support never asks for a fee, your seed phrase or control of your"
                    " device, and nobody can reverse a blockchain transfer for a fee. Do not pay"
                    " and do not send anything more. Move what is left to a new wallet if you"
                    " shared your seed phrase."
                ),
            )
            official = False
        elif not official:
            dialogs.warn(
                self,
                _("This is not an official channel"),
                _(
                    "We could not confirm that this is {wallet}'s official support."
                    " Fake support accounts target theft victims: never give your seed phrase,"
                    " never pay a fee, and use the official channels listed above."
                ).format(wallet=self.entry.name if self.entry else "?"),
            )
        contact = Contact(
            channel=channel,
            at=self.ctx.clock(),
            wallet=str(self.wallet.currentData()),
            official=official,
            address=address,
            ticket=self.ticket.text().strip(),
        )
        try:
            case = self.case.add_contact(contact)
        except InputError as error:
            self.logged.setText(tr(error.message))
            return
        for field in (self.address, self.ticket):
            field.clear()
        self.fee.setChecked(False)
        self.logged.setText(_("Logged. The follow-up page says when to chase."))
        self.wizard.update_case(case)


def channels_html(entry: SupportEntry) -> str:
    checked = entry.checked_on.isoformat()
    status = (
        _("Confirmed from an official source, checked on {date}.").format(date=checked)
        if entry.confirmed
        else _("Unconfirmed — please check on the official site. Last looked at on {date}.").format(
            date=checked
        )
    )
    lines = [f"<b>{escape(entry.name)}</b> — {escape(status)}"]
    links = [(_("Official website"), f"https://{entry.primary_domain}")] if entry.confirmed else []
    if entry.help_center:
        links.append((_("Help centre"), entry.help_center))
    if entry.ticket_url:
        links.append((_("Submit a request"), entry.ticket_url))
    links += [(f"{account.platform}: @{account.handle}", account.url) for account in entry.social]
    lines += [
        f"<a href='{escape(url)}'>{escape(label)}</a> ({escape(url)})" for label, url in links
    ]
    if entry.in_app_support is not None:
        path = (
            entry.in_app_support.zh_CN if current_language() == "zh_CN" else entry.in_app_support.en
        )
        lines.append(escape(_("In the app: {path}").format(path=path)))
    if entry.never_does:
        never = "; ".join(_(NEVER_DOES[code]) for code in entry.never_does if code in NEVER_DOES)
        lines.append(escape(_("{name} will never: {items}.").format(name=entry.name, items=never)))
    lines.append(escape(_("Always confirm the address on the official site before you write.")))
    return "<br>".join(lines)
