"""Panic: reach the wallet's OFFICIAL support, and spot fake "support".

The wallet shown is the one the user is dealing with (the latest contact's,
else the triage answer; :func:`checks.panic.contacts.support_target`), or
the one they picked here. Every official channel is a link reachable by
keyboard; where the directory knows nothing, the page says where to look.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from checks.directory import SupportEntry, load_directory
from checks.findings import Severity
from checks.i18n import N_, InputError
from checks.panic import messages
from checks.panic.contacts import (
    NO_NEVER,
    fallbacks,
    never_does_sentence,
    official_channels,
    support_target,
)
from checks.panic.triage import OTHER_WALLET
from checks.phishing import VERDICT_WORDS, classify
from desktop.i18n import _, catalog, current_language, tr
from desktop.panic.contact_log import ContactLog
from desktop.panic.page import PanicHost, PanicPage
from desktop.ui import dialogs
from desktop.ui.links import help_button, link_label, open_link
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import copy_button, heading, language_choice, severity_colour

VERDICT_SEVERITY = {
    "official": Severity.GOOD,
    "lookalike": Severity.URGENT,
    "unknown": Severity.IMPORTANT,
}
GENERIC_NAME = N_("wallet")


class SupportPage(PanicPage):
    section = "support"

    def __init__(self, host: PanicHost) -> None:
        super().__init__(host)
        self.directory = load_directory()
        self._chosen: tuple[str, str] | None = None  # (case id, wallet) picked on this page
        top = QHBoxLayout()
        top.addWidget(heading(_("Contact official support — only official"), 1.6, self), 1)
        top.addWidget(help_button(self, "official-or-fake", _("Contact official support")))
        self.column.addLayout(top)
        self.wallet = QComboBox(self)
        self.wallet.setObjectName("supportWallet")
        self.wallet.setAccessibleName(_("Wallet or exchange"))
        for entry in self.directory.entries:
            self.wallet.addItem(entry.display_name(current_language()), entry.id)
        self.wallet.addItem(_("Another wallet or exchange"), OTHER_WALLET)
        self.column.addWidget(self.wallet)
        self.channels = link_label(self, "officialChannels", _("Official channels"))
        self.column.addWidget(self.channels)

        self.column.addWidget(heading(_("Your message"), 1.2, self))
        row = QHBoxLayout()
        self.language = language_choice(self, "messageLanguage", _("Language of the message"))
        row.addWidget(self.language)
        self.copy = QPushButton(_("Copy message"), self)
        self.copy.setObjectName("copyMessage")
        self.mail = QPushButton(_("Open in mail app"), self)
        self.mail.setObjectName("openMail")
        row.addWidget(self.copy)
        row.addWidget(self.mail)
        row.addStretch(1)
        self.column.addLayout(row)
        self.mail_hint = QLabel(self)
        self.mail_hint.setObjectName("mailHint")
        self.mail_hint.setWordWrap(True)
        self.column.addWidget(self.mail_hint)
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("supportMessage")
        self.message.setReadOnly(True)
        self.message.setAccessibleName(_("Your message"))
        self.message.setMinimumHeight(200)
        self.column.addWidget(self.message)

        self.column.addWidget(heading(_("Log this contact"), 1.2, self))
        self.contact_log = ContactLog(self)
        self.column.addWidget(self.contact_log)

        self.column.addWidget(heading(_("Someone contacted me / sent me a link"), 1.2, self))
        check_row = QHBoxLayout()
        self.suspect = QLineEdit(self)
        self.suspect.setObjectName("suspectLink")
        self.suspect.setPlaceholderText(
            _("Paste the link, website, email, account name or phone number")
        )
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

        self.wallet.activated.connect(self._picked)
        self.language.currentIndexChanged.connect(self._fill_message)
        copy_button(self.copy, self.message.toPlainText)  # it says "Copied" when it did
        self.mail.clicked.connect(self._open_mail)
        self.check.clicked.connect(self._check)
        self.suspect.returnPressed.connect(self._check)

    # compatibility for tests and scripts that reach the log form's fields
    @property
    def channel(self) -> QComboBox:
        return self.contact_log.channel

    @property
    def where(self) -> QComboBox:
        return self.contact_log.where

    @property
    def address(self) -> QLineEdit:
        return self.contact_log.address

    @property
    def ticket(self) -> QLineEdit:
        return self.contact_log.ticket

    @property
    def log(self) -> QPushButton:
        return self.contact_log.log

    def first_input(self) -> QWidget | None:
        return self.wallet

    @property
    def entry(self) -> SupportEntry | None:
        return self.directory.get(str(self.wallet.currentData()))

    # -- showing ------------------------------------------------------------

    def _picked(self, _index: int) -> None:
        self._chosen = (self.case.id, str(self.wallet.currentData()))
        self.refresh()

    def target(self) -> str:
        """The wallet to show: picked here for this case, else the case's own."""
        if self._chosen is not None and self._chosen[0] == self.case.id:
            return self._chosen[1]
        return support_target(self.case) or OTHER_WALLET

    def refresh(self) -> None:
        index = self.wallet.findData(self.target())
        if index < 0:
            index = self.wallet.findData(OTHER_WALLET)
        self.wallet.setCurrentIndex(index)
        entry = self.entry
        self.channels.setText(channels_html(entry))
        self.contact_log.set_entry(entry)
        self.contact_log.reset_time(self.ctx.clock())
        self.mail_hint.setText(mail_hint(entry))
        self._fill_message()

    def _fill_message(self) -> None:
        entry = self.entry
        language = str(self.language.currentData())
        translate = catalog(language).gettext
        name = entry.display_name(language) if entry is not None else translate(GENERIC_NAME)
        try:
            body = messages.support_request(self.case, name, translate)
        except InputError as error:
            body = tr(error.message)
        subject = messages.bilingual_subject(
            self.case,
            name,
            catalog("en").gettext,
            catalog("zh_CN").gettext,
            chinese_first=language.startswith("zh"),
        )
        self.message.setPlainText(f"{subject}\n\n{body}")

    def _open_mail(self) -> None:
        text = self.message.toPlainText()
        subject, _sep, body = text.partition("\n\n")
        entry = self.entry
        if entry is not None and entry.emails:
            open_link(messages.mailto(entry.emails[0], subject, body), self)
            return
        dialogs.confirm(
            self,
            _("No confirmed email address"),
            self.mail_hint.text(),
            _("Open the mail app anyway"),
            lambda: open_link(messages.mailto("", subject, body), self),
        )

    # -- fake support ---------------------------------------------------------

    def _check(self) -> None:
        text = self.suspect.text().strip()
        if not text:
            return
        result = classify(text)
        severity = VERDICT_SEVERITY[result.verdict]
        colour = severity_colour(severity, self)
        self.verdict.setText(
            f"<b style='color:{colour}'>{escape(_(VERDICT_WORDS[result.verdict]))}</b>: "
            f"{escape(tr(result.reason_msg))}"
        )
        self.verdict.setAccessibleName(
            f"{_(VERDICT_WORDS[result.verdict])}: {tr(result.reason_msg)}"
        )


