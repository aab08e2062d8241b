"""History: past checkups (a list, a score trend, open one read-only, delete one)
and every theft case, open or closed (:class:`desktop.panic.case_list.CaseList`)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from checks.storage.store import RunSummary
from desktop.i18n import _
from desktop.panic.case_list import CaseList
from desktop.ui.widgets import heading, page_layout


class TrendChart(QWidget):
    """Scores over time, oldest on the left. Drawn with the palette's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setMinimumHeight(140)
        self.scores: list[int] = []

    def set_scores(self, scores: list[int]) -> None:
        self.scores = scores
        if scores:
            self.setAccessibleName(
                _("Score trend: from {first} to {last} over {count} checkups").format(
                    first=scores[0], last=scores[-1], count=len(scores)
                )
            )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        margin, width, height = 32, self.width() - 48, self.height() - 24
        grid = QColor(text)
        grid.setAlpha(60)
        painter.setPen(QPen(grid, 1))
        for value in (0, 50, 100):
            y = 8 + height * (1 - value / 100)
            painter.drawLine(QPointF(margin, y), QPointF(margin + width, y))
            painter.setPen(text)
            painter.drawText(QPointF(2, y + 4), str(value))
            painter.setPen(QPen(grid, 1))
        if not self.scores:
            return
        step = width / max(1, len(self.scores) - 1)
        points = [
            QPointF(margin + i * step, 8 + height * (1 - score / 100))
            for i, score in enumerate(self.scores)
        ]
        painter.setPen(QPen(self.palette().highlight().color(), 2.5))
        for start, end in pairwise(points):
            painter.drawLine(start, end)
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)


class RunList(QListWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class HistoryPage(QWidget):
    open_requested = Signal(int)
    delete_requested = Signal(int)
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        layout = page_layout(self)
        layout.addWidget(heading(_("Your past checkups"), 1.6, self))
        self.chart = TrendChart(self)
        layout.addWidget(self.chart)
        self.list = RunList(self)
        self.list.setObjectName("runList")
        self.list.setAccessibleName(_("Past checkups"))
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(self._id(item)))
        self.list.delete_pressed.connect(self._delete_current)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(
            _("No saved checkups yet. Your first one takes about 10 minutes."), self
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        back = QPushButton(_("Back to home"), self)
        back.setObjectName("historyBack")
        back.clicked.connect(self.close_requested)
        self.open_button = QPushButton(_("Open"), self)
        self.open_button.setObjectName("historyOpen")
        self.open_button.clicked.connect(self._open_current)
        self.delete_button = QPushButton(_("Delete…"), self)
        self.delete_button.setObjectName("historyDelete")
        self.delete_button.clicked.connect(self._delete_current)
        for button in (back, self.open_button, self.delete_button):
            button.setAccessibleName(button.text())
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.cases = CaseList(self, with_back=False)  # filled by the controller
        layout.addWidget(self.cases, 1)

    def set_runs(self, runs: list[RunSummary]) -> None:
        self.list.clear()
        for run in runs:  # newest first
            when = run.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = _("{date} — score {score} — urgent problems: {urgent}").format(
                date=when, score=run.score, urgent=run.urgent_count
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, run.id)
            self.list.addItem(item)
        self.chart.set_scores([run.score for run in reversed(runs)])
        has_runs = bool(runs)
        self.empty.setVisible(not has_runs)
        self.open_button.setEnabled(has_runs)
        self.delete_button.setEnabled(has_runs)
        if has_runs:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    @staticmethod
    def _id(item: QListWidgetItem) -> int:
        return int(item.data(Qt.ItemDataRole.UserRole))

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_requested.emit(self._id(item))

    def _delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.delete_requested.emit(self._id(item))
