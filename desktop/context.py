"""Everything a page needs from the outside world, passed in — never global.

Tests build an :class:`AppContext` with a temporary data folder, an
in-memory keyring, a fixed clock and a synchronous pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from checks.files import KeptAside
from checks.paths import Paths
from checks.settings import Settings

if TYPE_CHECKING:  # the store (SQLite, cryptography) is loaded after the first paint
    from checks.store import Store


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class AppContext:
    paths: Paths
    settings: Settings = field(default_factory=Settings)
    clock: Callable[[], datetime] = utc_now
    keyring_backend: Any = None  # None: the operating system's keyring
    pool: Any = None  # None: QThreadPool.globalInstance()
    storage_pool: Any = None  # one thread, so writes keep their order
    compute_pool: Any = None  # zxcvbn's own thread (None: the meter makes one)
    probe_runner: Callable[[str], list[Any]] | None = None  # topic -> proposals
    store: Store | None = None  # set once the data is unlocked
    kept_aside: list[KeptAside] = field(default_factory=list)
    data_erased: bool = False  # after "delete all my data": write nothing more
    remember_window: bool = True  # off for --exit-after-first-paint (a probe, not a session)

    def local_now(self) -> datetime:
        return self.clock().astimezone()
