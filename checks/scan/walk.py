"""Walk a folder tree for the user's own files, safely.

* Software folders are left out: ``node_modules``, ``site-packages``,
  virtual environments, ``.git``, caches, browser and app data, and every
  hidden folder (programs keep their data there; people keep notes in
  Documents, Desktop, Downloads …).
* Symbolic links are never followed, so the walk cannot leave the tree or
  go round a loop; a folder met twice (a bind mount, a Windows junction)
  is not entered again.  Depth is capped.
* Only regular files are yielded: a FIFO, device or socket is never
  opened (opening a FIFO blocks until someone writes to it).
* Whatever cannot be read is counted in :class:`WalkCounts`, never raised.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_DEPTH = 40

#: Folder names never entered (compared in lower case).
SOFTWARE_FOLDERS = frozenset(
    {
        "node_modules", "site-packages", "dist-packages", "__pycache__", "venv", "virtualenv",
        "bower_components", "vendor", "target", "cache", "caches", "temp", "tmp",
        "appdata", "library", "application data", "program files", "program files (x86)",
        "programdata", "windows", "snap", "go", "anaconda3", "miniconda3",
        "steamapps", "$recycle.bin", "system volume information",
    }
)  # fmt: skip
#: Files that are a virtual environment's or a program's mark on its folder.
_FOLDER_MARKERS = ("pyvenv.cfg", "CACHEDIR.TAG")
_REPARSE_POINT = 0x400  # FILE_ATTRIBUTE_REPARSE_POINT: a Windows junction or link


@dataclass
class WalkCounts:
    folders: int = 0  # folders read
    skipped_folders: int = 0  # software folders left out on purpose
    skipped: int = 0  # links, special files, unreadable folders, too deep


@dataclass(frozen=True)
class FileEntry:
    path: Path
    size: int


def is_software_folder(name: str) -> bool:
    return name.startswith(".") or name.lower() in SOFTWARE_FOLDERS


def walk(
    root: Path,
    counts: WalkCounts,
    on_folder: Callable[[Path], None] = lambda folder: None,
) -> Iterator[FileEntry]:
    """Regular files under ``root``, depth first, in name order (stable for tests)."""
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, int]] = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        entries = _read_folder(folder, seen, counts)
        if entries is None:
            continue
        on_folder(folder)
        subfolders: list[Path] = []
        for entry in entries:
            kind = _kind(entry)
            if kind == "file":
                try:
                    size = entry.stat(follow_symlinks=False).st_size
                except OSError:
                    counts.skipped += 1
                    continue
                yield FileEntry(Path(entry.path), size)
            elif kind == "folder":
                if is_software_folder(entry.name):
                    counts.skipped_folders += 1
                elif depth + 1 > MAX_DEPTH:
                    counts.skipped += 1
                else:
                    subfolders.append(Path(entry.path))
            else:
                counts.skipped += 1
        stack.extend((sub, depth + 1) for sub in reversed(subfolders))


def _read_folder(
    folder: Path, seen: set[tuple[int, int]], counts: WalkCounts
) -> list[os.DirEntry[str]] | None:
    try:
        info = os.stat(folder, follow_symlinks=False)
        if (info.st_dev, info.st_ino) in seen and info.st_ino:
            counts.skipped += 1
            return None
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as iterator:
            entries = sorted(iterator, key=lambda entry: entry.name)
    except OSError:
        counts.skipped += 1
        return None
    if any(entry.name in _FOLDER_MARKERS for entry in entries) and counts.folders:
        counts.skipped_folders += 1  # a virtual environment or a cache that says so
        return None
    counts.folders += 1
    return entries


def _kind(entry: os.DirEntry[str]) -> str:
    """One of "file", "folder", or "other" (links, junctions, FIFOs, devices, sockets, errors)."""
    try:
        if entry.is_symlink():
            return "other"
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return "other"
    if getattr(info, "st_file_attributes", 0) & _REPARSE_POINT:
        return "other"
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    return "file" if stat.S_ISREG(info.st_mode) else "other"
