"""checks.phishing.classify: official channels, real look-alikes, tricks, never raising."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import phishing
from checks.directory import DirectoryError, load_directory, parse_directory
from checks.i18n import Msg
from checks.phishing import (
    HANDLE_NOT_LISTED,
    LOOKALIKE_HANDLE,
    LOOKALIKE_USERINFO,
    MAX_INPUT,
    PHONE_NO_WALLET,
    PHONE_NONE,
    PHONE_NONE_EXCHANGE,
    UNKNOWN_BAD_IDN,
    UNKNOWN_EMPTY,
    UNKNOWN_IP,
    UNKNOWN_NO_DIRECTORY,
    UNKNOWN_NOT_ADDRESS,
    UNKNOWN_TOO_LONG,
    VERDICTS,
    LinkVerdict,
    brands,
    classify,
    domains,
)
from checks.phishing.brands import NEAR_MISS_WORDS, brands_for, match_name

FIXTURES = Path(__file__).parent / "fixtures" / "phishing"
LOOKALIKES = json.loads((FIXTURES / "lookalikes.json").read_text(encoding="utf-8"))["cases"]
UNRELATED = [
    line.strip()
    for line in (FIXTURES / "unrelated_domains.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


# --- official channels -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wallet"),
    [
        ("token.im", "imtoken"),
        ("support.token.im", "imtoken"),
        ("https://token.im/hc/en-US/articles/360035257293", "imtoken"),
        ("https://help.tokenpocket.pro/cn/security-knowledge", "tokenpocket"),
        ("tpwallet.io", "tokenpocket"),
        ("metamask.io", "metamask"),
        ("https://support.metamask.io/hc/en-us", "metamask"),
        ("HTTPS://METAMASK.IO/", "metamask"),
        ("metamask.io.", "metamask"),
        ("metamask.io:443/download", "metamask"),
        ("ｍｅｔａｍａｓｋ．ｉｏ", "metamask"),
        ("https://user@metamask.io/", "metamask"),  # userinfo that names no brand
        ("trustwallet.com", "trustwallet"),
        ("https://www.ledger.com/phishing-campaigns-status", "ledger"),
        ("trezor.io/support", "trezor"),
        ("binance.com", "binance"),
        ("www.okx.com/help", "okx"),
        ("help.coinbase.com", "coinbase"),
        ("support.kraken.com", "kraken"),
    ],
)
def test_official_sites(text: str, wallet: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("official", wallet)
    assert "official website" in verdict.reason
    assert "seed phrase" in verdict.reason


def test_official_reason_names_brand_and_domain() -> None:
    assert classify("metamask.io").reason == (
        "This is MetaMask's official website (metamask.io). "
        "Still, never type your seed phrase anywhere."
    )


@pytest.mark.parametrize("text", ["support@metamask.io", "mailto:help@trustwallet.com?subject=x"])
def test_official_email_warns_that_senders_can_be_faked(text: str) -> None:
    verdict = classify(text)
    assert verdict.verdict == "official"
    assert "can be faked" in verdict.reason


def test_unconfirmed_entry_is_never_called_official() -> None:
    verdict = classify("bitpie.com")
    assert (verdict.verdict, verdict.wallet) == ("unknown", "bitpie")
    assert "could not confirm" in verdict.reason


# --- look-alikes ------------------------------------------------------------------


@pytest.mark.parametrize("case", LOOKALIKES, ids=[c["text"] for c in LOOKALIKES])
def test_real_lookalikes_are_flagged(case: dict[str, str]) -> None:
    verdict = classify(case["text"])
    assert (verdict.verdict, verdict.wallet) == ("lookalike", case["wallet"]), verdict.reason


def test_lookalike_reason_names_real_and_fake_site() -> None:
    assert classify("token-im.com").reason == (
        "The real site is token.im. This is token-im.com, a different website."
    )
    assert "tokenpocket.pro" in classify("tokenpockets.pro").reason
    assert "tpwallet.io" in classify("tpwallets.io").reason  # the closest official name


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("lèdger.com", "lèdger.com (xn--ldger-4ra.com)"),
        ("xn--ldger-4ra.com", "lèdger.com (xn--ldger-4ra.com)"),
        ("ledgёr.com", "ledgёr.com (xn--ledgr-v1e.com)"),
        ("https://xn--ledgr-v1e.com/start", "ledgёr.com (xn--ledgr-v1e.com)"),
        ("metаmask.io", "metаmask.io (xn--metmask-4fg.io)"),
        ("rnetamask.io", "rnetamask.io"),
    ],
)
def test_homoglyphs_and_punycode_show_both_forms(text: str, shown: str) -> None:
    verdict = classify(text)
    assert verdict.verdict == "lookalike"
    assert "look-alike letters" in verdict.reason
    assert shown in verdict.reason


@pytest.mark.parametrize(
    ("text", "wallet", "real_site"),
    [
        ("https://token.im@evil.com", "imtoken", "evil.com"),
        ("https://token.im@evil.com/login?next=/", "imtoken", "evil.com"),
        ("http://metamask.io:443@phish.example/", "metamask", "phish.example"),
        ("https://support.ledger.com:secret@ledger-fix.net", "ledger", "ledger-fix.net"),
        ("token.im@evil.com", "imtoken", "evil.com"),
        ("https://metamask.io@www.ledger.com/", "metamask", "ledger.com"),
    ],
)
def test_userinfo_tricks_name_the_real_site(text: str, wallet: str, real_site: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("lookalike", wallet)
    assert verdict.reason_msg.text == LOOKALIKE_USERINFO
    assert verdict.reason.endswith(f"the real site is {real_site}.")


def test_userinfo_trick_reason_text() -> None:
    assert classify("https://token.im@evil.com").reason == (
        "This address hides a different website: the part before @ is ignored by browsers; "
        "the real site is evil.com."
    )


@pytest.mark.parametrize(
    ("text", "wallet", "site"),
    [
        ("token.im.example.io", "imtoken", "example.io"),
        ("https://metamask.io.secure-login.com/", "metamask", "secure-login.com"),
        ("support.ledger.com.ledger-help.ru", "ledger", "ledger-help.ru"),
        ("metamask.secure-login.com", "metamask", "secure-login.com"),
        ("binance.account-verify.top", "binance", "account-verify.top"),
    ],
)
def test_subdomain_tricks(text: str, wallet: str, site: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("lookalike", wallet)
    assert f"is {site}," in verdict.reason


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("okx.com", "official"),
        ("ok.com", "unknown"),  # a short brand must not swallow its neighbours
        ("okex.com", "unknown"),
        ("0kx.com", "lookalike"),
        ("οkx.com", "lookalike"),  # Greek omicron
        ("okx-support.com", "lookalike"),
        ("okxwallet.net", "lookalike"),
        ("ok-x.io", "lookalike"),
        ("bookx.com", "unknown"),
    ],
)
def test_short_brand_names(text: str, verdict: str) -> None:
    assert classify(text).verdict == verdict


@pytest.mark.parametrize("domain", UNRELATED)
def test_popular_unrelated_sites_are_never_flagged(domain: str) -> None:
    for text in (domain, f"https://{domain}/", f"https://{domain}/help/metamask/ledger?q=imtoken"):
        verdict = classify(text)
        assert (verdict.verdict, verdict.wallet) == ("unknown", None), text


def test_unrelated_list_is_big_enough() -> None:
    assert len(UNRELATED) >= 50


@pytest.mark.slow
def test_common_words_are_not_typos_of_brands() -> None:
    """No frequent English word or name is one typo from a brand (else add it to
    NEAR_MISS_WORDS, which is how that list was made)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    brands = brands_for(load_directory())
    words = [
        *FREQUENCY_LISTS["english_wikipedia"][:8000],
        *FREQUENCY_LISTS["us_tv_and_film"][:4000],
        *FREQUENCY_LISTS["male_names"],
        *FREQUENCY_LISTS["surnames"][:2000],
    ]
    flagged = {
        word
        for word in words
        if word.isalpha() and (found := match_name(word, brands)) and found.how == "typo"
    }
    assert flagged == set()
    assert {"finance", "trevor", "lodger"} <= NEAR_MISS_WORDS


