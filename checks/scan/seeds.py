"""Find seed phrases and private keys in the text of a file, fast, without decoys.

Two passes, so that a home folder of text is read at disk speed:

1. **First pass** (C-level byte operations only): one ``bytes.translate``
   lowers letters and turns separators into spaces, ``bytes.split`` cuts
   words, and a set lookup marks each word that is in some BIP-39 wordlist
   (every language but Chinese); a phrase needs 12 marked words in a row.
   Chinese needs 12 wordlist-range ideographs in a row (separators left
   out); a key needs 51 ASCII letters and digits in a row.  Text that
   fails all three is done with.
2. **Confirmation** of what passed, with the secret guard's own checker
   (:mod:`checks.secrets.phrases`, :func:`checks.secrets.find_secrets`): the
   BIP-39 checksum, the Base58Check checksum, the secp256k1 range.

What a file scan must not report (DESIGN.md, "BIP-39 in files"):

* **a wordlist** (or an excerpt of one): a BIP-39 wordlist is sorted by
  word number, so a "phrase" whose word numbers only go up is a list,
  not a seed (a random 12-word phrase is in rising order 1 time in 479
  million);
* **hashes**: a 64-hex value is a valid private key as often as not.  One
  labelled as a hash (TxID, 交易哈希, Transaction hash, SHA-256,
  checksum …) on its line or in its column's header, a line of a
  checksum list (``<hex>  file.iso``) and one in a web address are
  hashes; an unlabelled one, or one labelled as a key, is reported.

:func:`secrets_in_text` is the entry point for any other source of text
(e.g. words read from a picture): it returns the kinds found, never the
secret.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import accumulate, compress, count, pairwise, repeat

from checks.secrets import SecretKind, SecretMatch, find_secrets

# The guard's own checker, piece by piece: the file scan runs only the parts its
# first pass points to.
from checks.secrets.phrases import (
    _ZH_MIN_MEAN_LOG_RANK,
    _hanzi,
    _hanzi_phrases,
    _numbered_phrases,
    _word_phrases,
    lexicon,
)

#: The order kinds are reported in.
KINDS: tuple[SecretKind, ...] = ("mnemonic", "private_key", "extended_private_key", "wif")

_PHRASE_MIN = 12

# --- first pass -------------------------------------------------------------------

#: ASCII characters that may stand between two words of a phrase (see
#: checks.secrets.phrases._GAP_CHARS).
_ASCII_SEPARATORS = b" \t\r\n\x0b\x0c,;|/\"'[]#().:-*"
#: Separators outside ASCII, in UTF-8: ideographic space (Japanese phrases),
#: full-width and Chinese punctuation, curly quotes, middle dots, zero-width space.
_WIDE_SEPARATORS = tuple(
    char.encode("utf-8") for char in "\u3000，、；：“”‘’·・\u200b\u200c\u200d\ufeff（）"
)


_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
#: UTF-8 lead bytes of the letters of the other wordlists: accented Latin (French,
#: Spanish, Czech, Turkish), Cyrillic, kana, Hangul syllables and jamo.
_OTHER_SCRIPTS = re.compile(
    rb"[\xc3-\xc9\xcc\xcd\xd0-\xd3\xea-\xed]|\xe1[\x84-\x87]|\xe3[\x81-\x83]"
    rb"|\xef\xbc[\xa1-\xba]|\xef\xbd[\x81-\x9a]"  # full-width Latin letters
)


def _word_table() -> bytes:
    table = bytearray(range(256))
    for code in range(128):
        if not chr(code).isalpha():
            # Glued to a word, it makes that word unknown; alone ("12." → "#"), it is
            # a word's number and is left out (see _NUMBERS).
            table[code] = ord("#")
    for code in _ASCII_SEPARATORS:
        table[code] = ord(" ")
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    return bytes(table)


_WORD_TABLE = _word_table()

#: UTF-8 bytes → "L" for a byte that starts a CJK ideograph (U+4000–U+9FFF),
#: "p" for one that starts CJK or full-width punctuation (U+3000–U+3FFF,
#: U+F000–U+FFFF), "c" for a continuation byte, "." for anything else.
_HANZI_TABLE = bytes(
    ord("L") if 0xE4 <= code <= 0xE9
    else ord("p") if code in (0xE3, 0xEF)
    else ord("c") if 0x80 <= code <= 0xBF
    else ord(".")
    for code in range(256)
)  # fmt: skip
#: Written together (ASCII separators and numbers are deleted first) …
_HANZI_RUN = b"Lcc" * _PHRASE_MIN
#: … or each set apart by a full-width separator (、，；ideographic space).
_HANZI_APART = b"Lccpcc" * (_PHRASE_MIN - 1)

#: ASCII letters and digits → "n": every key is a run of 51 or more.
_ALNUM_TABLE = bytes(ord("n") if chr(code).isalnum() and code < 128 else 0 for code in range(256))
_ALNUM_RUN = b"n" * 51


#: Word numbers ("7.", "(7)", "12、") and lone punctuation, after the table: left out.
_NUMBERS = (b"#", b"##", b"###")


@cache
def _known_words() -> dict[bytes, int]:
    """1 for every spelling of every non-Chinese wordlist word (UTF-8), 2 for a number.

    The table lowers ASCII letters only, so the words are also listed with their
    other letters in capitals (ÇİÇEK, КОШЕЛЁК) and capitalised (Кошелёк).
    """
    known: dict[bytes, int] = {}
    for word in lexicon().lookup:
        for form in _cased_forms(word):
            known[form.encode("utf-8")] = 1
    known.update(dict.fromkeys(_NUMBERS, 2))
    return known


def _cased_forms(word: str) -> set[str]:
    """``word`` as the table leaves it in lower, upper and title case."""
    upper = "".join(char if char.isascii() else char.upper() for char in word)
    forms = {word, upper, upper.replace("i", "\u0130")}  # Turkish capital i: İ
    if word and not word[0].isascii():
        forms.add(word[0].upper() + word[1:])
    return forms


def warm_up() -> None:
    """Build the word sets now (about 0.5 s) instead of on the first file."""
    _known_words()
    _hanzi()
    _rank_maps()


def may_hold_phrase(data: bytes) -> bool:
    """First pass for a phrase in words: 12 wordlist words in a row (UTF-8 ``data``)."""
    if not data.isascii():
        ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        if ascii_letters < 3 * _PHRASE_MIN and not _OTHER_SCRIPTS.search(data):
            return False  # e.g. Chinese text: no word of any wordlist but Chinese in it
        for separator in _WIDE_SEPARATORS:
            if separator in data:
                data = data.replace(separator, b" ")
    words = data.translate(_WORD_TABLE).split()
    if len(words) < _PHRASE_MIN:
        return False
    marks = bytes(map(_known_words().get, words, repeat(0)))
    return b"\x01" * _PHRASE_MIN in marks.replace(b"\x02", b"")


def may_hold_hanzi_phrase(data: bytes) -> bool:
    """First pass for a Chinese phrase: 12 ideographs in a row, or each followed by one
    full-width separator, once ASCII separators and numbers are left out."""
    if data.isascii():
        return False
    classes = data.translate(_HANZI_TABLE, _ASCII_SEPARATORS + b"0123456789")
    return _HANZI_RUN in classes or _HANZI_APART in classes


def may_hold_key(data: bytes) -> bool:
    """First pass for a key: 51 ASCII letters and digits in a row."""
    return _ALNUM_RUN in data.translate(_ALNUM_TABLE)


# --- confirmation -----------------------------------------------------------------


def secrets_in_text(text: str, header: str = "") -> list[SecretKind]:
    """The kinds of secret in ``text``, in :data:`KINDS` order; decoys are not counted.

    ``header`` is the first line of the file when ``text`` is a later part
    of it (column names of a table label the hashes below them).
    """
    return secrets_in_utf8(text.encode("utf-8", errors="replace"), header)


def secrets_in_utf8(data: bytes, header: str = "") -> list[SecretKind]:
    """:func:`secrets_in_text` for UTF-8 bytes: decoded only when the first pass finds
    something to confirm."""
    found: set[SecretKind] = set()
    text: str | None = None
    words, hanzi = may_hold_phrase(data), may_hold_hanzi_phrase(data)
    if words or hanzi:
        text = data.decode("utf-8", errors="replace")
        if _has_phrase(text, words, hanzi):
            found.add("mnemonic")
    if may_hold_key(data):
        text = data.decode("utf-8", errors="replace") if text is None else text
        found.update(_keys(text, header or text.partition("\n")[0]))
    return [kind for kind in KINDS if kind in found]


def _has_phrase(text: str, words: bool, hanzi: bool) -> bool:
    spans: list[tuple[int, int]] = []
    if words:
        spans += _word_phrases(text)
        spans += _numbered_phrases(text)
    if any(not _is_wordlist_excerpt(text[start:end]) for start, end in spans):
        return True
    if not hanzi:
        return False
    # "。" ends a run (no phrase spans two pieces); the new line after it is the separator
    # the "apart" form needs before its first character (without it that character is lost).
    pieces = "\u3002\n".join(_hanzi_candidates(text))
    return any(not _is_wordlist_excerpt(pieces[start:end]) for start, end in _hanzi_phrases(pieces))


def _hanzi_candidates(text: str) -> list[str]:
    """The pieces of ``text`` in which the guard's Chinese check could find a phrase.

    Characters written together must look random, among other things have a
    mean ln(1 + word number) of at least 5.3 over the phrase (prose: about
    4.8), so a run none of whose 12-character windows reaches it is dropped
    here, for all runs at once, at a fraction of the cost of the full check.
    Runs with spaces inside (characters set apart) and the "apart" form are
    always kept.
    """
    hanzi = _hanzi()
    runs = [match.group() for match in hanzi.together.finditer(text)]
    spaced = _WHITESPACE.search("".join(runs)) is not None  # rare: test each run only then
    kept = [run for run in runs if _WHITESPACE.search(run)] if spaced else []
    kept += (runs[number] for number in _random_runs(runs))
    kept += (match.group(1) for match in hanzi.apart.finditer(" " + text))
    return kept


_WHITESPACE = re.compile(r"\s")
_RUN_BREAK = "\x00"  # between runs in _random_runs: it weighs so little no window passes


def _random_runs(runs: list[str]) -> list[int]:
    """Numbers of the runs with a 12-character window whose mean ln-rank is >= 5.3."""
    if not runs:
        return []
    joined = _RUN_BREAK.join(runs)
    starts = list(accumulate((len(run) + 1 for run in runs[:-1]), initial=0))
    need = _ZH_MIN_MEAN_LOG_RANK * _PHRASE_MIN - 1e-9
    numbers: set[int] = set()
    present = set(joined)
    simplified, traditional = _rank_maps()
    only_simplified, only_traditional = _variant_only()
    # A character of one list only weighs 0 in the other, so the other list's
    # windows can only be lighter: it is looked at only if the text has one of its own.
    maps = [rank for rank, own in ((simplified, only_simplified), (traditional, only_traditional))
            if present & own]  # fmt: skip
    for rank_of in maps or [simplified]:
        sums = list(accumulate(map(rank_of.get, joined, repeat(0.0)), initial=0.0))
        windows = map(operator.sub, sums[_PHRASE_MIN:], sums)
        for position in compress(count(), map(operator.ge, windows, repeat(need))):
            numbers.add(bisect_right(starts, position) - 1)
    return sorted(numbers)


@cache
def _variant_only() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only in the simplified list, and only in the traditional list."""
    simplified, traditional = (frozenset(index) for index in _hanzi().indexes)
    return simplified - traditional, traditional - simplified


