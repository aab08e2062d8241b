"""Run the whole scan: files, pictures, browser extensions, remote-control tools,
hosts, proxy.

One entry point, :func:`run_scan`, for the window and the ``wallet-checkup
scan`` command; the window calls it (in a background thread) through
:func:`run_scan_remembering`, which keeps what the picture scan read for the
next time.  Everything the scan touches on the machine comes through
:class:`ScanOptions`, so tests point it at a fixture home, a fake system root
and a fake process list.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from checks.scan.control import Control, Progress
from checks.scan.extensions import Extension, find_extensions
from checks.scan.files import FileScan, SecretFile, scan_files
from checks.scan.hosts import HostsEntry, ProxySetting, hosts_path, read_hosts, system_proxies
from checks.scan.picture_memory import DraftStore, SeenPictures, load_seen, save_seen
from checks.scan.pictures import PictureScan, scan_pictures
from checks.scan.remote import RemoteTool, find_remote_tools, running_process_names


@dataclass(frozen=True)
class ScanOptions:
    home: Path
    system: str = sys.platform  # "linux", "darwin", "win32"
    #: "/" or "C:/" to look at system-wide programs, the hosts file and the proxy
    #: settings; None when a chosen folder is scanned as the home (``--home DIR``).
    system_root: Path | None = None
    files: bool = True
    workers: int = 1
    gentle: bool = False  # worker processes at low priority (the window's scan)
    #: Also read the pictures (issue 21; needs the OCR extra), in this many processes
    #: (0: in this one), skipping those in ``seen_pictures`` unchanged since.
    pictures: bool = False
    picture_workers: int = 2
    seen_pictures: SeenPictures | None = None
    processes: Callable[[], Iterable[str]] = running_process_names
    #: Runs a command and returns its output (macOS proxy settings); None: not asked.
    run_command: Callable[[list[str]], str] | None = None


@dataclass(frozen=True)
class ScanStats:
    files: int
    bytes: int
    skipped: int
    seconds: float
    not_text: int = 0
    skipped_folders: int = 0


@dataclass(frozen=True)
class ScanResult:
    home: Path
    secret_files: tuple[SecretFile, ...]
    extensions: tuple[Extension, ...]
    remote_access: tuple[RemoteTool, ...]
    hosts: tuple[HostsEntry, ...]
    proxies: tuple[ProxySetting, ...]
    stats: ScanStats
    relative_paths: bool = field(default=False)  # paths shown relative to ``home``
    pictures: PictureScan | None = None  # None: pictures were not looked at

    @property
    def secret_pictures(self) -> list[Path]:
        return [found.path for found in self.pictures.found] if self.pictures else []

    @property
    def anything_found(self) -> bool:
        return bool(
            self.secret_files
            or self.secret_pictures
            or any(e.verdict != "official" for e in self.extensions)
            or self.remote_access
            or self.hosts
            or self.proxies
        )


def default_system_root() -> Path:
    return Path("C:/") if sys.platform == "win32" else Path("/")


def run_scan(
    options: ScanOptions,
    control: Control | None = None,
    progress: Callable[[Progress], None] = lambda progress: None,
) -> ScanResult:
    """Scan; raises :class:`checks.scan.control.Cancelled` if cancelled."""
    control = control or Control()
    started = time.monotonic()

    def phase(name: str) -> None:
        control.checkpoint()
        progress(Progress(name, 0, 0, 0, 0, "", time.monotonic() - started))

    files = FileScan()
    if options.files:
        files = scan_files(
            options.home, control, progress, workers=options.workers, gentle=options.gentle
        )
    pictures = None
    if options.pictures:
        pictures = scan_pictures(
            options.home,
            control,
            progress,
            options.seen_pictures,
            options.picture_workers,
            gentle=options.gentle,
        )
    phase("extensions")
    extensions = find_extensions(options.home, options.system)
    phase("programs")
    remote = find_remote_tools(options.home, options.processes(), options.system_root)
    phase("network")
    hosts: list[HostsEntry] = []
    proxies: list[ProxySetting] = []
    if options.system_root is not None:
        hosts = read_hosts(hosts_path(options.system, options.system_root))
        proxies = system_proxies(options.system, options.run_command)
    seconds = time.monotonic() - started
    progress(Progress("done", files.files, files.files, files.bytes, files.bytes, "", seconds))
    return ScanResult(
        home=options.home,
        secret_files=tuple(files.found),
        extensions=tuple(extensions),
        remote_access=tuple(remote),
        hosts=tuple(hosts),
        proxies=tuple(proxies),
        stats=ScanStats(
            files=files.files,
            bytes=files.bytes,
            skipped=files.skipped,
            seconds=round(seconds, 3),
            not_text=files.not_text,
            skipped_folders=files.walk.skipped_folders,
        ),
        relative_paths=options.system_root is None,
        pictures=pictures,
    )


def run_scan_remembering(
    options: ScanOptions,
    store: DraftStore | None,
    now: Callable[[], datetime],
    control: Control | None = None,
    progress: Callable[[Progress], None] = lambda progress: None,
) -> ScanResult:
    """:func:`run_scan`; with pictures, those read by the last finished scan are
    skipped, and what this one read is kept for the next (not when it is cancelled;
    see :mod:`checks.scan.picture_memory`)."""
    if options.pictures and store is not None:
        options = replace(options, seen_pictures=load_seen(store))
    result = run_scan(options, control, progress)
    if result.pictures is not None and store is not None:
        save_seen(store, result.pictures.seen, now())
    return result
