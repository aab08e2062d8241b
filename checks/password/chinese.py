"""How Chinese speakers choose passwords, taught to zxcvbn.

zxcvbn 4.5 knows English words, names and leaks, keyboard rows and dates;
it has never seen pinyin, Chinese names, love numbers or Chinese date
habits, so it rates ``aini1314520`` or ``zhangwei1990`` strong. Large
studies of Chinese passwords (sources in :mod:`checks.password.chinese_data`)
find exactly these building blocks, and a cracker who knows them reaches
such passwords within a few thousand guesses.

:func:`chinese_matches` finds them and returns extra matches in zxcvbn's own
format, each with its guess count already set, so zxcvbn's search for the
cheapest way to build the password (``scoring.most_guessable_match_sequence``)
weighs them against its own (:func:`checks.password.engine.estimate`), and
:func:`feedback` explains the ones that made a password weak. The parts:

* **pinyin**: a run of letters made only of pinyin syllables is a word whose
  rank is the product of its syllables' ranks (common syllables rank low), so
  ``woaini`` costs a few thousand guesses while a passphrase of several
  random pinyin words stays strong: each word costs thousands, and zxcvbn
  multiplies the words and the separators between them;
* **names**: a surname, optionally followed by a given name (a common one, or
  one or two syllables), and the most common full names;
* **number codes** (520, 1314, 5201314, 168, 888 ...) and **dates** written the
  Chinese way (YYYYMMDD, YYMMDD, MMDD);
* **common passwords** of Chinese websites;
* **templates**: letters then digits or digits then letters (``zhangwei1990``,
  ``5201314aini``) as one pattern, since crackers enumerate these structures
  as a whole ([LI14], [WANG19]); zxcvbn would charge each extra part a fixed
  cost meant for unrelated words.

The password is only read; the matches (which hold pieces of it, like
zxcvbn's own) live as long as one call.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from checks.i18n import N_
from checks.password import chinese_data as data

MAX_GIVEN_SYLLABLES = 2
MAX_FRAGMENT = 2  # letters of an unfinished syllable at the end of a pinyin part
LETTERS = 26
TEMPLATE_ORDERS = 2  # letters then digits, or digits then letters
MIN_SUBMATCH_SINGLE_CHAR = 10  # zxcvbn.scoring's floors for a part of the password
MIN_SUBMATCH_MULTI_CHAR = 50
REFERENCE_YEAR = 2017  # zxcvbn.scoring.REFERENCE_YEAR / MIN_YEAR_SPACE
MIN_YEAR_SPACE = 20
DAYS_A_YEAR = 365
DAYS_WITHOUT_YEAR = 366

COMMON, NAME, PINYIN, CODE, DATE, DIGITS = "common", "name", "pinyin", "code", "date", "digits"
FAMOUS = "famous"
SEPARATORS = ("", " ", "-", "_", ".")
SEPARATOR_CHOICES = len(SEPARATORS) - 1
SPACED = re.compile(r"[a-z]+(?:[ ._-][a-z]+)+")  # on the lower-cased password
LETTER_CHUNK = re.compile(r"[a-z]+")
# str.lower() may change the length ("İ" becomes two characters) and so every
# index after it; the patterns are ASCII, so only ASCII letters are lowered.
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)

NOTE_NAME_AND_BIRTHDAY = N_(
    "A name in pinyin plus a birthday is the password pattern guessed most often."
)
NOTE_NUMBER_CODES = N_("Number codes like 520 or 1314 are used by almost everyone.")
NOTE_COMMON = N_("This is one of the most common passwords on Chinese websites.")
NOTE_FAMOUS = N_("This is a famous example from password advice: thieves try it first.")
NOTE_NAME = N_(
    "Names in pinyin, whole or as surname plus given name, are among the first words tried."
)
NOTE_DATES = N_(
    "Dates such as birthdays (19880808, 880808, 0808) are among the first numbers tried."
)
NOTE_PINYIN = N_(
    "Pinyin words and phrases are in every cracking dictionary, just like English words."
)
SUGGEST_PASSPHRASE = N_(
    "Better: let a password manager make a long passphrase of several random words,"
    " and keep it there."
)
FEEDBACK_TEXTS: frozenset[str] = frozenset(
    {NOTE_NAME_AND_BIRTHDAY, NOTE_NUMBER_CODES, NOTE_COMMON, NOTE_FAMOUS, NOTE_NAME,
     NOTE_DATES, NOTE_PINYIN, SUGGEST_PASSPHRASE}
)  # fmt: skip


def _ranks(words: Iterable[str]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for rank, word in enumerate(words, 1):
        ranks.setdefault(word, rank)
    return ranks


SYLLABLE_RANK = _ranks(data.SYLLABLES_BY_FREQUENCY)
for _rank, _syllable in enumerate(data.SYLLABLES_IN_PASSWORDS, 1):
    SYLLABLE_RANK[_syllable] = min(SYLLABLE_RANK[_syllable], _rank)
for _spelling, _keyboard in (("lue", "lve"), ("nue", "nve")):  # both spellings are typed
    SYLLABLE_RANK[_spelling] = SYLLABLE_RANK[_keyboard]
SURNAME_RANK = _ranks(data.SURNAMES)
GIVEN_RANK = _ranks(data.GIVEN_NAMES)
CODE_RANK = _ranks(data.NUMBER_CODES)


def _famous_variants() -> list[str]:
    variants = []
    for words in data.FAMOUS_EXAMPLES:
        for count in range(min(3, len(words)), len(words) + 1):
            variants += [separator.join(words[:count]) for separator in SEPARATORS]
    return variants


WORD_RANK: dict[str, tuple[int, str]] = {
    **{word: (rank, FAMOUS) for word, rank in _ranks(_famous_variants()).items()},
    **{word: (rank, NAME) for word, rank in _ranks(data.FULL_NAMES).items()},
    **{word: (rank, COMMON) for word, rank in _ranks(data.COMMON_PASSWORDS).items()},
}
LONGEST_SYLLABLE = max(map(len, SYLLABLE_RANK))
SYLLABLE_STARTS = {word[:size] for word in SYLLABLE_RANK for size in range(1, len(word))}
LONGEST_SURNAME = max(map(len, SURNAME_RANK))
LONGEST_GIVEN = max(map(len, GIVEN_RANK))
LONGEST_WORD = max(map(len, WORD_RANK))
LONGEST_DIGITS = max(max(map(len, CODE_RANK)), 8)

# A part of the password: (i, j) inclusive -> (guesses, kind).
Parts = dict[tuple[int, int], tuple[int, str]]


def chinese_matches(password: str) -> list[dict[str, Any]]:
    """The Chinese patterns in ``password``, as zxcvbn matches with ``guesses`` set."""
    lower = password.translate(ASCII_LOWER)
    letters: Parts = {}
    digits: Parts = {}
    for start, end in _runs(lower, str.isascii, str.isalpha):
        _pinyin_parts(lower, start, end, letters)
        _name_parts(lower, start, end, letters)
    _spaced_syllables(lower, letters)
    for start, end in _runs(lower, str.isascii, str.isdigit):
        _digit_parts(lower, start, end, digits)
    words = _word_parts(lower)
    for span, value in words.items():
        if password[span[0] : span[1] + 1].isalpha():
            _keep(letters, span, *value)
    found: Parts = {}
    for parts in (letters, words, _templates(letters, digits)):
        for span, (guesses, kind) in parts.items():
            _keep(found, span, guesses, kind)
    for span, (guesses, kind) in digits.items():
        if kind != DIGITS:  # a bare digit string is zxcvbn's bruteforce already
            _keep(found, span, guesses, kind)
    return [_match(password, i, j, guesses, kind) for (i, j), (guesses, kind) in found.items()]


def feedback(sequence: Sequence[Mapping[str, Any]]) -> tuple[str, tuple[str, ...]] | None:
    """A warning and suggestions for the Chinese patterns in zxcvbn's best ``sequence``.

    None when the sequence holds none. Fixed texts only (N_-marked above).
    """
    kinds: set[str] = set()
    for match in sequence:
        if match.get("pattern") == "zh":
            kinds.update(str(match["zh_kind"]).split("+"))
        elif match.get("pattern") == "date" or match.get("regex_name") == "recent_year":
            kinds.add(DATE)
    if not kinds & {FAMOUS, COMMON, NAME, PINYIN, CODE}:
        return None  # a date alone: zxcvbn says so itself
    notes = [
        note
        for note, present in (
            (NOTE_FAMOUS, FAMOUS in kinds),
            (NOTE_NAME_AND_BIRTHDAY, {NAME, DATE} <= kinds),
            (NOTE_COMMON, COMMON in kinds),
            (NOTE_NUMBER_CODES, CODE in kinds),
            (NOTE_NAME, NAME in kinds and DATE not in kinds),
            (NOTE_DATES, DATE in kinds and NAME not in kinds),
            (NOTE_PINYIN, PINYIN in kinds),
        )
        if present
    ]
    return notes[0], (*notes[1:], SUGGEST_PASSPHRASE)


# -- finding the parts ---------------------------------------------------------


def _runs(text: str, *tests: Any) -> list[tuple[int, int]]:
    """(start, end) of each maximal run of characters passing every test (end exclusive)."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, char in enumerate(text + "\0"):
        inside = index < len(text) and all(test(char) for test in tests)
        if inside and start is None:
            start = index
        elif not inside and start is not None:
            runs.append((start, index))
            start = None
    return runs


