"""Evidence file names are names (issue 15, item 7): shown as they are, never a
reason to refuse a whole report, and never able to pose as another file type."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import FIXED_NOW

from checks.panic import evidence
from checks.panic.case import Case, EvidenceFile, new_case
from checks.reports.bundle import write_bundle
from checks.reports.incident_report import incident_report
from checks.storage import store as data

pytestmark = pytest.mark.security

TXID = "3a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff0"  # 64 hex digits


def translate(text: str) -> str:
    return text


def report_for(case: Case):
    return incident_report(
        case, translate, language="en", now=FIXED_NOW, tz=timezone.utc, locale_name="en_GB"
    )


@pytest.fixture
def store(paths, memory_keyring):
    opened = data.open_store(paths, memory_keyring).store
    assert opened is not None
    yield opened
    opened.close()


def attach(tmp_path: Path, name: str, paths, store) -> Case:
    source = tmp_path / name
    source.write_bytes(b"\x89PNG screenshot of the explorer")
    return evidence.add_file(new_case(FIXED_NOW), source, paths, store, FIXED_NOW)


def test_a_screenshot_named_after_a_txid_prints_and_bundles(tmp_path, paths, store) -> None:
    """An explorer screenshot named after its TxID made the incident report and
    the bundle fail: the report's secret check took the name for a private key."""
    case = attach(tmp_path, f"{TXID}.png", paths, store)
    report = report_for(case)  # used to raise InputError
    assert f"{TXID}.png" in report.text
    bundle = write_bundle(
        tmp_path / "case.zip",
        case,
        b"%PDF-1.4 report",
        lambda item: evidence.read_file(case, item, paths, store),
        FIXED_NOW,
    )
    assert bundle.problems == 0
    assert [e.original_name for e in bundle.entries if e.kind == "evidence"] == [f"{TXID}.png"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("invoice\u202egnp.exe", "invoicegnp.exe"),  # would show as "invoiceexe.png"
        ("\u2066photo\u2069\u202d.png\u202c", "photo.png"),
        ("line\nbreak\t.png", "line break .png"),
    ],
)
def test_direction_overrides_and_controls_are_taken_out_of_names(
    tmp_path, paths, store, name: str, shown: str
) -> None:
    source = tmp_path / "file.bin"
    source.write_bytes(b"data")
    item = evidence.copy_in("case1", frozenset(), source, paths, store, FIXED_NOW)
    renamed = EvidenceFile(item.stored_name, name, item.size, item.sha256, item.added_at)
    assert renamed.original_name == shown


def test_older_cases_are_cleaned_when_read() -> None:
    payload = Case("c1", FIXED_NOW).to_payload()
    payload["evidence"] = [
        {
            "stored_name": "a.sealed",
            "original_name": "invoice\u202egnp.exe",
            "size": 4,
            "sha256": "0" * 64,
            "added_at": datetime(2026, 11, 1, tzinfo=timezone.utc).isoformat(),
        }
    ]
    (item,) = Case.from_payload(payload).evidence
    assert item.original_name == "invoicegnp.exe"


def test_a_secret_in_a_name_is_removed_from_the_name(tmp_path, paths, store) -> None:
    case = attach(tmp_path, ("abandon " * 11 + "about") + ".png", paths, store)
    (item,) = case.evidence
    assert "abandon" not in item.original_name and item.original_name.endswith(".png")
    assert "abandon" not in report_for(case).text
