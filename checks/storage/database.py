"""The SQLite database: schema, migrations, transactions, damage handling.

One file, WAL mode, ``synchronous=FULL``; the schema version lives in
``PRAGMA user_version`` and grows only through :data:`MIGRATIONS`, applied
in order, each in its own transaction. A file that cannot be opened, fails
``integrity_check`` or was written by a newer version of the app is moved
aside (see :func:`checks.files.keep_aside`) and a fresh database is started:
the user is told, nothing is deleted.

This module stores bytes; what is *in* them (encrypted payloads) is
:mod:`checks.storage.store`'s business.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from checks.files import KeptAside, fsync_dir, keep_aside
from checks.paths import PRIVATE_FILE_MODE, make_private_dir

# Each entry moves the schema from version i to i + 1. Never edit a
# released entry: add a new one. Tests build every older version and
# migrate it forward.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: key/value metadata (key source, key check, scrypt salt …)
    ("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",),
    # 2: monthly checkup runs; date, score and urgent count stay readable
    #    without the key so the home screen and history list are quick.
    (
        "CREATE TABLE checkup_runs ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " created_at TEXT NOT NULL,"
        " app_version TEXT NOT NULL,"
        " score INTEGER NOT NULL,"
        " urgent_count INTEGER NOT NULL,"
        " payload BLOB NOT NULL)",
        "CREATE INDEX checkup_runs_created ON checkup_runs (created_at)",
    ),
    # 3: theft cases and half-finished work (drafts)
    (
        "CREATE TABLE cases ("
        " id TEXT PRIMARY KEY,"
        " opened_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL,"
        " status TEXT NOT NULL,"
        " payload BLOB NOT NULL)",
        "CREATE TABLE drafts ("
        " name TEXT PRIMARY KEY,"
        " updated_at TEXT NOT NULL,"
        " payload BLOB NOT NULL)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
_SIDE_FILES = ("-wal", "-shm", "-journal")


class DatabaseProblem(Exception):
    """The file is not a usable Wallet Checkup database."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason  # "damaged" or "newer-version"
        self.detail = detail


class Database:
    """A thread-safe connection: every statement runs under one lock.

    Work reaches the database from background threads (the UI thread never
    waits on disk), so the connection is shared and serialised here.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._conn = connection
        self._lock = threading.RLock()
        self.path = path

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Database:
        """Open (creating if needed) and migrate; raise DatabaseProblem if unusable."""
        make_private_dir(path.parent)
        if not path.exists():
            # Create owner-only *before* SQLite writes a byte.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE))
        for suffix in _SIDE_FILES:
            side = Path(f"{path}{suffix}")
            if side.exists() and os.name == "posix":
                os.chmod(side, PRIVATE_FILE_MODE)
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise DatabaseProblem("damaged", type(exc).__name__) from exc
        db = cls(conn, path)
        try:
            db._prepare()
        except DatabaseProblem:
            db.close()
            raise
        except sqlite3.Error as exc:
            db.close()
            raise DatabaseProblem("damaged", f"{type(exc).__name__}: {exc}") from exc
        return db

    @classmethod
    def in_memory(cls) -> Database:
        """A database that lives only in this process: nothing reaches disk."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        db = cls(conn, None)
        db._migrate(0)
        return db

    def _prepare(self) -> None:
        conn = self._conn
        # Reading the header first turns "not a database" into an error here.
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise DatabaseProblem(
                "newer-version", f"schema {version}, this app knows {SCHEMA_VERSION}"
            )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            raise DatabaseProblem("damaged", "integrity check failed")
        self._migrate(version)

    def _migrate(self, current: int) -> None:
        for target in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction() as conn:
                for statement in MIGRATIONS[target - 1]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target:d}")

    # -- use -------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        row = self.query_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``with db.transaction() as conn:`` — all or nothing, crash-safe."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return [tuple(row) for row in self._conn.execute(sql, params).fetchall()]

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one writing statement in its own transaction; return lastrowid."""
        with self.transaction() as conn:
            cursor = conn.execute(sql, params)
            return int(cursor.lastrowid or 0)

    def meta_get(self, key: str) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def meta_set(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.close()


def open_or_keep_aside(path: Path, dest_dir: Path, stamp: str) -> tuple[Database, KeptAside | None]:
    """Open the database; if unusable, move it aside and start a fresh one."""
    try:
        return Database.open(path), None
    except DatabaseProblem as problem:
        kept = move_database_aside(path, dest_dir, problem.reason, stamp)
        return Database.open(path), kept


def move_database_aside(path: Path, dest_dir: Path, reason: str, stamp: str) -> KeptAside:
    """Move the database and its WAL/SHM companions aside together."""
    kept_at = keep_aside(path, dest_dir, reason, stamp)
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{kept_at}{suffix}"))
    fsync_dir(path.parent)
    return KeptAside(original=path, kept_at=kept_at, reason=reason)