# --- handles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wallet"),
    [
        ("https://x.com/MetaMaskHelpDesk", "metamask"),  # MetaMask lists its X accounts
        ("x.com/MetaMask_Support/status/1", "metamask"),
        ("t.me/Metamsk_Support", "metamask"),  # a misspelt brand, on any platform
        ("https://t.me/s/TokenPockt_Help", "tokenpocket"),
        ("twitter.com/Ledgr_Support", "ledger"),
    ],
)
def test_handles_that_imitate_a_brand_are_lookalikes(text: str, wallet: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("lookalike", wallet)
    assert verdict.reason_msg.text == LOOKALIKE_HANDLE
    assert verdict.reason.startswith("Official support never messages you first.")


@pytest.mark.parametrize(
    ("text", "wallet"),
    [
        ("@imToken_Support", "imtoken"),
        ("@MetaMaskHelpDesk", "metamask"),
        ("@Metamsk_Support", "metamask"),
        ("@BinanceHelpDesk", "binance"),
        ("@CoinbaseSupport", "coinbase"),
        ("@krakenfx", "kraken"),
        ("@MetaMaskSupport", "metamask"),  # official on X; the same name elsewhere is anyone's
    ],
)
def test_a_handle_with_no_platform_is_cant_tell_never_scam(text: str, wallet: str) -> None:
    """Issue 17, item 7: real official accounts were called scams."""
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("unknown", wallet)
    assert "can't tell" in verdict.reason
    assert "scam" not in verdict.reason


@pytest.mark.parametrize(
    ("text", "wallet"),
    [
        ("https://x.com/BinanceHelpDesk", "binance"),  # Binance's accounts are not listed
        ("tg://resolve?domain=Binance_Helpdesk", "binance"),
        ("t.me/metamask_support", "metamask"),  # MetaMask lists no Telegram account
        ("https://x.com/TrustWallet_Help/status/1", "trustwallet"),
    ],
)
def test_a_handle_on_a_platform_without_listed_accounts_is_cant_tell(
    text: str, wallet: str
) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("unknown", wallet)
    assert verdict.reason_msg.text == HANDLE_NOT_LISTED


def test_official_handles_are_official_on_their_platform() -> None:
    for text in ("https://x.com/MetaMaskSupport", "x.com/metamasksupport"):
        verdict = classify(text)
        assert (verdict.verdict, verdict.wallet) == ("official", "metamask"), text
    for account in load_directory().get("metamask").social:  # type: ignore[union-attr]
        if account.platform == "x":
            assert classify(account.url).verdict == "official", account.url


def test_handle_equal_to_brand_is_not_called_fake_or_official() -> None:
    verdict = classify("x.com/MetaMask")
    assert (verdict.verdict, verdict.wallet) == ("unknown", "metamask")
    assert "not confirmed" in verdict.reason


@pytest.mark.parametrize(
    "text", ["@vitalikbuterin", "t.me/durov", "x.com/search?q=metamask", "x.com"]
)
def test_other_handles_and_pages_are_unknown(text: str) -> None:
    assert classify(text).wallet is None


EXAMPLE_ENTRY = {
    "id": "examplewallet",
    "name": "Example Wallet",
    "kind": "wallet",
    "custodial": False,
    "official_domains": ["examplewallet.test"],
    "help_center": None,
    "ticket_url": None,
    "in_app_support": None,
    "social": [
        {"platform": "x", "handle": "ExampleWalletHQ", "url": "https://x.com/ExampleWalletHQ"}
    ],
    "never_does": ["dm_first"],
    "source": "https://examplewallet.test/support",
    "checked_on": "2026-01-01",
    "confirmed": True,
}


def test_confirmed_handle_is_official_only_on_its_platform() -> None:
    directory = parse_directory({"entries": [EXAMPLE_ENTRY]})
    official = classify("https://x.com/examplewallethq", directory)
    assert (official.verdict, official.wallet) == ("official", "examplewallet")
    bare = classify("@ExampleWalletHQ", directory)  # no platform: we can't tell
    assert (bare.verdict, bare.wallet) == ("unknown", "examplewallet")
    assert "official account on X (Twitter)" in bare.reason
    assert classify("t.me/ExampleWalletHQ", directory).verdict != "official"
    assert classify("x.com/ExampleWalletHQ_support", directory).verdict == "lookalike"
    assert classify("@ExampleWalletHQ_support", directory).verdict == "unknown"
    assert classify("examplewallet.test", directory).verdict == "official"


def test_unconfirmed_entry_handles_are_never_official() -> None:
    entry = dict(EXAMPLE_ENTRY, confirmed=False)
    directory = parse_directory({"entries": [entry]})
    assert classify("@ExampleWalletHQ", directory).verdict != "official"


# --- phone numbers ("客服电话") -------------------------------------------------------

SELF_CUSTODY = ["imtoken", "tokenpocket", "bitpie", "metamask", "trustwallet", "ledger", "trezor"]


def test_a_phone_number_alone_is_a_fake_channel() -> None:
    """Issue 17, item 3: `check-link "400-820-8820"` said "unknown"."""
    for text in ("400-820-8820", "4008208820", "+86 400 820 8820", "(400) 820-8820"):
        verdict = classify(text)
        assert (verdict.verdict, verdict.wallet) == ("lookalike", None), text
        assert verdict.reason_msg.text == PHONE_NO_WALLET


@pytest.mark.parametrize("wallet", SELF_CUSTODY)
def test_no_self_custody_wallet_has_phone_support(wallet: str) -> None:
    entry = load_directory().get(wallet)
    assert entry is not None and not entry.custodial
    assert entry.phone_support == "none_listed" and entry.phones == ()
    for text in (f"{entry.name} support 400-820-8820", f"{wallet}客服电话：4008208820"):
        verdict = classify(text)
        assert (verdict.verdict, verdict.wallet) == ("lookalike", wallet), text
        assert verdict.reason_msg.text == PHONE_NONE
        assert f"{entry.name} has no phone support" in verdict.reason


def test_chinese_names_and_exchanges_are_named_in_the_phone_verdict() -> None:
    verdict = classify("比特派客服热线 400 820 8820")
    assert (verdict.verdict, verdict.wallet) == ("lookalike", "bitpie")
    exchange = classify("币安官方客服电话 +86 400 123 4567")
    assert (exchange.verdict, exchange.wallet) == ("lookalike", "binance")
    assert exchange.reason_msg.text == PHONE_NONE_EXCHANGE
    assert "scam" in exchange.reason
    assert classify("Bitget Wallet hotline 400 123 4567").wallet == "bitgetwallet"


def test_a_number_listed_on_the_exchanges_own_page_is_official() -> None:
    coinbase = load_directory().get("coinbase")
    assert coinbase is not None and coinbase.phone_support == "listed"
    for phone in coinbase.phones:
        verdict = classify(phone.number)
        assert (verdict.verdict, verdict.wallet) == ("official", "coinbase"), phone.number
    for written in ("1-888-908-7930", "001 888 908 7930", "0808 168 4635", "1.888.908.7930"):
        assert classify(written).verdict == "official", written
    fake = classify("Coinbase support line +1 800 555 0199")
    assert (fake.verdict, fake.wallet) == ("lookalike", "coinbase")
    assert "not one of the support numbers Coinbase lists" in fake.reason


def test_kraken_shows_its_number_only_on_its_site() -> None:
    verdict = classify("Kraken support +1 415 555 0100")
    assert (verdict.verdict, verdict.wallet) == ("unknown", "kraken")
    assert "support.kraken.com" in verdict.reason or "kraken.com" in verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-27",
        "2026-11-27 10:30",
        "192.168.1.1",
        "https://x.com/a/status/12345678901",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        "metamask.io",
        "1000 USDT",
    ],
)
def test_dates_addresses_and_urls_are_not_phone_numbers(text: str) -> None:
    assert classify(text).reason_msg.text not in (PHONE_NO_WALLET, PHONE_NONE)


