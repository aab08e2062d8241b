"""The secret guard (checks.secrets): seed phrases and keys are found, prose is not.

These tests prove the "No secret at rest" promise of DESIGN.md: every free
text field passes through find_secrets before it is stored.
"""

from __future__ import annotations

import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mnemonic import Mnemonic

from checks.encoding import b58check_decode, b58check_encode
from checks.secrets import (
    TX_HASH_HINT,
    SecretMatch,
    describe,
    find_secrets,
    looks_like_tx_hash,
    redact,
)
from checks.secrets import phrases as _phrases

pytestmark = pytest.mark.security

LANGUAGES = sorted(Mnemonic.list_languages())
STRENGTHS = (128, 160, 192, 224, 256)  # 12, 15, 18, 21, 24 words
VALID_12 = "abandon " * 11 + "about"  # trezor/python-mnemonic vectors.json, entropy 00…00
INVALID_12 = "abandon " * 11 + "abandon"

# BIP-32 test vectors 1 and 2 (bitcoin/bips bip-0032.mediawiki).
XPRVS = [
    "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
    "xprv9uHRZZhk6KAJC1avXpDAp4MDc3sQKNxDiPvvkX8Br5ngLNv1TxvUxt4cV1rGL5hj6KCesnDYUhd7oWgT11eZG7XnxHrnYeSvkzY7d2bhkJ7",
    "xprv9s21ZrQH143K31xYSDQpPDxsXRTUcvj2iNHm5NUtrGiGG5e2DtALGdso3pGz6ssrdK4PFmM8NSpSBHNqPqm55Qn3LqFtT2emdEXVYsCzC2U",
]
XPUBS = [
    "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8",
    "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw",
]
# Bitcoin wiki "Wallet import format": one key, uncompressed and compressed WIF.
HEX_KEY = "0C28FCA386C7A227600B2FE50B7CAE11EC86D3BF1FBE471BE89827E19D72AA1D"
WIFS = [
    "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
    "KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617",
    "cNJFgo1driFnPcBdBX8BrJrpxchBWXwXCvNH5SoSkdcF6JXXwHMm",  # testnet
]
PUBLIC_VALUES = [
    "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045",
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
    "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW",
    *XPUBS,
]

ENGLISH_PROSE = """\
On Tuesday evening I noticed that my wallet balance had dropped to almost
nothing. I had not made any transfer myself, so I opened the app again and
looked at the history: two transactions went out a little after midnight,
one of them to an address I have never seen before. I am writing this down
so that I remember the order of events when I talk to the support team.

A week earlier I had clicked a link in a group chat that promised an
airdrop for early users. The page looked exactly like the real website and
asked me to connect my wallet and approve a contract. I think that is when
the thief got permission to move my tokens, even though I never typed my
recovery words anywhere.

What I have done so far: I moved the remaining coins to a new wallet on a
different phone, revoked the old approvals, changed the password of my
email account and turned on two-factor authentication with an app instead
of text messages. I also took screenshots of every transaction and wrote
down the dates, the amounts and the addresses involved.

The support agent answered after two days and explained, kindly, that a
self-custody wallet cannot freeze or reverse a transfer. They suggested
that I report the theft to the police, keep all the evidence in one place,
and be very careful about anyone who offers to recover the funds for a fee,
because those offers are almost always a second scam.
"""

CHINESE_PROSE = """\
周二晚上，我发现钱包里的余额几乎全部不见了。我自己没有做过任何转账，于是重新打开应用查看记录：
凌晨刚过的时候有两笔交易转出，其中一笔转到了一个我从来没见过的地址。我把这些经过记下来，
是为了以后和客服沟通时能说清楚事情发生的先后顺序。

一个星期之前，我在一个群聊里点了一个链接，说是给早期用户发空投。那个页面看起来和官方网站一模一样，
要求我连接钱包并授权一个合约。我想就是那时候，盗币的人拿到了转走我代币的权限，
虽然我从来没有在任何地方输入过助记词。

到目前为止我做了这些事情：把剩下的币转到另一部手机上的新钱包，取消了旧的授权，
修改了邮箱密码，并且用验证器应用开启了两步验证，不再使用短信验证码。
我还截图保存了每一笔交易，写下了日期、金额和相关的地址。

客服两天以后才回复，很耐心地解释说，自托管钱包没有办法冻结或者撤回转账。
他们建议我向警方报案，把所有证据集中保存好，并且要特别小心那些声称可以帮忙追回资产、
但要先收费的人，因为这种说法几乎都是第二次诈骗。

请记住：任何人向你索要助记词或者私钥，都一定是骗子。真正的客服不会这样做，
官方也不会通过私信主动联系你。遇到问题时，请只通过官方网站上公布的渠道寻求帮助。
"""