@cache
def _rank_maps() -> tuple[dict[str, float], ...]:
    """ln(1 + word number) of each character, in the simplified and the traditional list."""
    hanzi = _hanzi()
    maps = tuple({char: hanzi.log_rank[i] for char, i in index.items()} for index in hanzi.indexes)
    for rank_of in maps:
        rank_of[_RUN_BREAK] = -1e6
    return maps


_LIST_WORD = re.compile(r"[^\W\d_]+")


def _is_wordlist_excerpt(phrase: str) -> bool:
    """True when the words' numbers only go up in some wordlist: a piece of the list."""
    words = _LIST_WORD.findall(phrase)
    if len(words) < _PHRASE_MIN and phrase.strip():
        words = [char for char in phrase if not char.isspace()]  # Chinese written together
    lex = lexicon()
    for wordlist in lex.wordlists:
        numbers = _numbers(wordlist, words)
        if numbers and all(a < b for a, b in pairwise(numbers)):
            return True
    return False


def _numbers(wordlist: tuple[str, ...], words: list[str]) -> list[int]:
    index = _index(wordlist)
    numbers = [index.get(word.lower(), -1) for word in words]
    return [] if -1 in numbers or len(numbers) < _PHRASE_MIN else numbers


@cache
def _index(wordlist: tuple[str, ...]) -> dict[str, int]:
    return {word: number for number, word in enumerate(wordlist)}


