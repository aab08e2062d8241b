"""Everything a page needs from the outside world, passed in — never global.

Tests build an :class:`AppContext` with a temporary data folder, an
in-memory keyring, a fixed clock and a synchronous pool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from checks.files import KeptAside
from checks.paths import Paths
from checks.storage.settings import Settings

if TYPE_CHECKING:  # the store (SQLite, cryptography) is loaded after the first paint
    from datetime import datetime

    from checks.storage.store import Store
    from checks.storage.upkeep import DamagedRecord


def utc_now() -> datetime:
    from datetime import datetime, timezone  # not needed before the first paint

    return datetime.now(timezone.utc)


class AppContext:
    """What the window and its pages share. A plain class, not a dataclass:
    it is built before the first paint, where the first dataclass of a
    process is a cost (bench/RESULTS.md, 9a)."""

    def __init__(
        self,
        paths: Paths,
        settings: Settings | None = None,
        clock: Callable[[], datetime] = utc_now,
        keyring_backend: Any = None,  # None: the operating system's keyring
        pool: Any = None,  # None: QThreadPool.globalInstance()
        storage_pool: Any = None,  # one thread, so writes keep their order
        compute_pool: Any = None,  # zxcvbn's own thread (None: the meter makes one)
        probe_runner: Callable[[str], list[Any]] | None = None,  # topic -> proposals
        store: Store | None = None,  # set once the data is unlocked
        kept_aside: list[KeptAside] | None = None,
        data_erased: bool = False,  # after "delete all my data": write nothing more
        remember_window: bool = True,  # off for --exit-after-first-paint (a probe)
    ) -> None:
        self.paths = paths
        self.settings = Settings() if settings is None else settings
        self.clock = clock
        self.keyring_backend = keyring_backend
        self.pool = pool
        self.storage_pool = storage_pool
        self.compute_pool = compute_pool
        self.probe_runner = probe_runner
        self.store = store
        self.kept_aside: list[KeptAside] = [] if kept_aside is None else kept_aside
        self.damaged_records: list[DamagedRecord] = []  # kept aside when the data opened
        self.data_erased = data_erased
        self.remember_window = remember_window

    def local_now(self) -> datetime:
        return self.clock().astimezone()