# --- odd input, never raising, bounded work -------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", UNKNOWN_EMPTY),
        ("   \n\t", UNKNOWN_EMPTY),
        ("hello", UNKNOWN_NOT_ADDRESS),
        ("javascript:alert(1)", UNKNOWN_NOT_ADDRESS),
        ("metamask", UNKNOWN_NOT_ADDRESS),
        ("http://192.168.1.1/metamask", UNKNOWN_IP),
        ("http://[::1]:8080/", UNKNOWN_IP),
        ("xn--zz-zz.com", UNKNOWN_BAD_IDN),
        ("a" * (MAX_INPUT + 1), UNKNOWN_TOO_LONG),
    ],
)
def test_odd_input_is_unknown_with_a_reason(text: str, reason: str) -> None:
    verdict = classify(text)
    assert verdict.verdict == "unknown"
    assert verdict.reason_msg.text == reason


def test_pasted_message_uses_the_most_dangerous_address() -> None:
    verdict = classify("Hi, this is MetaMask support. Verify at metamask-help.com or metamask.io")
    assert (verdict.verdict, verdict.wallet) == ("lookalike", "metamask")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Hello. The official site is metamask.io.", "official"),
        ("官网是 token.im。", "official"),
        ("Not metamask.io but metamask-login.app, ok?", "lookalike"),
    ],
)
def test_sentences_around_an_address_do_not_change_the_answer(text: str, verdict: str) -> None:
    assert classify(text).verdict == verdict