# --- keys -------------------------------------------------------------------------

_RUN = re.compile(r"[0-9A-Za-z]{51,}")
_ALNUM_CLASS_RUN = re.compile(b"n+")
_HEX = re.compile(r"(?:0[xX])?[0-9a-fA-F]{64}")
#: A 64-hex value right after a hash label (in lower-case text), one pattern per
#: label so that each starts with a literal and runs at C speed: the bulk part of
#: _labelled_hash's first rule (a label within the 16 characters before the value).
_NEAR_LABEL_PATTERNS = tuple(
    re.compile(
        rf"{label}[^\n]{{0,{16 - len(label)}}}?(?<![0-9a-z])((?:0x)?[0-9a-f]{{64}})(?![0-9a-z])"
    )
    for label in ("hash", "sha", "txid", "tx[: =]", "checksum", "digest", "commit", "block",
                  "哈希", "交易", "区块")
)  # fmt: skip
#: Labels: a word before the value that contains one of these says it is a hash
#: (TxID, tx_hash, blockHash, Transaction hash, sha256=, 交易哈希 …) or a key
#: (privateKey, secret, 私钥 …); the word nearest to the value wins.
_HASH_WORDS = ("hash", "txid", "transaction", "sha", "checksum", "digest", "commit", "block",
               "哈希", "交易", "区块", "校验")  # fmt: skip
