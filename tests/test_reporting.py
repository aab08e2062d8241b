"""Where to report: the shipped file validates, damaged files are refused, locale picks a region."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.directory import load_directory
from checks.directory.reporting import (
    EU_MEMBERS,
    KIND_LABELS,
    KINDS,
    METHOD_LABELS,
    METHODS,
    REGION_IDS,
    UNCONFIRMED,
    WHAT_TO_BRING,
    WHAT_TO_HAVE_READY,
    Bilingual,
    Body,
    Reporting,
    ReportingError,
    bodies_for,
    default_region,
    load_reporting,
    parse_reporting,
)
from checks.i18n import InputError

LAST_CHECK = date(2026, 12, 6)
ALL_BODIES = list(load_reporting())


def _raw() -> dict[str, Any]:
    text = files("resources").joinpath("reporting.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _raw_body(data: dict[str, Any], body_id: str) -> dict[str, Any]:
    for region in data["regions"]:
        for body in region["bodies"]:
            if body["id"] == body_id:
                found: dict[str, Any] = body
                return found
    raise AssertionError(body_id)


def _filled(text: Bilingual) -> bool:
    return bool(text.en.strip() and text.zh_CN.strip())


# --- the shipped file -------------------------------------------------------------


def test_shipped_file_loads_with_every_region_and_is_cached() -> None:
    reporting = load_reporting()
    assert isinstance(reporting, Reporting)
    assert [r.id for r in reporting.regions] == list(REGION_IDS)
    assert reporting.region("HK").name == Bilingual(en="Hong Kong", zh_CN="香港")
    assert all(reporting.region(rid).bodies for rid in REGION_IDS)
    assert load_reporting() is reporting


@pytest.mark.parametrize("body", ALL_BODIES, ids=lambda b: b.id)
def test_every_body_has_source_date_confirmation_and_both_languages(body: Body) -> None:
    assert body.source.startswith(("https://", "http://"))
    assert all(u.startswith(("https://", "http://")) for u in body.other_sources)
    assert date(2020, 1, 1) <= body.checked_on <= LAST_CHECK
    assert date.fromisoformat(_raw_body(_raw(), body.id)["checked_on"]) == body.checked_on
    assert isinstance(body.confirmed, bool)
    assert body.kind in KINDS
    assert body.notes, "say what the source showed"
    assert _filled(body.name)
    assert body.how
    for way in body.how:
        assert way.method in METHODS
        assert _filled(way.value)
        assert way.note is None or _filled(way.note)
    bring = body.what_to_bring
    assert bring.en and len(bring.en) == len(bring.zh_CN)
    assert all(t.strip() for t in (*bring.en, *bring.zh_CN))


@pytest.mark.parametrize("body", ALL_BODIES, ids=lambda b: b.id)
def test_phone_numbers_and_web_addresses_are_well_formed(body: Body) -> None:
    for way in body.how:
        if way.method == "phone":
            assert re.fullmatch(r"[0-9 +\-]+", way.value.en), way.value.en
            assert any(c.isdigit() for c in way.value.en)
            assert way.url == "tel:" + re.sub(r"[ \-]", "", way.value.en)
        elif way.method == "web":
            assert way.value.en.startswith("https://")
            assert way.url == way.value.en
            assert urlsplit(way.value.en).hostname
        else:
            assert way.url is None


def test_chinese_texts_are_simplified_and_english_texts_are_english() -> None:
    """A cheap guard against a swapped or untranslated field."""
    for body in ALL_BODIES:
        texts = [body.name, *(w.value for w in body.how if w.method == "in_person")]
        texts += [w.note for w in body.how if w.note is not None]
        for text in texts:
            assert re.search(r"[\u4e00-\u9fff]", text.zh_CN), text
            assert re.search(r"[A-Za-z]{3}", text.en), text
        assert all(re.search(r"[\u4e00-\u9fff]", t) for t in body.what_to_bring.zh_CN)


def test_body_ids_are_unique() -> None:
    ids = [b["id"] for r in _raw()["regions"] for b in r["bodies"]]
    assert len(ids) == len(set(ids))
    assert load_reporting().body("sg_scamshield") is not None
    assert load_reporting().body("nope") is None


def test_confirmed_facts_stay_as_checked() -> None:
    """Pin the numbers and addresses seen in stored official pages on 2026-11-22."""
    seen = {(b.id, w.value.en) for b in ALL_BODIES for w in b.how if b.confirmed}
    for fact in [
        ("cn_police", "110"),
        ("hk_adcc", "18222"),
        ("hk_police", "https://www.police.gov.hk"),
        ("tw_165", "165"),
        ("tw_165", "https://165.npa.gov.tw"),
        ("sg_scamshield", "1799"),
        ("sg_police", "https://eservices1.police.gov.sg/phub/eservices/landingpage/police-report"),
        ("us_ic3", "https://www.ic3.gov"),
        ("us_ftc", "https://reportfraud.ftc.gov"),
        ("gb_report_fraud", "https://www.reportfraud.police.uk"),
        ("gb_report_fraud", "0300 123 2040"),
        ("gb_police_scotland", "101"),
        ("eu_national_police", "112"),
        ("global_chainabuse", "https://www.chainabuse.com"),
        # checked 2026-12-06
        ("cn_cyberpolice", "https://www.cyberpolice.cn"),
        ("hk_scameter", "https://cyberdefender.hk/en-us/scameter/"),
        ("mo_pj_antifraud", "8800 7777"),
        ("mo_pj_report", "993"),
        ("au_reportcyber", "000"),
        ("au_reportcyber", "131 444"),
        ("au_scamwatch", "https://www.scamwatch.gov.au"),
        ("ca_cafc", "1-888-495-8501"),
        ("global_seal911", "https://t.me/seal_911_bot"),
    ]:
        assert fact in seen, fact


def test_what_could_not_be_confirmed_is_marked() -> None:
    reporting = load_reporting()
    for body_id in ("cn_antifraud", "eu_europol_list", "my_nsrc", "my_police"):
        body = reporting.body(body_id)
        assert body is not None and body.confirmed is False
        assert body.notes and "not confirmed" in body.notes.lower()
    assert UNCONFIRMED == "Unconfirmed — please check on the official site"


def test_deadlines_are_bilingual_and_only_where_a_page_gave_one() -> None:
    reporting = load_reporting()
    nsrc = reporting.body("my_nsrc")
    assert nsrc is not None and nsrc.deadline is not None
    assert "24 hours" in nsrc.deadline.get("en") and "24 小时" in nsrc.deadline.get("zh_CN")
    adcc = reporting.body("hk_adcc")
    assert adcc is not None and adcc.deadline is None


def test_police_lists_ask_for_the_loss_in_the_users_currency() -> None:
    """Police ask for the amount involved (涉案金额) in local money, not only in coins."""
    for body in ALL_BODIES:
        if body.kind == "police" and "Your ID card or passport" in body.what_to_bring.en:
            assert any("涉案金额" in item for item in body.what_to_bring.zh_CN), body.id


def test_action_fraud_is_not_listed_as_a_separate_body() -> None:
    """Report Fraud replaced Action Fraud on 4 Dec 2025; its old site redirects."""
    for body in ALL_BODIES:
        for way in body.how:
            assert "actionfraud" not in way.value.en
    notes = load_reporting().body("gb_report_fraud")
    assert notes is not None and notes.notes and "Action Fraud" in notes.notes


def test_no_exchange_channel_is_listed_as_a_reporting_body() -> None:
    """Exchanges' law-enforcement channels are for police, not for victims."""
    exchange_domains = {
        d for e in load_directory() if e.kind == "exchange" for d in e.official_domains
    }
    for body in ALL_BODIES:
        for way in body.how:
            host = urlsplit(way.value.en).hostname or ""
            assert not any(host == d or host.endswith("." + d) for d in exchange_domains), host


