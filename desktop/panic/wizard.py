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

The first screen comes first (bench/RESULTS.md, 1e-1j): before the wizard
is painted only the page shown is built, and a new case is not made yet
(the case model and the rules behind it load after). Right after the
paint, the case is made and the other pages are built, one per turn of the
event loop; a page asked for sooner is built at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
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
from checks.panic.sections import SECTIONS, section_index
from desktop.context import AppContext
from desktop.i18n import _
from desktop.panic.page import PanicPage
from desktop.panic.pages import page_class
from desktop.ui.widgets import Banner, page_layout, scaled_font, set_by_name

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from checks.panic.case import Case


class PanicWizard(QWidget):
    case_changed = Signal(object)  # Case: the controller saves it
    home_requested = Signal()
    delete_requested = Signal()
    new_case_requested = Signal()
    cases_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        case: Case | None,
        parent: QWidget | None = None,
        make_case: Callable[[], Case] | None = None,
    ) -> None:
        """``case`` None: a new case, made by ``make_case`` right after the first
        paint (or at the first answer, if that comes sooner)."""
        super().__init__(parent)
        self.setObjectName("panicWizard")
        if case is None and make_case is None:
            raise ValueError("a wizard needs a case, or a way to make one")
        self.ctx = ctx
        self._case = case
        self._make_case = make_case
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

        # Only the page shown is built before the wizard's first paint; the
        # others follow one per turn of the event loop (_build_next), or at once
        # when asked for (page_at). Each waits as an empty widget in the stack.
        self._pages: list[PanicPage | None] = [None] * len(SECTIONS)
        for number, section in enumerate(SECTIONS, start=1):
            self.stack.addWidget(QWidget(self.stack))
            self.nav.addItem(f"{number}. {_(section.title)}")
        self.nav.currentRowChanged.connect(self._go)
        self._painted = self._settled = self._completed = False
        self._next_page = QTimer(self)  # dies with the wizard: no call after it is gone
        self._next_page.setSingleShot(True)
        self._next_page.timeout.connect(self._build_next)

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
        self.nav.setCurrentRow(section_index(self._resume_section()))

    # -- the case, made when first needed --------------------------------------

    @property
    def case(self) -> Case:
        return self._made_case()

    def _made_case(self) -> Case:
        if self._case is None:
            assert self._make_case is not None
            self._case = self._make_case()
            self._update_label()
        return self._case

    @property
    def case_if_made(self) -> Case | None:
        return self._case

    def _resume_section(self) -> str:
        if self._case is None:
            return "triage"  # a new case starts with the questions (checks.panic.flow)
        # The rules behind every section: loaded for a saved case, not a new one.
        from checks.panic.flow import resume_section

        return resume_section(self._case)

    # -- pages, built when first needed ------------------------------------------

    @property
    def pages(self) -> list[PanicPage]:
        """Every page, each built now if it was not yet."""
        return [self.page_at(index) for index in range(len(self._pages))]

    def page_at(self, index: int) -> PanicPage:
        page = self._pages[index]
        if page is None:
            page = self._pages[index] = page_class(index)(self)
            shown: QWidget = page
            if not page.scrolls_itself:
                scroll = QScrollArea(self)
                scroll.setWidgetResizable(True)
                scroll.setFrameShape(QScrollArea.Shape.NoFrame)
                set_by_name(scroll, "focusPolicy", "NoFocus")  # not a Tab stop of its own
                scroll.setWidget(page)
                shown = scroll
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, shown)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._set_read_only(page, self.read_only)
            if self._completed:
                page.complete()
        return page

    def _chain_reading_order(self) -> None:
        """Tab follows reading order (desktop.ui.focus), from the first paint on:
        it asks Qt's ``Qt`` namespace, which the first screen is painted without,
        and no Tab can come sooner."""
        if self._completed:
            from desktop.ui.focus import chain_reading_order  # see the docstring

            chain_reading_order(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the first screen is up: the rest follows
            self._painted = True
            self._next_page.start(0)

    def _build_next(self) -> None:
        """After the first paint: the case, then one page per turn of the event loop.

        The first turn only waits: whatever else the paint set off runs first
        (``--exit-after-first-paint`` quits there, so it measures the paint).
        """
        if not self._settled:
            self._settled = True
        elif not self._completed:
            self._completed = True
            for page in self._pages:
                if page is not None:
                    page.complete()
            self._chain_reading_order()
        elif self._case is None:
            self._made_case()  # the case model loads here
        else:
            index = next((i for i, page in enumerate(self._pages) if page is None), None)
            if index is None:
                return
            self.page_at(index)
        self._next_page.start(0)

    @property
    def read_only(self) -> bool:
        return self._case is not None and self._case.status == "closed"

    @staticmethod
    def _set_read_only(page: PanicPage, closed: bool) -> None:
        for widget in page.findChildren(QWidget):
            if widget.property("editsCase"):
                widget.setEnabled(not closed)

    def _apply_read_only(self) -> None:
        """A closed case: every widget that edits the case is switched off."""
        closed = self.read_only
        for page in self._pages:
            if page is not None:
                self._set_read_only(page, closed)
        self.closed_note.setVisible(closed)
        self.reopen.setVisible(closed)
        if closed:
            # Only a closed case needs the outcome words; a new one opens first.
            from checks.panic.cases import OUTCOME_WORDS

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
            self.go_to(self._resume_section())

    def delete_case(self) -> None:
        """The summary's "Delete this case…" was confirmed: the controller deletes it."""
        self.delete_requested.emit()

    def _ask_new_case(self) -> None:
        from desktop.ui import dialogs  # dialogs load when asked for: the first screen paints first

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
        if 0 <= index < len(self._pages):
            self.nav.setCurrentRow(index)

    def go_to(self, section: str) -> None:
        self.go(section_index(section))

    def _go(self, index: int) -> None:
        page = self.page_at(index)
        self.stack.setCurrentIndex(index)
        page.refresh()
        self._chain_reading_order()  # pages make widgets as the case grows: Tab as they read
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self._pages) - 1)
        target = page.first_input()
        if target is not None and self.isVisible():
            target.setFocus()  # Qt's reason for it: OtherFocusReason

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
        return self.page_at(self.nav.currentRow())

    def update_case(self, case: Case) -> None:
        """Keep the new case, save it, and refresh what is shown."""
        was_closed = self.read_only
        self._case = case
        self._update_label()
        if was_closed != self.read_only:
            self._apply_read_only()
        self.case_changed.emit(case)
        self.page.refresh()
        self._chain_reading_order()

    def _update_label(self) -> None:
        case = self._case  # a new case not made yet is opened now
        opened = (case.opened_at.astimezone() if case else self.ctx.local_now()).strftime(
            "%Y-%m-%d %H:%M"
        )
        name = (case and case.title) or _("Theft case opened {date}").format(date=opened)
        self.case_label.setText(name)
