"""Panic mode: a calm, step-by-step theft wizard over one case.

A persistent banner states the two truths that protect victims most. The
sections are listed on the left (reachable by keyboard); every change is
saved at once, in the background, so quitting never loses a tick or a note.
A closed case opens read-only: everything can be read, copied and printed,
and "Reopen" makes it editable again (the case itself refuses any other
change). A case opens at the section :func:`checks.panic.flow.resume_section`
names. The sections, their order and every rule are in
:mod:`checks.panic.flow`; each page (:class:`desktop.panic.page.PanicPage`)
shows one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from checks.findings import Severity
from checks.panic.case import Case
from checks.panic.cases import OUTCOME_WORDS
from checks.panic.flow import resume_section, section_index
from desktop.context import AppContext
from desktop.i18n import _
from desktop.panic.page import PanicPage
from desktop.panic.pages import PAGES
from desktop.ui import dialogs
from desktop.ui.widgets import Banner, page_layout, scaled_font


class PanicWizard(QWidget):
    case_changed = Signal(object)  # Case: the controller saves it
    home_requested = Signal()
    delete_requested = Signal()
    new_case_requested = Signal()
    cases_requested = Signal()

    def __init__(self, ctx: AppContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panicWizard")
        self.ctx = ctx
        self.case = case
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
        self.truth.label.setFont(scaled_font(self.truth.label, 1.15, bold=True))
        layout.addWidget(self.truth)
        header = QHBoxLayout()
        self.case_label = QLabel(self)
        self.case_label.setObjectName("caseLabel")
        header.addWidget(self.case_label, 1)
        self.all_cases = QPushButton(_("All cases…"), self)
        self.all_cases.setObjectName("allCases")
        self.all_cases.setToolTip(_("Your open and closed cases"))
        self.all_cases.clicked.connect(self.cases_requested)
        self.new_case = QPushButton(_("Start a new case…"), self)
        self.new_case.setObjectName("newCase")
        self.new_case.clicked.connect(self._ask_new_case)
        header.addWidget(self.all_cases)
        header.addWidget(self.new_case)
        layout.addLayout(header)
        self.closed_row = QHBoxLayout()
        self.closed_note = QLabel(self)
        self.closed_note.setObjectName("closedNote")
        self.closed_note.setWordWrap(True)
        self.reopen = QPushButton(_("Reopen this case"), self)
        self.reopen.setObjectName("reopenCase")
        self.reopen.clicked.connect(self.reopen_case)
        self.closed_row.addWidget(self.closed_note, 1)
        self.closed_row.addWidget(self.reopen)
        layout.addLayout(self.closed_row)

        body = QHBoxLayout()
        self.nav = QListWidget(self)
        self.nav.setObjectName("panicNav")
        self.nav.setAccessibleName(_("Steps"))
        self.nav.setMaximumWidth(210)
        self.nav.setFont(scaled_font(self.nav, 1.1))
        body.addWidget(self.nav)
        self.stack = QStackedWidget(self)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)

        self.pages: list[PanicPage] = []
        for number, page_class in enumerate(PAGES, start=1):
            page = page_class(self)
            self.pages.append(page)
            if page.scrolls_itself:
                self.stack.addWidget(page)
            else:
                scroll = QScrollArea(self)
                scroll.setWidgetResizable(True)
                scroll.setFrameShape(QScrollArea.Shape.NoFrame)
                scroll.setWidget(page)
                self.stack.addWidget(scroll)
            self.nav.addItem(f"{number}. {_(page.title)}")
        self.nav.currentRowChanged.connect(self._go)

        row = QHBoxLayout()
        self.home = QPushButton(_("Home (everything is saved)"), self)
        self.home.setObjectName("panicHome")
        self.home.clicked.connect(self.home_requested)
        self.back = QPushButton(_("Back"), self)
        self.back.setObjectName("panicBack")
        self.back.clicked.connect(lambda: self.go(self.nav.currentRow() - 1))
        self.next = QPushButton(_("Next"), self)
        self.next.setObjectName("panicNext")
        self.next.clicked.connect(lambda: self.go(self.nav.currentRow() + 1))
        self.help = QPushButton(_("Help for this step"), self)
        self.help.setObjectName("panicHelp")
        self.help.setAccessibleName(_("Help for this step"))
        self.help.setToolTip(_("Questions and answers about this step (F1 for all help)"))
        self.help.clicked.connect(self.open_help)
        row.addWidget(self.home)
        row.addWidget(self.help)
        row.addStretch(1)
        row.addWidget(self.back)
        row.addWidget(self.next)
        layout.addLayout(row)
        self._update_label()
        self._apply_read_only()
        self.nav.setCurrentRow(section_index(resume_section(case)))

    @property
    def read_only(self) -> bool:
        return self.case.status == "closed"

    def _apply_read_only(self) -> None:
        """A closed case: every widget that edits the case is switched off."""
        closed = self.read_only
        for page in self.pages:
            for widget in page.findChildren(QWidget):
                if widget.property("editsCase"):
                    widget.setEnabled(not closed)
        self.closed_note.setVisible(closed)
        self.reopen.setVisible(closed)
        if closed:
            outcome = _(OUTCOME_WORDS.get(self.case.outcome, "Other"))
            self.closed_note.setText(
                _(
                    "This case is closed (outcome: {outcome}). You can read, copy and print"
                    " everything; to change something, reopen it."
                ).format(outcome=outcome)
            )

    def reopen_case(self) -> None:
        """Make a closed case editable again, and go where its work stands."""
        if self.read_only:
            self.update_case(self.case.reopened())
            self.go_to(resume_section(self.case))

    def delete_case(self) -> None:
        """The summary's "Delete this case…" was confirmed: the controller deletes it."""
        self.delete_requested.emit()

    def _ask_new_case(self) -> None:
        dialogs.confirm(
            self,
            _("Start a new case?"),
            _(
                "Use a new case for a different theft. This case stays saved as it is; you can"
                " come back to it under “All cases”."
            ),
            _("Start a new case"),
            self.new_case_requested.emit,
        )

    def go(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.nav.setCurrentRow(index)

    def go_to(self, section: str) -> None:
        self.go(section_index(section))

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        page = self.pages[index]
        page.refresh()
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.pages) - 1)
        target = page.first_input()
        if target is not None and self.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def help_article(self) -> str:
        """The help article for the section shown (the mapping is in checks.help)."""
        # The help centre loads when asked for: `--panic` paints this wizard first.
        from checks.help import article_for_panic_section

        return article_for_panic_section(self.page.section)

    def open_help(self) -> None:
        opener = getattr(self.window(), "open_help", None)
        if callable(opener):
            opener(self.help_article())

    @property
    def page(self) -> PanicPage:
        return self.pages[self.nav.currentRow()]

    def update_case(self, case: Case) -> None:
        """Keep the new case, save it, and refresh what is shown."""
        was_closed = self.read_only
        self.case = case
        self._update_label()
        if was_closed != self.read_only:
            self._apply_read_only()
        self.case_changed.emit(case)
        self.page.refresh()

    def _update_label(self) -> None:
        opened = self.case.opened_at.astimezone().strftime("%Y-%m-%d %H:%M")
        name = self.case.title or _("Theft case opened {date}").format(date=opened)
        self.case_label.setText(name)
