"""The checkup topic "What a thief would find on this computer" in the real window,
by keyboard, in both languages; pause, cancel; the clipboard test with a fake hijacker."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ui import open_window, press

from PySide6.QtGui import QGuiApplication

from checks.checkup.flow import CheckupFlow
from checks.scan.engine import ScanOptions
from desktop.checkup.scan_box import ScanBox
from desktop.i18n import tr

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench import scan_home  # noqa: E402

TITLES = {
    "en": ("A seed phrase is saved in a file: Documents/notes/wallet.txt", "Done:"),
    "zh_CN": ("文件里存有助记词：Documents/notes/wallet.txt", "完成："),
}


def _planted(home: Path) -> None:
    for relative, (data, _kind) in scan_home.planted_files().items():
        path = home / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _scan_page(qtbot, make_ctx, language: str, home: Path) -> tuple[object, ScanBox]:
    win = open_window(qtbot, make_ctx(), language)
    flow = CheckupFlow.from_dict({"answers": {"wallets": ["metamask"]}})
    flow.go_to("thief")
    win.checkup._open_wizard(flow)
    box = win.checkup.page.boxes["thief_scan"]
    assert isinstance(box, ScanBox)
    box.options_factory = lambda: ScanOptions(home=home, system="linux", processes=lambda: [])
    return win, box


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_scan_runs_from_the_keyboard_and_keeps_only_paths_and_kinds(
    qtbot, make_ctx, tmp_path: Path, language: str
) -> None:
    _planted(tmp_path)
    win, box = _scan_page(qtbot, make_ctx, language, tmp_path)
    press(qtbot, box.start)
    qtbot.waitUntil(lambda: box.start.isEnabled() and bool(box.results.text()), timeout=60_000)
    title, done = TITLES[language]
    assert title in box.results.text().replace("&amp;", "&")
    assert box.status.text().startswith(done)
    answer = win.checkup.page.flow.answers["thief_scan"]
    assert ["scan_seed_file", "Documents/notes/wallet.txt"] in answer
    assert {kind for kind, _detail in answer} == {"scan_seed_file", "scan_key_file"}
    for secret in scan_home.planted_secrets():  # what is kept holds no secret
        assert secret.split()[0] not in str(answer) or len(secret.split()[0]) < 4


def test_pause_and_cancel(qtbot, make_ctx, tmp_path: Path) -> None:
    for n in range(400):
        folder = tmp_path / f"f{n % 20}"
        folder.mkdir(exist_ok=True)
        (folder / f"n{n}.txt").write_text("plain words " * 20_000, encoding="utf-8")
    _win, box = _scan_page(qtbot, make_ctx, "en", tmp_path)
    press(qtbot, box.start)
    assert box.pause.isEnabled() and box.cancel.isEnabled()
    press(qtbot, box.pause)
    assert box.pause.text() == "Resume" and box.control.paused
    press(qtbot, box.pause)
    assert box.pause.text() == "Pause" and not box.control.paused
    press(qtbot, box.cancel)
    qtbot.waitUntil(lambda: box.start.isEnabled(), timeout=30_000)
    assert box.status.text() == "Scan cancelled. Nothing was kept."
    assert "thief_scan" not in _win.checkup.page.flow.answers


def test_the_clipboard_test_catches_a_fake_hijacker_and_restores_the_clipboard(
    qtbot, make_ctx, tmp_path: Path
) -> None:
    _win, box = _scan_page(qtbot, make_ctx, "en", tmp_path)
    box.clipboard_wait_ms = 20
    board = QGuiApplication.clipboard()
    board.setText("my shopping list")
    thief = "0x" + "ab" * 20

    def hijack() -> None:  # a fake hijacker: swaps any EVM address for its own
        if board.text().startswith("0x") and board.text() != thief:
            board.setText(thief)

    board.dataChanged.connect(hijack)
    try:
        press(qtbot, box.clipboard)
        qtbot.waitUntil(lambda: box.clipboard.isEnabled(), timeout=10_000)
    finally:
        board.dataChanged.disconnect(hijack)
    assert box.clipboard_status.text().startswith("A program swapped the copied address")
    assert board.text() == "my shopping list"
    assert tr("A program swapped the copied address: {detail}").split(":")[0] in box.results.text()
    answer = _win.checkup.page.flow.answers["thief_scan"]
    assert answer[0][0] == "scan_clipboard_hijacked"


def test_a_quiet_clipboard_is_clean(qtbot, make_ctx, tmp_path: Path) -> None:
    _win, box = _scan_page(qtbot, make_ctx, "en", tmp_path)
    box.clipboard_wait_ms = 10
    QGuiApplication.clipboard().setText("before")
    press(qtbot, box.clipboard)
    qtbot.waitUntil(lambda: box.clipboard.isEnabled(), timeout=10_000)
    assert "no sign of a clipboard hijacker" in box.clipboard_status.text()
    assert QGuiApplication.clipboard().text() == "before"
