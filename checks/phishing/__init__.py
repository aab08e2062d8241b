"""Is this link, domain, email address or account an official channel of a known wallet?

``classify(text)`` answers ``official``, ``lookalike`` or ``unknown`` with the
wallet id and a plain reason for a worried person. It never raises and never
opens a connection: the host is taken apart the way a browser would (scheme,
``user@`` tricks, ports, full-width letters, punycode), reduced to its
*registrable* domain with the Public Suffix List, and compared with the support
directory — exactly, through a look-alike *skeleton*, and by small typing
distance. Brand matching lives in :mod:`checks.phishing.brands`; name handling in
:mod:`checks.phishing.domains`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from checks.directory import Directory, DirectoryError, SupportEntry, load_directory
from checks.i18n import N_, Msg, msg
from checks.phishing import phones
from checks.phishing.brands import (
    NEAR_MISS_WORDS,
    Brand,
    BrandMatch,
    brands_for,
    find_brand,
    find_in_userinfo,
    match_name,
)
from checks.phishing.domains import (
    FREE_MAIL,
    PAGE_BUILDERS,
    UNRELATED_NEAR_BRANDS,
    HostError,
    edit_distance,
    is_ip_address,
    normalize_host,
    public_suffix_list,
    skeleton,
    to_ascii,
)
from checks.phishing.reasons import (  # re-exported: tests and the UI use these names
    HANDLE_BARE,
    HANDLE_NO_PLATFORM,
    HANDLE_NOT_LISTED,
    HANDLE_SAME_NAME,
    LOOKALIKE_EMAIL,
    LOOKALIKE_FREE_MAIL,
    LOOKALIKE_HANDLE,
    LOOKALIKE_HOMOGLYPH,
    LOOKALIKE_PAGE,
    LOOKALIKE_SITE,
    LOOKALIKE_SUBDOMAIN,
    LOOKALIKE_UNCONFIRMED,
    LOOKALIKE_USERINFO,
    OFFICIAL_EMAIL,
    OFFICIAL_HANDLE,
    OFFICIAL_PHONE,
    OFFICIAL_SITE,
    PHONE_NO_WALLET,
    PHONE_NONE,
    PHONE_NONE_EXCHANGE,
    PHONE_NOT_LISTED,
    PHONE_ON_SITE,
    UNCONFIRMED_SITE,
    UNKNOWN_BAD_IDN,
    UNKNOWN_EMPTY,
    UNKNOWN_HANDLE,
    UNKNOWN_IP,
    UNKNOWN_NO_DIRECTORY,
    UNKNOWN_NOT_ADDRESS,
    UNKNOWN_SITE,
    UNKNOWN_TOO_LONG,
)

MAX_INPUT = 2000  # longer text is no address; bounded work for any paste
MAX_CANDIDATES = 20
VERDICTS = ("official", "lookalike", "unknown")

_SCHEMES = ("http", "https", "ftp", "ws", "wss")
_HANDLE_HOSTS = {"t.me": "telegram", "telegram.me": "telegram", "x.com": "x", "twitter.com": "x"}
_NOT_HANDLES = frozenset(
    "home search explore i intent share hashtag settings messages notifications login "
    "signup tos privacy joinchat addstickers proxy socks".split()
)
_HANDLE = re.compile(r"^[\w.]{1,64}$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", re.DOTALL)


PLATFORM_NAMES = {
    "x": "X (Twitter)",
    "telegram": "Telegram",
    "weibo": "Weibo",
    "wechat": "WeChat",
    "discord": "Discord",
    "youtube": "YouTube",
    "facebook": "Facebook",
    "reddit": "Reddit",
}

# What each verdict is called, in the window and on the command line.
VERDICT_WORDS = {
    "official": N_("Official"),
    "lookalike": N_("Lookalike — do not use"),
    "unknown": N_("Unknown — be careful"),
}


@dataclass(frozen=True)
class LinkVerdict:
    """The answer for one piece of text; ``reason`` is ``reason_msg`` in English."""

    verdict: str
    wallet: str | None
    reason_msg: Msg

    @property
    def reason(self) -> str:
        return self.reason_msg.render()

    def as_dict(self, translate: Callable[[str], str] = N_) -> dict[str, str | None]:
        """The ``check-link --json`` object, with the reason in the UI language."""
        return {
            "verdict": self.verdict,
            "wallet": self.wallet,
            "reason": self.reason_msg.render(translate),
        }

    def to_json(self) -> dict[str, str | None]:
        return self.as_dict()


@dataclass(frozen=True)
class _Parsed:
    kind: str  # "host", "email", "handle"
    host: str = ""
    userinfo: str = ""
    handle: str = ""
    platform: str = ""
    path: str = ""


class _NotAddress(ValueError):
    """The text is not a URL, domain, email address or handle."""

    def __init__(self, reason: Msg) -> None:
        super().__init__(reason.render())
        self.reason = reason


# --- public API ----------------------------------------------------------------


def classify(text: str, directory: Directory | None = None) -> LinkVerdict:
    """Classify a URL, bare domain, email address, social handle or phone number.
    Never raises.

    ``directory`` defaults to the shipped support directory (tests pass their own).
    When the text holds several addresses (a pasted message), the most
    dangerous verdict wins. A phone number is official only when the directory
    lists it; any other number offered as support is a ``lookalike``, with the
    wallet the text names ("imtoken客服电话 400-820-8820").
    """
    if len(text) > MAX_INPUT:
        return LinkVerdict("unknown", None, msg(UNKNOWN_TOO_LONG))
    if directory is None:
        try:
            directory = load_directory()
        except DirectoryError:
            return LinkVerdict("unknown", None, msg(UNKNOWN_NO_DIRECTORY))
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return LinkVerdict("unknown", None, msg(UNKNOWN_EMPTY))
    number = phones.find_phone(cleaned)
    pieces = cleaned.split()
    if number is not None:
        pieces = [p for p in pieces if not phones.is_phone_piece(p)]
        if not pieces:  # only a number: "400-820-8820", "1.888.908.7930"
            return _classify_phone(number, cleaned, directory)
    if len(pieces) > 1:
        pieces = [p for p in pieces if "." in p or "@" in p][:MAX_CANDIDATES] or pieces[:1]
    verdicts = [_classify_one(piece, directory) for piece in pieces]
    addresses = [v for v in verdicts if v.reason_msg.text != UNKNOWN_NOT_ADDRESS]
    if number is not None:
        addresses.append(_classify_phone(number, cleaned, directory))
    rank = {"lookalike": 0, "unknown": 1, "official": 2}
    return min(addresses or verdicts, key=lambda v: rank[v.verdict])


def _classify_one(text: str, directory: Directory) -> LinkVerdict:
    try:
        parsed = _parse(text)
    except _NotAddress as error:
        return LinkVerdict("unknown", None, error.reason)
    if parsed.kind == "handle":
        return _classify_handle(parsed, directory)
    return _classify_host(parsed, directory)


# --- parsing -------------------------------------------------------------------


def _parse(text: str) -> _Parsed:
    rest = text.strip("<>\"'()[]{}，。、；;,")
    scheme = ""
    match = _SCHEME.match(rest)
    if match and match.group(1).lower() in (*_SCHEMES, "mailto", "tg"):
        scheme, rest = match.group(1).lower(), match.group(2)
    if scheme == "tg":
        found = re.search(r"[?&]domain=([^&#]+)", rest)
        if not found:
            raise _NotAddress(msg(UNKNOWN_NOT_ADDRESS))
        return _handle(found.group(1), "telegram")
    if scheme == "mailto":
        rest = rest.split("?", 1)[0]
    if not scheme and rest.startswith("@"):
        return _handle(rest[1:], "")
    rest = rest.lstrip("/\\")
    end = min((i for i in (rest.find(c) for c in "/\\?#") if i >= 0), default=len(rest))
    authority, path = rest[:end], rest[end:]
    userinfo, _, hostport = authority.rpartition("@")
    host = _host_from(hostport)
    is_email = "@" in authority and (scheme == "mailto" or (not scheme and not path))
    if not is_email and not userinfo:
        platform = _HANDLE_HOSTS.get(_strip_www(host))
        segment = _first_segment(path, platform)
        if platform and segment:
            return _handle(segment, platform)
    return _Parsed("email" if is_email else "host", host=host, userinfo=userinfo, path=path)


def _host_from(hostport: str) -> str:
    if hostport.startswith("["):
        inside, _, port = hostport[1:].partition("]")
        if port and not re.fullmatch(r":\d{0,5}", port):
            raise _NotAddress(msg(UNKNOWN_NOT_ADDRESS))
        return f"[{inside}]"
    host, colon, port = hostport.rpartition(":")
    if not colon:
        host = hostport
    elif not port.isdigit() and port != "":
        raise _NotAddress(msg(UNKNOWN_NOT_ADDRESS))
    if is_ip_address(host):
        return host
    try:
        normal = normalize_host(host)
    except HostError as error:
        reason = UNKNOWN_BAD_IDN if "xn--" in host.lower() else UNKNOWN_NOT_ADDRESS
        raise _NotAddress(msg(reason)) from error
    if "." not in normal or not all(c.isalnum() or c in "-_." for c in normal):
        raise _NotAddress(msg(UNKNOWN_NOT_ADDRESS))
    return normal


def _strip_www(host: str) -> str:
    for prefix in ("www.", "mobile.", "m."):
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


def _first_segment(path: str, platform: str | None) -> str:
    parts = [p for p in re.split(r"[/\\]", path.split("?", 1)[0].split("#", 1)[0]) if p]
    if platform == "telegram" and parts and parts[0] == "s":
        parts = parts[1:]
    if not parts or parts[0].lower() in _NOT_HANDLES:
        return ""
    return parts[0]


def _handle(name: str, platform: str) -> _Parsed:
    name = name.strip().lstrip("@").lstrip("+")
    if not _HANDLE.match(name):
        raise _NotAddress(msg(UNKNOWN_NOT_ADDRESS))
    return _Parsed("handle", handle=name, platform=platform)


# --- verdicts ------------------------------------------------------------------


def _classify_handle(parsed: _Parsed, directory: Directory) -> LinkVerdict:
    """A handle is official only on the platform its entry lists it for. Without a
    platform ("@MetaMaskSupport", "@Metamsk_Support") we can't tell, and never say
    "scam"; on a platform
    where the entry lists no account we can't tell either, unless the name is a
    misspelling of the brand."""
    shown = _shown("@" + parsed.handle)
    wanted = parsed.handle.lower()
    for entry in directory:
        if not entry.confirmed:
            continue
        matching = [a for a in entry.social if a.handle.lower() == wanted]
        if parsed.platform and any(a.platform == parsed.platform for a in matching):
            reason = msg(OFFICIAL_HANDLE, name=entry.name, handle=shown)
            return LinkVerdict("official", entry.id, reason)
        if matching and not parsed.platform:
            platforms = ", ".join(dict.fromkeys(PLATFORM_NAMES[a.platform] for a in matching))
            reason = msg(HANDLE_NO_PLATFORM, name=entry.name, handle=shown, platforms=platforms)
            return LinkVerdict("unknown", entry.id, reason)
    found = _credible(
        find_brand(parsed.handle, brands_for(directory), separators="_."), parsed.handle, "_."
    )
    if found is None:
        return LinkVerdict("unknown", None, msg(UNKNOWN_HANDLE))
    entry = found.brand.entry
    if found.how == "same":
        same = msg(HANDLE_SAME_NAME, name=entry.name, handle=shown)
        return LinkVerdict("unknown", entry.id, same)
    misspelt = found.how in ("typo", "homoglyph")
    if not parsed.platform:
        return LinkVerdict("unknown", entry.id, msg(HANDLE_BARE, name=entry.name, handle=shown))
    listed = entry.confirmed and any(a.platform == parsed.platform for a in entry.social)
    if not listed and not misspelt:
        reason = msg(HANDLE_NOT_LISTED, name=entry.name, handle=shown)
        return LinkVerdict("unknown", entry.id, reason)
    return LinkVerdict("lookalike", entry.id, msg(LOOKALIKE_HANDLE, name=entry.name, handle=shown))


def _classify_phone(number: str, text: str, directory: Directory) -> LinkVerdict:
    """A support phone number: official only when the directory lists it."""
    shown = _shown(number)
    owner = phones.listed_owner(number, directory)
    if owner is not None and owner.confirmed:
        reason = msg(OFFICIAL_PHONE, number=shown, name=owner.name, official=owner.primary_domain)
        return LinkVerdict("official", owner.id, reason)
    entry = owner or phones.named_entry(text, directory)
    if entry is None:
        return LinkVerdict("lookalike", None, msg(PHONE_NO_WALLET, number=shown))
    fields = {"number": shown, "name": entry.name, "official": entry.primary_domain}
    if entry.phone_support == "on_site":
        return LinkVerdict("unknown", entry.id, msg(PHONE_ON_SITE, **fields))
    if entry.phone_support == "listed":
        return LinkVerdict("lookalike", entry.id, msg(PHONE_NOT_LISTED, **fields))
    template = PHONE_NONE_EXCHANGE if entry.custodial else PHONE_NONE
    return LinkVerdict("lookalike", entry.id, msg(template, **fields))


def _classify_host(parsed: _Parsed, directory: Directory) -> LinkVerdict:
    host = parsed.host
    if is_ip_address(host):
        return LinkVerdict("unknown", None, msg(UNKNOWN_IP))
    brands = brands_for(directory)
    registrable = public_suffix_list().registrable_domain(host) or host
    owner = directory.owner_of(registrable)
    if parsed.kind == "email" and owner is None and registrable in FREE_MAIL:
        return _free_mail(parsed, registrable, brands)
    if (parsed.userinfo and parsed.kind == "host") or _looks_like_host(parsed):
        hidden = find_in_userinfo(parsed.userinfo, brands)
        if hidden is not None and (owner is None or hidden.id != owner.id):
            reason = msg(LOOKALIKE_USERINFO, site=_site(registrable))
            return LinkVerdict("lookalike", hidden.id, reason)
    if owner is not None:
        return _official(owner, registrable, parsed.kind)
    if registrable in UNRELATED_NEAR_BRANDS:
        return LinkVerdict("unknown", None, msg(UNKNOWN_SITE))
    found = find_brand(host, brands, registrable=registrable)
    if found is not None and found.how == "typo":
        found = _credible(found, registrable.split(".", 1)[0], "-")
    if found is None:
        return _page_builder(host, parsed.path, brands) or LinkVerdict(
            "unknown", None, msg(UNKNOWN_SITE)
        )
    reason = _lookalike_reason(found, registrable, parsed)
    return LinkVerdict("lookalike", found.brand.entry.id, reason)


def _free_mail(parsed: _Parsed, registrable: str, brands: tuple[Brand, ...]) -> LinkVerdict:
    """``trezor-support@gmail.com``: a brand's name on a mailbox anyone can open."""
    found = _credible(match_name(parsed.userinfo, brands, "-_.+"), parsed.userinfo, "-_.+")
    if found is None:
        return LinkVerdict("unknown", None, msg(UNKNOWN_SITE))
    entry = found.brand.entry
    address = _shown(f"{parsed.userinfo}@{parsed.host}")
    reason = msg(
        LOOKALIKE_FREE_MAIL,
        address=address,
        site=_site(registrable),
        name=entry.name,
        official=entry.primary_domain,
    )
    return LinkVerdict("lookalike", entry.id, reason)


