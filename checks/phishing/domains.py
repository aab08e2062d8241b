"""Domain-name helpers for the phishing check: IDN, public suffixes, skeletons, distance.

Everything here works offline:

* the Public Suffix List (MPL 2.0), as the maintained ``publicsuffixlist``
  package ships it (its version carries the list's date; updating the package
  updates the list), so that ``support.token.im`` and ``token.im.example.io``
  are told apart by their *registrable* domain (``token.im`` vs
  ``example.io``), as browsers do;
* ``resources/confusables.json`` — Latin look-alike letters from Unicode
  TS #39 (made by ``scripts/make_confusables.py``; its sources are in
  ``resources/SOURCES.md``), so that ``ledgёr.com`` (Cyrillic ё) and
  ``rnetamask.io`` (r+n for m) fold to the same *skeleton* as the real names.

Tables are read lazily and cached: importing this module reads no file.
"""

from __future__ import annotations

import ipaddress
import json
import unicodedata
from functools import cache
from importlib.resources import files

from publicsuffixlist import PSLFILE, PublicSuffixList

# Characters that IDNA (UTS #46) treats as label separators besides ".".
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
# Characters that UTS #46 maps to nothing: browsers drop them, so do we.
_IGNORED = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff\u180b\u180c\u180d\u034f"))
# Look-alikes that Unicode's table lacks but phishers use: Ledger warns of
# "leqder" and "ledqer" (q for g); Cyrillic м reads as a small capital M.
_VISUAL_EXTRAS = {"q": "g", "\u043c": "rn"}
MAX_HOST_LENGTH = 253
MAX_LABEL_LENGTH = 63


class HostError(ValueError):
    """The text cannot be a host name (empty label, bad punycode, too long)."""


class PublicSuffixes:
    """The Public Suffix List as the maintained ``publicsuffixlist`` package ships it."""

    def __init__(self) -> None:
        self._list = PublicSuffixList()  # reads the package's own copy: no network

    def registrable_domain(self, host: str) -> str | None:
        """The public suffix plus one label (``a.b.example.co.uk`` -> ``example.co.uk``).

        ``None`` when the host is itself a public suffix or has an empty label.
        A name under no listed suffix gets the implicit rule ``*`` (one label).
        """
        if not host or any(not label for label in host.split(".")):
            return None
        return self._list.privatesuffix(host)


def list_version() -> str:
    """The list's own date stamp (``2026-10-22_08-36-41_UTC``), "" when it has none."""
    with open(PSLFILE, encoding="utf-8") as source:
        for line in source:
            if line.startswith("// VERSION:"):
                return line.split(":", 1)[1].strip()
            if not line.startswith("//") and line.strip():
                break
    return ""


@cache
def public_suffix_list() -> PublicSuffixes:
    """The list, parsed once on first use."""
    return PublicSuffixes()


@cache
def confusable_table() -> dict[str, str]:
    """Character -> ASCII prototype, from ``resources/confusables.json``."""
    raw = files("resources").joinpath("confusables.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    table: dict[str, str] = {}
    for section in ("ascii", "tr39", "small_capital_fold"):
        for code, target in data[section].items():
            table[chr(int(code, 16))] = target
    return table


def decode_label(label: str) -> str:
    """Decode one ``xn--`` label to Unicode; other labels are returned as they are.

    The stdlib codecs raise ``UnicodeError`` on damaged punycode; we turn that
    into :class:`HostError`, because a label browsers cannot decode is not a
    name anyone can visit under that spelling.
    """
    if not label.startswith("xn--"):
        return label
    try:
        decoded = label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError) as error:
        raise HostError(f"damaged punycode label {label!r}") from error
    if not decoded or decoded.isascii():
        raise HostError(f"punycode label {label!r} decodes to nothing international")
    if any(unicodedata.category(char)[0] in "CZ" for char in decoded):
        raise HostError(f"punycode label {label!r} decodes to control or space characters")
    return unicodedata.normalize("NFKC", decoded).lower()


def normalize_host(text: str) -> str:
    """Lower-case Unicode form of a host, as a browser would look it up.

    NFKC folds full-width letters (ｍｅｔａｍａｓｋ．ｉｏ -> metamask.io); ideographic
    full stops become dots; trailing dots (``metamask.io.``) are dropped; ``xn--``
    labels are decoded. We use ``lower()``, not ``casefold()``: IDNA 2008 keeps
    ``ß`` and ``ς`` as distinct letters, so ``casefold`` would change the site.
    """
    host = unicodedata.normalize("NFKC", text.translate(_IGNORED)).translate(_DOTS).lower()
    host = host.rstrip(".")
    if not host or len(host) > MAX_HOST_LENGTH * 4:
        raise HostError("empty or overlong host")
    labels = host.split(".")
    if any(not label or len(label) > MAX_LABEL_LENGTH * 4 for label in labels):
        raise HostError("empty or overlong label")
    return ".".join(decode_label(label) for label in labels)


