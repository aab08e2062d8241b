"""Panic: summary — where every step stands, what is open, name, close, delete.

The steps and the count of those still open come from :mod:`checks.panic.flow`,
as on the checklist and in the incident report.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from checks.i18n import InputError
from checks.panic import flow
from checks.panic.case import OUTCOMES
from checks.panic.cases import OUTCOME_WORDS, STATUS_WORDS
from desktop.i18n import _, tr
from desktop.panic.evidence_page import verify_in_background
from desktop.panic.page import PanicHost, PanicPage
from desktop.ui import dialogs
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import error_colour, heading


class SummaryPage(PanicPage):
    section = "summary"

    def __init__(self, host: PanicHost) -> None:
        super().__init__(host)
        self.column.addWidget(heading(_("Summary"), 1.6, self))
        self.overview = QLabel(self)
        self.overview.setObjectName("caseOverview")
        self.overview.setWordWrap(True)
        self.column.addWidget(self.overview)
        self.integrity = QLabel(self)
        self.integrity.setObjectName("summaryIntegrity")
        self.integrity.setWordWrap(True)
        self.column.addWidget(self.integrity)

        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("caseName")
        self.name.setAccessibleName(_("Name of this case"))
        guard(self.name)
        rename = QPushButton(_("Rename"), self)
        rename.setObjectName("renameCase")
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(rename)
        form.addRow(_("Name:"), row)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("caseOutcome")
        self.outcome.setAccessibleName(_("Outcome"))
        self.outcome.addItem(_("Choose the outcome…"), "")
        for value in OUTCOMES:
            self.outcome.addItem(_(OUTCOME_WORDS[value]), value)
        close = QPushButton(_("Close the case…"), self)
        close.setObjectName("closeCase")
        for widget in (self.name, rename, self.outcome, close):
            widget.setProperty("editsCase", True)
        row2 = QHBoxLayout()
        row2.addWidget(self.outcome, 1)
        row2.addWidget(close)
        form.addRow(_("Outcome:"), row2)
        self.column.addLayout(form)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.column.addWidget(self.status)
        papers = QHBoxLayout()
        print_report = QPushButton(_("Print incident report…"), self)
        print_report.setObjectName("printIncident")
        print_report.clicked.connect(self._print)
        bundle = QPushButton(_("Save case bundle (.zip)…"), self)
        bundle.setObjectName("saveBundle")
        bundle.setToolTip(_("The report, the evidence files and their SHA-256 list, in one file"))
        bundle.clicked.connect(self._bundle)
        papers.addWidget(print_report)
        papers.addWidget(bundle)
        papers.addStretch(1)
        self.column.addLayout(papers)
        delete = QPushButton(_("Delete this case…"), self)
        delete.setObjectName("deleteCase")
        delete.setStyleSheet(f"color: {error_colour(self)};")
        self.column.addWidget(delete)
        self.column.addStretch(1)
        rename.clicked.connect(self._rename)
        self.name.returnPressed.connect(self._rename)
        close.clicked.connect(self._close)
        delete.clicked.connect(self._delete)

    def first_input(self):  # type: ignore[no-untyped-def]
        return self.name

    def refresh(self) -> None:
        case = self.case
        lines = [_("Status: {status}").format(status=_(STATUS_WORDS.get(case.status, "Open")))]
        for state in flow.checklist(case):
            at = state.done_at
            mark = "✓" if at else "○"
            when = f" — {at.astimezone():%Y-%m-%d %H:%M}" if at else ""
            lines.append(f"{mark} {_(state.step.title)}{when}")
        lines.append("")
        lines.append(_("Still open: {count}").format(count=flow.progress(case).still_open))
        lines.append(
            _(
                "Timeline entries: {timeline}. Transactions: {tx}."
                " Files: {files}. Contacts: {contacts}."
            ).format(
                timeline=len(case.timeline),
                tx=len(case.transactions),
                files=len(case.evidence),
                contacts=len(case.contacts),
            )
        )
        if case.status == "closed":
            outcome = _(OUTCOME_WORDS.get(case.outcome, "Other"))
            lines.insert(1, _("Outcome: {outcome}").format(outcome=outcome))
        self.overview.setText("\n".join(lines))
        if not self.name.hasFocus():
            self.name.setText(case.title)
        verify_in_background(self, case, self.integrity)

    def _rename(self) -> None:
        try:
            self.edit(self.case.renamed(self.name.text()))
        except InputError as error:
            self.status.setText(tr(error.message))
            return
        self.status.setText(_("Renamed."))

    def _close(self) -> None:
        outcome = str(self.outcome.currentData() or "")
        if not outcome:
            self.status.setText(_("Please choose the outcome first."))
            self.outcome.setFocus()
            return
        words = _(OUTCOME_WORDS[outcome])

        def close() -> None:
            self.edit(self.case.closed(outcome))
            self.status.setText(
                _(
                    "The case is closed. It is kept: open it again under “All cases” in"
                    " panic mode; it can be reopened at any time."
                )
            )

        dialogs.confirm(
            self,
            _("Close this case?"),
            _(
                "Outcome: {outcome}. A closed case is kept and can still be read, printed and"
                " reopened; it no longer appears on the home screen."
            ).format(outcome=words),
            _("Close the case"),
            close,
        )

    def _print(self) -> None:
        # Printing (Qt's PDF and print support) loads when used: `--panic` paints this first.
        from desktop.printing.flow import print_incident_report

        print_incident_report(self, self.case, self.ctx)

    def _bundle(self) -> None:
        from desktop.printing.flow import save_case_bundle  # when used, as above

        save_case_bundle(self, self.case, self.ctx)

    def _delete(self) -> None:
        dialogs.confirm(
            self,
            _("Delete this case?"),
            _("Its notes, transactions and evidence files will be deleted. This cannot be undone."),
            _("Delete"),
            self.host.delete_case,
            dangerous=True,
        )
