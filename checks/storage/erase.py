""" "Delete all my data": the database, evidence, settings, logs, files kept
aside, and the key in the keyring. Only names this app owns are removed,
so a data folder pointed at a busy directory loses nothing else.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checks.paths import Paths
from checks.storage import keystore
from checks.storage.keystore import KeyringState


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
    ]
    return [path for path in candidates if path.exists()]


def erase_all(paths: Paths, keyring_backend: Any = None) -> EraseReport:
    """Remove every file we own and the keyring entry. Close the store first."""
    report = EraseReport()
    for path in owned_paths(paths):
        try:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            report.removed.append(path)
        except OSError:
            report.failed.append(path)
    report.keyring_state = keystore.delete_key(keyring_backend).state
    return report
