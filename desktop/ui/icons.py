"""Icons: PNGs rendered from the SVG sources in resources/icons, loaded once and cached.

``scripts/make_icons.py`` draws every ``resources/icons/NAME.svg`` into
``resources/icons/png/NAME-SIZE.png`` at the sizes the window needs, up to
300 % scaling; a test checks that the PNGs match their SVG. The window
never loads Qt's SVG module: it costs several megabytes before the first
paint and PNG decoding is built into Qt.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap

import resources

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon  # as above

SIZES = (16, 24, 32, 40, 48, 56, 64, 80, 96)  # as scripts/make_icons.py writes them
FOLDER = os.path.join(resources.FOLDER, "icons", "png")


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (an SVG file name without .svg) in every rendered size."""
    from PySide6.QtCore import QSize  # Qt's enums on first use (see the docstring)
    from PySide6.QtGui import QIcon  # as above

    found = QIcon()
    for size in SIZES:
        # Installed packages and PyInstaller bundles keep resources as plain files,
        # so Qt reads each size only when a pixmap of about that size is asked for.
        found.addFile(os.path.join(FOLDER, f"{name}-{size}.png"), QSize(size, size))
    return found


def pixmap(name: str, size: int, device_pixel_ratio: float) -> QPixmap:
    """The icon ``name``, ``size`` logical pixels square, as one picture without QIcon.

    For what is painted first: PySide builds QIcon's enums the first time
    QIcon is touched (bench/RESULTS.md, 9e).
    The rendered size nearest at or above the device pixels is used, and
    :data:`SIZES` has 32 px at each common scale, so it stays sharp.
    """
    wanted = size * device_pixel_ratio
    best = next((rendered for rendered in SIZES if rendered >= wanted - 0.01), SIZES[-1])
    found = QPixmap(os.path.join(FOLDER, f"{name}-{best}.png"))
    found.setDevicePixelRatio(best / size)
    return found
