"""The rules behind :mod:`checks.chains`: one check per chain family and kind.

Each check gets a cleaned, non-empty value of at most 200 characters and
returns a :class:`Validation`; none raises. The checks for networks we
cannot check (family ``other``) are in :mod:`checks.chains.other`.  Messages are module constants
so tests and the UI can compare them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from checks.encoding import (
    B58_ALPHABET,
    BECH32_CHARSET,
    Bech32Error,
    ChecksumMismatch,
    b58check_decode,
    b58check_encode,
    b58decode,
    decode_segwit_address,
    keccak256,
)
from checks.i18n import N_, Msg, msg

Family = Literal["evm", "bitcoin", "tron", "solana", "other"]


@dataclass(frozen=True)
class Chain:
    id: str
    name: str  # N_-marked; translate at display time
    family: Family


#: How a family is named when a value belongs to it but another was chosen.
FAMILY_NAMES: Mapping[Family, str] = MappingProxyType(
    {
        "evm": N_("an Ethereum-style network (Ethereum, BNB Smart Chain, Polygon …)"),
        "bitcoin": N_("Bitcoin"),
        "tron": N_("TRON"),
        "solana": N_("Solana"),
        "other": N_("Other network"),
    }
)


@dataclass(frozen=True)
class Validation:
    """``value`` is the cleaned, normalised text (checksummed, lower-cased …).

    ``problem`` says why ``ok`` is False; ``note`` is something worth
    knowing about a value that is fine (testnet, no checksum, a fix made).
    """

    ok: bool
    value: str
    problem: Msg | None = None
    note: Msg | None = None


# --- messages ---------------------------------------------------------------------

EMPTY_ADDRESS = N_("Please enter an address.")
EMPTY_TX = N_("Please enter a transaction hash.")
TOO_LONG = N_("This is much too long to be an address or a transaction hash.")
CHECKSUM = N_("The checksum does not match — one character is probably mistyped.")
NOT_VALID_ADDRESS = N_(
    "This is not a valid address on {chain}. Please copy it again from the wallet or the "
    "block explorer."
)
NOT_VALID_TX = N_(
    "This is not a valid transaction hash on {chain}. Please copy it again from the block explorer."
)
TX_NOT_ADDRESS = N_("This looks like a transaction hash, not an address.")
SIGNATURE_NOT_ADDRESS = N_("This looks like a transaction signature, not an address.")
ADDRESS_NOT_TX = N_("This looks like an address, not a transaction hash.")
WRONG_NETWORK = N_("This looks like an address for {found}, but the network chosen is {chain}.")
WRONG_NETWORK_TX = N_(
    "This looks like a transaction on {found}, but the network chosen is {chain}."
)
EVM_PREFIX = N_("Addresses on {chain} start with 0x.")
EVM_LENGTH = N_(
    "Addresses on {chain} have 42 characters (0x and 40 letters or digits); this one has {count}."
)
EVM_TX_LENGTH = N_(
    "Transaction hashes on {chain} have 66 characters (0x and 64 letters or digits); this one "
    "has {count}."
)
HEX_TX_LENGTH = N_("Transaction IDs on {chain} have 64 letters and digits; this one has {count}.")
HEX_CHAR = N_(
    "This contains “{char}”, but only the digits 0–9 and the letters a–f can appear here."
)
BASE58_CHAR = N_(
    "This contains “{char}”, which never appears in addresses on {chain} (they leave out 0, "
    "O, I and l, which are easy to mix up)."
)
BECH32_CHAR = N_(
    "This contains “{char}”, which never appears in Bitcoin addresses that start with bc1 "
    "(after bc1 they never use 1, b, i or o)."
)
MIXED_CASE = N_(
    "This mixes capital and small letters; a Bitcoin address that starts with bc1 uses only "
    "one kind."
)
BITCOIN_LENGTH = N_("Bitcoin addresses have 26 to 62 characters; this one has {count}.")
TRON_LENGTH = N_("TRON addresses have 34 characters and start with T; this one has {count}.")
SOLANA_LENGTH = N_("Solana addresses have 32 to 44 letters and digits; this one has {count}.")
SOLANA_TX_LENGTH = N_(
    "Solana transaction signatures have 87 or 88 letters and digits; this one has {count}."
)
SOLANA_TX_HEX = N_(
    "Solana transaction signatures have 87 or 88 letters and digits, not 64 like this one. "
    "This looks like a transaction on another network."
)
NOTE_SPACES = N_("We removed spaces and line breaks from inside it.")
NOTE_ADDED_0X = N_("We added the 0x at the start.")
NOTE_REMOVED_0X = N_(
    "Transaction IDs on {chain} are written without 0x, so we removed it. If the transaction "
    "was on an Ethereum-style network, choose that network instead."
)
NOTE_NO_EIP55 = N_(
    "This address has no capital letters (or only capitals), so it carries no checksum and a "
    "typo cannot be detected. Compare it carefully with the original."
)
NOTE_TESTNET = N_("This is a Bitcoin testnet address; coins on testnet have no value.")
NOTE_TRON_HEX = N_(
    "This was in TRON's hex form; we converted it to the usual form that starts with T."
)
NOTE_SOLANA = N_(
    "Solana addresses have no checksum, so a typo cannot be detected. Compare it carefully "
    "with the original, character by character."
)
NOTE_OTHER_ADDRESS = N_(
    "We cannot check addresses on this network. Compare it carefully with the one in your "
    "wallet or on the block explorer."
)
NOTE_OTHER_TX = N_(
    "We cannot check transaction hashes on this network. Compare it carefully with the one on "
    "the block explorer."
)

# --- the checks ---------------------------------------------------------------------

_HEX = re.compile(r"[0-9a-fA-F]*")
Kind = Literal["address", "tx"]


def _bad(value: str, text: str, **fields: object) -> Validation:
    return Validation(False, value, msg(text, **fields))


def _name(chain: Chain) -> Msg:
    return Msg(chain.name)


def _family_of_address(value: str) -> Family | None:
    """Which family's address format ``value`` fits (checksums verified)."""
    if re.fullmatch(r"0[xX][0-9a-fA-F]{40}", value):
        return "evm"
    try:
        decode_segwit_address(value, ("bc", "tb", "bcrt"))
        return "bitcoin"
    except ValueError:
        pass
    try:
        payload = b58check_decode(value)
    except ValueError:
        payload = b""
    if len(payload) == 21 and payload[0] in _BITCOIN_VERSIONS:
        return "bitcoin"
    if len(payload) == 21 and payload[0] == 0x41:
        return "tron"
    if set(value) <= _B58_SET and len(value) <= 44 and len(b58decode(value)) == 32:
        return "solana"
    return None


