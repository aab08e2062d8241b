"""Sample data for the report and printing tests (a helper module, not a test).

The addresses and transaction hashes are real public values from
tests/fixtures/chains/real_values.json (see tests/fixtures/reports/SOURCES.md);
the large case uses made-up hashes (SHA-256 of a counter) because it only
measures layout and speed.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from checks.checkup.flow import CheckupFlow
from checks.checkup.run import CheckupRun, build_run
from checks.panic.case import Case, Contact, EvidenceFile, Transaction, new_case


def normalise(text: str) -> str:
    """Text read back from a PDF, comparable with what was printed: no white space
    at all (Qt separates words with tabs and adds spaces where the font changes
    between Latin and Chinese). Characters are compared as they are: a radical
    or a ligature in the text layer is a defect (desktop/printing/text_layer.py)."""
    return re.sub(r"\s+", "", text)


NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
CASE_ID = "5a1e0c2d9b7f"
TZ = timezone(timedelta(hours=8), "CST")
FIXTURES = Path(__file__).parent / "fixtures"
REAL = json.loads((FIXTURES / "chains" / "real_values.json").read_text(encoding="utf-8"))

ETH_TX = next(iter(REAL["evm_tx_hashes"]))  # the first Ethereum value transfer
BTC_TX = list(REAL["bitcoin_txids"])[1]  # the pizza transaction
TRON_TX = next(iter(REAL["tron_txids"]))
THIEF = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # an EIP-55 test vector
VICTIM = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"  # an EIP-55 test vector
BTC_TO = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
TRON_TO = "TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8"

EVIDENCE = {
    "wallet-screenshot.png": b"\x89PNG\r\n\x1a\n" + b"screenshot of the wallet" * 40,
    "chat with fake support.txt": "对方自称客服，要我提供助记词。\n".encode() * 20,
}

EVIDENCE_SHA = hashlib.sha256(EVIDENCE["wallet-screenshot.png"]).hexdigest()

ANSWERS: dict[str, Any] = {
    "wallets": ["tokenpocket", "ledger", "other"],
    "exchange_account": "yes",
    "hardware_wallet": "yes",
    "password_strength": 2,
    "password_reuse": "unique",
    "password_manager": "no",
    "email_2fa": "sms",
    "exchange_2fa": "app",
    "wallet_account_2fa": "no_account",
    "carrier_pin": "no",
    "totp_backup": "works",
    "wifi_security": "wpa2",
    "public_wifi": "never",
    "disk_encryption": "yes",
    "firewall": "no",
    "screen_lock": "yes",
    "os_updates": "automatic",
    "seed_storage": ["paper"],
    "seed_copies": "one",
    "seed_exposed": "never",
    "total_value": "10k_100k",
    "hot_value": "under_1k",
    "spending": "monthly",
    "verify_on_device": "yes",
    "inheritance": "no",
    "install_source": "official",
    "bookmarks": "yes",
    "support_contact": "official",
    "approvals": "recent",
    "blind_signing": "never",
}


def run_with(answers: dict[str, Any], at: datetime) -> CheckupRun:
    flow = CheckupFlow()
    for question, value in answers.items():
        flow.answer(question, value)
    return build_run(flow, at)


def sample_runs() -> tuple[CheckupRun, CheckupRun]:
    """A previous run and the current one (one problem fixed, one new, one accepted)."""
    previous = run_with({**ANSWERS, "screen_lock": "no"}, NOW - timedelta(days=31))
    current = run_with({**ANSWERS, "bookmarks": "no"}, NOW)
    problem = next(f for f in current.finding_ids if f == "firewall_off")
    return previous, current.with_accepted(problem, "这台电脑从不离开家 (never leaves home)")


def sample_case() -> Case:
    """A theft case with a bit of everything (evidence added separately: it needs a store)."""
    case = replace(new_case(NOW - timedelta(hours=5), ("tokenpocket",)), id=CASE_ID)
    case = case.renamed("TokenPocket 被盗 / TokenPocket theft")
    case = case.with_triage(what_happened=("signed", "funds_moved"), funds_left="yes")
    case = case.step_done("move_funds", NOW - timedelta(hours=4, minutes=30))
    case = case.step_done("revoke_approvals", NOW - timedelta(hours=4))
    case = case.add_timeline(
        NOW - timedelta(hours=6), "Signed a 'claim airdrop' page from a Telegram link."
    )
    case = case.add_timeline(NOW - timedelta(hours=5), "发现钱包里的 USDT 被转走了。")
    case = case.add_transaction(
        Transaction(
            "ethereum",
            ETH_TX,
            VICTIM,
            THIEF,
            "USDT",
            "1,250.00",
            NOW - timedelta(hours=5, minutes=10),
        )
    )
    case = case.add_transaction(Transaction("bitcoin", BTC_TX, "", BTC_TO, "BTC", "0.05"))
    case = case.add_transaction(Transaction("tron", TRON_TX, "", TRON_TO, "USDT", "300"))
    case = case.add_contact(
        Contact(
            "ticket",
            NOW - timedelta(hours=3),
            "tokenpocket",
            True,
            "https://help.tokenpocket.pro",
            "TP-48213",
        )
    )
    case = case.record_reply(
        0, NOW - timedelta(hours=1), "They confirmed the report and flagged the address."
    )
    case = case.add_contact(
        Contact("social", NOW - timedelta(hours=2), None, False, "@tp_support_help", "")
    )
    return case.with_notes("Police report planned for tomorrow morning.\n明天上午去派出所报案。")


def with_evidence_records(case: Case) -> Case:
    """The sample evidence as manifest entries only (for pure report tests)."""
    for name, data in EVIDENCE.items():
        digest = hashlib.sha256(data).hexdigest()
        case = case.add_evidence(
            EvidenceFile(f"{digest[:20]}.sealed", name, len(data), digest, NOW - timedelta(hours=2))
        )
    return case


def big_case(entries: int = 1000, transactions: int = 200) -> Case:
    """A case with many timeline entries and transactions, built directly (fast)."""
    from checks.panic.case import TimelineEntry

    start = NOW - timedelta(days=30)
    timeline = tuple(
        TimelineEntry(
            start + timedelta(minutes=7 * i), f"Entry {i}: checked the wallet again; 第 {i} 条记录"
        )
        for i in range(entries)
    )
    txs = tuple(
        Transaction(
            "ethereum",
            "0x" + hashlib.sha256(f"tx{i}".encode()).hexdigest(),
            VICTIM,
            THIEF,
            "USDT",
            f"{i + 1}.00",
            start + timedelta(minutes=11 * i),
        )
        for i in range(transactions)
    )
    return replace(sample_case(), timeline=timeline, transactions=txs)
