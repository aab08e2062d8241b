"""Password strength, estimated by zxcvbn 4.5 taught Chinese habits, never keeping the password.

The contract (DESIGN.md): ``checks.password.assess(password, context=())``
returns a :class:`PasswordReport`. The package:

* this module: what the app calls (:func:`assess`, :func:`quick_estimate`),
  the report, the translatable texts;
* :mod:`checks.password.engine`: zxcvbn's ``zxcvbn()`` with extra matches;
* :mod:`checks.password.chinese`: pinyin, Chinese names, love and lucky
  numbers, Chinese date formats, common Chinese passwords (issue 18), with
  their data and sources in :mod:`checks.password.chinese_data`.

zxcvbn is a good offline estimator but it has sharp edges, measured on these
machines (see DESIGN.md): it raises ``ValueError`` above 72 characters, it
takes seconds on a long input full of l33t look-alikes, it writes module-global
state (so two threads at once can mix their word lists up), and it has no
dictionaries for Chinese or other non-Latin scripts. This module turns it into
something a UI can call with *anything* the user types:

* only the first 72 characters are scored (``truncated`` says so; the rest
  can only make the password stronger);
* every call into zxcvbn is serialised by one lock;
* :func:`quick_estimate` scores a short prefix for live feedback while
  typing, :func:`assess` gives the full answer after a pause, off the UI thread;
* wallet brand names, crypto words and the caller's ``context`` (name,
  e-mail) count as guessable words;
* zxcvbn's fixed English feedback is filtered through :data:`FEEDBACK_TEXTS`,
  a table of N_-marked copies, and the Chinese patterns' own through
  :data:`checks.password.chinese.FEEDBACK_TEXTS`, so the UI can translate it
  and no text that could quote the password ever reaches the report.

The password is never stored, logged or put into the report: zxcvbn's
result dict (which holds it, and pieces of it in its match sequence) is read
for a few derived numbers and dropped.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from checks.i18n import N_, Msg, msg
from checks.password.chinese import FEEDBACK_TEXTS as CHINESE_FEEDBACK_TEXTS

MAX_SCORED_CHARS = 72  # zxcvbn 4.5 refuses longer input
QUICK_PREFIX_CHARS = 16  # zxcvbn's worst case grows fast with length (bench/RESULTS.md, 9b)

# zxcvbn keeps the user-input dictionary in module-global state and is not
# re-entrant: every call goes through this lock.
_ZXCVBN_LOCK = threading.Lock()

# Words a thief tries first against a wallet password. Lower-case (zxcvbn
# lower-cases the password before matching dictionaries).
WALLET_WORDS: tuple[str, ...] = (
    "imtoken", "tokenpocket", "tp", "tpwallet", "bitpie", "metamask", "trust",
    "trustwallet", "ledger", "ledgerlive", "trezor", "safepal", "onekey", "exodus",
    "phantom", "binance", "okx", "okex", "huobi", "htx", "coinbase", "kraken",
    "wallet", "crypto", "coin", "token", "bitcoin", "btc", "satoshi", "nakamoto",
    "hodl", "eth", "ether", "ethereum", "usdt", "usdc", "tether", "tron", "trx",
    "solana", "sol", "bnb", "doge", "dogecoin", "seed", "mnemonic",
    "钱包", "比特币", "以太坊", "币安", "火币", "欧易", "助记词", "私钥", "密码",
    "password",
)  # fmt: skip

# Every feedback string zxcvbn 4.5 can return (zxcvbn/feedback.py), copied
# verbatim so they are extracted for translation. A test compares this table
# with the installed zxcvbn source. Strings not in it are dropped.
FEEDBACK_TEXTS: frozenset[str] = frozenset(
    {
        N_("Use a few words, avoid common phrases."),
        N_("No need for symbols, digits, or uppercase letters."),
        N_("Add another word or two. Uncommon words are better."),
        N_("Straight rows of keys are easy to guess."),
        N_("Short keyboard patterns are easy to guess."),
        N_("Use a longer keyboard pattern with more turns."),
        N_('Repeats like "aaa" are easy to guess.'),
        N_('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
        N_("Avoid repeated words and characters."),
        N_('Sequences like "abc" or "6543" are easy to guess.'),
        N_("Avoid sequences."),
        N_("Recent years are easy to guess."),
        N_("Avoid recent years."),
        N_("Avoid years that are associated with you."),
        N_("Dates are often easy to guess."),
        N_("Avoid dates and years that are associated with you."),
        N_("This is a top-10 common password."),
        N_("This is a top-100 common password."),
        N_("This is a very common password."),
        N_("This is similar to a commonly used password."),
        N_("A word by itself is easy to guess."),
        N_("Names and surnames by themselves are easy to guess."),
        N_("Common names and surnames are easy to guess."),
        N_("Capitalization doesn't help very much."),
        N_("All-uppercase is almost as easy to guess as all-lowercase."),
        N_("Reversed words aren't much harder to guess."),
        N_("Predictable substitutions like '@' instead of 'a' don't help very much."),
    }
)

# What a report's warning and suggestions may hold: zxcvbn's texts, the Chinese
# patterns' notes, and the two notes below.
KNOWN_FEEDBACK = FEEDBACK_TEXTS | CHINESE_FEEDBACK_TEXTS

NOTE_LENGTH_ONLY = N_(
    "Most of this password is in a script such as Chinese, for which the checker has "
    "no word lists, so its score is only a guess from the length. Well-known phrases "
    "and sayings are easy to guess even when they are long."
)
NOTE_TRUNCATED = N_(
    "Only the first 72 characters were checked. The rest can only make the password "
    "stronger."
)

SCORE_LABELS: tuple[str, ...] = (
    N_("Very weak"),
    N_("Weak"),
    N_("Fair"),
    N_("Strong"),
    N_("Very strong"),
)

# The crack time shown is zxcvbn's "offline, slow hashing, 10^4 guesses per
# second" scenario: a thief who copied the phone or the wallet's backup file
# attacks its password offline, and wallet files are protected with slow key
# derivation (scrypt, PBKDF2). The UI should say what the number means.
CRACK_TIME_SCENARIO = "offline_slow_hashing_1e4_per_second"
CRACK_TIME_EXPLANATION = N_(
    "Estimated time for a thief who has a copy of your wallet file and tries 10,000 "
    "guesses a second."
)

_SEPARATORS = re.compile(r"[\s._\-+@,;:/\\]+")


@dataclass(frozen=True)
class PasswordReport:
    """What the checker found, with only values derived from the password.

    ``warning`` and ``suggestions`` are English source strings (from
    :data:`KNOWN_FEEDBACK` or the notes above): translate them by msgid.
    ``partial`` is True when only a prefix was scored for speed and the full
    answer from :func:`assess` may differ.
    """

    score: int
    guesses_log10: float
    crack_time_seconds: float
    crack_time_display: str
    warning: str
    suggestions: tuple[str, ...]
    truncated: bool = False
    length_only: bool = False
    partial: bool = False

    @property
    def crack_time(self) -> Msg:
        """The crack time as a translatable message ("3 hours", "centuries")."""
        return crack_time_words(self.crack_time_seconds)

    @property
    def label(self) -> str:
        """A word for the score ("Weak" … "Very strong"), N_-marked."""
        return SCORE_LABELS[self.score]


def assess(password: str, context: Iterable[str] = ()) -> PasswordReport:
    """Score ``password`` (any length, any Unicode); never raises.

    ``context`` holds words the user's password should not be built from:
    their name, e-mail address, wallet name. E-mail addresses and names are
    also split into their parts. Slow on long l33t-heavy input (seconds):
    call it off the UI thread.
    """
    return _report(password, context, MAX_SCORED_CHARS, partial_scope=False)


def quick_estimate(password: str, context: Iterable[str] = ()) -> PasswordReport:
    """Like :func:`assess`, on the first 16 characters only: fast enough per key press.

    ``partial`` is True when the password is longer than that prefix; the UI
    then shows this result at once and the one from :func:`assess` after a
    pause. The full score may be higher or lower (a repeat that only shows in
    the whole password lowers it). The prefix is short because zxcvbn's cost
    grows with the number of distinct l33t look-alikes in it.
    """
    return _report(password, context, QUICK_PREFIX_CHARS, partial_scope=True)


def crack_time_words(seconds: float) -> Msg:
    """Seconds as words, with zxcvbn's rounding ("less than a second" … "centuries")."""
    minute = 60.0
    hour = minute * 60
    day = hour * 24
    month = day * 31
    year = month * 12
    century = year * 100
    if not seconds >= 1:  # also NaN
        return msg(N_("less than a second"))
    units: tuple[tuple[float, float, str, str], ...] = (
        (minute, 1.0, N_("1 second"), N_("{n} seconds")),
        (hour, minute, N_("1 minute"), N_("{n} minutes")),
        (day, hour, N_("1 hour"), N_("{n} hours")),
        (month, day, N_("1 day"), N_("{n} days")),
        (year, month, N_("1 month"), N_("{n} months")),
        (century, year, N_("1 year"), N_("{n} years")),
    )
    for limit, unit, one, many in units:
        if seconds < limit:
            count = round(seconds / unit)
            return msg(one) if count == 1 else msg(many, n=count)
    return msg(N_("centuries"))