_B58_SET = frozenset(B58_ALPHABET)
_BITCOIN_VERSIONS = {0x00: "", 0x05: "", 0x6F: "testnet", 0xC4: "testnet"}


def _wrong_family(chain: Chain, value: str, kind: Kind) -> Validation | None:
    """A problem if ``value`` clearly belongs to another family."""
    if kind == "address":
        found = _family_of_address(value)
        if found is not None and found != chain.family:
            return _bad(value, WRONG_NETWORK, found=Msg(FAMILY_NAMES[found]), chain=_name(chain))
        return None
    if re.fullmatch(r"0[xX][0-9a-fA-F]{64}", value) and chain.family == "solana":
        return _bad(value, WRONG_NETWORK_TX, found=Msg(FAMILY_NAMES["evm"]), chain=_name(chain))
    if chain.family != "solana" and set(value) <= _B58_SET and 80 <= len(value) <= 90:
        if len(b58decode(value)) == 64:
            solana = Msg(FAMILY_NAMES["solana"])
            return _bad(value, WRONG_NETWORK_TX, found=solana, chain=_name(chain))
    return None


def _first_outside(value: str, allowed: str) -> str:
    return next((char for char in value if char not in allowed), "")


# EVM -------------------------------------------------------------------------------


def eip55(hex40: str) -> str:
    """The EIP-55 mixed-case form of 40 hex digits, with 0x."""
    lower = hex40.lower()
    digest = keccak256(lower.encode("ascii")).hex()
    return "0x" + "".join(
        char.upper() if char in "abcdef" and int(digest[i], 16) >= 8 else char
        for i, char in enumerate(lower)
    )


