"""Panic mode's core, headless: case, evidence, lockdown plan, messages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.i18n import InputError
from checks.panic import evidence, lockdown, messages
from checks.panic.case import Case, Contact, Transaction, new_case
from checks.storage import store as data

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
THIEF = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"
SEED = " ".join(["abandon"] * 11 + ["about"])  # a valid BIP-39 phrase (the test vector)


def full_case() -> Case:
    case = new_case(NOW, ("imtoken",))
    case = case.with_triage(what_happened=("signed", "funds_moved"), funds_left="yes")
    case = case.step_done("revoke_approvals", NOW + timedelta(minutes=5))
    case = case.add_timeline(NOW - timedelta(hours=1), "Signed an 'airdrop claim' on a website")
    case = case.add_transaction(
        Transaction("ethereum", TX, "0x" + "1" * 40, THIEF, "USDT", "1200", NOW)
    )
    return case.add_contact(
        Contact("ticket", NOW + timedelta(minutes=20), "imtoken", ticket="#4711")
    )


def test_case_round_trip_through_encrypted_store(paths, memory_keyring) -> None:
    case = full_case()
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    store.save_case(case.id, case.opened_at, case.status, case.to_payload(), NOW)
    store.close()
    assert TX.encode() not in paths.database.read_bytes()
    again = data.open_store(paths, memory_keyring).store
    assert again is not None
    loaded = Case.from_payload(again.load_case(case.id))
    assert loaded == case
    assert loaded.status == "waiting"  # a logged contact means waiting for a reply
    assert [c.status for c in again.list_cases()] == ["waiting"]
    again.close()


@pytest.mark.security
@pytest.mark.parametrize("field", ["timeline", "notes", "title"])
def test_secret_guard_refuses_seed_in_any_text(field: str) -> None:
    case = new_case(NOW)
    with pytest.raises(InputError, match="seed phrase"):
        if field == "timeline":
            case.add_timeline(NOW, f"my words were {SEED}")
        elif field == "notes":
            case.with_notes(SEED)
        else:
            case.renamed(SEED)


def test_times_must_be_aware_and_are_stored_in_utc() -> None:
    local = datetime(2026, 11, 20, 17, 30, tzinfo=timezone(timedelta(hours=8)))
    case = new_case(NOW).add_timeline(local, "noticed")
    assert case.timeline[0].at == datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
    with pytest.raises(InputError):
        new_case(NOW).add_timeline(datetime(2026, 11, 20, 9, 30), "naive")


def test_duplicate_transaction_is_refused() -> None:
    case = full_case()
    with pytest.raises(InputError, match="already"):
        case.add_transaction(Transaction("ethereum", TX))


def test_closing_needs_an_outcome() -> None:
    with pytest.raises(InputError):
        full_case().with_status("closed")
    assert full_case().with_status("closed", "not_recovered").outcome == "not_recovered"


@pytest.mark.security
def test_evidence_is_encrypted_hashed_and_tampering_is_detected(
    paths, memory_keyring, tmp_path: Path
) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    screenshot = tmp_path / "screenshot.png"
    content = b"\x89PNG fake screenshot showing tx " + TX.encode()
    screenshot.write_bytes(content)
    case = evidence.add_file(new_case(NOW), screenshot, paths, store, NOW)
    (item,) = case.evidence
    import hashlib

    assert item.sha256 == hashlib.sha256(content).hexdigest() and item.size == len(content)
    copy = evidence.folder(paths, case.id) / item.stored_name
    assert TX.encode() not in copy.read_bytes()  # encrypted at rest
    assert evidence.read_file(case, item, paths, store) == content
    assert evidence.verify(case, paths, store) == []
    with pytest.raises(InputError, match="already attached"):
        evidence.add_file(case, screenshot, paths, store, NOW)
    sealed = bytearray(copy.read_bytes())
    sealed[-1] ^= 1
    copy.write_bytes(bytes(sealed))
    assert [p.kind for p in evidence.verify(case, paths, store)] == ["changed"]
    copy.unlink()
    assert [p.kind for p in evidence.verify(case, paths, store)] == ["missing"]
    store.close()


def test_evidence_in_memory_only_mode_touches_no_disk(paths, tmp_path: Path) -> None:
    store = data.Store.ephemeral()
    source = tmp_path / "a.txt"
    source.write_bytes(b"hello")
    case = evidence.add_file(new_case(NOW), source, paths, store, NOW)
    assert evidence.read_file(case, case.evidence[0], paths, store) == b"hello"
    assert not paths.cases_dir.exists()


@pytest.mark.parametrize(
    ("happened", "funds_left", "first", "included", "excluded"),
    [
        (
            ("typed_seed",),
            "yes",
            "move_funds",
            {"stop_device", "secure_accounts"},
            {"revoke_approvals", "call_carrier"},
        ),
        (("signed",), "no", "revoke_approvals", {"disconnect_sites"}, {"move_funds"}),
        (("phone_stopped",), "no", "call_carrier", {"secure_accounts"}, {"move_funds"}),
        ((), "dont_know", "move_funds", {"record_evidence", "no_recovery_scams"}, set()),
    ],
)
def test_lockdown_order(happened, funds_left, first, included, excluded) -> None:
    steps = [step.id for step in lockdown.plan(happened, funds_left)]
    assert steps[0] == first
    assert included <= set(steps) and not excluded & set(steps)
    urgent = [s.urgent for s in lockdown.plan(happened, funds_left)]
    assert urgent == sorted(urgent, reverse=True)  # urgent steps first
    assert "report_police" in steps and "contact_support" in steps


def test_every_step_explains_itself() -> None:
    for step in lockdown.STEPS:
        assert step.title and step.why and step.how
        assert all(link.url.startswith("https://") for link in step.links)


def test_messages_carry_the_facts_and_the_promise() -> None:
    case = full_case()
    body = messages.support_request(case, "imToken", lambda s: s)
    assert TX in body and THIEF in body and case.id in body
    assert "never share my seed phrase" in body
    assert "2026-11-20 09:30 UTC" in body
    police = messages.police_summary(case, lambda s: s)
    assert "Signed an 'airdrop claim'" in police
    assert messages.subject(case, "imToken", lambda s: s) == (
        "Stolen assets report — imToken — 2026-11-20"
    )
    link = messages.mailto("support@example.invalid", "subject", body)
    assert link.startswith("mailto:support%40example.invalid?subject=subject&body=")


@pytest.mark.security
def test_a_lone_tx_hash_in_a_note_gets_a_hint() -> None:
    with pytest.raises(InputError, match="Transactions"):
        new_case(NOW).add_timeline(NOW, f"sent {TX[2:]}")
