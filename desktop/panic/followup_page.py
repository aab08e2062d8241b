"""Panic: follow-up — what is due and when, the next rung, replies."""

from __future__ import annotations

from datetime import timezone, tzinfo
from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QWidget

from checks.i18n import InputError
from checks.panic.escalation import Advice
from checks.panic.followup import advice_for, due_words
from checks.reports.html import sentence
from desktop.i18n import _, current_language, tr
from desktop.panic.contact_log import CHANNELS
from desktop.panic.page import PanicHost, PanicPage
from desktop.ui import dialogs
from desktop.ui.links import help_button
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import error_colour, heading, scaled_font

CHANNEL_WORDS = dict(CHANNELS)


class FollowUpPage(PanicPage):
    section = "followUp"

    def __init__(self, host: PanicHost) -> None:
        super().__init__(host)
        top = QHBoxLayout()
        top.addWidget(heading(_("Follow up and escalate"), 1.6, self), 1)
        top.addWidget(help_button(self, "support-wait", _("Follow up and escalate")))
        self.column.addLayout(top)
        self.advice = QLabel(self)
        self.advice.setObjectName("followUpAdvice")
        self.advice.setWordWrap(True)
        self.advice.setFont(scaled_font(self.advice, 1.2, bold=True))
        self.column.addWidget(self.advice)
        self.details = QLabel(self)
        self.details.setObjectName("followUpSteps")
        self.details.setWordWrap(True)
        self.column.addWidget(self.details)
        self.column.addWidget(heading(_("Your contacts"), 1.2, self))
        self.contacts = QListWidget(self)
        self.contacts.setObjectName("contactList")
        self.contacts.setAccessibleName(_("Your contacts"))
        self.column.addWidget(self.contacts)
        self.replied = QPushButton(_("They replied…"), self)
        self.replied.setObjectName("theyReplied")
        self.replied.clicked.connect(self._reply)
        self.replied.setProperty("editsCase", True)
        self.column.addWidget(self.replied)
        self.log_more = QPushButton(_("Log another contact"), self)
        self.log_more.setObjectName("logAnother")
        self.log_more.clicked.connect(lambda: self.host.go_to("support"))
        self.log_more.setProperty("editsCase", True)
        self.column.addWidget(self.log_more)
        self.column.addStretch(1)

    def first_input(self) -> QWidget | None:
        return self.contacts

    def _tz(self) -> tzinfo:
        return self.ctx.local_now().tzinfo or timezone.utc

    def current_advice(self) -> Advice:
        return advice_for(self.case, self.ctx.clock(), self._tz(), current_language())

    def refresh(self) -> None:
        advice = self.current_advice()
        text = tr(advice.message)
        if advice.due_at is not None:
            when = tr(due_words(advice.due_at, self.ctx.clock(), self._tz()))
            text += " " + _("({when})").format(when=when)
        self.advice.setText(text)
        self.advice.setAccessibleName(text)
        parts = [f"<li>{escape(sentence(tr(step)))}</li>" for step in advice.steps]
        colour = error_colour(self)
        warnings = "".join(
            f"<p style='color:{colour}'><b>{escape(tr(w))}</b></p>" for w in advice.warnings
        )
        self.details.setText(f"<ol>{''.join(parts)}</ol>{warnings}" if parts or warnings else "")
        self.contacts.clear()
        for contact in self.case.contacts:
            when = contact.at.astimezone().strftime("%Y-%m-%d %H:%M")
            words = [when, _(CHANNEL_WORDS.get(contact.channel, contact.channel))]
            if contact.ticket:
                words.append(_("ticket {ticket}").format(ticket=contact.ticket))
            if not contact.official:
                words.append(_("NOT an official channel"))
            if contact.reply_at is not None:
                words.append(_("replied: {summary}").format(summary=contact.reply_summary))
            self.contacts.addItem(" — ".join(words))
        if self.case.contacts:
            self.contacts.setCurrentRow(len(self.case.contacts) - 1)
        self.replied.setEnabled(bool(self.case.contacts) and not self.read_only)

    def _reply(self) -> None:
        row = self.contacts.currentRow()
        if row < 0:
            return
        dialogs.ask_text(
            self,
            _("They replied"),
            _("What did they say? (A few words; never paste a seed phrase.)"),
            lambda summary: self._record(row, summary),
            guard=guard,
        )

    def _record(self, row: int, summary: str) -> None:
        try:
            now = self.ctx.clock()
            case = self.case.record_reply(row, now, summary or _("(replied)"), now=now)
        except InputError as error:
            dialogs.warn(self, _("Not saved"), tr(error.message))
            return
        self.edit(case)
