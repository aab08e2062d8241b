"""Icons are plain SVG files in resources/icons, loaded once and cached."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap


@cache
def icon(name: str) -> QIcon:
    data = (files("resources") / "icons" / f"{name}.svg").read_bytes()
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(data), "SVG")
    return QIcon(pixmap)
