"""Synthetic phone screenshots and camera-like photos for the picture scan (issue 21).

Drawn with Pillow and the Noto CJK font (Debian: fonts-noto-cjk), so tests
and the benchmark make their own pictures:

* **seed screenshots**: a wallet's backup screen (numbered grid, 3 columns
  row by row or 2 columns down, light or dark, English or Chinese, one
  with 一, one with a number missing, one with numbers glued to the words)
  and chat bubbles that break words at the line's end;
* **other screenshots**: prose in both languages, a page of the BIP-39 word
  list, a settings screen, a chat without a phrase;
* **photos**: gradients, soft shapes and sensor noise, as JPEG, no text.

Needs the OCR extra's Pillow and NumPy; the phrases come from ``mnemonic``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from mnemonic import Mnemonic

SCREEN = (1170, 2532)  # an iPhone's screenshot
PHOTO = (4032, 3024)  # a 12-megapixel phone camera
_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)


def font_path() -> str | None:
    return next((path for path in _FONTS if Path(path).is_file()), None)


@cache
def _font(size: int) -> Any:
    from PIL import ImageFont

    path = font_path()
    if path is None:
        raise FileNotFoundError("the Noto CJK font is not installed (Debian: fonts-noto-cjk)")
    return ImageFont.truetype(path, size, index=2)  # index 2: Simplified Chinese


def phrase(language: str, words: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    entropy = bytes(rng.randrange(256) for _ in range(words * 4 // 3))
    return Mnemonic(language).to_mnemonic(entropy).replace("\u3000", " ").split(" ")


def phrase_with_yi(seed: int) -> list[str]:
    """A Chinese phrase with 一 (a single stroke) in it, checksum fixed."""
    words = phrase("chinese_simplified", 12, seed)
    words[4] = "一"
    zh = Mnemonic("chinese_simplified")
    words[11] = next(c for c in zh.wordlist if zh.check(" ".join([*words[:11], c])))
    return words


def _canvas(dark: bool, scale: float) -> tuple[Any, Any, str, Callable[[float], int]]:
    from PIL import Image, ImageDraw

    def px(value: float) -> int:
        return round(value * scale)

    background, ink = ("#111318", "#e8eaed") if dark else ("#ffffff", "#1a1a1a")
    image = Image.new("RGB", (px(SCREEN[0]), px(SCREEN[1])), background)
    draw = ImageDraw.Draw(image)
    draw.text((px(60), px(30)), "9:41", font=_font(px(44)), fill=ink)
    draw.text((px(950), px(30)), "5G  87%", font=_font(px(40)), fill=ink)
    return image, draw, ink, px


def seed_screen(
    words: list[str],
    dark: bool = False,
    columns: int = 3,
    down: bool = False,
    missing_number: int | None = None,
    glued: bool = False,
    scale: float = 1.0,
) -> Any:
    """A wallet's "write down your phrase" screen: numbered cells, row by row
    (or column by column with ``down``)."""
    image, draw, ink, px = _canvas(dark, scale)
    chinese = "\u4e00" <= words[0][0] <= "\u9fff"
    title = "备份助记词" if chinese else "Back up your secret recovery phrase"
    note = (
        "请按顺序抄写下面的助记词，并妥善保管。"
        if chinese
        else "Write down these words in the right order and keep them safe."
    )
    draw.text((px(60), px(200)), title, font=_font(px(60)), fill=ink)
    draw.text((px(60), px(320)), note, font=_font(px(38)), fill="#888888")
    rows = -(-len(words) // columns)
    width, height = (SCREEN[0] - 120) // columns, 150
    cell = "#2a2d34" if dark else "#f1f3f4"
    for number, word in enumerate(words, start=1):
        row, column = (
            ((number - 1) % rows, (number - 1) // rows) if down else divmod(number - 1, columns)
        )
        x, y = 60 + column * width, 480 + row * height
        draw.rounded_rectangle(
            (px(x + 10), px(y + 10), px(x + width - 10), px(y + height - 10)), px(24), fill=cell
        )
        label = "" if number == missing_number else str(number)
        draw.text((px(x + 40), px(y + 48)), label, font=_font(px(40)), fill="#888888")
        shift = len(label) * 24 + (6 if glued else 40) if label else 0
        draw.text(
            (px(x + 40 + shift), px(y + 40)), word, font=_font(px(56 if chinese else 42)), fill=ink
        )
    top = 480 + rows * height + 120
    draw.rounded_rectangle(
        (px(60), px(top), px(SCREEN[0] - 60), px(top + 140)), px(70), fill="#1a73e8"
    )
    draw.text(
        (px(420), px(top + 40)),
        "我已抄写好" if chinese else "I wrote them down",
        font=_font(px(48)),
        fill="#ffffff",
    )
    return image


def _wrap_anywhere(text: str, size: int, width: int) -> list[str]:
    """Lines broken at any character, as chat apps break a long run of letters."""
    lines, line = [], ""
    for char in text:
        if _font(size).getlength(line + char) > width:
            lines.append(line.rstrip())
            line = char.lstrip()
        else:
            line += char
    return [*lines, line]


def chat_screen(message: str, dark: bool = False, scale: float = 1.0) -> Any:
    """A chat: a question, ``message`` in the green bubble, a reply."""
    image, draw, ink, px = _canvas(dark, scale)
    chinese = any("\u4e00" <= char <= "\u9fff" for char in message)
    draw.rectangle((0, px(120), px(SCREEN[0]), px(260)), fill="#202124" if dark else "#ededed")
    draw.text((px(530), px(160)), "小王", font=_font(px(48)), fill=ink)
    top = 340
    for mine, text in (
        (False, "在吗？帮我看看钱包" if chinese else "hey can you check my wallet"),
        (True, message),
        (False, "收到" if chinese else "ok got it, thanks"),
    ):
        lines = _wrap_anywhere(text, px(50), px(640))
        height = 30 + 72 * len(lines)
        width = max(_font(px(50)).getlength(line) for line in lines) / scale + 60
        x = SCREEN[0] - 60 - width if mine else 60
        fill = "#95ec69" if mine else ("#2c2c2c" if dark else "#ffffff")
        draw.rounded_rectangle((px(x), px(top), px(x + width), px(top + height)), px(20), fill=fill)
        for number, line in enumerate(lines):
            draw.text(
                (px(x + 30), px(top + 12 + 72 * number)),
                line,
                font=_font(px(50)),
                fill="#111111" if mine or not dark else ink,
            )
        top += height + 60
    return image


_PROSE = {
    "en": "Bitcoin is a digital currency that works without a central bank. People send it to "
    "each other through wallet software. To keep your funds safe, never share your recovery "
    "phrase with anyone and never keep it as a screenshot. Many people lost their coins after "
    "their photo library was synced to the cloud and the account was broken into. If you see a "
    "transfer you did not make, move what is left to a new wallet right away. ",
    "zh": "比特币是一种去中心化的数字货币，不依赖任何中央银行。"
    "用户可以通过钱包软件直接发送和接收比特币。"
    "为了保护资产安全，请不要把助记词告诉任何人，也不要截图保存。很多人因为把助记词存在相册里，"
    "手机同步到云端以后被盗。如果你发现自己的钱包有异常转账，应该立刻把剩余资产转到新钱包。",
}


def prose_screen(language: str, dark: bool = False, scale: float = 1.0) -> Any:
    image, draw, ink, px = _canvas(dark, scale)
    top = 200
    for line in _wrap_anywhere(_PROSE[language] * 2, px(44), px(SCREEN[0] - 120)):
        draw.text((px(60), px(top)), line, font=_font(px(44)), fill=ink)
        top += 66
    return image


def wordlist_screen(first: int = 0, dark: bool = False, scale: float = 1.0) -> Any:
    """A page of the English BIP-39 word list: two columns of numbered words."""
    image, draw, ink, px = _canvas(dark, scale)
    words = Mnemonic("english").wordlist
    draw.text((px(60), px(160)), "BIP-39 English word list", font=_font(px(54)), fill=ink)
    for k in range(60):
        column, row = divmod(k, 30)
        draw.text(
            (px(60 + column * 540), px(280 + row * 74)),
            f"{first + k + 1}. {words[first + k]}",
            font=_font(px(40)),
            fill=ink,
        )
    return image


def settings_screen(dark: bool = False, scale: float = 1.0) -> Any:
    image, draw, ink, px = _canvas(dark, scale)
    items = (
        "Wi-Fi",
        "Bluetooth",
        "Mobile Data",
        "Notifications",
        "Sounds & Haptics",
        "Focus",
        "Screen Time",
        "General",
        "Control Centre",
        "Display & Brightness",
        "Home Screen",
        "Accessibility",
        "Wallpaper",
        "Siri & Search",
        "Face ID & Passcode",
        "Battery",
        "Privacy & Security",
        "App Store",
        "Wallet & Apple Pay",
    )
    draw.text((px(60), px(180)), "Settings", font=_font(px(80)), fill=ink)
    for k, item in enumerate(items):
        top = 360 + k * 105
        draw.rounded_rectangle(
            (px(60), px(top), px(130), px(top + 70)),
            px(16),
            fill=("#ff9500", "#007aff", "#34c759", "#ff3b30")[k % 4],
        )
        draw.text((px(170), px(top + 10)), item, font=_font(px(46)), fill=ink)
    return image


def photo(seed: int, size: tuple[int, int] = PHOTO) -> Any:
    """Camera-like, no text: a sky-to-ground gradient, textures at three scales,
    soft shapes, sensor noise."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    rng = np.random.default_rng(seed)
    width, height = size if seed % 3 else size[::-1]
    small_w, small_h = width // 16, height // 16  # drawn small, then enlarged: quick
    fall = np.linspace(0.0, 1.0, small_h)[:, None, None]
    top, bottom = rng.uniform(60, 220, 3), rng.uniform(20, 160, 3)
    base = top * (1 - fall) + bottom * fall + np.zeros((small_h, small_w, 3))
    for cells, amount in ((6, 40.0), (30, 20.0), (120, 10.0)):
        grain = rng.normal(0, amount, (max(2, cells * small_h // small_w), cells)).astype(
            np.float32
        )
        base += np.asarray(
            Image.fromarray(grain).resize((small_w, small_h), Image.Resampling.BICUBIC)
        )[:, :, None]
    image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8)).resize(
        (width, height), Image.Resampling.BICUBIC
    )
    draw = ImageDraw.Draw(image)
    shapes = random.Random(seed)
    for _ in range(12):
        x, y, side = shapes.randrange(width), shapes.randrange(height), shapes.randrange(200, 1400)
        colour = tuple(int(v) for v in rng.uniform(30, 200, 3))
        box = (x, y, x + side, y + side * shapes.uniform(0.4, 1.2))
        (draw.ellipse if shapes.random() < 0.6 else draw.rectangle)(box, fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(4))
    noisy = np.asarray(image).astype(np.int16) + rng.normal(0, 6, (height, width, 3)).astype(
        np.int16
    )
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def seed_screenshots(scale: float = 1.0) -> dict[str, Any]:
    """Every kind of seed screenshot above, by file name."""
    english, chinese = "english", "chinese_simplified"
    return {
        "seed_en_light.png": seed_screen(phrase(english, 12, 1), scale=scale),
        "seed_en_dark_24.png": seed_screen(phrase(english, 24, 2), dark=True, scale=scale),
        "seed_en_glued.png": seed_screen(phrase(english, 12, 5), glued=True, scale=scale),
        "seed_en_down.png": seed_screen(
            phrase(english, 12, 6), dark=True, columns=2, down=True, scale=scale
        ),
        "seed_en_no_5.png": seed_screen(phrase(english, 12, 7), missing_number=5, scale=scale),
        "seed_zh_light.png": seed_screen(phrase(chinese, 12, 3), scale=scale),
        "seed_zh_dark.png": seed_screen(phrase(chinese, 12, 4), dark=True, scale=scale),
        "seed_zh_yi.png": seed_screen(phrase_with_yi(8), scale=scale),
        "chat_en.png": chat_screen(" ".join(phrase(english, 12, 9)), scale=scale),
        "chat_en_dark.jpg": chat_screen(" ".join(phrase(english, 12, 10)), dark=True, scale=scale),
        "chat_zh.png": chat_screen(" ".join(phrase(chinese, 12, 11)), scale=scale),
    }


