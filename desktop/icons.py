"""Icons: PNGs rendered from the SVG sources in resources/icons, loaded once and cached.

``scripts/make_icons.py`` draws every ``resources/icons/NAME.svg`` into
``resources/icons/png/NAME-SIZE.png`` at the sizes the window needs, up to
200 % scaling; a test checks that the PNGs match their SVG. The window
never loads Qt's SVG module: it costs several megabytes before the first
paint and PNG decoding is built into Qt.
"""

from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

import resources

SIZES = (16, 24, 32, 48, 64, 96)  # as scripts/make_icons.py writes them
FOLDER = os.path.join(resources.FOLDER, "icons", "png")


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (an SVG file name without .svg) in every rendered size."""
    found = QIcon()
    for size in SIZES:
        # Installed packages and PyInstaller bundles keep resources as plain files,
        # so Qt reads each size only when a pixmap of about that size is asked for.
        found.addFile(os.path.join(FOLDER, f"{name}-{size}.png"), QSize(size, size))
    return found
