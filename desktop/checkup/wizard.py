"""The monthly checkup wizard: one topic per page over :class:`CheckupFlow`.

Back / Save and quit / Next. Answers go straight into the flow (and a
draft is saved in the background, so quitting never loses them). Automatic
probes start when their page opens and never block the window. Every
decision — may "Next" go on, is the checkup finished, what is missing, did
an answer show or hide a question, which probes to start — is the flow's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from checks.checkup.detect import Proposal
from checks.checkup.flow import DRAFT_NAME, CheckupFlow
from checks.checkup.questions import BY_ID, TOPICS_BY_ID
from checks.checkup.run import CheckupRun, build_run
from checks.i18n import InputError
from desktop.background import run_in_background
from desktop.checkup.question_box import QuestionBox
from desktop.checkup.question_widgets import make_box
from desktop.context import AppContext
from desktop.i18n import _, tr
from desktop.ui.focus import chain_reading_order
from desktop.ui.widgets import error_colour, heading, page_layout

DRAFT = DRAFT_NAME
ProbeRunner = Callable[[str], list[Proposal]]


class CheckupWizard(QWidget):
    finished = Signal(object)  # CheckupRun
    closed = Signal()  # "Save and quit"

    def __init__(self, ctx: AppContext, flow: CheckupFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkupWizard")
        self.ctx = ctx
        self.flow = flow
        self.boxes: dict[str, QuestionBox] = {}
        layout = page_layout(self)
        layout.setContentsMargins(20, 12, 20, 12)  # room for the questions on a laptop screen
        layout.setSpacing(8)
        top = QHBoxLayout()  # the title, and where we are, on one line
        self.title = heading(_("Monthly checkup"), 1.6, self)
        top.addWidget(self.title, 1)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("checkupProgressLabel")
        self.progress_label.setWordWrap(False)
        top.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("checkupProgress")
        self.progress.setTextVisible(False)
        layout.addWidget(self.progress)
        self.page_note = QLabel(self)  # why the number of pages just changed
        self.page_note.setObjectName("checkupPageNote")
        self.page_note.setWordWrap(True)
        self.page_note.setVisible(False)
        layout.addWidget(self.page_note)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.busy = QLabel(_("Checking this computer…"), self)
        self.busy.setObjectName("probeBusy")
        self.busy.setVisible(False)
        layout.addWidget(self.busy)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a stop of its own
        layout.addWidget(self.scroll_area, 1)

        self.status = QLabel(self)
        self.status.setObjectName("checkupStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {error_colour(self)};")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.back = QPushButton(_("Back"), self)
        self.back.setObjectName("checkupBack")
        self.quit = QPushButton(_("Save and quit"), self)
        self.quit.setObjectName("checkupQuit")
        self.next = QPushButton(self)
        self.next.setObjectName("checkupNext")
        self.next.setDefault(True)
        for button, name in ((self.back, _("Back")), (self.quit, _("Save and quit"))):
            button.setAccessibleName(name)
        self.busy.setAccessibleName(_("Checking this computer…"))
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.quit)
        row.addWidget(self.next)
        layout.addLayout(row)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.quit.clicked.connect(self.save_and_quit)
        self.show_topic()

    # -- pages ---------------------------------------------------------------

    def show_topic(self, focus_question: str | None = None) -> None:
        for box in self.boxes.values():
            box.leave()
        if focus_question is None:  # a new page: an earlier page's note is old news
            self.page_note.setVisible(False)
        topic = self.flow.current_topic
        number, total = self.flow.progress
        info = TOPICS_BY_ID[topic]
        self.progress_label.setText(
            _("Page {number} of {total}: {topic}").format(
                number=number, total=total, topic=_(info.title)
            )
        )
        self.progress.setRange(0, total)
        self.progress.setValue(number)
        self.intro.setText(_(info.intro))
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(4)
        self.boxes = {}
        for question in self.flow.questions(topic):
            box = make_box(question, self.ctx.compute_pool, container)
            box.use_context(self.ctx)
            if question.id in self.flow.answers:
                box.set_value(self.flow.answers[question.id])
            self._show_basis(box)
            box.answered.connect(self._answered)
            box.cleared.connect(self._cleared)
            column.addWidget(box)
            self.boxes[question.id] = box
        column.addStretch(1)
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()  # we may be inside one of its widgets' event handlers
        self.scroll_area.setWidget(container)
        self.back.setEnabled(number > 1)
        self.next.setText(_("See results") if self.flow.at_end else _("Next"))
        self.next.setAccessibleName(self.next.text())
        self.status.clear()
        self._chain_tab_order()
        target = self.boxes.get(focus_question or "") or next(iter(self.boxes.values()))
        self._focus_target = target.first_input()
        self._focus_target.setFocus(Qt.FocusReason.OtherFocusReason)
        if focus_question is not None:  # rebuilt under the user's hands: keep their place
            QTimer.singleShot(0, self, lambda: self.show_question(target))
        self.busy.setVisible(topic in self.flow.probes_running)
        self._start_probes(topic)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _chain_tab_order(self) -> None:
        """Tab in reading order: each question's "Why" and "?" (on its title line),
        its answers, the next question, then Back, Save and quit, Next."""
        chain_reading_order(self)

    def _show_basis(self, box: QuestionBox) -> None:
        """What a probe found, or why it could not tell, in the current language."""
        box.show_basis("\n".join(tr(words) for words in self.flow.probe_words(box.question.id)))

    def _answered(self, question_id: str, value: Any) -> None:
        self._changed(question_id, lambda: self.flow.answer(question_id, value))

    def _cleared(self, question_id: str) -> None:
        """Nothing is ticked any more: the question has no answer."""
        self._changed(question_id, lambda: self.flow.clear(question_id))

    def show_question(self, box: QuestionBox) -> None:
        """Scroll so ``box`` is on screen (its top first, when it is taller)."""
        self.scroll_area.ensureWidgetVisible(box, 0, 0)
        self.scroll_area.ensureWidgetVisible(box.first_input(), 0, 20)

    def _changed(self, question_id: str, change: Callable[[], bool]) -> None:
        pages = self.flow.visible_topics()
        try:
            page_changed = change()
        except InputError as error:
            self.status.setText(tr(error.message))
            return
        self._show_basis(self.boxes[question_id])
        self.status.clear()
        note = self.flow.page_change(pages)
        if note is not None:
            self.page_note.setText(tr(note))
            self.page_note.setVisible(True)
            number, total = self.flow.progress
            self.progress_label.setText(
                _("Page {number} of {total}: {topic}").format(
                    number=number, total=total, topic=_(TOPICS_BY_ID[self.flow.current_topic].title)
                )
            )
            self.progress.setRange(0, total)
        if page_changed:  # a skip rule showed or hid a question: rebuild after this event
            QTimer.singleShot(0, self, lambda: self.show_topic(focus_question=question_id))
        self.save_draft()

    # -- navigation ------------------------------------------------------------

    def go_next(self) -> None:
        shown = self.flow.current_topic
        step = self.flow.advance()
        if step.finished:
            self._leave_boxes()
            run: CheckupRun = build_run(self.flow, self.ctx.clock())
            self.finished.emit(run)
            return
        if step.topic != shown:
            self.show_topic()
            self.save_draft()
        if step.problem is not None:
            names = "; ".join(_(BY_ID[qid].prompt) for qid in step.missing)
            self.status.setText(f"{tr(step.problem)} {names}".strip())
            if step.to_fix in self.boxes:  # show the question, and go to it
                box = self.boxes[step.to_fix]
                box.first_input().setFocus(Qt.FocusReason.OtherFocusReason)
                self.show_question(box)

    def go_back(self) -> None:
        self.flow.back()
        self.show_topic()

    def save_and_quit(self) -> None:
        self._leave_boxes()
        self.save_draft()
        self.closed.emit()

    def _leave_boxes(self) -> None:
        for box in self.boxes.values():
            box.leave()

    def save_draft(self) -> None:
        store = self.ctx.store
        if store is None or self.ctx.data_erased:
            return
        snapshot, now = self.flow.to_dict(), self.ctx.clock()
        run_in_background(
            lambda: store.put_draft(DRAFT, snapshot, now),
            lambda _r: None,
            None,
            owner=self,
            pool=self.ctx.storage_pool,
        )

    # -- probes -------------------------------------------------------------------

    def _start_probes(self, topic: str) -> None:
        runner = self.ctx.probe_runner
        if runner is None or not self.flow.start_probes(topic):
            return
        self.busy.setVisible(True)
        run_in_background(
            lambda: runner(topic),
            lambda proposals: self._probed_done(topic, proposals),
            lambda _exc: self._probed_done(topic, []),
            owner=self,
            pool=self.ctx.pool,
        )

    def _probed_done(self, topic: str, proposals: list[Proposal]) -> None:
        answered = self.flow.probes_done(topic, proposals)
        self.busy.setVisible(self.flow.current_topic in self.flow.probes_running)
        if self.flow.current_topic == topic:
            for proposal in proposals:
                box = self.boxes.get(proposal.question)
                if box is None:
                    continue
                if proposal.question in answered:
                    box.set_value(proposal.value)
                self._show_basis(box)
        if proposals:
            self.save_draft()
