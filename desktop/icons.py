"""Icons: PNGs rendered from the SVG sources in resources/icons, loaded once and cached.

``scripts/make_icons.py`` draws every ``resources/icons/NAME.svg`` into
``resources/icons/png/NAME-SIZE.png`` at the sizes the window needs, up to
200 % scaling; a test checks that the PNGs match their SVG. The window
never loads Qt's SVG module: it costs several megabytes before the first
paint and PNG decoding is built into Qt.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

SIZES = (16, 24, 32, 48, 64, 96)  # as scripts/make_icons.py writes them


@cache
def _folder() -> str:
    return str(files("resources") / "icons" / "png")  # looked up once: ~1 ms each time


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (an SVG file name without .svg) in every rendered size."""
    found = QIcon()
    folder = _folder()
    for size in SIZES:
        # Installed packages and PyInstaller bundles keep resources as plain files,
        # so Qt reads each size only when a pixmap of about that size is asked for.
        found.addFile(f"{folder}/{name}-{size}.png", QSize(size, size))
    return found
