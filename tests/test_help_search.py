"""Help search: English and Chinese, as you type, offline and fast."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.help import load_help
from checks.help.search import Entry, SearchIndex, cjk_terms, normalise, stem

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
        ("SIM swap", "exchange-hacked", "en"),  # the theft scenario (issue 17)
        ("carrier PIN", "passwords-2fa", "en"),
        ("SEAL 911", "recovery-scams", "en"),
        ("permit2", "signed-permit", "en"),
        ("EIP-7702", "signed-permit", "en"),
        ("address poisoning", "address-poisoning", "en"),
        ("clipboard", "clipboard-hijacker", "en"),
        ("fake hardware wallet", "fake-hardware-wallet", "en"),
        ("客服电话", "official-or-fake", "zh_CN"),
        ("钱包客服热线", "official-or-fake", "zh_CN"),
        ("安全账户", "fake-police", "zh_CN"),
        ("向日葵", "remote-control", "zh_CN"),
        ("多签 转不出去", "tron-permissions", "zh_CN"),
        ("卖U 银行卡冻结", "china-mainland", "zh_CN"),
        ("96110", "china-mainland", "zh_CN"),
        ("投毒", "address-poisoning", "zh_CN"),
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
    assert cjk_terms("USDT 冻结了", unigrams=False) == ["冻结"]  # 了 ends the word


def test_question_words_and_particles_are_not_searched() -> None:
    """如何, 我的, 是否 … are in every question; pairs across them (何有, 的账) mean nothing."""
    assert cjk_terms("如何有效收集证据", unigrams=False) == ["有效", "效收", "收集", "集证", "证据"]
    assert cjk_terms("怎样确认我的账户是否已经完全恢复", unigrams=False) == [
        "确认",
        "账户",
        "完全",
        "全恢",
        "恢复",
    ]
    assert cjk_terms("被盗后我应该做些什么", unigrams=False) == ["被盗", "盗后"]
    assert cjk_terms("怎么办", unigrams=False) == []


def test_a_rare_term_outweighs_terms_most_articles_have() -> None:
    """Ranking by how many query terms match would put an article with the two
    common words (钱包, 客服) first; weighted by rarity (IDF), the one with 立案 wins."""
    entries = [Entry(i, {"title": "钱包 客服", "body": "钱包被盗 客服"}) for i in "acd"]
    entries.append(Entry("b", {"title": "立案", "body": "报警"}))
    assert SearchIndex(entries).search("钱包 客服 立案")[0].id == "b"
    # …and a term in the title outweighs the same term in another article's body.
    index = SearchIndex(
        [Entry("t", {"title": "证据", "body": "x"}), Entry("u", {"title": "y", "body": "证据"})]
    )
    assert [hit.id for hit in index.search("证据")] == ["t", "u"]


# Whole questions, as people type them (many from ../shared/seeds/): the right
# article first, or among the first three where two articles answer it.
WHOLE_QUESTIONS_TOP_1 = [
    ("怎样确认我的账户是否已经完全恢复", "seed-exposed", "zh_CN"),
    ("被盗后我应该做些什么", "just-robbed", "zh_CN"),
    ("如何有效收集证据", "evidence-utc", "zh_CN"),
    ("如何有效收集证据来支持自己的权益？", "evidence-utc", "zh_CN"),
    ("客服电话", "official-or-fake", "zh_CN"),
    ("立案", "china-mainland", "zh_CN"),  # filing a police case, where people are told how
    ("如果我的账户被黑客攻击，我应该怎么做？", "just-robbed", "zh_CN"),
    ("钱包被盗怎么办", "just-robbed", "zh_CN"),
    ("tpWallet是否会对被盗资产进行赔偿？", "support-wait", "zh_CN"),
    ("客服服务的工作时间是怎样的？", "support-wait", "zh_CN"),
    ("IM数字钱包的客服服务时间是什么时候？", "support-wait", "zh_CN"),
    ("如果客服不处理，应该怎么办？", "support-wait", "zh_CN"),
    ("如果B特派客服处理不当，我该怎么办？", "support-wait", "zh_CN"),
    ("如何更好地与客服沟通以提高问题解决的效率？", "support-wait", "zh_CN"),
    ("如何选择安全的钱包以避免被盗？", "hot-cold-hardware", "zh_CN"),
    ("我应该如何防止再次被盗？", "seed-exposed", "zh_CN"),
    ("I was just robbed, what now?", "just-robbed", "en"),
    ("my wallet was hacked, what do I do", "just-robbed", "en"),
    ("what should I do after a theft", "just-robbed", "en"),
    ("get my money back", "freeze-refund", "en"),
    ("refund", "freeze-refund", "en"),
    ("support phone number", "official-or-fake", "en"),
    ("police report", "report-theft", "en"),
]
WHOLE_QUESTIONS_TOP_3 = [
    ("账户被盗后可以追回损失吗？", "freeze-refund", "zh_CN"),
    ("tpWallet是否会对被盗资产进行赔偿？", "freeze-refund", "zh_CN"),
    ("如何提升tpWallet账户的安全性？", "passwords-2fa", "zh_CN"),
    ("get my money back", "freeze-refund", "en"),
    ("can support freeze the thief's address", "freeze-refund", "en"),
]


@pytest.mark.parametrize(("query", "article_id", "language"), WHOLE_QUESTIONS_TOP_1)
def test_whole_questions_find_their_article_first(query: str, article_id: str, language: str):
    assert top(query, language) == article_id


@pytest.mark.parametrize(("query", "article_id", "language"), WHOLE_QUESTIONS_TOP_3)
def test_whole_questions_find_their_article_in_the_top_three(
    query: str, article_id: str, language: str
):
    assert article_id in [a.id for a in LIBRARY.search(query, language)[:3]]


def test_words_are_normalised_and_stemmed_for_prefix_matching() -> None:
    assert normalise("ＵＳＤＴ") == "usdt"
    assert stem("revoking") == "revok" and stem("approvals") == "approval"
    assert stem("gas") == "gas"  # too short to strip


def test_a_query_reads_only_its_own_terms(monkeypatch) -> None:
    """Typing searches with look-ups, not a scan: the index is built once per
    language, and a query makes one posting look-up per word it holds (the time
    per query is `python -m bench`, row 8c)."""
    LIBRARY.index("en"), LIBRARY.index("zh_CN")
    built: list[int] = []
    real_init = SearchIndex.__init__
    monkeypatch.setattr(
        SearchIndex, "__init__", lambda self, entries: built.append(1) or real_init(self, entries)
    )
    visited = {"words": 0}
    real_postings = SearchIndex._latin_postings

    def postings(self, word):
        found = real_postings(self, word)
        visited["words"] += 1
        return found

    monkeypatch.setattr(SearchIndex, "_latin_postings", postings)
    queries = ["冻结", "approval", "恢复", "改了密码 钱包恢复", "tx hash", "a", "钱"] * 100
    for number, query in enumerate(queries):
        LIBRARY.search(query, "zh_CN" if number % 2 else "en")
    assert built == []  # both indexes were kept
    assert LIBRARY.index("en") is LIBRARY.index("en")
    words = sum(len(normalise(q).split()) for q in queries)
    assert visited["words"] <= words  # one posting look-up per query word, no more
    index = LIBRARY.index("en")
    assert len(index._sorted) > 50  # … among many indexed words


@settings(max_examples=200)
@given(st.text(max_size=60))
def test_any_text_is_a_valid_query(query: str) -> None:
    for language in ("en", "zh_CN"):
        found = LIBRARY.search(query, language)
        assert {a.id for a in found} <= set(LIBRARY.ids)
        assert all(a.language == language for a in found)


@pytest.mark.parametrize(
    ("query", "article_id", "language"),
    [
        ("冻结", "freeze-refund", "en"),  # the English window's own hint suggests it
        ("赔偿", "support-wait", "en"),
        ("助记词", "seed-exposed", "en"),
        ("refund", "freeze-refund", "zh_CN"),
        ("approval", "token-approvals", "zh_CN"),
    ],
)
def test_search_finds_articles_in_either_language_and_shows_the_ui_language(
    query: str, article_id: str, language: str
) -> None:
    found = LIBRARY.search(query, language)
    assert found, query
    assert article_id in [article.id for article in found[:3]]
    assert {article.language for article in found} == {language}
    # Each language's own index alone does not find it: the search crossed over.
    assert article_id not in [hit.id for hit in LIBRARY.index(language).search(query)[:3]]