def mail_hint(entry: SupportEntry | None) -> str:
    """Said next to "Open in mail app" when we know no address to put in To."""
    if entry is None:
        return tr(fallbacks(None)[0])
    if entry.emails:
        return ""
    return _(
        "We know no confirmed email address for {name}, so “Open in mail app” leaves the To"
        " field empty. Open the {name} app → Settings (or Me) → Help or Support, or the"
        " official help centre above, and copy the address from there."
    ).format(name=entry.display_name(current_language()))


def channels_html(entry: SupportEntry | None) -> str:
    """The entry's official channels as links, its status, and where to look for the rest."""
    if entry is None:
        items = "".join(f"<li>{escape(tr(line))}</li>" for line in fallbacks(None))
        other = escape(_("Another wallet or exchange"))
        return f"<p><b>{other}</b></p><ul>{items}</ul>"
    checked = entry.checked_on.isoformat()
    status = (
        _("Confirmed from an official source, checked on {date}.").format(date=checked)
        if entry.confirmed
        else _("Unconfirmed — please check on the official site. Last looked at on {date}.").format(
            date=checked
        )
    )
    links = []
    if entry.confirmed:
        url = escape(f"https://{entry.primary_domain}")
        website = escape(_("Official website"))
        links.append(f"<a href='{url}'>{website}</a> ({url})")
    for channel in official_channels(entry, current_language()):
        label = escape(tr(channel.label))
        if channel.address.startswith("https://"):
            address = escape(channel.address)
            links.append(f"<a href='{address}'>{label}</a> ({address})")
        elif channel.address:
            links.append(f"<a href='mailto:{escape(channel.address)}'>{label}</a>")
        else:
            links.append(label)
    parts = [
        f"<p><b>{escape(entry.display_name(current_language()))}</b> — {escape(status)}</p>",
        "<ul>" + "".join(f"<li>{link}</li>" for link in links) + "</ul>",
    ]
    language = current_language()
    rest = [line for line in fallbacks(entry, False, language) if line.text != NO_NEVER]
    if rest:
        where = escape(_("Not in our list — where to look"))
        parts.append(f"<p><b>{where}</b></p>")
        parts.append("<ul>" + "".join(f"<li>{escape(tr(line))}</li>" for line in rest) + "</ul>")
    if entry.never_does:
        words = never_does_sentence(entry, _, current_language())
        parts.append(f"<p>{escape(words)}</p>")
    else:
        parts.append(f"<p>{escape(_(NO_NEVER))}</p>")
    confirm = escape(_("Always confirm the address on the official site before you write."))
    parts.append(f"<p>{confirm}</p>")
    return "".join(parts)