def _keep(parts: Parts, span: tuple[int, int], guesses: int, kind: str) -> None:
    """Keep the cheapest reading of a span (on a tie, the more telling kind)."""
    old = parts.get(span)
    if old is None or guesses < old[0] or (guesses == old[0] and kind == NAME):
        parts[span] = (guesses, kind)


def _syllable_paths(text: str, start: int, end: int, most: int = 0) -> dict[int, int]:
    """Cheapest product of syllable ranks spelling text[start:p], for every reachable p.

    A path may end in the first one or two letters of a syllable, at 26 guesses
    a letter (pinyin plus a letter or two, or a word still being typed: the
    estimate must not drop steeply when the next key completes the syllable). With
    ``most``, only paths of at most that many syllables.
    """
    best: dict[int, int] = {start: 1}
    counts: dict[int, int] = {start: 0}
    ends: dict[int, int] = {}
    for position in range(start, end):
        if position not in best or (most and counts[position] >= most):
            continue
        for size in range(1, min(LONGEST_SYLLABLE, end - position) + 1):
            piece = text[position : position + size]
            cost = best[position] * SYLLABLE_RANK.get(piece, 0)
            after = position + size
            if cost and (after not in best or cost < best[after]):
                best[after] = cost
                counts[after] = counts[position] + 1
            if size <= MAX_FRAGMENT and piece in SYLLABLE_STARTS:
                fragment = best[position] * LETTERS**size
                ends[after] = min(ends.get(after, fragment), fragment)
    del best[start]
    for after, cost in ends.items():
        best[after] = min(best.get(after, cost), cost)
    return best


