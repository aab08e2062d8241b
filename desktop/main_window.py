"""The main window: a frame and a stack of pages. Pages hold no rules.

Only the home page is built before the first paint. The checkup and panic
controllers, the data unlocker, the dialogs and everything behind them
(SQLite, cryptography, the keyring, the engines) are imported when first
used, so the window appears as fast as a bare Qt window (bench/RESULTS.md).
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from checks.storage.settings import Settings, save_settings
from desktop.background import run_in_background
from desktop.context import AppContext
from desktop.home_page import (
    HELP_SHORTCUT,
    PANIC_SHORTCUT,
    QUIT_SHORTCUT,
    SETTINGS_SHORTCUT,
    HomePage,
)
from desktop.i18n import _, current_language, tr
from desktop.ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from checks.home import Notice
    from checks.i18n import Msg
    from checks.storage import erase  # only to delete everything
    from checks.storage.store import CaseSummary, RunSummary
    from desktop.checkup.controller import CheckupController  # on first use
    from desktop.panic.controller import PanicController  # on first use
    from desktop.unlock import DataUnlocker  # after the first paint


# What the home screen's notices are made from, read in the storage thread:
# runs, cases, whether data is kept, one notice per open case, a checkup draft,
# and the label of each case's button.
NoticeState = tuple[
    "list[RunSummary]", "list[CaseSummary]", bool, "list[Notice]", bool, "dict[str, Msg]"
]


FIRST_SIZE_MAX = (1280, 960)
SCREEN_SHARE = 0.92  # of the available screen, leaving the desktop visible around it


def first_size(available_width: int, available_height: int) -> tuple[int, int]:
    """The window's size on its first start, for a screen area this big."""
    return (
        min(FIRST_SIZE_MAX[0], int(available_width * SCREEN_SHARE)),
        min(FIRST_SIZE_MAX[1], int(available_height * SCREEN_SHARE)),
    )


