"""The secret guard: find seed phrases and private keys in free text.

Every free-text field passes through :func:`find_secrets` before it is
stored (DESIGN.md, "No secret at rest").  A match carries only its kind and
offsets, never the secret, so it can be logged or shown safely.

* **BIP-39 phrases** of 12–24 words in every wordlist the ``mnemonic``
  package ships, checksum verified, in any case, separated by spaces,
  commas, new lines or numbering; Chinese with or without spaces; Turkish
  capitals (İ, I) too.  How
  prose is kept out is explained in :mod:`checks.secrets.phrases`.
* **Raw private keys**: 64 hex digits (``0x`` optional) that are a valid
  secp256k1 scalar.  A transaction hash looks the same, so it is reported
  too; :func:`looks_like_tx_hash` lets the UI suggest the Transactions
  section instead.
* **Numbered words in any layout** ("1. abandon … 12. about", also two
  columns with 1–12 beside 13–24) are put back in number order.
* **WIF keys** and **extended private keys** (xprv, tprv, yprv, zprv,
  uprv, vprv and the multisig Yprv/Zprv/Uprv/Vprv): Base58Check verified,
  version and key range checked.

The guard on free text (:func:`find_guarded`, :func:`guard_free_text`) also
refuses **2FA secrets**: ``otpauth://`` links and base32 authenticator keys
(:mod:`checks.secrets.two_factor`). :func:`find_secrets` leaves them out: it
also scans files, where such runs of letters are too common to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from checks.encoding import b58check_decode
from checks.i18n import N_, InputError, Msg, msg
from checks.secrets.phrases import find_phrases, is_warm, warm_up
from checks.secrets.two_factor import find_two_factor

SecretKind = Literal["mnemonic", "private_key", "extended_private_key", "wif"]
GuardKind = Literal["mnemonic", "private_key", "extended_private_key", "wif", "two_factor"]

SECP256K1_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

#: Extended private key version bytes (BIP-32, SLIP-132).
EXTENDED_PRIVATE_VERSIONS = frozenset(
    bytes.fromhex(v)
    for v in (
        "0488ade4",  # xprv
        "04358394",  # tprv
        "049d7878",  # yprv
        "04b2430c",  # zprv
        "044a4e28",  # uprv
        "045f18bc",  # vprv
        "0295b005",  # Yprv
        "02aa7a99",  # Zprv
        "024285b5",  # Uprv
        "02575048",  # Vprv
    )
)


@dataclass(frozen=True)
class SecretMatch:
    """Where a secret is in the text.  Deliberately holds no part of it."""

    kind: GuardKind  # find_secrets: a SecretKind; find_guarded also "two_factor"
    start: int
    end: int


TWO_FACTOR = N_(
    "This looks like a 2FA secret — the key behind your authenticator app's codes, or an"
    " otpauth:// link. Whoever has it can make your sign-in codes. It was not saved: keep it"
    " only in your authenticator app and its backup."
)

_DESCRIPTIONS: dict[str, str] = {
    "mnemonic": N_(
        "This looks like a seed phrase (recovery words). Never type it into any app or "
        "website or give it to anyone — whoever has it owns your coins. It was not saved."
    ),
    "private_key": N_(
        "This looks like a private key (64 letters and digits). Never type it into any app or "
        "website or give it to anyone — whoever has it owns your coins. It was not saved."
    ),
    "wif": N_(
        "This looks like a private key in WIF form (a long code that starts with 5, K, L or "
        "c). Never type it into any app or website or give it to anyone — whoever has it owns "
        "your coins. It was not saved."
    ),
    "extended_private_key": N_(
        "This looks like an extended private key (it starts with xprv, zprv or similar). It "
        "opens every address of a wallet. Never type it into any app or website or give it to "
        "anyone — whoever has it owns your coins. It was not saved."
    ),
    "two_factor": TWO_FACTOR,
}

#: Shown next to a "private_key" match for which :func:`looks_like_tx_hash` is true.
TX_HASH_HINT = N_(
    "If this is a transaction hash (TxID) and not a key, enter it in the Transactions "
    "section instead."
)


__all__ = [
    "TX_HASH_HINT",
    "SecretKind",
    "SecretMatch",
    "describe",
    "find_guarded",
    "find_secrets",
    "is_warm",
    "looks_like_tx_hash",
    "redact",
    "warm_up",
]


def describe(kind: str) -> str:
    """The untranslated (N_-marked) explanation shown when ``kind`` is refused."""
    try:
        return _DESCRIPTIONS[kind]
    except KeyError:
        raise ValueError(f"unknown secret kind {kind!r}") from None


def find_secrets(text: str) -> list[SecretMatch]:
    """Every secret in ``text``, sorted by position; overlapping finds are merged."""
    spans: list[tuple[GuardKind, int, int]] = [*_keys(text)]
    spans += (("mnemonic", start, end) for start, end in find_phrases(text))
    return _merged(spans)


def find_guarded(text: str) -> list[SecretMatch]:
    """What the guard refuses in free text: :func:`find_secrets` and 2FA secrets."""
    spans: list[tuple[GuardKind, int, int]] = [
        (match.kind, match.start, match.end) for match in find_secrets(text)
    ]
    spans += (("two_factor", start, end) for start, end in find_two_factor(text))
    return _merged(spans)


def _merged(spans: list[tuple[GuardKind, int, int]]) -> list[SecretMatch]:
    merged: list[SecretMatch] = []
    for kind, start, end in sorted(spans, key=lambda span: (span[1], span[2])):
        last = merged[-1] if merged else None
        if last is not None and last.kind == kind and start <= last.end:
            merged[-1] = SecretMatch(kind, last.start, max(last.end, end))
        else:
            merged.append(SecretMatch(kind, start, end))
    return merged


def redact(text: str, replacement: str = "[removed]") -> str:
    """``text`` with every secret replaced (overlapping matches replaced once)."""
    pieces: list[str] = []
    position = 0
    for match in find_secrets(text):
        if match.end <= position:
            continue
        pieces.append(text[position : max(position, match.start)])
        pieces.append(replacement)
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)


def looks_like_tx_hash(text: str) -> bool:
    """True if ``text`` is one 64-hex value (``0x`` optional): possibly a TxID.

    It may as well be a private key; the UI asks the person which it is.
    """
    return _TX_HASH.fullmatch(text.strip()) is not None


_TX_HASH = re.compile(r"(?:0[xX])?[0-9a-fA-F]{64}")

# --- keys ---------------------------------------------------------------------

_ALNUM_RUN = re.compile(r"[0-9A-Za-z]{51,}")
_HEX = re.compile(r"(?:0[xX])?([0-9a-fA-F]{64})")
_XPRV_PREFIXES = tuple(f"{c}prv" for c in "xtyzuvYZUV")


def _keys(text: str) -> Iterable[tuple[SecretKind, int, int]]:
    """Every key is a run of 51+ ASCII letters and digits: one cheap scan finds them."""
    for match in _ALNUM_RUN.finditer(text):
        kind = _key_kind(match.group())
        if kind is not None:
            yield kind, match.start(), match.end()


def _key_kind(token: str) -> SecretKind | None:
    hex_key = _HEX.fullmatch(token)
    if hex_key is not None:
        return "private_key" if 0 < int(hex_key.group(1), 16) < SECP256K1_ORDER else None
    if len(token) in (51, 52) and token[0] in "59KLc":
        return "wif" if _is_wif(_base58check(token)) else None
    if 100 <= len(token) <= 112 and token.startswith(_XPRV_PREFIXES):
        return "extended_private_key" if _is_xprv(_base58check(token)) else None
    return None


def _base58check(token: str) -> bytes:
    try:
        return b58check_decode(token)
    except ValueError:
        return b""


def _valid_scalar(key: bytes) -> bool:
    return 0 < int.from_bytes(key, "big") < SECP256K1_ORDER


def _is_wif(payload: bytes) -> bool:
    """Version 0x80 (mainnet) or 0xef (testnet), 32 bytes, optional 0x01 flag."""
    if payload[:1] not in (b"\x80", b"\xef"):
        return False
    key, flag = payload[1:33], payload[33:]
    return len(key) == 32 and flag in (b"", b"\x01") and _valid_scalar(key)


def _is_xprv(payload: bytes) -> bool:
    """78 bytes: version, depth, fingerprint, child number, chain code, 0x00 + key."""
    return (
        len(payload) == 78
        and payload[:4] in EXTENDED_PRIVATE_VERSIONS
        and payload[45] == 0
        and _valid_scalar(payload[46:])
    )


def guard_free_text(text: str, allowed: Iterable[str] = ()) -> None:
    """Refuse a seed phrase or private key in text we would store.

    ``allowed`` are values already validated in their own fields (e.g. the
    case's transaction hashes), which are not secrets even though a 64-hex
    transaction hash looks exactly like a private key. A lone 64-hex value
    elsewhere gets a hint: "is this a transaction hash? Enter it under
    Transactions" — it is still refused, because it may be a key.
    """
    for value in allowed:
        if value:
            text = text.replace(value, " ")
    found = find_guarded(text)
    if not found:
        return
    if all(m.kind == "two_factor" for m in found):
        raise InputError(
            msg(
                N_(
                    "This looks like a 2FA secret (an authenticator key or an otpauth:// link),"
                    " so it was not saved. Keep it only in your authenticator app."
                )
            )
        )
    if all(looks_like_tx_hash(text[m.start : m.end]) for m in found):
        raise InputError(
            msg(
                N_(
                    "This looks like a private key, or a transaction hash. It was not saved. {hint}"
                ),
                hint=Msg(TX_HASH_HINT),
            )
        )
    raise InputError(
        msg(
            N_(
                "This looks like a seed phrase or private key, so it was not saved."
                " Never type it into any app or give it to anyone."
            )
        )
    )