def _pinyin_parts(text: str, start: int, end: int, parts: Parts) -> None:
    for i in range(start, end):
        for after, guesses in _syllable_paths(text, i, end).items():
            _keep(parts, (i, after - 1), guesses, PINYIN)


def _spaced_syllables(text: str, parts: Parts) -> None:
    """Pinyin typed a syllable at a time, "wo ai ni yi sheng yi shi": still one phrase.

    Several words of two or more syllables with separators ("shuiguo-lanqiu")
    are left to zxcvbn, which multiplies the words as it does English ones.
    """
    for found in SPACED.finditer(text):
        chunks = [(chunk.start(), chunk.end()) for chunk in LETTER_CHUNK.finditer(found.group())]
        ranks = [SYLLABLE_RANK.get(found.group()[a:b], 0) for a, b in chunks]
        offset = found.start()
        for first in range(len(chunks)):
            guesses = SEPARATOR_CHOICES
            for last in range(first, len(chunks)):
                if not ranks[last]:
                    break
                guesses *= ranks[last]
                if last > first:
                    span = (offset + chunks[first][0], offset + chunks[last][1] - 1)
                    _keep(parts, span, guesses, PINYIN)


def _name_parts(text: str, start: int, end: int, parts: Parts) -> None:
    """Surname alone, or surname then a given name (a common one, or 1-2 syllables)."""
    for i in range(start, end):
        for size in range(2, min(LONGEST_SURNAME, end - i) + 1):
            surname = SURNAME_RANK.get(text[i : i + size])
            if surname is None:
                continue
            given_at = i + size
            _keep(parts, (i, given_at - 1), surname, NAME)
            for length in range(1, min(LONGEST_GIVEN, end - given_at) + 1):
                given = GIVEN_RANK.get(text[given_at : given_at + length])
                if given is not None:
                    _keep(parts, (i, given_at + length - 1), surname * given, NAME)
            paths = _syllable_paths(text, given_at, end, MAX_GIVEN_SYLLABLES)
            for after, guesses in paths.items():
                _keep(parts, (i, after - 1), surname * guesses, NAME)


