"""The baseline: a bare PySide6 program that paints an empty QMainWindow and exits.

Run as ``python -m bench.bare_window``, the same way as ``python -m desktop
--exit-after-first-paint``: same interpreter, same offscreen platform, same
window size, and the same way out (quit from the event loop right after
the first paint event), so the difference is only what the app itself does.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(860, 640)  # the app's default size
    spy = _FirstPaint(app)
    window.installEventFilter(spy)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
