"""The encrypted data layer: unlocking it and reading/writing payloads.

Start-up (run off the UI thread by the caller) is :func:`open_store`. It
opens the database, finds the data key, and returns an :class:`OpenOutcome`
that is either a ready :class:`Store` or a question for the user:

* the data is protected by a passphrase → ask for it
  (:func:`unlock_with_passphrase`);
* no keyring works here → offer a passphrase (:func:`setup_passphrase`) or
  keeping nothing after the app closes (:meth:`Store.ephemeral`); when
  earlier data is locked in an unavailable keyring, only "try again" or
  "don't save this time" — that data is left untouched.

A key that no longer fits the data (keyring entry deleted or replaced) is
detected by a key check, the unreadable database is kept aside, the user is
told, and a fresh one starts. Sensitive payloads are sealed with AES-GCM;
only dates, scores and counts stay readable for quick listing.

Opening holds the folder's lock (:mod:`checks.storage.lock`) from the first
look at the folder until the key is found or made and recorded, so two starts
at the same moment never make two keys or two half-migrated databases. The
key lives in this folder's own keyring entry (:mod:`checks.storage.folder_id`);
the entry all folders shared before is copied over when its key fits. Once
the key is known, :mod:`checks.storage.upkeep` keeps damaged records aside
and removes orphan evidence copies; file modes are fixed at every opening.
"""

from __future__ import annotations

import base64
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from checks import __version__
from checks.files import KeptAside, clean_temp_files, stamp
from checks.paths import Paths
from checks.storage import crypto, folder_id, keystore, lock, upkeep
from checks.storage.database import Database, move_database_aside, open_or_keep_aside
from checks.storage.erase import owned_paths
from checks.storage.keystore import KeyringState
from checks.storage.upkeep import DamagedRecord

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class KeySource(enum.Enum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"
    MEMORY = "memory"  # nothing kept after the app closes


class Need(enum.Enum):
    PASSPHRASE = "passphrase"  # data is protected by a passphrase: ask for it
    FALLBACK = "fallback"  # no usable keyring: ask how to go on


class WrongPassphrase(Exception):
    """The passphrase does not open this data."""


@dataclass(frozen=True)
class RunSummary:
    id: int
    created_at: datetime
    score: int
    urgent_count: int


@dataclass(frozen=True)
class CaseSummary:
    id: str
    opened_at: datetime
    updated_at: datetime
    status: str


class Store:
    """Encrypted payloads in the database, sealed with the data key."""

    def __init__(self, db: Database, key: bytes, source: KeySource) -> None:
        self.db = db
        self._key = key
        self.source = source
        self.memory_files: dict[str, bytes] = {}  # evidence when nothing may touch disk
        self.damaged: list[DamagedRecord] = []  # records kept aside when it was opened

    def __repr__(self) -> str:
        return f"Store(source={self.source.value}, path={self.db.path})"

    @classmethod
    def ephemeral(cls) -> Store:
        """Keep everything in memory only; gone when the app closes."""
        return cls(Database.in_memory(), crypto.new_key(), KeySource.MEMORY)

    @property
    def keeps_data(self) -> bool:
        return self.source is not KeySource.MEMORY

    def seal(self, value: Any, aad: str) -> bytes:
        return crypto.seal_json(self._key, value, aad.encode("utf-8"))

    def unseal(self, blob: bytes, aad: str) -> Any:
        return crypto.unseal_json(self._key, bytes(blob), aad.encode("utf-8"))

    def seal_bytes(self, data: bytes, aad: str) -> bytes:
        return crypto.seal(self._key, data, aad.encode("utf-8"))

    def unseal_bytes(self, blob: bytes, aad: str) -> bytes:
        return crypto.unseal(self._key, blob, aad.encode("utf-8"))

    # -- drafts (half-finished checkups, unsaved wizard state) -----------

    def put_draft(self, name: str, value: Any, now: datetime) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO drafts (name, updated_at, payload) VALUES (?, ?, ?)",
            (name, now.isoformat(), self.seal(value, f"draft:{name}")),
        )

    def get_draft(self, name: str) -> Any | None:
        row = self.db.query_one("SELECT payload FROM drafts WHERE name = ?", (name,))
        return None if row is None else self.unseal(row[0], f"draft:{name}")

    def delete_draft(self, name: str) -> None:
        self.db.execute("DELETE FROM drafts WHERE name = ?", (name,))

    # -- checkup runs ------------------------------------------------------

    def add_checkup_run(
        self, created_at: datetime, score: int, urgent_count: int, payload: Any
    ) -> int:
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO checkup_runs (created_at, app_version, score, urgent_count, payload)"
                " VALUES (?, ?, ?, ?, x'')",
                (created_at.isoformat(), __version__, score, urgent_count),
            )
            run_id = int(cursor.lastrowid or 0)
            conn.execute(
                "UPDATE checkup_runs SET payload = ? WHERE id = ?",
                (self.seal(payload, f"checkup_run:{run_id}"), run_id),
            )
        return run_id

    def list_checkup_runs(self) -> list[RunSummary]:
        rows = self.db.query(
            "SELECT id, created_at, score, urgent_count FROM checkup_runs"
            " ORDER BY created_at DESC, id DESC"
        )
        return [RunSummary(r[0], datetime.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def load_checkup_run(self, run_id: int) -> Any | None:
        row = self.db.query_one("SELECT payload FROM checkup_runs WHERE id = ?", (run_id,))
        return None if row is None else self.unseal(row[0], f"checkup_run:{run_id}")

    def delete_checkup_run(self, run_id: int) -> None:
        self.db.execute("DELETE FROM checkup_runs WHERE id = ?", (run_id,))

    # -- theft cases -------------------------------------------------------

    def save_case(
        self, case_id: str, opened_at: datetime, status: str, payload: Any, now: datetime
    ) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO cases (id, opened_at, updated_at, status, payload)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                case_id,
                opened_at.isoformat(),
                now.isoformat(),
                status,
                self.seal(payload, f"case:{case_id}"),
            ),
        )

    def list_cases(self) -> list[CaseSummary]:
        rows = self.db.query(
            "SELECT id, opened_at, updated_at, status FROM cases ORDER BY updated_at DESC"
        )
        return [
            CaseSummary(r[0], datetime.fromisoformat(r[1]), datetime.fromisoformat(r[2]), r[3])
            for r in rows
        ]

    def load_case(self, case_id: str) -> Any | None:
        row = self.db.query_one("SELECT payload FROM cases WHERE id = ?", (case_id,))
        return None if row is None else self.unseal(row[0], f"case:{case_id}")

    def delete_case(self, case_id: str) -> None:
        self.db.execute("DELETE FROM cases WHERE id = ?", (case_id,))

    def close(self) -> None:
        self.db.close()