def other_screenshots(scale: float = 1.0) -> dict[str, Any]:
    return {
        "prose_en.png": prose_screen("en", scale=scale),
        "prose_zh_dark.png": prose_screen("zh", dark=True, scale=scale),
        "wordlist.png": wordlist_screen(scale=scale),
        "wordlist_dark.png": wordlist_screen(600, dark=True, scale=scale),
        "settings.png": settings_screen(scale=scale),
        "chat_plain.png": chat_screen("sure, see you at the station at seven", scale=scale),
    }


def save(image: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".jpg":
        image.save(path, quality=90)
    else:
        image.save(path)


def build(home: Path, photos: int = 40) -> dict[str, list[str]]:
    """A home with pictures: screenshots in Pictures/Screenshots, photos in
    Pictures/Camera and Downloads.  Returns the relative paths, "seed" and "other"."""
    made: dict[str, list[str]] = {"seed": [], "other": []}
    for kind, pictures in (("seed", seed_screenshots()), ("other", other_screenshots())):
        for name, image in pictures.items():
            relative = f"Pictures/Screenshots/{name}"
            save(image, home / relative)
            made[kind].append(relative)
    for number in range(photos):
        relative = f"{'Downloads' if number % 4 == 0 else 'Pictures/Camera'}/IMG_{number:04d}.jpg"
        save(photo(number), home / relative)
        made["other"].append(relative)
    return made