def guessable_words(context: Iterable[str]) -> list[str]:
    """The caller's words and their parts, then :data:`WALLET_WORDS`.

    zxcvbn ranks user inputs by position (first = most guessable), so the
    person's own words come first. "alice.smith@example.com" also gives
    "alice.smith", "alice", "smith", "example.com" and "example".
    """
    words: list[str] = []
    for item in context:
        text = str(item).strip()
        if not text:
            continue
        words.append(text)
        if "@" in text:
            local, _, domain = text.rpartition("@")
            words.extend(part for part in (local, domain) if part)
        words.extend(part for part in _SEPARATORS.split(text) if len(part) >= 2)
    words.extend(WALLET_WORDS)
    return list(dict.fromkeys(word.lower() for word in words))


def _report(
    password: str, context: Iterable[str], limit: int, *, partial_scope: bool
) -> PasswordReport:
    scored = password[:limit]
    truncated = len(password) > MAX_SCORED_CHARS
    length_only = _mostly_unlisted_script(scored)
    result = _run_zxcvbn(scored, guessable_words(context))
    notes: list[str] = []
    if length_only:
        notes.append(NOTE_LENGTH_ONLY)
    if truncated and not partial_scope:
        notes.append(NOTE_TRUNCATED)
    return PasswordReport(
        score=result.score,
        guesses_log10=result.guesses_log10,
        crack_time_seconds=result.crack_time_seconds,
        crack_time_display=result.crack_time_display,
        warning=result.warning,
        suggestions=(*notes, *result.suggestions),
        truncated=truncated,
        length_only=length_only,
        partial=partial_scope and len(password) > limit,
    )