@dataclass
class OpenOutcome:
    """What :func:`open_store` found. Exactly one of ``store`` / ``need`` is set."""

    store: Store | None = None
    need: Need | None = None
    keyring_state: KeyringState = KeyringState.AVAILABLE
    # True when earlier data is locked in a keyring we cannot reach now:
    # then a new passphrase is not offered (it would orphan that data).
    keyring_holds_data: bool = False
    kept_aside: list[KeptAside] = field(default_factory=list)
    key_created: bool = False
    key_adopted: bool = False  # copied from the entry shared before issue 15 (or the DB's own)
    db: Database | None = field(default=None, repr=False)  # open, while a question is pending


def open_store(paths: Paths, keyring_backend: Any = None, clock: Clock = utc_now) -> OpenOutcome:
    """Open the data folder's database and find its key. Blocking: call off the UI thread.

    Holds the folder's lock throughout (another process opening the same
    folder waits); raises :class:`checks.storage.lock.LockTimeout` if it never
    comes free.
    """
    paths.ensure()
    with lock.exclusive(paths.data_dir):
        return _open_locked(paths, keyring_backend, clock)


def _open_locked(paths: Paths, keyring_backend: Any, clock: Clock) -> OpenOutcome:
    clean_temp_files(paths.data_dir)
    upkeep.fix_modes(owned_paths(paths), paths.data_dir)
    own_id = folder_id.read(paths)
    if not (paths.database.exists() or paths.database.is_symlink()):
        # Nothing saved yet: no database until there is a key for it, so that
        # "keep nothing after closing" leaves nothing behind.
        probe = keystore.read_key(keyring_backend, keystore.entry_for(own_id or folder_id.new()))
        if probe.state is not KeyringState.AVAILABLE:
            return OpenOutcome(need=Need.FALLBACK, keyring_state=probe.state)
    db, kept = open_or_keep_aside(paths.database, paths.damaged_dir, stamp(clock()))
    outcome = OpenOutcome(kept_aside=[kept] if kept else [])
    source = db.meta_get("key_source")

    if source == KeySource.PASSPHRASE.value:
        outcome.need, outcome.db = Need.PASSPHRASE, db
        return outcome

    recorded_id = db.meta_get(folder_id.META_KEY)
    if own_id is None and folder_id.valid(recorded_id):
        own_id = recorded_id  # the file was lost: the database remembers it
    own_id = own_id or folder_id.new()
    found = keystore.read_key(keyring_backend, keystore.entry_for(own_id))
    outcome.keyring_state = found.state
    if found.state is not KeyringState.AVAILABLE:
        outcome.need, outcome.db = Need.FALLBACK, db
        outcome.keyring_holds_data = source == KeySource.KEYRING.value
        return outcome

    key = found.key
    check = db.meta_get("key_check")
    if found.damaged:
        # The entry holds no valid key. It is left as it is (never overwritten)
        # and this folder takes a new id, so a new entry.
        own_id = folder_id.new()
    elif key is None and source == KeySource.KEYRING.value:
        others = [keystore.LEGACY_ENTRY]
        if folder_id.valid(recorded_id) and recorded_id != own_id:
            others.append(keystore.entry_for(str(recorded_id)))
        key = _adopt(keyring_backend, keystore.entry_for(own_id), check, others)
        outcome.key_adopted = key is not None
    if source == KeySource.KEYRING.value and (key is None or not _fits(key, check)):
        # The key for this data is gone or replaced: keep the data aside.
        reason = "key-missing" if key is None and not found.damaged else "key-mismatch"
        db.close()
        outcome.kept_aside.append(
            move_database_aside(paths.database, paths.damaged_dir, reason, stamp(clock()))
        )
        db = Database.open(paths.database)
        source = None
    if folder_id.read(paths) != own_id:
        folder_id.write(paths, own_id)  # before the key: a key is never made for a lost id
    if key is None:
        created = keystore.create_key(keyring_backend, keystore.entry_for(own_id))
        if created.key is None:
            outcome.keyring_state = created.state
            outcome.need, outcome.db = Need.FALLBACK, db
            return outcome
        key, outcome.key_created = created.key, created.created
    if source != KeySource.KEYRING.value or not _fits(key, db.meta_get("key_check")):
        _claim(db, key, KeySource.KEYRING)
    if db.meta_get(folder_id.META_KEY) != own_id:
        db.meta_set(folder_id.META_KEY, own_id)
    outcome.store = _ready(Store(db, key, KeySource.KEYRING), paths, clock)
    return outcome


