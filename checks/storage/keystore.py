"""The data key in the operating system's keyring.

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
USERNAME = "data-key"


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


def default_backend() -> Any:
    import keyring

    return keyring.get_keyring()


def _call(backend: Any, method: str, *args: str) -> tuple[KeyringState, Any, str]:
    import keyring.errors as errors

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


def read_key(backend: Any = None) -> KeyringResult:
    """The stored data key, or ``key=None`` when there is none yet."""
    state, value, detail = _call(backend, "get_password", USERNAME)
    if state is not KeyringState.AVAILABLE or value is None:
        return KeyringResult(state, None, detail=detail)
    key = _decode(value)
    if key is None:
        return KeyringResult(state, None, damaged=True, detail="entry is not a valid key")
    return KeyringResult(state, key)


def create_key(backend: Any = None) -> KeyringResult:
    """Make a new random data key and store it; the result carries it."""
    key = new_key()
    encoded = base64.b64encode(key).decode("ascii")
    state, _, detail = _call(backend, "set_password", USERNAME, encoded)
    if state is not KeyringState.AVAILABLE:
        return KeyringResult(state, None, detail=detail)
    return KeyringResult(state, key)


def delete_key(backend: Any = None) -> KeyringResult:
    state, _, detail = _call(backend, "delete_password", USERNAME)
    return KeyringResult(state, None, detail=detail)


def _decode(value: object) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        key = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    return key if len(key) == KEY_BYTES else None
