"""Wires the checkup pages into the main window: start or resume, results,
save, history, reminder export. Storage work runs in the storage pool.
"""

from __future__ import annotations

from datetime import timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from checks.checkup import ics, reminders
from checks.checkup.flow import CheckupFlow
from checks.checkup.run import CheckupRun, compare
from checks.files import write_private
from checks.panic.cases import case_rows
from desktop.background import run_in_background
from desktop.checkup.history_page import HistoryPage
from desktop.checkup.results_page import ResultsPage
from desktop.checkup.wizard import DRAFT, CheckupWizard
from desktop.context import AppContext
from desktop.i18n import _
from desktop.ui import dialogs


class CheckupController(QObject):
    go_home = Signal()
    data_changed = Signal()  # a run was saved or deleted: refresh the banners
    case_requested = Signal(str)  # History: open this theft case (the panic controller's job)
    new_case_requested = Signal()

    def __init__(self, ctx: AppContext, stack: QStackedWidget, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.stack = stack
        self.window = window
        self.page: QWidget | None = None

    # -- pages -------------------------------------------------------------

    def _show(self, page: QWidget) -> None:
        old, self.page = self.page, page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()

    def close_page(self) -> None:
        if self.page is not None:
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None
        self.go_home.emit()

    def _in_storage(self, work: Any, done: Any) -> bool:
        """Run ``work(store)`` in the storage thread; False when no data is open."""
        store = self.ctx.store
        if store is None:
            dialogs.inform(
                self.window,
                _("Your data is not open yet"),
                _("Please wait a moment, or answer the question about where to keep the key."),
            )
            return False
        run_in_background(
            lambda: work(store), done, self._failed, owner=self, pool=self.ctx.storage_pool
        )
        return True

    def _failed(self, exc: Exception) -> None:
        dialogs.warn(
            self.window,
            _("Something could not be read or saved"),
            _("Your data was not changed. Technical reason: {reason}").format(
                reason=type(exc).__name__
            ),
        )

    # -- checkup -----------------------------------------------------------

    def start(self) -> None:
        if self.ctx.store is None:
            self._open_wizard(CheckupFlow())
            return
        self._in_storage(lambda store: store.get_draft(DRAFT), self._draft_loaded)

    def resume(self) -> None:
        """Continue the checkup left half-way, without asking (the home banner's button)."""
        if self.ctx.store is None:
            self._open_wizard(CheckupFlow())
            return
        self._in_storage(
            lambda store: store.get_draft(DRAFT),
            lambda draft: self._open_wizard(CheckupFlow.from_dict(draft)),
        )

    def _draft_loaded(self, draft: Any) -> None:
        if not draft:
            self._open_wizard(CheckupFlow())
            return

        def chosen(key: str | None) -> None:
            if key == "resume":
                self._open_wizard(CheckupFlow.from_dict(draft))
            elif key == "new":
                self._open_wizard(CheckupFlow())

        dialogs.choose(
            self.window,
            _("Continue your checkup?"),
            _("You stopped a checkup half-way. Continue where you left off?"),
            [("resume", _("Continue")), ("new", _("Start again"))],
            chosen,
        )

    def _open_wizard(self, flow: CheckupFlow) -> None:
        wizard = CheckupWizard(self.ctx, flow, self.window)
        wizard.closed.connect(self.close_page)
        wizard.finished.connect(self._finished)
        self._show(wizard)

    def _finished(self, run: CheckupRun) -> None:
        if self.ctx.store is None:
            self._show_results(run, None)
            return

        def previous(store: Any) -> CheckupRun | None:
            runs = store.list_checkup_runs()
            return CheckupRun.from_payload(store.load_checkup_run(runs[0].id)) if runs else None

        self._in_storage(previous, lambda last: self._show_results(run, last))

    def _show_results(self, run: CheckupRun, last: CheckupRun | None) -> None:
        page = ResultsPage(run, (last, compare(last, run)) if last else None, parent=self.window)
        page.save_requested.connect(lambda current: self._save(page, current))
        page.close_requested.connect(self.close_page)
        page.reminder_requested.connect(self.export_reminder)
        self._show(page)
        page.save.setFocus()

    def _save(self, page: ResultsPage, run: CheckupRun) -> None:
        def work(store: Any) -> int:
            run_id = int(
                store.add_checkup_run(
                    run.created_at, run.score.overall, run.urgent_count, run.to_payload()
                )
            )
            store.delete_draft(DRAFT)
            return run_id

        def done(_run_id: int) -> None:
            page.mark_saved()
            self.data_changed.emit()

        self._in_storage(work, done)

    # -- history -------------------------------------------------------------

    def show_history(self) -> None:
        page = HistoryPage(self.window)
        page.close_requested.connect(self.close_page)
        page.open_requested.connect(self.open_run)
        page.delete_requested.connect(lambda run_id: self._confirm_delete(page, run_id))
        page.cases.open_requested.connect(self.case_requested)
        page.cases.new_requested.connect(self.new_case_requested)
        self._show(page)
        self._in_storage(lambda store: store.list_checkup_runs(), page.set_runs)
        tz = self.ctx.local_now().tzinfo or timezone.utc
        self._in_storage(lambda store: case_rows(store, tz), page.cases.set_rows)

    def open_run(self, run_id: int) -> None:
        def load(store: Any) -> tuple[CheckupRun, CheckupRun | None]:
            runs = store.list_checkup_runs()
            ids = [summary.id for summary in runs]
            run = CheckupRun.from_payload(store.load_checkup_run(run_id))
            index = ids.index(run_id)
            older = (
                CheckupRun.from_payload(store.load_checkup_run(ids[index + 1]))
                if index + 1 < len(ids)
                else None
            )
            return run, older

        def show(loaded: tuple[CheckupRun, CheckupRun | None]) -> None:
            run, older = loaded
            page = ResultsPage(
                run,
                (older, compare(older, run)) if older else None,
                read_only=True,
                parent=self.window,
            )
            page.close_requested.connect(self.show_history)
            page.close_button.setText(_("Back to history"))
            page.close_button.setAccessibleName(_("Back to history"))
            page.reminder_requested.connect(self.export_reminder)
            self._show(page)
            page.close_button.setFocus()

        self._in_storage(load, show)

    def _confirm_delete(self, page: HistoryPage, run_id: int) -> None:
        def delete() -> None:
            def work(store: Any) -> list[Any]:
                store.delete_checkup_run(run_id)
                return list(store.list_checkup_runs())

            def done(runs: list[Any]) -> None:
                page.set_runs(runs)
                self.data_changed.emit()

            self._in_storage(work, done)

        dialogs.confirm(
            self.window,
            _("Delete this checkup?"),
            _("It will be removed from your history. This cannot be undone."),
            _("Delete"),
            delete,
            dangerous=True,
        )

    # -- reminder ----------------------------------------------------------------

    def export_reminder(self) -> None:
        today = self.ctx.local_now().date()
        first = reminders.next_due(today, self.ctx.settings.reminder_day) or today
        text = ics.monthly_reminder(
            first,
            _("Wallet Checkup: monthly checkup"),
            _("Open Wallet Checkup and do your monthly safety checkup. It takes about 10 minutes."),
            now=self.ctx.clock(),
        )

        def write(target: Path) -> None:
            run_in_background(
                lambda: write_private(target, text.encode("utf-8")),
                lambda _r: self._reminder_saved(target),
                self._failed,
                owner=self,
                pool=self.ctx.storage_pool,
            )

        def chosen(path: str) -> None:
            from desktop.printing.flow import confirm_target  # printing loads when used

            target = Path(path)  # the dialog added ".ics" to a name typed without it
            confirm_target(self.window, target, lambda _replace: write(target))

        dialogs.save_file(
            self.window,
            _("Save the calendar reminder"),
            str(Path.home() / "wallet-checkup-reminder.ics"),
            _("Calendar files (*.ics)"),
            chosen,
            default_suffix="ics",
            confirm_overwrite=False,
        )

    def _reminder_saved(self, target: Path) -> None:
        dialogs.inform(
            self.window,
            _("Reminder saved"),
            _("Open {name} to add the monthly reminder to your calendar.").format(name=target.name),
        )