def _evm_address(chain: Chain, value: str) -> Validation:
    note = None
    if _HEX.fullmatch(value) and len(value) == 40:
        value, note = "0x" + value, msg(NOTE_ADDED_0X)
    if re.fullmatch(r"(?:0[xX])?[0-9a-fA-F]{64}", value):
        return _bad(value, TX_NOT_ADDRESS)
    wrong = _wrong_family(chain, value, "address")
    if wrong is not None:
        return wrong
    if value[:2].lower() != "0x":
        return _bad(value, EVM_PREFIX, chain=_name(chain))
    body = value[2:]
    bad_char = _first_outside(body, "0123456789abcdefABCDEF")
    if bad_char:
        return _bad(value, HEX_CHAR, char=bad_char)
    if len(body) != 40:
        return _bad(value, EVM_LENGTH, chain=_name(chain), count=len(value))
    checksummed = eip55(body)
    if body.lower() == body or body.upper() == body:
        return Validation(True, checksummed, note=note or msg(NOTE_NO_EIP55))
    if checksummed[2:] != body:
        return _bad("0x" + body, CHECKSUM)
    return Validation(True, checksummed, note=note)


def _evm_tx(chain: Chain, value: str) -> Validation:
    note = None
    if _HEX.fullmatch(value) and len(value) == 64:
        value, note = "0x" + value, msg(NOTE_ADDED_0X)
    wrong = _wrong_family(chain, value, "tx")
    if wrong is not None:
        return wrong
    if re.fullmatch(r"0[xX][0-9a-fA-F]{40}", value) or _family_of_address(value):
        return _bad(value, ADDRESS_NOT_TX)
    if value[:2].lower() != "0x":
        return _bad(value, NOT_VALID_TX, chain=_name(chain))
    bad_char = _first_outside(value[2:], "0123456789abcdefABCDEF")
    if bad_char:
        return _bad(value, HEX_CHAR, char=bad_char)
    if len(value) != 66:
        return _bad(value, EVM_TX_LENGTH, chain=_name(chain), count=len(value))
    return Validation(True, value.lower(), note=note)


# Bitcoin and TRON ------------------------------------------------------------------------


def _bitcoin_address(chain: Chain, value: str) -> Validation:
    wrong = _wrong_family(chain, value, "address")
    if wrong is not None:
        return wrong
    if re.fullmatch(r"(?:0[xX])?[0-9a-fA-F]{64}", value):
        return _bad(value, TX_NOT_ADDRESS)
    if value.lower().startswith(("bc1", "tb1", "bcrt1")):
        return _segwit(chain, value)
    bad_char = _first_outside(value, B58_ALPHABET)
    if bad_char:
        return _bad(value, BASE58_CHAR, char=bad_char, chain=_name(chain))
    if not 26 <= len(value) <= 35:
        return _bad(value, BITCOIN_LENGTH, count=len(value))
    try:
        payload = b58check_decode(value)
    except ChecksumMismatch:
        return _bad(value, CHECKSUM)
    if len(payload) != 21 or payload[0] not in _BITCOIN_VERSIONS:
        return _bad(value, NOT_VALID_ADDRESS, chain=_name(chain))
    testnet = _BITCOIN_VERSIONS[payload[0]] == "testnet"
    return Validation(True, value, note=msg(NOTE_TESTNET) if testnet else None)


def _segwit(chain: Chain, value: str) -> Validation:
    try:
        hrp, _, _ = decode_segwit_address(value, ("bc", "tb", "bcrt"))
    except Bech32Error as error:
        if error.reason == "mixed_case":
            return _bad(value, MIXED_CASE)
        if error.reason == "bad_char":
            prefix_end = value.rfind("1") + 1
            char = _first_outside(value[prefix_end:].lower(), BECH32_CHARSET)
            return _bad(value, BECH32_CHAR, char=char or value[prefix_end - 1])
        if error.reason == "checksum":
            return _bad(value, CHECKSUM)
        if error.reason == "length" and not 14 <= len(value) <= 90:
            return _bad(value, BITCOIN_LENGTH, count=len(value))
        return _bad(value, NOT_VALID_ADDRESS, chain=_name(chain))
    return Validation(True, value.lower(), note=None if hrp == "bc" else msg(NOTE_TESTNET))