def test_labels_cover_every_method_and_kind() -> None:
    assert set(METHOD_LABELS) == set(METHODS)
    assert set(KIND_LABELS) == set(KINDS)
    hotline = load_reporting().body("hk_adcc")
    police = load_reporting().body("hk_police")
    assert hotline is not None and hotline.what_to_bring_label == WHAT_TO_HAVE_READY
    assert police is not None and police.what_to_bring_label == WHAT_TO_BRING
    assert police.how[0].label == "Website"


def test_bilingual_texts_pick_the_ui_language() -> None:
    text = Bilingual(en="Police", zh_CN="警察")
    assert text.get("zh_CN") == "警察"
    assert text.get("zh") == "警察"
    assert text.get("en") == "Police"
    body = load_reporting().body("cn_police")
    assert body is not None
    assert body.what_to_bring.get("zh_CN")[0] == "身份证或护照"
    assert body.what_to_bring.get("en")[0] == "Your ID card or passport"


# --- bodies_for ------------------------------------------------------------------


@pytest.mark.parametrize("region_id", [r for r in REGION_IDS if r != "GLOBAL"])
def test_bodies_for_lists_the_region_first_and_global_last(region_id: str) -> None:
    reporting = load_reporting()
    own = list(reporting.region(region_id).bodies)
    worldwide = list(reporting.region("GLOBAL").bodies)
    listed = bodies_for(region_id)
    assert listed == own + worldwide
    assert all(b.region == region_id for b in listed[: len(own)])
    assert listed[-1].id == "global_chainabuse"


