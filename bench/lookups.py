"""Look-ups the user waits for while typing: ``check-link`` and the help search.

The tests count their work (tests/test_phishing.py, tests/test_help_search.py);
here they are timed, against the budgets the tests once asserted.
"""

from __future__ import annotations

import json
import time

from bench.measure import REPO, Row, median, ms, verdict


def fine(seconds: float) -> str:
    """Milliseconds, with enough digits for what takes well under one."""
    return f"{seconds * 1000:.3f} ms" if seconds < 0.001 else ms(seconds)


CLASSIFY_BUDGET = 0.020  # a verdict as the link is pasted
LONGEST_BUDGET = 2.0  # every longest input at once
QUERY_BUDGET = 0.005  # well under a frame (16 ms): results as you type
LOOKALIKES = REPO / "tests" / "fixtures" / "phishing" / "lookalikes.json"
# The largest inputs check-link accepts (MAX_INPUT characters) and one it refuses.
LONGEST = ("x" * 10**6, "a." * 999, "@" + "a" * 1990, "metamask-" * 220, "metamsk.io " * 180)
QUERIES = ("冻结", "approval", "恢复", "改了密码 钱包恢复", "tx hash", "a", "钱")


def run(quick: bool) -> list[Row]:
    from checks.help import load_help
    from checks.help.search import Entry, SearchIndex
    from checks.phishing import classify

    cases = [case["text"] for case in json.loads(LOOKALIKES.read_text("utf-8"))["cases"]]
    start = time.perf_counter()
    classify("metamask.io")  # reads the directory, the suffix list and the look-alike table
    first = time.perf_counter() - start
    rounds = []
    for _ in range(1 if quick else 7):
        start = time.perf_counter()
        for text in cases:
            classify(text)
        rounds.append((time.perf_counter() - start) / len(cases))
    per_call = median(rounds)
    longest = []
    for _ in range(1 if quick else 5):
        start = time.perf_counter()
        for text in LONGEST:
            classify(text)
        longest.append(time.perf_counter() - start)

    library = load_help()
    entries = [
        Entry(a.id, {"title": a.title, "answer": a.answer, "keywords": " ".join(a.keywords)})
        for a in library.articles("zh_CN")
    ]
    start = time.perf_counter()
    for _ in range(3 if quick else 20):
        SearchIndex(entries)
    build = (time.perf_counter() - start) / (3 if quick else 20)
    library.index("en"), library.index("zh_CN")
    queries = list(QUERIES) * (5 if quick else 100)
    start = time.perf_counter()
    for number, query in enumerate(queries):
        library.search(query, "zh_CN" if number % 2 else "en")
    per_query = (time.perf_counter() - start) / len(queries)
    return [
        Row(
            "8a",
            f"check-link once warm: a look-alike (the {len(cases)} of"
            " tests/fixtures/phishing/lookalikes.json), per call — median of rounds",
            fine(per_call),
            f"<= {ms(CLASSIFY_BUDGET)}",
            verdict(per_call <= CLASSIFY_BUDGET),
            note=f"first call {ms(first)} (reads the directory, the Public Suffix List"
            " and the look-alike table)",
        ),
        Row(
            "8b",
            "check-link on the longest texts it takes (2,000 characters) and a 1 MB paste,"
            " all five",
            ms(median(longest)),
            f"<= {ms(LONGEST_BUDGET)}",
            verdict(median(longest) <= LONGEST_BUDGET),
        ),
        Row(
            "8c",
            "Help search as you type, the whole corpus, English and Chinese: per query",
            fine(per_query),
            f"<= {ms(QUERY_BUDGET)}",
            verdict(per_query <= QUERY_BUDGET),
            note=f"the Chinese index built in {ms(build)} (once, when help first opens)",
        ),
    ]
