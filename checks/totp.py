"""Check a 2FA (TOTP) setup: read the secret and tell whether a code matches.

The user pastes the ``otpauth://`` link behind a 2FA QR code, or the secret
shown under it ("can't scan? enter this key"), and types the code their
authenticator app shows. If :func:`verify` says it matches, the app and the
service agree and the backup of the secret is good.

The code generation is RFC 4226 / RFC 6238 on the standard library (``hmac``)
rather than ``pyotp``: pyotp 2.12 refuses secrets shorter than 112 bits and
periods over 120 s, but real services still issue 80-bit secrets (16 base32
characters, as in Google's own Key-Uri-Format example) that every
authenticator app accepts, and we must check what the user actually has.
The tests compare the result with pyotp wherever pyotp accepts the input.

Decoding follows authenticator apps (Google Authenticator's Base32String):
case-insensitive, spaces and hyphens ignored, padding optional, and bits
left over at the end dropped.

The secret is never put into a message or a ``repr``.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl, unquote, urlsplit

from checks.i18n import N_, InputError, msg

ALGORITHMS: tuple[str, ...] = ("SHA1", "SHA256", "SHA512")
DEFAULT_DIGITS = 6
DEFAULT_PERIOD = 30
MAX_PERIOD = 300  # seconds; anything longer is a typo, not a real setup
# RFC 4226 (R6) asks for at least 128 bits and recommends 160, but real
# services issue 80-bit (16-character) secrets. Below 8 characters (40
# bits) it is a fragment, not a secret.
MIN_SECRET_CHARS = 8
DRIFT_STEPS = 1  # one period of clock drift either way, as services allow

BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_SECRET_SEPARATORS = frozenset(" \t\r\n-\u00a0\u3000")
_CODE_SPACES = frozenset(" \t\u00a0\u3000")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_MAX_CODE_CHARS = 32
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class TotpSpec:
    """One TOTP account: how its codes are made.

    ``secret`` is normalised base32 (upper-case, no spaces, no padding); it is
    left out of ``repr`` so that a spec in a log or a traceback shows no key.
    """

    secret: str = field(repr=False)
    issuer: str | None = None
    account: str = ""
    algorithm: str = "SHA1"
    digits: int = DEFAULT_DIGITS
    period: int = DEFAULT_PERIOD

    @property
    def secret_bits(self) -> int:
        """Strength of the secret in bits (RFC 4226 asks for 128, prefers 160)."""
        return len(self.secret) * 5 // 8 * 8


def parse_otpauth(uri: str) -> TotpSpec:
    """Read an ``otpauth://totp/...`` link or a bare base32 secret.

    Raises :class:`InputError` (a ``ValueError``) with a message for a
    person on anything it cannot check.
    """
    text = uri.strip().lstrip("\ufeff")
    if ":" not in text:
        return TotpSpec(secret=_normalise_secret(text))
    return _parse_uri(text)


def verify(spec_or_secret: TotpSpec | str, code: str, at: datetime | None = None) -> bool:
    """Does ``code`` match the account at time ``at`` (default: now)?

    One period of clock drift either way is accepted. ``code`` may contain
    spaces ("123 456") and full-width digits; anything else that is not a
    digit, or the wrong number of digits, gives False. ``at`` must carry a
    time zone. Comparison is constant-time (``hmac.compare_digest``).
    """
    spec = spec_or_secret if isinstance(spec_or_secret, TotpSpec) else parse_otpauth(spec_or_secret)
    if at is None:
        at = datetime.now(timezone.utc)
    elif at.tzinfo is None or at.utcoffset() is None:
        raise InputError(msg(N_("The time to check the code against needs a time zone.")))
    digits = _clean_code(code)
    if digits is None or len(digits) != spec.digits:
        return False
    key = _decode_base32(spec.secret)
    counter = ((at - _EPOCH) // timedelta(seconds=1)) // spec.period
    matched = False
    for step in range(counter - DRIFT_STEPS, counter + DRIFT_STEPS + 1):
        if step < 0:
            continue
        expected = hotp(key, step, spec.digits, spec.algorithm)
        matched |= hmac.compare_digest(expected.encode(), digits.encode())
    return matched


def hotp(key: bytes, counter: int, digits: int = DEFAULT_DIGITS, algorithm: str = "SHA1") -> str:
    """RFC 4226 HOTP value of ``counter`` (RFC 6238 feeds it the time step)."""
    digest = hmac.new(key, counter.to_bytes(8, "big"), algorithm.lower()).digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(number % 10**digits).zfill(digits)


def _parse_uri(text: str) -> TotpSpec:
    try:
        parts = urlsplit(text)
    except ValueError:
        raise InputError(msg(_NOT_OTPAUTH)) from None
    scheme = parts.scheme.lower()
    if scheme == "otpauth-migration":
        raise InputError(
            msg(
                N_(
                    "This is an export from Google Authenticator that holds several "
                    "accounts at once. It cannot be checked here yet. Use the setup key "
                    "or QR code of a single account instead."
                )
            )
        )
    if scheme != "otpauth":
        raise InputError(msg(_NOT_OTPAUTH))
    kind = parts.netloc.lower()
    if kind == "hotp":
        raise InputError(
            msg(
                N_(
                    "This link is for counter-based (HOTP) codes, not time-based ones. "
                    "Those codes do not follow the clock, so they cannot be checked here."
                )
            )
        )
    if kind != "totp":
        raise InputError(msg(_NOT_OTPAUTH))
    params: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        params.setdefault(name.lower(), value.strip())
    label = unquote(parts.path.lstrip("/"))
    prefix, colon, account = label.partition(":")
    if not colon:
        prefix, account = "", label
    secret = params.get("secret", "")
    if not secret:
        raise InputError(msg(_MISSING_SECRET))
    return TotpSpec(
        secret=_normalise_secret(secret),
        issuer=params.get("issuer") or prefix.strip() or None,
        account=account.strip(),
        algorithm=_algorithm(params.get("algorithm")),
        digits=_digits(params.get("digits")),
        period=_period(params.get("period")),
    )


_NOT_OTPAUTH = N_(
    "This is not a 2FA setup link. A link from a 2FA QR code starts with "
    "otpauth://totp/ — or paste just the secret key."
)
_MISSING_SECRET = N_(
    "This 2FA link has no secret key in it, so its codes cannot be checked."
)


def _normalise_secret(raw: str) -> str:
    """Upper-case base32 without separators or padding; explain what is wrong."""
    end = len(raw)
    while end and (raw[end - 1] == "=" or raw[end - 1] in _SECRET_SEPARATORS):
        end -= 1
    chars: list[str] = []
    for index, char in enumerate(raw[:end]):
        if char in _SECRET_SEPARATORS:
            continue
        upper = char.upper() if "a" <= char <= "z" else char
        if upper not in BASE32_ALPHABET:
            raise InputError(
                msg(
                    N_(
                        "A 2FA secret key uses only the letters A to Z and the digits 2 to "
                        "7 (0, 1, 8 and 9 are never used). The character at position "
                        "{position} of the key is not one of them."
                    ),
                    position=index + 1,
                )
            )
        chars.append(upper)
    if not chars:
        raise InputError(msg(_MISSING_SECRET))
    if len(chars) < MIN_SECRET_CHARS:
        raise InputError(
            msg(
                N_(
                    "This secret key has only {count} characters. Real 2FA keys have at "
                    "least 16 (often 32), so part of it is probably missing."
                ),
                count=len(chars),
            )
        )
    return "".join(chars)


def _decode_base32(secret: str) -> bytes:
    """Base32 to bytes as authenticator apps do: leftover bits at the end are dropped."""
    buffer = 0
    bits = 0
    out = bytearray()
    for char in secret:
        buffer = (buffer << 5) | BASE32_ALPHABET.index(char)
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((buffer >> bits) & 0xFF)
            buffer &= (1 << bits) - 1
    return bytes(out)


def _algorithm(value: str | None) -> str:
    if not value:
        return "SHA1"
    name = value.upper().replace("-", "")
    if name not in ALGORITHMS:
        raise InputError(
            msg(
                N_(
                    "This 2FA link uses a hash algorithm that cannot be checked here. "
                    "Only SHA1, SHA256 and SHA512 are supported."
                )
            )
        )
    return name


def _digits(value: str | None) -> int:
    number = _small_int(value, DEFAULT_DIGITS)
    if number is None or not 6 <= number <= 8:
        raise InputError(
            msg(N_("A 2FA code has 6, 7 or 8 digits, but this link asks for a different number."))
        )
    return number


def _period(value: str | None) -> int:
    number = _small_int(value, DEFAULT_PERIOD)
    if number is None or not 1 <= number <= MAX_PERIOD:
        raise InputError(
            msg(
                N_(
                    "The code period in this link must be a whole number of seconds from 1 "
                    "to {maximum} (usually 30)."
                ),
                maximum=MAX_PERIOD,
            )
        )
    return number


def _small_int(value: str | None, default: int) -> int | None:
    """An ASCII decimal number, or None; ``default`` when absent."""
    if value is None or value == "":
        return default
    if not (value.isascii() and value.isdigit()) or len(value) > 6:
        return None
    return int(value)


def _clean_code(code: str) -> str | None:
    """The digits of ``code``, or None when it holds anything but digits and spaces."""
    if len(code) > _MAX_CODE_CHARS:
        return None
    kept = "".join(char for char in code if char not in _CODE_SPACES)
    kept = kept.translate(_FULLWIDTH_DIGITS)
    if not kept or not (kept.isascii() and kept.isdigit()):
        return None
    return kept
