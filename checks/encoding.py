"""Small codecs used to recognise keys, addresses and transaction ids.

Everything here is standard-library only and pure: base58 and Base58Check
(Bitcoin, TRON, WIF keys, extended keys, Solana), bech32 and bech32m
(BIP-173 / BIP-350 segwit addresses) and Keccak-256 (EIP-55 address
checksums).  ``hashlib.sha3_256`` is *not* Keccak-256: SHA-3 pads with
``0x06`` where the original Keccak submission, which Ethereum adopted,
pads with ``0x01``.  So Keccak-f[1600] is implemented here; it only ever
hashes 40-character addresses, so speed does not matter.

Errors are :class:`ValueError` subclasses that say *what* is wrong
(:class:`InvalidCharacter`, :class:`ChecksumMismatch`, :class:`Bech32Error`
with a ``reason``), so :mod:`checks.chains` can explain it in plain words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Literal

B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {char: value for value, char in enumerate(B58_ALPHABET)}


class InvalidCharacter(ValueError):
    """``text`` contains a character outside the alphabet, at ``position``."""

    def __init__(self, char: str, position: int) -> None:
        super().__init__(f"invalid character {char!r} at position {position}")
        self.char = char
        self.position = position


class ChecksumMismatch(ValueError):
    """The embedded checksum does not match: most often one mistyped character."""


# --- base58 / Base58Check ----------------------------------------------------


def b58encode(data: bytes) -> str:
    """Encode bytes in Bitcoin's base58; each leading zero byte becomes ``1``."""
    number = int.from_bytes(data, "big")
    digits: list[str] = []
    while number:
        number, rest = divmod(number, 58)
        digits.append(B58_ALPHABET[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(digits))


def b58decode(text: str) -> bytes:
    """Decode base58.  Raises :class:`InvalidCharacter`.

    Cost grows with the square of the length, so callers bound the length
    of what they pass (every real key or address is under 120 characters).
    """
    number = 0
    for position, char in enumerate(text):
        value = _B58_INDEX.get(char)
        if value is None:
            raise InvalidCharacter(char, position)
        number = number * 58 + value
    zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * zeros + number.to_bytes((number.bit_length() + 7) // 8, "big")


def double_sha256(data: bytes) -> bytes:
    # On use: hashlib brings OpenSSL's libcrypto (megabytes of memory), and the
    # case model imports this module for its address checks.
    import hashlib

    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def b58check_encode(payload: bytes) -> str:
    """Base58 of ``payload`` followed by the first 4 bytes of its double SHA-256."""
    return b58encode(payload + double_sha256(payload)[:4])


def b58check_decode(text: str) -> bytes:
    """Return the payload of a Base58Check string (version byte(s) included).

    Raises :class:`InvalidCharacter` or :class:`ChecksumMismatch`.
    """
    raw = b58decode(text)
    if len(raw) < 4:
        raise ChecksumMismatch("too short to carry a checksum")
    payload, checksum = raw[:-4], raw[-4:]
    if double_sha256(payload)[:4] != checksum:
        raise ChecksumMismatch("Base58Check checksum does not match")
    return payload


# --- bech32 / bech32m (BIP-173, BIP-350) ---------------------------------------

Bech32Variant = Literal["bech32", "bech32m"]
Bech32Reason = Literal[
    "mixed_case",  # upper and lower case letters mixed
    "no_separator",  # no "1" between the human-readable part and the data
    "bad_char",  # a character outside the bech32 alphabet
    "length",  # too long, or the data part is too short
    "checksum",  # checksum matches neither bech32 nor bech32m
    "wrong_hrp",  # prefix is not the one expected (e.g. "bc")
    "version",  # witness version above 16
    "program",  # witness program of an impossible length or padding
    "variant",  # v0 must use bech32, v1+ must use bech32m
]

BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {char: value for value, char in enumerate(BECH32_CHARSET)}
_BECH32_CONST = 1
_BECH32M_CONST = 0x2BC830A3


class Bech32Error(ValueError):
    """Why a bech32 string or segwit address is invalid (``reason``)."""

    def __init__(self, reason: Bech32Reason, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason: Bech32Reason = reason


def _bech32_polymod(values: Iterable[int]) -> int:
    generators = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(generators):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def bech32_decode(text: str) -> tuple[str, list[int], Bech32Variant]:
    """Split a bech32/bech32m string into (hrp, 5-bit data without checksum, variant)."""
    if any(ord(c) < 33 or ord(c) > 126 for c in text):
        bad = next(c for c in text if ord(c) < 33 or ord(c) > 126)
        raise Bech32Error("bad_char", repr(bad))
    if text.lower() != text and text.upper() != text:
        raise Bech32Error("mixed_case")
    text = text.lower()
    separator = text.rfind("1")
    if separator < 1:
        raise Bech32Error("no_separator")
    if len(text) > 90 or separator + 7 > len(text):
        raise Bech32Error("length")
    hrp = text[:separator]
    data: list[int] = []
    for position, char in enumerate(text[separator + 1 :], start=separator + 1):
        value = _BECH32_INDEX.get(char)
        if value is None:
            raise Bech32Error("bad_char", f"{char!r} at {position}")
        data.append(value)
    constant = _bech32_polymod(_hrp_expand(hrp) + data)
    if constant == _BECH32_CONST:
        variant: Bech32Variant = "bech32"
    elif constant == _BECH32M_CONST:
        variant = "bech32m"
    else:
        raise Bech32Error("checksum")
    return hrp, data[:-6], variant


def bech32_encode(hrp: str, data: Sequence[int], variant: Bech32Variant) -> str:
    constant = _BECH32_CONST if variant == "bech32" else _BECH32M_CONST
    values = _hrp_expand(hrp) + list(data)
    polymod = _bech32_polymod([*values, 0, 0, 0, 0, 0, 0]) ^ constant
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[d] for d in [*data, *checksum])


def convert_bits(data: Iterable[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    """Regroup bits (8→5 to encode, 5→8 to decode); strict about padding."""
    accumulator = 0
    bits = 0
    out: list[int] = []
    max_value = (1 << to_bits) - 1
    for value in data:
        if value < 0 or value >> from_bits:
            raise Bech32Error("program", "value out of range")
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((accumulator >> bits) & max_value)
    if pad:
        if bits:
            out.append((accumulator << (to_bits - bits)) & max_value)
    elif bits >= from_bits or ((accumulator << (to_bits - bits)) & max_value):
        raise Bech32Error("program", "bad padding")
    return out


def decode_segwit_address(text: str, hrps: Iterable[str] = ("bc", "tb")) -> tuple[str, int, bytes]:
    """Decode a segwit address into (hrp, witness version, witness program).

    Enforces BIP-350: version 0 uses bech32 with a 20- or 32-byte program,
    versions 1–16 use bech32m with 2–40 bytes.
    """
    hrp, data, variant = bech32_decode(text)
    if hrp not in tuple(hrps):
        raise Bech32Error("wrong_hrp", hrp)
    if not data:
        raise Bech32Error("length")
    version = data[0]
    if version > 16:
        raise Bech32Error("version", str(version))
    program = bytes(convert_bits(data[1:], 5, 8, pad=False))
    if not 2 <= len(program) <= 40 or (version == 0 and len(program) not in (20, 32)):
        raise Bech32Error("program", f"{len(program)} bytes")
    if (version == 0) != (variant == "bech32"):
        raise Bech32Error("variant")
    return hrp, version, program


def encode_segwit_address(hrp: str, version: int, program: bytes) -> str:
    variant: Bech32Variant = "bech32" if version == 0 else "bech32m"
    return bech32_encode(hrp, [version, *convert_bits(program, 8, 5, pad=True)], variant)


# --- Keccak-256 ----------------------------------------------------------------

_MASK64 = (1 << 64) - 1
# Rotation offsets r[x][y] of the rho step (Keccak reference, table 2).
_ROTATIONS = (
    (0, 36, 3, 41, 18),
    (1, 44, 10, 45, 2),
    (62, 6, 43, 15, 61),
    (28, 55, 25, 21, 56),
    (27, 20, 39, 8, 14),
)


@cache
def _round_constants() -> tuple[int, ...]:
    """The 24 iota constants, generated by the LFSR x^8+x^6+x^5+x^4+1."""
    state = 1
    bits: list[int] = []
    for _ in range(7 * 24):
        bits.append(state & 1)
        state <<= 1
        if state & 0x100:
            state ^= 0x171
    return tuple(
        sum(bits[7 * round_ + j] << ((1 << j) - 1) for j in range(7)) for round_ in range(24)
    )


def _keccak_f1600(lanes: list[int]) -> None:
    """Permute the 25 lanes (index x + 5*y) in place."""
    for constant in _round_constants():
        # theta
        columns = [lanes[x] ^ lanes[x + 5] ^ lanes[x + 10] ^ lanes[x + 15] ^ lanes[x + 20]
                   for x in range(5)]
        for x in range(5):
            right = columns[(x + 1) % 5]
            d = columns[(x - 1) % 5] ^ (((right << 1) | (right >> 63)) & _MASK64)
            for y in range(0, 25, 5):
                lanes[x + y] ^= d
        # rho and pi
        moved = [0] * 25
        for x in range(5):
            for y in range(5):
                lane, shift = lanes[x + 5 * y], _ROTATIONS[x][y]
                rotated = ((lane << shift) | (lane >> (64 - shift))) & _MASK64 if shift else lane
                moved[y + 5 * ((2 * x + 3 * y) % 5)] = rotated
        # chi
        for y in range(0, 25, 5):
            row = moved[y : y + 5]
            for x in range(5):
                lanes[x + y] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5])
        # iota
        lanes[0] ^= constant


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as used by Ethereum (original padding 0x01, not SHA-3's 0x06)."""
    return _sponge256(data, 0x01)


def _sponge256(data: bytes, domain: int) -> bytes:
    """Keccak[c=512] sponge with 256-bit output; ``domain`` 0x06 gives SHA3-256.

    Tests compare the 0x06 form with :func:`hashlib.sha3_256` on inputs of
    many lengths, which checks the permutation and the multi-block absorb.
    """
    rate = 136
    padded = bytearray(data)
    padded.append(domain)
    padded.extend(b"\0" * (-len(padded) % rate))
    padded[-1] |= 0x80
    lanes = [0] * 25
    for offset in range(0, len(padded), rate):
        block = padded[offset : offset + rate]
        for i in range(rate // 8):
            lanes[i] ^= int.from_bytes(block[8 * i : 8 * i + 8], "little")
        _keccak_f1600(lanes)
    return b"".join(lane.to_bytes(8, "little") for lane in lanes[:4])
