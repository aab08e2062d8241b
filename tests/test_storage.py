"""The database: migrations, crash safety, damage handling, permissions."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from checks import files
from checks.storage.database import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Database,
    DatabaseProblem,
    open_or_keep_aside,
)

pytestmark = pytest.mark.security


def build_old_database(path: Path, version: int) -> None:
    """A database as an older app version left it (first ``version`` migrations)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for number, statements in enumerate(MIGRATIONS[:version], start=1):
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
    if version >= 1:
        conn.execute("INSERT INTO meta VALUES ('marker', ?)", (f"from version {version}",))
    if version >= 2:
        conn.execute(
            "INSERT INTO checkup_runs (created_at, app_version, score, urgent_count, payload)"
            " VALUES ('2026-01-01T00:00:00+00:00', '0.0.1', 70, 1, x'00')"
        )
    conn.close()


def test_empty_file_is_migrated_to_latest(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    path.touch()
    db = Database.open(path)
    assert db.schema_version == SCHEMA_VERSION
    tables = {row[0] for row in db.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"meta", "checkup_runs", "cases", "drafts"} <= tables
    assert db.query_one("PRAGMA journal_mode") == ("wal",)
    assert db.query_one("PRAGMA synchronous") == (2,)  # FULL
    db.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION + 1))