def phrase(language: str, strength: int, seed: int) -> str:
    entropy = random.Random(f"{language}-{strength}-{seed}").randbytes(strength // 8)
    return Mnemonic(language).to_mnemonic(entropy)


def only_match(text: str) -> SecretMatch:
    matches = find_secrets(text)
    assert len(matches) == 1, matches
    return matches[0]


# --- seed phrases -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("strength", STRENGTHS)
def test_generated_phrase_is_found_in_every_language(language: str, strength: int) -> None:
    words = Mnemonic(language).generate(strength)
    match = only_match(words)
    assert (match.kind, match.start, match.end) == ("mnemonic", 0, len(words))


@pytest.mark.parametrize("language", ["chinese_simplified", "chinese_traditional"])
@pytest.mark.parametrize("strength", STRENGTHS)
def test_chinese_phrase_without_spaces(language: str, strength: int) -> None:
    together = "".join(phrase(language, strength, 1).split())
    match = only_match(together)
    assert (match.start, match.end) == (0, len(together))


@pytest.mark.parametrize(
    "form",
    [
        lambda w: " ".join(f"{i}. {word}" for i, word in enumerate(w, 1)),
        lambda w: " ".join(f"{i}) {word}" for i, word in enumerate(w, 1)),
        lambda w: "".join(f"{i}、{word}" for i, word in enumerate(w, 1)),
        lambda w: "\n".join(f"{i}.{word}" for i, word in enumerate(w, 1)),
        lambda w: ", ".join(w),
        lambda w: ",".join(w),
        lambda w: "\n".join(w),
        lambda w: "\u3000".join(w),
        lambda w: " ".join(w).upper(),
        lambda w: " ".join(word.capitalize() for word in w),
        lambda w: '["' + '", "'.join(w) + '"]',
    ],
    ids=["1.", "1)", "1、", "lines-numbered", "comma-space", "comma", "lines", "ideographic",
         "upper", "capitalised", "json"],
)
def test_phrase_written_in_common_forms(form: object) -> None:
    for language in ("english", "spanish", "chinese_simplified"):
        words = phrase(language, 128, 2).split()
        text = form(words)  # type: ignore[operator]
        match = only_match(text)
        assert match.kind == "mnemonic"
        assert text[match.start : match.end].lower().startswith(words[0].lower())
        assert text[match.start : match.end].lower().endswith(words[-1].lower())


def test_spanish_and_french_without_accents() -> None:
    for language in ("spanish", "french"):
        words = phrase(language, 256, 3)
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", words) if not unicodedata.combining(c)
        )
        assert only_match(plain).kind == "mnemonic"
        assert only_match(unicodedata.normalize("NFC", words)).kind == "mnemonic"


def test_phrase_inside_english_prose_has_exact_offsets() -> None:
    words = phrase("english", 128, 4)
    before = "Hi support, my wallet was emptied. This is the backup I wrote down: "
    text = before + words + ". Can you tell me what happened?"
    match = only_match(text)
    assert (match.start, match.end) == (len(before), len(before) + len(words))


def test_phrase_inside_chinese_text_has_exact_offsets() -> None:
    words = "".join(phrase("chinese_simplified", 128, 5).split())
    before = "客服你好，我的钱包被盗了。助记词："
    text = before + words + "。请帮我查一下。"
    match = only_match(text)
    assert (match.start, match.end) == (len(before), len(before) + len(words))


def test_phrase_inside_a_longer_run_of_wordlist_words_is_found() -> None:
    words = phrase("english", 128, 6)
    text = "army van defense carry jealous true " + words + " garbage claim echo media"
    match = only_match(text)
    assert text[match.start : match.end].endswith(words)


def test_bip39_checksum_decides() -> None:
    assert only_match(VALID_12).kind == "mnemonic"
    assert find_secrets(INVALID_12) == []
    rng = random.Random(7)
    english = Mnemonic("english").wordlist
    rejected = 0
    while rejected < 20:
        words = [rng.choice(english) for _ in range(12)]
        indices = [english.index(word) for word in words]
        if not _phrases.checksum_ok(indices):
            assert find_secrets(" ".join(words)) == []
            rejected += 1