@dataclass(frozen=True)
class _Scored:
    score: int
    guesses_log10: float
    crack_time_seconds: float
    crack_time_display: str
    warning: str
    suggestions: tuple[str, ...]


_EMPTY = _Scored(
    score=0,
    guesses_log10=0.0,
    crack_time_seconds=0.0,
    crack_time_display="less than a second",
    warning="",
    suggestions=(
        N_("Use a few words, avoid common phrases."),
        N_("No need for symbols, digits, or uppercase letters."),
    ),
)


def _run_zxcvbn(password: str, user_inputs: list[str]) -> _Scored:
    """Call the estimator under the lock and keep only derived values.

    If zxcvbn fails on some odd input, fall back to its own brute-force
    estimate (10 guesses per character) rather than fail the user.
    """
    if not password:  # zxcvbn 4.5 raises IndexError on ""
        return _EMPTY
    from checks.password import engine  # lazy: it loads zxcvbn (start-up time, DESIGN.md)

    try:
        with _ZXCVBN_LOCK:
            result: Mapping[str, Any] = engine.estimate(password, user_inputs)
        return _derive(result)
    except Exception:  # never fail the user on an engine bug
        return _brute_force_estimate(len(password))


def _derive(result: Mapping[str, Any]) -> _Scored:
    """Read numbers and fixed feedback strings; never the password or match tokens."""
    feedback: Mapping[str, Any] = result["feedback"]
    warning = str(feedback.get("warning") or "")
    suggestions = tuple(str(text) for text in feedback.get("suggestions") or ())
    return _Scored(
        score=int(result["score"]),
        guesses_log10=float(result["guesses_log10"]),
        crack_time_seconds=_to_float(result["crack_times_seconds"][CRACK_TIME_SCENARIO]),
        crack_time_display=str(result["crack_times_display"][CRACK_TIME_SCENARIO]),
        warning=warning if warning in KNOWN_FEEDBACK else "",
        suggestions=tuple(text for text in suggestions if text in KNOWN_FEEDBACK),
    )


def _brute_force_estimate(length: int) -> _Scored:
    # zxcvbn: on first use, as above
    from zxcvbn.time_estimates import display_time, guesses_to_score

    guesses_log10 = float(length)  # zxcvbn's brute-force cardinality is 10
    seconds = 10.0 ** (guesses_log10 - 4)  # the 1e4-per-second scenario
    return _Scored(
        score=int(guesses_to_score(10**length)),
        guesses_log10=guesses_log10,
        crack_time_seconds=seconds,
        crack_time_display=str(display_time(seconds)),
        warning="",
        suggestions=(),
    )


def _to_float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (OverflowError, TypeError, ValueError):
        return math.inf


def _mostly_unlisted_script(text: str) -> bool:
    """True when over half the characters are outside zxcvbn's reach.

    zxcvbn's dictionaries and keyboard graphs are for ASCII and Latin
    letters; a Chinese, Cyrillic or emoji character is only ever counted as
    brute force, so such a password's score is a length estimate.
    """
    if not text:
        return False
    unlisted = sum(1 for char in text if not _listed(char))
    return unlisted * 2 > len(text)


def _listed(char: str) -> bool:
    if char.isascii():
        return True
    if not char.isalpha():
        return False
    return unicodedata.name(char, "").startswith("LATIN ")