def test_every_older_version_migrates_and_keeps_its_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "db.sqlite"
    build_old_database(path, version)
    db = Database.open(path)
    assert db.schema_version == SCHEMA_VERSION
    if version >= 1:
        assert db.meta_get("marker") == f"from version {version}"
    if version >= 2:
        assert db.query("SELECT score, urgent_count FROM checkup_runs") == [(70, 1)]
    db.close()


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.sqlite"
    build_old_database(path, 1)
    broken = (*MIGRATIONS[:1], ("CREATE TABLE checkup_runs (id INTEGER)", "THIS IS NOT SQL"))
    monkeypatch.setattr("checks.storage.database.MIGRATIONS", broken)
    monkeypatch.setattr("checks.storage.database.SCHEMA_VERSION", 2)
    with pytest.raises(DatabaseProblem):
        Database.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (1,)
    assert conn.execute("SELECT name FROM sqlite_master WHERE name='checkup_runs'").fetchall() == []
    conn.close()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (os.urandom(4096), "damaged"),
        (b"SQLite format 3\x00" + b"\x00" * 84, "damaged"),  # header only, truncated
    ],
)
def test_damaged_file_is_moved_aside_not_deleted(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "db.sqlite"
    path.write_bytes(content)
    db, kept = open_or_keep_aside(path, tmp_path / "kept-aside", "20261120T093000Z")
    assert kept is not None and kept.reason == reason
    assert kept.kept_at.read_bytes() == content  # untouched, byte for byte
    assert kept.kept_at.parent == tmp_path / "kept-aside"
    assert db.schema_version == SCHEMA_VERSION  # a fresh, working database
    db.close()


def test_truncated_real_database_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    db = Database.open(path)
    for number in range(300):
        db.meta_set(f"k{number}", "x" * 200)
    db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    db, kept = open_or_keep_aside(path, tmp_path / "aside", "stamp")
    assert kept is not None and kept.reason == "damaged"
    assert kept.kept_at.read_bytes() == data[: len(data) // 2]
    db.close()


def test_database_from_a_newer_version_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    original = path.read_bytes()
    db, kept = open_or_keep_aside(path, tmp_path / "aside", "stamp")
    assert kept is not None and kept.reason == "newer-version"
    assert kept.kept_at.read_bytes() == original
    assert db.schema_version == SCHEMA_VERSION
    db.close()


def test_keeping_aside_never_overwrites(tmp_path: Path) -> None:
    first = tmp_path / "a.db"
    first.write_bytes(b"one")
    kept1 = files.keep_aside(first, tmp_path / "aside", "damaged", "same")
    first.write_bytes(b"two")
    kept2 = files.keep_aside(first, tmp_path / "aside", "damaged", "same")
    assert kept1 != kept2
    assert kept1.read_bytes() == b"one" and kept2.read_bytes() == b"two"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_and_files_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db = Database.open(folder / "db.sqlite")
    db.meta_set("x", "y")
    files.write_private(folder / "settings.json", b"{}")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("db.sqlite", "db.sqlite-wal", "settings.json"):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    db.close()


def test_atomic_write_replaces_whole_file_and_cleans_temp(tmp_path: Path) -> None:
    target = tmp_path / "s.json"
    files.write_private(target, b"first")
    files.write_private(target, b"second")
    assert target.read_bytes() == b"second"
    leftover = tmp_path / f"s.json{files.TEMP_MARKER}dead"
    leftover.write_bytes(b"half-written")
    assert files.clean_temp_files(tmp_path) == 1
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"]


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from checks.storage.database import Database
    db = Database.open(Path(sys.argv[1]))
    n = 0
    while True:
        n += 1
        with db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('counter', ?)", (str(n),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('mirror', ?)", (str(n),))
            conn.execute("INSERT INTO drafts VALUES (?, 'now', randomblob(2000))", (f"d{n}",))
        print(n, flush=True)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_sigkill_mid_write_keeps_last_committed_state(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    Database.open(path).close()
    for round_number in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        last = 0
        deadline = time.monotonic() + 0.05 + 0.03 * round_number
        while time.monotonic() < deadline or last == 0:
            line = child.stdout.readline()
            if not line:
                break
            last = int(line)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        db = Database.open(path)  # raises DatabaseProblem if damaged
        assert db.query_one("PRAGMA integrity_check") == ("ok",)
        counter = int(db.meta_get("counter") or 0)
        # Every transaction it reported is there; at most one more, never half of one.
        assert counter >= last
        assert db.meta_get("mirror") == str(counter)
        assert db.query_one("SELECT count(*) FROM drafts WHERE name = ?", (f"d{counter}",)) == (1,)
        db.execute("DELETE FROM meta WHERE key IN ('counter', 'mirror')")
        db.execute("DELETE FROM drafts")
        db.close()


# -- foreign, linked and damaged files (issue 15, item 6) ------------------------------


def foreign_database(path: Path) -> bytes:
    """Another program's SQLite file (a browser's history, say)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO urls (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_a_foreign_database_is_kept_aside_byte_for_byte_never_changed(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    original = foreign_database(path)
    db, kept = open_or_keep_aside(path, tmp_path / "aside", "stamp")
    assert kept is not None and kept.reason == "foreign"
    assert kept.kept_at.read_bytes() == original  # no tables added, no WAL, no user_version
    assert not Path(f"{kept.kept_at}-wal").exists()
    assert db.schema_version == SCHEMA_VERSION
    db.close()


def test_an_empty_file_or_one_of_ours_is_not_foreign(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    build_old_database(path, 2)  # an older version of ours
    db, kept = open_or_keep_aside(path, tmp_path / "aside", "stamp")
    assert kept is None and db.schema_version == SCHEMA_VERSION
    db.close()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_at_the_database_path_is_never_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "history.sqlite"
    original = foreign_database(target)
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "wallet-checkup.db"
    path.symlink_to(target)
    db, kept = open_or_keep_aside(path, folder / "kept-aside", "stamp")
    assert kept is not None and kept.reason == "symlink"
    assert kept.kept_at.is_symlink() and kept.kept_at.resolve() == target  # the link, kept
    assert target.read_bytes() == original  # what it pointed at: untouched
    assert sorted(p.name for p in elsewhere.iterdir()) == ["history.sqlite"]
    assert path.is_file() and not path.is_symlink()  # a fresh database of our own, here
    db.close()


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_dangling_link_never_creates_the_database_elsewhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "wallet-checkup.db"
    path.symlink_to(elsewhere / "nothing-yet.db")
    db, kept = open_or_keep_aside(path, folder / "kept-aside", "stamp")
    assert kept is not None and kept.reason == "symlink"
    assert list(elsewhere.iterdir()) == []
    assert path.is_file() and not path.is_symlink()
    db.close()


def test_a_damaged_database_is_kept_with_its_wal_as_they_were(tmp_path: Path) -> None:
    """Closing a connection folds the WAL into the database: the copy kept
    must be what was found, both files, byte for byte."""
    live = tmp_path / "live.db"
    db = Database.open(live)
    for number in range(60):
        db.execute("INSERT INTO drafts VALUES (?, 'now', randomblob(3000))", (f"d{number}",))
    db.query("PRAGMA wal_checkpoint(TRUNCATE)")
    db.query("PRAGMA wal_autocheckpoint=0")
    for number in range(5):
        db.execute("INSERT INTO drafts VALUES (?, 'now', randomblob(3000))", (f"w{number}",))
    path = tmp_path / "db.sqlite"
    path.write_bytes(live.read_bytes())  # as a crash leaves them: the database …
    Path(f"{path}-wal").write_bytes(Path(f"{live}-wal").read_bytes())  # … and its WAL
    db.close()
    raw = bytearray(path.read_bytes())
    raw[4096 * 3 : 4096 * 3 + 64] = os.urandom(64)  # a damaged page the WAL does not cover
    path.write_bytes(bytes(raw))
    wal = Path(f"{path}-wal").read_bytes()
    assert len(wal) > 4096

    db, kept = open_or_keep_aside(path, tmp_path / "aside", "stamp")
    assert kept is not None and kept.reason == "damaged"
    assert kept.kept_at.read_bytes() == bytes(raw)
    assert Path(f"{kept.kept_at}-wal").read_bytes() == wal
    db.close()
