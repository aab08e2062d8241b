"""Shared fixtures: a private data folder, keyrings, a context, fixed time."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import socket

import keyring.backend
import keyring.errors
import pytest
from hypothesis import HealthCheck, settings

from checks.paths import Paths

# One profile for every property test. No per-example deadline and no "too slow"
# health check: a shared 2-core machine is no stopwatch, and how fast things are
# is `python -m bench`'s job. Each test sets only how many examples it wants.
settings.register_profile(
    "wallet-checkup", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("wallet-checkup")

FIXED_NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class LockedKeyring(keyring.backend.KeyringBackend):
    """Behaves like a Secret Service collection that stays locked."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


class InternetForbidden(AssertionError):
    """The app tried to open an internet connection (DESIGN.md: it never does)."""


_INTERNET = {socket.AF_INET, socket.AF_INET6}
_real_socket = socket.socket
_real_getaddrinfo = socket.getaddrinfo


#: Every attempt, also those the app's own ``except Exception`` would swallow:
#: each test fails afterwards if this is not empty (see ``_no_internet_attempts``).
_ATTEMPTS: list[str] = []


class _GuardedSocket(_real_socket):
    def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
        if family in _INTERNET or family == -1:
            _ATTEMPTS.append(f"internet socket ({family})")
            raise InternetForbidden(f"internet socket ({family}) opened during a test")
        super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]


def _guarded_getaddrinfo(*args: object, **kwargs: object) -> object:
    _ATTEMPTS.append(f"name lookup {args[:2]}")
    raise InternetForbidden(f"name lookup {args[:2]} during a test")


@pytest.fixture(autouse=True, scope="session")
def _no_internet() -> object:
    """Every test runs with internet sockets and name lookups forbidden.

    Unix sockets (D-Bus for the keyring) stay allowed. Subprocesses are
    checked separately under strace (tests/test_security_network.py).
    """
    socket.socket = _GuardedSocket  # type: ignore[misc]
    socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]
    yield
    socket.socket = _real_socket  # type: ignore[misc]
    socket.getaddrinfo = _real_getaddrinfo


@pytest.fixture(autouse=True)
def _no_internet_attempts() -> object:
    """Fail the test if anything tried the internet, even if the error was caught."""
    _ATTEMPTS.clear()
    yield
    tried, _ATTEMPTS[:] = list(_ATTEMPTS), []
    assert tried == [], f"the app tried to reach the internet: {tried}"


@pytest.fixture(autouse=True, scope="session")
def _qt_settings_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Qt's own settings (file dialog history) never touch the developer's ~/.config."""
    from desktop.app import keep_qt_settings_in

    keep_qt_settings_in(tmp_path_factory.mktemp("qt-settings"))


@pytest.fixture(autouse=True, scope="session")
def _secret_guard_ready() -> None:
    """The app loads the guard's word lists in the background right after its
    first paint; tests start with them loaded, as a user's session does."""
    from checks.secrets import warm_up

    warm_up()


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the developer's real data folder or language."""
    home = tmp_path / "home"
    monkeypatch.setenv("WALLET_CHECKUP_HOME", str(home))
    yield home
    from desktop import i18n

    i18n.set_language("en")


@pytest.fixture
def paths(_private_home: Path) -> Paths:
    return Paths(_private_home)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def fail_keyring() -> keyring.backend.KeyringBackend:
    from keyring.backends import fail

    return fail.Keyring()


@pytest.fixture
def locked_keyring() -> LockedKeyring:
    return LockedKeyring()


@pytest.fixture
def make_ctx(paths: Paths, memory_keyring: MemoryKeyring):
    """Build an AppContext with a synchronous pool and a fixed clock."""
    from desktop.background import SyncPool
    from desktop.context import AppContext

    def make(**changes: object) -> AppContext:
        values: dict[str, object] = {
            "paths": paths,
            "keyring_backend": memory_keyring,
            "pool": SyncPool(),
            "storage_pool": SyncPool(),
            "clock": lambda: FIXED_NOW,
        }
        values.update(changes)
        return AppContext(**values)  # type: ignore[arg-type]

    return make
