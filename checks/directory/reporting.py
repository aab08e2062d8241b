"""Where to report a theft: reporting bodies by region, with sources and dates.

``resources/reporting.json`` holds facts that change (phone numbers, web
addresses), so it is data, not code, and it is bilingual itself: every text
a user reads carries ``en`` and ``zh_CN``. A person in a panic may dial what
we show, so a damaged or hand-edited file must fail loudly rather than show
a wrong number: :func:`parse_reporting` is a hand-written schema check whose
errors name the region, the body and the field. Every body carries the page
it was checked on (``source``), the date (``checked_on``) and whether it was
confirmed at all (``confirmed``); the UI marks unconfirmed ones.

The region shown first follows the locale (:func:`default_region`); the user
can pick another. :func:`bodies_for` always appends the worldwide bodies.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import MappingProxyType

from checks.directory.fields import DataFileError, Fields, is_url, label, read_resource
from checks.i18n import N_

REGION_IDS = ("CN", "HK", "MO", "TW", "SG", "MY", "AU", "US", "CA", "GB", "EU", "GLOBAL")
GLOBAL = "GLOBAL"
KINDS = ("police", "regulator", "consumer", "hotline", "checker", "global")
METHODS = ("phone", "web", "in_person", "app")
LANGUAGES = ("en", "zh_CN")

# Labels the UI shows next to the data; the data itself is bilingual already.
METHOD_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "phone": N_("Phone"),
        "web": N_("Website"),
        "in_person": N_("In person"),
        "app": N_("App"),
    }
)
KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "police": N_("Police"),
        "regulator": N_("Regulator"),
        "consumer": N_("Consumer protection"),
        "hotline": N_("Hotline"),
        "checker": N_("Scam checker"),
        "global": N_("Worldwide"),
    }
)
WHAT_TO_BRING = N_("What to bring")
WHAT_TO_HAVE_READY = N_("What to have ready")
UNCONFIRMED = N_("Unconfirmed — please check on the official site")
CHECKED_ON = N_("Source checked on {date}")
SOURCE = N_("Source")
REGION_CHOICE = N_("Region")
CHECK_BEFORE_USE = N_(
    "Numbers and websites change. Please confirm them on the official site before you call"
    " or type anything."
)
NEVER_SHARE_SEED = N_("Never give your seed phrase or private key to anyone, not even the police.")
FAKE_REPORTING_SITES = N_(
    "Beware of websites that claim to be a police reporting site or promise to get your crypto"
    " back for a fee. Use only the addresses shown here."
)
EXCHANGE_CHANNELS = N_(
    "An exchange's law-enforcement channel is for the police. Report to the police first;"
    " they contact the exchange."
)

_BODY_ID = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]*[0-9]$")


class ReportingError(DataFileError):
    """The reporting file is damaged; ``problem`` names region, body and field."""

    TEXT = N_("The list of places to report is damaged: {problem}")


_Fail = Callable[[str], DataFileError]


@dataclass(frozen=True)
class Bilingual:
    """One text in both UI languages."""

    en: str
    zh_CN: str

    def get(self, language: str) -> str:
        """``zh_CN`` for any Chinese UI language, English otherwise."""
        return self.zh_CN if language.startswith("zh") else self.en


@dataclass(frozen=True)
class Method:
    """One way to reach a body. Phone numbers, addresses and app names are the
    same literal in both languages; an in-person place is described in each."""

    method: str
    value: Bilingual
    note: Bilingual | None = None

    @property
    def label(self) -> str:
        """The marked (untranslated) label, e.g. "Phone"."""
        return METHOD_LABELS[self.method]

    @property
    def url(self) -> str | None:
        """What a click opens in the user's browser or dialler, if anything."""
        if self.method == "web":
            return self.value.en
        if self.method == "phone":
            return "tel:" + self.value.en.replace(" ", "").replace("-", "")
        return None


@dataclass(frozen=True)
class WhatToBring:
    en: tuple[str, ...]
    zh_CN: tuple[str, ...]

    def get(self, language: str) -> tuple[str, ...]:
        return self.zh_CN if language.startswith("zh") else self.en


@dataclass(frozen=True)
class Body:
    id: str
    region: str
    name: Bilingual
    kind: str
    how: tuple[Method, ...]
    what_to_bring: WhatToBring
    source: str
    checked_on: date
    confirmed: bool
    other_sources: tuple[str, ...] = ()
    notes: str | None = None  # for maintainers (English): what the source showed
    deadline: Bilingual | None = None  # a time limit an official or reliable page gives

    @property
    def what_to_bring_label(self) -> str:
        """ "What to bring" where you go in person, "What to have ready" otherwise."""
        in_person = any(m.method == "in_person" for m in self.how)
        return WHAT_TO_BRING if in_person else WHAT_TO_HAVE_READY


@dataclass(frozen=True)
class Region:
    id: str
    name: Bilingual
    bodies: tuple[Body, ...]


