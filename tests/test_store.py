"""The encrypted data layer and its keyring paths."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from conftest import FIXED_NOW, MemoryKeyring

from checks.paths import Paths
from checks.storage import folder_id, keystore
from checks.storage import store as data
from checks.storage.erase import erase_all
from checks.storage.keystore import KeyringState
from checks.storage.settings import Settings, load_settings, save_settings

pytestmark = pytest.mark.security
SENTINEL = "SENTINEL-case-note-7f3a9"


def all_bytes(paths: Paths) -> bytes:
    return b"".join(p.read_bytes() for p in paths.data_dir.rglob("*") if p.is_file())


def own_entry(paths: Paths) -> tuple[str, str]:
    """This data folder's keyring entry (service, user)."""
    folder = folder_id.read(paths)
    assert folder is not None
    return keystore.SERVICE, keystore.entry_for(folder)


def test_keyring_round_trip_and_payload_is_encrypted_at_rest(
    paths: Paths, memory_keyring: MemoryKeyring
) -> None:
    outcome = data.open_store(paths, memory_keyring, lambda: FIXED_NOW)
    assert outcome.store is not None and outcome.key_created
    assert outcome.store.source is data.KeySource.KEYRING
    stored = memory_keyring.entries[own_entry(paths)]
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
    entry = own_entry(paths)
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


def test_erase_without_keyring_reports_it(
    paths: Paths, memory_keyring: MemoryKeyring, fail_keyring: object
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.close()
    report = erase_all(paths, fail_keyring)  # the keyring went away since
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


@pytest.mark.parametrize(
    "content",
    [b"[" * 1000 + b"]" * 1000, b'{"a":' * 1000 + b"1" + b"}" * 1000, b"{" + b" " * 70_000],
    ids=["nested-lists", "nested-objects", "huge"],
)
def test_a_hostile_settings_file_is_kept_aside_and_the_defaults_used(
    paths: Paths, content: bytes
) -> None:
    """1,000 nested brackets made json raise RecursionError, which stopped every start."""
    paths.ensure()
    paths.settings.write_bytes(content)
    settings, kept = load_settings(paths, FIXED_NOW)
    assert settings == Settings()
    assert kept is not None and kept.kept_at.read_bytes() == content
    assert not paths.settings.exists()


# -- one key per data folder (issue 15, item 3) ------------------------------------------


def test_each_data_folder_has_its_own_key(tmp_path, memory_keyring: MemoryKeyring) -> None:
    """Deleting one folder's data used to make every other folder unreadable."""
    first, second = Paths(tmp_path / "first"), Paths(tmp_path / "portable")
    for paths, note in ((first, "one"), (second, "two")):
        store = data.open_store(paths, memory_keyring).store
        assert store is not None
        store.save_case("c1", FIXED_NOW, "open", {"note": note}, FIXED_NOW)
        store.close()
    assert folder_id.read(first) != folder_id.read(second)
    assert len(memory_keyring.entries) == 2

    assert erase_all(first, memory_keyring).complete
    assert list(memory_keyring.entries) == [own_entry(second)]  # only the first one's key
    again = data.open_store(second, memory_keyring)
    assert again.store is not None and again.kept_aside == []
    assert again.store.load_case("c1") == {"note": "two"}
    again.store.close()


def test_the_key_all_folders_shared_is_copied_into_the_folders_own_entry(
    paths: Paths, memory_keyring: MemoryKeyring
) -> None:
    """Data saved by an older version: its key is in the shared entry ``data-key``."""
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.save_case("c1", FIXED_NOW, "open", {"note": SENTINEL}, FIXED_NOW)
    store.db.execute("DELETE FROM meta WHERE key = 'folder_id'")  # as older versions left it
    store.close()
    legacy = (keystore.SERVICE, keystore.LEGACY_ENTRY)
    memory_keyring.entries = {legacy: memory_keyring.entries.pop(own_entry(paths))}
    (paths.data_dir / folder_id.FILE_NAME).unlink()

    outcome = data.open_store(paths, memory_keyring)
    assert outcome.store is not None and outcome.kept_aside == []
    assert outcome.key_adopted and not outcome.key_created
    assert outcome.store.load_case("c1") == {"note": SENTINEL}
    outcome.store.close()
    assert memory_keyring.entries[own_entry(paths)] == memory_keyring.entries[legacy]
    assert legacy in memory_keyring.entries  # left for other folders that may need it


def test_a_garbled_entry_is_never_overwritten(paths: Paths, memory_keyring: MemoryKeyring) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.close()
    garbled = own_entry(paths)
    memory_keyring.entries[garbled] = "not a key, but maybe someone's"
    outcome = data.open_store(paths, memory_keyring)
    assert outcome.store is not None
    outcome.store.close()
    assert memory_keyring.entries[garbled] == "not a key, but maybe someone's"
    assert own_entry(paths) != garbled  # the folder took a new id, so a new entry


def test_a_key_written_by_another_process_in_between_is_the_one_used() -> None:
    """create_key reads the entry back: two processes that both write end up
    with the key that stayed, never with two different keys."""

    class RacingKeyring(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            super().set_password(service, username, password)
            # Another process's write lands right after ours.
            self.entries[(service, username)] = base64.b64encode(b"o" * 32).decode()

    result = keystore.create_key(RacingKeyring(), "data-key-test")
    assert result.key == b"o" * 32 and not result.created


def test_an_existing_entry_is_returned_not_replaced(memory_keyring: MemoryKeyring) -> None:
    first = keystore.create_key(memory_keyring, "data-key-test")
    second = keystore.create_key(memory_keyring, "data-key-test")
    assert first.created and not second.created and first.key == second.key


def test_a_lost_folder_id_file_is_put_back_from_the_database(
    paths: Paths, memory_keyring: MemoryKeyring
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.save_case("c1", FIXED_NOW, "open", {"n": 1}, FIXED_NOW)
    store.close()
    before = folder_id.read(paths)
    (paths.data_dir / folder_id.FILE_NAME).unlink()
    outcome = data.open_store(paths, memory_keyring)
    assert outcome.store is not None and outcome.kept_aside == []
    assert outcome.store.load_case("c1") == {"n": 1}
    outcome.store.close()
    assert folder_id.read(paths) == before


def test_erase_waits_for_an_opening_in_progress_and_deletes_nothing_meanwhile(
    paths: Paths, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checks.storage import erase, lock

    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.close()
    monkeypatch.setattr(erase, "LOCK_WAIT_S", 0.2)
    with lock.exclusive(paths.data_dir):  # another start is opening the folder
        report = erase_all(paths, memory_keyring)
    assert report.failed == [paths.data_dir] and not report.complete
    assert paths.database.exists() and memory_keyring.entries
    assert erase_all(paths, memory_keyring).complete  # once it is done
