"""Opens, saves and deletes theft cases for the panic wizard.

Every change is saved at once in the storage thread; without open data
(memory-only mode or not yet unlocked) the case lives in memory only.
"""

from __future__ import annotations

import shutil
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from checks.panic import evidence
from checks.panic.case import Case, new_case
from desktop import dialogs
from desktop.background import run_in_background
from desktop.context import AppContext
from desktop.i18n import _
from desktop.panic_wizard import PanicWizard


class PanicController(QObject):
    go_home = Signal()
    data_changed = Signal()

    def __init__(self, ctx: AppContext, stack: QStackedWidget, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.stack = stack
        self.window = window
        self.wizard: PanicWizard | None = None

    def start(self, case_id: str | None = None) -> None:
        """Open a case (or the most recent open one), else begin a new one."""
        store = self.ctx.store
        if store is None:
            self._show(new_case(self.ctx.clock()))
            return

        def load(store: Any) -> Case | None:
            if case_id is not None:
                payload = store.load_case(case_id)
                return Case.from_payload(payload) if payload else None
            open_cases = [c for c in store.list_cases() if c.status != "closed"]
            if not open_cases:
                return None
            return Case.from_payload(store.load_case(open_cases[0].id))

        run_in_background(
            lambda: load(store),
            lambda case: self._show(case or new_case(self.ctx.clock())),
            self._failed,
            owner=self,
            pool=self.ctx.storage_pool,
        )

    def start_new(self) -> None:
        self._show(new_case(self.ctx.clock()))

    def _show(self, case: Case) -> None:
        self.close_wizard()
        wizard = PanicWizard(self.ctx, case, self.window)
        wizard.case_changed.connect(self.save)
        wizard.home_requested.connect(self._home)
        wizard.delete_requested.connect(lambda: self._delete(wizard.case))
        self.wizard = wizard
        self.stack.addWidget(wizard)
        self.stack.setCurrentWidget(wizard)
        first = wizard.page.first_input()
        if first is not None:
            first.setFocus()
        self.save(case)

    def close_wizard(self) -> None:
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None

    def _home(self) -> None:
        self.close_wizard()
        self.go_home.emit()

    def save(self, case: Case) -> None:
        store = self.ctx.store
        if store is None or self.ctx.data_erased:
            return
        now = self.ctx.clock()
        run_in_background(
            lambda: store.save_case(case.id, case.opened_at, case.status, case.to_payload(), now),
            lambda _r: self.data_changed.emit(),
            self._failed,
            owner=self,
            pool=self.ctx.storage_pool,
        )

    def _delete(self, case: Case) -> None:
        store, paths = self.ctx.store, self.ctx.paths

        def work() -> None:
            if store is not None:
                store.delete_case(case.id)
            shutil.rmtree(evidence.folder(paths, case.id).parent, ignore_errors=True)

        run_in_background(work, self._deleted, self._failed, owner=self, pool=self.ctx.storage_pool)

    def _deleted(self, _result: object) -> None:
        self._home()
        self.data_changed.emit()

    def _failed(self, exc: Exception) -> None:
        dialogs.warn(
            self.window,
            _("Something could not be read or saved"),
            _("Your data was not changed. Technical reason: {reason}").format(
                reason=type(exc).__name__
            ),
        )
