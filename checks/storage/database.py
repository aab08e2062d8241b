"""The SQLite database: schema, migrations, transactions, damage handling.

One file, WAL mode, ``synchronous=FULL``; the schema version lives in
``PRAGMA user_version`` and grows only through :data:`MIGRATIONS`, applied
in order, each in its own ``BEGIN IMMEDIATE`` transaction that reads the
version again inside it (a second process that got there first is seen).

Before anything is written, the file is looked at through a read-only
connection (:func:`_inspect`), which can neither change it nor fold its WAL
into it. A file that cannot be opened, fails ``integrity_check``, belongs to
another program (tables that are not ours), was written by a newer version
of the app, or is a symbolic link (it would make us write elsewhere) is moved
aside together with its ``-wal``/``-shm``, byte for byte (see
:func:`checks.files.keep_aside`; a link is moved, never what it points to), and
a fresh database is started: the user is told, nothing is deleted.

This module stores bytes; what is *in* them (encrypted payloads) is
:mod:`checks.storage.store`'s business.
"""

from __future__ import annotations

import contextlib
import os
import re
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
BUSY_TIMEOUT_S = 30.0  # another process's write transaction is short; wait for it
_CREATED = re.compile(r"CREATE (?:TABLE|INDEX) (\w+)")


class DatabaseProblem(Exception):
    """The file is not a usable Wallet Checkup database."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason  # "damaged", "newer-version", "foreign" or "symlink"
        self.detail = detail


def schema_names(version: int) -> set[str]:
    """The tables and indexes our migrations 1..``version`` create."""
    return {
        name
        for statements in MIGRATIONS[:version]
        for statement in statements
        for name in _CREATED.findall(statement)
    }


def side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in _SIDE_FILES]


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
        for file in (path, *side_files(path)):
            if file.is_symlink():
                raise DatabaseProblem("symlink", f"{file.name} is a symbolic link")
        if not path.exists():
            # Create owner-only *before* SQLite writes a byte; never through a link.
            flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            os.close(os.open(path, flags, PRIVATE_FILE_MODE))
        if os.name == "posix":  # SQLite gives -wal and -shm the database's mode
            for file in (path, *side_files(path)):
                with contextlib.suppress(FileNotFoundError):
                    os.chmod(file, PRIVATE_FILE_MODE, follow_symlinks=False)
        _inspect(path)
        try:
            conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
            )
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
        db._migrate()
        return db

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        """Each step in its own transaction, the version read again inside it:
        when another process migrated first, there is nothing left to do."""
        while True:
            with self.transaction() as conn:
                current = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if current >= SCHEMA_VERSION:
                    return
                for statement in MIGRATIONS[current]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {current + 1:d}")

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

    def query_raw(self, sql: str) -> list[dict[str, Any]]:
        """Rows as dicts, text as the bytes stored (text that is not UTF-8 reads too)."""
        with self._lock:
            self._conn.text_factory = bytes
            try:
                cursor = self._conn.execute(sql)
                names = [column[0] for column in cursor.description]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            finally:
                self._conn.text_factory = str

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


def _inspect(path: Path) -> None:
    """Raise DatabaseProblem unless ``path`` is a healthy database of ours (or empty).

    Read-only: this connection cannot write the file, and closing it never
    checkpoints the WAL into it, so a file kept aside afterwards is exactly
    what was found, with its WAL beside it.
    """
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise DatabaseProblem("damaged", type(exc).__name__) from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise DatabaseProblem(
                "newer-version", f"schema {version}, this app knows {SCHEMA_VERSION}"
            )
        names = {
            str(row[0])
            for row in conn.execute("SELECT name FROM sqlite_master")
            if not str(row[0]).startswith("sqlite_")
        }
        strangers = names - schema_names(version)
        if strangers:
            raise DatabaseProblem("foreign", f"{len(strangers)} tables or indexes are not ours")
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            raise DatabaseProblem("damaged", "integrity check failed")
    except sqlite3.Error as exc:
        raise DatabaseProblem("damaged", f"{type(exc).__name__}: {exc}") from exc
    finally:
        conn.close()


def open_or_keep_aside(path: Path, dest_dir: Path, stamp: str) -> tuple[Database, KeptAside | None]:
    """Open the database; if unusable, move it aside and start a fresh one."""
    try:
        return Database.open(path), None
    except DatabaseProblem as problem:
        kept = move_database_aside(path, dest_dir, problem.reason, stamp)
        return Database.open(path), kept


def move_database_aside(path: Path, dest_dir: Path, reason: str, stamp: str) -> KeptAside:
    """Move the database and its WAL/SHM companions aside together (links as links)."""
    kept_at = keep_aside(path, dest_dir, reason, stamp)
    for side in side_files(path):
        if side.exists() or side.is_symlink():
            os.replace(side, Path(f"{kept_at}{side.name[len(path.name) :]}"))
    fsync_dir(path.parent)
    return KeptAside(original=path, kept_at=kept_at, reason=reason)