def test_random_chinese_phrases_written_together_are_found_almost_always() -> None:
    """The prose filter may miss a few random phrases; measured here on 600."""
    found = 0
    for seed in range(120):
        for strength in STRENGTHS:
            language = LANGUAGES[seed % 2]  # chinese_simplified / chinese_traditional
            together = "".join(phrase(language, strength, 100 + seed).split())
            found += bool(find_secrets(together))
    assert found >= 594


# --- prose and public values -----------------------------------------------------------------


def test_english_prose_is_not_flagged() -> None:
    assert find_secrets(ENGLISH_PROSE) == []
    assert find_secrets(ENGLISH_PROSE.replace(".", ",")) == []


def test_chinese_prose_is_not_flagged() -> None:
    assert find_secrets(CHINESE_PROSE) == []
    assert find_secrets(CHINESE_PROSE.replace("\n", "")) == []
    traditional = CHINESE_PROSE.translate(_TO_TRADITIONAL)
    assert find_secrets(traditional) == []


def test_source_articles_are_not_flagged() -> None:
    """The Chinese articles in shared/seeds, when the checkout has them."""
    seeds = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("shared/seeds is not beside this checkout")
    for path in seeds:
        assert find_secrets(path.read_text(encoding="utf-8")) == [], path.name


@pytest.mark.parametrize("value", PUBLIC_VALUES)
def test_addresses_signatures_and_xpubs_are_not_flagged(value: str) -> None:
    assert find_secrets(f"The thief's address is {value} according to the explorer.") == []


# --- keys -------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [HEX_KEY, HEX_KEY.lower(), "0x" + HEX_KEY.lower()])
def test_hex_private_key(key: str) -> None:
    text = f"key: {key} (from the old phone)"
    match = only_match(text)
    assert (match.kind, text[match.start : match.end]) == ("private_key", key)


@pytest.mark.parametrize(
    "not_a_key",
    [
        "0" * 64,  # zero is not a key
        "F" * 64,  # above the secp256k1 order
        HEX_KEY[:-1],  # 63 digits
        HEX_KEY + "A",  # 65 digits
        HEX_KEY * 2,  # a 128-digit signature
    ],
)
def test_hex_that_is_not_a_key(not_a_key: str) -> None:
    assert find_secrets(f"value {not_a_key} end") == []


def test_tx_hash_is_reported_and_recognised_as_possible_txid() -> None:
    txid = "a1075db55d416d3ca199f55b6084e2115b9345e16c5cf302fc80e9d5fbf5d48d"
    match = only_match(f"tx: {txid}")
    assert match.kind == "private_key"
    assert looks_like_tx_hash(txid) and looks_like_tx_hash(f"  0x{txid}\n")
    assert not looks_like_tx_hash(txid[:-1]) and not looks_like_tx_hash(f"tx {txid}")
    assert "Transactions" in TX_HASH_HINT


@pytest.mark.parametrize("wif", WIFS)
def test_wif_keys(wif: str) -> None:
    match = only_match(f"私钥：{wif}")
    assert match.kind == "wif" and match.end == len(f"私钥：{wif}")


def test_wif_key_matches_the_hex_key() -> None:
    assert b58check_decode(WIFS[0])[1:].hex().upper() == HEX_KEY


@pytest.mark.parametrize("xprv", XPRVS)
def test_extended_private_keys(xprv: str) -> None:
    assert only_match(f"backup {xprv} end").kind == "extended_private_key"


@pytest.mark.parametrize(
    ("version", "prefix"),
    [("04358394", "tprv"), ("049d7878", "yprv"), ("04b2430c", "zprv"), ("044a4e28", "uprv"),
     ("045f18bc", "vprv"), ("02aa7a99", "Zprv")],
)
def test_extended_private_key_versions(version: str, prefix: str) -> None:
    """The BIP-32 master key re-encoded with SLIP-132 version bytes."""
    payload = bytes.fromhex(version) + b58check_decode(XPRVS[0])[4:]
    key = b58check_encode(payload)
    assert key.startswith(prefix)
    assert only_match(key).kind == "extended_private_key"


def test_broken_keys_are_not_reported() -> None:
    broken = XPRVS[0][:-1] + ("j" if XPRVS[0][-1] != "j" else "k")
    assert find_secrets(broken) == []
    assert WIFS[1][-1] != "8"
    assert find_secrets(WIFS[1][:-1] + "8") == []


# --- API ----------------------------------------------------------------------------------------