def test_bodies_for_global_lists_it_once_and_unknown_regions_fail() -> None:
    assert [b.id for b in bodies_for("GLOBAL")] == ["global_seal911", "global_chainabuse"]
    with pytest.raises(KeyError, match="unknown region 'XX'"):
        bodies_for("XX")


# --- default_region --------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale_name", "region"),
    [
        ("zh_CN", "CN"),
        ("zh_CN.UTF-8", "CN"),
        ("zh_Hans", "CN"),
        ("zh-Hans-CN", "CN"),
        ("zh_Hans_CN", "CN"),
        ("zh", "CN"),
        ("zh_HK", "HK"),
        ("zh-Hant-HK", "HK"),
        ("en_HK", "HK"),
        ("zh_TW", "TW"),
        ("zh_Hant_TW", "TW"),
        ("zh-Hant", "TW"),
        ("en_SG", "SG"),
        ("zh_SG", "SG"),
        ("zh-Hans-SG", "SG"),
        ("en_US", "US"),
        ("es_US", "US"),
        ("en_GB", "GB"),
        ("en_GB.UTF-8", "GB"),
        ("de_DE", "EU"),
        ("de_DE@euro", "EU"),
        ("fr_FR", "EU"),
        ("it_IT", "EU"),
        ("nl_NL", "EU"),
        ("es_ES", "EU"),
        ("pl_PL", "EU"),
        ("el_GR", "EU"),
        ("sv-SE", "EU"),
        ("en_IE", "EU"),
        ("de_AT", "EU"),
        ("de_CH", "GLOBAL"),
        ("nb_NO", "GLOBAL"),
        ("zh_MO", "MO"),
        ("pt_MO", "MO"),
        ("ms_MY", "MY"),
        ("zh_MY", "MY"),
        ("en_CA", "CA"),
        ("fr_CA", "CA"),
        ("ja_JP", "GLOBAL"),
        ("en_AU", "AU"),
        ("en_NZ", "GLOBAL"),
        ("es_419", "GLOBAL"),
        ("en", "GLOBAL"),
        ("de", "GLOBAL"),
        ("C", "GLOBAL"),
        ("POSIX", "GLOBAL"),
        ("", "GLOBAL"),
    ],
)
def test_default_region_follows_the_locale(locale_name: str, region: str) -> None:
    assert default_region(locale_name) == region


def test_every_eu_member_maps_to_eu() -> None:
    assert len(EU_MEMBERS - {"EL"}) == 27
    for country in EU_MEMBERS:
        assert default_region(f"xx_{country}") == "EU"


@given(st.text(max_size=40))
def test_default_region_always_answers_a_known_region(locale_name: str) -> None:
    assert default_region(locale_name) in REGION_IDS


# --- damaged files ---------------------------------------------------------------


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    change(data)
    return data


def _hk(data: dict[str, Any]) -> dict[str, Any]:
    region: dict[str, Any] = next(r for r in data["regions"] if r["id"] == "HK")
    return region


def _adcc(data: dict[str, Any]) -> dict[str, Any]:
    return _raw_body(data, "hk_adcc")