def _page_builder(host: str, path: str, brands: tuple[Brand, ...]) -> LinkVerdict | None:
    """``docs.google.com/forms/…/metamask-support``: a brand on a page anyone can make."""
    prefix = PAGE_BUILDERS.get(host.removeprefix("www."))
    if prefix is None or not path.lower().startswith(prefix):
        return None
    for segment in [s for s in re.split(r"[/\\?#&=]", path[len(prefix) :]) if s][:8]:
        found = _credible(match_name(segment, brands, "-_.+"), segment, "-_.+")
        if found is not None:
            entry = found.brand.entry
            reason = msg(
                LOOKALIKE_PAGE, site=_site(host), name=entry.name, official=entry.primary_domain
            )
            return LinkVerdict("lookalike", entry.id, reason)
    return None


def _credible(found: BrandMatch | None, name: str, separators: str) -> BrandMatch | None:
    """Drop a typing-distance match that real names explain better.

    * For a brand term of up to 8 letters the first letter must match:
      ``hedger`` and ``edger`` are English words, not attacks on ``ledger``,
      while ``legder``, ``krakem`` and ``trezer`` keep their first letter.
    * A term made by gluing an official domain together (``tokenim`` from
      token.im) only matches a whole word (``tokeim-cn``), not the start of
      a longer one (``tokeninsight``).
    """
    if found is None or found.how != "typo":
        return found
    tokens = [skeleton(t) for t in re.split(f"[{re.escape(separators)}]", name) if t]
    joined = "".join(tokens)
    ends = [sum(len(t) for t in tokens[: i + 1]) for i in range(len(tokens))]
    starts = [0, *ends[:-1]]
    entry = found.brand.entry
    names = {skeleton(entry.id), skeleton(re.sub(r"[^a-z0-9]", "", entry.name.lower()))}
    glued = {skeleton(d.replace(".", "")) for d in entry.official_domains} - names
    near = {skeleton(word) for word in NEAR_MISS_WORDS}
    for term, allowed in found.brand.terms:
        for start in starts if allowed else ():
            rest = joined[start:]
            for size in range(max(1, len(term) - allowed), min(len(rest), len(term) + allowed) + 1):
                piece = rest[:size]
                if piece in near or edit_distance(piece, term, allowed) > allowed:
                    continue
                if len(term) <= 8 and piece[0] != term[0]:
                    continue
                if term in glued and start + size not in ends:
                    continue
                return found
    return None


