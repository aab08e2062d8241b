"""The Qt binding must not leak or drop references to None.

PySide6 6.12.0 drops one reference to None on every Qt call that returns
nothing; on Python < 3.12 the process then aborts ("none_dealloc") after
enough calls. pyproject.toml excludes it; this test fails if such a build
is installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont


def test_void_qt_calls_keep_none_alive() -> None:
    font = QFont("Sans")
    before = sys.getrefcount(None)
    for _ in range(2000):
        font.setPointSizeF(10)
    assert sys.getrefcount(None) >= before - 50  # noise from the interpreter, not 2000
