"""Find BIP-39 seed phrases in free text, fast, without flagging prose.

Used by :mod:`checks.secrets`; returns character spans only.

Words (every wordlist but Chinese)
    A phrase is 12/15/18/21/24 wordlist words, in any case, separated by
    spaces, commas, new lines or numbering ("1. abandon 2) ability 3、…").
    Every window of a valid length inside a longer run of wordlist words
    is checked, so a phrase inside a sentence is found.  The checksum must
    hold (1 in 16 for 12 random words, 1 in 256 for 24).  English prose
    almost never has 12 wordlist words in a row: "the", "a", "of", "is"
    and most short words are not in the list.

Chinese
    Each word is one character, and the Chinese lists are the 2048 most
    frequent characters, so most clauses of Chinese prose are runs of
    wordlist characters and one run of 12 in 16 passes the checksum.
    Characters each set apart (spaces, commas, numbering) are treated like
    words.  Characters written together must also *look random*: hardly
    any adjacent pair forms a common word (:mod:`checks.secrets.zh_words`), and
    the characters are not mostly very frequent ones (mean ln(1 + index)
    at least 5.3; random phrases average 6.6, prose 4.8).  A random phrase
    fails these tests about 2 times in 1000 for 12 characters and almost
    never for 15 or more; no window of the seed articles passes them.

Speed: the text is scanned by C-level regular expressions and ``map``;
Python loops run only around candidates: a 1 MB paste takes well under 0.2 s.
"""

from __future__ import annotations

import hashlib
import math
import operator
import re
import sys
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, islice, pairwise, repeat

PHRASE_LENGTHS = (12, 15, 18, 21, 24)

#: Letters of every non-Chinese BIP-39 wordlist: Latin with accents (and
#: combining accents, for decomposed text), Cyrillic, kana, Hangul
#: syllables and jamo, full-width Latin.  U+FFFD too: mnemonic 0.21's
#: russian.txt has a word with two broken bytes, and phrases it generates
#: can contain it.
_LETTERS = (
    "A-Za-z\u00c0-\u024f\u0300-\u036f\u0400-\u04ff\u1100-\u11ff\u3040-\u30ff"
    "\uac00-\ud7af\uff21-\uff3a\uff41-\uff5a\ufffd"
)
_WORD = re.compile(f"[{_LETTERS}]+")
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SEPARATOR_CHARS = "\\s,，、;；|/·・\"'“”‘’\\[\\]\u200b-\u200d\ufeff"
#: Characters that can be part of a gap between two words (see _GAP).
_GAP_CHARS = _SEPARATOR_CHARS + "0-9#№(（)）.．:：\\-–—•*"
#: A valid gap: separators, and numbering such as "2.", "2)", "(2)", "2、",
#: "#2", "2:" or a bullet.
_GAP = re.compile(
    f"[{_SEPARATOR_CHARS}]*"
    f"(?:(?:[#№(（]?\\d{{1,2}}[.．)）\\]、:：\\-]?|[-–—•*])[{_SEPARATOR_CHARS}]*)?"
)


def find_phrases(text: str) -> list[tuple[int, int]]:
    """Spans of valid phrases (overlapping windows are all returned)."""
    return [*_word_phrases(text), *_numbered_phrases(text), *_hanzi_phrases(text)]


def warm_up() -> None:
    """Build the word lists and patterns now (bench/RESULTS.md, 6) instead of on first use."""
    lexicon()
    _hanzi()


def is_warm() -> bool:
    """True once :func:`warm_up` (or a first search) has built everything."""
    return lexicon.cache_info().currsize > 0 and _hanzi.cache_info().currsize > 0


