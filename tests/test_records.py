"""One damaged record never hides the rest (issue 15, item 4), and orphan
evidence copies are cleaned at the next start.

Before: one flipped bit in one case's sealed payload emptied the case list
and the home screen; one bad date hid every checkup; text that is not UTF-8
in one case broke the case list, the history and panic mode.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import FIXED_NOW, MemoryKeyring

from checks.panic import evidence
from checks.panic.case import Case, new_case
from checks.panic.cases import case_rows
from checks.paths import Paths
from checks.storage import store as data
from desktop.app import build_window, make_application

pytestmark = pytest.mark.security


def seeded(paths: Paths, keyring: MemoryKeyring) -> data.Store:
    """Three cases, three checkups and a draft."""
    store = data.open_store(paths, keyring).store
    assert store is not None
    for number in range(3):
        when = FIXED_NOW - timedelta(days=number)
        case = Case(f"case{number}", when, title=f"Case {number}")
        store.save_case(case.id, when, "open", case.to_payload(), when)
        run = {"created_at": when.isoformat(), "answers": {}, "finding_ids": []}
        store.add_checkup_run(when, 70 + number, 0, run)
    store.put_draft("checkup", {"answers": {}}, FIXED_NOW)
    return store


def flip_a_bit(store: data.Store, table: str, key: str, value: object) -> bytes:
    (blob,) = store.db.query_one(f"SELECT payload FROM {table} WHERE {key} = ?", (value,)) or ()
    damaged = bytearray(blob)
    damaged[20] ^= 0x01
    store.db.execute(f"UPDATE {table} SET payload = ? WHERE {key} = ?", (bytes(damaged), value))
    return bytes(damaged)


def kept_record(path: Path) -> dict:
    return json.loads(path.read_text())


def test_a_flipped_bit_in_one_case_hides_nothing_else(paths, memory_keyring) -> None:
    store = seeded(paths, memory_keyring)
    damaged = flip_a_bit(store, "cases", "id", "case1")
    store.close()

    outcome = data.open_store(paths, memory_keyring)
    store = outcome.store
    assert store is not None
    (record,) = store.damaged
    day_before = (FIXED_NOW - timedelta(days=1)).date().isoformat()
    assert (record.kind, record.date) == ("case", day_before)
    assert record.kept_at.parent == paths.damaged_dir
    columns = kept_record(record.kept_at)["columns"]
    assert bytes.fromhex(columns["payload"]["bytes_hex"]) == damaged  # byte for byte
    assert bytes.fromhex(columns["id"]["bytes_hex"]) == b"case1"
    assert [c.id for c in store.list_cases()] == ["case0", "case2"]
    assert len(store.list_checkup_runs()) == 3 and store.get_draft("checkup") is not None
    rows = case_rows(store, FIXED_NOW.tzinfo)
    assert [r.id for r in rows] == ["case0", "case2"]
    store.close()

    again = data.open_store(paths, memory_keyring).store  # told once: it is out of the data
    assert again is not None and again.damaged == []
    again.close()


def test_a_bad_date_in_one_checkup_hides_no_other_checkup(paths, memory_keyring) -> None:
    store = seeded(paths, memory_keyring)
    oldest = min(run.id for run in store.list_checkup_runs())
    store.db.execute("UPDATE checkup_runs SET created_at = 'yesterday-ish' WHERE id = ?", (oldest,))
    store.close()

    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    assert [(r.kind, r.date) for r in store.damaged] == [("checkup", None)]  # no date to tell
    assert len(store.list_checkup_runs()) == 2
    store.close()


def test_text_that_is_not_utf8_in_one_case_breaks_nothing(paths, memory_keyring) -> None:
    store = seeded(paths, memory_keyring)
    store.db.execute("UPDATE cases SET status = CAST(x'ff6f70656e' AS TEXT) WHERE id = 'case2'")
    store.db.execute("UPDATE drafts SET payload = x'00'")
    store.close()

    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    assert sorted(r.kind for r in store.damaged) == ["case", "draft"]
    kept = {kept_record(r.kept_at)["table"]: kept_record(r.kept_at) for r in store.damaged}
    assert kept["cases"]["columns"]["status"] == {"bytes_hex": "ff6f70656e"}
    assert [c.id for c in store.list_cases()] == ["case0", "case1"]
    assert store.get_draft("checkup") is None
    store.close()


def test_the_home_screen_says_it_once_and_shows_the_rest(
    qtbot, make_ctx, paths, memory_keyring
) -> None:
    store = seeded(paths, memory_keyring)
    flip_a_bit(store, "cases", "id", "case0")
    store.close()
    ctx = make_ctx()
    win = build_window(ctx, make_application([]), "en")
    qtbot.add_widget(win)
    win.show()
    win.unlocker.start()
    assert ctx.store is not None
    win.refresh_notices()
    texts = [b.label.text() for b in win.home.banners]
    told = [t for t in texts if "could not be read" in t]
    assert len(told) == 1, texts
    assert "a theft case last changed 2026-11-20" in told[0]
    assert str(paths.damaged_dir) in told[0] and "Nothing was deleted" in told[0]
    assert sum("Case 1" in t or "Case 2" in t for t in texts) == 2  # the other open cases
    ctx.store.close()


def test_the_notice_in_chinese(qtbot, make_ctx, paths, memory_keyring) -> None:
    from checks.home import damaged_records_notice
    from checks.storage.upkeep import DamagedRecord
    from desktop.i18n import set_language, tr

    records = [
        DamagedRecord("case", "2026-11-19", paths.damaged_dir / "a.json"),
        DamagedRecord("checkup", None, paths.damaged_dir / "b.json"),
    ]
    set_language("zh_CN")
    text = tr(damaged_records_notice(records).text)
    assert "2026-11-19" in text and "、" in text and str(paths.damaged_dir) in text
    assert "theft" not in text


# -- orphan evidence copies --------------------------------------------------------------


def test_evidence_copies_left_by_a_kill_are_cleaned_at_the_next_start(
    paths, memory_keyring, tmp_path
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"png" * 100)
    case = evidence.add_file(new_case(FIXED_NOW), shot, paths, store, FIXED_NOW)
    store.save_case(case.id, case.opened_at, "open", case.to_payload(), FIXED_NOW)
    # Killed after copying a second file in, before the case was saved …
    other = tmp_path / "other.png"
    other.write_bytes(b"other" * 100)
    evidence.copy_in(case.id, frozenset(), other, paths, store, FIXED_NOW)
    # … and after copying a file into a new case that was never saved.
    unsaved = new_case(FIXED_NOW)
    evidence.copy_in(unsaved.id, frozenset(), other, paths, store, FIXED_NOW)
    store.close()
    folder = evidence.folder(paths, case.id)
    assert len(list(folder.iterdir())) == 2
    assert evidence.folder(paths, unsaved.id).exists()

    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    assert [p.name for p in folder.iterdir()] == [case.evidence[0].stored_name]
    assert not (paths.cases_dir / unsaved.id).exists()
    assert evidence.verify(case, paths, store) == []  # the listed copy is untouched
    store.close()


def test_a_case_folder_is_left_alone_while_its_case_may_be_kept_aside(
    paths, memory_keyring, tmp_path
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"png" * 100)
    case = evidence.add_file(new_case(FIXED_NOW), shot, paths, store, FIXED_NOW)
    store.save_case(case.id, case.opened_at, "open", case.to_payload(), FIXED_NOW)
    flip_a_bit(store, "cases", "id", case.id)
    store.close()
    store = data.open_store(paths, memory_keyring).store  # the case goes aside …
    assert store is not None and [r.kind for r in store.damaged] == ["case"]
    store.close()
    store = data.open_store(paths, memory_keyring).store  # … and its evidence stays
    assert store is not None
    store.close()
    assert len(list(evidence.folder(paths, case.id).iterdir())) == 1
