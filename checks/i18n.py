"""Translation markers for code that must stay free of Qt and of gettext state.

``checks`` never translates: it marks user-facing strings with :func:`N_`
(so ``pybabel extract`` finds them) and returns them, or a :class:`Msg` when
the text has fields. ``desktop`` translates at display time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def N_(text: str) -> str:
    """Mark ``text`` for translation without translating it."""
    return text


@dataclass(frozen=True)
class Msg:
    """A user-facing message: an English source text with ``{fields}``.

    ``render(translate)`` translates the text first, then fills the fields,
    so translators see ``{official}`` and never the value.
    """

    text: str
    args: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def render(self, translate: Callable[[str], str] = N_) -> str:
        values = {
            key: value.render(translate) if isinstance(value, Msg) else value
            for key, value in self.args.items()
        }
        return translate(self.text).format(**values)


def msg(text: str, **args: object) -> Msg:
    """Shorthand: ``msg(N_("The real site is {official}."), official=...)``."""
    return Msg(text, MappingProxyType(dict(args)))


class InputError(ValueError):
    """Bad input, explained for a person.

    ``str(error)`` is the English text (for logs of *our* code paths and
    for tests); ``error.message`` is the :class:`Msg` that ``desktop``
    translates. Never put the offending secret itself into the message.
    """

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render())
        self.message = message
