"""Radio buttons and check boxes that stay visible on a dark palette.

Qt's Fusion style (used on Linux desktops without a Qt theme, and by the
stand-alone bundle) outlines their indicators with the window colour made
darker: on a dark window the outline disappears and an unticked choice is
an invisible circle. On a dark palette this style draws a light ring too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from desktop.ui.widgets import is_dark_palette

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
)


class VisibleIndicators(QProxyStyle):
    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark_palette(option.palette):
            return
        ring = QColor(option.palette.color(QPalette.ColorRole.WindowText))
        ring.setAlpha(150)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ring, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect.adjusted(1, 1, -1, -1)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()


def keep_indicators_visible(app: QApplication) -> None:
    """On a dark palette with Fusion, draw a light ring around radio and check indicators."""
    if app.style().name().lower() == "fusion" and is_dark_palette(app.palette()):
        app.setStyle(VisibleIndicators("Fusion"))
