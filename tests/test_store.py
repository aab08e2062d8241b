"""The encrypted data layer and its keyring paths."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from conftest import FIXED_NOW, MemoryKeyring

from checks.paths import Paths
from checks.storage import keystore
from checks.storage import store as data
from checks.storage.erase import erase_all
from checks.storage.keystore import KeyringState
from checks.storage.settings import Settings, load_settings, save_settings

pytestmark = pytest.mark.security
SENTINEL = "SENTINEL-case-note-7f3a9"


def all_bytes(paths: Paths) -> bytes:
    return b"".join(p.read_bytes() for p in paths.data_dir.rglob("*") if p.is_file())


def test_keyring_round_trip_and_payload_is_encrypted_at_rest(
    paths: Paths, memory_keyring: MemoryKeyring
) -> None:
    outcome = data.open_store(paths, memory_keyring, lambda: FIXED_NOW)
    assert outcome.store is not None and outcome.key_created
    assert outcome.store.source is data.KeySource.KEYRING
    stored = memory_keyring.entries[(keystore.SERVICE, keystore.USERNAME)]
    assert len(base64.b64decode(stored)) == 32
    outcome.store.save_case("c1", FIXED_NOW, "open", {"note": SENTINEL}, FIXED_NOW)
    run = outcome.store.add_checkup_run(FIXED_NOW, 62, 1, {"answers": SENTINEL})
    outcome.store.close()
    raw = all_bytes(paths)
    for form in (SENTINEL, SENTINEL.lower(), SENTINEL.upper()):
        assert form.encode() not in raw
        assert form.encode("utf-16-le") not in raw

    again = data.open_store(paths, memory_keyring, lambda: FIXED_NOW)
    assert again.store is not None and not again.key_created
    assert again.store.load_case("c1") == {"note": SENTINEL}
    assert again.store.load_checkup_run(run) == {"answers": SENTINEL}
    assert [(r.score, r.urgent_count) for r in again.store.list_checkup_runs()] == [(62, 1)]
    again.store.close()


def test_sealed_row_cannot_be_moved_to_another_row(
    paths: Paths, memory_keyring: MemoryKeyring
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.save_case("a", FIXED_NOW, "open", {"x": 1}, FIXED_NOW)
    blob = store.db.query_one("SELECT payload FROM cases WHERE id='a'")
    assert blob is not None
    store.db.execute(
        "INSERT INTO cases VALUES ('b', ?, ?, 'open', ?)",
        (FIXED_NOW.isoformat(), FIXED_NOW.isoformat(), blob[0]),
    )
    with pytest.raises(data.crypto.DecryptionError):
        store.load_case("b")
    store.close()


def test_no_keyring_offers_fallback(paths: Paths, fail_keyring: object) -> None:
    outcome = data.open_store(paths, fail_keyring)
    assert outcome.store is None
    assert outcome.need is data.Need.FALLBACK
    assert outcome.keyring_state is KeyringState.MISSING
    assert not outcome.keyring_holds_data
    assert outcome.db is None  # nothing saved yet: no database until there is a key
    assert not paths.database.exists()


def test_locked_keyring_offers_fallback(paths: Paths, locked_keyring: object) -> None:
    outcome = data.open_store(paths, locked_keyring)
    assert outcome.need is data.Need.FALLBACK
    assert outcome.keyring_state is KeyringState.LOCKED
    assert outcome.db is None and not paths.database.exists()


def test_keyring_data_unreachable_is_left_untouched(
    paths: Paths, memory_keyring: MemoryKeyring, locked_keyring: object
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.save_case("c1", FIXED_NOW, "open", {"n": 1}, FIXED_NOW)
    store.close()
    before = paths.database.read_bytes()
    outcome = data.open_store(paths, locked_keyring)
    assert outcome.need is data.Need.FALLBACK and outcome.keyring_holds_data
    assert outcome.db is not None
    outcome.db.close()
    assert paths.database.read_bytes() == before
    assert not paths.damaged_dir.exists()


@pytest.mark.parametrize("change", ["delete", "replace", "garble"])
def test_lost_key_keeps_data_aside_and_starts_fresh(
    paths: Paths, memory_keyring: MemoryKeyring, change: str
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.save_case("c1", FIXED_NOW, "open", {"n": 1}, FIXED_NOW)
    store.close()
    entry = (keystore.SERVICE, keystore.USERNAME)
    if change == "delete":
        del memory_keyring.entries[entry]
    elif change == "replace":
        memory_keyring.entries[entry] = base64.b64encode(b"k" * 32).decode()
    else:
        memory_keyring.entries[entry] = "not base64 at all!"
    outcome = data.open_store(paths, memory_keyring, lambda: FIXED_NOW)
    assert outcome.store is not None
    assert [k.reason for k in outcome.kept_aside] == [
        "key-missing" if change == "delete" else "key-mismatch"
    ]
    kept = outcome.kept_aside[0].kept_at
    assert kept.exists() and kept.parent == paths.damaged_dir
    assert outcome.store.list_cases() == []
    outcome.store.close()


def test_passphrase_setup_unlock_and_wrong_passphrase(paths: Paths, fail_keyring: object) -> None:
    outcome = data.open_store(paths, fail_keyring)
    assert outcome.need is data.Need.FALLBACK and outcome.db is None
    store = data.setup_passphrase(data.create_database(paths), "correct horse battery")
    store.save_case("c1", FIXED_NOW, "open", {"note": SENTINEL}, FIXED_NOW)
    store.close()
    assert SENTINEL.encode() not in all_bytes(paths)
    assert b"correct horse" not in all_bytes(paths)

    again = data.open_store(paths, fail_keyring)
    assert again.need is data.Need.PASSPHRASE and again.db is not None
    with pytest.raises(data.WrongPassphrase):
        data.unlock_with_passphrase(again.db, "wrong horse battery")
    opened = data.unlock_with_passphrase(again.db, "correct horse battery")
    assert opened.load_case("c1") == {"note": SENTINEL}
    opened.close()


def test_ephemeral_store_writes_nothing(paths: Paths) -> None:
    store = data.Store.ephemeral()
    store.save_case("c1", FIXED_NOW, "open", {"note": SENTINEL}, FIXED_NOW)
    assert store.load_case("c1") == {"note": SENTINEL}
    assert not store.keeps_data
    store.close()
    assert not paths.data_dir.exists()


def test_drafts_round_trip(paths: Paths, memory_keyring: MemoryKeyring) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    assert store.get_draft("checkup") is None
    store.put_draft("checkup", {"topic": 3}, FIXED_NOW)
    assert store.get_draft("checkup") == {"topic": 3}
    store.delete_draft("checkup")
    assert store.get_draft("checkup") is None
    store.close()


def test_erase_all_removes_files_and_key(paths: Paths, memory_keyring: MemoryKeyring) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.save_case("c1", FIXED_NOW, "open", {}, FIXED_NOW)
    store.close()
    (paths.cases_dir / "c1").mkdir(parents=True)
    (paths.cases_dir / "c1" / "evidence.png").write_bytes(b"png")
    save_settings(paths, Settings(language="zh_CN"))
    paths.qt_settings_dir.mkdir()
    (paths.qt_settings_dir / "QtProject.conf").write_text("[FileDialog]\nlastVisited=/evidence\n")
    unrelated = paths.data_dir / "not-ours.txt"
    unrelated.write_text("keep me")
    report = erase_all(paths, memory_keyring)
    assert report.complete
    assert memory_keyring.entries == {}
    assert sorted(p.name for p in paths.data_dir.iterdir()) == ["not-ours.txt"]


def test_erase_without_keyring_reports_it(paths: Paths, fail_keyring: object) -> None:
    report = erase_all(paths, fail_keyring)
    assert report.keyring_state is KeyringState.MISSING and not report.complete


def test_settings_round_trip_and_damage(paths: Paths) -> None:
    settings, kept = load_settings(paths, FIXED_NOW)
    assert settings == Settings() and kept is None
    save_settings(paths, Settings(language="zh_CN", reminder_day=15))
    assert load_settings(paths, FIXED_NOW)[0] == Settings(language="zh_CN", reminder_day=15)
    paths.settings.write_bytes(b"\xff{not json")
    settings, kept = load_settings(paths, FIXED_NOW + timedelta(seconds=1))
    assert settings == Settings()
    assert kept is not None and kept.kept_at.read_bytes() == b"\xff{not json"


def test_settings_values_are_cleaned(paths: Paths) -> None:
    paths.ensure()
    paths.settings.write_text('{"language": "fr", "reminder_day": 31, "extra": 1}')
    settings, kept = load_settings(paths, FIXED_NOW)
    assert kept is None
    assert settings.language is None and settings.reminder_day == 28
