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

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from desktop.i18n import current_language
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


def _latin_family(app: QApplication) -> str:
    """The desktop's own Latin family ("Sans Serif" is only an alias: the family it is)."""
    latin = app.property("latinFamily")
    if not latin:
        latin = QFontInfo(QFont(app.font())).family()
        app.setProperty("latinFamily", latin)
    return str(latin)


def _set_families(app: QApplication, families: list[str]) -> None:
    font = QFont(app.font())
    if font.families() != families:
        font.setFamilies(families)
        app.setFont(font)


def first_screen_chinese(app: QApplication) -> bool:
    """Before a Chinese window's first paint: Chinese from the first screens' fonts,
    the system's fonts not yet named (after a first paint, they stay named).
    False (nothing changed) where the system lacks their design or they
    cannot be read; :func:`prefer_simplified_chinese` is then the way."""
    if not _registered:
        same_design = any(QFontDatabase.hasFamily(family) for family in SAME_DESIGN)
        paths = [os.path.join(FOLDER, "fonts", name) for name in FIRST_SCREEN_FONTS]
        loaded = same_design and all(QFontDatabase.addApplicationFont(p) >= 0 for p in paths)
        _registered.append(loaded)
    if not _registered[0]:
        return False
    if app.property("chineseNamed"):  # a window already painted turns Chinese
        prefer_simplified_chinese(app, True)
    else:
        _set_families(app, [FIRST_SCREEN_FAMILY, _latin_family(app)])
    return True


def prefer_simplified_chinese(app: QApplication, chinese_ui: bool | None = None) -> None:
    """Name the Simplified Chinese families in the app font, so Han characters
    never get a Japanese glyph variant.

    Needed wherever Chinese is shown (the Chinese UI; the language list and
    bilingual texts in the English one). Resolving them costs memory
    (bench/RESULTS.md, 9i), so a window does it right after its first paint.
    The order follows the language of the window: in English the desktop's
    own Latin family comes first, so “quotes”, digits and letters keep their
    Latin shapes (the Chinese font's quotes are full-width); in Chinese the
    Chinese family comes first, for the full-width punctuation Chinese text
    uses, led by the first screens' fonts where a Chinese window painted
    with them (same design: nothing on screen changes).
    """
    if chinese_ui is None:
        chinese_ui = current_language().startswith("zh")
    latin = _latin_family(app)
    first = [FIRST_SCREEN_FAMILY] if chinese_ui and _registered and _registered[0] else []
    families = [*first, *CJK_FAMILIES, latin] if chinese_ui else [latin, *CJK_FAMILIES]
    _set_families(app, families)
    app.setProperty("chineseNamed", True)
