"""The window's fonts: no optional shaping, Simplified Chinese, and the first screens' glyphs.

A Chinese window paints its first screen (home, or panic mode's questions)
from two small fonts in ``resources/fonts``: the glyphs of those screens,
cut from Noto Sans CJK SC (scripts/make_first_screen_fonts.py). The
system's Simplified Chinese fonts, megabytes of outlines for tens of
thousands of characters, are named as fallbacks only after the first
paint (:func:`prefer_simplified_chinese`); a character the small fonts lack
comes from them. The small fonts are used only where the system has the
very design they were cut from (Noto Sans CJK SC or its twin, Source Han
Sans SC), so nothing changes on screen when the fallbacks arrive
(bench/RESULTS.md, 1e-1j; tests/test_first_screen_fonts.py).
"""

from __future__ import annotations

import os

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from resources import FOLDER

# Simplified Chinese families first among the fallbacks, so Han characters
# never get a Japanese glyph variant.
CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]
FIRST_SCREEN_FAMILY = "Wallet Checkup SC"
FIRST_SCREEN_FONTS = ("first-screen-sc-regular.otf", "first-screen-sc-bold.otf")
SAME_DESIGN = ("Noto Sans CJK SC", "Source Han Sans SC")  # what they are cut from
_registered: list[bool] = []  # [True] once the small fonts are in Qt's font database


def shape_only_where_needed(app: QApplication) -> None:
    """The window's Latin and Han text is not shaped: no kerning or ligatures, which
    these scripts do without (Arabic, Thai and the like still are shaped).

    Shaping reads each font's layout tables, and the Simplified Chinese fonts'
    are large: a Chinese window skips megabytes and some text layout
    (bench/RESULTS.md, 1g). Printed reports do the same (desktop.printing).
    """
    font = QFont(app.font())
    if font.styleStrategy() != QFont.StyleStrategy.PreferNoShaping:  # set once, not per window
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        app.setFont(font)


def _set_fallbacks(app: QApplication, fallbacks: list[str]) -> None:
    font = QFont(app.font())
    if font.families()[1:] != fallbacks:
        font.setFamilies([font.family(), *fallbacks])
        app.setFont(font)


def first_screen_chinese(app: QApplication) -> bool:
    """Before a Chinese window's first paint: Chinese from the first screens' fonts
    alone. False (nothing changed) where the system lacks their design or they
    cannot be read; :func:`prefer_simplified_chinese` is then the way."""
    if not _registered:
        same_design = any(QFontDatabase.hasFamily(family) for family in SAME_DESIGN)
        paths = [os.path.join(FOLDER, "fonts", name) for name in FIRST_SCREEN_FONTS]
        loaded = same_design and all(QFontDatabase.addApplicationFont(p) >= 0 for p in paths)
        _registered.append(loaded)
    if not _registered[0]:
        return False
    named = [f for f in app.font().families()[1:] if f != FIRST_SCREEN_FAMILY]
    _set_fallbacks(app, [FIRST_SCREEN_FAMILY, *named])  # any named already stay (a relanguage)
    return True


def prefer_simplified_chinese(app: QApplication) -> None:
    """Name the Simplified Chinese families as the app font's fallbacks (after
    the first screens' fonts, if a Chinese window painted with them).

    Needed wherever Chinese is shown (the Chinese UI; the language list and
    bilingual texts in the English one). Resolving them costs memory
    (bench/RESULTS.md, 9i), so a window does it right after its first paint.
    """
    first = [FIRST_SCREEN_FAMILY] if _registered and _registered[0] else []
    _set_fallbacks(app, [*first, *CJK_FAMILIES])
