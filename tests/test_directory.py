"""The support directory: the shipped file validates, and damaged files are refused."""

from __future__ import annotations

import copy
import json
from datetime import date
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

import pytest

from checks.directory import (
    NEVER_DOES,
    Directory,
    DirectoryError,
    load_directory,
    parse_directory,
)
from checks.i18n import InputError
from checks.phishing.domains import public_suffix_list

REQUIRED = (
    "imtoken",
    "tokenpocket",
    "bitpie",
    "metamask",
    "trustwallet",
    "ledger",
    "trezor",
    "binance",
    "okx",
    "coinbase",
    "kraken",
)


def _raw() -> dict[str, Any]:
    text = files("resources").joinpath("support_directory.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _registrable(url: str) -> str | None:
    host = urlsplit(url).hostname or ""
    return public_suffix_list().registrable_domain(host)


def test_shipped_directory_loads_and_has_every_required_wallet() -> None:
    directory = load_directory()
    assert isinstance(directory, Directory)
    assert set(REQUIRED) <= set(directory.by_id)
    assert directory.get("metamask") is directory.by_id["metamask"]
    assert directory.get("nope") is None
    assert "token.im" in directory.official_domains
    assert directory.owner_of("tpwallet.io") is directory.by_id["tokenpocket"]


def test_ids_are_unique_and_lower_case() -> None:
    ids = [entry["id"] for entry in _raw()["entries"]]
    assert len(ids) == len(set(ids))
    assert all(entry_id == entry_id.lower() and entry_id.isalnum() for entry_id in ids)


@pytest.mark.parametrize("entry", load_directory().entries, ids=lambda e: e.id)
def test_every_entry_carries_source_date_and_confirmation(entry: Any) -> None:
    assert entry.source.startswith(("https://", "http://"))
    assert isinstance(entry.checked_on, date)
    assert date(2020, 1, 1) <= entry.checked_on <= date.today()
    assert isinstance(entry.confirmed, bool)
    raw = next(e for e in _raw()["entries"] if e["id"] == entry.id)
    assert date.fromisoformat(raw["checked_on"]) == entry.checked_on


@pytest.mark.parametrize("entry", load_directory().entries, ids=lambda e: e.id)
def test_sources_and_links_live_on_the_entrys_own_domains(entry: Any) -> None:
    """Facts come from the vendor's own pages; help links never lead elsewhere."""
    for url in (entry.source, *entry.other_sources, entry.help_center, entry.ticket_url):
        if url is not None:
            assert _registrable(url) in entry.official_domains, url


@pytest.mark.parametrize("entry", load_directory().entries, ids=lambda e: e.id)
def test_official_domains_are_registrable_domains(entry: Any) -> None:
    for domain in entry.official_domains:
        assert public_suffix_list().registrable_domain(domain) == domain


def test_exchanges_are_custodial_and_wallets_are_not() -> None:
    for entry in load_directory():
        assert entry.custodial == (entry.kind == "exchange"), entry.id
    assert load_directory().by_id["ledger"].kind == "hardware_wallet"


def test_bitpie_is_not_confirmed() -> None:
    assert load_directory().by_id["bitpie"].confirmed is False


def test_never_does_codes_are_known_and_described() -> None:
    for entry in load_directory():
        assert set(entry.never_does) <= set(NEVER_DOES)
    assert all(text and text[0].islower() for text in NEVER_DOES.values())


def test_no_unconfirmed_social_accounts_are_shipped() -> None:
    """Handles are only listed when an official page confirmed them (none yet)."""
    for entry in load_directory():
        for account in entry.social:
            assert entry.confirmed and account.url.startswith("https://")


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    change(data)
    return data


def _metamask(data: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = next(e for e in data["entries"] if e["id"] == "metamask")
    return entry


BROKEN = [
    ("not-an-object", lambda d: d.clear(), 'the top level must be an object with an "entries"'),
    ("no-entries", lambda d: d.update(entries=[]), "there are no entries"),
    ("entry-not-object", lambda d: d["entries"].append("x"), "entry #12: must be an object"),
    (
        "missing-name",
        lambda d: _metamask(d).pop("name"),
        "entry 'metamask' field 'name': must be a non-empty text",
    ),
    (
        "upper-case-id",
        lambda d: _metamask(d).update(id="MetaMask"),
        "entry 'MetaMask' field 'id': must be lower-case",
    ),
    (
        "duplicate-id",
        lambda d: d["entries"].append(copy.deepcopy(_metamask(d))),
        "entry 'metamask': the id is used twice",
    ),
    (
        "bad-kind",
        lambda d: _metamask(d).update(kind="bank"),
        "entry 'metamask' field 'kind': must be one of wallet, hardware_wallet, exchange",
    ),
    (
        "custodial-wallet",
        lambda d: _metamask(d).update(custodial=True),
        "entry 'metamask' field 'custodial'",
    ),
    (
        "custodial-not-bool",
        lambda d: _metamask(d).update(custodial="no"),
        "entry 'metamask' field 'custodial': must be true or false",
    ),
    (
        "domain-with-scheme",
        lambda d: _metamask(d).update(official_domains=["https://metamask.io"]),
        "entry 'metamask' field 'official_domains'",
    ),
    (
        "no-domains",
        lambda d: _metamask(d).update(official_domains=[]),
        "entry 'metamask' field 'official_domains'",
    ),
    (
        "domain-owned-twice",
        lambda d: _metamask(d).update(official_domains=["metamask.io", "ledger.com"]),
        "ledger.com already belongs to",
    ),
    (
        "bad-date",
        lambda d: _metamask(d).update(checked_on="22/11/2026"),
        "entry 'metamask' field 'checked_on': must be a date like",
    ),
    (
        "http-help-center",
        lambda d: _metamask(d).update(help_center="http://support.metamask.io"),
        "entry 'metamask' field 'help_center': must be a web address starting with https://",
    ),
    (
        "unknown-code",
        lambda d: _metamask(d).update(never_does=["ask_seed_phrase", "be_nice"]),
        "entry 'metamask' field 'never_does': unknown code 'be_nice'",
    ),
    (
        "confirmed-missing",
        lambda d: _metamask(d).pop("confirmed"),
        "entry 'metamask' field 'confirmed': must be true or false",
    ),
    (
        "source-missing",
        lambda d: _metamask(d).pop("source"),
        "entry 'metamask' field 'source'",
    ),
    (
        "bad-social",
        lambda d: _metamask(d).update(social=[{"platform": "x", "handle": "@MetaMask"}]),
        "entry 'metamask' field 'social'",
    ),
    (
        "bad-in-app",
        lambda d: _metamask(d).update(in_app_support={"en": "Settings"}),
        "entry 'metamask' field 'in_app_support'",
    ),
    (
        "bad-other-sources",
        lambda d: _metamask(d).update(other_sources="https://metamask.io"),
        "entry 'metamask' field 'other_sources'",
    ),
]


@pytest.mark.parametrize(("change", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_directories_are_refused_with_a_clear_message(change: Any, message: str) -> None:
    with pytest.raises(DirectoryError) as caught:
        parse_directory(_broken(change))
    assert message in caught.value.problem
    assert str(caught.value).startswith("The support directory is damaged: ")


def test_directory_error_is_an_input_error_with_a_translatable_message() -> None:
    with pytest.raises(InputError) as caught:
        parse_directory([])
    assert isinstance(caught.value, ValueError)
    assert caught.value.message.text == "The support directory is damaged: {problem}"


def test_unreadable_file_is_a_directory_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import checks.directory as module

    class _Broken:
        def joinpath(self, name: str) -> _Broken:
            return self

        def read_text(self, encoding: str) -> str:
            return '{"entries": [ {"id": '  # cut off mid-write

    monkeypatch.setattr(module, "files", lambda package: _Broken())
    module.load_directory.cache_clear()
    try:
        with pytest.raises(DirectoryError, match="cannot read the file"):
            module.load_directory()
    finally:
        module.load_directory.cache_clear()


def test_loading_is_cached_and_lazy() -> None:
    assert load_directory() is load_directory()


# --- support addresses and communities ---------------------------------------------------


def _with(entry_id: str, **fields: Any) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    for entry in data["entries"]:
        if entry["id"] == entry_id:
            entry.update(fields)
    return data


def test_emails_and_community_must_be_on_an_official_domain() -> None:
    ok = parse_directory(_with("metamask", emails=["help@support.metamask.io"]))
    assert ok.by_id["metamask"].emails == ("help@support.metamask.io",)
    for bad in (["metamask.support@gmail.com"], ["Help@MetaMask.io"], "help@metamask.io", [1]):
        with pytest.raises(DirectoryError, match="emails"):
            parse_directory(_with("metamask", emails=bad))
    with pytest.raises(DirectoryError, match="community"):
        parse_directory(_with("metamask", community="https://metamask-community.com"))
    with pytest.raises(DirectoryError, match="community"):
        parse_directory(_with("metamask", community="http://community.metamask.io"))


def test_every_sourced_fact_names_its_page() -> None:
    """Facts added after the first check carry the page they came from."""
    directory = load_directory()
    imtoken = directory.by_id["imtoken"]
    assert set(imtoken.never_does) == {"ask_seed_phrase", "ask_private_key"}
    assert "https://token.im/blog/en-us/articles/4403717666841" in imtoken.other_sources
    metamask = directory.by_id["metamask"]
    assert metamask.community == "https://community.metamask.io"
    assert any("forum-manifesto" in url for url in metamask.other_sources)
    for entry in directory:
        for url in (entry.community, *entry.other_sources):
            if url is not None:
                assert _registrable(url) in entry.official_domains, (entry.id, url)
