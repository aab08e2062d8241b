"""The secret guard on every text field: a seed phrase or private key typed
or pasted into any field is refused with a kind explanation, and the field
is cleared — so it can never be stored, printed or sent.

The detection is :func:`checks.secrets.find_secrets`; long pastes are
checked off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop import dialogs
from desktop.background import run_in_background
from desktop.i18n import _

INLINE_LIMIT = 20_000  # characters checked at once; longer pastes go to the pool

Field = QLineEdit | QPlainTextEdit


def _text(field: Field) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def _kinds(text: str) -> list[str]:
    from checks.secrets import find_secrets, looks_like_tx_hash

    kinds: list[str] = []
    for match in find_secrets(text):
        hex_value = match.kind == "private_key" and looks_like_tx_hash(
            text[match.start : match.end]
        )
        kinds.append("hex64" if hex_value else match.kind)
    return kinds


def explanation(kinds: list[str]) -> str:
    if kinds and set(kinds) == {"hex64"}:
        from checks.secrets import TX_HASH_HINT

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
    return _(
        "This looks like a private key. It was removed and not saved. Never type it into"
        " any app or website, and never give it to anyone — whoever has it owns your coins."
    )


def guard(field: Field, on_refused: Callable[[list[str]], None] | None = None) -> None:
    """Watch ``field``; refuse and clear it when it holds a secret."""

    def refuse(kinds: list[str]) -> None:
        if not kinds:
            return
        field.clear()
        if on_refused is not None:
            on_refused(kinds)
        else:
            window: QWidget | None = field.window()
            dialogs.warn(window, _("Not saved: this looks like a secret"), explanation(kinds))

    def changed() -> None:
        text = _text(field)
        if len(text) < 12:  # too short to hold any secret we look for
            return
        if len(text) <= INLINE_LIMIT:
            refuse(_kinds(text))
        else:
            snapshot = text
            run_in_background(
                lambda: _kinds(snapshot),
                lambda kinds: refuse(kinds) if _text(field) == snapshot else None,
                None,
                owner=field,
            )

    field.textChanged.connect(changed)
    holder: QObject = field
    holder.setProperty("secretGuard", True)