class MainWindow(QMainWindow):
    first_painted = Signal()
    language_changed = Signal(str)  # a language code, or "" for "follow the system"

    def __init__(self, ctx: AppContext, *, home_later: bool = False) -> None:
        """``home_later`` (``--panic``): panic mode is shown first, and the home
        page is built when first needed (at the latest by :meth:`complete`)."""
        super().__init__()
        self.ctx = ctx
        self._home: HomePage | None = None
        self._home_later = home_later
        self.setObjectName("mainWindow")
        self._painted = False
        self.completed = False  # see complete()
        self._tray_notified = False
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self._unlocker: DataUnlocker | None = None
        self._checkup: CheckupController | None = None
        self._panic: PanicController | None = None
        self.help_window: QWidget | None = None  # built on first use (it reads the articles)
        self.build_pages()
        self.fit_to_screen()
        if ctx.settings.window_geometry:  # where the user left it last time
            from PySide6.QtCore import QByteArray  # its enums (bench 9e): only when needed

            self.restoreGeometry(QByteArray(base64.b64decode(ctx.settings.window_geometry)))
        self.installEventFilter(self)

    def fit_to_screen(self) -> None:
        """The first size: most of the screen (at most 1280×960), centred, so a
        checkup page needs no scrolling on a 1366×768 laptop."""
        screen = self.screen()
        if screen is None:
            self.resize(860, 640)
            return
        available = screen.availableGeometry()
        width, height = first_size(available.width(), available.height())
        self.resize(width, height)
        self.move(
            available.x() + (available.width() - width) // 2,
            available.y() + (available.height() - height) // 2,
        )

    def complete(self) -> None:
        """What the first paint does without: the icons of the window and of
        Settings, and the keyboard shortcuts. Building their Python types
        (QIcon, QKeySequence) takes time (bench/RESULTS.md, 9e), so build_window
        calls this right after the first paint."""
        if self.completed:
            return
        self.completed = True
        self.setWindowIcon(icon("app"))
        self.home.show_icons()  # a home page built later (--panic) is built here
        QShortcut(PANIC_SHORTCUT, self, self.show_panic)
        QShortcut(SETTINGS_SHORTCUT, self, self.open_settings)
        QShortcut(HELP_SHORTCUT, self, self.open_help)
        # After the first paint, as the shortcuts above (their enums and types cost it).
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QApplication

        from desktop.ui import input as app_input

        quit_keys = [QKeySequence(QUIT_SHORTCUT)]  # Ctrl+Q; ⌘Q on macOS
        for keys in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit):
            if keys not in quit_keys and not keys.isEmpty():
                quit_keys.append(keys)  # the platform's own, where it has another
        for keys in quit_keys:
            shortcut = QShortcut(keys, self, self.quit_app)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)  # the help window too
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app_input.install(app)  # Enter clicks buttons; the wheel never changes a value unasked

    def quit_app(self) -> None:
        """Ctrl+Q: close every window (the size and place are remembered) and quit."""
        from PySide6.QtWidgets import QApplication  # not needed for the first paint

        if self.help_window is not None:
            self.help_window.close()
        self.close()
        QApplication.quit()

    # -- parts built on first use -------------------------------------------

    @property
    def unlocker(self) -> DataUnlocker:
        if self._unlocker is None:
            from desktop.unlock import DataUnlocker  # after the first paint

            self._unlocker = DataUnlocker(self.ctx, self)
            self._unlocker.ready.connect(self.refresh_notices)
            self._unlocker.ready.connect(self._data_ready)
        return self._unlocker

    @property
    def checkup(self) -> CheckupController:
        if self._checkup is None:
            from desktop.checkup.controller import CheckupController  # on first use

            self._checkup = CheckupController(self.ctx, self.stack, self)
            self._checkup.go_home.connect(self.show_home)
            self._checkup.data_changed.connect(self.refresh_notices)
            self._checkup.case_requested.connect(lambda case_id: self.panic.start(case_id))
            self._checkup.new_case_requested.connect(lambda: self.panic.start_new())
        return self._checkup

    @property
    def panic(self) -> PanicController:
        if self._panic is None:
            from desktop.panic.controller import PanicController  # on first use

            self._panic = PanicController(self.ctx, self.stack, self)
            self._panic.go_home.connect(self.show_home)
            self._panic.data_changed.connect(self.refresh_notices)
        return self._panic

    def _data_ready(self) -> None:
        if self._panic is not None:  # opened before the data (--panic): resume the open case
            self._panic.data_ready()

    # -- pages -------------------------------------------------------------

    def build_pages(self) -> None:
        """(Re)build every page in the current language (an open checkup keeps its draft)."""
        if self.help_window is not None:  # its words are in the old language
            self.help_window.close()
            self.help_window.deleteLater()
            self.help_window = None
        if self._checkup is not None:
            self._checkup.page = None
        if self._panic is not None:
            self._panic.wizard = None
        while (page := self.stack.widget(0)) is not None:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.setWindowTitle(_("Wallet Checkup"))
        self._home = None
        if not self._home_later:
            self.stack.setCurrentWidget(self.home)  # built here, with its notices
        self._home_later = False  # a rebuild (another language) makes it at once

    @property
    def home(self) -> HomePage:
        """The home page, built when first needed."""
        if self._home is None:
            home = self._home = HomePage(self.stack)
            if self.completed:
                home.show_icons()
            home.action_requested.connect(self.on_action)
            self.stack.insertWidget(0, home)
            self.refresh_notices()
        return self._home

    def show_home(self) -> None:
        self.refresh_notices()  # cases or checkups may have changed (read in the background)
        self.stack.setCurrentWidget(self.home)
        self.home.focus_panic()

    def show_panic(self) -> None:
        self.panic.start()

    def on_action(self, name: str) -> None:
        if name == "panic":
            self.show_panic()
        elif name.startswith("case:"):
            self.panic.start(name.split(":", 1)[1])
        elif name == "settings":
            self.open_settings()
        elif name == "help":
            self.open_help()
        elif name == "checkup":
            self.checkup.start()
        elif name == "checkup-resume":
            self.checkup.resume()
        elif name == "history":
            self.checkup.show_history()
        elif name == "print-kit":
            self.print_kit()

    def print_kit(self) -> None:
        """Print or save the recovery kit (the wallets of the latest checkup, if any)."""
        from desktop.printing.flow import print_recovery_kit  # printing loads when used

        print_recovery_kit(self, self.ctx)

    def refresh_notices(self) -> None:
        """Read the history in the storage thread, then update the banners."""
        store = self.ctx.store
        if store is None:  # not open yet, or erased: only files kept aside are known
            if self.ctx.kept_aside or self.ctx.damaged_records:
                self._show_notices(([], [], True, [], False, {}))
            else:  # what checks.home.notices says for no data (tested), without loading it
                self.home.set_notices([], {})
            return
        now = self.ctx.clock()
        from datetime import timezone  # datetime: not before the first paint

        tz = self.ctx.local_now().tzinfo or timezone.utc

        def read() -> NoticeState:
            # in the storage thread, after the first paint
            from checks.checkup.flow import DRAFT_NAME
            from checks.panic.case import Case
            from checks.panic.followup import case_notice, open_label

            cases = store.list_cases()
            case_notices = []
            labels: dict[str, Msg] = {}
            for summary in cases:
                if summary.status == "closed":
                    continue
                try:
                    case = Case.from_payload(store.load_case(summary.id) or {})
                except (KeyError, TypeError, ValueError):
                    continue  # unreadable: the plain "open cases" banner still shows it
                case_notices.append(case_notice(case, now, tz, current_language()))
                labels[f"case:{case.id}"] = open_label(case, tz)  # each button says which case
            draft = store.get_draft(DRAFT_NAME) is not None
            return store.list_checkup_runs(), cases, store.keeps_data, case_notices, draft, labels

        run_in_background(
            read,
            self._show_notices,
            None,
            owner=self,
            pool=self.ctx.storage_pool,
        )

    def _show_notices(self, state: NoticeState) -> None:
        from checks.home import notices, standing  # after the first paint

        runs, cases, keeps_data, case_notices, draft, labels = state
        ctx = self.ctx
        summary = standing(
            runs=runs, reminder_day=ctx.settings.reminder_day, today=ctx.local_now().date()
        )
        if ctx.store is None:  # nothing open (or erased): nothing to sum up
            self.home.standing.setVisible(False)
        else:
            self.home.set_standing(summary.severity.value, [tr(line) for line in summary.lines])
        found = notices(
            runs=runs,
            cases=cases,
            reminder_day=ctx.settings.reminder_day,
            today=ctx.local_now().date(),
            kept_aside=ctx.kept_aside,
            damaged_records=ctx.damaged_records,
            keeps_data=keeps_data,
            case_notices=case_notices,
            draft=draft,
        )
        self.home.set_notices(
            found,
            {
                "panic": _("Open"),
                "case": _("Open"),
                "checkup": _("Start checkup"),
                "checkup-resume": _("Continue"),
                **{action: tr(label) for action, label in labels.items()},
            },
        )
        if any(notice.id == "checkup-overdue" for notice in found):
            self._notify_due()

    def watch_for_due_checkup(self, interval_ms: int = 60 * 60 * 1000) -> QTimer:
        """Look again every hour, so a window left open tells when the checkup falls due."""
        timer = QTimer(self)
        timer.setObjectName("dueCheckupTimer")
        timer.setInterval(interval_ms)
        timer.timeout.connect(self.refresh_notices)
        timer.start()
        return timer

    def _raise(self) -> None:
        self.showNormal()
        self.activateWindow()

    def _notify_due(self) -> None:
        """Once per session, where the platform has a tray: the checkup is due."""
        from PySide6.QtWidgets import QSystemTrayIcon  # only for a reminder

        if self._tray_notified or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self._tray_notified = True
        self.show_tray_message(
            _("Wallet Checkup"), _("Your monthly checkup is due. It takes about 10 minutes.")
        )

    def show_tray_message(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon  # only for a reminder

        self.tray = QSystemTrayIcon(icon("app"), self)
        self.tray.setToolTip(_("Wallet Checkup"))
        self.tray.activated.connect(self._raise)
        self.tray.show()
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information)

    # -- help ----------------------------------------------------------------

    def open_help(self, article_id: str | None = None) -> None:
        """Show the help centre (its own window, not modal), at ``article_id`` if given."""
        from PySide6.QtCore import QLocale  # the help window: on first use

        from checks.directory.reporting import region_for
        from desktop.help.window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(
                self,
                region=region_for(QLocale.system().name(), current_language()),
                data_folder=str(self.ctx.paths.data_dir),
            )
        window = self.help_window
        assert isinstance(window, HelpWindow)
        if article_id is not None:  # history only for an article read in an open window
            window.show_article(article_id, remember=window.isVisible())
        window.show()
        from PySide6.QtGui import QGuiApplication  # only when the window is placed again

        if QGuiApplication.platformName() != "offscreen":  # it cannot raise, and says so
            window.raise_()
        window.activateWindow()
        if article_id is None:
            window.focus_search()
        else:  # a screen reader starts reading the article itself
            window.view.setFocus()

    # -- settings and data -------------------------------------------------

    def open_settings(self) -> None:
        from desktop.settings_dialog import SettingsDialog  # on first use

        dialog = SettingsDialog(self.ctx.settings, self.ctx.paths, self)
        dialog.erase_requested.connect(self.erase_all_data)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def apply_settings(self, settings: Settings) -> None:
        language_changed = settings.language != self.ctx.settings.language
        self.ctx.settings = settings
        self.save_settings()
        if language_changed:
            self.language_changed.emit(settings.language or "")
        self.refresh_notices()

    def save_settings(self) -> None:
        store = self.ctx.store
        if self.ctx.data_erased or (store is not None and not store.keeps_data):
            return  # "keep nothing after closing" keeps no settings either
        settings, paths = self.ctx.settings, self.ctx.paths
        run_in_background(
            lambda: save_settings(paths, settings),
            lambda _r: None,
            self._save_failed,
            owner=self,
            pool=self.ctx.storage_pool,
        )

    def _save_failed(self, exc: Exception) -> None:
        from desktop.ui import dialogs  # dialogs: after the first paint

        dialogs.warn(
            self,
            _("Settings not saved"),
            _(
                "Your settings could not be saved ({reason}). They apply until you close the app."
            ).format(reason=type(exc).__name__),
        )

    def erase_all_data(self) -> None:
        from checks.storage import erase  # only to delete everything

        ctx = self.ctx
        store, ctx.store = ctx.store, None

        def work() -> erase.EraseReport:
            if store is not None:
                store.close()
            return erase.erase_all(ctx.paths, ctx.keyring_backend)

        run_in_background(work, self._erased, None, owner=self, pool=ctx.storage_pool)

    def _erased(self, report: erase.EraseReport) -> None:
        from desktop.ui import dialogs  # dialogs: after the first paint

        self.ctx.data_erased = True
        self.ctx.kept_aside.clear()
        self.ctx.damaged_records.clear()
        self.refresh_notices()
        if report.complete:
            dialogs.inform(
                self,
                _("All your data was deleted"),
                _("Your checkups, cases, evidence, settings and key are gone from this computer."),
            )
        else:
            left = "\n".join(str(path) for path in report.failed)
            dialogs.warn(
                self,
                _("Some data could not be deleted"),
                _(
                    "Please close the app and delete what is left by hand. The key in the"
                    " keyring may also remain if the keyring was not available."
                ),
                left,
            )

    # -- window ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.remember_window:
            geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
            if geometry != self.ctx.settings.window_geometry:
                self.ctx.settings = self.ctx.settings.with_changes(window_geometry=geometry)
                self.save_settings()
        super().closeEvent(event)