@dataclass(frozen=True)
class Reporting:
    regions: tuple[Region, ...]
    _by_id: Mapping[str, Region] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({r.id: r for r in self.regions}))

    def region(self, region_id: str) -> Region:
        """The region with this id; :class:`KeyError` for an unknown id."""
        try:
            return self._by_id[region_id]
        except KeyError:
            raise KeyError(f"unknown region {region_id!r}") from None

    def bodies_for(self, region_id: str) -> list[Body]:
        """The region's own bodies first, then the worldwide ones (once)."""
        own = list(self.region(region_id).bodies)
        if region_id == GLOBAL:
            return own
        return own + list(self.region(GLOBAL).bodies)

    def body(self, body_id: str) -> Body | None:
        return next((b for b in self if b.id == body_id), None)

    def __iter__(self) -> Iterator[Body]:
        return (body for region in self.regions for body in region.bodies)


# --- choosing the default region ------------------------------------------------

# ISO 3166 codes of the 27 EU member states; "EL" is the EU's own code for Greece.
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
_COUNTRY_REGION: Mapping[str, str] = MappingProxyType(
    {
        "CN": "CN",
        "HK": "HK",
        "MO": "MO",
        "TW": "TW",
        "SG": "SG",
        "MY": "MY",
        "AU": "AU",
        "US": "US",
        "CA": "CA",
        "GB": "GB",
        "UK": "GB",
    }
)


def region_for(locale_name: str, language: str) -> str:
    """The region to show first in this UI language: the locale's country; when the
    locale names none (``C``, ``en``), the language's likely region, so a Chinese UI
    starts at 中国大陆 (``zh_CN`` → CN)."""
    region = default_region(locale_name)
    if region == GLOBAL and not _has_country(locale_name):
        return default_region(language)
    return region


def _has_country(locale_name: str) -> bool:
    name = locale_name.strip().split(".", 1)[0].split("@", 1)[0]
    return any(
        (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())
        for part in re.split(r"[-_]", name)[1:]
    )


def default_region(locale_name: str) -> str:
    """The region to show first for a locale name; the user can always change it.

    Accepts POSIX, Qt and BCP 47 forms (``zh_CN``, ``zh_CN.UTF-8``, ``zh-Hant-TW``,
    ``zh_Hans``, ``de_DE@euro``). The country decides when there is one:
    CN, HK, MO, TW, SG, MY, AU, US, CA and GB map to themselves, any EU member
    state to ``"EU"``, any other country to ``"GLOBAL"`` (so ``de_CH`` is GLOBAL).
    Without a country only Chinese is guessed, by the CLDR likely region of its
    script: ``zh`` and ``zh_Hans`` → ``"CN"``, ``zh_Hant`` → ``"TW"``. Anything
    else (``en``, ``C``, empty) → ``"GLOBAL"``: a language alone does not say
    where someone lives.
    """
    name = locale_name.strip().split(".", 1)[0].split("@", 1)[0]
    parts = [part for part in re.split(r"[-_]", name) if part]
    if not parts:
        return GLOBAL
    script: str | None = None
    country: str | None = None
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha() and script is None and country is None:
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            country = part.upper()
            break
    if country is not None:
        if country in _COUNTRY_REGION:
            return _COUNTRY_REGION[country]
        return "EU" if country in EU_MEMBERS else GLOBAL
    if parts[0].lower() == "zh":
        return "TW" if script == "Hant" else "CN"
    return GLOBAL


# --- loading and validation ------------------------------------------------------


@cache
def load_reporting() -> Reporting:
    """Read and validate the shipped file once; :class:`ReportingError` if damaged."""
    return parse_reporting(read_resource("reporting.json", ReportingError))


def bodies_for(region_id: str) -> list[Body]:
    """The shipped region's bodies followed by the worldwide ones."""
    return load_reporting().bodies_for(region_id)


def parse_reporting(data: object) -> Reporting:
    """Validate decoded JSON and build the frozen :class:`Reporting`."""
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        raise ReportingError('the top level must be an object with a "regions" list')
    regions: list[Region] = []
    body_ids: set[str] = set()
    for index, item in enumerate(data["regions"]):
        region = _parse_region(item, index)
        if any(r.id == region.id for r in regions):
            raise ReportingError(f"region {region.id!r}: the id is used twice")
        for body in region.bodies:
            if body.id in body_ids:
                raise ReportingError(f"region {region.id!r} body {body.id!r}: the id is used twice")
            body_ids.add(body.id)
        regions.append(region)
    missing = [rid for rid in REGION_IDS if all(r.id != rid for r in regions)]
    if missing:
        raise ReportingError(f"region {missing[0]!r} is missing")
    return Reporting(tuple(regions))


def _field_bilingual(fields: Fields, name: str) -> Bilingual:
    return _bilingual(fields.item.get(name), lambda problem: fields.fail(name, problem))


