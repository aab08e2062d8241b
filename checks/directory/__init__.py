"""The support directory: official channels of wallets and exchanges, with sources.

``resources/support_directory.json`` is data, not code, so a damaged or
hand-edited file must fail loudly and clearly rather than send someone in a
panic to a wrong address. :func:`parse_directory` is a small hand-written
schema check (no ``jsonschema`` dependency) whose errors name the entry and
the field. Every fact carries the page it was confirmed on (``source``), the
date (``checked_on``) and whether it was confirmed at all (``confirmed``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import MappingProxyType

from checks.directory.fields import DataFileError, Fields, is_url, label, read_resource
from checks.i18n import N_

KINDS = ("wallet", "hardware_wallet", "exchange")
# "listed": the official numbers are in ``phones``; "on_site": the vendor shows its
# number only on its own support site, which we could not read; "none_listed": no
# official page seen lists a support phone number, so a number offered as its
# support is not official.
PHONE_SUPPORT = ("listed", "on_site", "none_listed")
PHONE_KINDS = ("toll_free", "local")
PLATFORMS = ("x", "telegram", "weibo", "wechat", "discord", "youtube", "facebook", "reddit")

# What official support never does; the UI shows "<name> never will: ...".
NEVER_DOES: Mapping[str, str] = MappingProxyType(
    {
        "dm_first": N_("message you first on social media or chat apps"),
        "phone_call": N_("phone you out of the blue"),
        "ask_seed_phrase": N_("ask for your seed phrase (recovery phrase)"),
        "ask_private_key": N_("ask for your private key"),
        "ask_password": N_("ask for your password or PIN"),
        "ask_2fa_code": N_("ask for your two-factor (2FA) or verification codes"),
        "remote_access": N_("ask to control your device remotely or to install software"),
        "ask_transfer": N_("ask you to send crypto to another address"),
        "charge_fee": N_("ask you to pay a fee for help or to get money back"),
    }
)

_ID = re.compile(r"^[a-z][a-z0-9]{1,31}$")
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_HANDLE = re.compile(r"^[A-Za-z0-9_.]{1,64}$")
_EMAIL = re.compile(r"^[a-z0-9._+-]{1,64}@([a-z0-9.-]{4,253})$")
_PHONE = re.compile(r"^\+[0-9][0-9 ]{5,20}[0-9]$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class DirectoryError(DataFileError):
    """The support directory file is damaged; ``problem`` names entry and field."""

    TEXT = N_("The support directory is damaged: {problem}")


@dataclass(frozen=True)
class SocialAccount:
    platform: str
    handle: str  # without the leading "@"
    url: str
    source: str | None = None  # the official page that lists the account


@dataclass(frozen=True)
class PhoneNumber:
    """A support number an official page lists, in international form."""

    number: str  # "+1 888 908 7930"
    country: str  # ISO 3166 code of the country it serves
    kind: str  # one of PHONE_KINDS
    source: str

    @property
    def digits(self) -> str:
        return "".join(c for c in self.number if c.isdigit())


@dataclass(frozen=True)
class ReportDeadline:
    """How soon the vendor wants a police report after it froze stolen funds."""

    days: int
    source: str
    note: str  # for maintainers (English): what the page said


@dataclass(frozen=True)
class InAppSupport:
    """Where support sits inside the app, in words, in both UI languages."""

    en: str
    zh_CN: str


@dataclass(frozen=True)
class SupportEntry:
    id: str
    name: str
    kind: str
    custodial: bool
    official_domains: tuple[str, ...]
    help_center: str | None
    ticket_url: str | None
    in_app_support: InAppSupport | None
    social: tuple[SocialAccount, ...]
    never_does: tuple[str, ...]
    source: str
    checked_on: date
    confirmed: bool
    other_sources: tuple[str, ...] = ()
    notes: str | None = None
    emails: tuple[str, ...] = ()  # support addresses seen on an official page
    community: str | None = None  # the official forum, on an official domain
    name_zh_CN: str | None = None  # the name the vendor uses in Chinese
    phone_support: str = "none_listed"  # one of PHONE_SUPPORT
    phones: tuple[PhoneNumber, ...] = ()
    shares_domains_with: str | None = None  # an entry of the same company, same domain
    police_report_within: ReportDeadline | None = None

    @property
    def primary_domain(self) -> str:
        return self.official_domains[0]

    def display_name(self, language: str) -> str:
        """The one name to show in this UI language (``zh*`` → the Chinese name)."""
        if language.startswith("zh") and self.name_zh_CN:
            return self.name_zh_CN
        return self.name


@dataclass(frozen=True)
class Directory:
    entries: tuple[SupportEntry, ...]
    _by_id: Mapping[str, SupportEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({e.id: e for e in self.entries}))

    @property
    def by_id(self) -> Mapping[str, SupportEntry]:
        return self._by_id

    def get(self, entry_id: str) -> SupportEntry | None:
        return self._by_id.get(entry_id)

    def __iter__(self) -> Iterator[SupportEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def official_domains(self) -> tuple[str, ...]:
        """Every official registrable domain, in file order."""
        return tuple(d for entry in self.entries for d in entry.official_domains)

    def owner_of(self, registrable: str) -> SupportEntry | None:
        """The entry whose official domains include this registrable domain.

        Where two entries of one company share a domain, the one that does not
        name the other in ``shares_domains_with`` owns it."""
        found = [e for e in self.entries if registrable in e.official_domains]
        primary = [e for e in found if e.shares_domains_with is None]
        ranked = primary or found
        return ranked[0] if ranked else None


def wallet_name(entry_id: str, language: str, fallback: str = "") -> str:
    """The one name of a wallet or exchange in this UI language, from the directory;
    ``fallback`` (or the id) when the directory has no such entry."""
    entry = load_directory().get(entry_id)
    if entry is None:
        return fallback or entry_id
    return entry.display_name(language)


@cache
def load_directory() -> Directory:
    """Read and validate the shipped directory once; :class:`DirectoryError` if damaged."""
    return parse_directory(read_resource("support_directory.json", DirectoryError))


def parse_directory(data: object) -> Directory:
    """Validate decoded JSON and build the frozen :class:`Directory`."""
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise DirectoryError('the top level must be an object with an "entries" list')
    entries: list[SupportEntry] = []
    seen: set[str] = set()
    owners: dict[str, str] = {}
    by_id: dict[str, SupportEntry] = {}
    for index, item in enumerate(data["entries"]):
        entry = _parse_entry(item, index)
        if entry.id in seen:
            raise DirectoryError(f"entry {entry.id!r}: the id is used twice")
        seen.add(entry.id)
        by_id[entry.id] = entry
        for domain in entry.official_domains:
            if domain in owners and not _sharing(entry, by_id[owners[domain]]):
                raise DirectoryError(
                    f"entry {entry.id!r} field 'official_domains': {domain} already "
                    f"belongs to {owners[domain]!r}"
                )
            owners.setdefault(domain, entry.id)
        entries.append(entry)
    for entry in entries:
        partner = entry.shares_domains_with
        if partner is not None and partner not in seen:
            raise DirectoryError(
                f"entry {entry.id!r} field 'shares_domains_with': no entry {partner!r}"
            )
    if not entries:
        raise DirectoryError("there are no entries")
    return Directory(tuple(entries))


def _sharing(one: SupportEntry, other: SupportEntry) -> bool:
    """Two entries of one company may list the same domain if either names the other."""
    return one.shares_domains_with == other.id or other.shares_domains_with == one.id


def _parse_entry(item: object, index: int) -> SupportEntry:
    fields = Fields(item, f"entry {label(item, index)}", DirectoryError)
    entry_id = fields.text("id") or ""
    if not _ID.match(entry_id):
        raise fields.fail("id", "must be lower-case letters and digits, starting with a letter")
    kind = fields.text("kind")
    if kind not in KINDS:
        raise fields.fail("kind", f"must be one of {', '.join(KINDS)}")
    custodial = fields.flag("custodial")
    if custodial != (kind == "exchange"):
        raise fields.fail("custodial", "must be true for exchanges and false for wallets")
    domains = fields.items("official_domains")
    if not domains or not all(isinstance(d, str) and _DOMAIN.match(d) for d in domains):
        raise fields.fail("official_domains", "must be a non-empty list of lower-case domains")
    never = fields.items("never_does")
    unknown = [code for code in never if code not in NEVER_DOES]
    if unknown:
        raise fields.fail("never_does", f"unknown code {unknown[0]!r}")
    checked = fields.text("checked_on") or ""
    try:
        checked_on = date.fromisoformat(checked)
    except ValueError as error:
        raise fields.fail("checked_on", "must be a date like 2026-11-22") from error
    phone_support, phones = _phones(fields)
    other = fields.item.get("other_sources", [])
    if not isinstance(other, list) or not all(
        isinstance(u, str) and u.startswith(("https://", "http://")) for u in other
    ):
        raise fields.fail("other_sources", "must be a list of web addresses")
    return SupportEntry(
        id=entry_id,
        name=fields.text("name") or "",
        kind=kind,
        custodial=custodial,
        official_domains=tuple(str(d) for d in domains),
        help_center=fields.url("help_center", optional=True),
        ticket_url=fields.url("ticket_url", optional=True),
        in_app_support=_in_app(fields),
        social=tuple(_social(fields, raw) for raw in fields.items("social")),
        never_does=tuple(str(code) for code in never),
        source=fields.url("source", allow_http=True) or "",
        checked_on=checked_on,
        confirmed=fields.flag("confirmed"),
        other_sources=tuple(str(u) for u in other),
        notes=fields.text("notes", optional=True),
        emails=_emails(fields, tuple(str(d) for d in domains)),
        community=_community(fields, tuple(str(d) for d in domains)),
        name_zh_CN=fields.text("name_zh_CN", optional=True),
        phone_support=phone_support,
        phones=phones,
        shares_domains_with=fields.text("shares_domains_with", optional=True),
        police_report_within=_deadline(fields),
    )


def _on_official(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _emails(fields: Fields, domains: tuple[str, ...]) -> tuple[str, ...]:
    """Support addresses; each must be on one of the entry's official domains."""
    raw = fields.item.get("emails", [])
    if not isinstance(raw, list):
        raise fields.fail("emails", "must be a list")
    found = []
    for value in raw:
        match = _EMAIL.match(value) if isinstance(value, str) else None
        if match is None:
            raise fields.fail("emails", "each must be a lower-case email address")
        if not _on_official(match.group(1), domains):
            raise fields.fail("emails", f"{value} is not on an official domain")
        found.append(value)
    return tuple(found)


