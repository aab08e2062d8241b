"""Seed phrases in pictures (issue 21), read by the real OCR: screenshots the test draws
itself are found, prose, a word-list page and photos are not; the JSON never holds the
words; pictures already read are not read again; cancel; the topic in the window.

Needs the OCR extra (``pip install '.[ocr]'``) and the Noto CJK font; skipped without.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench import picture_home  # noqa: E402
from checks.scan.control import Cancelled, Control  # noqa: E402
from checks.scan.picture_memory import load_seen  # noqa: E402
from checks.scan.pictures import PictureScan, scan_pictures  # noqa: E402

if picture_home.font_path() is None:
    pytest.skip("the Noto CJK font is not installed (fonts-noto-cjk)", allow_module_level=True)

SEEDS = ("seed_en_light.png", "seed_zh_dark.png", "chat_en.png", "chat_zh.png")
OTHERS = ("prose_en.png", "prose_zh_dark.png", "wordlist.png")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("picture-home")
    drawn = {**picture_home.seed_screenshots(), **picture_home.other_screenshots()}
    for name in SEEDS + OTHERS:
        picture_home.save(drawn[name], home / "Pictures" / "Screenshots" / name)
    picture_home.save(picture_home.photo(1, (2016, 1512)), home / "Downloads" / "IMG_0001.jpg")
    picture_home.save(picture_home.photo(2, (2016, 1512)), home / "Pictures" / "IMG_0002.jpg")
    return home


@pytest.fixture(scope="module")
def scanned(home: Path) -> PictureScan:
    """One scan in two worker processes, shared by the tests that only look at it."""
    return scan_pictures(home, workers=2)


def test_seed_screenshots_are_found_and_nothing_else(home: Path, scanned: PictureScan) -> None:
    found = {picture.path.relative_to(home).as_posix() for picture in scanned.found}
    assert found == {f"Pictures/Screenshots/{name}" for name in SEEDS}
    assert {picture.kind for picture in scanned.found} == {"mnemonic"}
    assert (scanned.pictures, scanned.read, scanned.unreadable) == (9, 9, 0)


def test_pictures_read_before_are_not_read_again(home: Path, scanned: PictureScan) -> None:
    again = scan_pictures(home, seen=scanned.seen, workers=0)
    assert (again.read, again.remembered) == (0, 9)
    assert again.found == scanned.found  # still reported while the picture is there
    photo = home / "Downloads" / "IMG_0001.jpg"
    stat = photo.stat()
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    changed = scan_pictures(home, seen=again.seen, workers=0)
    assert (changed.read, changed.remembered) == (1, 8)


@pytest.mark.security
def test_the_json_names_the_picture_and_never_the_words(home: Path, tmp_path: Path) -> None:
    words = picture_home.phrase("english", 12, 1)  # seed_en_light.png
    (tmp_path / "Pictures").mkdir()
    for name in ("seed_en_light.png", "prose_en.png"):
        (tmp_path / "Pictures" / name).write_bytes(
            (home / "Pictures/Screenshots" / name).read_bytes()
        )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "scan", "--home", str(tmp_path), "--pictures", "--json"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert data["secret_pictures"] == [{"path": "Pictures/seed_en_light.png", "kind": "mnemonic"}]
    printed = set(re.findall(r"[a-z]+", (done.stdout + done.stderr).lower()))
    assert not printed & set(words), "a recognised word reached the output"


def test_a_cancel_stops_the_reading_and_the_workers(home: Path) -> None:
    control = Control()

    def progress(now: object) -> None:
        if getattr(now, "files_done", 0) >= 1:
            control.cancel()

    with pytest.raises(Cancelled):
        scan_pictures(home, control, progress, workers=2)
    assert multiprocessing.active_children() == []


def test_the_topic_offers_pictures_and_remembers_them(qtbot, make_ctx, home: Path) -> None:
    from ui import open_window, press

    from checks.checkup.flow import CheckupFlow
    from checks.scan.engine import ScanOptions

    pictures_only = home.parent / "topic-home"
    (pictures_only / "Pictures").mkdir(parents=True)
    seed = pictures_only / "Pictures" / "seed_zh_dark.png"
    seed.write_bytes((home / "Pictures/Screenshots/seed_zh_dark.png").read_bytes())
    ctx = make_ctx()
    win = open_window(qtbot, ctx, "zh_CN")
    flow = CheckupFlow.from_dict({"answers": {"wallets": ["imtoken"]}})
    flow.go_to("thief")
    win.checkup._open_wizard(flow)
    box = win.checkup.page.boxes["thief_scan"]
    box.options_factory = lambda: ScanOptions(home=pictures_only, system="linux", processes=list)
    box.picture_workers = 0
    assert box.pictures.isEnabled() and not box.pictures.isChecked()
    press(qtbot, box.pictures)
    assert box.pictures.isChecked()
    press(qtbot, box.start)
    qtbot.waitUntil(lambda: box.start.isEnabled() and bool(box.results.text()), timeout=120_000)
    assert "图片里有助记词：Pictures/seed_zh_dark.png" in box.results.text()
    assert "只在这里删除是不够的" in box.results.text()
    answer = win.checkup.page.flow.answers["thief_scan"]
    assert ["scan_seed_picture", "Pictures/seed_zh_dark.png"] in answer
    assert load_seen(ctx.store).found == {str(seed): (seed.stat().st_size, seed.stat().st_mtime_ns)}


def test_a_heic_photo_of_the_phrase_is_read(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif", reason="pillow-heif is not installed")
    pillow_heif.register_heif_opener()
    (tmp_path / "Pictures").mkdir()
    shot = picture_home.seed_screenshots()["seed_en_light.png"]
    shot.save(tmp_path / "Pictures" / "IMG_0042.HEIC", quality=90)
    scan = scan_pictures(tmp_path, workers=0)
    assert [p.path.name for p in scan.found] == ["IMG_0042.HEIC"]


@pytest.mark.security
def test_the_picture_scan_opens_no_internet_socket(home: Path, tmp_path: Path) -> None:
    from test_security_network import STRACE, traced

    if STRACE is None:
        pytest.skip("strace is not installed")
    pictures = tmp_path / "scan-home" / "Pictures"
    pictures.mkdir(parents=True)
    (pictures / "seed.png").write_bytes((home / "Pictures/Screenshots/chat_zh.png").read_bytes())
    code, lines = traced(
        ["scan", "--home", str(pictures.parent), "--pictures", "--json"],
        tmp_path / "data",
        tmp_path,
    )
    assert code == 1, lines[-5:]  # it ran, read the picture in its workers, and found the phrase
    internet = [line for line in lines if re.search(r"AF_INET6?\b", line)]
    assert internet == [], internet[:5]


def test_a_paused_scan_reads_nothing_until_resumed(home: Path, tmp_path: Path) -> None:
    import threading

    (tmp_path / "Pictures").mkdir()
    for name in ("IMG_0001.jpg",):
        (tmp_path / "Pictures" / name).write_bytes((home / "Downloads" / name).read_bytes())
    control = Control()
    control.pause()
    done: list[int] = []
    started = threading.Event()

    def progress(now: object) -> None:
        done.append(getattr(now, "files_done", -1))
        started.set()

    result: list[PictureScan] = []
    worker = threading.Thread(
        target=lambda: result.append(scan_pictures(tmp_path, control, progress, workers=0))
    )
    worker.start()
    assert started.wait(30)
    worker.join(2.0)  # paused: still waiting, nothing read (unpaused, one photo takes 0.2 s)
    assert worker.is_alive() and done == [0]
    control.resume()
    worker.join(120)
    assert done == [0, 1] and result[0].read == 1
