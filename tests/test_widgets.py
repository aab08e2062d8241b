"""Shared widgets: severity colours readable on light and dark palettes (WCAG 2.1 AA)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from checks.findings import Severity
from desktop.ui.widgets import (
    SEVERITY_COLOURS,
    SEVERITY_COLOURS_DARK,
    Banner,
    error_colour,
    is_dark,
    set_by_name,
    severity_colour,
)

LIGHT_WINDOWS = ("#ffffff", "#efefef", "#f0f0f0")  # plain, Fusion, Windows
DARK_WINDOWS = ("#202124", "#2d2d2d", "#353535")  # GNOME/Chrome dark, Fusion dark


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("severity", list(Severity))
def test_severity_text_reads_on_light_and_dark_windows(severity: Severity) -> None:
    for window in LIGHT_WINDOWS:
        assert contrast(SEVERITY_COLOURS[severity.value], window) >= 4.5, (severity, window)
    for window in DARK_WINDOWS:
        assert contrast(SEVERITY_COLOURS_DARK[severity.value], window) >= 4.5, (severity, window)


def palette_widget(qtbot, window: str, text: str) -> QWidget:
    widget = QWidget()
    qtbot.add_widget(widget)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    widget.setPalette(palette)
    return widget


def test_the_colour_follows_the_palette(qtbot) -> None:
    light = palette_widget(qtbot, "#efefef", "#000000")
    dark = palette_widget(qtbot, "#202124", "#e8eaed")
    assert not is_dark(light) and is_dark(dark)
    assert severity_colour(Severity.URGENT, light) == SEVERITY_COLOURS[Severity.URGENT.value]
    assert severity_colour(Severity.URGENT, dark) == SEVERITY_COLOURS_DARK[Severity.URGENT.value]
    assert error_colour(dark) == SEVERITY_COLOURS_DARK[Severity.URGENT.value]


def ring_lightness(qtbot, dark: bool) -> int:
    """The lightest pixel around an unticked radio button's indicator."""
    from PySide6.QtWidgets import QRadioButton, QStyleFactory

    from desktop.ui.dark_style import VisibleIndicators

    button = QRadioButton("Never")
    qtbot.add_widget(button)
    button.setStyle(VisibleIndicators("Fusion") if dark else QStyleFactory.create("Fusion"))
    palette = button.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#2b2c2f"))
    button.setPalette(palette)
    button.resize(120, 30)
    image = button.grab().toImage()
    return max(
        image.pixelColor(x, y).lightness() for x in range(0, 20) for y in range(image.height())
    )


def test_radio_indicators_stay_visible_on_a_dark_palette(qtbot) -> None:
    plain, ringed = ring_lightness(qtbot, dark=False), ring_lightness(qtbot, dark=True)
    assert plain < 80  # Fusion alone: the circle vanishes into the dark window (#202124: 33)
    assert ringed > plain + 60  # with the ring it shows


def test_enums_set_by_name_take_effect_and_a_wrong_name_is_an_error(qtbot) -> None:
    banner = Banner("b", Severity.URGENT, "No real support will ever ask for your seed phrase.")
    qtbot.addWidget(banner)
    assert banner.label.textFormat() == Qt.TextFormat.PlainText
    assert banner.label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    with pytest.raises(ValueError, match="textFormat"):
        set_by_name(banner.label, "textFormat", "Plain")
