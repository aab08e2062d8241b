"""Offline search over the help articles, in English and Chinese, as you type.

Terms. Chinese is written without spaces, so words cannot be split on white
space. Like most CJK search engines we index characters and overlapping
character pairs (bigrams): "冻结" is found in "资产被冻结了" without a
dictionary. Before pairing, the little words every question has are taken
out (:data:`STOP_PHRASES` — 如何, 怎么办, 什么, 我的 … — and particles such as
的, 了, 吗), so "如何有效收集证据" is searched as 有效 · 收集 · 证据 and not
by 何有 or 效收, pairs that straddle two words. Latin text is split into
words; a query word matches every indexed word it begins ("appro" finds
"approval", "revoking" finds "revoke") so results appear after a few
keystrokes.

Ranking. Counting matching pairs ranks a whole question badly: the pairs a
question shares with every article (客服, 钱包, 被盗) outvote the one that
says what it is about (证据, 立案). So each term is scored with BM25
(Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and
Beyond", 2009): weighted by how rare it is among the articles (inverse
document frequency), with a term found again and again in one long body
adding less and less. Each field is scored on its own and the fields are
added up with :data:`WEIGHTS`, so a word in an article's title or keywords
(where aliases such as 立案 or "money back" live) outweighs a rare word met
once in another article's body.

The index is built once per language (:class:`SearchIndex`); a query is a
handful of dictionary look-ups and a bisection (its time on the whole
corpus: bench/RESULTS.md, 8c).
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Where a term was found counts: a match in the title says more than one in the body.
WEIGHTS: Mapping[str, float] = {
    "title": 4.0,
    "keywords": 4.0,
    "answer": 2.0,
    "extra": 1.0,
    "body": 1.0,
}
BODY_WEIGHT = 1.0  # any other field
# BM25 length normalisation per field: a long body is normalised, a title hardly.
LENGTH_B: Mapping[str, float] = {"title": 0.3, "keywords": 0.2, "answer": 0.5}
BODY_B = 0.75
K1 = 1.2
PREFIX_MATCH = 0.8  # "appro" → "approval" counts a little less than the word itself
# Bounded work on any input: NFKC can make a text 18 times longer (U+FDFA), so
# texts are cut *before* they are normalised, and again after.
MAX_QUERY = 200  # characters of a query looked at (a search box, not a document)
MAX_TEXT = 50_000  # of any text (the longest article field is ~2,500)

_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and are as at be by can do does for from get got how i if in is it me my of on or so "
    "the to what when where who why will with you your".split()
)
_SUFFIXES = ("ing", "ed", "es", "s")

# Function words of questions, longest first: replaced by a space before pairing.
STOP_PHRASES: tuple[str, ...] = tuple(
    sorted(
        (
            "怎么办 怎么样 为什么 是不是 能不能 会不会 有没有 做些什么 有哪些 是什么 "
            "如何 怎么 怎样 什么 哪些 应该 可以 能否 是否 已经 如果 请问 一下 一些 "
            "我的 我们 您的 你的 他们 自己 这个 那个 这些 那些 以及 还是 或者 并且 "
            "需要 我该 我应该"
        ).split(),
        key=len,
        reverse=True,
    )
)
# Particles that end a word: never half of a pair.
BREAK_CHARS = frozenset("的了吗呢吧啊呀么")
# Pairs that say nothing on their own, whatever is left of them.
STOP_BIGRAMS = frozenset("如何 怎么 怎样 什么 我的 应该 可以 已经 是否 一个 能否 请问".split())


def normalise(text: str, limit: int = MAX_TEXT) -> str:
    """NFKC (full-width letters and digits become ASCII), then case-folded; at
    most ``limit`` characters in and out."""
    return unicodedata.normalize("NFKC", text[:limit])[:limit].casefold()[:limit]


def stem(word: str) -> str:
    """A crude English stem, used only as a prefix: "revoking" → "revok"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(normalise(text)) if w not in _STOP]


def _cjk_runs(text: str) -> list[str]:
    """Runs of Chinese characters with question words and particles taken out."""
    text = normalise(text)
    for phrase in STOP_PHRASES:
        text = text.replace(phrase, " ")
    text = "".join(" " if char in BREAK_CHARS else char for char in text)
    return _CJK_RUN.findall(text)