def test_damaged_directory_gives_an_answer_not_an_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import checks.phishing as module

    def broken() -> None:
        raise DirectoryError("cannot read the file")

    monkeypatch.setattr(module, "load_directory", broken)
    verdict = classify("metamask.io")
    assert (verdict.verdict, verdict.wallet) == ("unknown", None)
    assert verdict.reason_msg.text == UNKNOWN_NO_DIRECTORY


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch):
    """The name comparisons one check makes (skeletons and edit distances): its work,
    counted instead of timed (the time is `python -m bench`, row 8b)."""
    calls = {"count": 0}

    def counting(real):
        def spy(*args, **kwargs):
            calls["count"] += 1
            return real(*args, **kwargs)

        return spy

    for module in (phishing, brands):
        for name in ("skeleton", "edit_distance"):
            monkeypatch.setattr(module, name, counting(getattr(domains, name)))

    def measure(text: str) -> int:
        calls["count"] = 0
        classify(text)
        return calls["count"]

    return measure


def test_the_work_of_one_check_is_bounded_whatever_the_input(work) -> None:
    classify("metamask.io")  # tables built
    assert work("x" * 10**6) == 0 and work("a" * (MAX_INPUT + 1)) == 0  # refused at once
    shapes = (
        lambda n: " ".join(["metamsk.io"] * n),  # many look-alike addresses in one paste
        lambda n: "legder-" * n + "x.com",  # one long look-alike label
        lambda n: "a." * n + "legder.com",  # many labels
        lambda n: "x@" + "metarnask-" * n + ".com",
        lambda n: "https://x.com/" + "metamask/" * n,
    )
    for shape in shapes:
        sizes = [n for n in (1, 10, 50, 100, 250) if len(shape(n)) <= MAX_INPUT]
        counts = [work(shape(n)) for n in sizes]
        assert max(counts) <= 1500, (shape(1), counts)  # a cap, not a growth with the input
        assert counts[-1] <= max(counts[:-1] or [0]) or len(sizes) == 1, (shape(1), counts)


