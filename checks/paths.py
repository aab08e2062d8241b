"""Where Wallet Checkup keeps its files: one place, overridable for tests.

The data folder is platformdirs' user data folder for "wallet-checkup",
or ``$WALLET_CHECKUP_HOME`` when set. Nothing here creates a folder until
:meth:`Paths.ensure` is called, so importing costs nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from checks import APP_NAME

ENV_HOME = "WALLET_CHECKUP_HOME"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


class Paths(NamedTuple):
    """All file locations, derived from one data folder.

    The records read before the first paint (this, ``Settings``,
    ``KeptAside``) are named tuples: the first dataclass of a process
    costs more than a named tuple (bench/RESULTS.md, 9a).
    """

    data_dir: Path

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Paths:
        env = os.environ if environ is None else environ
        override = env.get(ENV_HOME, "").strip()
        if override:
            return cls(Path(override).expanduser().resolve())
        import platformdirs  # first use only: keeps start-up lean

        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))

    @property
    def database(self) -> Path:
        return self.data_dir / "wallet-checkup.db"

    @property
    def settings(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def cases_dir(self) -> Path:
        return self.data_dir / "cases"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def qt_settings_dir(self) -> Path:
        """Where Qt keeps its own settings (the file dialog's recent folders)."""
        return self.data_dir / "qt"

    @property
    def damaged_dir(self) -> Path:
        """Files we could not read are moved here, never deleted."""
        return self.data_dir / "kept-aside"

    def ensure(self) -> Path:
        """Create the data folder and make it owner-only (POSIX), even if it existed."""
        make_private_dir(self.data_dir)
        if os.name == "posix":
            os.chmod(self.data_dir, PRIVATE_DIR_MODE)
        return self.data_dir


def make_private_dir(path: Path) -> None:
    """Create ``path`` and any missing parents, each owner-only (0700) on POSIX.

    Folders that already exist are left as they are: an export to the
    user's home folder must never change the home folder's permissions.
    """
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, PRIVATE_DIR_MODE)
