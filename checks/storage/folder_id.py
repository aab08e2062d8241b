"""Each data folder's own id, which names its key in the keyring.

The id (32 random hex digits) is kept in the file ``folder-id`` in the data
folder, and a copy in the database (``meta.folder_id``) so a lost file can be
put back. A portable folder (``WALLET_CHECKUP_HOME``) or a second user
account thus has its own key, and "Delete all my data" in one folder deletes
only that folder's key (:mod:`checks.storage.keystore`).
"""

from __future__ import annotations

import os
import re

from checks.files import write_private
from checks.paths import Paths

FILE_NAME = "folder-id"
META_KEY = "folder_id"
_VALID = re.compile(r"[0-9a-f]{32}")


def valid(value: str | None) -> bool:
    return value is not None and _VALID.fullmatch(value) is not None


def read(paths: Paths) -> str | None:
    """The folder's id, or None when the file is missing or holds no valid id."""
    try:
        raw = (paths.data_dir / FILE_NAME).read_bytes()[:100]
    except OSError:
        return None
    value = raw.decode("ascii", "replace").strip()
    return value if valid(value) else None


def new() -> str:
    return os.urandom(16).hex()


def write(paths: Paths, folder_id: str) -> None:
    if not valid(folder_id):
        raise ValueError("not a folder id")
    write_private(paths.data_dir / FILE_NAME, f"{folder_id}\n".encode("ascii"))
