"""Check addresses and transaction hashes, by chain family, offline.

A person after a theft copies the thief's address and the transaction
hash into their case; a typo there wastes the time of support and police.
So every value is checked the way its chain defines it, and a problem is
said in plain words ("one character is probably mistyped", "this looks
like a Bitcoin address, not a TRON address").  Validators never raise:
any text gives a :class:`Validation`.

Families and what is checked:

* ``evm`` (Ethereum, BNB Smart Chain, Polygon, Arbitrum, …): ``0x`` + 40
  hex digits, EIP-55 checksum when the letters are mixed case; all lower
  or all upper case is accepted (it carries no checksum).  Tx hash: ``0x``
  + 64 hex digits.
* ``bitcoin``: Base58Check P2PKH/P2SH (mainnet and testnet versions),
  bech32 v0 and bech32m v1+ segwit (BIP-173, BIP-350).  TxID: 64 hex.
* ``tron``: Base58Check with version byte 0x41 (starts with T); the hex
  form ``41…`` is converted.  TxID: 64 hex.
* ``solana``: base58 that decodes to 32 bytes (no checksum exists); a
  transaction signature decodes to 64 bytes.
* ``other`` and any unknown chain id: free text, with a note.

Block-explorer links are read offline by :mod:`checks.chains.explorers`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from checks.chains.other import other_address, other_tx
from checks.chains.rules import (
    CHECKS,
    EMPTY_ADDRESS,
    EMPTY_TX,
    FAMILY_NAMES,
    NOTE_SPACES,
    TOO_LONG,
    Chain,
    Family,
    Kind,
    Validation,
    eip55,
)
from checks.i18n import N_, Msg, msg

__all__ = [
    "CHAINS",
    "FAMILY_NAMES",
    "Chain",
    "Family",
    "Guess",
    "Validation",
    "eip55",
    "guess_chain",
    "validate_address",
    "validate_tx_hash",
]

CHAINS: Mapping[str, Chain] = MappingProxyType(
    {
        chain.id: chain
        for chain in (
            Chain("ethereum", N_("Ethereum"), "evm"),
            Chain("bsc", N_("BNB Smart Chain"), "evm"),
            Chain("polygon", N_("Polygon"), "evm"),
            Chain("arbitrum", N_("Arbitrum One"), "evm"),
            Chain("optimism", N_("OP Mainnet"), "evm"),
            Chain("base", N_("Base"), "evm"),
            Chain("avalanche", N_("Avalanche C-Chain"), "evm"),
            Chain("bitcoin", N_("Bitcoin"), "bitcoin"),
            Chain("tron", N_("TRON"), "tron"),
            Chain("solana", N_("Solana"), "solana"),
            Chain("other", N_("Other network"), "other"),
        )
    }
)


def validate_address(chain: str, text: str) -> Validation:
    """Check an address for ``chain`` (an id in :data:`CHAINS`; unknown → other)."""
    return _validate(chain, text, "address")


def validate_tx_hash(chain: str, text: str) -> Validation:
    """Check a transaction hash / ID / signature for ``chain``."""
    return _validate(chain, text, "tx")


@dataclass(frozen=True)
class Guess:
    """One reading of a pasted value; ``chains`` are the ids it fits."""

    kind: Literal["address", "tx"]
    family: Family
    chains: tuple[str, ...]
    value: str


def guess_chain(text: str) -> tuple[Guess, ...]:
    """Every family ``text`` is a valid address or tx hash of, likeliest first.

    A bare 64-hex TxID fits Bitcoin and TRON (and an EVM hash missing its
    0x, listed last); with 0x it is an EVM hash first.  An EVM address fits
    every EVM chain, listed in ``chains``.
    """
    value, _ = _clean(text)
    order = _GUESS_ORDER
    if value[:2].lower() == "0x":
        order = tuple(sorted(order, key=lambda entry: entry[1] != "evm"))
    guesses: list[Guess] = []
    for kind, family in order:
        if family == "evm" and kind == "address" and value[:2].lower() != "0x":
            continue
        if family == "tron" and kind == "address" and not value.startswith("T"):
            continue
        result = _validate(_FAMILY_CHAIN[family], value, kind)
        if result.ok:
            chains = tuple(c.id for c in CHAINS.values() if c.family == family)
            guesses.append(Guess(kind, family, chains, result.value))
    return tuple(guesses)


_GUESS_ORDER: tuple[tuple[Literal["address", "tx"], Family], ...] = (
    ("address", "evm"),
    ("address", "bitcoin"),
    ("address", "tron"),
    ("address", "solana"),
    ("tx", "bitcoin"),
    ("tx", "tron"),
    ("tx", "evm"),
    ("tx", "solana"),
)
_FAMILY_CHAIN: Mapping[Family, str] = MappingProxyType(
    {"evm": "ethereum", "bitcoin": "bitcoin", "tron": "tron", "solana": "solana", "other": "other"}
)

_MAX_LENGTH = 200
_MAX_OTHER_LENGTH = 500  # networks we cannot check may use longer forms
# What is looked at, at most: NFKC can make a text 18 times longer (U+FDFA), so
# the text is cut *before* it is normalised. Room for spaces and invisible
# characters inside a value; anything longer is too long whatever it holds.
_MAX_INPUT = 4 * _MAX_OTHER_LENGTH
_CHECKS = MappingProxyType(
    {**CHECKS, ("other", "address"): other_address, ("other", "tx"): other_tx}
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _clean(text: str, free_text: bool = False) -> tuple[str, Msg | None]:
    """NFKC (full-width ０ｘ typed with a Chinese IME → 0x), no invisible
    characters, no white space; note when white space inside was removed.
    On chain "other" the value is only stripped (its checks refuse spaces).
    Cut to :data:`_MAX_INPUT` before and after: bounded work for any input."""
    text = text[:_MAX_INPUT]
    if free_text:
        return text.translate(_INVISIBLE).strip(), None
    value = unicodedata.normalize("NFKC", text)[:_MAX_INPUT].translate(_INVISIBLE).strip()
    squeezed = "".join(value.split())
    return squeezed, (msg(NOTE_SPACES) if squeezed != value else None)


def _validate(chain_id: str, text: str, kind: Kind) -> Validation:
    chain = CHAINS.get(chain_id, CHAINS["other"])
    limit = _MAX_OTHER_LENGTH if chain.family == "other" else _MAX_LENGTH
    text = text.strip()
    if len(text) > _MAX_INPUT:  # never check a cut-off beginning as if it were the value
        return Validation(False, _clean(text[:limit])[0][:limit], msg(TOO_LONG))
    value, note = _clean(text, free_text=chain.family == "other")
    if not value:
        return Validation(False, value, msg(EMPTY_ADDRESS if kind == "address" else EMPTY_TX))
    if len(value) > limit:
        return Validation(False, value[:limit], msg(TOO_LONG))
    check = _CHECKS[(chain.family, kind)]
    result = check(chain, value)
    if note is not None and result.note is None:
        result = Validation(result.ok, result.value, result.problem, note)
    return result
