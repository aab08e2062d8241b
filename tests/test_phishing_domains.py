"""Name helpers behind the phishing check: public suffixes, IDN, skeletons, distance."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path

import pytest

from checks.phishing.domains import (
    HostError,
    edit_distance,
    list_version,
    normalize_host,
    prefix_distance,
    public_suffix_list,
    skeleton,
    to_ascii,
)

FIXTURES = Path(__file__).parent / "fixtures" / "phishing"


def _psl_vectors() -> list[tuple[str | None, str | None]]:
    """The Public Suffix List's own test cases (tests/test_psl.txt upstream)."""
    text = (FIXTURES / "test_psl.txt").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        match = re.match(r"^checkPublicSuffix\((.*), (.*)\);$", line.strip())
        if match:
            args = [None if a == "null" else a.strip("'") for a in match.groups()]
            found.append((args[0], args[1]))
    assert len(found) > 70
    return found


@pytest.mark.parametrize(("domain", "expected"), _psl_vectors())
def test_registrable_domain_matches_psl_test_vectors(
    domain: str | None, expected: str | None
) -> None:
    if domain is None or domain.startswith("."):
        assert expected is None  # our parser never sees these: they are not hosts
        return
    host = normalize_host(domain)
    got = public_suffix_list().registrable_domain(host)
    if got is not None and domain.isascii():
        got = to_ascii(got)  # the vectors answer in the form they were asked
    assert got == (expected.lower() if expected else None)


@pytest.mark.parametrize(
    ("host", "registrable"),
    [
        ("support.token.im", "token.im"),
        ("token.im.example.io", "example.io"),
        ("metamask.io.secure-login.com", "secure-login.com"),
        ("support-ledgger.pages.dev", "support-ledgger.pages.dev"),  # private section
        ("a.b.metamask.sose.co.kr", "sose.co.kr"),
        ("ledger.corn", "ledger.corn"),  # unknown TLD: implicit "*" rule
    ],
)
def test_registrable_domain_for_phishing_shapes(host: str, registrable: str) -> None:
    assert public_suffix_list().registrable_domain(host) == registrable


def test_public_suffix_list_is_less_than_a_year_old() -> None:
    """The list comes with the ``publicsuffixlist`` package, which is released with
    each new list: when this fails, upgrade the package (pyproject.toml)."""
    stamp = list_version()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_UTC", stamp), stamp
    assert date.today() - date.fromisoformat(stamp[:10]) < timedelta(days=365)
    psl = public_suffix_list()
    for suffix in ("com", "co.uk", "pages.dev", "github.io"):  # both sections are there
        assert psl.registrable_domain(suffix) is None
        assert psl.registrable_domain(f"example.{suffix}") == f"example.{suffix}"


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("METAMASK.IO.", "metamask.io"),
        ("ｍｅｔａｍａｓｋ．ｉｏ", "metamask.io"),  # full-width letters and dot
        ("token。im", "token.im"),  # ideographic full stop
        ("meta\u00admask.io", "metamask.io"),  # soft hyphen is ignored by browsers
        ("xn--ldger-4ra.com", "lèdger.com"),
        ("xn--ledgr-v1e.com", "ledgёr.com"),
        ("Straße.de", "straße.de"),  # IDNA 2008 keeps ß: no casefold
    ],
)
def test_normalize_host(text: str, host: str) -> None:
    assert normalize_host(text) == host


def test_punycode_round_trip_agrees_with_stdlib_idna_codec() -> None:
    for name in ("lèdger.com", "ledgёr.com", "metаmask.io", "imtoκen.com"):
        assert to_ascii(name) == name.encode("idna").decode("ascii")
        assert normalize_host(name.encode("idna").decode("ascii")) == name


@pytest.mark.parametrize("bad", ["xn--zz-zz.com", "xn--.com", "xn--abc.com", "a..b", "", "."])
def test_damaged_names_raise_host_error(bad: str) -> None:
    with pytest.raises(HostError):
        normalize_host(bad)


@pytest.mark.parametrize(
    ("lookalike", "real"),
    [
        ("lèdger", "ledger"),
        ("ledgёr", "ledger"),  # Cyrillic io
        ("ledgėr", "ledger"),
        ("ledqer", "ledger"),  # q for g, from Ledger's own warning
        ("rnetamask", "metamask"),  # r+n for m
        ("metаmask", "metamask"),  # Cyrillic a
        ("οkx", "okx"),  # Greek omicron
        ("0kx", "okx"),  # digit zero
        ("1edger", "ledger"),  # digit one
        ("ｌｅｄｇｅｒ", "ledger"),  # full-width
        ("імtокеn", "imtoken"),  # Cyrillic і, м, о, к, е (small-capital look-alikes folded)
        ("trеzоr", "trezor"),
    ],
)
def test_skeleton_folds_lookalikes(lookalike: str, real: str) -> None:
    assert skeleton(lookalike) == skeleton(real)


@pytest.mark.parametrize(("left", "right"), [("ledger", "leader"), ("okx", "ok"), ("abc", "xyz")])
def test_skeleton_keeps_different_words_apart(left: str, right: str) -> None:
    assert skeleton(left) != skeleton(right)


def test_confusables_table_names_source_and_version() -> None:
    raw = files("resources").joinpath("confusables.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    assert "confusables.txt" in data["_source"]
    assert "Unicode" in data["_unicode_version"]
    table = data["tr39"]
    assert len(table) > 500
    assert table["0430"] == "a"  # Cyrillic а
    assert table["03BF"] == "o"  # Greek ο
    assert data["ascii"]["006D"] == "rn"


@pytest.mark.parametrize(
    ("left", "right", "distance"),
    [
        ("ledger", "ledger", 0),
        ("legder", "ledger", 1),  # one swap, not two substitutions
        ("metamasks", "metamask", 1),
        ("binanace", "binance", 1),
        ("kitten", "sitting", 3),
    ],
)
def test_edit_distance(left: str, right: str, distance: int) -> None:
    assert edit_distance(left, right, 5) == distance


def test_edit_distance_stops_early_past_the_limit() -> None:
    assert edit_distance("a" * 500, "b" * 500, 2) == 3
    assert edit_distance("short", "a-much-longer-word", 2) == 3


def test_prefix_distance_finds_brand_at_the_start_only() -> None:
    assert prefix_distance("treezorrwalete", "trezor", 1) == 1
    assert prefix_distance("knowledgeable", "ledger", 1) == 2
