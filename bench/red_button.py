"""The red button, timed: ``python -m bench.red_button [--lang en|zh_CN]``.

Starts the app as ``python -m desktop --exit-after-first-paint`` does (the
window, nothing behind it), clicks "I've been robbed — panic mode" right
after the home screen's first paint, and quits right after panic mode's
first screen is painted. Prints ``click-to-paint-ms: N``; its peak memory
is the whole process's (home screen and panic mode), measured by
:mod:`bench.spawn` like every start-up row.
"""

from __future__ import annotations

import gc
import sys
import time
from argparse import Namespace

MARKER = "click-to-paint-ms:"


def main(argv: list[str]) -> int:
    language = argv[argv.index("--lang") + 1] if "--lang" in argv else None
    from desktop import cli

    gc.disable()  # the start-up of desktop.cli._run, step by step
    cli._load_pure_python_first()
    from PySide6.QtCore import QEvent, QObject, QTimer

    cli.lighten_pyside_import_hook()
    from desktop import app as desktop_app

    application = desktop_app.make_application(sys.argv[:1])
    args = Namespace(lang=language, panic=False, exit_after_first_paint=True, command=None)
    window, _ctx = desktop_app.start(args, application)
    clicked: list[float] = []

    class PanicPainted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and clicked and len(clicked) == 1:
                clicked.append(time.perf_counter())
                QTimer.singleShot(0, application.quit)
            return False

    spy = PanicPainted()

    def click() -> None:
        clicked.append(time.perf_counter())
        window.home.panic.click()
        wizard = window.panic.wizard
        if wizard is None:
            raise RuntimeError("the red button opened no panic screen")
        wizard.installEventFilter(spy)

    # start() quits after the home screen's first paint; the click comes first.
    window.first_painted.disconnect()
    window.first_painted.connect(lambda: QTimer.singleShot(0, click))
    code = application.exec()
    if len(clicked) != 2:
        raise RuntimeError("panic mode's first screen was not painted")
    print(f"{MARKER} {(clicked[1] - clicked[0]) * 1000:.1f}", flush=True)
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
