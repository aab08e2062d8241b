"""Panic: evidence — timeline, transactions (validated as you type), files.

Files are copied in the storage thread one after another. The job returns
only the manifest entry; it is added to the case as it is *then*, on the
GUI thread, so a note typed while a big file copies is never lost, and
three files dropped at once are three files in the case. Whether the copies
are still unchanged (``evidence.verify``) is checked in the background and
said in words.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from checks.directory.reporting import region_for
from checks.i18n import InputError, Msg
from checks.panic import evidence
from checks.panic.case import Case, EvidenceFile
from desktop.background import run_in_background
from desktop.i18n import _, current_language, tr
from desktop.panic.loss_value import LossValueRow
from desktop.panic.page import PanicHost, PanicPage
from desktop.panic.transactions import TransactionsSection
from desktop.ui import dialogs
from desktop.ui.links import help_button, local_qt
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import heading, verdict_colour, wrap_items


class EvidencePage(PanicPage):
    section = "evidence"

    def __init__(self, host: PanicHost) -> None:
        super().__init__(host)
        self.setAcceptDrops(True)
        self._queue: list[str] = []
        self._busy = False
        self._verified: tuple[EvidenceFile, ...] | None = None
        top = QHBoxLayout()
        top.addWidget(heading(_("Record the evidence"), 1.6, self), 1)
        top.addWidget(help_button(self, "evidence-utc", _("Record the evidence")))
        self.column.addLayout(top)
        self.status = QLabel(self)
        self.status.setObjectName("evidenceStatus")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.column.addWidget(self.status)

        # -- timeline -------------------------------------------------------
        self.column.addWidget(heading(_("What happened, and when"), 1.2, self))
        row = QHBoxLayout()
        self.when = QDateTimeEdit(local_qt(self.ctx.clock()), self)  # the context's clock
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
        self.timeline.setMaximumHeight(130)
        wrap_items(self.timeline)
        self.column.addWidget(self.timeline)
        self.remove_event = QPushButton(_("Remove the selected entry…"), self)
        self.remove_event.setObjectName("removeTimeline")
        self.remove_event.clicked.connect(self._ask_remove_event)
        self.column.addWidget(self.remove_event, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_event.clicked.connect(self._add_event)
        self.what.returnPressed.connect(self._add_event)

        # -- transactions -------------------------------------------------------
        self.column.addWidget(heading(_("Transactions"), 1.2, self))
        self.tx = TransactionsSection(self, self.say)
        self.column.addWidget(self.tx)
        region = region_for(QLocale.system().name(), current_language())
        self.loss = LossValueRow(self, region, self.say)  # police ask for it (涉案金额)
        self.column.addWidget(self.loss)

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
        self.files.setMaximumHeight(130)
        wrap_items(self.files)  # the whole SHA-256, wrapped, no sideways scrolling
        self.column.addWidget(self.files)
        fingerprint = QLabel(_(evidence.FINGERPRINT_NOTE), self)  # what SHA-256 is
        fingerprint.setObjectName("sha256Note")
        fingerprint.setWordWrap(True)
        self.column.addWidget(fingerprint)
        self.integrity = QLabel(self)
        self.integrity.setObjectName("evidenceIntegrity")
        self.integrity.setWordWrap(True)
        self.column.addWidget(self.integrity)
        for widget in (self.when, self.what, self.add_event, self.remove_event, self.attach):
            widget.setProperty("editsCase", True)

    def first_input(self) -> QWidget | None:
        return self.what

    # -- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        case = self.case
        if not self.what.text():  # a new entry starts at "now" (the context's clock)
            self.when.setDateTime(local_qt(self.ctx.clock()))
        self.timeline.clear()
        for entry in case.timeline:
            here = entry.at.astimezone()
            local = here.strftime("%Y-%m-%d %H:%M")
            # On a computer set to UTC the same time twice says nothing more.
            utc = f" ({entry.at:%H:%M} UTC)" if here.utcoffset() else ""
            self.timeline.addItem(f"{local}{utc} — {entry.text}")
        self.remove_event.setEnabled(bool(case.timeline) and not self.read_only)
        self.tx.refresh()
        self.loss.refresh()
        self.files.clear()
        for item in case.evidence:
            self.files.addItem(
                _("{name} — {size} bytes — SHA-256 {digest}").format(
                    name=item.original_name, size=item.size, digest=item.sha256
                )
            )
        if case.evidence != self._verified:
            self._verify()

    def say(self, text: str, ok: bool = False) -> None:
        self.status.setVisible(True)
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {verdict_colour(ok, self.status)};")

    # -- timeline -------------------------------------------------------------------

    def _add_event(self) -> None:
        picked = self.when.dateTime().toPython()
        assert isinstance(picked, datetime)
        moment = picked.astimezone()  # the user's local time, made aware
        try:
            case = self.case.add_timeline(moment, self.what.text(), now=self.ctx.clock())
        except InputError as error:
            self.say(tr(error.message))
            return
        self.what.clear()
        self.say(_("Added to the timeline."), ok=True)
        self.edit(case)

    def _ask_remove_event(self) -> None:
        row = self.timeline.currentRow()
        if row < 0:
            return
        entry = self.case.timeline[row]

        def remove() -> None:
            index = next((i for i, e in enumerate(self.case.timeline) if e == entry), -1)
            if index >= 0:
                self.edit(self.case.remove_timeline(index))

        dialogs.confirm(
            self,
            _("Remove this entry?"),
            _("“{text}” will be removed from the timeline.").format(text=entry.text),
            _("Remove"),
            remove,
        )

    # -- files ---------------------------------------------------------------------------

    def _choose_file(self) -> None:
        dialogs.open_file(self, _("Attach a screenshot or file"), self.add_file)

    def add_file(self, path: str) -> None:
        self.add_files([path])

    def add_files(self, paths: list[str]) -> None:
        """Attach files one after another (each copy sees the files before it)."""
        if self.ctx.store is None:
            self.say(_("Your data is not open yet. Please try again in a moment."))
            return
        self._queue.extend(paths)
        if not self._busy:
            self._next_file()

    def _next_file(self) -> None:
        if not self._queue:
            self._busy = False
            return
        self._busy = True
        path = self._queue.pop(0)
        ctx, store, case = self.ctx, self.ctx.store, self.case
        if store is None:
            self._queue.clear()
            self._busy = False
            return
        known = frozenset(item.sha256 for item in case.evidence)
        now = ctx.clock()
        self.say(_("Copying and checking {name}…").format(name=Path(path).name), ok=True)
        run_in_background(
            lambda: evidence.copy_in(case.id, known, Path(path), ctx.paths, store, now),
            self._file_added,
            self._file_failed,
            owner=self,
            pool=ctx.storage_pool,
        )

    def _file_added(self, item: object) -> None:
        assert isinstance(item, EvidenceFile)
        try:
            case = self.case.add_evidence(item)  # the case as it is now
        except InputError as error:
            self.say(tr(error.message))
            self._discard(item)
        else:
            self.say(
                _("Attached {name}. SHA-256: {digest}").format(
                    name=item.original_name, digest=item.sha256
                ),
                ok=True,
            )
            self.edit(case)
        self._next_file()

    def _discard(self, item: EvidenceFile) -> None:
        ctx, store, case_id = self.ctx, self.ctx.store, self.case.id
        if store is not None:
            run_in_background(
                lambda: evidence.discard(case_id, item, ctx.paths, store),
                lambda _r: None,
                None,
                owner=self,
                pool=ctx.storage_pool,
            )

    def _file_failed(self, exc: Exception) -> None:
        if isinstance(exc, InputError):
            self.say(tr(exc.message))
        else:
            self.say(
                _("The file could not be attached ({reason}).").format(reason=type(exc).__name__)
            )
        self._next_file()

    def _verify(self) -> None:
        """Are the copies still what was attached? Said in words, checked off the UI thread."""
        if self.ctx.store is None:
            self.integrity.clear()
            return
        self._verified = self.case.evidence
        verify_in_background(self, self.case, self.integrity)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.read_only:
            self.add_files(paths)
        event.acceptProposedAction()


def verify_in_background(owner: PanicPage, case: Case, label: QLabel) -> None:
    """Check the evidence copies of ``case`` and say the result in ``label``."""
    ctx, store = owner.ctx, owner.ctx.store
    if not case.evidence or store is None:
        label.clear()
        return

    def check() -> tuple[bool, tuple[Msg, ...]]:
        problems = evidence.verify(case, ctx.paths, store)
        return not problems, evidence.summary(case, problems)

    def show(result: tuple[bool, tuple[Msg, ...]]) -> None:
        if owner.case.evidence != case.evidence:
            return  # a newer check is on its way
        unchanged, lines = result
        words = " ".join(tr(line) for line in lines)
        label.setText(words)
        label.setAccessibleName(words)
        label.setStyleSheet(f"color: {verdict_colour(unchanged, label)};")

    run_in_background(
        check,
        show,
        lambda exc: label.setText(type(exc).__name__),
        owner=owner,
        pool=ctx.storage_pool,
    )
