"""Seed phrases in screenshots and photos (issue 21): which picture — never what it shows.

Looks in the folders where pictures of a phrase end up: the picture,
screenshot, download and desktop folders (macOS saves screenshots on the
desktop; Linux may name them in the user's language, see
``~/.config/user-dirs.dirs``) and the chat apps' folders of received files.
Each picture is read by :mod:`checks.scan.ocr` in worker processes (one core
each; only "phrase or not" comes back) and checked by
:mod:`checks.scan.picture_text`.  Pictures already read by an earlier scan
and unchanged since are not read again (:mod:`checks.scan.picture_memory`).

Needs the OCR extra; without it :func:`checks.scan.ocr.ocr_available` is
False and the caller says how to add it (:data:`NEEDS_OCR`).
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, Literal

from checks.i18n import N_
from checks.scan import ocr
from checks.scan.control import Cancelled, Control, Progress
from checks.scan.parallel import lower_priority, worker_context
from checks.scan.picture_memory import SeenPictures
from checks.scan.picture_text import holds_seed
from checks.scan.walk import WalkCounts, walk

NEEDS_OCR = N_(
    "Looking for seed phrases in pictures needs the optional OCR part, which is not"
    " installed. To add it, run: pip install 'wallet-checkup[ocr]'"
)

#: Folders under the home, for every system (missing ones are passed over).
_HOME_FOLDERS = (
    "Pictures", "Desktop", "Downloads",
    "OneDrive/Pictures", "OneDrive/Desktop", "iCloud Drive",
    "Documents/WeChat Files",  # WeChat for Windows: FileStorage/File holds received files
    "Documents/Tencent Files",  # QQ for Windows: received pictures
)  # fmt: skip
_XDG_NAMES = ("XDG_PICTURES_DIR", "XDG_DESKTOP_DIR", "XDG_DOWNLOAD_DIR")
_XDG_LINE = re.compile(r'^(XDG_[A-Z]+_DIR)="\$HOME/([^"]+)"', re.MULTILINE)

Verdict = Literal["phrase", "none", "unread"]


class OcrMissing(RuntimeError):
    """The OCR extra is not installed (the message: :data:`NEEDS_OCR`)."""


@dataclass(frozen=True)
class SecretPicture:
    path: Path
    kind: Literal["mnemonic"] = "mnemonic"


@dataclass(frozen=True)
class PictureEntry:
    path: Path
    size: int
    mtime_ns: int


@dataclass
class PictureScan:
    found: list[SecretPicture] = field(default_factory=list)
    pictures: int = 0  # pictures in the folders
    read: int = 0  # read now
    remembered: int = 0  # unchanged since an earlier scan: not read again
    unreadable: int = 0
    seconds: float = 0.0
    seen: SeenPictures = field(default_factory=SeenPictures)  # to keep for the next scan


def picture_folders(home: Path) -> list[Path]:
    """The folders to look in, outermost only (Pictures/Screenshots is in Pictures)."""
    names = list(_HOME_FOLDERS)
    try:
        dirs = (home / ".config" / "user-dirs.dirs").read_text(encoding="utf-8")
        names += [rel for key, rel in _XDG_LINE.findall(dirs) if key in _XDG_NAMES]
    except (OSError, UnicodeDecodeError):
        pass
    folders: list[Path] = []
    for folder in sorted({home / name for name in names}, key=lambda p: (len(p.parts), str(p))):
        if folder.is_dir() and not any(folder.is_relative_to(outer) for outer in folders):
            folders.append(folder)
    return folders


def find_pictures(folders: list[Path], counts: WalkCounts) -> Iterator[PictureEntry]:
    """Picture files large enough to hold a readable phrase (software folders left out)."""
    for folder in folders:
        for entry in walk(folder, counts):
            if entry.path.suffix.lower() in ocr.PICTURE_SUFFIXES and entry.size >= ocr.MIN_BYTES:
                try:
                    mtime_ns = entry.path.stat(follow_symlinks=False).st_mtime_ns
                except OSError:
                    counts.skipped += 1
                    continue
                yield PictureEntry(entry.path, entry.size, mtime_ns)


def scan_pictures(
    home: Path,
    control: Control | None = None,
    progress: Callable[[Progress], None] = lambda progress: None,
    seen: SeenPictures | None = None,
    workers: int = 2,
    folders: list[Path] | None = None,
    gentle: bool = False,
) -> PictureScan:
    """Read the pictures; raises :class:`Cancelled` when cancelled.

    ``workers`` processes read pictures side by side; 0 reads them in this
    process (tests, and the frozen app, which cannot start workers); ``gentle``
    lowers their priority (the window's scan).
    """
    if not ocr.ocr_available():
        raise OcrMissing(NEEDS_OCR)
    control = control or Control()
    started = time.monotonic()
    seen = seen or SeenPictures()
    scan = PictureScan()
    counts = WalkCounts()
    entries = list(find_pictures(picture_folders(home) if folders is None else folders, counts))
    scan.pictures = len(entries)
    scan.unreadable = counts.skipped
    to_read: list[PictureEntry] = []
    for entry in entries:
        known = seen.knows(str(entry.path), entry.size, entry.mtime_ns)
        if known is None:
            to_read.append(entry)
            continue
        scan.remembered += 1
        scan.seen.remember(str(entry.path), entry.size, entry.mtime_ns, known)
        if known:
            scan.found.append(SecretPicture(entry.path))

    def report(done: int, folder: str) -> None:
        total = len(to_read)
        progress(Progress("pictures", done, total, done, total, folder, time.monotonic() - started))

    report(0, "")
    verdicts = (
        _read_in_processes(to_read, control, workers, gentle)
        if workers > 0
        else _read_here(to_read, control, 0)
    )
    for done, (entry, verdict) in enumerate(verdicts, start=1):
        if verdict == "unread":
            scan.unreadable += 1
        else:
            scan.read += 1
            scan.seen.remember(str(entry.path), entry.size, entry.mtime_ns, verdict == "phrase")
            if verdict == "phrase":
                scan.found.append(SecretPicture(entry.path))
        report(done, str(entry.path.parent))
    scan.found.sort(key=lambda picture: str(picture.path))
    scan.seconds = round(time.monotonic() - started, 3)
    return scan


# --- reading, here or in worker processes -------------------------------------------

_reader: Any = None


def read_picture(path: str) -> Verdict:
    """Whether the picture holds a phrase: the only thing that leaves a worker."""
    global _reader
    if _reader is None:
        _reader = ocr.Reader()
    try:
        text = _reader.read(Path(path))
    except Exception:  # a broken file must not end the scan, whatever the decoder raises
        return "unread"
    if text.outcome == "not_a_picture":
        return "unread"
    return "phrase" if holds_seed(text.boxes) else "none"


def _read_here(
    entries: list[PictureEntry], control: Control, workers: int
) -> Iterator[tuple[PictureEntry, Verdict]]:
    for entry in entries:
        control.checkpoint()
        yield entry, read_picture(str(entry.path))


def _read_in_processes(
    entries: list[PictureEntry], control: Control, workers: int, gentle: bool = False
) -> Iterator[tuple[PictureEntry, Verdict]]:
    """In order of completion; at most two pictures per worker handed out, so a pause
    stops the reading within a picture or two.  A cancel ends the workers at once.
    Workers that cannot start leave the pictures to this process."""
    if not entries:
        return
    queue = list(reversed(entries))
    try:
        pool = worker_context().Pool(min(workers, len(entries)), lower_priority if gentle else None)
    except (OSError, ValueError, NotImplementedError):
        yield from _read_here(entries, control, 0)
        return
    pending: list[tuple[PictureEntry, AsyncResult[Verdict]]] = []
    try:
        while queue or pending:
            control.checkpoint()
            while queue and len(pending) < 2 * workers and not control.paused:
                entry = queue.pop()
                pending.append((entry, pool.apply_async(read_picture, (str(entry.path),))))
            ready = [item for item in pending if item[1].ready()]
            if not ready:
                if pending:
                    pending[0][1].wait(0.1)
                else:
                    time.sleep(0.1)  # paused with nothing in hand
                continue
            for item in ready:
                pending.remove(item)
                yield item[0], item[1].get()
    except (Cancelled, GeneratorExit):
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def default_workers() -> int:
    """Worker processes for the picture scan: each takes a core and ~400 MB (the engine),
    so at most 3; none in the frozen app, which cannot start them."""
    return 0 if getattr(sys, "frozen", False) else max(1, min(3, os.cpu_count() or 1))
