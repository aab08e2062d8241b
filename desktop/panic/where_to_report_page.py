"""Panic: where to report — bodies for the user's region, what to bring, and
the report itself: a summary to hand over, and its reference number logged.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from checks.directory import reporting
from checks.help.blocks import body_html
from checks.i18n import InputError
from checks.panic import messages
from checks.panic.case import Contact
from checks.panic.contacts import assess_contact
from desktop.i18n import _, catalog, current_language, tr
from desktop.panic.page import PanicHost, PanicPage
from desktop.ui.links import help_button, link_label, local_qt
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import copy_button, heading, language_choice

# A report to these kinds of bodies is the "consumer" rung; the rest are "police".
CONSUMER_KINDS = ("consumer",)


class ReportPage(PanicPage):
    section = "report"

    def __init__(self, host: PanicHost) -> None:
        super().__init__(host)
        self.data = reporting.load_reporting()
        top = QHBoxLayout()
        top.addWidget(heading(_("Where to report"), 1.6, self), 1)
        top.addWidget(help_button(self, "report-theft", _("Where to report")))
        self.column.addLayout(top)
        self.region = QComboBox(self)
        self.region.setObjectName("reportRegion")
        self.region.setAccessibleName(_(reporting.REGION_CHOICE))
        language = current_language()
        for region in self.data.regions:
            self.region.addItem(region.name.get(language), region.id)
        default = reporting.region_for(QLocale.system().name(), language)
        self.region.setCurrentIndex(max(0, self.region.findData(default)))
        self.column.addWidget(self.region)
        self.bodies = link_label(self, "reportBodies", _("Where to report"))
        self.column.addWidget(self.bodies)

        self.column.addWidget(heading(_("Your report, ready to hand over"), 1.2, self))
        row = QHBoxLayout()
        self.summary_language = language_choice(
            self, "policeLanguage", _("Language of the report")
        )
        self.copy = QPushButton(_("Copy the report"), self)
        self.copy.setObjectName("copyPoliceSummary")
        row.addWidget(self.summary_language)
        row.addWidget(self.copy)
        row.addStretch(1)
        self.column.addLayout(row)
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("policeSummary")
        self.summary.setReadOnly(True)
        self.summary.setMinimumHeight(160)
        self.summary.setAccessibleName(_("Your report, ready to hand over"))
        self.column.addWidget(self.summary)

        self.column.addWidget(heading(_("I reported it"), 1.2, self))
        form = QFormLayout()
        self.body = QComboBox(self)
        self.body.setObjectName("reportBody")
        self.body.setAccessibleName(_("Where you reported it"))
        self.reference = QLineEdit(self)
        self.reference.setObjectName("reportReference")
        self.reference.setAccessibleName(_("Report or case number"))
        guard(self.reference)
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setObjectName("reportWhen")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(_("When you reported it (your local time)"))
        form.addRow(_("Reported to:"), self.body)
        form.addRow(_("Report or case number:"), self.reference)
        form.addRow(_("When:"), self.when)
        self.column.addLayout(form)
        self.log = QPushButton(_("Log this report"), self)
        self.log.setObjectName("logReport")
        self.column.addWidget(self.log)
        self.logged = QLabel(self)
        self.logged.setObjectName("reportLogged")
        self.logged.setWordWrap(True)
        self.column.addWidget(self.logged)
        self.column.addStretch(1)
        for widget in (self.body, self.reference, self.when, self.log):
            widget.setProperty("editsCase", True)
        self.region.currentIndexChanged.connect(self.refresh)
        self.summary_language.currentIndexChanged.connect(self._fill_summary)
        copy_button(self.copy, self.summary.toPlainText)  # it says "Copied" when it did
        self.log.clicked.connect(self._log)

    def first_input(self) -> QWidget | None:
        return self.region

    def refresh(self) -> None:
        language = current_language()
        html = [
            f"<p>{escape(_(reporting.CHECK_BEFORE_USE))}</p>",
            f"<p><b>{escape(_(reporting.NEVER_SHARE_SEED))}</b></p>",
        ]
        bodies = reporting.bodies_for(str(self.region.currentData()))
        for body in bodies:
            html.append(body_html(body, language, _))
        html.append(f"<p>{escape(_(reporting.FAKE_REPORTING_SITES))}</p>")
        self.bodies.setText("".join(html))
        chosen = self.body.currentData()
        self.body.clear()
        for body in bodies:
            self.body.addItem(body.name.get(language), body.id)
        self.body.addItem(_("Somewhere else"), "")
        self.body.setCurrentIndex(max(0, self.body.findData(chosen)))
        local = local_qt(self.ctx.clock())
        self.when.setMaximumDateTime(local.addSecs(300))
        self.when.setDateTime(local)
        self._fill_summary()

    def _fill_summary(self) -> None:
        translate = catalog(str(self.summary_language.currentData())).gettext
        try:
            text = messages.police_summary(self.case, translate)
        except InputError as error:
            text = tr(error.message)
        self.summary.setPlainText(text)

    def _log(self) -> None:
        body_id = str(self.body.currentData() or "")
        body = next(
            (b for b in reporting.bodies_for(str(self.region.currentData())) if b.id == body_id),
            None,
        )
        channel = "consumer" if body is not None and body.kind in CONSUMER_KINDS else "police"
        picked = self.when.dateTime().toPython()
        assert isinstance(picked, datetime)
        check = assess_contact(channel, None)
        where = body.name.get(current_language()) if body is not None else ""
        contact = Contact(
            channel=channel,
            at=picked.astimezone(),
            wallet=None,
            official=check.official,
            address=where,
            ticket=self.reference.text().strip(),
        )
        try:
            case = self.case.add_contact(contact, now=self.ctx.clock())
        except InputError as error:
            self.logged.setText(tr(error.message))
            return
        self.reference.clear()
        self.logged.setText(tr(check.message))
        self.edit(case)
