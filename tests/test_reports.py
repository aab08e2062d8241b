"""The printed documents as HTML: pure functions, no Qt (checks/reports)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
import report_samples as S
from hypothesis import given
from hypothesis import strategies as st

from checks.directory import load_directory
from checks.directory.reporting import bodies_for
from checks.i18n import InputError
from checks.panic.escalation_text import RUNG_ACTIONS
from checks.panic.followup import advice_for
from checks.panic.lockdown import plan
from checks.reports import Report, Words, needs_cjk, paper_size, plain_text
from checks.reports.checkup_report import checkup_report
from checks.reports.html import esc, sentence, utc_offset, when_local
from checks.reports.incident_report import incident_report
from checks.reports.recovery_kit import COMMON_WALLETS, kit_region, kit_wallets, recovery_kit
from checks.secrets import find_secrets, guard_free_text
from desktop.i18n import catalog

EN = catalog("en").gettext
ZH = catalog("zh_CN").gettext
SEED = "abandon " * 11 + "about"  # the BIP-39 test vector: a valid 12-word phrase


def kit(
    language: str = "en",
    locale: str = "en_US",
    answers: dict | None = None,
    region: str | None = None,
) -> Report:
    translate = ZH if language == "zh_CN" else EN
    return recovery_kit(
        translate,
        language=language,
        now=S.NOW,
        tz=S.TZ,
        locale_name=locale,
        answers=answers,
        region=region,
    )


def incident(language: str = "en", case=None, bilingual: bool = False) -> Report:
    translate, other = (ZH, EN) if language == "zh_CN" else (EN, ZH)
    return incident_report(
        case or S.with_evidence_records(S.sample_case()),
        translate,
        language=language,
        now=S.NOW,
        tz=S.TZ,
        locale_name="zh_CN" if language == "zh_CN" else "en_GB",
        second=other if bilingual else None,
    )


def checkup(language: str = "en", first: bool = False) -> Report:
    previous, current = S.sample_runs()
    return checkup_report(
        current,
        ZH if language == "zh_CN" else EN,
        language=language,
        now=S.NOW,
        tz=S.TZ,
        locale_name="en_US",
        previous=None if first else previous,
    )


def headings(report: Report, level: str = "h[12]") -> list[str]:
    return [plain_text(m.group(1)) for m in re.finditer(rf"<{level}>(.*?)</{level}>", report.html)]


# -- small pieces -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("en_US", "Letter"),
        ("en_US.UTF-8", "Letter"),
        ("en-CA", "Letter"),
        ("fr_CA.UTF-8", "Letter"),
        ("es_MX", "Letter"),
        ("es-CL", "Letter"),
        ("en_PH", "Letter"),
        ("en_GB", "A4"),
        ("zh_CN", "A4"),
        ("zh_Hant_TW", "A4"),
        ("de_DE@euro", "A4"),
        ("es_419", "A4"),
        ("en", "A4"),
        ("C", "A4"),
        ("", "A4"),
    ],
)
def test_paper_size_follows_the_country(locale: str, paper: str) -> None:
    assert paper_size(locale) == paper


def test_words_put_two_languages_side_by_side() -> None:
    one, two = Words(EN), Words(EN, ZH)
    assert one("Recovery kit") == "Recovery kit"
    assert two("Recovery kit") == f"Recovery kit / {ZH('Recovery kit')}"
    assert two.each("Recovery kit") == ["Recovery kit", ZH("Recovery kit")]
    assert Words(EN, EN).each("Recovery kit") == ["Recovery kit"]  # no doubled words


def test_plain_text_skips_styles_and_unescapes() -> None:
    html = "<style>p { x: 1 }</style><p>a &amp; b</p><table><tr><td>c</td><td>d</td></tr></table>"
    assert plain_text(html).split("\n") == ["a & b", "c", "d"]


class _ReferenceText(HTMLParser):
    """What an HTML parser reads as text: the reference for plain_text."""

    BREAKS = frozenset({"p", "br", "tr", "li", "h1", "h2", "h3", "table", "td", "th", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip += tag == "style"
        self.parts.append("\n" if tag in self.BREAKS else "")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag == "style"
        self.parts.append("\n" if tag in self.BREAKS else "")

    def handle_data(self, data: str) -> None:
        self.parts.append("" if self.skip else data)


def reference_text(markup: str) -> str:
    parser = _ReferenceText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def test_plain_text_reads_every_report_as_an_html_parser_does() -> None:
    reports = [
        kit("en"),
        kit("zh_CN", "zh_CN"),
        incident("en"),
        incident("zh_CN"),
        incident(bilingual=True),
        incident(case=S.big_case(60, 20)),
        checkup("en"),
        checkup("zh_CN"),
    ]
    for report in reports:
        assert plain_text(report.html) == reference_text(report.html), report.kind


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_plain_text_of_any_escaped_text_is_the_text(text: str) -> None:
    markup = f'<p>{esc(text)}</p><br/><td>{esc(text)}<span class="mono">{esc(text)}</span></td>'
    assert plain_text(markup) == reference_text(markup)


def test_needs_cjk() -> None:
    assert needs_cjk("钱包") and needs_cjk("a：b") and not needs_cjk("Wallet — “ok”")


# -- recovery kit -------------------------------------------------------------------


def test_kit_wallets_come_from_the_checkup_else_the_common_ones() -> None:
    assert kit_wallets(None) == (COMMON_WALLETS, False)
    assert kit_wallets({"wallets": []}) == (COMMON_WALLETS, False)
    assert kit_wallets({"wallets": ["other", "dont_know"]}) == (COMMON_WALLETS, False)
    assert kit_wallets({"wallets": ["ledger", "other", "bitpie", "ledger"]}) == (
        ("ledger", "bitpie"),
        True,
    )


def test_kit_with_no_saved_data() -> None:
    report = kit()
    text = report.text
    directory = load_directory()
    for wallet_id in COMMON_WALLETS:
        entry = directory.get(wallet_id)
        assert entry is not None
        assert entry.name in text
        assert f"https://{entry.primary_domain}" in text
        assert entry.checked_on.isoformat() in text
    assert "The most common wallets" in text
    for body in bodies_for("US"):
        assert body.name.en in text
    assert "No real support will ever ask for your seed phrase." in text
    assert report.paper == "Letter" and report.kind == "recovery-kit"


def test_kit_lists_the_panic_plan_in_order() -> None:
    text = kit().text
    titles = [step.title for step in plan(("dont_know",), "yes")]
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)
    assert titles[0] == "Move what is left to a NEW wallet, now"


def test_kit_has_boxes_to_fill_in_and_no_room_for_secrets() -> None:
    report = kit()
    for label in (
        "Date and time you noticed it",
        "Transaction hash (TxID) 1",
        "The address your money went to",
        "Contacted: who, when, ticket",
        "Someone you trust",
        "Your mobile carrier",
    ):
        assert label in report.text
    assert "Never write your seed phrase or private key on this sheet." in report.text
    assert 'class="grid fill"' in report.html


def test_kit_uses_the_checkup_wallets_and_flags_unconfirmed_facts() -> None:
    report = kit(answers={"wallets": ["bitpie", "ledger"]}, locale="zh_CN")
    text = report.text
    assert "Bitpie" in text and "Ledger" in text and "MetaMask" not in text
    assert "The wallets you named in your last checkup." in text
    assert "Unconfirmed" in text  # Bitpie and the CN anti-fraud line are unconfirmed
    assert report.paper == "A4"
    assert "Where to report: Mainland China" in text


def test_kit_in_chinese() -> None:
    report = kit("zh_CN", "zh_CN")
    assert report.title == ZH("Recovery kit") and needs_cjk(report.title)
    assert ZH("1. If it happens: the first steps, in order") in report.text
    assert ZH("Move what is left to a NEW wallet, now") in report.text
    assert 'lang="zh-CN"' in report.html
    assert report.page_label(1, 2) == ZH("Page {page} of {pages}").format(page=1, pages=2)


# -- incident report --------------------------------------------------------------------


def test_incident_report_has_every_part_of_the_case() -> None:
    case = S.with_evidence_records(S.sample_case())
    report = incident(case=case)
    text = report.text
    for tx in case.transactions:
        assert tx.tx_hash in text  # full hashes, never shortened
        assert tx.to_address in text
    assert S.VICTIM in text
    assert "2026-11-20 04:30 UTC" in text and "2026-11-20 12:30 UTC+08:00" in text  # opened
    assert "Signed a 'claim airdrop' page from a Telegram link." in text
    assert "发现钱包里的 USDT 被转走了。" in text
    assert "I signed or approved something on a website." in text
    assert "Yes, some is left" in text
    # Lockdown: done steps with their time, the rest not done yet.
    assert re.search(r"Move what is left to a NEW wallet, now\n2026-11-20 05:00 UTC", text)
    assert "Not done yet" in text
    for item in case.evidence:
        assert item.sha256 in text and item.original_name in text
    assert "TP-48213" in text and "They confirmed the report and flagged the address." in text
    assert "Not an official channel" in text
    advice = advice_for(case, S.NOW, S.TZ)
    assert advice.message.render(EN) in text
    assert "明天上午去派出所报案。" in text
    assert set(report.allowed) >= {case.transactions[0].tx_hash, case.evidence[0].sha256}
    assert report.paper == "A4" and report.file_name == "incident-report-2026-11-20.pdf"


def test_incident_report_with_nothing_recorded() -> None:
    case = replace(
        S.sample_case(), timeline=(), transactions=(), evidence=(), contacts=(), notes=""
    )
    text = incident(case=case).text
    assert text.count("Nothing recorded yet.") == 4  # timeline, transactions, evidence, contacts
    assert "Notes" not in headings(incident(case=case))


def test_incident_report_bilingual() -> None:
    report = incident(bilingual=True)
    for heading_text in ("Timeline (UTC and local time)", "Evidence files (SHA-256)"):
        assert f"{heading_text} / {ZH(heading_text)}" in report.text
        assert needs_cjk(ZH(heading_text))
    advice = advice_for(S.sample_case(), S.NOW, S.TZ).message
    assert advice.render(EN) in report.text and advice.render(ZH) in report.text
    assert report.title == f"{EN('Incident report: stolen crypto-assets')} / " + ZH(
        "Incident report: stolen crypto-assets"
    )


def test_user_text_is_escaped() -> None:
    case = S.sample_case().renamed('<b>Theft</b> & "more"')
    report = incident(case=case)
    assert "&lt;b&gt;Theft&lt;/b&gt; &amp; &quot;more&quot;" in report.html
    assert '<b>Theft</b> & "more"' in report.text


# -- checkup report -------------------------------------------------------------------------


def test_checkup_report_has_score_topics_findings_and_changes() -> None:
    previous, current = S.sample_runs()
    report = checkup()
    text = report.text
    score = current.score
    assert f"Score {score.overall} of 100: {score.grade_label}" in text
    for finding in current.findings:
        assert str(finding.title) in text
        for step in finding.fix_steps:
            assert str(step) in text
    assert "这台电脑从不离开家 (never leaves home)" in text  # the accepted risk and its reason
    assert "The screen does not lock by itself" in text  # fixed since the previous run
    assert "Use bookmarks for money sites" in text  # new since then
    change = current.score.overall - previous.score.overall
    assert f"score {change:+d}." in text
    assert "Why this score" in text and "Weighted average of the topics" in text


def test_checkup_report_first_run() -> None:
    assert "This is your first saved checkup" in checkup(first=True).text


# -- secrets, snapshots, size ------------------------------------------------------------------


def every_report() -> list[Report]:
    return [
        kit(),
        kit("zh_CN", "zh_CN"),
        kit(answers=S.ANSWERS, locale="en_GB"),
        incident(),
        incident("zh_CN"),
        incident(bilingual=True),
        incident("zh_CN", bilingual=True),
        checkup(),
        checkup("zh_CN"),
    ]


@pytest.mark.security
def test_the_secret_guard_finds_nothing_in_any_report() -> None:
    for report in every_report():
        guard_free_text(report.text, report.allowed)
        guard_free_text(report.html, report.allowed)
        text = report.text
        for value in report.allowed:
            text = text.replace(value, " ")
        assert find_secrets(text) == [], report.kind


@pytest.mark.security
def test_a_secret_that_slipped_in_is_never_printed() -> None:
    sneaky = replace(S.sample_case(), notes=f"backup: {SEED}")  # bypasses the input guard
    with pytest.raises(InputError):
        incident(case=sneaky)
    _previous, current = S.sample_runs()
    sneaky_run = replace(current, accepted={"firewall_off": SEED})
    with pytest.raises(InputError):
        checkup_report(
            sneaky_run, EN, language="en", now=S.NOW, tz=S.TZ, locale_name="en", previous=None
        )


def test_section_headings_snapshot() -> None:
    assert headings(kit()) == [
        "Recovery kit",
        "1. If it happens: the first steps, in order",
        "2. Your wallets: the only real support",
        "3. People to call",
        "4. Where to report: United States",
        "5. When it happens, write down",
    ]
    assert headings(incident()) == [
        "Incident report: stolen crypto-assets",
        "Summary",
        "What happened",
        "Timeline (UTC and local time)",
        "Transactions",
        "Addresses",
        "Lockdown steps",
        "Evidence files (SHA-256)",
        "Contacts with support and others",
        "Escalation status",
        "Notes",
    ]
    assert headings(checkup())[:1] == ["Checkup report"]
    assert [h for h in headings(checkup()) if not h.startswith("Score ")] == [
        "Checkup report",
        "Since your last checkup",
        "Scores by topic",
        "What to fix, most important first",
        "Already good",
    ]


def test_same_input_same_html() -> None:
    assert kit().html == kit().html
    assert incident().html == incident().html
    assert checkup().html == checkup().html


def test_a_large_case_lists_every_entry_and_transaction() -> None:
    """1,000 timeline entries and 200 transactions, none left out (its time is
    `python -m bench`, row 4a)."""
    case = S.big_case(1000, 200)
    report = incident(case=case)
    assert report.text.count("checked the wallet again") == 1000
    assert all(tx.tx_hash in report.text for tx in case.transactions)


def test_on_a_utc_computer_each_time_shows_once() -> None:
    """Not "04:30 UTC" above "04:30 UTC+00:00"; the ticket number is one piece."""
    from checks.panic.case import Contact

    case = S.with_evidence_records(S.sample_case())
    case = case.add_contact(Contact("ticket", S.NOW, "tokenpocket", True, "", "TP-20261206-001"))
    kwargs = {"language": "en", "now": S.NOW, "locale_name": "en_GB"}
    report = incident_report(case, EN, tz=timezone.utc, **kwargs)
    text = plain_text(report.html)
    assert "UTC+00:00" not in text and "Local time" not in text
    assert '<div style="white-space: nowrap">TP-20261206-001</div>' in report.html
    elsewhere = incident_report(case, EN, tz=S.TZ, **kwargs)
    assert "UTC+08:00" in plain_text(elsewhere.html)  # in China both times are kept


def test_times_are_utc_and_local() -> None:
    case = S.sample_case().add_timeline(S.NOW - timedelta(hours=20), "Night entry")
    text = incident(case=case).text
    assert re.search(r"2026-11-19 13:30 UTC\n21:30 UTC\+08:00\nNight entry", text)  # same day
    late = S.sample_case().add_timeline(datetime(2026, 11, 19, 20, tzinfo=timezone.utc), "Late")
    text = incident(case=late).text  # past midnight in UTC+08:00: the local date is shown
    assert re.search(r"2026-11-19 20:00 UTC\n2026-11-20 04:00 UTC\+08:00\nLate", text)
    assert "CST" not in text  # China Standard Time, or US Central? The offset says which.


# -- local times, sentences, regions, boxes, the score explained -----------------------------


@pytest.mark.parametrize(
    ("hours", "minutes", "shown"),
    [(8, 0, "UTC+08:00"), (-5, 0, "UTC-05:00"), (5, 30, "UTC+05:30"), (0, 0, "UTC+00:00")],
)
def test_local_times_carry_their_utc_offset_not_a_zone_abbreviation(hours, minutes, shown) -> None:
    zone = timezone(timedelta(hours=hours, minutes=minutes if hours >= 0 else -minutes), "CST")
    assert utc_offset(S.NOW.astimezone(zone)) == shown
    assert when_local(S.NOW, zone).endswith(f" {shown}") and "CST" not in when_local(S.NOW, zone)
    assert kit(region="US").date_text == "2026-11-20 17:30 UTC+08:00"  # the running header


def test_a_local_time_across_a_daylight_saving_change() -> None:
    from zoneinfo import ZoneInfo

    new_york = ZoneInfo("America/New_York")
    summer = datetime(2026, 7, 1, 12, tzinfo=timezone.utc)
    assert when_local(summer, new_york) == "2026-07-01 08:00 UTC-04:00"
    assert when_local(S.NOW, new_york) == "2026-11-20 04:30 UTC-05:00"


def test_every_report_header_and_the_checkup_date_carry_the_offset() -> None:
    for report in (kit(), incident(), checkup(), checkup("zh_CN")):
        assert report.date_text.endswith("UTC+08:00"), report.kind
    assert "Checked on 2026-11-20 17:30 UTC+08:00" in checkup().text
    assert (
        ZH("Checked on {date}").format(date="2026-11-20 17:30 UTC+08:00") in checkup("zh_CN").text
    )


def test_sentence_ends_a_phrase_in_its_own_language() -> None:
    assert sentence("write to their official social media account") == (
        "Write to their official social media account."
    )
    assert sentence("给对方的官方社交媒体账号发消息") == "给对方的官方社交媒体账号发消息。"
    assert sentence("Already a sentence.") == "Already a sentence."
    assert sentence("已经是一句话。") == "已经是一句话。"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_escalation_bullets_are_sentences_with_the_right_full_stop(language: str) -> None:
    report = incident(language)
    translate = ZH if language == "zh_CN" else EN
    section = report.html.split(f"<h2>{translate('Escalation status')}</h2>")[1]
    items = [plain_text(item) for item in re.findall(r"<li>(.*?)</li>", section)]
    assert len(items) >= 2
    for text in items:
        if language == "zh_CN":
            assert text.endswith("。"), text
        else:
            assert text[0].isupper() and text.endswith("."), text
    # The next rung is a lower-case verb phrase ("… the next step is to {next}"):
    # as a bullet of its own it becomes a sentence.
    # For a self-custody wallet the rung after a ticket is the police (issue 17).
    assert sentence(translate(RUNG_ACTIONS["police"])) in items


def test_bilingual_escalation_bullets_end_each_language_its_own_way() -> None:
    text = incident(bilingual=True).text
    assert sentence(RUNG_ACTIONS["police"]) in text
    assert ZH(RUNG_ACTIONS["police"]) + "。" in text


@pytest.mark.parametrize(
    ("locale", "language", "region"),
    [
        ("C", "zh_CN", "CN"),  # LANG=C, --lang zh_CN: not only the worldwide bodies
        ("en", "zh_CN", "CN"),
        ("C", "en", "GLOBAL"),  # English says nothing about where someone lives
        ("en_US", "zh_CN", "US"),  # the locale's country wins over the language
        ("de_CH", "zh_CN", "GLOBAL"),  # a country the data has no bodies for
        ("zh_TW", "en", "TW"),
    ],
)
def test_the_kit_region_follows_the_locale_then_the_language(locale, language, region) -> None:
    assert kit_region(locale, language) == region


def test_the_kit_can_be_made_for_any_region() -> None:
    assert "Where to report: Mainland China" in kit(region="CN").text  # an English system
    assert "Where to report: United Kingdom" in kit(locale="zh_CN", region="GB").text
    hong_kong = kit("zh_CN", "en_US", region="HK").text
    for body in bodies_for("HK"):
        if body.kind == "checker":  # Scameter checks an account; it is not a place to report
            assert body.name.zh_CN not in hong_kong
        else:
            assert body.name.zh_CN in hong_kong


def test_worldwide_bodies_take_one_line_under_the_regions_table() -> None:
    """The kit must stay on two sheets: SEAL 911 and Chainabuse share one line."""
    report = kit(region="SG")
    line = re.search(r"<p>Worldwide: (.*?)</p>", report.html)
    assert line is not None
    assert "SEAL 911" in line.group(1) and "https://t.me/seal_911_bot" in line.group(1)
    assert "https://www.chainabuse.com" in line.group(1)
    chinese = kit("zh_CN", "zh_CN", region="CN").html
    assert re.search(r"<p>全球：.*SEAL 911.*；.*Chainabuse", chinese)
    with pytest.raises(KeyError):
        kit(region="XX")


def test_hashes_and_the_thief_address_get_full_width_boxes_of_several_lines() -> None:
    report = kit()
    for label in ("Transaction hash (TxID) 1", "Transaction hash (TxID) 2", "The address your"):
        cell = re.search(
            rf'<td colspan="2"><b class="small">{re.escape(label)}.*?</td>', report.html
        )
        assert cell is not None, label
        assert cell.group(0).count("<br/>&nbsp;") >= 2, label  # two lines or more to write on
    assert (
        "Date and time you noticed it" in report.text and "What you did just before" in report.text
    )


def test_why_this_score_is_a_structured_list() -> None:
    report = checkup()
    html = report.html.split("<h3>Why this score</h3>")[1].split("<h2>")[0]
    _previous, current = S.sample_runs()
    assert 'class="small' not in html  # normal type, not a cramped dump
    topics = re.findall(r"<li><b>(.*?)</b>", html)
    assert len(topics) == len(current.score.topics)
    assert any("counts" in topic for topic in topics)
    deductions = re.findall(r"<ul><li>− (.*?)</li>", html)
    assert deductions and all(":" in d for d in deductions)
    assert "<p><b>Weighted average of the topics:" in html
    zh = checkup("zh_CN").html
    assert "<li><b>" in zh.split(ZH("Why this score"))[1]


def test_the_checkup_report_cites_the_current_nist_guidance() -> None:
    """SP 800-63B-4 (2025) supersedes Rev. 3 (2017), which the report used to cite."""
    text = checkup().text
    assert "https://pages.nist.gov/800-63-4/sp800-63b.html" in text
    assert "800-63-3" not in text