def _community(fields: Fields, domains: tuple[str, ...]) -> str | None:
    url = fields.url("community", optional=True)
    if url is None:
        return None
    host = url.removeprefix("https://").split("/", 1)[0]
    if not _on_official(host, domains):
        raise fields.fail("community", f"{host} is not on an official domain")
    return url


def _in_app(fields: Fields) -> InAppSupport | None:
    value = fields.item.get("in_app_support")
    if value is None:
        return None
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in ("en", "zh_CN")
    ):
        raise fields.fail("in_app_support", 'must be null or {"en": ..., "zh_CN": ...}')
    return InAppSupport(en=value["en"], zh_CN=value["zh_CN"])


def _phones(fields: Fields) -> tuple[str, tuple[PhoneNumber, ...]]:
    """``phone_support`` and the listed numbers; numbers only when "listed"."""
    support = fields.item.get("phone_support", "none_listed")
    if support not in PHONE_SUPPORT:
        raise fields.fail("phone_support", f"must be one of {', '.join(PHONE_SUPPORT)}")
    raw = fields.item.get("phones", [])
    if not isinstance(raw, list):
        raise fields.fail("phones", "must be a list")
    if (support == "listed") != bool(raw):
        raise fields.fail("phones", 'numbers go with "phone_support": "listed", and only with it')
    found = []
    for item in raw:
        if not isinstance(item, dict):
            raise fields.fail("phones", "each number must be an object")
        number, country = item.get("number"), item.get("country")
        kind, source = item.get("kind"), item.get("source")
        if not isinstance(number, str) or not _PHONE.match(number):
            raise fields.fail("phones", f"{number!r} must be +country code and digits")
        if not isinstance(country, str) or not _COUNTRY.match(country):
            raise fields.fail("phones", f"{number}: country must be a two-letter code")
        if kind not in PHONE_KINDS:
            raise fields.fail("phones", f"{number}: kind must be one of {', '.join(PHONE_KINDS)}")
        if not is_url(source, allow_http=True):
            raise fields.fail("phones", f"{number}: source must be a web address")
        found.append(
            PhoneNumber(number=number, country=country, kind=str(kind), source=str(source))
        )
    return str(support), tuple(found)


