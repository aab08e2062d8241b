"""checks.totp: otpauth parsing, RFC 6238 codes, clock drift, and secret hygiene."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.i18n import InputError
from checks.totp import (
    MAX_PERIOD,
    TotpSpec,
    _decode_base32,
    hotp,
    parse_otpauth,
    verify,
)

UTC = timezone.utc

# RFC 6238 Appendix B: the seeds are ASCII digits, 20/32/64 bytes long.
SEEDS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
# (Unix time, {algorithm: 8-digit TOTP}), copied from RFC 6238 Appendix B.
RFC6238_VECTORS = [
    (59, {"SHA1": "94287082", "SHA256": "46119246", "SHA512": "90693936"}),
    (1111111109, {"SHA1": "07081804", "SHA256": "68084774", "SHA512": "25091201"}),
    (1111111111, {"SHA1": "14050471", "SHA256": "67062674", "SHA512": "99943326"}),
    (1234567890, {"SHA1": "89005924", "SHA256": "91819424", "SHA512": "93441116"}),
    (2000000000, {"SHA1": "69279037", "SHA256": "90698825", "SHA512": "38618901"}),
    (20000000000, {"SHA1": "65353130", "SHA256": "77737706", "SHA512": "47863826"}),
]
# RFC 4226 Appendix D: HOTP-SHA1, 6 digits, counters 0..9, seed as above.
RFC4226_VECTORS = ["755224", "287082", "359152", "969429", "338314",
                   "254676", "287922", "162583", "399871", "520489"]  # fmt: skip

# The two examples on Google's Key-Uri-Format wiki page
# (github.com/google/google-authenticator/wiki/Key-Uri-Format).
GOOGLE_EXAMPLE = "otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example"
GOOGLE_FULL_EXAMPLE = (
    "otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"
    "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30"
)
SECRET = "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"


def b32(data: bytes) -> str:
    return base64.b32encode(data).decode()


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def rfc_spec(algorithm: str) -> TotpSpec:
    uri = f"otpauth://totp/RFC6238?secret={b32(SEEDS[algorithm])}&algorithm={algorithm}&digits=8"
    return parse_otpauth(uri)


# --- RFC test vectors ------------------------------------------------------


@pytest.mark.parametrize(("seconds", "codes"), RFC6238_VECTORS)
@pytest.mark.parametrize("algorithm", ["SHA1", "SHA256", "SHA512"])
def test_rfc6238_vectors(seconds: int, codes: dict[str, str], algorithm: str) -> None:
    spec = rfc_spec(algorithm)
    assert spec.algorithm == algorithm and spec.digits == 8 and spec.period == 30
    assert hotp(SEEDS[algorithm], seconds // 30, 8, algorithm) == codes[algorithm]
    assert verify(spec, codes[algorithm], at(seconds))
    wrong = f"{(int(codes[algorithm]) + 1) % 10**8:08d}"
    assert not verify(spec, wrong, at(seconds))


def test_rfc4226_hotp_vectors() -> None:
    assert [hotp(SEEDS["SHA1"], counter) for counter in range(10)] == RFC4226_VECTORS


@pytest.mark.parametrize("seconds", [59, 1111111109, 1234567890, 2000000000])
def test_one_step_of_drift_is_accepted_two_are_not(seconds: int) -> None:
    spec = rfc_spec("SHA1")
    code = hotp(SEEDS["SHA1"], seconds // 30, 8)
    for offset in (-30, 0, 30):
        assert verify(spec, code, at(seconds + offset)), offset
    for offset in (-60, 60, -90, 90):
        assert not verify(spec, code, at(seconds + offset)), offset


def test_drift_follows_the_period() -> None:
    spec = dataclasses.replace(rfc_spec("SHA1"), digits=6, period=60)
    code = hotp(SEEDS["SHA1"], 1_000_000 // 60, 6)
    assert verify(spec, code, at(1_000_000 + 60))
    assert not verify(spec, code, at(1_000_000 + 120))


def test_time_zone_of_at_does_not_matter() -> None:
    spec = rfc_spec("SHA256")
    beijing = timezone(timedelta(hours=8))
    assert verify(spec, "91819424", at(1234567890).astimezone(beijing))


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(InputError, match="time zone"):
        verify(rfc_spec("SHA1"), "94287082", datetime(1970, 1, 1, 0, 0, 59))


def test_default_time_is_now() -> None:
    import pyotp

    spec = parse_otpauth(GOOGLE_FULL_EXAMPLE)
    assert verify(spec, pyotp.TOTP(SECRET).now())
    assert verify(GOOGLE_FULL_EXAMPLE, pyotp.TOTP(SECRET).now())


def test_first_period_after_the_epoch_has_no_negative_step() -> None:
    spec = dataclasses.replace(rfc_spec("SHA1"), digits=6)
    assert verify(spec, RFC4226_VECTORS[0], at(5))
    assert verify(spec, RFC4226_VECTORS[1], at(5))  # one step ahead
    assert not verify(spec, RFC4226_VECTORS[0], datetime(1969, 12, 1, tzinfo=UTC))


# --- codes as typed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("94287082", True),
        ("9428 7082", True),
        (" 94287082 ", True),
        ("9428\u30007082", True),  # ideographic space from a Chinese IME
        ("９４２８７０８２", True),  # full-width digits
        ("9428-7082", False),
        ("4287082", False),  # too short
        ("094287082", False),  # too long
        ("9428708x", False),
        ("", False),
        ("        ", False),
        ("٩٤٢٨٧٠٨٢", False),  # Arabic-Indic digits are not what apps show
        ("9" * 10_000, False),
    ],
)
def test_code_formats(typed: str, expected: bool) -> None:
    assert verify(rfc_spec("SHA1"), typed, at(59)) is expected


# --- parsing -----------------------------------------------------------------


def test_google_key_uri_examples() -> None:
    spec = parse_otpauth(GOOGLE_EXAMPLE)
    assert (spec.secret, spec.issuer, spec.account) == ("JBSWY3DPEHPK3PXP", "Example",
                                                        "alice@google.com")  # fmt: skip
    assert (spec.algorithm, spec.digits, spec.period) == ("SHA1", 6, 30)
    full = parse_otpauth(GOOGLE_FULL_EXAMPLE)
    assert full == TotpSpec(SECRET, "ACME Co", "john.doe@email.com", "SHA1", 6, 30)


def test_decoding_matches_the_wiki_and_the_standard_library() -> None:
    # The wiki: JBSWY3DPEHPK3PXP is 'H','e','l','l','o','!',0xDE,0xAD,0xBE,0xEF.
    assert _decode_base32("JBSWY3DPEHPK3PXP") == b"Hello!\xde\xad\xbe\xef"
    for seed in SEEDS.values():
        assert _decode_base32(b32(seed).rstrip("=")) == seed


def test_80_bit_secret_that_pyotp_refuses_is_checked() -> None:
    spec = parse_otpauth(GOOGLE_EXAMPLE)
    assert spec.secret_bits == 80
    key = b"Hello!\xde\xad\xbe\xef"
    code = hotp(key, 1_700_000_000 // 30)
    assert verify(spec, code, at(1_700_000_000))
    assert verify("JBSWY3DPEHPK3PXP", code, at(1_700_000_000))


@pytest.mark.parametrize(
    "text",
    [
        "hxdmvjecjjwsrb3hwizr4ifugftmxboz",
        "hxdm vjec jjws rb3h wizr 4ifu gftm xboz",
        "HXDM-VJEC-JJWS-RB3H-WIZR-4IFU-GFTM-XBOZ",
        "  HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ\n",
        "\ufeffHXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ",
        "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ",
    ],
)
def test_bare_secret_in_any_usual_form(text: str) -> None:
    assert parse_otpauth(text) == TotpSpec(SECRET)


def test_padding_is_optional() -> None:
    padded = b32(SEEDS["SHA256"])
    assert padded.endswith("====")
    assert parse_otpauth(padded) == parse_otpauth(padded.rstrip("=").lower())
    assert parse_otpauth(padded).secret == padded.rstrip("=")
    assert parse_otpauth(f"otpauth://totp/x?secret={padded.replace('=', '%3D')}").secret == (
        padded.rstrip("=")
    )


def test_issuer_parameter_wins_over_label_prefix() -> None:
    spec = parse_otpauth(f"otpauth://totp/Old%20Name:bob?secret={SECRET}&issuer=New%20Name")
    assert (spec.issuer, spec.account) == ("New Name", "bob")
    spec = parse_otpauth(f"otpauth://totp/Label%20Only:%20bob?secret={SECRET}")
    assert (spec.issuer, spec.account) == ("Label Only", "bob")
    spec = parse_otpauth(f"otpauth://totp/bob@example.com?secret={SECRET}")
    assert (spec.issuer, spec.account) == (None, "bob@example.com")
    spec = parse_otpauth(f"otpauth://totp/Acme%3Abob?secret={SECRET}")  # encoded colon
    assert (spec.issuer, spec.account) == ("Acme", "bob")


def test_chinese_labels_encoded_or_not() -> None:
    encoded = (
        "otpauth://totp/%E5%B8%81%E5%AE%89:%E5%BC%A0%E4%B8%89%40example.com"
        f"?secret={SECRET}&issuer=%E5%B8%81%E5%AE%89"
    )
    raw = f"otpauth://totp/火币:李四?secret={SECRET}"
    spec = parse_otpauth(encoded)
    assert (spec.issuer, spec.account) == ("币安", "张三@example.com")
    spec = parse_otpauth(raw)
    assert (spec.issuer, spec.account) == ("火币", "李四")


def test_scheme_type_and_parameter_names_are_case_insensitive() -> None:
    spec = parse_otpauth(f"OTPAUTH://TOTP/Acme:bob?SECRET={SECRET.lower()}&Algorithm=sha256"
                         "&DIGITS=8&Period=60&ISSUER=Acme")  # fmt: skip
    assert spec == TotpSpec(SECRET, "Acme", "bob", "SHA256", 8, 60)


def test_sha_with_hyphen_and_7_digits() -> None:
    spec = parse_otpauth(f"otpauth://totp/x?secret={SECRET}&algorithm=sha-512&digits=7")
    assert (spec.algorithm, spec.digits) == ("SHA512", 7)


# --- errors ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("https://example.com/2fa?secret=" + SECRET, "not a 2FA setup link"),
        ("http://otpauth/totp", "not a 2FA setup link"),
        ("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBWFsaWNl", "several accounts"),
        ("OTPAUTH-MIGRATION://offline?data=x", "several accounts"),
        (f"otpauth://hotp/Acme:bob?secret={SECRET}&counter=0", "counter-based"),
        (f"otpauth://sotp/Acme:bob?secret={SECRET}", "not a 2FA setup link"),
        (f"otpauth:totp/Acme:bob?secret={SECRET}", "not a 2FA setup link"),
        ("otpauth://[::1/totp", "not a 2FA setup link"),  # urlsplit's own ValueError
        ("otpauth://totp/Acme:bob", "no secret key"),
        ("otpauth://totp/Acme:bob?secret=&issuer=Acme", "no secret key"),
        ("otpauth://totp/Acme:bob?secret=%20%20", "no secret key"),
        ("", "no secret key"),
        ("   ", "no secret key"),
        ("====", "no secret key"),
        ("JBSWY3D", "only 7 characters"),
        ("ab cd", "only 4 characters"),
        (f"otpauth://totp/x?secret={SECRET}&algorithm=MD5", "hash algorithm"),
        (f"otpauth://totp/x?secret={SECRET}&algorithm=SHA384", "hash algorithm"),
        (f"otpauth://totp/x?secret={SECRET}&digits=5", "6, 7 or 8 digits"),
        (f"otpauth://totp/x?secret={SECRET}&digits=10", "6, 7 or 8 digits"),
        (f"otpauth://totp/x?secret={SECRET}&digits=six", "6, 7 or 8 digits"),
        (f"otpauth://totp/x?secret={SECRET}&digits=%EF%BC%96", "6, 7 or 8 digits"),
        (f"otpauth://totp/x?secret={SECRET}&period=0", "whole number of seconds"),
        (f"otpauth://totp/x?secret={SECRET}&period=-30", "whole number of seconds"),
        (f"otpauth://totp/x?secret={SECRET}&period=30.5", "whole number of seconds"),
        (f"otpauth://totp/x?secret={SECRET}&period={MAX_PERIOD + 1}", "whole number of seconds"),
        (f"otpauth://totp/x?secret={SECRET}&period=99999999999", "whole number of seconds"),
    ],
)
def test_bad_input_is_explained(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment) as caught:
        parse_otpauth(text)
    assert isinstance(caught.value, ValueError)
    assert caught.value.message.render() == str(caught.value)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("JBSWY3DPEHPK3PX0", 16),  # zero instead of O
        ("1BSWY3DPEHPK3PXP", 1),
        ("JBSW Y3DP EHPK 3PX8", 19),  # position as pasted, spaces counted
        ("JBSWY3DP=EHPK3PXP", 9),  # padding in the middle
        ("JBSWY3DPÉHPK3PXP", 9),
        ("JBSWY3DP_EHPK3PXP", 9),
    ],
)
def test_non_base32_character_is_named_by_position(text: str, position: int) -> None:
    with pytest.raises(InputError) as caught:
        parse_otpauth(text)
    assert f"position {position} " in str(caught.value)
    assert dict(caught.value.message.args) == {"position": position}


def test_verify_with_a_bad_secret_raises_input_error() -> None:
    with pytest.raises(InputError):
        verify("not a secret!", "123456", at(59))


def test_module_version_of_pyotp_agrees_where_it_applies() -> None:
    import pyotp

    spec = parse_otpauth(GOOGLE_FULL_EXAMPLE)
    reference = pyotp.TOTP(SECRET, digits=6, digest=hashlib.sha1, interval=30)
    for seconds in (0, 59, 1_700_000_000, 4_102_444_800):
        assert verify(spec, reference.at(seconds), at(seconds))


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=200)
@given(
    key=st.binary(min_size=16, max_size=64),
    algorithm=st.sampled_from(["SHA1", "SHA256", "SHA512"]),
    digits=st.integers(6, 8),
    period=st.integers(1, 120),
    seconds=st.integers(0, 253_402_300_799),
)
def test_codes_agree_with_pyotp(
    key: bytes, algorithm: str, digits: int, period: int, seconds: int
) -> None:
    import pyotp

    digest = getattr(hashlib, algorithm.lower())
    reference = pyotp.TOTP(b32(key), digits=digits, digest=digest, interval=period)
    uri = (f"otpauth://totp/x?secret={b32(key).rstrip('=').lower()}&algorithm={algorithm}"
           f"&digits={digits}&period={period}")  # fmt: skip
    spec = parse_otpauth(uri)
    assert hotp(key, seconds // period, digits, algorithm) == reference.at(seconds)
    assert verify(spec, reference.at(seconds), at(seconds))


URI_PIECES = st.sampled_from([
    "otpauth://", "totp/", "hotp/", "?", "&", "=", ":", "%", "%3A", "secret", "issuer", "digits",
    "period", "algorithm", "SHA1", "8", "300", "301", SECRET, "JBSW", "0", "%E5%B8%81", "[", "]",
])  # fmt: skip
ANY_CHAR = st.one_of(st.characters(exclude_categories=()), st.characters(categories=["Cs"]))
ANY_TEXT = st.lists(ANY_CHAR, max_size=12).map("".join)
OTPAUTH_URIS = st.builds(
    lambda kind, label, params: f"otpauth://{kind}/{label}?" + "&".join(map("=".join, params)),
    st.sampled_from(["totp", "TOTP", "hotp", "x"]),
    ANY_TEXT,
    st.lists(
        st.tuples(
            st.sampled_from(["secret", "Secret", "issuer", "digits", "period", "algorithm"]),
            st.one_of(st.sampled_from([SECRET, "sha256", "MD5", "6", "8", "9", "30", "301"]),
                      ANY_TEXT),
        ),
        max_size=6,
    ),
)  # fmt: skip


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=300)
@given(
    text=st.one_of(
        st.lists(ANY_CHAR, max_size=80).map("".join),
        st.lists(st.one_of(URI_PIECES, ANY_CHAR.map(str)), max_size=20).map("".join),
        OTPAUTH_URIS,
    )
)
def test_parse_raises_only_input_error(text: str) -> None:
    try:
        spec = parse_otpauth(text)
    except InputError:
        return
    assert set(spec.secret) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert len(spec.secret) >= 8
    assert spec.algorithm in ("SHA1", "SHA256", "SHA512")
    assert 6 <= spec.digits <= 8 and 1 <= spec.period <= MAX_PERIOD
    assert isinstance(verify(spec, "123456", at(1_700_000_000)), bool)


def test_importing_the_module_does_not_import_pyotp() -> None:
    code = "import sys, checks.totp; assert 'pyotp' not in sys.modules"
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


# --- the secret stays secret -------------------------------------------------


@pytest.mark.security
def test_repr_and_str_of_a_spec_hide_the_secret() -> None:
    spec = parse_otpauth(GOOGLE_FULL_EXAMPLE)
    for text in (repr(spec), str(spec), f"{spec}", repr([spec])):
        assert SECRET not in text
        assert SECRET[:8] not in text
        assert "secret" not in text
    assert "ACME Co" in repr(spec)


@pytest.mark.security
@pytest.mark.parametrize(
    "text",
    [
        "JBSWY3DPEHPK3PX0JBSWY3DP",
        f"otpauth://totp/x?secret={SECRET}0",
        f"otpauth://totp/x?secret={SECRET}&algorithm=MD5",
        f"otpauth://totp/x?secret={SECRET}&digits=9",
        f"otpauth://totp/x?secret={SECRET}&period=0",
        f"otpauth://hotp/x?secret={SECRET}",
        "JBSWY3D",
    ],
)
def test_error_messages_never_quote_the_secret(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_otpauth(text)
    message = str(caught.value)
    for piece in ("JBSWY3D", SECRET[:6], "HXDM"):
        assert piece not in message
    # Only numbers ever fill a message's fields.
    assert all(isinstance(value, int) for value in caught.value.message.args.values())
