"""Start the application: QApplication, language, context, window."""

from __future__ import annotations

import gc
import os
import sys
from argparse import Namespace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from checks import APP_NAME, __version__
from checks.paths import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, Paths, make_private_dir
from checks.storage.settings import load_settings
from desktop import crash
from desktop.background import serial_pool
from desktop.context import AppContext
from desktop.fonts import (
    CJK_FAMILIES,  # noqa: F401  (tests and scripts take it from here)
    first_screen_chinese,
    prefer_simplified_chinese,
    shape_only_where_needed,
)
from desktop.i18n import set_language, system_language
from desktop.main_window import MainWindow

GC_PAUSE_LIMIT_MS = 5000  # the garbage collector's pause at start-up, at most (desktop.cli)


def run_probes(topic: str) -> list[Any]:
    """The real probes of the machine (loaded when a checkup first needs them)."""
    from checks.checkup import detect  # when a checkup first probes

    return detect.run_probes(topic)


def keep_qt_settings_in(folder: Path) -> None:
    """Qt's own settings (its file dialog remembers recent folders, e.g. where
    the evidence came from) go into the data folder, so "Delete all my data"
    removes them too, instead of ~/.config/QtProject.conf.

    The folder (0700) and its file (0600) are made here, before Qt writes:
    Qt would make them 0755/0644 (0777/0666 under umask 000), and it keeps the
    mode of a file that exists when it saves."""
    from PySide6.QtCore import QSettings  # after the first paint

    conf = folder / "QtProject.conf"
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        make_private_dir(folder)
        os.close(os.open(conf, flags, PRIVATE_FILE_MODE))
        if os.name == "posix":
            os.chmod(folder, PRIVATE_DIR_MODE)
            os.chmod(conf, PRIVATE_FILE_MODE)
    except OSError:
        pass  # Qt will say nothing and keep nothing: never stop the app for this
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(folder))


def after_first_paint(window: MainWindow) -> None:
    """What waits until the window is on screen: the data (keyring, SQLite,
    cryptography), then :func:`prepare_for_use`."""
    from desktop.ui import qt_messages  # after the first paint, like all that follows

    qt_messages.install()  # before any link is opened: Qt would print its query
    keep_qt_settings_in(window.ctx.paths.qt_settings_dir)
    window.unlocker.start()
    window.watch_for_due_checkup()
    app = QApplication.instance()
    if isinstance(app, QApplication):
        from desktop.ui.dark_style import keep_indicators_visible  # after the first paint

        prefer_simplified_chinese(app)
        keep_indicators_visible(app)
    prepare_for_use(window)


def prepare_for_use(owner: QObject) -> None:
    """Make the first keystrokes smooth, once the window is painted.

    The objects made at start-up live as long as the app: frozen, Python's
    full garbage collections skip them, so a collection triggered by work in
    a background thread holds the UI thread far less (bench/RESULTS.md, 9h;
    bench/typing_latency.py). The collector, paused while the window was
    built (desktop.cli), runs again from here. Then the secret guard's word
    lists load in the background.
    """
    from desktop.ui.secret_guard import warm_up_in_background  # after the first paint

    gc.freeze()
    gc.enable()
    warm_up_in_background(owner)


def crash_notice(window: MainWindow, log: str) -> None:
    from desktop.ui import dialogs  # only when something crashed

    dialogs.crash_notice(window, log)


class _CrashRelay(QObject):
    """Carries a crash from any thread to the UI thread, to "Something went wrong".

    It lives as long as the window (its child): a relay kept only in a local
    variable was gone right after start-up, and every later error wrote its
    log and showed nothing.
    """

    crashed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.crashed.connect(self._show)  # queued when emitted by another thread

    def attach(self, window: MainWindow) -> None:
        self.window = window
        self.setParent(window)

    def _show(self, log: str) -> None:
        if self.window is not None:
            crash_notice(self.window, log)


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Wallet Checkup")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    shape_only_where_needed(app)
    return app


def choose_language(cli_language: str | None, saved: str | None) -> str:
    return cli_language or saved or system_language()


def set_app_language(language: str, app: QApplication) -> None:
    set_language(language, app)
    if language == "zh_CN":
        if not first_screen_chinese(app):
            prefer_simplified_chinese(app, True)
    elif app.property("latinFamily"):  # English starts without them
        prefer_simplified_chinese(app, False)


def build_window(
    ctx: AppContext,
    app: QApplication,
    cli_language: str | None,
    *,
    complete: bool = True,
    panic: bool = False,
) -> MainWindow:
    """The main window in the chosen language. With ``complete`` (all but
    ``--exit-after-first-paint``), its icons and shortcuts come right after
    its first paint (:meth:`MainWindow.complete`). With ``panic``, panic mode is
    its first page and the home page is built after it."""
    set_app_language(choose_language(cli_language, ctx.settings.language), app)
    window = MainWindow(ctx, home_later=panic)
    if complete:
        window.first_painted.connect(lambda: QTimer.singleShot(0, window.complete))

    def relanguage(saved: str) -> None:
        set_app_language(choose_language(None, saved or None), app)
        window.build_pages()

    window.language_changed.connect(relanguage)
    return window


def start(args: Namespace, app: QApplication) -> tuple[MainWindow, AppContext]:
    """Build the context and the window for these command-line arguments, and show it."""
    paths = Paths.from_environment()
    settings, damaged_settings = load_settings(paths)
    ctx = AppContext(
        paths=paths,
        settings=settings,
        storage_pool=serial_pool(),
        compute_pool=serial_pool(),  # zxcvbn: one thread for the whole app
        probe_runner=run_probes,
    )
    if damaged_settings:
        ctx.kept_aside.append(damaged_settings)

    relay = _CrashRelay()
    crash.install(lambda: paths.logs_dir, relay.crashed.emit)
    # --exit-after-first-paint quits right after the paint: nothing after it is built.
    window = build_window(
        ctx, app, args.lang, complete=not args.exit_after_first_paint, panic=args.panic
    )
    relay.attach(window)

    if args.exit_after_first_paint:
        ctx.remember_window = False
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        # The keyring, cryptography, SQLite and word lists never delay the first paint.
        window.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: after_first_paint(window))
        )
    # If the window is never painted (started minimised on some desktops),
    # the garbage collector still comes back on (see desktop.cli).
    QTimer.singleShot(GC_PAUSE_LIMIT_MS, gc.enable)
    if args.panic:
        window.show_panic()  # straight into the first screen of panic mode
    window.show()
    return window, ctx


def run_app(args: Namespace) -> int:
    # One window per data folder: a second start brings the first to the front
    # (desktop.instance). A probe (--exit-after-first-paint) always paints its own.
    window_lock = None
    if not args.exit_after_first_paint:
        from desktop import instance  # only for a start that will stay open

        data_dir = Paths.from_environment().data_dir
        window_lock = instance.claim(data_dir)
        if window_lock is None and instance.tell_running_window(data_dir, args.panic):
            return 0
    app = make_application(sys.argv[:1])
    window, ctx = start(args, app)
    if window_lock is not None:
        instance.listen_when_painted(window, ctx.paths.data_dir)
    code = app.exec()
    ctx.storage_pool.waitForDone(5000)  # let the last writes finish
    if ctx.store is not None:
        ctx.store.close()
    return int(code)