def test_the_tables_are_built_once() -> None:
    """Once warm, a check reads no file and builds no table again (per call: bench 8a)."""
    classify("metamask.io")
    caches = (load_directory, domains.public_suffix_list, domains.confusable_table, brands_for)
    before = [cache.cache_info().misses for cache in caches]
    for case in LOOKALIKES:
        classify(case["text"])
    assert [cache.cache_info().misses for cache in caches] == before


def test_direction_marks_in_a_name_are_shown_not_obeyed() -> None:
    verdict = classify("metamask\u202e.io-lk.com")
    assert "\u202e" not in verdict.reason


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=400)
@given(st.text(max_size=300))
def test_classify_never_raises_on_any_text(text: str) -> None:
    verdict = classify(text)
    assert isinstance(verdict, LinkVerdict)
    assert verdict.verdict in VERDICTS
    assert verdict.reason and "{" not in verdict.reason


_LABEL = st.text(alphabet=st.sampled_from("metamskldgrokxin-0123эаеоαοёè．。@:/"), min_size=1)


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=400)
@given(st.lists(_LABEL, min_size=1, max_size=5), st.sampled_from(["", "https://", "http://x@"]))
def test_classify_never_raises_on_url_like_text(labels: list[str], prefix: str) -> None:
    verdict = classify(prefix + ".".join(labels))
    assert isinstance(verdict, LinkVerdict)
    assert verdict.verdict in VERDICTS


# --- the result type ---------------------------------------------------------------------


def test_verdict_json_shape_and_translation() -> None:
    verdict = classify("token-im.com")
    assert verdict.to_json() == {
        "verdict": "lookalike",
        "wallet": "imtoken",
        "reason": verdict.reason,
    }
    assert verdict.reason == verdict.reason_msg.render()
    assert isinstance(verdict.reason_msg, Msg)

    def to_chinese(text: str) -> str:
        return {
            "The real site is {official}. This is {site}, a different website.": (
                "官网是 {official}，而您查的是 {site}，这不是官网。"
            )
        }.get(text, text)

    assert verdict.as_dict(translate=to_chinese)["reason"] == (
        "官网是 token.im，而您查的是 token-im.com，这不是官网。"
    )


