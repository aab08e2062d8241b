"""The checkup result: score and grade, topics, findings to fix, changes.

Severity and grade are shown with icon, colour and words together. A
finding can be accepted as a risk (with a reason): it stops lowering the
score but stays listed. Saving stores the run encrypted; a past run opens
here read-only.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checks.checkup.catalog import CATALOG
from checks.checkup.questions import TOPICS_BY_ID
from checks.checkup.run import CheckupRun, Comparison
from checks.checkup.score import (
    TopicScore,
    can_accept,
    explain,
    grade_label,
    grade_of,
    score_severity,
)
from checks.findings import Finding, Severity
from checks.i18n import InputError
from desktop.i18n import _, tr
from desktop.ui import dialogs
from desktop.ui.focus import chain_reading_order
from desktop.ui.icons import icon
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import (
    heading,
    page_layout,
    scaled_font,
    severity_badge,
    severity_colour,
)


class FindingCard(QFrame):
    accept_requested = Signal(str)
    undo_requested = Signal(str)

    def __init__(
        self, finding: Finding, accepted: str | None, read_only: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName(f"finding_{finding.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        colour = severity_colour(finding.severity, parent)
        self.setStyleSheet(
            f"#finding_{finding.id} {{ border-left: 5px solid {colour}; border-radius: 4px; }}"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(severity_badge(finding.severity, self))
        title = QLabel(tr(finding.title), self)
        title.setFont(scaled_font(title, 1.15, bold=True))
        title.setWordWrap(True)
        layout.addWidget(title)
        why = QLabel(tr(finding.why), self)
        why.setWordWrap(True)
        layout.addWidget(why)
        if finding.fix_steps:
            steps = "".join(f"<li>{escape(tr(step))}</li>" for step in finding.fix_steps)
            how_title = escape(_("How to fix it"))
            how = QLabel(f"<b>{how_title}</b><ol>{steps}</ol>", self)
            how.setWordWrap(True)
            how.setTextFormat(Qt.TextFormat.RichText)
            layout.addWidget(how)
        for link in finding.links:
            anchor = QLabel(f"<a href='{escape(link.url)}'>{escape(tr(link.title))}</a>", self)
            anchor.setOpenExternalLinks(True)  # the user's browser, never inside the app
            anchor.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            anchor.setToolTip(link.url)
            layout.addWidget(anchor)
        self.accepted_label = QLabel(self)
        self.accepted_label.setWordWrap(True)
        self.accepted_label.setObjectName("acceptedReason")
        layout.addWidget(self.accepted_label)
        self.button: QPushButton | None = None
        acceptable = can_accept(finding.id)  # a leaked seed never stops counting
        if not acceptable:
            accepted = None
            self.accepted_label.setText(_("This risk cannot be accepted."))
        if accepted is not None:
            self.accepted_label.setText(
                _("You accepted this risk: “{reason}”. It no longer lowers your score.").format(
                    reason=accepted
                )
            )
        if not read_only and finding.severity is not Severity.GOOD and acceptable:
            label = _("Undo") if accepted is not None else _("Accept this risk…")
            self.button = QPushButton(label, self)
            self.button.setObjectName("acceptRisk")
            self.button.setAccessibleName(f"{label} {tr(finding.title)}")
            signal = self.undo_requested if accepted is not None else self.accept_requested
            self.button.clicked.connect(lambda: signal.emit(finding.id))
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setAccessibleName(f"{_(finding.severity.label)}: {tr(finding.title)}")


class ResultsPage(QWidget):
    save_requested = Signal(object)  # CheckupRun
    reminder_requested = Signal()
    close_requested = Signal()

    def __init__(
        self,
        run: CheckupRun,
        comparison: tuple[CheckupRun, Comparison] | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPage")
        self.run = run
        self.comparison = comparison
        self.read_only = read_only
        self.saved = read_only
        outer = page_layout(self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a stop of its own
        outer.addWidget(self.scroll_area, 1)
        self.status = QLabel(self)
        self.status.setObjectName("resultsStatus")
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        row = QHBoxLayout()
        self.close_button = QPushButton(_("Back to home"), self)
        self.close_button.setObjectName("resultsClose")
        self.close_button.clicked.connect(self.close_requested)
        self.reminder = QPushButton(_("Add reminder to my calendar…"), self)
        self.reminder.setObjectName("addReminder")
        self.reminder.clicked.connect(self.reminder_requested)
        self.save = QPushButton(_("Save this checkup"), self)
        self.save.setObjectName("saveCheckup")
        self.save.setDefault(True)
        self.save.clicked.connect(lambda: self.save_requested.emit(self.run))
        self.save.setVisible(not read_only)
        self.print_button = QPushButton(_("Print or save as PDF…"), self)
        self.print_button.setObjectName("printCheckup")
        self.print_button.clicked.connect(self.print_report)
        for button in (self.close_button, self.reminder, self.save, self.print_button):
            button.setAccessibleName(button.text())
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.reminder)
        row.addWidget(self.save)
        outer.addLayout(row)
        self.rebuild()

    def print_report(self) -> None:
        """The checkup report of what is shown (accepted risks included), on paper or PDF."""
        from desktop.printing.flow import print_checkup_report  # printing loads when used

        previous = self.comparison[0] if self.comparison is not None else None
        print_checkup_report(self, self.run, previous)

    def rebuild(self) -> None:
        run, report = self.run, self.run.score
        body = QWidget()
        column = QVBoxLayout(body)
        when = run.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        column.addWidget(heading(_("Your checkup result"), 1.6, body))
        column.addWidget(QLabel(_("Checked on {date}").format(date=when), body))

        severity = report.severity
        colour = severity_colour(severity, body)
        score = QLabel(
            f"<span style='font-size:xx-large; font-weight:bold; color:{colour}'>"
            f"{report.overall}</span> / 100 &nbsp; "
            f"<b style='color:{colour}'>{escape(_(report.grade_label))}</b>",
            body,
        )
        score.setObjectName("overallScore")
        score.setAccessibleName(
            _("Score {score} of 100: {grade}").format(
                score=report.overall, grade=_(report.grade_label)
            )
        )
        score_row = QHBoxLayout()
        badge = QLabel(body)
        badge.setPixmap(icon(severity.icon).pixmap(QSize(36, 36)))
        score_row.addWidget(badge)
        score_row.addWidget(score, 1)
        column.addLayout(score_row)
        urgent = run.urgent_count
        if urgent:
            column.addWidget(
                QLabel(_("Urgent problems to fix first: {count}").format(count=urgent), body)
            )

        why = QToolButton(body)
        why.setObjectName("whyScore")
        why.setText(_("Why is my score {score}?").format(score=report.overall))
        why.setCheckable(True)
        why.setAccessibleName(why.text())
        explanation = QLabel("\n".join(tr(line) for line in explain(report)), body)
        explanation.setObjectName("scoreExplanation")
        explanation.setWordWrap(True)
        explanation.setVisible(False)
        why.toggled.connect(explanation.setVisible)
        column.addWidget(why, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(explanation)

        if self.comparison is not None:
            column.addWidget(self._comparison_label(body))

        grid = QGridLayout()
        for row, topic in enumerate(report.topics):
            self._topic_row(grid, row, topic, body)
        column.addLayout(grid)

        problems, goods = run.problems, run.already_good
        column.addWidget(heading(_("What to fix, most important first"), 1.25, body))
        if not problems:
            empty = QLabel(_("All good — nothing to fix this month. Well done."), body)
            empty.setObjectName("allGood")
            column.addWidget(severity_badge(Severity.GOOD, body))
            column.addWidget(empty)
        for finding in [*problems, *goods]:
            card = FindingCard(finding, run.accepted.get(finding.id), self.read_only, body)
            card.accept_requested.connect(self._ask_accept)
            card.undo_requested.connect(self._undo_accept)
            column.addWidget(card)
        column.addStretch(1)
        self.scroll_area.setWidget(body)
        chain_reading_order(self)  # the result first, then the buttons below it

    @staticmethod
    def _topic_row(grid: QGridLayout, row: int, topic: TopicScore, parent: QWidget) -> None:
        """Name, a bar coloured by its grade, the grade's icon and words (never colour alone)."""
        severity = score_severity(topic.score)
        words = _(grade_label(grade_of(topic.score)))
        name = QLabel(_(TOPICS_BY_ID[topic.topic].title), parent)
        bar = QProgressBar(parent)
        bar.setObjectName(f"topicBar_{topic.topic}")
        bar.setRange(0, 100)
        bar.setValue(topic.score)
        bar.setTextVisible(False)  # the words sit beside the bar, readable on any colour
        bar.setMaximumHeight(14)
        bar.setStyleSheet(
            f"QProgressBar::chunk {{ background: {severity_colour(severity, bar)}; }}"
        )
        bar.setAccessibleName(f"{name.text()}: {topic.score} — {words}")
        bar.setToolTip(words)
        mark = QLabel(parent)
        mark.setPixmap(icon(severity.icon).pixmap(QSize(18, 18)))
        mark.setToolTip(_(severity.label))
        text = QLabel(f"{topic.score} · {words}", parent)
        text.setObjectName(f"topicScore_{topic.topic}")
        grid.addWidget(name, row, 0)
        grid.addWidget(bar, row, 1)
        grid.addWidget(mark, row, 2)
        grid.addWidget(text, row, 3)
        grid.setColumnStretch(1, 1)

    def _comparison_label(self, parent: QWidget) -> QLabel:
        assert self.comparison is not None
        previous, diff = self.comparison
        lines = [
            _("Since your last checkup ({date}): score {change:+d}.").format(
                date=previous.created_at.astimezone().strftime("%Y-%m-%d"),
                change=diff.score_change,
            )
        ]
        if diff.fixed:
            fixed = "; ".join(tr(CATALOG[f].title) for f in diff.fixed)
            lines.append(_("Fixed: {items}").format(items=fixed))
        if diff.new:
            new = "; ".join(tr(CATALOG[f].title) for f in diff.new)
            lines.append(_("New: {items}").format(items=new))
        label = QLabel("\n".join(lines), parent)
        label.setObjectName("comparison")
        label.setWordWrap(True)
        return label

    def _ask_accept(self, finding_id: str) -> None:
        dialogs.ask_text(
            self,
            _("Accept this risk"),
            _("Why do you accept this risk? (e.g. “This computer never leaves my home”)"),
            lambda reason: self._accept(finding_id, reason),
            guard=guard,
        )

    def _accept(self, finding_id: str, reason: str) -> None:
        try:
            self.run = self.run.with_accepted(finding_id, reason)
        except InputError as error:
            dialogs.warn(self, _("Not accepted"), tr(error.message))
            return
        self.rebuild()

    def _undo_accept(self, finding_id: str) -> None:
        self.run = self.run.without_accepted(finding_id)
        self.rebuild()

    def mark_saved(self) -> None:
        self.saved = True
        self.read_only = True  # the stored copy is final: no more changes here
        self.rebuild()
        self.save.setEnabled(False)
        self.save.setText(_("Saved"))
        self.save.setAccessibleName(_("Saved"))
        self.status.setText(_("Saved. Your next checkup is due in a month."))