def _tron_address(chain: Chain, value: str) -> Validation:
    note = None
    if re.fullmatch(r"41[0-9a-fA-F]{40}", value):
        value, note = b58check_encode(bytes.fromhex(value)), msg(NOTE_TRON_HEX)
    if re.fullmatch(r"(?:0[xX])?[0-9a-fA-F]{64}", value):
        return _bad(value, TX_NOT_ADDRESS)
    wrong = _wrong_family(chain, value, "address")
    if wrong is not None:
        return wrong
    bad_char = _first_outside(value, B58_ALPHABET)
    if bad_char:
        return _bad(value, BASE58_CHAR, char=bad_char, chain=_name(chain))
    if len(value) != 34 or not value.startswith("T"):
        return _bad(value, TRON_LENGTH, count=len(value))
    try:
        payload = b58check_decode(value)
    except ChecksumMismatch:
        return _bad(value, CHECKSUM)
    if len(payload) != 21 or payload[0] != 0x41:
        return _bad(value, NOT_VALID_ADDRESS, chain=_name(chain))
    return Validation(True, value, note=note)


def _hex_txid(chain: Chain, value: str) -> Validation:
    """Bitcoin and TRON: 64 hex digits, shown without 0x."""
    note = None
    if re.fullmatch(r"0[xX][0-9a-fA-F]{64}", value):
        value, note = value[2:], msg(NOTE_REMOVED_0X, chain=_name(chain))
    wrong = _wrong_family(chain, value, "tx")
    if wrong is not None:
        return wrong
    if _family_of_address(value):
        return _bad(value, ADDRESS_NOT_TX)
    bad_char = _first_outside(value, "0123456789abcdefABCDEF")
    if bad_char:
        return _bad(value, HEX_CHAR, char=bad_char)
    if len(value) != 64:
        return _bad(value, HEX_TX_LENGTH, chain=_name(chain), count=len(value))
    return Validation(True, value.lower(), note=note)


# Solana and others ------------------------------------------------------------------------


def _solana_address(chain: Chain, value: str) -> Validation:
    if re.fullmatch(r"(?:0[xX])?[0-9a-fA-F]{64}", value):
        return _bad(value, TX_NOT_ADDRESS)
    wrong = _wrong_family(chain, value, "address")
    if wrong is not None:
        return wrong
    bad_char = _first_outside(value, B58_ALPHABET)
    if bad_char:
        return _bad(value, BASE58_CHAR, char=bad_char, chain=_name(chain))
    if not 32 <= len(value) <= 44:
        if 80 <= len(value) <= 90 and len(b58decode(value)) == 64:
            return _bad(value, SIGNATURE_NOT_ADDRESS)
        return _bad(value, SOLANA_LENGTH, count=len(value))
    if len(b58decode(value)) != 32:
        return _bad(value, NOT_VALID_ADDRESS, chain=_name(chain))
    return Validation(True, value, note=msg(NOTE_SOLANA))


def _solana_tx(chain: Chain, value: str) -> Validation:
    wrong = _wrong_family(chain, value, "tx")
    if wrong is not None:
        return wrong
    if _HEX.fullmatch(value) and len(value) == 64:
        return _bad(value, SOLANA_TX_HEX)
    if _family_of_address(value):
        return _bad(value, ADDRESS_NOT_TX)
    bad_char = _first_outside(value, B58_ALPHABET)
    if bad_char:
        return _bad(value, BASE58_CHAR, char=bad_char, chain=_name(chain))
    if not 86 <= len(value) <= 88:
        return _bad(value, SOLANA_TX_LENGTH, count=len(value))
    if len(b58decode(value)) != 64:
        return _bad(value, NOT_VALID_TX, chain=_name(chain))
    return Validation(True, value)


CHECKS: Mapping[tuple[Family, Kind], Callable[[Chain, str], Validation]] = MappingProxyType(
    {
        ("evm", "address"): _evm_address,
        ("evm", "tx"): _evm_tx,
        ("bitcoin", "address"): _bitcoin_address,
        ("bitcoin", "tx"): _hex_txid,
        ("tron", "address"): _tron_address,
        ("tron", "tx"): _hex_txid,
        ("solana", "address"): _solana_address,
        ("solana", "tx"): _solana_tx,
    }
)
