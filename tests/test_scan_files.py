"""The file scan (issue 20): every format and decoy, the walk's safety rules,
bad input, progress, pause and cancel."""

from __future__ import annotations

import itertools
import os
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from checks.scan import files as scan_files_module
from checks.scan.control import Cancelled, Control, Progress
from checks.scan.files import check_file, scan_files
from checks.scan.office import MEMBER_CAP
from checks.scan.seeds import secrets_in_text
from checks.scan.walk import MAX_DEPTH

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the bench's synthetic home builds the fixtures

from bench import scan_home  # noqa: E402

PLANTED = scan_home.planted_files()


def _write(root: Path, relative: str, data: bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _scan(root: Path, **kwargs: object) -> dict[str, list[str]]:
    result = scan_files(root, Control(), **kwargs)  # type: ignore[arg-type]
    found: dict[str, list[str]] = {}
    for item in result.found:
        found.setdefault(item.path.relative_to(root).as_posix(), []).append(item.kind)
    return found


@pytest.mark.parametrize("relative", sorted(PLANTED))
def test_every_format_is_read_and_every_decoy_is_left_alone(tmp_path: Path, relative: str) -> None:
    data, kind = PLANTED[relative]
    _write(tmp_path, relative, data)
    found = _scan(tmp_path)
    assert found == ({relative: [kind]} if kind else {})


def test_the_whole_planted_set_at_once_in_two_processes(tmp_path: Path) -> None:
    for relative, (data, _kind) in PLANTED.items():
        _write(tmp_path, relative, data)
    expected = {p.path: [p.kind] for p in scan_home.expected()}
    assert _scan(tmp_path, workers=2) == expected


def test_prose_in_both_languages_is_not_a_finding(tmp_path: Path) -> None:
    english = " ".join(scan_home.ENGLISH) * 200
    chinese = "".join(scan_home.CHINESE) * 200
    _write(tmp_path, "diary.txt", english.encode())
    _write(tmp_path, "日记.md", chinese.encode())
    _write(tmp_path, "日记-gbk.txt", chinese.encode("gb18030"))
    assert _scan(tmp_path) == {}


@pytest.mark.parametrize(
    ("line", "reported"),
    [
        ("TxID: {h}", False),
        ("交易哈希：{h}", False),
        ("Transaction hash: 0x{h}", False),
        ('"blockHash": "0x{h}"', False),
        ("{h}  electrum-4.5.tar.gz", False),
        ("https://etherscan.io/tx/0x{h}", False),
        ("private key: {h}", True),
        ("私钥：{h}", True),
        ("{h}", True),
        ("my wallet 0x{h}", True),
    ],
)
def test_a_64_hex_value_is_a_key_unless_labelled_as_a_hash(line: str, reported: bool) -> None:
    text = "notes\n" + line.format(h=scan_home.hex_key("label")) + "\n"
    assert secrets_in_text(text) == (["private_key"] if reported else [])


def test_a_table_column_named_txid_holds_hashes_and_one_named_key_holds_keys() -> None:
    h = [scan_home.hex_key(f"row{n}") for n in range(3)]
    assert secrets_in_text(f"date,TxID,amount\n2024-01-01,{h[0]},3\n2024-01-02,{h[1]},4\n") == []
    assert secrets_in_text(f"name;private key\nmain;{h[2]}\n") == ["private_key"]


def test_a_phrase_in_one_word_per_cell_or_a_numbered_column_is_found() -> None:
    words = scan_home.phrase("english", "cells").split()
    assert secrets_in_text("\t".join(words)) == ["mnemonic"]
    assert secrets_in_text("\n".join(f"{n}) {w}" for n, w in enumerate(words, 1))) == ["mnemonic"]
    assert secrets_in_text(" ".join(words[:11])) == []  # eleven words are not a phrase


def test_a_wordlist_excerpt_is_not_a_phrase_but_a_shuffled_phrase_is() -> None:
    wordlist = scan_home.wordlist("english").decode().split()
    assert secrets_in_text("\n".join(wordlist[:300])) == []
    assert secrets_in_text(" ".join(scan_home.phrase("english", "x", 24).split())) == ["mnemonic"]


def test_the_walk_skips_software_folders_links_loops_and_special_files(tmp_path: Path) -> None:
    seed = scan_home.phrase("english", "walk").encode()
    for folder in ("node_modules/pkg", ".git", "venv/lib", ".cache", "project/site-packages/x"):
        _write(tmp_path, f"{folder}/seed.txt", seed)
    _write(tmp_path, "env2/pyvenv.cfg", b"home = /usr/bin\n")
    _write(tmp_path, "env2/seed.txt", seed)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    _write(outside, "seed.txt", seed)
    (tmp_path / "link-out").symlink_to(outside, target_is_directory=True)
    (tmp_path / "loop").mkdir()
    (tmp_path / "loop" / "again").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "seed-link.txt").symlink_to(outside / "seed.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    deep = tmp_path.joinpath(*(["d"] * (MAX_DEPTH + 3)))
    _write(deep, "seed.txt", seed)
    _write(tmp_path, "Documents/ok.txt", b"nothing here")
    result = scan_files(tmp_path, Control())
    assert result.found == []
    assert result.files == 1
    assert result.walk.skipped_folders >= 6
    assert result.walk.skipped >= 4  # two links to folders, a link to a file, the FIFO, depth


def test_bad_input_is_counted_never_fatal(tmp_path: Path) -> None:
    _write(tmp_path, "broken.docx", b"PK\x03\x04 not really a zip")
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:t>a</w:t>" + b" " * (MEMBER_CAP + 10))
    _write(tmp_path, "latin.txt", bytes(range(128, 256)) * 50)
    _write(tmp_path, "binary.dat", b"\x00\x01\x02\xff" * 1000)
    _write(tmp_path, "photo.jpg", b"\xff\xd8\xff" + b"\x00" * 100)
    _write(tmp_path, "bad.rtf", b"{\\rtf1 " + b"{" * 500 + b"}")
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(scan_files_module.TEXT_CAP + 1)
    result = scan_files(tmp_path, Control())
    assert result.found == []
    assert result.unreadable == 2  # the broken zip and the zip bomb
    assert result.too_large == 1
    assert result.not_text >= 3  # binary, photo, the RTF too deep to be a document
    assert result.skipped == result.unreadable + result.too_large + result.walk.skipped


def test_progress_reports_files_done_and_the_current_folder(tmp_path: Path) -> None:
    for n in range(30):
        _write(tmp_path, f"Documents/f{n % 3}/note{n}.txt", b"hello " * 1000)
    seen: list[Progress] = []
    scan_files(tmp_path, Control(), seen.append)
    files = [p for p in seen if p.phase == "files"]
    assert files[-1].files_done == files[-1].files_total == 30
    assert files[-1].fraction == 1.0
    assert all(a.files_done <= b.files_done for a, b in itertools.pairwise(files))
    assert files[-1].folder.endswith(os.path.join("Documents", "f2"))


def test_cancel_stops_at_the_next_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(20):
        _write(tmp_path, f"n{n:02d}.txt", b"hello")
    control = Control()
    checked: list[Path] = []
    real = scan_files_module.check_file

    def counting(path: Path, extension: str, ctl: Control) -> object:
        checked.append(path)
        if len(checked) == 5:
            control.cancel()
        return real(path, extension, ctl)

    monkeypatch.setattr(scan_files_module, "check_file", counting)
    with pytest.raises(Cancelled):
        scan_files(tmp_path, control)
    assert len(checked) == 5


def test_cancel_is_honoured_between_slices_of_a_big_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"plain words here\n" * 400_000)  # about 7 MB, 7 slices
    control = Control()
    slices: list[int] = []
    real = scan_files_module.secrets_in_utf8

    def counting(data: bytes, header: str = "") -> list[str]:
        slices.append(len(data))
        control.cancel()
        return real(data, header)

    scan_files_module.secrets_in_utf8 = counting  # type: ignore[assignment]
    try:
        with pytest.raises(Cancelled):
            check_file(path, "txt", control)
    finally:
        scan_files_module.secrets_in_utf8 = real
    assert len(slices) == 1  # at most one 1 MB slice of work after the cancel


