"""checks.password: zxcvbn made safe for any input, translatable, and secret-free.

The Chinese patterns it also knows are tested in test_password_chinese.py.
"""

from __future__ import annotations

import ast
import dataclasses
import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks import password as pw
from checks.i18n import Msg
from checks.password import (
    FEEDBACK_TEXTS,
    KNOWN_FEEDBACK,
    MAX_SCORED_CHARS,
    NOTE_LENGTH_ONLY,
    NOTE_TRUNCATED,
    QUICK_PREFIX_CHARS,
    PasswordReport,
    assess,
    crack_time_words,
    guessable_words,
    quick_estimate,
)

ALLOWED_TEXTS = KNOWN_FEEDBACK | {NOTE_LENGTH_ONLY, NOTE_TRUNCATED}

# Every code point Python allows in a str, lone surrogates included (as an
# odd paste from Windows can produce).
ANY_CHAR = st.one_of(st.characters(exclude_categories=()), st.characters(categories=["Cs"]))


def _zxcvbn_feedback_strings() -> set[str]:
    """All literal strings passed to _() in the installed zxcvbn/feedback.py."""
    import zxcvbn.feedback

    tree = ast.parse(Path(zxcvbn.feedback.__file__).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
            (argument,) = node.args
            found.add(ast.literal_eval(argument))
    return found


def test_feedback_table_is_exactly_zxcvbns_strings() -> None:
    strings = _zxcvbn_feedback_strings()
    assert len(strings) >= 25
    assert strings == FEEDBACK_TEXTS


def test_empty_password_scores_zero_without_raising() -> None:
    report = assess("")
    assert report.score == 0
    assert report.guesses_log10 == 0.0
    assert not report.truncated and not report.length_only and not report.partial
    assert set(report.suggestions) <= KNOWN_FEEDBACK


def test_common_password_is_weak_with_zxcvbn_warning() -> None:
    report = assess("password")
    assert report.score == 0
    assert report.warning == "This is a top-10 common password."
    assert report.crack_time_display == "less than a second"
    assert report.label == "Very weak"


def test_long_passphrase_is_strong() -> None:
    report = assess("orbit maple gnome ticket")
    assert report.score == 4
    assert report.guesses_log10 > 12
    assert report.warning == ""
    assert report.label == "Very strong"


@pytest.mark.parametrize(
    "famous",
    ["correct horse battery staple", "correcthorsebatterystaple", "correct horse battery",
     "Correct-Horse-Battery-Staple", "Tr0ub4dor&3"],
)  # fmt: skip
def test_the_famous_examples_from_password_advice_are_weak(famous: str) -> None:
    report = assess(famous)
    assert report.score <= 1  # capitals cost a little (zxcvbn's rule)
    assert report.warning == "This is a famous example from password advice: thieves try it first."


@pytest.mark.parametrize("word", ["metamask", "imToken", "TokenPocket", "trezor", "binance"])
def test_wallet_brand_names_count_as_guessable(word: str) -> None:
    from zxcvbn import zxcvbn

    plain = zxcvbn(word)["guesses_log10"]
    report = assess(word)
    assert report.score == 0
    assert report.guesses_log10 < plain


def test_wallet_words_in_chinese_count_as_guessable() -> None:
    # zxcvbn guesses 10 per unknown character, so only a password made of
    # such a word scores lower than another string of the same length.
    for word in ("比特币", "以太坊", "助记词"):
        assert assess(word).guesses_log10 < assess("猫咪名").guesses_log10 - 1


def test_context_words_and_their_parts_count_as_guessable() -> None:
    context = ["Qiuzhen Xiaoming", "xm.qiuzhen@zorbmail.cn"]
    for password in ("qiuzhenzorbmail", "xiaomingqiuzhen", "xm.qiuzhen@zorbmail.cn"):
        # (a pinyin name is cheap even without context, so the margin is smaller)
        assert assess(password, context).guesses_log10 < assess(password).guesses_log10 - 1.5


def test_guessable_words_splits_names_and_emails() -> None:
    words = guessable_words(["Zhang_Wei", "li.na@qq.com", "  ", "Bob-Lee"])
    for expected in ("zhang_wei", "zhang", "wei", "li.na@qq.com", "li.na", "qq.com", "li",
                     "na", "qq", "bob-lee", "bob", "lee"):  # fmt: skip
        assert expected in words
    assert "" not in words
    # The person's own words rank before the wallet words (zxcvbn ranks by order).
    assert words.index("wei") < words.index("metamask")
    assert len(words) == len(set(words))


def test_over_72_characters_scores_the_prefix_and_says_so() -> None:
    long_password = "Xq7#mLp2@vN9!rT4$wZ8" * 10  # 200 characters
    report = assess(long_password)
    assert report.truncated
    assert NOTE_TRUNCATED in report.suggestions
    assert report == dataclasses.replace(
        assess(long_password[:MAX_SCORED_CHARS]),
        truncated=True,
        suggestions=(NOTE_TRUNCATED, *assess(long_password[:MAX_SCORED_CHARS]).suggestions),
    )
    exact = assess("a" * MAX_SCORED_CHARS)
    assert not exact.truncated
    assert NOTE_TRUNCATED not in exact.suggestions


def test_chinese_password_is_flagged_as_length_only() -> None:
    report = assess("我爱我的家人一生一世平安")
    assert report.length_only
    assert report.suggestions[0] == NOTE_LENGTH_ONLY
    for latin in ("password", "Crème brûlée au café", "P@ssw0rd!", "ÄÖÜäöüß-straße"):
        assert not assess(latin).length_only
    assert assess("password中").length_only is False
    assert assess("пароль123456").length_only is False  # digits keep it under half
    assert assess("парольпароль").length_only is True


def test_quick_estimate_scores_only_a_prefix() -> None:
    short = "Tr0ub4dor&3"
    assert quick_estimate(short) == assess(short)
    assert not quick_estimate(short).partial

    long_password = "correct horse battery staple"
    quick = quick_estimate(long_password)
    assert quick.partial
    prefix_report = assess(long_password[:QUICK_PREFIX_CHARS])
    assert quick == dataclasses.replace(prefix_report, partial=True)
    assert not assess(long_password).partial


def test_quick_estimate_of_huge_input_is_truncated_and_partial() -> None:
    report = quick_estimate("x" * 10_000)
    assert report.partial and report.truncated


@pytest.mark.parametrize(
    ("seconds", "text", "args"),
    [
        (0.0, "less than a second", {}),
        (0.99, "less than a second", {}),
        (-5.0, "less than a second", {}),
        (float("nan"), "less than a second", {}),
        (1.0, "1 second", {}),
        (1.4, "1 second", {}),
        (45.0, "{n} seconds", {"n": 45}),
        (90.0, "{n} minutes", {"n": 2}),
        (60.0, "1 minute", {}),
        (3600.0, "1 hour", {}),
        (5 * 3600.0, "{n} hours", {"n": 5}),
        (86400.0 * 3, "{n} days", {"n": 3}),
        (86400.0 * 31 * 4, "{n} months", {"n": 4}),
        (86400.0 * 31 * 12, "1 year", {}),
        (86400.0 * 31 * 12 * 20, "{n} years", {"n": 20}),
        (86400.0 * 31 * 12 * 100, "centuries", {}),
        (float("inf"), "centuries", {}),
    ],
)
def test_crack_time_words(seconds: float, text: str, args: dict[str, int]) -> None:
    words = crack_time_words(seconds)
    assert isinstance(words, Msg)
    assert words.text == text
    assert dict(words.args) == args


@pytest.mark.parametrize("password", ["a", "password1", "Tr0ub4dor&3", "qwertyuiop", "x" * 30,
                                      "correct horse battery staple", "19841984"])  # fmt: skip
def test_crack_time_words_agree_with_zxcvbns_english(password: str) -> None:
    report = assess(password)
    assert report.crack_time.render() == report.crack_time_display


def test_feedback_is_only_known_translatable_text() -> None:
    passwords = ("qwerty", "aaaaaa", "abcabcabc", "abcdef", "2019", "13/05/1998", "Smith",
                 "P@ssw0rd", "drowssap", "PASSWORD", "Password", "dragon", "monkey")  # fmt: skip
    seen: set[str] = set()
    for password in passwords:
        report = assess(password)
        assert report.warning in KNOWN_FEEDBACK | {""}
        assert set(report.suggestions) <= ALLOWED_TEXTS
        seen.update({report.warning, *report.suggestions})
    assert len(seen - {""}) >= 12  # the engine really produced varied feedback


def test_unknown_feedback_from_a_future_zxcvbn_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(password: str, user_inputs: list[str] | None = None) -> dict[str, object]:
        from decimal import Decimal

        return {
            "password": password,
            "score": 1,
            "guesses_log10": 3.5,
            "sequence": [{"token": password}],
            "crack_times_seconds": {pw.CRACK_TIME_SCENARIO: Decimal("0.3")},
            "crack_times_display": {pw.CRACK_TIME_SCENARIO: "less than a second"},
            "feedback": {
                "warning": f"Your password {password} is weak",
                "suggestions": [f"Do not use {password}", "Avoid sequences."],
            },
        }

    monkeypatch.setattr("checks.password.engine.estimate", fake)
    report = assess("hunter2hunter2")
    assert report.warning == ""
    assert report.suggestions == ("Avoid sequences.",)
    assert report.score == 1


def test_an_engine_failure_falls_back_to_a_length_estimate(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(password: str, user_inputs: list[str] | None = None) -> None:
        raise IndexError("engine bug")

    monkeypatch.setattr("checks.password.engine.estimate", broken)
    report = assess("abcdefgh")
    assert report.guesses_log10 == 8.0
    assert report.score == 2
    assert report.crack_time_display == "3 hours"  # 1e8 guesses at 1e4 per second


@pytest.mark.parametrize(
    "password",
    [
        "\x00",
        "pass\x00word",
        "\ud800\udfff lone surrogates \udc80",
        "🔑💰🚀🌕" * 5,
        "\u202epassword\u202c",  # right-to-left override
        "مرحبا كلمة السر",
        "a\u0301\u0302\u0303" * 20,  # stacked combining marks
        "İİİİİİİİ",  # lower() changes the length
        "ﬃ\ufeff\u200b\u200d",
        "\n\t\r" * 30,
        "x" * 1_000_000,
    ],
)
def test_odd_input_never_raises(password: str) -> None:
    report = assess(password)
    assert 0 <= report.score <= 4
    assert quick_estimate(password).score in range(5)


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=100)
@given(password=st.lists(ANY_CHAR, max_size=200).map("".join))
def test_assess_never_raises_for_any_text(password: str) -> None:
    report = assess(password)
    assert 0 <= report.score <= 4
    assert report.truncated == (len(password) > MAX_SCORED_CHARS)
    assert report.warning in KNOWN_FEEDBACK | {""}
    assert set(report.suggestions) <= ALLOWED_TEXTS


def test_concurrent_calls_do_not_mix_their_context_words() -> None:
    # zxcvbn keeps user inputs in module state; without the lock one thread's
    # context leaks into another's result.
    word = "zorblefaxquux"
    with_context = assess(word, [word]).guesses_log10
    without = assess(word).guesses_log10
    assert with_context < without
    results: list[tuple[bool, float]] = []
    lock = threading.Lock()

    def worker(use_context: bool) -> None:
        for _ in range(30):
            value = assess(word, [word] if use_context else ()).guesses_log10
            with lock:
                results.append((use_context, value))

    threads = [threading.Thread(target=worker, args=(i % 2 == 0,)) for i in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so a race shows
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert len(results) == 120
    for use_context, value in results:
        assert value == (with_context if use_context else without)


def test_importing_the_module_does_not_import_zxcvbn() -> None:
    code = "import sys, checks.password; assert 'zxcvbn' not in sys.modules"
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


CANARY = "Canary-Pw-7f3Q!zz"


@pytest.mark.security
def test_report_holds_no_part_of_the_password() -> None:
    for password in (CANARY, CANARY * 6, "钱包密码" + CANARY, "password"):
        for report in (assess(password, ["someone@example.com"]), quick_estimate(password)):
            values = [str(value) for value in dataclasses.astuple(report)]
            text = repr(report) + "".join(values) + report.crack_time.render()
            assert CANARY not in text
            assert "Canary" not in text
            assert report.warning in KNOWN_FEEDBACK | {""}
            assert set(report.suggestions) <= ALLOWED_TEXTS
            # Only derived values: numbers, flags and the fixed texts.
            assert {field.name for field in dataclasses.fields(PasswordReport)} == {
                "score", "guesses_log10", "crack_time_seconds", "crack_time_display",
                "warning", "suggestions", "truncated", "length_only", "partial",
            }  # fmt: skip


@pytest.mark.security
def test_assess_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        assess(CANARY)
        quick_estimate(CANARY)
        assess("")
    assert CANARY not in caplog.text
    assert caplog.records == []


@pytest.mark.security
def test_password_is_not_kept_by_the_module() -> None:
    assess(CANARY)
    module_state = repr({name: value for name, value in vars(pw).items()
                         if not name.startswith("__")})  # fmt: skip
    assert CANARY not in module_state
