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
    # added 2026-12-06 (issue 17)
    "tronlink",
    "onekey",
    "bitgetwallet",
    "htx",
    "bitget",
    "gate",
    "bybit",
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
    """Handles are only listed when an official page of the vendor lists them."""
    for entry in load_directory():
        for account in entry.social:
            assert entry.confirmed and account.url.startswith("https://")
            assert account.source is not None
            assert _registrable(account.source) in entry.official_domains, account.source


def test_metamask_support_accounts_are_those_its_page_lists() -> None:
    """support.metamask.io names its verified support account and its subreddit."""
    social = {(a.platform, a.handle.lower()) for a in load_directory().by_id["metamask"].social}
    assert social == {("x", "metamasksupport"), ("reddit", "metamask")}


def test_phone_numbers_are_listed_only_where_an_official_page_gives_them() -> None:
    directory = load_directory()
    coinbase = directory.by_id["coinbase"]
    assert coinbase.phone_support == "listed"
    assert "18889087930" in {p.digits for p in coinbase.phones}
    for phone in coinbase.phones:
        assert _registrable(phone.source) in coinbase.official_domains
    assert directory.by_id["kraken"].phone_support == "on_site"
    assert directory.by_id["kraken"].phones == ()
    for wallet_id in ("imtoken", "tokenpocket", "bitpie", "metamask", "trustwallet"):
        wallet = directory.by_id[wallet_id]
        assert wallet.phone_support == "none_listed" and wallet.phones == ()
    for ledger_id in ("ledger", "trezor"):
        assert directory.by_id[ledger_id].phone_support == "none_listed"


def test_one_name_per_language_comes_from_the_directory() -> None:
    directory = load_directory()
    expected = {"bitpie": "比特派", "binance": "币安", "okx": "欧易", "htx": "火币HTX"}
    for entry_id, chinese in expected.items():
        entry = directory.by_id[entry_id]
        assert entry.display_name("zh_CN") == chinese
        assert entry.display_name("en") == entry.name
    assert directory.by_id["metamask"].display_name("zh_CN") == "MetaMask"


def test_bitget_wallet_shares_the_exchanges_domain_and_the_exchange_owns_it() -> None:
    directory = load_directory()
    assert directory.by_id["bitgetwallet"].shares_domains_with == "bitget"
    assert directory.owner_of("bitget.com") is directory.by_id["bitget"]


def test_binance_police_report_deadline_is_sourced() -> None:
    deadline = load_directory().by_id["binance"].police_report_within
    assert deadline is not None and deadline.days == 7
    assert _registrable(deadline.source) == "binance.com"


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    change(data)
    return data


def _metamask(data: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = next(e for e in data["entries"] if e["id"] == "metamask")
    return entry


SRC = "https://help.coinbase.com/"


def _entry(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    entry: dict[str, Any] = next(e for e in data["entries"] if e["id"] == entry_id)
    return entry


def _coinbase(data: dict[str, Any]) -> dict[str, Any]:
    return _entry(data, "coinbase")


BROKEN = [
    ("not-an-object", lambda d: d.clear(), 'the top level must be an object with an "entries"'),
    ("no-entries", lambda d: d.update(entries=[]), "there are no entries"),
    ("entry-not-object", lambda d: d["entries"].append("x"), "entry #19: must be an object"),
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
    (
        "social-source-not-url",
        lambda d: _metamask(d)["social"][0].update(source="support page"),
        "entry 'metamask' field 'social': source must be a web address",
    ),
    (
        "bad-phone-support",
        lambda d: _metamask(d).update(phone_support="yes"),
        "entry 'metamask' field 'phone_support': must be one of listed, on_site, none_listed",
    ),
    (
        "phones-without-listed",
        lambda d: _metamask(d).update(
            phones=[{"number": "+1 888 000 0000", "country": "US", "kind": "local", "source": SRC}]
        ),
        "entry 'metamask' field 'phones': numbers go with",
    ),
    (
        "listed-without-phones",
        lambda d: _metamask(d).update(phone_support="listed"),
        "entry 'metamask' field 'phones': numbers go with",
    ),
    (
        "phone-not-international",
        lambda d: _coinbase(d)["phones"][0].update(number="400-820-8820"),
        "entry 'coinbase' field 'phones': '400-820-8820' must be +country code and digits",
    ),
    (
        "phone-without-source",
        lambda d: _coinbase(d)["phones"][0].pop("source"),
        "entry 'coinbase' field 'phones': +1 888 908 7930: source must be a web address",
    ),
    (
        "phone-bad-country",
        lambda d: _coinbase(d)["phones"][0].update(country="USA"),
        "field 'phones': +1 888 908 7930: country must be a two-letter code",
    ),
    (
        "phone-bad-kind",
        lambda d: _coinbase(d)["phones"][0].update(kind="premium"),
        "field 'phones': +1 888 908 7930: kind must be one of toll_free, local",
    ),
    (
        "shared-domain-without-saying-so",
        lambda d: _entry(d, "bitgetwallet").pop("shares_domains_with"),
        "bitget.com already belongs to 'bitgetwallet'",
    ),
    (
        "shares-with-nobody",
        lambda d: _entry(d, "bitgetwallet").update(
            shares_domains_with="nope", official_domains=["example.com"]
        ),
        "entry 'bitgetwallet' field 'shares_domains_with': no entry 'nope'",
    ),
    (
        "deadline-not-a-number",
        lambda d: _entry(d, "binance")["police_report_within_days"].update(days="7"),
        "entry 'binance' field 'police_report_within_days': days must be a whole number",
    ),
    (
        "deadline-without-source",
        lambda d: _entry(d, "binance")["police_report_within_days"].pop("source"),
        "entry 'binance' field 'police_report_within_days': needs a source address",
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

    monkeypatch.setattr("checks.directory.fields.files", lambda package: _Broken())
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
