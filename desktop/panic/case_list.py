"""Every theft case, open and closed: open one (a closed one read-only), or start anew.

A plain view: :meth:`CaseList.set_rows` shows rows made by
:func:`checks.panic.cases.case_rows` (read in the storage thread by the
caller). Panic mode shows it as "All cases"; the History page can include
it as its "Cases" section.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from checks.panic.cases import CaseRow
from desktop.i18n import _, tr
from desktop.ui.widgets import heading, page_layout


class CaseList(QWidget):
    open_requested = Signal(str)  # a case id
    new_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, with_back: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("caseList")
        layout = page_layout(self)
        layout.addWidget(heading(_("Your theft cases"), 1.4, self))
        self.list = QListWidget(self)
        self.list.setObjectName("caseRows")
        self.list.setAccessibleName(_("Your theft cases"))
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(_("No saved cases."), self)
        self.empty.setObjectName("noCases")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        if with_back:
            back = QPushButton(_("Back"), self)
            back.setObjectName("caseListBack")
            back.clicked.connect(self.back_requested)
            row.addWidget(back)
        row.addStretch(1)
        self.new = QPushButton(_("Start a new case"), self)
        self.new.setObjectName("caseListNew")
        self.new.clicked.connect(self.new_requested)
        self.open = QPushButton(_("Open"), self)
        self.open.setObjectName("caseListOpen")
        self.open.clicked.connect(self._open_current)
        row.addWidget(self.new)
        row.addWidget(self.open)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(lambda _row: self._update_open_label())
        self.set_rows([])

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.list.clear()
        for row in rows:
            mark = _("(read-only)") if row.closed else ""
            item = QListWidgetItem(f"{tr(row.text)} {mark}".strip())
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        self.empty.setVisible(not rows)
        self.open.setEnabled(bool(rows))
        if rows:
            self.list.setCurrentRow(0)
        self._update_open_label()

    def _update_open_label(self) -> None:
        item = self.list.currentItem()
        name = item.text() if item is not None else ""
        self.open.setAccessibleName(_("Open case: {name}").format(name=name) if name else _("Open"))

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._activated(item)

    def focus_list(self) -> None:
        self.list.setFocus()
