"""Cut the first screens' Chinese glyphs from Noto Sans CJK SC into resources/fonts.

    python scripts/make_first_screen_fonts.py        # needs fontTools and fonts-noto-cjk

A Chinese window paints its first screen from these two small fonts and
names the system's Simplified Chinese fonts only after (desktop/fonts.py).
This script opens the first screens as the app does — the home screen and
panic mode's first screen, in Simplified Chinese, offscreen — collects
every character they show (and printable ASCII, so that a space or a digit
next to Chinese stays in the same font), and subsets Noto Sans CJK SC
Regular and Bold to them with fontTools: outlines, hints and metrics as
they are, the family renamed "Wallet Checkup SC" (the SIL Open Font
License asks a modified font not to take the original's name), the
copyright and licence kept in the fonts' name tables and in
resources/fonts/OFL.txt.

Run it again when a translation on those screens changes:
tests/test_first_screen_fonts.py fails, naming the missing characters.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
SOURCE_FAMILY = "Noto Sans CJK SC"
FAMILY = "Wallet Checkup SC"
WEIGHTS = {"Regular": "first-screen-sc-regular.otf", "Bold": "first-screen-sc-bold.otf"}


def shown_characters() -> str:
    """Every character the Chinese home screen and panic mode's first screen show."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["WALLET_CHECKUP_HOME"] = tempfile.mkdtemp(prefix="first-screen-fonts-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget

    from desktop import app as desktop_app

    application = desktop_app.make_application(sys.argv[:1])
    found: set[str] = {chr(code) for code in range(0x20, 0x7F)}
    for panic in (False, True):
        args = Namespace(lang="zh_CN", panic=panic, exit_after_first_paint=True, command=None)
        window, _ctx = desktop_app.start(args, application)
        application.exec()
        found |= set(window.windowTitle())
        for widget in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]:
            found |= set(widget.text())
        for items in window.findChildren(QListWidget):
            found |= {ch for row in range(items.count()) for ch in items.item(row).text()}
        window.close()
    return "".join(sorted(found - {"\n", "\t"}))


def source_font(style: str) -> tuple[str, int]:
    """(file, face index) of Noto Sans CJK SC in this style, as fontconfig finds it."""
    done = subprocess.run(
        ["fc-match", "-f", "%{file}\n%{index}\n%{family}", f"{SOURCE_FAMILY}:style={style}"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    path, index, families = done.stdout.split("\n", 2)
    if SOURCE_FAMILY not in families.split(","):
        raise SystemExit(f"{SOURCE_FAMILY} {style} is not installed (Debian: fonts-noto-cjk)")
    return path, int(index)


def subset(path: str, index: int, text: str, style: str, target: Path) -> None:
    from fontTools import subset as fontsubset
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index)
    options = fontsubset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = fontsubset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} {style}"
        elif record.nameID in (3, 6):
            record.string = f"{FAMILY.replace(' ', '')}-{style}"
    font.save(target)


def main() -> int:
    try:
        import fontTools  # noqa: F401
    except ImportError:
        print("make_first_screen_fonts: pip install fonttools")
        return 1
    text = shown_characters()
    OUT.mkdir(parents=True, exist_ok=True)
    for style, name in WEIGHTS.items():
        path, index = source_font(style)
        subset(path, index, text, style, OUT / name)
        print(f"{OUT / name}: {len(text)} characters, {(OUT / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
