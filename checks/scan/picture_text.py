"""Is there a seed phrase in the text read from a picture?

OCR gives boxes of text, each with its place on the picture.  What OCR does
to a real screenshot of a seed phrase, and how it is undone here:

* **Grids.** Wallets show the words in a numbered grid, row by row or
  column by column, and the OCR reads a small grey number and its word as
  two boxes, or one ("7worth", even "gseason" for "9season").  Boxes are put
  in rows by their height on the picture; the words are tried in row order
  and, for the cells of a grid, in column order.  Numbers count only as
  separators, so a number the OCR did not see (a thin "1" often goes
  missing) does not matter; where the numbers are complete but for one,
  the words are also put in number order with each unnumbered word tried
  in the gap.
* **Chat bubbles** break a long word at the line's end ("b" / "arely"): two
  pieces that are not both words but make one are joined.
* **一**, a single stroke, is read as a dash or not at all: in a picture
  with Chinese characters a lone dash is 一, and so is an empty numbered
  cell.

The BIP-39 checksum decides, through the file scan's checker
(:func:`checks.scan.seeds.secrets_in_text`), which also keeps prose out.  A
page of the BIP-39 word list is not a finding: its words are numbered with
their place in the list, or go up alphabetically down each column.

Only a yes or no leaves this module: never the words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from checks.scan.seeds import secrets_in_text
from checks.secrets.phrases import PHRASE_LENGTHS, checksum_ok, lexicon


@dataclass(frozen=True)
class TextBox:
    """A piece of text the OCR read, and where: left, top, right, bottom in pixels."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class _Token:
    kind: str  # "num", "word" (letters), "han" (one Chinese character), "dash"
    text: str
    box: int  # which box it was read in
    row: int


_HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"(\d+)|([{_HAN_CHARS}])|([^\W\d_{_HAN_CHARS}]+)|([-‐‑‒–—―_−])")
#: A digit glued to the next word and read as a letter: "9season" → "gseason".
_DIGIT_LOOKALIKES = {"g": "9", "q": "9", "l": "1", "i": "1", "o": "0", "s": "5", "z": "2",
                     "b": "6"}  # fmt: skip
_YI = "一"


def holds_seed(boxes: Sequence[TextBox]) -> bool:
    """True when the text in ``boxes`` holds a BIP-39 seed phrase (checksum valid)."""
    tokens = _tokens(boxes)
    if sum(map(_is_word, tokens)) < PHRASE_LENGTHS[0] - 1:
        return False
    if _looks_like_wordlist(tokens):
        return False
    orders = [tokens, _column_major(tokens, boxes)]
    if any(token.kind == "han" for token in tokens):
        orders += [_with_dropped_yi(order) for order in orders]
    for order in orders:
        if "mnemonic" in secrets_in_text(_render(order)):
            return True
    return _numbered_with_one_gap(tokens)


# --- reading the boxes ----------------------------------------------------------------


def _rows(boxes: Sequence[TextBox]) -> list[list[int]]:
    """Box numbers in rows, top to bottom, each row left to right.  A box is in the
    row whose first box its middle is level with."""
    order = sorted(range(len(boxes)), key=lambda k: boxes[k].y0 + boxes[k].y1)
    rows: list[list[int]] = []
    top, bottom = 0.0, -1.0
    for k in order:
        middle = (boxes[k].y0 + boxes[k].y1) / 2
        if rows and top <= middle <= bottom:
            rows[-1].append(k)
        else:
            rows.append([k])
            top, bottom = boxes[k].y0, boxes[k].y1
    return [sorted(row, key=lambda k: boxes[k].x0) for row in rows]


def _tokens(boxes: Sequence[TextBox]) -> list[_Token]:
    tokens: list[_Token] = []
    for row_number, row in enumerate(_rows(boxes)):
        for k in row:
            for match in _TOKEN.finditer(unicodedata.normalize("NFKC", boxes[k].text)):
                kind = ("num", "han", "word", "dash")[match.lastindex - 1 if match.lastindex else 0]
                tokens.append(_Token(kind, match.group(), k, row_number))
    return _join_broken_words(_undo_misreadings(tokens))


def _known(word: str) -> bool:
    return word.lower() in lexicon().lookup


def _is_word(token: _Token) -> bool:
    return token.kind == "han" or (token.kind == "word" and _known(token.text))


def _undo_misreadings(tokens: list[_Token]) -> list[_Token]:
    chinese = any(token.kind == "han" for token in tokens)
    numbered = sum(a.kind == "num" and _is_word(b) for a, b in pairwise(tokens)) >= 6
    out: list[_Token] = []
    for token in tokens:
        if token.kind == "dash":
            if chinese:  # a lone 一 read as a dash
                out.append(_Token("han", _YI, token.box, token.row))
            continue
        digit = _DIGIT_LOOKALIKES.get(token.text[:1].lower())
        if numbered and digit and len(token.text) == 1:  # "l" for a word's number "1"
            out.append(_Token("num", digit, token.box, token.row))
            continue
        if token.kind == "word" and digit and not _known(token.text) and _known(token.text[1:]):
            out.append(_Token("num", digit, token.box, token.row))
            out.append(_Token("word", token.text[1:], token.box, token.row))
            continue
        out.append(token)
    return out


def _join_broken_words(tokens: list[_Token]) -> list[_Token]:
    """ "depa" + "rt" → "depart": a word broken at a line's end (or by a stray space)."""
    out: list[_Token] = []
    for token in tokens:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == token.kind == "word"
            and _known(last.text + token.text)
            and not (_known(last.text) and _known(token.text))
        ):
            out[-1] = _Token("word", last.text + token.text, last.box, last.row)
        else:
            out.append(token)
    return out


