"""The glossary (resources/glossary.json) holds for every Chinese text we ship.

A frightened reader must meet one word for one thing: 助记词, never 恢复词 in
one place and 种子短语 in another. The glossary says which Chinese word an
English term gets; these tests check the translation catalogue and the help
articles against it, and keep out sentences that read as translated.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

import pytest
from babel.messages.pofile import read_po

from checks.help.data import read_files

QUOTED = re.compile(r"“[^”]*”")  # a word in quotes names what someone else says
PO = files("resources").joinpath("locale/zh_CN/LC_MESSAGES/wallet_checkup.po")


def _glossary() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        files("resources").joinpath("glossary.json").read_text(encoding="utf-8")
    )
    return data


TERMS = _glossary()["terms"]


def _messages() -> list[tuple[str, str]]:
    """(English, Chinese) of every translated message, plurals joined."""
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    pairs = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs.append((" ".join(ids), " ".join(strings)))
    return pairs


MESSAGES = _messages()


def _article_bodies() -> dict[str, str]:
    """Chinese help articles without their search keywords (people search with any word)."""
    texts, myths = read_files()
    bodies = {
        path: "\n".join(line for line in text.splitlines() if not line.startswith("keywords:"))
        for path, text in texts.items()
        if path.startswith("zh_CN/")
    }
    bodies["myths.json"] = myths
    return bodies


def test_the_glossary_is_complete_and_bilingual() -> None:
    ids = [term["id"] for term in TERMS]
    assert len(ids) == len(set(ids))
    assert {"seed_phrase", "private_key", "token_approval", "two_factor", "passphrase"} <= set(ids)
    assert {"panic_mode", "sweeper", "signing", "carrier_pin"} <= set(ids)
    for term in TERMS:
        assert term["en"] and term["zh_CN"] and term["zh_required"]
        assert term["note"]["en"] and re.search(r"[\u4e00-\u9fff]", term["note"]["zh_CN"])
        re.compile(term["en_pattern"])
        assert any(word in term["zh_CN"] for word in term["zh_required"]), term["id"]
    by_id = {term["id"]: term for term in TERMS}
    assert by_id["seed_phrase"]["zh_CN"] == "助记词"
    assert by_id["two_factor"]["zh_CN"] == "双重验证（2FA）"
    assert by_id["sweeper"]["zh_CN"] == "盗币机器人（扫币程序）"
    assert by_id["carrier_pin"]["zh_CN"] == "运营商服务密码"


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t["id"])
def test_every_translation_uses_the_glossary_word(term: dict[str, Any]) -> None:
    pattern = re.compile(term["en_pattern"], re.IGNORECASE)
    wrong = [
        (english, chinese)
        for english, chinese in MESSAGES
        if pattern.search(english) and not any(w in chinese for w in term["zh_required"])
    ]
    assert wrong == [], f"use {term['zh_required']} for {term['en']!r}"


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t["id"])
def test_no_chinese_text_uses_an_avoided_word(term: dict[str, Any]) -> None:
    texts = [chinese for _english, chinese in MESSAGES] + list(_article_bodies().values())
    for word in term["zh_avoid"]:
        found = [text[:80] for text in texts if word in QUOTED.sub("", text)]
        assert found == [], f"{word!r} should be {term['zh_CN']!r}"


def test_an_avoided_word_in_quotes_names_what_others_say() -> None:
    """The quote rule is what lets an article say “DApp 授权” is only a connection list."""
    assert "两步验证" not in QUOTED.sub("", "找到“两步验证”“双重验证”或“2FA”")
    assert "恢复词" in QUOTED.sub("", "这看起来是助记词（恢复词）。")


@pytest.mark.parametrize(
    "sentence",
    [
        "任何人都无法通过收费撤回",  # reads as translated: "nobody can reverse … for a fee"
        "是另一个网站",
        "（恢复短语）",
        "（恢复词）",
        "向可靠的专业人士求助",  # "get expert help" with nothing named: a recovery scammer's ad
    ],
)
def test_translated_sounding_sentences_are_gone(sentence: str) -> None:
    texts = [chinese for _english, chinese in MESSAGES] + list(_article_bodies().values())
    assert [text[:80] for text in texts if sentence in text] == []


def test_chinese_texts_use_full_width_punctuation() -> None:
    """A comma, colon or semicolon between Chinese characters is the full-width one."""
    half = re.compile(r"[\u4e00-\u9fff][,;:!?][\u4e00-\u9fff]")
    texts = [chinese for _english, chinese in MESSAGES] + list(_article_bodies().values())
    assert [half.search(text).group(0) for text in texts if half.search(text)] == []


def test_chinese_texts_address_the_reader_one_way() -> None:
    """The app says 您 to a reader who may be frightened, everywhere: a screen that
    switches to 你 reads as written by someone else (the scan's texts once did)."""
    texts = [chinese for _english, chinese in MESSAGES] + list(_article_bodies().values())
    casual = re.compile(r"你(?!们)")
    assert [text[:80] for text in texts if casual.search(QUOTED.sub("", text))] == []
