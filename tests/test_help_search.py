"""Help search: English and Chinese, as you type, offline and fast."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.help import load_help
from checks.help_search import Entry, SearchIndex, cjk_terms, normalise, stem

LIBRARY = load_help()


def top(query: str, language: str) -> str | None:
    found = LIBRARY.search(query, language)
    return found[0].id if found else None


def keystrokes_to_find(word: str, article_id: str, language: str) -> int:
    """How many characters of ``word`` must be typed before the article comes first."""
    for count in range(1, len(word) + 1):
        if top(word[:count], language) == article_id:
            return count
    raise AssertionError(f"{word!r} never brings {article_id} to the top")


@pytest.mark.parametrize(
    ("word", "article_id", "language", "within"),
    [
        ("冻结", "freeze-refund", "zh_CN", 2),
        ("恢复", "seed-exposed", "zh_CN", 2),
        ("approval", "token-approvals", "en", 4),
        ("revoke", "token-approvals", "en", 4),
        ("授权", "token-approvals", "zh_CN", 2),
        ("compensation", "support-wait", "en", 5),
        ("赔偿", "support-wait", "zh_CN", 2),
        ("报警", "report-theft", "zh_CN", 2),
        ("vpn", "public-wifi-vpn", "en", 2),
        ("UTC", "evidence-utc", "en", 3),
    ],
)
def test_the_right_article_comes_first_within_a_few_keystrokes(
    word: str, article_id: str, language: str, within: int
) -> None:
    assert keystrokes_to_find(word, article_id, language) <= within


@pytest.mark.parametrize(
    ("query", "article_id", "language"),
    [
        ("USDT 冻结", "freeze-refund", "zh_CN"),
        ("交易哈希", "evidence-utc", "zh_CN"),
        ("改了密码 钱包恢复", "seed-exposed", "zh_CN"),
        ("假客服 要助记词", "recovery-scams", "zh_CN"),
        ("每月换密码", "passwords-2fa", "zh_CN"),
        ("公共wifi", "public-wifi-vpn", "zh_CN"),
        ("删除数据", "app-data-privacy", "zh_CN"),
        ("客服多久回复", "support-wait", "zh_CN"),
        ("change my password every month", "passwords-2fa", "en"),
        ("tx hash", "evidence-utc", "en"),
        ("fee to recover my coins", "recovery-scams", "en"),
        ("revoking permissions", "token-approvals", "en"),
        ("ＡＰＰＲＯＶＡＬ", "token-approvals", "en"),  # full-width letters from a Chinese keyboard
        ("SIM swap", "passwords-2fa", "en"),
        ("hardware wallet", "hot-cold-hardware", "en"),
        ("delete my data", "app-data-privacy", "en"),
        ("IC3", "report-theft", "en"),
        ("bitlocker", "device-basics", "en"),
    ],
)
def test_questions_people_type_find_their_article(query: str, article_id: str, language: str):
    assert top(query, language) == article_id


def test_no_query_or_no_match_finds_nothing() -> None:
    assert LIBRARY.search("", "en") == []
    assert LIBRARY.search("   ", "zh_CN") == []
    assert LIBRARY.search("zzzzqqq", "en") == []


def test_chinese_is_split_into_characters_and_pairs() -> None:
    assert cjk_terms("钱包被冻结", unigrams=False) == ["钱包", "包被", "被冻", "冻结"]
    assert cjk_terms("冻", unigrams=False) == ["冻"]
    assert set(cjk_terms("冻结", unigrams=True)) == {"冻", "结", "冻结"}
    assert cjk_terms("USDT 冻结了", unigrams=False) == ["冻结", "结了"]


def test_words_are_normalised_and_stemmed_for_prefix_matching() -> None:
    assert normalise("ＵＳＤＴ") == "usdt"
    assert stem("revoking") == "revok" and stem("approvals") == "approval"
    assert stem("gas") == "gas"  # too short to strip


def test_search_is_fast_on_the_whole_corpus(capsys) -> None:
    entries = [
        Entry(a.id, {"title": a.title, "answer": a.answer, "keywords": " ".join(a.keywords)})
        for a in LIBRARY.articles("zh_CN")
    ]
    started = time.perf_counter()
    for _ in range(20):
        SearchIndex(entries)
    build_ms = (time.perf_counter() - started) / 20 * 1000
    LIBRARY.index("en"), LIBRARY.index("zh_CN")  # built once, then kept
    queries = ["冻结", "approval", "恢复", "改了密码 钱包恢复", "tx hash", "a", "钱"] * 100
    started = time.perf_counter()
    for index, query in enumerate(queries):
        LIBRARY.search(query, "zh_CN" if index % 2 else "en")
    per_query_ms = (time.perf_counter() - started) / len(queries) * 1000
    with capsys.disabled():
        print(f"\nhelp search: index built in {build_ms:.2f} ms, {per_query_ms:.3f} ms a query")
    assert per_query_ms < 5  # as you type means well under a frame (16 ms)
    assert LIBRARY.index("en") is LIBRARY.index("en")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_valid_query(query: str) -> None:
    for language in ("en", "zh_CN"):
        found = LIBRARY.search(query, language)
        assert {a.id for a in found} <= set(LIBRARY.ids)
        assert all(a.language == language for a in found)
