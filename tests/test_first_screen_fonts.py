"""A Chinese window's first screen is drawn from small fonts cut from Noto Sans CJK SC
(desktop/fonts.py, resources/fonts): they hold every character shown there, and
they draw exactly what the system's font draws."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui import open_window

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QListWidget, QWidget

from desktop import fonts
from desktop.app import build_window, make_application

FONTS = Path(fonts.FOLDER) / "fonts"
REMAKE = "run python scripts/make_first_screen_fonts.py"


def shown(window: QWidget) -> set[str]:
    found = set(window.windowTitle())
    for widget in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]:
        found |= set(widget.text())
    for items in window.findChildren(QListWidget):
        found |= {ch for row in range(items.count()) for ch in items.item(row).text()}
    return found - {"\n", "\t"}


def first_screens(qtbot, make_ctx) -> set[str]:
    """Every character of the Chinese home screen and panic mode's first screen."""
    found: set[str] = set()
    for panic in (False, True):
        window = build_window(make_ctx(), make_application([]), "zh_CN", panic=panic)
        qtbot.add_widget(window)
        if panic:
            window.show_panic()
        found |= shown(window)
    return found


@pytest.mark.parametrize("name", fonts.FIRST_SCREEN_FONTS)
def test_the_first_screens_fonts_hold_every_character_shown(qtbot, make_ctx, name) -> None:
    font = QRawFont(str(FONTS / name), 16)
    assert font.isValid() and font.familyName() == fonts.FIRST_SCREEN_FAMILY
    characters = first_screens(qtbot, make_ctx)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in characters)  # the screens are Chinese
    missing = sorted(ch for ch in characters if not font.supportsCharacter(ord(ch)))
    assert missing == [], f"{name} lacks {''.join(missing)!r}: {REMAKE}"


def test_the_fonts_keep_their_licence_beside_them() -> None:
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "OFL.txt").read_text("utf-8")
    assert "Noto Sans CJK SC" in (FONTS / "README.md").read_text("utf-8")


def rendered(family: str, bold: bool, text: str) -> QImage:
    font = QFont(family)
    font.setPixelSize(18)
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    image = QImage(420, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    return image


@pytest.mark.parametrize("bold", [False, True])
def test_they_draw_what_the_system_font_draws(qapp, bold) -> None:
    if not QFontDatabase.hasFamily("Noto Sans CJK SC"):
        pytest.skip("Noto Sans CJK SC is not installed (Debian: fonts-noto-cjk)")
    for path in sorted(FONTS.glob("*.otf")):
        QFontDatabase.addApplicationFont(str(path))
    text = "先停下来，深呼吸。钱包里还有资产吗？ 1. 2026"
    ours = rendered(fonts.FIRST_SCREEN_FAMILY, bold, text)
    assert ours == rendered("Noto Sans CJK SC", bold, text)
    assert ours != rendered("Noto Sans CJK SC", not bold, text)  # the comparison can fail


def test_a_chinese_window_falls_back_on_the_system_fonts_after_its_first_paint(
    qtbot, make_ctx
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = open_window(qtbot, make_ctx(), "zh_CN")  # painted, completed
    if not fonts._registered or not fonts._registered[0]:
        pytest.skip("no Noto Sans CJK SC here: the system fonts from the start")
    latin = app.property("latinFamily")
    assert app.font().families()[0] == fonts.FIRST_SCREEN_FAMILY
    fonts.prefer_simplified_chinese(app)  # what after_first_paint does in a real start
    assert app.font().families() == [fonts.FIRST_SCREEN_FAMILY, *fonts.CJK_FAMILIES, latin]
    assert window.isVisible()


def test_a_window_without_the_design_is_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(fonts, "_registered", [False])
    app = make_application([])
    families = app.font().families()
    assert fonts.first_screen_chinese(app) is False
    assert app.font().families() == families


def test_switching_to_chinese_after_the_first_paint_keeps_the_system_fonts(qapp) -> None:
    if not QFontDatabase.hasFamily("Noto Sans CJK SC"):
        pytest.skip("Noto Sans CJK SC is not installed (Debian: fonts-noto-cjk)")
    app = make_application([])
    fonts.prefer_simplified_chinese(app, False)  # an English window, painted
    latin = app.property("latinFamily")
    assert app.font().families() == [latin, *fonts.CJK_FAMILIES]
    assert fonts.first_screen_chinese(app)  # then Settings → 简体中文
    assert app.font().families() == [fonts.FIRST_SCREEN_FAMILY, *fonts.CJK_FAMILIES, latin]