def to_ascii(host: str) -> str:
    """Punycode form for display next to a Unicode name; the input if it fails."""
    try:
        return ".".join(
            label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
            for label in host.split(".")
        )
    except UnicodeError:
        return host


def is_ip_address(host: str) -> bool:
    """True for dotted IPv4, bracketed or bare IPv6 (``[::1]``)."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def skeleton(text: str) -> str:
    """Fold look-alike characters to an ASCII-ish skeleton (after Unicode TS #39).

    Steps: NFKC and lower-case; decompose (NFD) and drop combining marks and
    invisible format characters, so ``è``/``ё`` become ``e``/``е``; map each
    character through the confusables table (``а``->``a``, ``0``->``o``,
    ``1``->``l``, ``m``->``rn``); lower-case again. Dropping accents and our two
    extras (``q``->``g``, Cyrillic ``м``->``rn``) go beyond TS #39 on purpose:
    ``lèdger`` and ``ledqer`` must match ``ledger``.
    """
    table = confusable_table()
    extras = _VISUAL_EXTRAS
    folded = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).lower())
    out: list[str] = []
    for char in folded:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        out.append(extras.get(char) or table.get(char, char))
    return "".join(out).lower()


def edit_distance(left: str, right: str, limit: int) -> int:
    """Optimal-string-alignment distance (Damerau–Levenshtein without re-edits).

    A swap of two neighbours (``legder``) counts as one edit, as people see it.
    Returns ``limit + 1`` as soon as the answer must exceed ``limit``, so a
    check against a long string stays cheap.
    """
    if abs(len(left) - len(right)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, lchar in enumerate(left, start=1):
        current = [i] + [0] * len(right)
        for j, rchar in enumerate(right, start=1):
            cost = 0 if lchar == rchar else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and lchar == right[j - 2] and left[i - 2] == rchar:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def prefix_distance(text: str, word: str, limit: int) -> int:
    """Smallest distance between ``word`` and a prefix of ``text``.

    Catches a brand with junk glued on (``treezorrwalete`` starts with
    ``treezor``, one edit from ``trezor``) without searching the middle of
    words, where real English hides near-brands (know\\ *ledge*).
    """
    best = limit + 1
    for size in range(max(1, len(word) - limit), min(len(text), len(word) + limit) + 1):
        best = min(best, edit_distance(text[:size], word, limit))
    return best


# --- well-known domains the phishing check treats specially ---------------------------

# Real, unrelated sites whose names *contain* a brand: an image optimiser, an API
# gateway, PayPal's open-source web framework, a news site on enterprise ledgers.
# Names that are merely one typo away (hedger, edger, tokeninsight) need no entry:
# the phishing check's typo rules already leave them alone.
UNRELATED_NEAR_BRANDS = frozenset("kraken.io krakend.io krakenjs.com ledgerinsights.com".split())

# Free mailboxes anyone can open: a brand in the name before the @ is an impersonation,
# because no wallet maker or exchange writes from one.
FREE_MAIL = frozenset(
    """
    gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com ymail.com
    icloud.com me.com mac.com aol.com proton.me protonmail.com pm.me gmx.com gmx.net
    mail.com zoho.com yandex.com yandex.ru mail.ru qq.com foxmail.com 163.com 126.com
    yeah.net sina.com sina.cn sohu.com 139.com aliyun.com tutanota.com
    """.split()
)

# Form and page builders: anyone can publish under these hosts, so a brand in the
# path ("docs.google.com/forms/…/metamask-support") is an impersonation. Host → the
# path prefix under which user pages live.
PAGE_BUILDERS = {
    "docs.google.com": "/forms/",
    "forms.gle": "/",
    "sites.google.com": "/",
    "forms.office.com": "/",
    "forms.microsoft.com": "/",
    "jotform.com": "/",
    "form.jotform.com": "/",
    "typeform.com": "/",
    "tally.so": "/",
    "linktr.ee": "/",
    "telegra.ph": "/",
    "notion.so": "/",
    "airtable.com": "/",
}
