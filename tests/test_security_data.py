"""Promises: damaged or foreign data is kept aside and explained; files are
private; hostile input gets bounded work and never freezes the window."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest
from conftest import FIXED_NOW

from PySide6.QtCore import QThreadPool

from checks.panic import evidence
from checks.panic.case import new_case
from checks.storage import store as data
from checks.storage.database import SCHEMA_VERSION
from desktop.app import build_window, make_application
from desktop.ui import dialogs

pytestmark = pytest.mark.security


def damage(kind: str, paths, memory_keyring) -> bytes:
    paths.ensure()
    if kind == "truncated":
        store = data.open_store(paths, memory_keyring).store
        for number in range(50):
            store.save_case(f"c{number}", FIXED_NOW, "open", {"pad": "x" * 2000}, FIXED_NOW)
        store.db.query("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        raw = paths.database.read_bytes()
        paths.database.write_bytes(raw[: len(raw) // 3])
    elif kind == "random":
        paths.database.write_bytes(os.urandom(8192))
    elif kind == "newer":
        conn = sqlite3.connect(paths.database)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
        conn.close()
    elif kind in ("wrong-key", "missing-key"):
        store = data.open_store(paths, memory_keyring).store
        store.save_case("c1", FIXED_NOW, "open", {"n": 1}, FIXED_NOW)
        store.close()
        entry = next(iter(memory_keyring.entries))
        if kind == "missing-key":
            del memory_keyring.entries[entry]
        else:
            memory_keyring.entries[entry] = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="
    elif kind == "settings":
        paths.settings.write_bytes(b"\x00\xff not json")
        return paths.settings.read_bytes()
    elif kind == "nested-settings":  # json raises RecursionError on it
        paths.settings.write_bytes(b"[" * 1000 + b"]" * 1000)
        return paths.settings.read_bytes()
    elif kind in ("foreign", "symlink"):  # another program's database, or a link to one
        other = paths.data_dir.parent / "other-program.sqlite"
        conn = sqlite3.connect(other)
        conn.execute("CREATE TABLE history (url TEXT)")
        conn.commit()
        conn.close()
        if kind == "symlink":
            paths.database.symlink_to(other)
        else:
            os.replace(other, paths.database)
    return paths.database.read_bytes()


WORDS = {
    "truncated": "the file was damaged",
    "random": "the file was damaged",
    "newer": "saved by a newer version",
    "wrong-key": "does not fit it",
    "missing-key": "no longer in your system keyring",
    "settings": "the file was damaged",
    "nested-settings": "the file was damaged",
    "foreign": "not a Wallet Checkup file",
    "symlink": "a link to a file elsewhere",
}


@pytest.mark.parametrize("kind", list(WORDS))
def test_damaged_data_is_kept_aside_explained_and_the_app_starts(
    qtbot, make_ctx, paths, memory_keyring, kind
) -> None:
    original = damage(kind, paths, memory_keyring)
    from checks.storage.settings import load_settings

    settings, kept_settings = load_settings(paths, FIXED_NOW)
    ctx = make_ctx(settings=settings)
    if kept_settings:
        ctx.kept_aside.append(kept_settings)
    win = build_window(ctx, make_application([]), "en")
    qtbot.add_widget(win)
    win.show()
    win.unlocker.start()
    assert ctx.store is not None and ctx.store.keeps_data  # the app works
    texts = [b.label.text() for b in win.home.banners]
    assert any(WORDS[kind] in text and "Nothing was deleted" in text for text in texts), texts
    kept = list(paths.damaged_dir.iterdir())
    assert any(p.read_bytes() == original for p in kept)  # kept byte for byte
    if kind == "symlink":  # the link was moved aside; what it points to is untouched
        assert (paths.data_dir.parent / "other-program.sqlite").read_bytes() == original
        assert not paths.database.is_symlink()
    ctx.store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_every_file_and_folder_the_app_writes_is_private(
    paths, memory_keyring, tmp_path: Path
) -> None:
    store = data.open_store(paths, memory_keyring).store
    source = tmp_path / "shot.png"
    source.write_bytes(b"png" * 100)
    case = evidence.add_file(new_case(FIXED_NOW), source, paths, store, FIXED_NOW)
    store.save_case(case.id, case.opened_at, "open", case.to_payload(), FIXED_NOW)
    from checks.storage.settings import Settings, save_settings

    save_settings(paths, Settings(language="zh_CN"))
    store.close()
    from checks.files import write_private

    export = tmp_path / "exports" / "reminder.ics"
    write_private(export, b"BEGIN:VCALENDAR")
    checked = 0
    for path in [paths.data_dir, *paths.data_dir.rglob("*"), export]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
        checked += 1
    assert checked >= 6


def test_a_one_megabyte_paste_is_checked_off_the_ui_thread(qtbot, make_ctx, monkeypatch) -> None:
    import checks.secrets as secrets

    threads: list[int] = []
    real = secrets.find_secrets

    def spy(text: str):
        threads.append(threading.get_ident())
        return real(text)

    monkeypatch.setattr(secrets, "find_secrets", spy)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda p, title, text, detail="": shown.append(text))
    ctx = make_ctx(pool=QThreadPool())
    win = build_window(ctx, make_application([]), "en")
    qtbot.add_widget(win)
    win.show_panic()
    field = win.panic.wizard.pages[2].what
    seed = " ".join(["abandon"] * 11 + ["about"])
    huge = seed + " " + ("Ordinary words and 中文句子。 " * 40_000)[:1_000_000]
    field.setText(huge)  # a line field keeps at most 32,767 characters: bounded by Qt
    assert 20_000 < len(field.text()) < len(huge)
    qtbot.waitUntil(lambda: field.text() == "", timeout=20000)  # refused once checked
    assert shown and "seed phrase" in shown[0]
    assert threads and threading.get_ident() not in threads
    QThreadPool.globalInstance().waitForDone()


@pytest.mark.parametrize("size", [10_000, 1_000_000])
def test_parsers_do_bounded_work_on_huge_input(size: int) -> None:
    from checks.chains import validate_address, validate_tx_hash
    from checks.phishing import classify
    from checks.probes.wifi import parse_wifi
    from checks.totp import parse_otpauth

    blob = "€" * size
    assert classify(blob).verdict == "unknown"
    assert not validate_address("ethereum", blob).ok
    assert not validate_tx_hash("bitcoin", blob).ok
    assert parse_wifi(blob, "netsh").security == "unknown"
    with pytest.raises(ValueError):
        parse_otpauth(blob)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_export_never_changes_the_folder_it_goes_into(tmp_path: Path) -> None:
    from checks.files import write_private

    home = tmp_path / "home-folder"
    home.mkdir(mode=0o755)
    os.chmod(home, 0o755)
    write_private(home / "wallet-checkup-reminder.ics", b"BEGIN:VCALENDAR")
    assert stat.S_IMODE(home.stat().st_mode) == 0o755
    assert stat.S_IMODE((home / "wallet-checkup-reminder.ics").stat().st_mode) == 0o600


UMASK_000 = """
import os, sys
os.umask(0)
from pathlib import Path
import keyring.backend
from PySide6.QtCore import QCoreApplication, QSettings
from checks.paths import Paths
from checks.panic import evidence
from checks.panic.case import new_case
from checks.storage import store as data
from checks.storage.settings import Settings, save_settings
from desktop import crash
from desktop.app import keep_qt_settings_in