def test_verdict_is_frozen() -> None:
    verdict = classify("metamask.io")
    with pytest.raises(AttributeError):
        verdict.verdict = "lookalike"  # type: ignore[misc]


# --- near misses that are real, unrelated sites; brands on mailboxes and page builders -----


@pytest.mark.parametrize(
    "text",
    [
        "kraken.io",  # an image optimiser
        "https://docs.krakend.io/",  # an API gateway
        "krakenjs.com",  # PayPal's open-source framework
        "tokeninsight.com",  # crypto research: "tokenin…" is not a typo of token.im
        "www.tokeninsight.com/en/news",
        "ledgerinsights.com",  # news on enterprise ledgers
        "hedger.com",  # an English word one letter from "ledger"
        "edger.com",
        "hedger-tools.io",
    ],
)
def test_real_sites_near_a_brand_are_not_lookalikes(text: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("unknown", None), verdict.reason


@pytest.mark.parametrize(
    ("text", "wallet"),
    [
        ("token-im.com", "imtoken"),
        ("token.im.example.io", "imtoken"),
        ("tokeim-cn.com", "imtoken"),  # a glued official domain, typed wrong, as a whole word
        ("legder.com", "ledger"),
        ("lèdger.com", "ledger"),
        ("ledgёr.com", "ledger"),
        ("xn--ldger-bsa.com", "ledger"),
        ("rnetamask.io", "metamask"),
        ("trustwa11et.com", "trustwallet"),
        ("token.im@evil.com", "imtoken"),
        ("krakem.com", "kraken"),
        ("https://trezerwuallet.gitbook.io", "trezor"),
        # brands added on 2026-12-06; "gate" is a word, so it needs a separator
        ("gate-io-support.com", "gate"),
        ("gateio-login.com", "gate"),
        ("htx-login.com", "htx"),
        ("bybit-help.net", "bybit"),
        ("tronlink-wallet.com", "tronlink"),
    ],
)
def test_true_positives_stay_flagged(text: str, wallet: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("lookalike", wallet), verdict.reason


@pytest.mark.parametrize(
    ("text", "wallet"),
    [
        ("trezor-support@gmail.com", "trezor"),
        ("mailto:MetaMask.Help@outlook.com", "metamask"),
        ("imtoken_kefu@qq.com", "imtoken"),
        ("ledger@proton.me", "ledger"),
    ],
)
def test_a_brand_on_a_free_mailbox_is_a_lookalike(text: str, wallet: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("lookalike", wallet)
    assert "free mailbox" in verdict.reason and "anyone can open" in verdict.reason


def test_a_free_mailbox_without_a_brand_is_unknown() -> None:
    assert classify("zhang.wei@gmail.com").verdict == "unknown"
    assert classify("support@metamask.io").verdict == "official"  # not a free mailbox


@pytest.mark.parametrize(
    ("text", "wallet"),
    [
        ("docs.google.com/forms/metamask-support", "metamask"),
        ("https://docs.google.com/forms/d/e/1FAIpQLSe/viewform?usp=metamask_recovery", "metamask"),
        ("https://sites.google.com/view/ledger-live-support", "ledger"),
        ("https://forms.office.com/r/TrustWallet-Verify", "trustwallet"),
        ("https://linktr.ee/imtoken_service", "imtoken"),
    ],
)
def test_a_brand_in_the_path_of_a_page_builder_is_a_lookalike(text: str, wallet: str) -> None:
    verdict = classify(text)
    assert (verdict.verdict, verdict.wallet) == ("lookalike", wallet)
    assert "anyone can publish" in verdict.reason


def test_page_builders_without_a_brand_and_brands_in_other_paths_are_unknown() -> None:
    assert classify("https://docs.google.com/forms/d/e/1FAIpQLSe/viewform").verdict == "unknown"
    assert classify("https://docs.google.com/document/d/metamask-notes").verdict == "unknown"
    assert classify("https://github.com/MetaMask/metamask-extension").verdict == "unknown"