def _looks_like_host(parsed: _Parsed) -> bool:
    """``token.im@evil.com`` typed without a scheme hides a site like a URL would."""
    return parsed.kind == "email" and "." in parsed.userinfo


def _official(entry: SupportEntry, registrable: str, kind: str) -> LinkVerdict:
    if not entry.confirmed:
        reason = msg(UNCONFIRMED_SITE, name=entry.name, site=_site(registrable))
        return LinkVerdict("unknown", entry.id, reason)
    template = OFFICIAL_EMAIL if kind == "email" else OFFICIAL_SITE
    return LinkVerdict("official", entry.id, msg(template, name=entry.name, official=registrable))


def _lookalike_reason(found: BrandMatch, registrable: str, parsed: _Parsed) -> Msg:
    entry = found.brand.entry
    site = _site(registrable)
    if not entry.confirmed:
        return msg(LOOKALIKE_UNCONFIRMED, name=entry.name, site=site)
    official = found.official or entry.primary_domain
    if parsed.kind == "email":
        return msg(LOOKALIKE_EMAIL, name=entry.name, official=official, site=site)
    if found.how == "subdomain":
        return msg(LOOKALIKE_SUBDOMAIN, name=entry.name, site=site, official=official)
    if found.how == "homoglyph":
        return msg(LOOKALIKE_HOMOGLYPH, official=official, site=site)
    return msg(LOOKALIKE_SITE, official=official, site=site)


def _site(host: str) -> str:
    """A host as shown to people: Unicode, plus punycode when it is international."""
    shown = _shown(host)
    ascii_form = to_ascii(host)
    return shown if ascii_form == host else f"{shown} ({_shown(ascii_form)})"


def _shown(text: str, limit: int = 80) -> str:
    """Make invisible and direction-changing characters visible; cap the length."""
    out = "".join(
        f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
        for c in text
    )
    return out if len(out) <= limit else out[: limit - 1] + "…"