def cjk_terms(text: str, *, unigrams: bool) -> list[str]:
    """Bigrams of each run of Chinese characters (and single characters if asked)."""
    terms: list[str] = []
    for run in _cjk_runs(text):
        if unigrams or len(run) == 1:
            terms += list(run)
        terms += [pair for i in range(len(run) - 1) if (pair := run[i : i + 2]) not in STOP_BIGRAMS]
    return terms


@dataclass(frozen=True)
class Entry:
    """What gets indexed for one article: its id and text by field."""

    id: str
    fields: Mapping[str, str]  # "title", "keywords", "answer", "extra", "body"


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    matched: int  # how many of the query's terms this article contains


def _idf(documents: int, frequency: int) -> float:
    """BM25's inverse document frequency, never negative."""
    return math.log(1.0 + (documents - frequency + 0.5) / (frequency + 0.5))


class SearchIndex:
    """An inverted index over a few dozen articles of one language, scored with BM25."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        counted: list[tuple[str, str, Counter[str], Counter[str], int]] = []
        lengths: dict[str, list[int]] = {}
        for entry in entries:
            for name, text in entry.fields.items():
                latin = Counter(words(text))
                cjk = Counter(cjk_terms(text, unigrams=True))
                length = sum(latin.values()) + sum(cjk.values())
                counted.append((entry.id, name, latin, cjk, length))
                lengths.setdefault(name, []).append(length)
        average = {name: (sum(ls) / len(ls)) or 1.0 for name, ls in lengths.items()}
        # term → article → Σ over fields of (field weight × BM25 term-frequency part)
        latin_tf: dict[str, dict[str, float]] = {}
        cjk_tf: dict[str, dict[str, float]] = {}
        for doc, name, latin, cjk, length in counted:
            b = LENGTH_B.get(name, BODY_B)
            weight = WEIGHTS.get(name, BODY_WEIGHT)
            norm = K1 * (1 - b + b * length / average[name])
            for table, counts in ((latin_tf, latin), (cjk_tf, cjk)):
                for term, count in counts.items():
                    postings = table.setdefault(term, {})
                    part = weight * count * (K1 + 1) / (count + norm)
                    postings[doc] = postings.get(doc, 0.0) + part
        total = len(entries)
        self._latin = {term: self._scored(p, total) for term, p in latin_tf.items()}
        self._cjk = {term: self._scored(p, total) for term, p in cjk_tf.items()}
        self._sorted = sorted(self._latin)

    @staticmethod
    def _scored(postings: Mapping[str, float], documents: int) -> dict[str, float]:
        """Each article's weighted frequency part times the term's rarity."""
        idf = _idf(documents, len(postings))
        return {doc: idf * part for doc, part in postings.items()}

    def _latin_postings(self, query_word: str) -> dict[str, float]:
        """Best score per article among indexed words that start with the query's stem."""
        prefix = stem(query_word)
        if len(prefix) < 2:
            return dict(self._latin.get(prefix, {}))
        found: dict[str, float] = {}
        start = bisect.bisect_left(self._sorted, prefix)
        for word in self._sorted[start:]:
            if not word.startswith(prefix):
                break
            factor = 1.0 if word == query_word else PREFIX_MATCH
            for doc, score in self._latin[word].items():
                found[doc] = max(found.get(doc, 0.0), score * factor)
        return found

    def search(self, query: str) -> list[Hit]:
        """Articles matching ``query`` (its first :data:`MAX_QUERY` characters),
        best first (highest score, then id)."""
        query = normalise(query, MAX_QUERY)
        terms = dict.fromkeys(words(query))  # each term once, in order
        postings: list[Mapping[str, float]] = [self._latin_postings(w) for w in terms]
        postings += [self._cjk.get(t, {}) for t in dict.fromkeys(cjk_terms(query, unigrams=False))]
        scores: dict[str, float] = {}
        matched: dict[str, int] = {}
        for table in postings:
            for doc, score in table.items():
                scores[doc] = scores.get(doc, 0.0) + score
                matched[doc] = matched.get(doc, 0) + 1
        hits = [Hit(doc, scores[doc], matched[doc]) for doc in scores]
        return sorted(hits, key=lambda h: (-h.score, h.id))
