"""2FA secrets in free text: ``otpauth://`` links and the base32 keys behind
authenticator apps (RFC 4648 base32: letters A–Z and digits 2–7).

Whoever has such a key can make the sign-in codes forever, so the secret guard
refuses it like a seed phrase (:func:`checks.secrets.find_guarded`). It is not
part of :func:`checks.secrets.find_secrets`, which also scans files: in a file
a run of capital letters is too common to report.

What counts, keeping ordinary text out:

* any ``otpauth://`` or ``otpauth-migration://`` link;
* a token of 16–40 base32 characters (``=`` padding allowed), in one case —
  a key is shown all capitals or all small letters, never mixed like a
  Base58 address — with a digit 2–7, or in capitals only;
* the same in groups of four ("JBSW Y3DP EHPK 3PXP", as Google and others
  show it), four to ten groups, with a digit 2–7 (four capitalised words are
  not a key).

Longer base32 runs are left alone: Algorand (52/58) and Stellar (56)
addresses and transaction ids look like that, and they belong in a case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MIN_LENGTH = 16
MAX_LENGTH = 40

_LINK = re.compile(r"otpauth(?:-migration)?://\S*", re.IGNORECASE)
_PLAIN = re.compile(r"(?<![0-9A-Za-z])[A-Za-z2-7]{16,40}={0,6}(?![0-9A-Za-z=])")
_GROUPED = re.compile(r"(?<![0-9A-Za-z])[A-Za-z2-7]{4}(?: [A-Za-z2-7]{4}){3,9}(?![0-9A-Za-z])")
_DIGIT = re.compile(r"[2-7]")


def _one_case(letters: str) -> bool:
    return letters.isupper() or letters.islower()


def _plain_key(token: str) -> bool:
    body = token.rstrip("=")
    letters = "".join(c for c in body if c.isalpha())
    if not MIN_LENGTH <= len(body) <= MAX_LENGTH or not letters or not _one_case(letters):
        return False
    return _DIGIT.search(body) is not None or letters.isupper()


def _grouped_key(token: str) -> bool:
    body = token.replace(" ", "")
    letters = "".join(c for c in body if c.isalpha())
    return (
        MIN_LENGTH <= len(body) <= MAX_LENGTH
        and bool(letters)
        and _one_case(letters)
        and _DIGIT.search(body) is not None
    )


def find_two_factor(text: str) -> Iterator[tuple[int, int]]:
    """Where 2FA secrets are in ``text``: (start, end) spans, in order found."""
    for match in _LINK.finditer(text):
        yield match.start(), match.end()
    for match in _GROUPED.finditer(text):
        if _grouped_key(match.group()):
            yield match.start(), match.end()
    for match in _PLAIN.finditer(text):
        if _plain_key(match.group()):
            yield match.start(), match.end()