def checksum_ok(indices: Sequence[int]) -> bool:
    """BIP-39: the last n/3 bits are the first bits of SHA-256(entropy)."""
    bits = 0
    for index in indices:
        bits = bits << 11 | index
    checksum_bits = len(indices) // 3
    entropy = (bits >> checksum_bits).to_bytes((len(indices) * 11 - checksum_bits) // 8, "big")
    expected = hashlib.sha256(entropy).digest()[0] >> (8 - checksum_bits)
    return expected == bits & ((1 << checksum_bits) - 1)


# --- wordlists ------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    #: Spelling (lower case; NFC, NFD, accent-free, full-width) → (language, index) pairs.
    lookup: dict[str, tuple[tuple[int, int], ...]]
    languages: tuple[str, ...]
    wordlists: tuple[tuple[str, ...], ...]


def _fold(word: str) -> str:
    """Lower case without accents (BIP-39 French and Spanish words stay unique)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("ı", "i"))


_FULLWIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


@cache
def lexicon() -> Lexicon:
    """Every wordlist the ``mnemonic`` package ships, loaded on first use."""
    from mnemonic import Mnemonic  # imported late: keeps app start-up fast

    languages = tuple(sorted(Mnemonic.list_languages()))
    wordlists = tuple(tuple(Mnemonic(language).wordlist) for language in languages)
    lookup: dict[str, list[tuple[int, int]]] = {}
    for number, words in enumerate(wordlists):
        if languages[number].startswith("chinese"):
            continue  # one character per word: see _hanzi_phrases
        spellings: dict[str, set[int]] = {}
        for index, word in enumerate(words):
            forms = {unicodedata.normalize(f, word).lower() for f in ("NFC", "NFD")}
            forms |= {form.replace("ı", "i") for form in forms}  # Turkish "I" lowers to "i"
            forms.add(_fold(word))
            if word.isascii():
                forms.add(word.translate(_FULLWIDTH))
            for form in forms:
                spellings.setdefault(form, set()).add(index)
        for form, indices in spellings.items():
            if len(indices) == 1:  # an accent-free spelling shared by two words is dropped
                lookup.setdefault(form, []).append((number, indices.pop()))
    return Lexicon({k: tuple(v) for k, v in lookup.items()}, languages, wordlists)


# --- words ----------------------------------------------------------------------


def _turkish_safe(text: str) -> str:
    """``text`` with "İ" as "I", same length: ``str.lower`` makes "İ" an "i" plus a
    combining dot, which no wordlist has; "I" lowers to "i", and every word with
    "ı" is also listed with "i" in its place (:func:`lexicon`)."""
    return text.replace("\u0130", "I")


def _word_phrases(text: str) -> Iterable[tuple[int, int]]:
    lookup = lexicon().lookup
    # Lowered token by token: lowering the text first could change which
    # characters are letters ("Ⱥ" → "ⱥ") and so the token numbers.
    tokens = list(map(str.lower, _WORD.findall(_turkish_safe(text))))
    known = bytes(map(lookup.__contains__, tokens))
    runs = [match.span() for match in re.finditer(rb"\x01{12,}", known)]
    if not runs:
        return
    spans: dict[int, tuple[int, int]] = {}
    wanted = {index for first, end in runs for index in range(first, end)}
    for index, match in enumerate(islice(_WORD.finditer(text), runs[-1][1])):
        if index in wanted:
            spans[index] = match.span()
    for first, end in runs:
        start = first
        for last in range(first, end):  # cut the run where a gap is not a separator
            if last + 1 < end and _GAP.fullmatch(text, spans[last][1], spans[last + 1][0]):
                continue
            if last + 1 - start >= PHRASE_LENGTHS[0]:
                entries = [lookup[tokens[i]] for i in range(start, last + 1)]
                for begin, stop in _windows(entries):
                    yield spans[start + begin][0], spans[start + stop - 1][1]
            start = last + 1


def _windows(entries: Sequence[tuple[tuple[int, int], ...]]) -> Iterable[tuple[int, int]]:
    """Token ranges [begin, stop) that are valid phrases in one language."""
    for language in {number for entry in entries for number, _ in entry}:
        indices = [dict(entry).get(language, -1) for entry in entries]
        yield from _valid_windows(indices, 0)


def _valid_windows(indices: Sequence[int], offset: int) -> Iterable[tuple[int, int]]:
    """Every window of a phrase length, within stretches free of -1, with a valid checksum."""
    begin = 0
    for position in range(len(indices) + 1):
        if position == len(indices) or indices[position] < 0:
            stretch = indices[begin:position]
            for length in PHRASE_LENGTHS:
                for start in range(len(stretch) - length + 1):
                    if checksum_ok(stretch[start : start + length]):
                        yield offset + begin + start, offset + begin + start + length
            begin = position + 1


#: "7. word", "7) word", "(7) word", "7、word", "#7 word", "7: word", "7 word": the
#: number, not preceded by a letter or digit (so not inside hex), then the word.
_NUMBERED = re.compile(
    f"(?<![0-9{_LETTERS}])(\\d{{1,2}})[.．)）\\]、:：\\-]?[{_SEPARATOR_CHARS}]*([{_LETTERS}]+)"
)


def _numbered_phrases(text: str) -> Iterable[tuple[int, int]]:
    """A phrase written with its word numbers in any layout, e.g. two columns
    (1–12 beside 13–24): the words are put back in the order of their numbers."""
    lookup = lexicon().lookup
    by_number: dict[int, tuple[str, int, int]] = {}
    for match in _NUMBERED.finditer(_turkish_safe(text)):
        number = int(match.group(1))
        if 1 <= number <= PHRASE_LENGTHS[-1] and number not in by_number:
            by_number[number] = (match.group(2).lower(), *match.span(2))
    complete = [n for n in PHRASE_LENGTHS if all(k in by_number for k in range(1, n + 1))]
    length = max(complete, default=0)
    if not length:
        return
    words = [by_number[k] for k in range(1, length + 1)]
    if not all(word in lookup for word, _, _ in words):
        return
    if (0, length) in _windows([lookup[word] for word, _, _ in words]):  # the whole phrase
        yield min(w[1] for w in words), max(w[2] for w in words)


# --- Chinese --------------------------------------------------------------------

#: (phrase length, most common-word pairs allowed) for Chinese written together.
_ZH_PAIR_LIMITS = ((12, 1), (15, 2), (18, 3), (21, 3), (24, 4))
_ZH_MIN_MEAN_LOG_RANK = 5.3


@dataclass(frozen=True)
class _Hanzi:
    together: re.Pattern[str]  # wordlist characters, perhaps with spaces between
    apart: re.Pattern[str]  # each character set apart by separators (on " " + text)
    chars: frozenset[str]
    pairs: frozenset[str]
    pair_codes: frozenset[int]  # the pairs as ord(first) | ord(second) << 16
    indexes: tuple[dict[str, int], ...]  # simplified, traditional
    log_rank: tuple[float, ...]


@cache
def _hanzi() -> _Hanzi:
    # a large table: built by warm_up, off the UI thread
    from checks.secrets.zh_words import WORD_GROUPS

    lex = lexicon()
    lists = [
        lex.wordlists[lex.languages.index(f"chinese_{variant}")]
        for variant in ("simplified", "traditional")
    ]
    simplified = {char: i for i, char in enumerate(lists[0])}
    pairs: set[str] = set()
    for group in WORD_GROUPS.split():
        first = simplified[group[0]]
        for second in (simplified[char] for char in group[1:]):
            pairs.update(words[first] + words[second] for words in lists)
    chars = frozenset(char for words in lists for char in words)
    c = "".join(sorted(chars))
    g = _GAP_CHARS
    return _Hanzi(
        together=re.compile(f"[{c}][{c} \t\r\n\u3000]{{{PHRASE_LENGTHS[0] - 1},}}"),
        # Starts with a separator: much faster on prose than starting with [c].
        apart=re.compile(f"[{g}]((?:[{c}][{g}]+){{{PHRASE_LENGTHS[0] - 1},}}[{c}])"),
        chars=chars,
        pairs=frozenset(pairs),
        pair_codes=frozenset(ord(pair[0]) | ord(pair[1]) << 16 for pair in pairs),
        indexes=tuple({char: i for i, char in enumerate(words)} for words in lists),
        log_rank=tuple(math.log(i + 1) for i in range(2048)),
    )


def _hanzi_phrases(text: str) -> Iterable[tuple[int, int]]:
    if not _CJK.search(text):
        return
    hanzi = _hanzi()
    matches = list(hanzi.together.finditer(text))
    for number in _candidate_runs(hanzi, [match.group() for match in matches]):
        yield from _hanzi_run(hanzi, matches[number].start(), matches[number].group())
    for match in hanzi.apart.finditer(" " + text):
        yield from _hanzi_run(hanzi, match.start(1) - 1, match.group(1))


def _candidate_runs(hanzi: _Hanzi, runs: list[str]) -> list[int]:
    """Numbers of the runs that have a stretch with few common-word pairs.

    The cheap part, done at C level for all runs at once: pairs are looked
    up in one pass, and only where two word pairs lie 5 or more characters
    apart (any accepted window has such a gap; prose rarely does) does
    Python measure the stretches.  Pairs that touch a space or the joint
    count as no word, so this keeps every run in which
    :func:`_hanzi_windows` could accept a window, and drops most prose.
    """
    if not runs:
        return []
    joined = "\n".join(runs)
    hits = _pair_hits(hanzi, joined)
    ones = [-1, *compress(range(len(hits)), hits), len(hits)]
    last = len(ones) - 1
    gaps = map(operator.sub, ones[1:], ones)
    stretches: set[tuple[int, int]] = set()
    for j in compress(range(last), map(operator.le, repeat(5), gaps)):
        for length, allowed in _ZH_PAIR_LIMITS:
            for i in range(max(0, j - allowed), j + 1):
                high = ones[min(i + allowed + 1, last)]
                if high - ones[i] >= length:
                    stretches.add((ones[i] + 1, high))
    run_starts = list(accumulate((len(run) + 1 for run in runs[:-1]), initial=0))
    numbers: set[int] = set()
    for low, high in stretches:
        numbers.update(range(bisect_right(run_starts, low) - 1, bisect_right(run_starts, high)))
    return sorted(numbers)


def _pair_hits(hanzi: _Hanzi, chars: str) -> bytes:
    """Byte p is 1 when chars[p:p + 2] is a common word (BMP characters only).

    Reads the UTF-16 text as 32-bit integers, each one two adjacent
    characters, at even and at odd offsets: ten times faster than making
    a two-character string per position.
    """
    data = chars.encode("utf-16-le")
    hits = bytearray(max(len(chars) - 1, 0))
    for parity in (0, 1):
        pairs = array("I")
        stop = len(data) - (len(data) - 2 * parity) % 4
        pairs.frombytes(data[2 * parity : stop])
        if sys.byteorder == "big":
            pairs.byteswap()
        hits[parity::2] = bytes(map(hanzi.pair_codes.__contains__, pairs))
    return bytes(hits)


def _hanzi_run(hanzi: _Hanzi, base: int, run: str) -> Iterable[tuple[int, int]]:
    positions = [k for k, char in enumerate(run) if char in hanzi.chars]
    segment = positions[:1]
    for previous, current in zip(positions, [*positions[1:], None], strict=True):
        if current is not None and (
            current == previous + 1 or _GAP.fullmatch(run, previous + 1, current)
        ):
            segment.append(current)
            continue
        if len(segment) >= PHRASE_LENGTHS[0]:
            chars = "".join(run[k] for k in segment)
            for begin, stop in _hanzi_windows(hanzi, chars, segment):
                yield base + segment[begin], base + segment[stop - 1] + 1
        segment = [current] if current is not None else []


def _hanzi_windows(hanzi: _Hanzi, chars: str, positions: list[int]) -> Iterable[tuple[int, int]]:
    # Characters each set apart by a separator: like words, checksum only.
    apart = [b - a > 1 for a, b in pairwise(positions)]
    begin = 0
    for k in range(len(apart) + 1):
        if k == len(apart) or not apart[k]:
            if k + 1 - begin >= PHRASE_LENGTHS[0]:
                for index in hanzi.indexes:
                    indices = [index.get(char, -1) for char in chars[begin : k + 1]]
                    yield from _valid_windows(indices, begin)
            begin = k + 1
    # Characters written together: they must look random too.
    bounds = [-1, *(p for p in range(len(chars) - 1) if chars[p : p + 2] in hanzi.pairs)]
    bounds.append(len(chars) - 1)
    for length, allowed in _ZH_PAIR_LIMITS:
        # A window with at most `allowed` word pairs lies between two pairs
        # `allowed + 1` apart; few such stretches exist in prose.
        highs = bounds[allowed + 1 :] + bounds[-1:] * allowed
        starts = {
            start
            for low, high in zip(bounds, highs, strict=False)
            if high - low >= length
            for start in range(low + 1, high - length + 2)
        }
        for start in sorted(starts):
            if _looks_random_phrase(hanzi, chars[start : start + length]):
                yield start, start + length


def _looks_random_phrase(hanzi: _Hanzi, chars: str) -> bool:
    for index in hanzi.indexes:
        indices = [index.get(char, -1) for char in chars]
        if min(indices) < 0:
            continue
        mean = sum(hanzi.log_rank[i] for i in indices) / len(indices)
        if mean >= _ZH_MIN_MEAN_LOG_RANK and checksum_ok(indices):
            return True
    return False