_HASH_TOKENS = frozenset({"tx", "txn", "id"})
_KEY_WORDS = ("priv", "secret", "私钥", "密钥", "秘钥")
_LABEL_TOKEN = re.compile(r"[^\W\d_]+")
_CHECKSUM_LINE_REST = re.compile(r"\s+[*]?\S+")  # "<hex>  file.iso" or "<hex> *file.iso"
_CELL_MARKS = (",", ";", "\t", "|")
_CELL_SPLIT = re.compile(r"[,;\t|]")
_NEAR_HASH = re.compile("hash|sha|txid|tx[: =]|checksum|digest|commit|block|哈希|交易|区块")
_LABEL_REACH = 80  # characters before the value in which a label counts


def _keys(text: str, header: str) -> Iterable[SecretKind]:
    """Kinds of key in ``text``, each once.

    Every run of 51+ ASCII letters and digits is a candidate (found by
    :func:`_runs`).  A slice full of hashes (logs, exports, checksum lists)
    is the common case: the hashes shown as such by a label just before them,
    or by their column's name, are set aside in bulk by regular expressions
    that run at C speed, and only the rest get the full look of
    :func:`_labelled_hash`.
    """
    found: set[SecretKind] = set()
    columns = [_nearest_label(cell) for cell in _CELL_SPLIT.split(header)]
    labelled: set[int] | None = None
    for start, end in _runs(text):
        length = end - start
        if length == 64 or (length == 66 and text[start + 1] in "xX" and text[start] == "0"):
            if "private_key" in found or not _HEX.fullmatch(text, start, end):
                continue
            if labelled is None:
                labelled = _bulk_labelled(text, columns)
            if start in labelled or _labelled_hash(text, start, end, columns):
                continue
        elif not (length in (51, 52) or 100 <= length <= 112):
            continue
        found.update(_kinds(find_secrets(text[start:end])))
    return found


