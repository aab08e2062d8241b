"""2FA secrets are refused like seed phrases (issue 15, item 7): an
``otpauth://`` link or a base32 authenticator key typed into a case title, a
timeline entry, a contact's ticket or an accept-risk reason used to be stored
and printed into the incident report and the bundle."""

from __future__ import annotations

from datetime import datetime, timezone

import pyotp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from PySide6.QtWidgets import QLineEdit

from checks.i18n import InputError
from checks.panic.case import new_case
from checks.secrets import describe, find_guarded, find_secrets, guard_free_text
from desktop.i18n import set_language
from desktop.ui import dialogs, secret_guard

pytestmark = pytest.mark.security

KEY = "JBSWY3DPEHPK3PXP"  # RFC 6238 examples and every authenticator tutorial
LINK = f"otpauth://totp/Example:alice@example.com?secret={KEY}&issuer=Example"

REFUSED = [
    LINK,
    "OTPAUTH://TOTP/x?secret=abc",  # any such link, whatever it holds
    "otpauth-migration://offline?data=CjEKCkhlbGxvId",  # Google Authenticator's export
    f"my binance 2fa key: {KEY}",
    KEY.lower() + " (lower case, as some sites show it)",
    "jbsw y3dp ehpk 3pxp",  # in groups of four, as Google shows it
    "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP",
    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",  # 32 characters (160 bits)
    "KRSXG5CTMVRXEZLUKN2XAZLQOJSW4Q3P===",  # with padding
]

KEPT = [
    "Sent 0.5 ETH to the wrong address on Friday",
    "Ticket HK-2026-0042, agent said 3 to 5 business days",
    "responsibilities",  # 16 small letters, no digit: a word
    "this that with from",  # four-letter words, in fours
    "WALLET CHECKUP NOTE",
    "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",  # Bitcoin: Base58, mixed case
    "0x742d35Cc6634C0532925a3b844Bc454e4438f44e",  # Ethereum
    "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",  # Tron
    "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",  # Solana
    # Algorand-style address (58) and transaction id (52): base32, longer than 2FA keys
    "VCMJKWOY5P5P7SKMZFFOCEROPJCZOTIJMNIYNUCKH7LRO45JMJP6UYBIJA",
    "FS3ZDLPSNXDDOHOBNRLVZLYXMJZ6RNFBJXXYLEDYBIHJMXEHEFEQ",
    "我的钱包被盗了，转到了陌生地址",
    "a" * 300,
]


@pytest.mark.parametrize("text", REFUSED)
def test_two_factor_secrets_are_refused(text: str) -> None:
    found = find_guarded(text)
    assert found and {m.kind for m in found} == {"two_factor"}
    with pytest.raises(InputError, match="2FA secret"):
        guard_free_text(text)


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_and_addresses_are_not_two_factor_secrets(text: str) -> None:
    assert [m for m in find_guarded(text) if m.kind == "two_factor"] == []


def test_find_secrets_keeps_its_four_kinds() -> None:
    """find_secrets also scans files (its contract lists four kinds): 2FA
    secrets are the free-text guard's addition."""
    assert find_secrets(LINK) == [] and find_secrets(KEY) == []


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=16, max_value=40), st.booleans())
def test_every_random_authenticator_key_is_found(length: int, lower: bool) -> None:
    key = pyotp.random_base32(length=32)[:length]
    if not any(c in "234567" for c in key):
        key = key[:-1] + "7"
    key = key.lower() if lower else key
    assert [m.kind for m in find_guarded(f"backup: {key}.")] == ["two_factor"]


def test_a_case_keeps_no_two_factor_key_in_any_text() -> None:
    case = new_case(datetime.now(timezone.utc))
    for change in (
        lambda: case.renamed(f"stolen, 2fa was {KEY}"),
        lambda: case.add_timeline(datetime.now(timezone.utc), f"authenticator: {LINK}"),
        lambda: case.with_notes(f"backup key {KEY.lower()}"),
    ):
        with pytest.raises(InputError, match="2FA secret"):
            change()


@pytest.mark.parametrize(
    ("language", "words"), [("en", "2FA secret"), ("zh_CN", "双重验证（2FA）密钥")]
)
def test_a_field_refuses_it_with_a_kind_explanation(qtbot, monkeypatch, language, words) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, _t, text, _d="": shown.append(text))
    set_language(language)
    field = QLineEdit()
    qtbot.add_widget(field)
    secret_guard.guard(field)
    field.setText(LINK)
    assert field.text() == ""
    assert len(shown) == 1 and words in shown[0]
    assert KEY not in shown[0]
    assert "2FA secret" in describe("two_factor")


def test_the_two_factor_check_field_accepts_a_key(qtbot, monkeypatch) -> None:
    """The checkup's 2FA backup test is where a key belongs (it keeps nothing)."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, _t, text, _d="": shown.append(text))
    field = QLineEdit()
    qtbot.add_widget(field)
    secret_guard.guard(field, two_factor_field=True)
    field.setText(LINK)
    assert field.text() == LINK and shown == []
    field.setText("abandon " * 11 + "about")  # a seed phrase is still refused there
    assert field.text() == "" and shown
