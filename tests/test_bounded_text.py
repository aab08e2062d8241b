"""Bounded work on huge input (issue 15, item 8).

NFKC can make a text ~18 times longer (U+FDFA, one character, becomes 18):
``chains._clean`` and ``help.search.normalise`` normalised first and cut
after, so 1 MB of U+FDFA took seconds and 10 MB a minute and 10 GB of memory
(154 ms a keystroke in the help search). Now they cut first. These tests
count what reaches ``unicodedata.normalize`` and what comes out of every text
function — no clock.
"""

from __future__ import annotations

import unicodedata

import pytest

from checks.chains import validate_address, validate_tx_hash
from checks.help import LANGUAGES, load_help
from checks.help import search as help_search
from checks.phishing import classify
from checks.probes.wifi import parse_wifi
from checks.totp import parse_otpauth

pytestmark = pytest.mark.security

EXPANDS = "\ufdfa"  # ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: 18 characters in NFKC
assert len(unicodedata.normalize("NFKC", EXPANDS)) == 18
LIMIT = 4_000  # no text function may normalise (or return) more than this from user input


@pytest.fixture
def normalised(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """(input length, output length) of every unicodedata.normalize call."""
    calls: list[tuple[int, int]] = []
    real = unicodedata.normalize

    def counting(form: str, text: str) -> str:
        result = real(form, text)
        calls.append((len(text), len(result)))
        return result

    monkeypatch.setattr(unicodedata, "normalize", counting)
    return calls


@pytest.mark.parametrize("size", [1_000_000, 10_000_000])
@pytest.mark.parametrize("chain", ["ethereum", "bitcoin", "tron", "solana", "other"])
def test_addresses_and_hashes_cut_before_they_normalise(normalised, size, chain) -> None:
    huge = EXPANDS * size
    for result in (validate_address(chain, huge), validate_tx_hash(chain, huge)):
        assert not result.ok
        assert len(result.value) <= 500
    assert normalised and max(n for n, _ in normalised) <= LIMIT


def test_a_valid_value_followed_by_a_huge_tail_is_not_cut_into_a_valid_one() -> None:
    address = "0x742d35Cc6634C0532925a3b844Bc454e4438f44e"
    assert validate_address("ethereum", address).ok
    assert not validate_address("ethereum", address + " " * 5_000 + "x").ok


@pytest.mark.parametrize("size", [1_000_000, 10_000_000])
def test_help_search_cuts_the_query_before_it_normalises(normalised, size) -> None:
    library = load_help()
    for language in LANGUAGES:  # the articles are indexed once, up front (search uses both)
        library.index(language)
    normalised.clear()
    library.search(EXPANDS * size, "en")
    library.search("ａｐｐｒｏｖａｌ " + EXPANDS * size, "en")  # full-width, then the flood
    assert normalised and max(n for n, _ in normalised) <= help_search.MAX_QUERY


def test_the_text_functions_of_help_search_return_bounded_text() -> None:
    huge = EXPANDS * 1_000_000
    assert len(help_search.normalise(huge)) <= help_search.MAX_TEXT
    assert len(help_search.words(huge)) <= help_search.MAX_TEXT
    assert len(help_search.cjk_terms(huge, unigrams=True)) <= 2 * help_search.MAX_TEXT


def test_a_full_width_query_still_finds_its_article() -> None:
    library = load_help()
    plain = [a.id for a in library.search("approval", "en")]
    assert plain and [a.id for a in library.search("ａｐｐｒｏｖａｌ", "en")] == plain


def test_the_other_parsers_stay_bounded(normalised) -> None:
    huge = EXPANDS * 1_000_000
    assert classify(huge).verdict == "unknown"
    assert parse_wifi(huge, "nmcli").security == "unknown"
    with pytest.raises(ValueError):
        parse_otpauth(huge)
    assert all(n <= LIMIT for n, _ in normalised)