def _word_parts(text: str) -> Parts:
    parts: Parts = {}
    for i in range(len(text)):
        for j in range(i + 1, min(len(text), i + LONGEST_WORD)):
            found = WORD_RANK.get(text[i : j + 1])
            if found is not None:
                _keep(parts, (i, j), *found)
    return parts


def _digit_parts(text: str, start: int, end: int, parts: Parts) -> None:
    for i in range(start, end):
        for j in range(i, min(end, i + LONGEST_DIGITS)):
            token = text[i : j + 1]
            code = CODE_RANK.get(token)
            if code is not None:
                _keep(parts, (i, j), code, CODE)
            date = _date_guesses(token)
            if date is not None:
                _keep(parts, (i, j), date, DATE)
            if len(token) <= 4:  # any short number: only within a template
                _keep(parts, (i, j), 10 ** len(token), DIGITS)


def _date_guesses(token: str) -> int | None:
    """Guesses for a date written the Chinese way: YYYYMMDD, YYMMDD, MMDD, or a year."""
    if len(token) == 4 and 1900 <= int(token) <= 2050:
        return max(abs(int(token) - REFERENCE_YEAR), MIN_YEAR_SPACE)
    if len(token) == 8:
        year, rest = int(token[:4]), token[4:]
    elif len(token) == 6:
        short = int(token[:2])
        year, rest = (1900 + short if short > 50 else 2000 + short), token[2:]
    elif len(token) == 4:
        year, rest = 0, token
    else:
        return None
    month, day = int(rest[:2]), int(rest[2:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if not year:
        return DAYS_WITHOUT_YEAR
    if not 1900 <= year <= 2050:
        return None
    return max(abs(year - REFERENCE_YEAR), MIN_YEAR_SPACE) * DAYS_A_YEAR


def _templates(letters: Parts, digits: Parts) -> Parts:
    """Letters next to digits, either way round, as one pattern."""
    by_start: dict[int, list[tuple[int, int, str]]] = {}
    for (i, j), (guesses, kind) in digits.items():
        by_start.setdefault(i, []).append((j, guesses, kind))
    by_end: dict[int, list[tuple[int, int, str]]] = {}
    for (i, j), (guesses, kind) in digits.items():
        by_end.setdefault(j, []).append((i, guesses, kind))
    parts: Parts = {}
    for (i, j), (word, word_kind) in letters.items():
        for end, number, number_kind in by_start.get(j + 1, ()):
            kind = f"{word_kind}+{number_kind}"
            _keep(parts, (i, end), word * number * TEMPLATE_ORDERS, kind)
        for begin, number, number_kind in by_end.get(i - 1, ()):
            kind = f"{number_kind}+{word_kind}"
            _keep(parts, (begin, j), word * number * TEMPLATE_ORDERS, kind)
    return parts


def _match(password: str, i: int, j: int, guesses: int, kind: str) -> dict[str, Any]:
    from zxcvbn.scoring import uppercase_variations  # zxcvbn loads on first use

    token = password[i : j + 1]
    guesses *= int(uppercase_variations({"token": token}))
    if len(token) < len(password):  # zxcvbn's floor for a part (it skips preset guesses)
        floor = MIN_SUBMATCH_SINGLE_CHAR if len(token) == 1 else MIN_SUBMATCH_MULTI_CHAR
        guesses = max(guesses, floor)
    return {"pattern": "zh", "i": i, "j": j, "token": token, "guesses": guesses, "zh_kind": kind}