def _kinds(matches: Iterable[SecretMatch]) -> Iterator[SecretKind]:
    """The kinds of the guard's matches that a file scan reports (keys and phrases)."""
    for match in matches:
        if match.kind in KINDS:
            yield match.kind


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of 51 or more ASCII letters and digits."""
    if not text.isascii():
        yield from (match.span() for match in _RUN.finditer(text))
        return
    classes = text.encode("ascii").translate(_ALNUM_TABLE)
    find, extend = classes.find, _ALNUM_CLASS_RUN.match
    start = find(_ALNUM_RUN)
    while start >= 0:
        end = extend(classes, start).end()  # type: ignore[union-attr]
        yield start, end
        start = find(_ALNUM_RUN, end)


def _bulk_labelled(text: str, columns: list[str | None]) -> set[int]:
    """Starts of the 64-hex values labelled as hashes just before them or by their column."""
    lower = text.lower()
    starts = {m.start(1) for pattern in _NEAR_LABEL_PATTERNS for m in pattern.finditer(lower)}
    starts.update(_column_labelled(text, columns))
    return starts


def _column_labelled(text: str, columns: list[str | None]) -> set[int]:
    """Starts of the 64-hex cells in the columns named as hashes (rows after the first)."""
    first_row_end = text.find("\n")
    starts: set[int] = set()
    for number, label in enumerate(columns):
        if label == "hash" and len(columns) > 1:
            pattern = _column_pattern(number)
            starts.update(m.start(1) for m in pattern.finditer(text, max(first_row_end, 0)))
    return starts


@cache
def _column_pattern(number: int) -> re.Pattern[str]:
    return re.compile(
        rf"^(?:[^,;\t|\n]*[,;\t|]){{{number}}}((?:0[xX])?[0-9a-fA-F]{{64}})(?![0-9A-Za-z])",
        re.MULTILINE,
    )


def _labelled_hash(text: str, start: int, end: int, columns: list[str | None]) -> bool:
    """True when the 64-hex value at ``text[start:end]`` is shown to be a hash.

    ``columns`` are the labels of the table's columns (from its first line).
    """
    if _NEAR_HASH.search(text[max(0, start - 16) : start].lower()):
        return True  # the usual case, checked first: sha256=…, "blockHash": "0x…", TxID: …
    line_start = text.rfind("\n", 0, start) + 1
    if line_start and len(columns) > 1:  # a row of a table: its column's name decides
        column = sum(text.count(mark, line_start, start) for mark in _CELL_MARKS)
        if column < len(columns) and columns[column] is not None:
            return columns[column] == "hash"
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - _LABEL_REACH) : start]
    label = _nearest_label(before)
    if label is not None:
        return label == "hash"
    if "://" in before:
        return True  # part of a web address: an explorer's link to a transaction
    return not before.strip() and bool(_CHECKSUM_LINE_REST.fullmatch(text, end, line_end))


def _nearest_label(before: str) -> str | None:
    """Says "hash", "key" or None: what the nearest label word in ``before`` says."""
    for token in reversed(_LABEL_TOKEN.findall(before.lower())):
        if token in _HASH_TOKENS or any(word in token for word in _HASH_WORDS):
            return "hash"
        if token == "key" or any(word in token for word in _KEY_WORDS):
            return "key"
    return None
