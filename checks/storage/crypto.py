"""Encryption of what we store: AES-256-GCM under a 32-byte data key.

A sealed blob is ``b"\\x01" + nonce(12) + ciphertext+tag``. The associated
data binds a blob to its place (``b"case:<id>"``), so a blob copied into
another row does not decrypt. ``cryptography`` is imported on first use:
start-up does not pay for it.
"""

from __future__ import annotations

import json
import os
from typing import Any

KEY_BYTES = 32
NONCE_BYTES = 12
FORMAT_V1 = b"\x01"
# scrypt cost for a passphrase-derived key: 32 MiB and a noticeable time
# (bench/RESULTS.md, 9d), which makes each guess of a stolen file cost the same.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_CHECK_PLAINTEXT = b"wallet-checkup key check v1"
KEY_CHECK_AAD = b"meta:key_check"


class DecryptionError(Exception):
    """The blob was not sealed with this key (or was altered)."""


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # heavy: loaded on first use

    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_V1 + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag  # heavy: loaded on first use
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # heavy: loaded on first use

    if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != FORMAT_V1:
        raise DecryptionError("not a sealed blob")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("wrong key or altered data") from exc


def seal_json(key: bytes, value: Any, aad: bytes) -> bytes:
    data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return seal(key, data, aad)


def unseal_json(key: bytes, blob: bytes, aad: bytes) -> Any:
    try:
        return json.loads(unseal(key, blob, aad).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DecryptionError("decrypted data is not valid") from exc


def derive_key(passphrase: str, salt: bytes, n: int = SCRYPT_N) -> bytes:
    """Derive the data key from a passphrase (scrypt)."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt  # heavy: loaded on first use

    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=n, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.encode("utf-8", "surrogatepass"))


def make_key_check(key: bytes) -> bytes:
    return seal(key, KEY_CHECK_PLAINTEXT, KEY_CHECK_AAD)


def key_matches(key: bytes, check: bytes) -> bool:
    try:
        return unseal(key, check, KEY_CHECK_AAD) == KEY_CHECK_PLAINTEXT
    except DecryptionError:
        return False