def _adopt(backend: Any, entry: str, check: str | None, others: list[str]) -> bytes | None:
    """Copy the key that fits this data from another entry into ``entry`` (if it
    has none); the other entry is left as it is."""
    for other in others:
        candidate = keystore.read_key(backend, other).key
        if candidate is not None and _fits(candidate, check):
            copied = keystore.create_key(backend, entry, key=candidate)
            return copied.key if copied.key is not None and _fits(copied.key, check) else None
    return None


def _ready(store: Store, paths: Paths, clock: Clock) -> Store:
    """Keep damaged records aside and remove orphan evidence copies."""
    cases: dict[str, set[str] | None] = {}

    def seen(table: str, key: str, payload: Any) -> None:
        if table == "cases":
            cases[key] = upkeep.evidence_names(payload)

    store.damaged = upkeep.sweep_records(
        store.db, store.unseal, paths.damaged_dir, stamp(clock()), seen
    )
    upkeep.clean_orphan_evidence(paths, cases)
    return store


def create_database(paths: Paths, clock: Clock = utc_now) -> Database:
    """The database of a data folder that has none yet (before a passphrase is set)."""
    paths.ensure()
    with lock.exclusive(paths.data_dir):
        return open_or_keep_aside(paths.database, paths.damaged_dir, stamp(clock()))[0]


def setup_passphrase(db: Database, passphrase: str) -> Store:
    """Protect a fresh database with a passphrase instead of the keyring."""
    if db.meta_get("key_source") is not None:
        raise ValueError("this database already has a key")
    salt = crypto.new_salt()
    key = crypto.derive_key(passphrase, salt)
    _claim(
        db,
        key,
        KeySource.PASSPHRASE,
        scrypt_salt=base64.b64encode(salt).decode("ascii"),
        scrypt_n=str(crypto.SCRYPT_N),
    )
    return Store(db, key, KeySource.PASSPHRASE)


def unlock_with_passphrase(db: Database, passphrase: str) -> Store:
    """Open passphrase-protected data; raise WrongPassphrase if it does not fit."""
    salt = base64.b64decode(db.meta_get("scrypt_salt") or "")
    n = int(db.meta_get("scrypt_n") or crypto.SCRYPT_N)
    key = crypto.derive_key(passphrase, salt, n)
    if not _fits(key, db.meta_get("key_check")):
        raise WrongPassphrase()
    store = Store(db, key, KeySource.PASSPHRASE)
    if db.path is None:
        return store
    paths = Paths(db.path.parent)
    with lock.exclusive(paths.data_dir):
        return _ready(store, paths, utc_now)


def start_fresh(paths: Paths, db: Database, reason: str, clock: Clock = utc_now) -> KeptAside:
    """Keep the current database aside (e.g. a forgotten passphrase) and begin anew."""
    db.close()
    return move_database_aside(paths.database, paths.damaged_dir, reason, stamp(clock()))


def _fits(key: bytes, check: str | None) -> bool:
    return check is not None and crypto.key_matches(key, base64.b64decode(check))


def _claim(db: Database, key: bytes, source: KeySource, **extra: str) -> None:
    """Record how the data is keyed, in one transaction (all or nothing)."""
    check = base64.b64encode(crypto.make_key_check(key)).decode("ascii")
    with db.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('key_check', ?)", (check,))
        for name, value in {**extra, "key_source": source.value}.items():
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (name, value))
