"""The clipboard-hijacker test, without Qt: what to copy, and what the answer means.

A clipboard hijacker watches for a copied address and swaps in the thief's
own, so the person pastes it and sends their coins away.  The test (a button,
never automatic) copies a valid-looking address of each common chain, waits
a few seconds, reads the clipboard back and compares; the window restores
whatever was on the clipboard before.  Any change is urgent.

The sample addresses are made here from fixed test bytes and carry valid
checksums, so a hijacker that checks them still bites; nobody holds a key
for them, and the test never sends anything anywhere.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from checks.chains import guess_chain
from checks.chains.rules import eip55
from checks.encoding import b58check_encode, b58encode, encode_segwit_address

WAIT_SECONDS = 3.0  # per address: hijackers swap within a fraction of a second

Outcome = Literal["unchanged", "replaced", "changed", "emptied"]


@dataclass(frozen=True)
class Sample:
    chain: str  # shown to the person: "Bitcoin", "Ethereum / BNB Chain …"
    address: str


@dataclass(frozen=True)
class SampleResult:
    sample: Sample
    outcome: Outcome


def _bytes(label: str, size: int) -> bytes:
    return hashlib.sha256(f"wallet-checkup clipboard test {label}".encode()).digest()[:size]


def samples() -> tuple[Sample, ...]:
    """One valid-looking address per common chain."""
    return (
        Sample("Bitcoin", encode_segwit_address("bc", 0, _bytes("btc", 20))),
        Sample("Bitcoin (legacy)", b58check_encode(b"\x00" + _bytes("btc-legacy", 20))),
        Sample("Ethereum / BNB Chain / Polygon", eip55(_bytes("evm", 20).hex())),
        Sample("TRON (USDT-TRC20)", b58check_encode(b"\x41" + _bytes("tron", 20))),
        Sample("Solana", b58encode(_bytes("sol", 32))),
    )


def compare(sample: Sample, read_back: str | None) -> SampleResult:
    """What happened to the copied address while we waited."""
    text = (read_back or "").strip()
    if text == sample.address:
        return SampleResult(sample, "unchanged")
    if not text:
        return SampleResult(sample, "emptied")
    if _looks_like_address(text):
        return SampleResult(sample, "replaced")  # another address: the hijacker's
    return SampleResult(sample, "changed")


def verdict(results: list[SampleResult]) -> Literal["clean", "hijacked", "disturbed"]:
    """ "hijacked" if any address was swapped for another; "disturbed" if the clipboard
    changed otherwise (another program, or the person copied something); else "clean"."""
    if any(result.outcome == "replaced" for result in results):
        return "hijacked"
    if any(result.outcome != "unchanged" for result in results):
        return "disturbed"
    return "clean"


def _looks_like_address(text: str) -> bool:
    if len(text) > 120 or any(char.isspace() for char in text):
        return False
    return any(guess.kind == "address" for guess in guess_chain(text))