def test_pause_holds_the_scan_until_resumed(tmp_path: Path) -> None:
    for n in range(5):
        _write(tmp_path, f"n{n}.txt", b"hello")
    control = Control()
    control.pause()
    finished = threading.Event()

    def work() -> None:
        scan_files(tmp_path, control)
        finished.set()

    thread = threading.Thread(target=work)
    thread.start()
    assert not finished.wait(0.3)
    control.resume()
    assert finished.wait(10)
    thread.join()


def test_cancel_wakes_a_paused_scan() -> None:
    control = Control()
    control.pause()
    control.cancel()
    with pytest.raises(Cancelled):
        control.checkpoint()


def _worker_dies(check: object, batch: list[object]) -> list[object]:
    os._exit(3)  # a worker process that crashes


def test_a_worker_that_dies_leaves_the_rest_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checks.scan import parallel

    for relative in ("Documents/notes/wallet.txt", "Documents/keys/wif.txt"):
        _write(tmp_path, relative, PLANTED[relative][0])
    for n in range(10):
        _write(tmp_path, f"other/n{n}.txt", b"hello")
    monkeypatch.setattr(parallel, "_check_batch", _worker_dies)
    monkeypatch.setattr(parallel, "BATCH_FILES", 2)
    found = _scan(tmp_path, workers=2)
    assert found == {"Documents/notes/wallet.txt": ["mnemonic"], "Documents/keys/wif.txt": ["wif"]}
