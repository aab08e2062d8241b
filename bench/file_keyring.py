"""A keyring kept in a plain JSON file — FOR THE BENCHMARK ONLY.

The benchmark fills a data folder in one process and starts the app (and
``print``) in others; an in-memory keyring cannot cross that line. Point a
child at this backend with::

    PYTHON_KEYRING_BACKEND=bench.file_keyring.FileKeyring
    BENCH_KEYRING_FILE=/tmp/.../keyring.json

It stores the key unprotected next to throw-away benchmark data. Never use
it for real data: the app's promise is that the key lives in the operating
system's keyring.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend
import keyring.errors

ENV_FILE = "BENCH_KEYRING_FILE"
BACKEND = "bench.file_keyring.FileKeyring"


class FileKeyring(keyring.backend.KeyringBackend):
    """Entries in the JSON file named by ``$BENCH_KEYRING_FILE`` (or ``path``)."""

    priority = 1

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        where = path if path is not None else os.environ.get(ENV_FILE)
        if not where:
            raise keyring.errors.InitError(f"{ENV_FILE} is not set")
        self.path = Path(where)

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {str(k): str(v) for k, v in data.items()}

    def _save(self, entries: dict[str, str]) -> None:
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(entries), encoding="utf-8")
        os.chmod(temporary, 0o600)
        os.replace(temporary, self.path)

    @staticmethod
    def _name(service: str, username: str) -> str:
        return f"{service}\x00{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(self._name(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries[self._name(service, username)] = password
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        if entries.pop(self._name(service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")
        self._save(entries)
