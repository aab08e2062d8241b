"""Benchmark data folders: a long history, and one very large theft case.

Everything is written through the app's own store (``checks.storage.store``), so
the files are exactly what the app would have saved. Contents are made up
but shaped like real use; the random generator is seeded, so every run of
the benchmark measures the same data.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.file_keyring import FileKeyring
from checks.checkup.flow import CheckupFlow
from checks.checkup.run import build_run
from checks.panic.case import Case, Transaction, new_case
from checks.paths import Paths
from checks.storage.store import Store, open_store

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)

# A careful user's answers; each saved run changes a few of them.
BASE_ANSWERS: dict[str, object] = {
    "wallets": ["imtoken", "ledger"],
    "exchange_account": "yes",
    "hardware_wallet": "yes",
    "password_strength": 4,
    "password_reuse": "unique",
    "password_manager": "yes",
    "email_2fa": "key",
    "exchange_2fa": "app",
    "wallet_account_2fa": "no_account",
    "carrier_pin": "yes",
    "totp_backup": "works",
    "wifi_security": "wpa3",
    "public_wifi": "never",
    "disk_encryption": "yes",
    "firewall": "yes",
    "screen_lock": "yes",
    "os_updates": "automatic",
    "seed_storage": ["metal"],
    "seed_copies": "separate_places",
    "seed_exposed": "never",
    "total_value": "10k_100k",
    "hot_value": "under_1k",
    "spending": "monthly",
    "verify_on_device": "yes",
    "inheritance": "yes",
    "install_source": "official",
    "bookmarks": "yes",
    "support_contact": "official",
    "approvals": "recent",
    "blind_signing": "never",
}
WEAKER: dict[str, object] = {
    "firewall": "no",
    "screen_lock": "no",
    "disk_encryption": "no",
    "password_reuse": "some_reused",
    "email_2fa": "sms",
    "public_wifi": "often",
    "os_updates": "manual",
    "bookmarks": "no",
}

TIMELINE_TEXT = (
    "Noticed an outgoing transfer I did not make.",
    "Opened the wallet app: the balance is lower than this morning.",
    "Moved what was left to a new wallet created on a clean phone.",
    "Revoked token approvals on the explorer's approval page.",
    "Wrote to the wallet's official support through the in-app form.",
    "Filed a report at the police station, reference number on the receipt.",
    "收到一条自称客服的私信，没有回复，已截图保存。",
    "在官方网站核对了客服邮箱地址。",
    "交易所回复：已冻结相关账户，等待进一步核实。",
    "A 'recovery service' offered help for an upfront fee - ignored it.",
)


def hex_id(seed: str, length: int) -> str:
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:length]


def keyring_for(folder: Path) -> FileKeyring:
    return FileKeyring(folder / "keyring.json")


def _open(home: Path, keyring: FileKeyring) -> Store:
    outcome = open_store(Paths(home), keyring, clock=lambda: NOW)
    if outcome.store is None:
        raise RuntimeError(f"could not open the benchmark store: {outcome.need}")
    return outcome.store


def sample_case(rng: random.Random, opened: datetime, timeline: int, transactions: int) -> Case:
    """A case as a user fills it in the panic wizard, made through the Case API."""
    case = new_case(opened, wallets=("imtoken",)).with_triage(
        what_happened=("funds_moved", "signed"), funds_left="yes"
    )
    case = case.renamed(f"USDT taken from imToken wallet {rng.randrange(1000):03d}")
    for index in range(timeline):
        at = opened + timedelta(minutes=7 * index + rng.randrange(5))
        case = case.add_timeline(at, f"{rng.choice(TIMELINE_TEXT)} (#{index + 1})")
    for index in range(transactions):
        seed = f"{case.id}:{index}"
        case = case.add_transaction(
            Transaction(
                chain="ethereum",
                tx_hash="0x" + hex_id(seed, 64),
                from_address="0x" + hex_id(seed + ":from", 40),
                to_address="0x" + hex_id(seed + ":to", 40),
                asset=rng.choice(("USDT", "ETH", "USDC")),
                amount=f"{rng.uniform(1, 5000):,.2f}",
                at=opened + timedelta(minutes=index),
            )
        )
    return case


def fill_history(home: Path, keyring: FileKeyring, runs: int = 120, cases: int = 50) -> None:
    """``runs`` monthly checkups (the newest last month) and ``cases`` theft cases."""
    rng = random.Random(9)
    store = _open(home, keyring)
    try:
        for index in range(runs):
            answers = dict(BASE_ANSWERS)
            for question in rng.sample(sorted(WEAKER), rng.randrange(4)):
                answers[question] = WEAKER[question]
            flow = CheckupFlow()
            for question, value in answers.items():
                flow.answer(question, value)
            run = build_run(flow, NOW - timedelta(days=30 * (runs - index)))
            store.add_checkup_run(
                run.created_at, run.score.overall, run.urgent_count, run.to_payload()
            )
        for index in range(cases):
            opened = NOW - timedelta(days=40 * (cases - index))
            case = sample_case(rng, opened, timeline=20, transactions=5)
            if index < cases - 5:  # most old cases are closed; the last few are open
                case = case.with_status("closed", rng.choice(("not_recovered", "false_alarm")))
            store.save_case(case.id, case.opened_at, case.status, case.to_payload(), NOW)
    finally:
        store.close()


def add_big_case(home: Path, keyring: FileKeyring, timeline: int, transactions: int) -> str:
    """One case with ``timeline`` entries and ``transactions`` transactions; its id."""
    case = sample_case(random.Random(4), NOW - timedelta(days=2), timeline, transactions)
    store = _open(home, keyring)
    try:
        store.save_case(case.id, case.opened_at, case.status, case.to_payload(), NOW)
    finally:
        store.close()
    return case.id
