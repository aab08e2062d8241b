"""Phone numbers offered as a wallet's "customer-service hotline" (客服电话).

None of the self-custody wallets in the support directory has phone support,
and scammers buy search ads for "<wallet> 客服电话". A number is official only
when the directory lists it (from the vendor's own page); :func:`find_phone`
finds a number in pasted text, :func:`listed_owner` looks it up, and
:func:`named_entry` finds which wallet or exchange the text names, so the
verdict can say "imToken has no phone support".
"""

from __future__ import annotations

import re

from checks.directory import Directory, SupportEntry

MIN_DIGITS, MAX_DIGITS = 7, 15  # E.164 allows at most 15 digits
# Digits with the separators people write between them; not inside a word,
# an address, a path or a longer number.
_PHONE = re.compile(r"(?<![0-9A-Za-z.+_/#=&?])(\+|00)?\d[\d \-().]{5,24}\d(?![0-9A-Za-z])")
_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?")
_TIME = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")
_DOTTED_QUAD = re.compile(r"\d{1,3}(\.\d{1,3}){3}")
_PHONE_ONLY = re.compile(r"[\d +\-().]+")


def find_phone(text: str) -> str | None:
    """The first phone-number-like run in ``text`` (NFKC-normalised), or None.

    Dates ("2026-11-27"), IP addresses and runs with fewer than 7 or more
    than 15 digits are not phone numbers.
    """
    text = _TIME.sub(" ", _DATE.sub(" ", text))
    for match in _PHONE.finditer(text):
        candidate = match.group(0).strip(" -.(")
        if _DOTTED_QUAD.fullmatch(candidate):
            continue
        count = len(digits(candidate))
        if MIN_DIGITS <= count <= MAX_DIGITS:
            return candidate
    return None


def is_phone_piece(piece: str) -> bool:
    """A whitespace-separated piece that is only part of a phone number."""
    return bool(_PHONE_ONLY.fullmatch(piece)) and any(c.isdigit() for c in piece)


def digits(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


def _same_number(listed: str, typed: str) -> bool:
    """``+1 888 908 7930`` is also written 1-888-908-7930, 888-908-7930 or
    001 888 908 7930; ``+44 808 168 4635`` is also 0808 168 4635."""
    wanted = typed.removeprefix("00") if typed.startswith("00") else typed
    if listed == wanted:
        return True
    national = wanted.lstrip("0")
    return len(national) >= MIN_DIGITS and listed.endswith(national)


def listed_owner(number: str, directory: Directory) -> SupportEntry | None:
    """The directory entry that lists ``number`` as its support phone, if any."""
    typed = digits(number)
    for entry in directory:
        if any(_same_number(phone.digits, typed) for phone in entry.phones):
            return entry
    return None


def _names(entry: SupportEntry) -> set[str]:
    plain = entry.name.lower()
    names = {entry.id, plain, plain.replace(" ", "")}
    if entry.name_zh_CN:
        names.add(entry.name_zh_CN.lower())
    return names


def named_entry(text: str, directory: Directory) -> SupportEntry | None:
    """The wallet or exchange ``text`` names ("imtoken客服电话", "币安热线"); the
    longest name wins ("Bitget Wallet" over "Bitget")."""
    lowered = text.lower()
    best: tuple[int, SupportEntry] | None = None
    for entry in directory:
        for name in _names(entry):
            if name.isascii():
                found = re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", lowered)
            else:
                found = re.search(re.escape(name), lowered)
            if found and (best is None or len(name) > best[0]):
                best = (len(name), entry)
    return best[1] if best else None
