"""Opens, saves and deletes theft cases for the panic wizard.

Every change is saved at once in the storage thread; without open data
(memory-only mode or not yet unlocked) the case lives in memory only until
:meth:`PanicController.data_ready`. A new case nobody has touched yet is
not saved: opening panic mode just to look creates nothing.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop.background import run_in_background
from desktop.context import AppContext
from desktop.i18n import _
from desktop.panic.wizard import PanicWizard

if TYPE_CHECKING:
    from checks.panic.case import Case

# Panic mode's first screen is painted before the case model, the store's
# helpers, the list of cases and the dialogs load (bench/RESULTS.md, 1e-1j):
# the imports inside the methods below wait for what needs them.


class PanicController(QObject):
    go_home = Signal()
    data_changed = Signal()

    def __init__(self, ctx: AppContext, stack: QStackedWidget, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.stack = stack
        self.window = window
        self.wizard: PanicWizard | None = None
        self.case_list: QWidget | None = None
        self._pristine: Case | None = None  # the new case as created, until it is touched

    # -- opening -------------------------------------------------------------

    def start(self, case_id: str | None = None) -> None:
        """Open a case (or the most recent open one), else begin a new one."""
        store = self.ctx.store
        if store is None:
            self.start_new()
            return
        paths = self.ctx.paths
        now = self.ctx.clock()

        def load(store: Any) -> Case | None:
            if case_id is None:
                open_cases = [c for c in store.list_cases() if c.status != "closed"]
                if not open_cases:
                    return None
                wanted = open_cases[0].id  # the most recently updated
            else:
                wanted = case_id
            payload = store.load_case(wanted)
            if not payload:
                return None
            from checks.panic.case import Case  # see the top of the module

            return _migrated(Case.from_payload(payload), store, paths, now)

        run_in_background(
            lambda: load(store),
            lambda case: self._show(case) if case is not None else self.start_new(),
            self._failed,
            owner=self,
            pool=self.ctx.storage_pool,
        )

    def start_new(self) -> None:
        """A new case: the wizard makes it (:meth:`_new_case`) right after its first paint."""
        self._pristine = None
        self._show(None)

    def _new_case(self) -> Case:
        from checks.panic.case import new_case  # see the top of the module

        case = new_case(self.ctx.clock())
        self._pristine = case
        return case

    def touched(self) -> bool:
        """Has the case shown been changed since it was created here?"""
        wizard = self.wizard
        if wizard is None or wizard.case_if_made is None:  # a new case not made yet
            return False
        return self._pristine is None or wizard.case != self._pristine

    def data_ready(self) -> None:
        """The data was unlocked after the wizard opened (``--panic`` at start-up).

        An untouched new case gives way to the most recently updated open
        case, if there is one; a case the user already changed is kept and
        saved now.
        """
        wizard, store = self.wizard, self.ctx.store
        if wizard is None or store is None:
            return
        if self.touched():
            self.save(wizard.case)
            return
        page = wizard.nav.currentRow()

        def found(case: Case | None) -> None:
            if case is None or self.touched() or self.wizard is not wizard:
                return
            self._show(case)
            if self.wizard is not None:
                self.wizard.go(page)

        paths, now = self.ctx.paths, self.ctx.clock()

        def load() -> Case | None:
            open_cases = [c for c in store.list_cases() if c.status != "closed"]
            if not open_cases:
                return None
            payload = store.load_case(open_cases[0].id)
            from checks.panic.case import Case  # see the top of the module

            return _migrated(Case.from_payload(payload), store, paths, now) if payload else None

        run_in_background(load, found, self._failed, owner=self, pool=self.ctx.storage_pool)

    def _show(self, case: Case | None) -> None:
        """Open the wizard on ``case``; None: on a new case, made when first needed."""
        self.close_wizard()
        if self._pristine is not None and (case is None or case.id != self._pristine.id):
            self._pristine = None
        wizard = PanicWizard(self.ctx, case, self.window, make_case=self._new_case)
        wizard.case_changed.connect(self.save)
        wizard.home_requested.connect(self._home)
        wizard.delete_requested.connect(lambda: self._delete(wizard.case))
        wizard.new_case_requested.connect(self.start_new)
        wizard.cases_requested.connect(self.show_cases)
        self.wizard = wizard
        self.stack.addWidget(wizard)
        self.stack.setCurrentWidget(wizard)
        first = wizard.page.first_input()
        if first is not None:
            first.setFocus()

    def close_wizard(self) -> None:
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None

    def _home(self) -> None:
        self.close_wizard()
        self._close_list()
        self.go_home.emit()

    # -- all cases -------------------------------------------------------------

    def show_cases(self) -> None:
        """Every case, open and closed, to open one or start a new one."""
        self._close_list()
        from datetime import timezone  # see the top of the module

        from checks.panic.cases import case_rows
        from desktop.panic.case_list import CaseList

        view = CaseList(self.window)
        view.open_requested.connect(self._open_from_list)
        view.new_requested.connect(self._new_from_list)
        view.back_requested.connect(self._back_from_list)
        self.case_list = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.focus_list()
        store = self.ctx.store
        if store is None:
            return
        tz = self.ctx.local_now().tzinfo or timezone.utc
        run_in_background(
            lambda: case_rows(store, tz),
            view.set_rows,
            self._failed,
            owner=view,
            pool=self.ctx.storage_pool,
        )

    def _new_from_list(self) -> None:
        self._close_list()
        self.start_new()

    def _open_from_list(self, case_id: str) -> None:
        self._close_list()
        self.start(case_id)

    def _back_from_list(self) -> None:
        self._close_list()
        if self.wizard is not None:
            self.stack.setCurrentWidget(self.wizard)
        else:
            self.go_home.emit()

    def _close_list(self) -> None:
        view, self.case_list = self.case_list, None
        if view is not None and shiboken6.isValid(view):  # gone if the pages were rebuilt
            self.stack.removeWidget(view)
            view.deleteLater()

    # -- saving and deleting -----------------------------------------------------

    def save(self, case: Case) -> None:
        store = self.ctx.store
        if store is None or self.ctx.data_erased:
            return
        if self._pristine is not None and case == self._pristine:
            return  # nothing entered yet
        self._pristine = None
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
            from checks.panic import evidence  # see the top of the module

            if store is not None:
                store.delete_case(case.id)
            shutil.rmtree(evidence.folder(paths, case.id).parent, ignore_errors=True)

        run_in_background(work, self._deleted, self._failed, owner=self, pool=self.ctx.storage_pool)

    def _deleted(self, _result: object) -> None:
        self._home()
        self.data_changed.emit()

    def _failed(self, exc: Exception) -> None:
        from desktop.ui import dialogs  # see the top of the module

        dialogs.warn(
            self.window,
            _("Something could not be read or saved"),
            _("Your data was not changed. Technical reason: {reason}").format(
                reason=type(exc).__name__
            ),
        )


def _migrated(case: Case, store: Any, paths: Any, now: Any) -> Case:
    """Older cases named evidence copies after their hash: rename them (storage thread)."""
    from checks.panic import evidence  # see the top of the module

    if not store.keeps_data:
        return case
    renamed, old_paths = evidence.migrate_names(case, paths)
    if old_paths:
        store.save_case(renamed.id, renamed.opened_at, renamed.status, renamed.to_payload(), now)
        for path in old_paths:
            path.unlink(missing_ok=True)
    return renamed
