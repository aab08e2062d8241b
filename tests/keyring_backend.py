"""TEST ONLY: a keyring backend that a subprocess can share with the test.

The command-line tests seed data through the real store in the test process
and then run ``wallet-checkup print …`` in a subprocess, which must find the
same data key. The in-memory keyring of ``conftest.py`` cannot cross a
process boundary, so this backend keeps its entries in a JSON file named by
``$WALLET_CHECKUP_TEST_KEYRING`` (a file in the test's tmp folder). The
subprocess selects it with::

    PYTHON_KEYRING_BACKEND=keyring_backend.FileKeyring   # tests/ on PYTHONPATH

It is never used by the application itself: it keeps keys in a plain file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

ENV = "WALLET_CHECKUP_TEST_KEYRING"


class FileKeyring(keyring.backend.KeyringBackend):
    """Entries in the JSON file ``$WALLET_CHECKUP_TEST_KEYRING`` (tests only)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path

    def _file(self) -> Path:
        if self.path is not None:
            return self.path
        name = os.environ.get(ENV)
        if not name:
            raise keyring.errors.NoKeyringError(f"{ENV} is not set")
        return Path(name)

    def _entries(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._file().read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\n{username}"] = password
        self._file().write_text(json.dumps(entries), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        if entries.pop(f"{service}\n{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("not found")
        self._file().write_text(json.dumps(entries), encoding="utf-8")
