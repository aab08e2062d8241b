"""The data key in the operating system's keyring.

Each data folder has its own entry: service ``wallet-checkup``, user
``data-key-<folder id>`` (:func:`entry_for`; the id is kept in the folder, see
:mod:`checks.storage.folder_id`). So deleting one folder's data never makes
another folder unreadable. Before issue 15 every folder shared one entry,
user ``data-key`` (:data:`LEGACY_ENTRY`); :mod:`checks.storage.store` copies
that key into the folder's own entry when it fits the folder's data, and
leaves the old entry as it is: another folder may still need it.

An entry that exists is never overwritten: :func:`create_key` writes only
when there is none, then reads the entry back and uses what is there, so two
processes that both create a key end up with the same one.

Every call may block (D-Bus, a keychain prompt), so callers run these off
the UI thread. ``keyring`` is imported on first use. Nothing here raises
for keyring trouble: the outcome says what happened, in a form the UI
can explain (:class:`KeyringState`).
"""

from __future__ import annotations

import base64
import binascii
import enum
from dataclasses import dataclass, field
from typing import Any

from checks.storage.crypto import KEY_BYTES, new_key

SERVICE = "wallet-checkup"
LEGACY_ENTRY = "data-key"  # one entry for every data folder, before issue 15


def entry_for(folder_id: str) -> str:
    """The keyring user name of one data folder's key."""
    return f"{LEGACY_ENTRY}-{folder_id}"


class KeyringState(enum.Enum):
    AVAILABLE = "available"  # the keyring answered
    MISSING = "missing"  # no keyring on this system (e.g. headless Linux)
    LOCKED = "locked"  # a keyring exists but is locked and could not be unlocked
    FAILED = "failed"  # it answered with an error


@dataclass(frozen=True)
class KeyringResult:
    state: KeyringState
    key: bytes | None = field(default=None, repr=False)
    damaged: bool = False  # an entry exists but is not a valid key
    detail: str = ""  # technical, for logs; never contains the key
    created: bool = False  # create_key stored a new key (not one found there)


def default_backend() -> Any:
    import keyring  # heavy: loaded on first use (DESIGN.md)

    return keyring.get_keyring()


def _call(backend: Any, method: str, *args: str) -> tuple[KeyringState, Any, str]:
    import keyring.errors as errors  # as above

    try:
        if backend is None:
            backend = default_backend()
        return KeyringState.AVAILABLE, getattr(backend, method)(SERVICE, *args), ""
    except errors.NoKeyringError as exc:
        return KeyringState.MISSING, None, type(exc).__name__
    except errors.KeyringLocked as exc:
        return KeyringState.LOCKED, None, type(exc).__name__
    except errors.PasswordDeleteError as exc:
        # Deleting an entry that is not there: nothing to delete.
        return KeyringState.AVAILABLE, None, type(exc).__name__
    except Exception as exc:  # D-Bus, Keychain and WinVault errors vary widely
        return KeyringState.FAILED, None, type(exc).__name__


def read_key(backend: Any, entry: str) -> KeyringResult:
    """The key stored under ``entry``, or ``key=None`` when there is none yet."""
    state, value, detail = _call(backend, "get_password", entry)
    if state is not KeyringState.AVAILABLE or value is None:
        return KeyringResult(state, None, detail=detail)
    key = _decode(value)
    if key is None:
        return KeyringResult(state, None, damaged=True, detail="entry is not a valid key")
    return KeyringResult(state, key)


def create_key(backend: Any, entry: str, key: bytes | None = None) -> KeyringResult:
    """Store ``key`` (default: a new random one) under ``entry`` if it has none.

    Never overwrites: an existing entry is returned as it is (``damaged`` if it
    holds no valid key). After writing, the entry is read back and *its* key is
    the result, so a process that raced another one uses the key that stayed.
    """
    found = read_key(backend, entry)
    if found.state is not KeyringState.AVAILABLE or found.key is not None or found.damaged:
        return found
    key = new_key() if key is None else key
    encoded = base64.b64encode(key).decode("ascii")
    state, _, detail = _call(backend, "set_password", entry, encoded)
    if state is not KeyringState.AVAILABLE:
        return KeyringResult(state, None, detail=detail)
    stored = read_key(backend, entry)
    if stored.key is None:
        return stored
    return KeyringResult(stored.state, stored.key, created=stored.key == key)


def delete_key(backend: Any, entry: str) -> KeyringResult:
    state, _, detail = _call(backend, "delete_password", entry)
    return KeyringResult(state, None, detail=detail)


def _decode(value: object) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        key = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    return key if len(key) == KEY_BYTES else None
