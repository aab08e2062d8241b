"""Does a name imitate a wallet brand from the support directory?

Three strengths of match, strongest first:

``same``     the name *is* the brand, perhaps in look-alike letters or with
             hyphens (``metamask.com``, ``lèdger.net``, ``token-im.com``);
``contains`` the brand plus extra words (``imtoken-support.com``,
             ``metamask-wallet.io``, ``bitpieaad.com``);
``typo``     one or two edits away (``legder.com``, ``rnetamask.io`` already
             counts as ``same`` through the skeleton).

Short brands (``okx``) only match exactly or at the start of a name, and the
allowed distance grows with the brand's length, because ``ok.com`` and
``finance.com`` are not attacks on OKX and Binance. Common words that happen
to sit one edit from a brand are listed in :data:`NEAR_MISS_WORDS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checks.directory import Directory, SupportEntry
from checks.phishing.domains import edit_distance, skeleton

MIN_CONTAINS = 5  # brands shorter than this must match exactly or as a prefix

# Ordinary words and names near a brand once look-alike letters are folded,
# found by running the brand matcher over zxcvbn's English word and name lists
# (see tests/test_phishing.py); matching them would flag finance.yahoo.com.
NEAR_MISS_WORDS = frozenset(
    """
    finance financed finances ledge ledges leger legere lodger lodgers edgerton
    lederman lederhosen trevor acknowledgement acknowledgements tokenism
    gatehouse gatewood
    """.split()
)


# Brand names that are ordinary English words: they match only as a whole name or
# as one hyphen-separated part, never as a prefix (gateway.com is not Gate).
WORD_BRANDS = frozenset({"gate"})


@dataclass(frozen=True)
class Brand:
    entry: SupportEntry
    plain: frozenset[str]  # the terms as typed: "imtoken", "tokenim", "trustwallet"
    terms: tuple[tuple[str, int], ...]  # (skeleton, allowed typing distance)
    officials: tuple[tuple[str, str], ...]  # (official domain, its skeleton)


@dataclass(frozen=True)
class BrandMatch:
    brand: Brand
    how: str  # "same", "contains", "typo", "homoglyph", "subdomain"
    official: str | None = None  # the official domain it imitates, when known


def tolerance(term: str) -> int:
    """Allowed edits: none up to 4 letters, one up to 8, two beyond."""
    return 0 if len(term) <= 4 else 1 if len(term) <= 8 else 2


def _build(directory: Directory) -> tuple[Brand, ...]:
    brands = []
    for entry in directory:
        plain = {entry.id, re.sub(r"[^a-z0-9]", "", entry.name.lower())}
        for domain in entry.official_domains:
            label = domain.split(".", 1)[0]
            if len(label) >= 6 or label in plain:  # "token" (token.im) is too common
                plain.add(label)
            plain.add(domain.replace(".", ""))  # token.im -> "tokenim"
        terms = tuple(sorted((skeleton(t), tolerance(t)) for t in plain))
        officials = tuple((d, skeleton(d)) for d in entry.official_domains)
        brands.append(Brand(entry, frozenset(plain), terms, officials))
    return tuple(brands)


@lru_cache(maxsize=8)
def brands_for(directory: Directory) -> tuple[Brand, ...]:
    """Brand terms of a directory, built once per (equal) directory."""
    return _build(directory)


@cache
def _near_miss_skeletons() -> frozenset[str]:
    return frozenset(skeleton(word) for word in NEAR_MISS_WORDS)


def match_name(
    text: str, brands: tuple[Brand, ...], separators: str = "-", fuzzy: bool = True
) -> BrandMatch | None:
    """Best ``same``/``contains``/``typo`` match of one name (a label or a handle)."""
    tokens = [skeleton(t) for t in re.split(f"[{re.escape(separators)}]", text) if t]
    joined = "".join(tokens)
    if not joined:
        return None
    starts = [0]
    for token in tokens[:-1]:
        starts.append(starts[-1] + len(token))
    for brand in brands:
        if any(joined == term for term, _ in brand.terms):
            return BrandMatch(brand, "same")
    near = _near_miss_skeletons()
    if joined in near:
        return None
    for brand in brands:
        for term, _ in brand.terms:
            if len(term) >= MIN_CONTAINS and term in joined:
                return BrandMatch(brand, "contains")
            prefix = joined.startswith(term) and term not in WORD_BRANDS
            if len(term) < MIN_CONTAINS and (term in tokens or prefix):
                return BrandMatch(brand, "contains")
    if not fuzzy:
        return None
    for brand in brands:
        for term, allowed in brand.terms:
            if allowed and _typo(joined, starts, term, allowed, near):
                return BrandMatch(brand, "typo")
    return None


def _typo(joined: str, starts: list[int], term: str, allowed: int, near: frozenset[str]) -> bool:
    if joined not in near and edit_distance(joined, term, allowed) <= allowed:
        return True
    for start in starts:
        rest = joined[start:]
        for size in range(max(1, len(term) - allowed), min(len(rest), len(term) + allowed) + 1):
            piece = rest[:size]
            if piece not in near and edit_distance(piece, term, allowed) <= allowed:
                return True
    return False


def find_brand(
    host_or_handle: str,
    brands: tuple[Brand, ...],
    registrable: str | None = None,
    separators: str = "-",
) -> BrandMatch | None:
    """Match a handle (``registrable`` is None) or a whole host against the brands."""
    if registrable is None:
        return match_name(host_or_handle, brands, separators)
    host = host_or_handle
    for brand in brands:  # official domain used as a sub-domain: token.im.example.io
        for official, _ in brand.officials:
            if f".{official}." in f".{host}." and not host.endswith("." + official):
                return BrandMatch(brand, "subdomain", official)
    registrable_skeleton = skeleton(registrable)
    for brand in brands:
        for official, official_skeleton in brand.officials:
            if registrable_skeleton == official_skeleton:
                return BrandMatch(brand, "homoglyph", official)
    label = registrable.split(".", 1)[0]
    found = match_name(label, brands, separators)
    if found is not None:
        how = found.how
        if how == "same" and label.replace("-", "") not in found.brand.plain:
            how = "homoglyph"  # equal only once look-alike letters are folded
        return BrandMatch(found.brand, how, _closest_official(found.brand, registrable))
    subdomains = host[: -len(registrable)].rstrip(".")
    for part in subdomains.split(".") if subdomains else ():
        found = match_name(part, brands, separators)
        if found is not None:
            return BrandMatch(found.brand, "subdomain", found.brand.entry.primary_domain)
    return None


def find_in_userinfo(userinfo: str, brands: tuple[Brand, ...]) -> SupportEntry | None:
    """The brand named before an ``@`` (``https://token.im@evil.com``), if any."""
    lowered = userinfo.lower()
    for brand in brands:
        if any(official in lowered for official, _ in brand.officials):
            return brand.entry
    found = match_name(userinfo, brands, separators="-_.:%", fuzzy=False)
    return found.brand.entry if found is not None else None


def _closest_official(brand: Brand, registrable: str) -> str:
    """The official domain that a look-alike most resembles (tpwallet.io vs tokenpocket.pro)."""
    target = skeleton(registrable)
    return min(
        brand.officials,
        key=lambda pair: edit_distance(target, pair[1], len(target) + len(pair[1])),
    )[0]