AT = "region 'HK' body 'hk_adcc' field"
BROKEN = [
    ("not-an-object", lambda d: d.clear(), 'the top level must be an object with a "regions"'),
    ("region-missing", lambda d: d["regions"].remove(_hk(d)), "region 'HK' is missing"),
    ("region-twice", lambda d: d["regions"].append(copy.deepcopy(_hk(d))), "'HK': the id is"),
    ("region-not-object", lambda d: d["regions"].append(3), "region #13: must be an object"),
    ("unknown-region", lambda d: _hk(d).update(id="NZ"), "region 'NZ' field 'id': must be one"),
    ("region-name-one-language", lambda d: _hk(d).update(name={"en": "Hong Kong"}), "'name'"),
    ("region-no-bodies", lambda d: _hk(d).update(bodies=[]), "region 'HK' field 'bodies'"),
    ("body-twice", lambda d: _hk(d)["bodies"].append(copy.deepcopy(_adcc(d))), "used twice"),
    ("bad-body-id", lambda d: _adcc(d).update(id="HK ADCC"), "body 'HK ADCC' field 'id'"),
    ("name-missing-zh", lambda d: _adcc(d)["name"].pop("zh_CN"), f"{AT} 'name': must be"),
    ("name-empty-en", lambda d: _adcc(d)["name"].update(en=" "), f"{AT} 'name'"),
    ("bad-kind", lambda d: _adcc(d).update(kind="bank"), f"{AT} 'kind': must be one of"),
    ("global-kind-in-hk", lambda d: _adcc(d).update(kind="global"), f"{AT} 'kind'"),
    ("no-how", lambda d: _adcc(d).update(how=[]), f"{AT} 'how': must list"),
    ("bad-method", lambda d: _adcc(d)["how"][0].update(method="fax"), f"{AT} 'how': method"),
    (
        "phone-with-letters",
        lambda d: _adcc(d)["how"][0].update(value="1-800-SCAM"),
        f"{AT} 'how': phone value '1-800-SCAM' may hold only digits, spaces, + and -",
    ),
    (
        "phone-not-text",
        lambda d: _adcc(d)["how"][0].update(value=18222),
        f"{AT} 'how': phone value must be a non-empty text",
    ),
    (
        "http-web",
        lambda d: _adcc(d)["how"].append({"method": "web", "value": "http://x.example"}),
        f"{AT} 'how': web value 'http://x.example' must start with https://",
    ),
    (
        "in-person-one-language",
        lambda d: _adcc(d)["how"].append({"method": "in_person", "value": "Any station"}),
        f"{AT} 'how': in_person value must be",
    ),
    (
        "app-without-note",
        lambda d: _adcc(d)["how"].append({"method": "app", "value": "Scameter"}),
        f"{AT} 'how': an app needs a note",
    ),
    (
        "note-one-language",
        lambda d: _adcc(d)["how"][0].update(note={"en": "24 hours"}),
        f"{AT} 'how': note must be",
    ),
    ("bring-missing", lambda d: _adcc(d).pop("what_to_bring"), f"{AT} 'what_to_bring'"),
    (
        "bring-uneven",
        lambda d: _adcc(d)["what_to_bring"]["zh_CN"].pop(),
        f"{AT} 'what_to_bring': the en and zh_CN lists must have the same length",
    ),
    (
        "bring-empty-text",
        lambda d: _adcc(d)["what_to_bring"]["en"].append(""),
        f"{AT} 'what_to_bring': must be",
    ),
    ("source-missing", lambda d: _adcc(d).pop("source"), f"{AT} 'source'"),
    (
        "source-not-url",
        lambda d: _adcc(d).update(source="news.gov.hk"),
        f"{AT} 'source': must be a web address",
    ),
    (
        "bad-date",
        lambda d: _adcc(d).update(checked_on="22/11/2026"),
        f"{AT} 'checked_on': must be a date like 2026-11-22",
    ),
    ("date-missing", lambda d: _adcc(d).pop("checked_on"), f"{AT} 'checked_on'"),
    (
        "confirmed-text",
        lambda d: _adcc(d).update(confirmed="yes"),
        f"{AT} 'confirmed': must be true or false",
    ),
    ("confirmed-missing", lambda d: _adcc(d).pop("confirmed"), f"{AT} 'confirmed'"),
    (
        "deadline-one-language",
        lambda d: _adcc(d).update(deadline={"en": "Within 24 hours"}),
        f"{AT} 'deadline': must be",
    ),
    (
        "bad-other-sources",
        lambda d: _adcc(d).update(other_sources="https://news.gov.hk"),
        f"{AT} 'other_sources': must be a list",
    ),
]


@pytest.mark.parametrize(("change", "message"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_files_are_refused_with_a_clear_message(change: Any, message: str) -> None:
    with pytest.raises(ReportingError) as caught:
        parse_reporting(_broken(change))
    assert message in caught.value.problem
    assert str(caught.value).startswith("The list of places to report is damaged: ")


def test_reporting_error_is_an_input_error_with_a_translatable_message() -> None:
    with pytest.raises(InputError) as caught:
        parse_reporting([])
    assert isinstance(caught.value, ValueError)
    assert caught.value.message.text == "The list of places to report is damaged: {problem}"


def test_unreadable_file_is_a_reporting_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import checks.directory.reporting as module

    class _Broken:
        def joinpath(self, name: str) -> _Broken:
            return self

        def read_text(self, encoding: str) -> str:
            return '{"regions": [ {"id": '  # cut off mid-write

    monkeypatch.setattr("checks.directory.fields.files", lambda package: _Broken())
    module.load_reporting.cache_clear()
    try:
        with pytest.raises(ReportingError, match="cannot read the file"):
            module.load_reporting()
    finally:
        module.load_reporting.cache_clear()