def _bilingual(value: object, fail: _Fail) -> Bilingual:
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES
    ):
        raise fail('must be {"en": ..., "zh_CN": ...} with both texts filled in')
    return Bilingual(en=value["en"], zh_CN=value["zh_CN"])


def _parse_region(item: object, index: int) -> Region:
    fields = Fields(item, f"region {label(item, index)}", ReportingError)
    region_id = fields.text("id") or ""
    if region_id not in REGION_IDS:
        raise fields.fail("id", f"must be one of {', '.join(REGION_IDS)}")
    name = _field_bilingual(fields, "name")
    raw_bodies = fields.items("bodies")
    if not raw_bodies:
        raise fields.fail("bodies", "must list at least one body")
    bodies = tuple(_parse_body(raw, i, region_id) for i, raw in enumerate(raw_bodies))
    return Region(id=region_id, name=name, bodies=bodies)


def _parse_body(item: object, index: int, region_id: str) -> Body:
    fields = Fields(item, f"region {region_id!r} body {label(item, index)}", ReportingError)
    body_id = fields.text("id") or ""
    if not _BODY_ID.match(body_id):
        raise fields.fail("id", "must be lower-case letters, digits and _, starting with a letter")
    kind = fields.text("kind")
    if kind not in KINDS:
        raise fields.fail("kind", f"must be one of {', '.join(KINDS)}")
    if (kind == "global") != (region_id == GLOBAL):
        raise fields.fail("kind", '"global" is for the GLOBAL region, and only it')
    raw_how = fields.items("how")
    if not raw_how:
        raise fields.fail("how", "must list at least one way to reach the body")
    checked = fields.text("checked_on") or ""
    try:
        checked_on = date.fromisoformat(checked)
    except ValueError as error:
        raise fields.fail("checked_on", "must be a date like 2026-11-22") from error
    confirmed = fields.item.get("confirmed")
    if not isinstance(confirmed, bool):
        raise fields.fail("confirmed", "must be true or false")
    other = fields.items("other_sources", optional=True)
    if not all(isinstance(u, str) and is_url(u, allow_http=True) for u in other):
        raise fields.fail("other_sources", "must be a list of web addresses")
    return Body(
        id=body_id,
        region=region_id,
        name=_field_bilingual(fields, "name"),
        kind=kind,
        how=tuple(_parse_method(fields, raw) for raw in raw_how),
        what_to_bring=_what_to_bring(fields),
        source=fields.url("source", allow_http=True) or "",
        checked_on=checked_on,
        confirmed=confirmed,
        other_sources=tuple(str(u) for u in other),
        notes=fields.text("notes", optional=True),
        deadline=(
            None if fields.item.get("deadline") is None else _field_bilingual(fields, "deadline")
        ),
    )


def _parse_method(fields: Fields, raw: object) -> Method:
    def fail(problem: str) -> DataFileError:
        return fields.fail("how", problem)

    if not isinstance(raw, dict):
        raise fail("each way must be an object")
    method = raw.get("method")
    if method not in METHODS:
        raise fail(f"method must be one of {', '.join(METHODS)}")
    value = raw.get("value")
    if method == "in_person":
        place = _bilingual(value, lambda p: fail(f"in_person value {p}"))
    else:
        place = _literal(str(method), value, fail)
    note = raw.get("note")
    if method == "app" and note is None:
        raise fail("an app needs a note saying where to get it")
    parsed_note = None if note is None else _bilingual(note, lambda p: fail(f"note {p}"))
    return Method(method=str(method), value=place, note=parsed_note)


def _literal(method: str, value: object, fail: _Fail) -> Bilingual:
    """A phone number, web address or app name: the same text in both languages."""
    if not isinstance(value, str) or not value.strip():
        raise fail(f"{method} value must be a non-empty text")
    if method == "phone" and not _PHONE.match(value):
        raise fail(f"phone value {value!r} may hold only digits, spaces, + and -")
    if method == "web" and not is_url(value):
        raise fail(f"web value {value!r} must start with https://")
    return Bilingual(en=value, zh_CN=value)


def _what_to_bring(fields: Fields) -> WhatToBring:
    """Parallel lists: item n in ``zh_CN`` translates item n in ``en``."""
    value = fields.item.get("what_to_bring")
    lists: list[tuple[str, ...]] = []
    for lang in LANGUAGES:
        items = value.get(lang) if isinstance(value, dict) else None
        if not isinstance(items, list) or not items or not all(
            isinstance(text, str) and text.strip() for text in items
        ):
            raise fields.fail(
                "what_to_bring", 'must be {"en": [...], "zh_CN": [...]} with non-empty texts'
            )
        lists.append(tuple(items))
    en, zh = lists
    if len(en) != len(zh):
        raise fields.fail("what_to_bring", "the en and zh_CN lists must have the same length")
    return WhatToBring(en=en, zh_CN=zh)