class Keyring(keyring.backend.KeyringBackend):
    priority = 1
    entries = {}
    def get_password(self, s, u): return self.entries.get((s, u))
    def set_password(self, s, u, p): self.entries[(s, u)] = p
    def delete_password(self, s, u): self.entries.pop((s, u))

paths, source = Paths(Path(sys.argv[1])), Path(sys.argv[2])
app = QCoreApplication([])
backend = Keyring()
for start in range(2):
    if start == 1:  # what an older version, Qt or a copy left: readable by all
        for path in [paths.data_dir, *paths.data_dir.rglob("*")]:
            os.chmod(path, 0o777 if path.is_dir() else 0o666)
    store = data.open_store(paths, backend).store
    keep_qt_settings_in(paths.qt_settings_dir)  # after the first paint
    qt = QSettings(QSettings.Scope.UserScope, "QtProject")  # as the file dialog does
    qt.setValue("FileDialog/lastVisited", "file:///home/someone/evidence")
    qt.sync()
    case = evidence.add_file(new_case(data.utc_now()), source, paths, store, data.utc_now())
    store.save_case(case.id, case.opened_at, "open", case.to_payload(), data.utc_now())
    store.add_checkup_run(data.utc_now(), 60, 1, {"answers": {}})
    save_settings(paths, Settings(language="zh_CN"))
    crash.write_log(paths.logs_dir, ValueError, None)
    if start == 0:
        store.db.close()
# Looked at while the database is open, so its -wal and -shm are there.
import json
print(json.dumps({str(p): p.lstat().st_mode for p in [paths.data_dir, *paths.data_dir.rglob("*")]}))
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_under_umask_000_every_file_in_the_data_folder_is_private(tmp_path: Path) -> None:
    """Qt's settings folder was 0777 and QtProject.conf 0666 under umask 000; a
    database already 0644 kept it, and SQLite gave its -wal/-shm the same. Now
    everything is 0700/0600, and modes are fixed again at every start."""
    import subprocess
    import sys

    source = tmp_path / "shot.png"
    source.write_bytes(b"png" * 100)
    home = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-c", UMASK_000, str(home), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    modes = json.loads(result.stdout.splitlines()[-1])
    for name, mode in modes.items():
        wanted = 0o700 if stat.S_ISDIR(mode) else 0o600
        assert stat.S_IMODE(mode) == wanted, (name, oct(mode))
    names = {Path(name).name for name in modes}
    db = "wallet-checkup.db"
    for name in ("qt", "QtProject.conf", db, f"{db}-wal", f"{db}-shm", "settings.json",
                 "folder-id", "logs", "evidence"):  # fmt: skip
        assert name in names, sorted(names)