def test_matches_hold_no_secret() -> None:
    words = phrase("english", 128, 8)
    match = only_match(words)
    assert set(vars(match)) == {"kind", "start", "end"}
    assert words.split()[0] not in repr(match)


def test_redact() -> None:
    words = phrase("english", 160, 9)
    text = f"words: {words}; key {HEX_KEY}; xprv {XPRVS[0]} ok"
    assert redact(text) == "words: [removed]; key [removed]; xprv [removed] ok"
    assert redact(ENGLISH_PROSE) == ENGLISH_PROSE


@pytest.mark.parametrize("kind", ["mnemonic", "private_key", "wif", "extended_private_key"])
def test_describe(kind: str) -> None:
    assert "It was not saved." in describe(kind)


def test_describe_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown secret kind"):
        describe("password")


def test_wordlists_are_loaded_lazily() -> None:
    code = "import sys, checks.secrets; print('mnemonic' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.stdout.strip() == "False"


def test_every_wordlist_word_is_one_token() -> None:
    lexicon = _phrases.lexicon()
    for language, words in zip(lexicon.languages, lexicon.wordlists, strict=True):
        if language.startswith("chinese"):
            continue
        for word in words:  # mnemonic 0.21's russian.txt has one word with "\ufffd" in it
            for form in ("NFC", "NFD"):
                spelled = unicodedata.normalize(form, word)
                assert _phrases._WORD.fullmatch(spelled), (language, word)
                assert spelled.lower() in lexicon.lookup


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_find_secrets_never_raises(text: str) -> None:
    matches = find_secrets(text)
    assert all(0 <= m.start < m.end <= len(text) for m in matches)
    assert matches == sorted(matches, key=lambda m: (m.start, m.end))


@settings(max_examples=50)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.sampled_from(LANGUAGES),
    st.sampled_from(STRENGTHS),
    st.integers(0, 10**6),
)
def test_phrase_is_found_after_any_text(
    prefix: str, language: str, strength: int, seed: int
) -> None:
    words = phrase(language, strength, seed)
    text = prefix + "\n" + words + "\n"
    assert any(
        m.kind == "mnemonic" and m.start <= len(prefix) + 1 and m.end >= len(text) - 1
        for m in find_secrets(text)
    )


# A few simplified → traditional pairs, to turn CHINESE_PROSE into traditional text.
_TO_TRADITIONAL = str.maketrans(
    "钱包转账应现没个这么时间发记说问题给们页面权虽输币将剩另删开旧验证码图笔写关两后释"
    "诈骗请务让联系网经过对连术实际",
    "錢包轉賬應現沒個這麼時間發記說問題給們頁面權雖輸幣將剩另刪開舊驗證碼圖筆寫關兩後釋"
    "詐騙請務讓聯係網經過對連術實際",
)


def turkish_upper(text: str) -> str:
    """Upper case by Turkish rules: i → İ, ı → I (Python's upper() maps both to I)."""
    return text.replace("i", "İ").replace("ı", "I").upper()


@pytest.mark.parametrize("seed", range(20))
def test_turkish_phrase_in_turkish_capitals(seed: int) -> None:
    words = phrase("turkish", 128, seed)
    assert find_secrets(turkish_upper(words)), words
    assert find_secrets(words.upper()), words  # and with Python's own upper()


@pytest.mark.parametrize("seed", range(5))
def test_numbered_phrase_in_two_columns(seed: int) -> None:
    words = phrase("english", 256, seed).split()
    rows = [f"{i + 1:>2}. {words[i]:<10} {i + 13:>2}. {words[i + 12]}" for i in range(12)]
    text = "My backup:\n" + "\n".join(rows) + "\nend"
    (match,) = find_secrets(text)
    assert match.kind == "mnemonic"
    assert text[match.start : match.end].startswith(words[0])
    assert text[match.end :] == "\nend"


def test_numbered_words_that_are_not_a_phrase() -> None:
    words = phrase("english", 128, 3).split()
    words[4] = words[5]  # the checksum no longer holds
    assert find_secrets("\n".join(f"{i + 1}) {w}" for i, w in enumerate(words))) == []
    assert find_secrets("We have 2 cats, 3 dogs and 1 fish; room 12 is free.") == []


def test_warm_up_loads_everything_once() -> None:
    code = (
        "from checks import secrets\n"
        "print(secrets.is_warm())\n"
        "secrets.warm_up()\n"
        "print(secrets.is_warm())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert result.stdout.split() == ["False", "True"]
