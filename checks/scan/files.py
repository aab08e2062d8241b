"""Look for secrets in the user's own files: which file, which kind — never the secret.

A file is read in 1 MB slices that overlap by 4 KB (a phrase is far
shorter), so memory stays flat whatever the file's size and a cancel is
honoured between slices.  Plain text in UTF-8 is checked as it is read;
other encodings, RTF and office documents are converted to UTF-8 first
(:mod:`checks.scan.text`, :mod:`checks.scan.office`).
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from checks.scan.control import Control, Progress
from checks.scan.office import EXTENSIONS as OFFICE_EXTENSIONS
from checks.scan.office import DocumentError, office_to_utf8
from checks.scan.parallel import check_in_processes
from checks.scan.seeds import secrets_in_utf8
from checks.scan.text import rtf_to_utf8, to_utf8
from checks.scan.walk import FileEntry, WalkCounts, walk
from checks.secrets import SecretKind

SLICE = 1 << 20
OVERLAP = 4096
TEXT_CAP = 20 * 1024 * 1024  # a bigger "text" file is data or a log, not a note
DOCUMENT_CAP = 64 * 1024 * 1024

#: Never text: pictures, audio, video, archives, programs, disk images, databases.
BINARY_EXTENSIONS = frozenset(
    """
    jpg jpeg png gif bmp webp heic heif tif tiff ico icns psd raw cr2 nef dng svgz
    mp3 m4a aac flac wav ogg opus wma mp4 m4v mov avi mkv webm wmv flv 3gp
    zip 7z rar gz tgz bz2 xz zst lz4 tar cab iso img dmg vhd vhdx vmdk qcow2 apk ipa deb rpm
    msi exe dll so dylib bin o a lib class jar pyc pyd wasm node
    pdf doc xls ppt pptx odp key pages numbers epub mobi azw3
    ttf otf woff woff2 eot sqlite sqlite3 db mdb accdb realm ldb pack idx
    """.split()
)


@dataclass(frozen=True)
class SecretFile:
    path: Path
    kind: SecretKind


@dataclass
class FileScan:
    """What the file scan found, and what it read and could not read."""

    found: list[SecretFile] = field(default_factory=list)
    files: int = 0  # files whose text was checked
    bytes: int = 0  # bytes of them read
    not_text: int = 0  # pictures, programs, archives … (not read)
    too_large: int = 0
    unreadable: int = 0  # permission errors, broken documents, vanished files
    walk: WalkCounts = field(default_factory=WalkCounts)

    @property
    def skipped(self) -> int:
        return self.too_large + self.unreadable + self.walk.skipped

    def add(self, entry: FileEntry, outcome: Outcome) -> None:
        if outcome == "not_text":
            self.not_text += 1
        elif outcome == "too_large":
            self.too_large += 1
        elif outcome == "unreadable":
            self.unreadable += 1
        elif isinstance(outcome, list):
            self.files += 1
            self.bytes += entry.size
            self.found += (SecretFile(entry.path, kind) for kind in outcome)


def scan_files(
    root: Path,
    control: Control,
    progress: Callable[[Progress], None] = lambda progress: None,
    workers: int = 1,
    gentle: bool = False,
) -> FileScan:
    """Every secret in the files under ``root``.  Raises Cancelled (see control).

    ``workers`` > 1 checks files in that many processes (see
    :mod:`checks.scan.parallel`); the walk, the counting and the progress stay here.
    """
    result = FileScan()
    started = time.monotonic()
    folder = [str(root)]
    entries: list[FileEntry] = []
    last_report = 0.0

    def report(phase: str, done: int, total: int, done_bytes: int, total_bytes: int) -> None:
        nonlocal last_report
        now = time.monotonic()
        if now - last_report >= 0.1 or done == total:
            last_report = now
            progress(
                Progress(phase, done, total, done_bytes, total_bytes, folder[0], now - started)
            )

    def on_folder(path: Path) -> None:
        folder[0] = str(path)
        control.checkpoint()
        report("counting", len(entries), 0, 0, 0)

    for entry in walk(root, result.walk, on_folder):
        entries.append(entry)
    total_bytes = sum(readable_size(entry) for entry in entries)
    done_bytes = 0
    outcomes: Iterable[tuple[FileEntry, Outcome]]
    if workers > 1 and len(entries) > 1:
        outcomes = check_in_processes(entries, check_entry, readable_size, control, workers, gentle)
    else:
        outcomes = ((entry, check_entry(entry, control)) for entry in entries)
    for number, (entry, outcome) in enumerate(outcomes, start=1):
        folder[0] = str(entry.path.parent)
        result.add(entry, outcome)
        done_bytes += readable_size(entry)
        report("files", number, len(entries), done_bytes, total_bytes)
        control.checkpoint()
    return result


#: What checking one file gave: the kinds found, or why it was not read.
Outcome = list[SecretKind] | Literal["not_text", "too_large", "unreadable"]


def _extension(path: Path) -> str:
    return path.suffix[1:].lower()


def readable_size(entry: FileEntry) -> int:
    """The bytes this file will cost to check (0 when it is not read)."""
    extension = _extension(entry.path)
    if extension in BINARY_EXTENSIONS:
        return 0
    cap = DOCUMENT_CAP if extension in OFFICE_EXTENSIONS else TEXT_CAP
    return entry.size if entry.size <= cap else 0


def check_entry(entry: FileEntry, control: Control) -> Outcome:
    extension = _extension(entry.path)
    if extension in BINARY_EXTENSIONS:
        return "not_text"
    if entry.size > (DOCUMENT_CAP if extension in OFFICE_EXTENSIONS else TEXT_CAP):
        return "too_large"
    try:
        kinds = check_file(entry.path, extension, control)
    except (OSError, DocumentError):
        return "unreadable"
    return "not_text" if kinds is None else kinds


def check_file(path: Path, extension: str, control: Control) -> list[SecretKind] | None:
    """The kinds of secret in one file; None when it is not text."""
    with open(path, "rb", buffering=0, opener=_open_nonblocking) as handle:
        first = handle.read(SLICE)
        if extension in OFFICE_EXTENSIONS or first.startswith((b"PK\x03\x04", b"{\\rtf")):
            text = _convert(first + handle.read(DOCUMENT_CAP), extension)
            return None if text is None else _check_slices(_slices_of(text), control)
        utf8 = to_utf8(first)
        if utf8 is None:
            return None
        if utf8 is not first:  # another encoding: convert the whole file
            rest = handle.read(TEXT_CAP)
            whole = to_utf8(first + rest) if rest else utf8
            return None if whole is None else _check_slices(_slices_of(whole), control)
        return _check_slices(_read_slices(first, handle), control)


def _open_nonblocking(path: str, flags: int) -> int:
    # O_NONBLOCK: a file swapped for a FIFO after the walk looked at it cannot block us.
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))


def _convert(data: bytes, extension: str) -> bytes | None:
    if data.lstrip().startswith(b"{\\rtf"):
        return rtf_to_utf8(data)
    if extension in OFFICE_EXTENSIONS:
        return office_to_utf8(data, extension)
    return None  # a zip archive under another name: not text


def _slices_of(data: bytes) -> Iterator[bytes]:
    for start in range(0, max(len(data), 1), SLICE):
        yield data[max(0, start - OVERLAP) : start + SLICE]


def _read_slices(first: bytes, handle: io.FileIO) -> Iterator[bytes]:
    read = handle.read
    current = first
    while True:
        yield current
        more = read(SLICE)
        if not more:
            return
        current = current[-OVERLAP:] + more


def _check_slices(slices: Iterable[bytes], control: Control) -> list[SecretKind]:
    found: list[SecretKind] = []
    header = ""
    for number, piece in enumerate(slices):
        control.checkpoint()
        if number == 0:
            header = piece[:4096].split(b"\n", 1)[0].decode("utf-8", errors="replace")
        found += (kind for kind in secrets_in_utf8(piece, header) if kind not in found)
    return found
