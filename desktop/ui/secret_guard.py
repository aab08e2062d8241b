"""The secret guard on every text field: a seed phrase, private key or 2FA
secret typed or pasted into any field is refused with a kind explanation, and
the field is cleared — so it can never be stored, printed or sent.

The detection is :func:`checks.secrets.find_guarded`. It never stalls the
window: a short text (what people type) is checked at once once the word
lists are loaded (the worst case, 200 characters of wordlist hanzi:
bench/RESULTS.md, 9c), anything longer or earlier in the background,
newest text only.
The app loads the word lists in the background after the first paint
(:func:`warm_up_in_background`). The stored data is guarded again in
``checks`` before it is written, so a check still running changes nothing
that is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop.background import run_in_background
from desktop.i18n import _
from desktop.ui import dialogs

INLINE_LIMIT = 200  # characters checked at once (worst case: bench 9c); longer: in the pool

Field = QLineEdit | QPlainTextEdit


def _text(field: Field) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def _kinds(text: str) -> list[str]:
    # checks.secrets loads in the worker thread of warm_up_in_background, not with a page
    from checks.secrets import find_guarded, looks_like_tx_hash

    kinds: list[str] = []
    for match in find_guarded(text):
        hex_value = match.kind == "private_key" and looks_like_tx_hash(
            text[match.start : match.end]
        )
        kinds.append("hex64" if hex_value else match.kind)
    return kinds


def explanation(kinds: list[str]) -> str:
    if kinds and set(kinds) == {"hex64"}:
        from checks.secrets import TX_HASH_HINT  # as above

        return (
            _(
                "This looks like a private key, or a transaction hash."
                " It was removed and not saved."
                " Never type a private key into any app or website."
            )
            + " "
            + _(TX_HASH_HINT)
        )
    if "mnemonic" in kinds:
        return _(
            "This looks like a seed phrase (recovery words). It was removed and not saved."
            " Never type it into any app or website, and never give it to anyone — whoever"
            " has it owns your coins. Real support never asks for it."
        )
    if set(kinds) == {"two_factor"}:
        return _(
            "This looks like a 2FA secret — the key behind your authenticator app's codes, or"
            " an otpauth:// link. It was removed and not saved. Whoever has it can make your"
            " sign-in codes: keep it only in your authenticator app and its backup, and never"
            " give it to anyone. Real support never asks for it."
        )
    return _(
        "This looks like a private key. It was removed and not saved. Never type it into"
        " any app or website, and never give it to anyone — whoever has it owns your coins."
    )


def warm_up_in_background(owner: QObject) -> None:
    """Load the guard's word lists off the UI thread (bench/RESULTS.md, 6: first call)."""
    from checks import secrets  # after the first paint; its word lists load in the worker

    run_in_background(secrets.warm_up, lambda _result: None, lambda _exc: None, owner=owner)


def _checks_inline(text: str) -> bool:
    from checks.secrets import is_warm  # as in _kinds

    return len(text) <= INLINE_LIMIT and is_warm()


def guard(
    field: Field,
    on_refused: Callable[[list[str]], None] | None = None,
    *,
    transaction_field: bool = False,
    two_factor_field: bool = False,
) -> None:
    """Watch ``field``; refuse and clear it when it holds a secret.

    A ``transaction_field`` (a transaction hash or an address) is where 64 hex
    digits belong: such a value is left to the field's own validation, but a
    seed phrase, an extended private key or a WIF key is still refused. A
    ``two_factor_field`` (the checkup's 2FA backup test, which keeps nothing)
    is where a 2FA secret belongs; everything else is still refused there.
    """
    busy = False
    waiting = False

    def refuse(kinds: list[str]) -> None:
        if transaction_field:
            kinds = [kind for kind in kinds if kind != "hex64"]
        if two_factor_field:
            kinds = [kind for kind in kinds if kind != "two_factor"]
        if not kinds:
            return
        field.clear()
        if on_refused is not None:
            on_refused(kinds)
        else:
            window: QWidget | None = field.window()
            dialogs.warn(window, _("Not saved: this looks like a secret"), explanation(kinds))

    def changed() -> None:
        nonlocal waiting
        text = _text(field)
        if len(text) < 12:  # too short to hold any secret we look for
            return
        if _checks_inline(text):
            refuse(_kinds(text))
        elif busy:
            waiting = True  # checked when the running check ends: newest text only
        else:
            check_in_background(text)

    def check_in_background(snapshot: str) -> None:
        nonlocal busy
        busy = True
        run_in_background(
            lambda: _kinds(snapshot), lambda kinds: done(snapshot, kinds), None, owner=field
        )

    def done(snapshot: str, kinds: list[str]) -> None:
        nonlocal busy, waiting
        busy = False
        if _text(field) == snapshot:
            refuse(kinds)
        if waiting:
            waiting = False
            changed()

    field.textChanged.connect(changed)
    holder: QObject = field
    holder.setProperty("secretGuard", True)
    holder.setProperty("transactionField", transaction_field)
    holder.setProperty("twoFactorField", two_factor_field)