def _deadline(fields: Fields) -> ReportDeadline | None:
    raw = fields.item.get("police_report_within_days")
    if raw is None:
        return None
    days = raw.get("days") if isinstance(raw, dict) else None
    if not isinstance(days, int) or isinstance(days, bool) or not 0 < days <= 365:
        raise fields.fail("police_report_within_days", "days must be a whole number, 1 to 365")
    source, note = raw.get("source"), raw.get("note")
    if not is_url(source, allow_http=True) or not isinstance(note, str) or not note.strip():
        raise fields.fail("police_report_within_days", "needs a source address and a note")
    return ReportDeadline(days=days, source=str(source), note=note)


def _social(fields: Fields, raw: object) -> SocialAccount:
    if not isinstance(raw, dict):
        raise fields.fail("social", "each account must be an object")
    platform, handle, url = raw.get("platform"), raw.get("handle"), raw.get("url")
    if platform not in PLATFORMS:
        raise fields.fail("social", f"platform must be one of {', '.join(PLATFORMS)}")
    if not isinstance(handle, str) or not _HANDLE.match(handle):
        raise fields.fail("social", "handle must be letters, digits or _ (without @)")
    if not isinstance(url, str) or not url.startswith("https://"):
        raise fields.fail("social", "url must start with https://")
    source = raw.get("source")
    if source is not None and not is_url(source, allow_http=True):
        raise fields.fail("social", "source must be a web address")
    listed_on = None if source is None else str(source)
    return SocialAccount(platform=str(platform), handle=handle, url=url, source=listed_on)
