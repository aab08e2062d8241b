"""Offline search over the help articles, in English and Chinese, as you type.

Chinese is written without spaces, so words cannot be split on white space.
Like most CJK search engines we index characters and overlapping character
pairs (bigrams): "冻结" is found in "资产被冻结了" without a dictionary.
Latin text is split into words; a query word matches every indexed word it
begins ("appro" finds "approval", "revoking" finds "revoke") so results
appear after a few keystrokes.

The index is built once per language (:class:`SearchIndex`); a query is a
handful of dictionary look-ups and a bisection, well under a millisecond on
the whole corpus (see ``tests/test_help_search.py``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Where a word was found counts: a match in the title says more than one in the body.
WEIGHTS: Mapping[str, float] = {"title": 6.0, "keywords": 5.0, "answer": 3.0, "extra": 2.0}
BODY_WEIGHT = 1.0
_CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and are as at be by can do does for from how i if in is it me my of on or so "
    "the to what when where who why will with you your".split()
)
_SUFFIXES = ("ing", "ed", "es", "s")


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), then case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def stem(word: str) -> str:
    """A crude English stem, used only as a prefix: "revoking" → "revok"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(normalise(text)) if w not in _STOP]


def cjk_terms(text: str, *, unigrams: bool) -> list[str]:
    """Bigrams of each run of Chinese characters (and single characters if asked)."""
    terms: list[str] = []
    for run in _CJK_RUN.findall(normalise(text)):
        if unigrams or len(run) == 1:
            terms += list(run)
        terms += [run[i : i + 2] for i in range(len(run) - 1)]
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


class SearchIndex:
    """An inverted index over a few dozen articles of one language."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._latin: dict[str, dict[str, float]] = {}
        self._cjk: dict[str, dict[str, float]] = {}
        for entry in entries:
            for name, text in entry.fields.items():
                weight = WEIGHTS.get(name, BODY_WEIGHT)
                for word in set(words(text)):
                    self._add(self._latin, word, entry.id, weight)
                for term in set(cjk_terms(text, unigrams=True)):
                    self._add(self._cjk, term, entry.id, weight)
        self._sorted = sorted(self._latin)

    @staticmethod
    def _add(table: dict[str, dict[str, float]], term: str, doc: str, weight: float) -> None:
        postings = table.setdefault(term, {})
        postings[doc] = postings.get(doc, 0.0) + weight

    def _latin_postings(self, query_word: str) -> dict[str, float]:
        """Best weight per article among indexed words that start with the query's stem."""
        prefix = stem(query_word)
        if len(prefix) < 2:
            return dict(self._latin.get(prefix, {}))
        found: dict[str, float] = {}
        start = bisect.bisect_left(self._sorted, prefix)
        for word in self._sorted[start:]:
            if not word.startswith(prefix):
                break
            exact = 1.0 if word == query_word else 0.8
            for doc, weight in self._latin[word].items():
                found[doc] = max(found.get(doc, 0.0), weight * exact)
        return found

    def search(self, query: str) -> list[Hit]:
        """Articles matching ``query``, best first: most query terms matched, then score."""
        postings: list[Mapping[str, float]] = [self._latin_postings(w) for w in words(query)]
        postings += [self._cjk.get(t, {}) for t in cjk_terms(query, unigrams=False)]
        scores: dict[str, float] = {}
        matched: dict[str, int] = {}
        for table in postings:
            for doc, weight in table.items():
                scores[doc] = scores.get(doc, 0.0) + weight
                matched[doc] = matched.get(doc, 0) + 1
        hits = [Hit(doc, scores[doc], matched[doc]) for doc in scores]
        return sorted(hits, key=lambda h: (-h.matched, -h.score, h.id))

