"""Seed phrases in pictures (issue 21), the parts that need no OCR: text read from a
picture → phrase or not (what OCR does to real screenshots), the memory of pictures
already read, the folders looked in, and the message when the OCR extra is missing.

The pictures themselves are read in tests/test_scan_pictures_ocr.py (needs the extra).
"""

from __future__ import annotations

import random
from datetime import datetime, timezone
from pathlib import Path

import pytest
from mnemonic import Mnemonic

from checks.scan import ocr, pictures
from checks.scan.picture_memory import READING, SeenPictures, load_seen, save_seen
from checks.scan.picture_text import TextBox, holds_seed

ENGLISH = Mnemonic("english")
CHINESE = Mnemonic("chinese_simplified")


def phrase(language: Mnemonic, seed: int, words: int = 12) -> list[str]:
    rng = random.Random(seed)
    entropy = bytes(rng.randrange(256) for _ in range(words * 4 // 3))
    return language.to_mnemonic(entropy).replace("\u3000", " ").split(" ")


def grid(cells: list[str], columns: int = 3, down: bool = False, top: float = 480) -> list[TextBox]:
    """What the OCR gives for a numbered grid: one box per cell text, row by row
    (or column by column with ``down``); a cell is "number word" or one of them."""
    rows = -(-len(cells) // columns)
    boxes = []
    for k, text in enumerate(cells):
        row, column = (k % rows, k // rows) if down else divmod(k, columns)
        x, y = 100 + column * 350, top + row * 150
        boxes.append(TextBox(x, y, x + 30 * len(text), y + 50, text))
    return boxes


def header(chinese: bool = False) -> list[TextBox]:
    if chinese:
        return [TextBox(60, 200, 400, 270, "备份助记词"),
                TextBox(60, 320, 900, 370, "请按顺序抄写下面的助记词，并妥善保管。")]  # fmt: skip
    return [
        TextBox(60, 30, 160, 80, "9:41"),
        TextBox(60, 200, 1000, 270, "Back up your secret recovery phrase"),
        TextBox(
            60, 320, 1100, 370, "Write down these words in the right order and keep them safe."
        ),
    ]


def lines(*texts: str, left: float = 80, top: float = 400) -> list[TextBox]:
    return [TextBox(left, top + 70 * k, left + 25 * len(t), top + 70 * k + 50, t)
            for k, t in enumerate(texts)]  # fmt: skip


# --- found ------------------------------------------------------------------------------


@pytest.mark.parametrize("words", [12, 24])
def test_a_numbered_grid_is_found(words: int) -> None:
    seed = phrase(ENGLISH, words, words)
    assert holds_seed(header() + grid([f"{n} {w}" for n, w in enumerate(seed, 1)]))


def test_numbers_the_ocr_did_not_see_or_read_apart_do_not_matter() -> None:
    seed = phrase(ENGLISH, 3)
    cells = [w if n in (1, 7) else f"{n}" for n, w in enumerate(seed, 1)]  # "1", "7" lost
    boxes = grid(cells)
    words = zip(boxes, seed, strict=True)
    boxes += [TextBox(b.x0 + 60, b.y0, b.x1 + 200, b.y1, w) for b, w in words if b.text.isdigit()]
    assert holds_seed(header() + boxes)


def test_numbers_glued_to_words_and_read_as_letters() -> None:
    seed = phrase(ENGLISH, 4)
    cells = [f"{n}{w}" for n, w in enumerate(seed, 1)]  # "7worth"
    cells[8] = "g" + seed[8]  # "9season" read as "gseason"
    cells[0] = "l " + seed[0]  # "1" read as "l"
    assert holds_seed(grid(cells))


def test_a_grid_numbered_down_the_columns() -> None:
    seed = phrase(ENGLISH, 5)
    cells = [f"{n} {w}" for n, w in enumerate(seed, 1)]
    cells[0], cells[6] = seed[0], seed[6]  # and two numbers lost
    assert holds_seed(header() + grid(cells, columns=2, down=True))


def test_one_number_missing_in_a_grid_numbered_down() -> None:
    seed = phrase(ENGLISH, 6)
    cells = [f"{n} {w}" for n, w in enumerate(seed, 1)]
    cells[4] = seed[4]
    assert holds_seed(grid(cells, columns=2, down=True))


def test_a_chat_bubble_that_breaks_words_at_the_line_end() -> None:
    seed = phrase(ENGLISH, 7)
    text = " ".join(seed)
    cut = [text[k : k + 26] for k in range(0, len(text), 26)]  # "… depa" / "rt walk …"
    assert any(not piece.endswith(" ") and not piece.startswith(" ") for piece in cut)
    boxes = lines("hey can you check my wallet", left=60, top=340)
    boxes += lines(*[piece.strip() for piece in cut], left=400, top=500)
    boxes += lines("ok got it, thanks", left=60, top=1000)
    assert holds_seed(boxes)


def test_a_chinese_grid_light_and_with_characters_glued_to_numbers() -> None:
    seed = phrase(CHINESE, 8)
    assert holds_seed(header(True) + grid([f"{n} {w}" for n, w in enumerate(seed, 1)]))
    assert holds_seed(header(True) + grid([f"{n}{w}" for n, w in enumerate(seed, 1)]))


def _with_yi(seed: int) -> list[str]:
    words = phrase(CHINESE, seed)
    words[4] = "一"
    words[11] = next(c for c in CHINESE.wordlist if CHINESE.check(" ".join([*words[:11], c])))
    return words


@pytest.mark.parametrize("reading", ["—", "-", "", None])
def test_yi_read_as_a_dash_or_not_at_all(reading: str | None) -> None:
    seed = _with_yi(9)
    cells = [f"{n} {w}" for n, w in enumerate(seed, 1)]
    if reading is None:  # the whole cell "5 一" was not found
        boxes = [box for k, box in enumerate(grid(cells)) if k != 4]
    else:
        cells[4] = f"5 {reading}".strip()
        boxes = grid(cells)
    assert holds_seed(header(True) + boxes)


def test_a_chinese_phrase_written_together_in_a_bubble() -> None:
    text = "".join(phrase(CHINESE, 10))
    assert holds_seed(lines("在吗？帮我看看钱包") + lines(text[:10], text[10:], top=600))


def test_other_wordlists_read_with_or_without_accents() -> None:
    import unicodedata

    seed = Mnemonic("spanish").generate(128).split()
    assert holds_seed(grid([f"{n}. {w}" for n, w in enumerate(seed, 1)]))
    folded = [unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in seed]
    assert holds_seed(grid([f"{n}. {w}" for n, w in enumerate(folded, 1)]))


# --- not found --------------------------------------------------------------------------


def test_twelve_words_with_a_wrong_checksum_are_not_a_phrase() -> None:
    seed = phrase(ENGLISH, 11)
    for other in ENGLISH.wordlist:
        if not ENGLISH.check(" ".join([*seed[:11], other])):
            seed[11] = other
            break
    assert not holds_seed(grid([f"{n} {w}" for n, w in enumerate(seed, 1)]))


def test_pages_of_the_word_list_are_not_a_phrase() -> None:
    words = ENGLISH.wordlist
    numbered = [f"{k + 1}. {words[k]}" for k in range(60)]
    assert not holds_seed(header() + grid(numbered, columns=2, down=True))
    assert not holds_seed(grid([f"{k + 601}. {words[k + 600]}" for k in range(60)], columns=2))
    plain = [words[k] for k in range(0, 120, 2)]  # no numbers, three columns down
    assert not holds_seed(grid(plain, columns=3, down=True))
    chinese = [f"{k + 1} {CHINESE.wordlist[k]}" for k in range(48)]
    assert not holds_seed(grid(chinese, columns=4))


def test_prose_in_both_languages_is_not_a_phrase() -> None:
    english = (
        "Bitcoin is a digital currency that works without a central bank. People send it to",
        "each other through wallet software. To keep your funds safe, never share your recovery",
        "phrase with anyone and never keep it as a screenshot. Many people lost their coins after",
        "their photo library was synced to the cloud and the account was broken into. If you see",
        "a transfer you did not make, move what is left to a new wallet right away.",
    )
    chinese = (
        "比特币是一种去中心化的数字货币，不依赖任何中央银行。用户可以通过钱包软件直接",
        "发送和接收比特币。为了保护资产安全，请不要把助记词告诉任何人，也不要截图保存。",
        "很多人因为把助记词存在相册里，手机同步到云端以后被盗。如果你发现自己的钱包有异常",
        "转账，应该立刻把剩余资产转到新钱包。我们的生活中有很多事情需要注意安全问题。",
    )
    assert not holds_seed(lines(*english))
    assert not holds_seed(lines(*chinese))


def test_nothing_and_little_text_are_not_a_phrase() -> None:
    assert not holds_seed([])
    assert not holds_seed(lines("Settings", "Wi-Fi", "Bluetooth", "General", "Battery"))


# --- memory -----------------------------------------------------------------------------


class FakeStore:
    def __init__(self) -> None:
        self.drafts: dict[str, object] = {}

    def get_draft(self, name: str) -> object | None:
        return self.drafts.get(name)

    def put_draft(self, name: str, value: object, now: datetime) -> None:
        self.drafts[name] = value


def test_the_memory_knows_pictures_by_path_size_and_time_and_keeps_no_content() -> None:
    seen = SeenPictures()
    seen.remember("/home/a/Pictures/x.png", 1000, 5, holds_phrase=False)
    seen.remember("/home/a/Pictures/seed.png", 2000, 6, holds_phrase=True)
    store = FakeStore()
    save_seen(store, seen, datetime(2026, 1, 1, tzinfo=timezone.utc))
    again = load_seen(store)
    assert again.knows("/home/a/Pictures/x.png", 1000, 5) is False
    assert again.knows("/home/a/Pictures/seed.png", 2000, 6) is True
    assert again.knows("/home/a/Pictures/x.png", 1000, 7) is None  # changed since
    assert again.knows("/home/a/Pictures/y.png", 1000, 5) is None
    assert "x.png" not in str(store.drafts)  # a picture without a phrase: a digest only


@pytest.mark.parametrize(
    "payload",
    [None, "junk", {"reading": "older"}, {"reading": READING, "clean": "%%%", "found": []},
     {"reading": READING, "clean": "", "found": [["p", "x", 1]]}],
)  # fmt: skip
def test_a_missing_older_or_damaged_memory_starts_afresh(payload: object) -> None:
    seen = SeenPictures.from_payload(payload)
    assert not seen.clean and not seen.found


# --- where to look, and without the extra -----------------------------------------------


def test_the_folders_looked_in(tmp_path: Path) -> None:
    for name in ("Pictures/Screenshots", "Desktop", "Downloads", "图片", "Documents/WeChat Files"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / ".config").mkdir()
    (tmp_path / ".config/user-dirs.dirs").write_text(
        'XDG_PICTURES_DIR="$HOME/图片"\nXDG_MUSIC_DIR="$HOME/Music"\n', encoding="utf-8"
    )
    found = pictures.picture_folders(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "Desktop", "Downloads", "Pictures", "图片", "Documents/WeChat Files",
    ]  # fmt: skip


def test_only_pictures_large_enough_are_listed(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"x" * ocr.MIN_BYTES)
    (tmp_path / "b.JPG").write_bytes(b"x" * ocr.MIN_BYTES)
    (tmp_path / "icon.png").write_bytes(b"x" * 100)
    (tmp_path / "notes.txt").write_bytes(b"x" * ocr.MIN_BYTES)
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules/c.png").write_bytes(b"x" * ocr.MIN_BYTES)
    listed = pictures.find_pictures([tmp_path], pictures.WalkCounts())
    assert sorted(entry.path.name for entry in listed) == ["a.png", "b.JPG"]


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "pip install 'wallet-checkup[ocr]'"), ("zh_CN", "pip install 'wallet-checkup[ocr]'")],
)
def test_without_the_extra_the_command_says_how_to_add_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    language: str, words: str,
) -> None:  # fmt: skip
    from desktop.cli import main

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    code = main(["scan", "--home", str(tmp_path), "--pictures", "--lang", language])
    err = capsys.readouterr().err
    assert code == 2
    assert words in err and "Traceback" not in err
    if language == "zh_CN":
        assert "图片" in err and "OCR" in err
    with pytest.raises(pictures.OcrMissing):
        pictures.scan_pictures(tmp_path, workers=0)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "needs the optional OCR part"), ("zh_CN", "需要可选的 OCR（文字识别）组件")],
)
def test_without_the_extra_the_topic_offers_no_picture_scan_and_says_how_to_add_it(
    qtbot, make_ctx, monkeypatch: pytest.MonkeyPatch, language: str, expected: str
) -> None:
    from ui import open_window

    from checks.checkup.flow import CheckupFlow

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    win = open_window(qtbot, make_ctx(), language)
    flow = CheckupFlow.from_dict({"answers": {"wallets": ["metamask"]}})
    flow.go_to("thief")
    win.checkup._open_wizard(flow)
    box = win.checkup.page.boxes["thief_scan"]
    assert not box.pictures.isEnabled() and not box.pictures.isChecked()
    assert expected in box.pictures_note.text()
    assert "pip install 'wallet-checkup[ocr]'" in box.pictures_note.text()


def test_a_phrase_set_apart_after_a_random_looking_chinese_line_is_found() -> None:
    """The file scan's checker (which reads the pictures' text too) joins its Chinese
    candidates; a phrase set apart must keep its first character after the join."""
    from checks.scan.seeds import secrets_in_text

    seed = phrase(CHINESE, 8)
    numbered = " ".join(f"{n} {w}" for n, w in enumerate(seed, 1))
    assert secrets_in_text(numbered) == ["mnemonic"]
    assert secrets_in_text(f"请按顺序抄写下面的助记词并妥善保管\n{numbered}") == ["mnemonic"]
