""" "Delete all my data": the database, evidence, settings, logs, files kept
aside, and this folder's key in the keyring. Only names this app owns are
removed, so a data folder pointed at a busy directory loses nothing else, and
only this folder's keyring entry is deleted (its id is in the folder): other
data folders keep their keys. The entry every folder shared before issue 15
(``data-key``) is left alone — a folder not opened since may still need it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks.paths import Paths
from checks.storage import folder_id, keystore, lock
from checks.storage.keystore import KeyringState

LOCK_WAIT_S = 30.0


@dataclass
class EraseReport:
    removed: list[Path] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)
    keyring_state: KeyringState = KeyringState.AVAILABLE

    @property
    def complete(self) -> bool:
        return not self.failed and self.keyring_state is KeyringState.AVAILABLE


def owned_paths(paths: Paths) -> list[Path]:
    db = paths.database
    candidates = [
        db,
        *(Path(f"{db}{suffix}") for suffix in ("-wal", "-shm", "-journal")),
        paths.settings,
        paths.cases_dir,
        paths.logs_dir,
        paths.damaged_dir,
        paths.qt_settings_dir,
        paths.data_dir / folder_id.FILE_NAME,
    ]
    return [path for path in candidates if path.exists() or path.is_symlink()]


def erase_all(paths: Paths, keyring_backend: Any = None) -> EraseReport:
    """Remove every file we own and this folder's keyring entry. Close the store
    first. Holds the folder's open lock, so no start opens it meanwhile; when
    another process keeps it, nothing is deleted and the folder is reported."""
    report = EraseReport()
    if not paths.data_dir.is_dir():
        return report
    try:
        with lock.exclusive(paths.data_dir, timeout=LOCK_WAIT_S):
            _erase(paths, keyring_backend, report)
    except lock.LockTimeout:
        report.failed.append(paths.data_dir)
    return report


def _erase(paths: Paths, keyring_backend: Any, report: EraseReport) -> None:
    own_id = folder_id.read(paths)
    for path in owned_paths(paths):
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            report.removed.append(path)
        except OSError:
            report.failed.append(path)
    if own_id is not None:
        entry = keystore.entry_for(own_id)
        report.keyring_state = keystore.delete_key(keyring_backend, entry).state
