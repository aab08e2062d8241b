"""``wallet-checkup doctor [--json]`` and ``wallet-checkup erase --yes``
(DESIGN.md contracts; issue 15, item 10), in real subprocesses. The key is
shared with the subprocess by the test-only file keyring (tests/keyring_backend.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXED_NOW
from keyring_backend import ENV, FileKeyring

from checks.paths import Paths
from checks.storage import doctor, folder_id, keystore
from checks.storage import store as data

pytestmark = pytest.mark.security
TESTS = Path(__file__).parent
ROOT = TESTS.parent
SENTINEL = "SENTINEL-doctor-note-51c2"


def cli(paths: Paths, keyring_file: Path, *args: str, language: str = "en"):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WALLET_CHECKUP_HOME": str(paths.data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring_backend.FileKeyring",
        ENV: str(keyring_file),
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)]),
        "LANGUAGE": "",
        "LC_ALL": "",
        "LANG": "zh_CN.UTF-8" if language == "zh_CN" else "en_US.UTF-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def keyring_file(tmp_path: Path) -> Path:
    return tmp_path / "keyring.json"


@pytest.fixture
def seeded(paths: Paths, keyring_file: Path) -> Paths:
    store = data.open_store(paths, FileKeyring(keyring_file)).store
    assert store is not None
    for number in range(2):
        store.save_case(f"c{number}", FIXED_NOW, "open", {"note": SENTINEL}, FIXED_NOW)
    store.add_checkup_run(FIXED_NOW, 70, 0, {"answers": {}})
    store.close()
    return paths


def test_doctor_on_healthy_data_says_so_and_exits_0(seeded: Paths, keyring_file: Path) -> None:
    result = cli(seeded, keyring_file, "doctor", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "healthy" and report["problem"] is None
    assert report["records"] == {"cases": 2, "checkups": 1, "drafts": 0}
    assert (report["keyring"], report["key"]) == ("available", "keyring")
    assert SENTINEL not in result.stdout  # counts and paths, never content

    text = cli(seeded, keyring_file, "doctor")
    assert text.returncode == 0 and "Everything is readable." in text.stdout


def test_doctor_keeps_a_damaged_record_aside_and_exits_1(seeded: Paths, keyring_file: Path) -> None:
    store = data.open_store(seeded, FileKeyring(keyring_file)).store
    assert store is not None
    store.db.execute("UPDATE cases SET payload = x'0102' WHERE id = 'c1'")
    store.close()
    result = cli(seeded, keyring_file, "doctor", "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["status"] == "damage-kept-aside"
    (record,) = report["damaged_records"]
    assert (record["kind"], record["date"]) == ("case", "2026-11-20")
    assert Path(record["kept_at"]).exists()
    assert report["records"]["cases"] == 1  # the rest is there

    again = cli(seeded, keyring_file, "doctor", "--lang", "zh_CN")
    # Kept aside once: healthy from then on.
    assert again.returncode == 0 and "所有数据都可以读取" in again.stdout


def test_doctor_on_a_damaged_database_exits_1_and_keeps_it(
    seeded: Paths, keyring_file: Path
) -> None:
    seeded.database.write_bytes(b"not a database at all" * 100)
    Path(f"{seeded.database}-wal").unlink(missing_ok=True)
    result = cli(seeded, keyring_file, "doctor")
    assert result.returncode == 1, result.stderr
    assert "the file was damaged" in result.stdout and "kept-aside" in result.stdout


def test_doctor_exits_2_when_the_data_cannot_be_opened(seeded: Paths, keyring_file: Path) -> None:
    """The key's keyring is locked: the data is left as it is."""
    before = seeded.database.read_bytes()
    report = doctor.examine(seeded, keyring_backend=_Locked())
    assert report.status == "could-not-open" and report.exit_code == 2
    assert report.problem == "keyring-locked"
    assert seeded.database.read_bytes() == before


def test_doctor_with_a_passphrase_never_reads_it_from_a_pipe(paths: Paths, keyring_file) -> None:
    data.setup_passphrase(data.create_database(paths), "correct horse battery").close()
    result = cli(paths, keyring_file, "doctor", "--json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["problem"] == "passphrase-needed"
    good = doctor.examine(paths, ask_passphrase=lambda: "correct horse battery")
    assert good.exit_code == 0 and good.key == "passphrase"


def test_doctor_on_a_new_folder_makes_it_like_the_app(tmp_path: Path, keyring_file) -> None:
    paths = Paths(tmp_path / "new")
    result = cli(paths, keyring_file, "doctor", "--json")
    assert result.returncode == 0, result.stderr
    assert paths.data_dir.is_dir() and paths.database.exists()
    assert folder_id.read(paths) is not None


def test_erase_needs_yes(seeded: Paths, keyring_file: Path) -> None:
    result = cli(seeded, keyring_file, "erase")
    assert result.returncode == 2 and "erase --yes" in result.stderr
    assert seeded.database.exists()


def test_erase_yes_removes_this_folders_files_and_key_only(
    seeded: Paths, keyring_file: Path, tmp_path: Path
) -> None:
    other = Paths(tmp_path / "other-folder")
    other_store = data.open_store(other, FileKeyring(keyring_file)).store
    assert other_store is not None
    other_store.close()
    unrelated = seeded.data_dir / "not-ours.txt"
    unrelated.write_text("keep me")
    own = keystore.entry_for(folder_id.read(seeded) or "")

    result = cli(seeded, keyring_file, "erase", "--yes")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in seeded.data_dir.iterdir()) == ["not-ours.txt"]
    entries = json.loads(keyring_file.read_text())
    assert not any(own in key for key in entries)
    assert any(keystore.entry_for(folder_id.read(other) or "") in key for key in entries)
    assert data.open_store(other, FileKeyring(keyring_file)).store is not None  # still opens


def test_erase_is_refused_while_a_window_is_open(seeded: Paths, keyring_file: Path) -> None:
    from desktop import instance

    held = instance.claim(seeded.data_dir)
    assert held is not None
    try:
        result = cli(seeded, keyring_file, "erase", "--yes")
    finally:
        instance.lock.release(held)
    assert result.returncode == 1 and "Close it first" in result.stderr
    assert seeded.database.exists()


class _Locked:
    """A keyring that stays locked (a Secret Service collection no one unlocks)."""

    def get_password(self, service: str, username: str) -> str | None:
        import keyring.errors

        raise keyring.errors.KeyringLocked("locked")

    set_password = delete_password = get_password  # type: ignore[assignment]