def _render(tokens: Sequence[_Token]) -> str:
    """Text for the checker: a line per row; Chinese characters read in one box stay
    together (so prose is judged as prose), everything else is set apart."""
    parts = [tokens[0].text] if tokens else []
    for before, token in pairwise(tokens):
        if before.row != token.row:
            parts.append("\n")
        elif not (before.box == token.box and before.kind == token.kind == "han"):
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts)


# --- other orders -------------------------------------------------------------------


def _column_major(tokens: Sequence[_Token], boxes: Sequence[TextBox]) -> list[_Token]:
    """The cells of a grid column by column.  A cell is a box with one word in it
    (perhaps with its number); a column, cells whose left edges are close."""
    weight: dict[int, int] = {}
    for token in tokens:
        if token.kind != "num":
            weight[token.box] = weight.get(token.box, 0) + (1 if _is_word(token) else 2)
    cells = [token for token in tokens if weight.get(token.box, 0) <= 1]
    if not cells:
        return []
    ids = sorted({token.box for token in cells}, key=lambda k: boxes[k].x0)
    width = max(boxes[k].x1 for k in ids) - boxes[ids[0]].x0
    column = {ids[0]: 0}
    for before, k in pairwise(ids):
        column[k] = column[before] + (boxes[k].x0 - boxes[before].x0 > 0.1 * width)
    return sorted(cells, key=lambda token: (column[token.box], token.row, boxes[token.box].x0))


def _with_dropped_yi(tokens: Sequence[_Token]) -> list[_Token]:
    """一 put back after each number that has no character after it in its row."""
    out: list[_Token] = []
    for token, after in zip(tokens, [*tokens[1:], None], strict=False):
        out.append(token)
        if token.kind == "num" and (after is None or after.kind == "num" or after.row != token.row):
            out.append(_Token("han", _YI, token.box, token.row))
    return out


def _numbered_with_one_gap(tokens: Sequence[_Token]) -> bool:
    """Numbered words, all numbers read but one: each unnumbered word is tried there."""
    by_number: dict[int, str] = {}
    numbered: set[int] = set()
    for position, (before, token) in enumerate(pairwise(tokens), start=1):
        if before.kind == "num" and _is_word(token) and before.row == token.row:
            number = int(before.text)
            if 1 <= number <= PHRASE_LENGTHS[-1] and number not in by_number:
                by_number[number] = token.text
                numbered.add(position)
    if not by_number:
        return False
    length = next((n for n in PHRASE_LENGTHS if n >= max(by_number)), 0)
    missing = [n for n in range(1, length + 1) if n not in by_number]
    if len(missing) != 1:
        return False
    spare = [t.text for k, t in enumerate(tokens) if _is_word(t) and k not in numbered]
    if any(token.kind == "han" for token in tokens):
        spare.append(_YI)
    for word in dict.fromkeys(spare):
        words = [by_number.get(n, word) for n in range(1, length + 1)]
        if any(checksum_ok(numbers) and not _rising(numbers) for numbers in _numbers(words)):
            return True
    return False


# --- word numbers -------------------------------------------------------------------


@cache
def _han_numbers() -> dict[str, int]:
    """Both Chinese lists: a character's number is the same in each (and no character
    has two numbers)."""
    lex = lexicon()
    numbers: dict[str, int] = {}
    for language in ("chinese_simplified", "chinese_traditional"):
        for number, char in enumerate(lex.wordlists[lex.languages.index(language)]):
            numbers.setdefault(char, number)
    return numbers


def _numbers(words: Sequence[str]) -> Iterable[list[int]]:
    """The words' numbers in each wordlist that has all of them."""
    han = _han_numbers()
    if all(word in han for word in words):
        yield [han[word] for word in words]
        return
    entries = [dict(lexicon().lookup.get(word.lower(), ())) for word in words]
    for language in set(entries[0]).intersection(*entries[1:]):
        yield [entry[language] for entry in entries]


def _rising(numbers: Sequence[int]) -> bool:
    return all(a < b for a, b in pairwise(numbers))


def _looks_like_wordlist(tokens: Sequence[_Token]) -> bool:
    """A page of the BIP-39 word list: three or more words numbered with their place
    in the list ("31. bacon"), or words that go up alphabetically down each column
    (read row by row: every 1st, 2nd, 3rd or 4th word is larger than the one before)."""
    han = _han_numbers()
    lookup = lexicon().lookup
    listed = 0
    for before, token in pairwise(tokens):
        if before.kind == "num" and _is_word(token):
            places = {han[token.text]} if token.text in han else {
                number for _, number in lookup[token.text.lower()]
            }  # fmt: skip
            listed += int(before.text) - 1 in places
    if listed >= 3:
        return True
    numbers = _main_language_numbers([token.text for token in tokens if _is_word(token)])
    if len(numbers) < 2 * PHRASE_LENGTHS[0]:
        return False
    for stride in (1, 2, 3, 4):
        rising = sum(a < b for a, b in zip(numbers, numbers[stride:], strict=False))
        if rising >= 0.9 * (len(numbers) - stride):
            return True
    return False


def _main_language_numbers(words: Sequence[str]) -> list[int]:
    """The numbers of the words in the wordlist most of them are in."""
    han = _han_numbers()
    if sum(word in han for word in words) * 2 >= len(words):
        return [han[word] for word in words if word in han]
    counts: dict[int, int] = {}
    for word in words:
        for language, _ in lexicon().lookup.get(word.lower(), ()):
            counts[language] = counts.get(language, 0) + 1
    if not counts:
        return []
    best = max(counts, key=counts.__getitem__)
    lookup = lexicon().lookup
    return [n for word in words for language, n in lookup.get(word.lower(), ()) if language == best]
