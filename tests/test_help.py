"""The help articles: complete, bilingual, sourced, dated, linked — and checked by code."""

from __future__ import annotations

import re
from datetime import date
from html import escape

import pytest

from checks.checkup.questions import QUESTIONS, TOPICS
from checks.directory import reporting
from checks.help import (
    PANIC_SECTION_ARTICLES,
    REQUIRED_ARTICLES,
    BlockContext,
    HelpError,
    article_for_panic_section,
    article_for_question,
    article_for_topic,
    load_help,
    mailto_url,
    parse_help,
    problem_report,
)
from checks.help import blocks as help_blocks
from checks.help import markdown as help_markdown
from checks.help.data import read_files
from checks.i18n import InputError
from checks.panic import escalation, escalation_text

LIBRARY = load_help()
# A real BIP-39 phrase: the all-"abandon" test vector of the BIP-39 specification.
TEST_MNEMONIC = "abandon " * 11 + "about"


def files_with(path: str, change) -> tuple[dict[str, str], str]:
    """The shipped files with one changed (``*/id.md``: in both languages)."""
    texts, myths = read_files()
    texts = dict(texts)
    for language in ("en", "zh_CN") if path.startswith("*/") else (path.split("/")[0],):
        name = f"{language}/{path.split('/')[1]}"
        texts[name] = change(texts[name])
    return texts, myths


def test_every_required_article_exists_in_both_languages() -> None:
    assert set(REQUIRED_ARTICLES) <= set(LIBRARY.ids)
    for article_id in LIBRARY.ids:
        en, zh = LIBRARY.article(article_id, "en"), LIBRARY.article(article_id, "zh_CN")
        assert en.language == "en" and zh.language == "zh_CN"
        assert en.title != zh.title and en.answer != zh.answer
        assert re.search(r"[\u4e00-\u9fff]", zh.title + zh.answer)


def test_every_article_has_a_short_answer_sources_and_a_date() -> None:
    for article in LIBRARY.articles("en") + LIBRARY.articles("zh_CN"):
        assert 40 <= len(article.answer) <= 420, article.id  # short, but a real answer
        assert article.sources and all(u.startswith("https://") for u in article.sources)
        assert date(2026, 1, 1) <= article.reviewed <= date.today(), article.id
        assert article.blocks[0].kind in ("para", "heading2")


def test_chinese_articles_speak_politely_with_nin() -> None:
    texts, _myths = read_files()
    for path, text in texts.items():
        if path.startswith("zh_CN/"):
            assert "你" not in text, path  # 您, never 你, for a worried reader
            assert "您" in text, path


def test_official_sources_back_the_key_facts() -> None:
    sources = {a: " ".join(LIBRARY.article(a, "en").sources) for a in LIBRARY.ids}
    assert "https://pages.nist.gov/800-63-4/sp800-63b.html" in sources["passwords-2fa"]
    assert "circle.com/legal/usdc-terms" in sources["freeze-refund"]
    assert "tether.to" in sources["freeze-refund"]
    assert "token.im/hc" in sources["freeze-refund"]
    assert "ic3.gov/PSA" in sources["recovery-scams"]
    assert "fcc.gov" in sources["passwords-2fa"]


def test_questions_topics_and_panic_sections_all_lead_to_articles() -> None:
    for question in QUESTIONS:
        assert article_for_question(question.id) in LIBRARY.ids, question.id
    for topic in TOPICS:
        assert article_for_topic(topic.id) in LIBRARY.ids, topic.id
    for section in PANIC_SECTION_ARTICLES:
        assert article_for_panic_section(section) in LIBRARY.ids
    assert article_for_question("approvals") == "token-approvals"
    assert article_for_question("carrier_pin") == "passwords-2fa"
    with pytest.raises(KeyError):
        article_for_question("no_such_question")


DAMAGE = [
    ("en/freeze-refund.md", lambda t: t.replace("topic:", "colour: red\ntopic:"), "unknown field"),
    ("en/freeze-refund.md", lambda t: re.sub(r"sources:\n(- .*\n)+", "", t), "'sources' must"),
    (
        "zh_CN/seed-exposed.md",
        lambda t: re.sub(r"sources:\n(- .*\n)+", "sources:\n", t),
        "'sources'",
    ),
    ("en/seed-exposed.md", lambda t: t.replace("reviewed: 2026-12-06\n", ""), "'reviewed'"),
    ("en/seed-exposed.md", lambda t: t.replace("2026-12-06", "06.12.2026"), "'reviewed'"),
    (
        "en/token-approvals.md",
        lambda t: t.replace("- https://revoke.", "- http://revoke."),
        "https://",
    ),
    (
        "*/report-theft.md",
        lambda t: t.replace("related: evidence-utc", "related: nowhere"),
        "unknown article 'nowhere'",
    ),
    (
        "en/evidence-utc.md",
        lambda t: t + "\nSee [this](help:gone-away).\n",
        "unknown article 'gone-away'",
    ),
    ("en/report-theft.md", lambda t: t.replace("{{reporting}}", "{{reportng}}"), "unknown section"),
    ("en/device-basics.md", lambda t: t.replace("topic: protect", "topic: misc"), "'topic'"),
    ("en/device-basics.md", lambda t: t.replace("id: device-basics", "id: device"), "'id'"),
    (
        "zh_CN/device-basics.md",
        lambda t: t.replace("2026-11-22", "2026-11-21"),
        "'reviewed' differs",
    ),
    (
        "zh_CN/device-basics.md",
        lambda t: t.replace("- https://www.cisa.gov/", "- https://x.org/"),
        "'sources' differs",
    ),
    ("en/device-basics.md", lambda t: t + "\n[a](ftp://x)\n", "must start with https://"),
    ("en/device-basics.md", lambda t: "no front matter\n" + t, "must start with a '---'"),
]


@pytest.mark.parametrize(("path", "change", "problem"), DAMAGE)
def test_a_damaged_article_is_refused_with_a_clear_message(path, change, problem) -> None:
    with pytest.raises(HelpError) as caught:
        parse_help(*files_with(path, change))
    assert problem in caught.value.problem
    assert isinstance(caught.value, InputError)


def test_an_article_missing_in_one_language_is_refused() -> None:
    texts, myths = read_files()
    del texts["zh_CN/token-approvals.md"]
    with pytest.raises(HelpError, match=r"zh_CN/token-approvals\.md is missing"):
        parse_help(texts, myths)


def test_a_myth_pointing_nowhere_is_refused() -> None:
    texts, myths = read_files()
    with pytest.raises(HelpError, match="unknown article"):
        parse_help(texts, myths.replace('"article": "seed-exposed"', '"article": "lost"', 1))


def test_article_text_cannot_inject_markup() -> None:
    blocks = help_markdown.parse_body('A <script>alert(1)</script> & **bold** [x](help:a) "q"')
    html = "".join(help_markdown.to_html(blocks, lambda _name: ""))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" in html and '<a href="help:a">x</a>' in html


def test_markdown_subset_and_chinese_line_joining() -> None:
    blocks = help_markdown.parse_body(
        "## 标题\n\n第一行\n第二行 with English\nwords\n\n- one\n  wrapped\n- two\n\n1. a\n2. b\n"
        "\n{{ladder}}\n"
    )
    kinds = [b.kind for b in blocks]
    assert kinds == ["heading2", "para", "bullets", "numbers", "directive"]
    assert blocks[1].items == ("第一行第二行 with English words",)
    assert blocks[2].items == ("one wrapped", "two")


def test_rendered_articles_follow_the_palette_and_carry_sources_and_date() -> None:
    for language in ("en", "zh_CN"):
        for article_id in LIBRARY.ids:
            html = LIBRARY.render(article_id, BlockContext(language))
            assert "color" not in html.lower() and "background" not in html.lower()
            assert LIBRARY.article(article_id, language).reviewed.isoformat() in html
            for url in LIBRARY.article(article_id, language).sources:
                assert f'href="{url}"' in html


def test_reporting_article_shows_the_reporting_data_not_a_copy() -> None:
    article = LIBRARY.article("report-theft", "zh_CN")
    words = help_markdown.plain_text(article.blocks)
    assert "96110" not in words and "ic3.gov" not in words  # not copied into the prose
    html = LIBRARY.render("report-theft", BlockContext("zh_CN", region="CN"))
    for body in reporting.load_reporting():
        assert body.name.zh_CN in html
        assert body.checked_on.isoformat() in html
    first_region = re.search(r"<h3>(.*?)</h3>", html)
    assert first_region is not None and first_region.group(1) == "中国大陆"
    us_first = LIBRARY.render("report-theft", BlockContext("en", region="US"))
    assert re.findall(r"<h3>(.*?)</h3>", us_first)[0] == "United States"


def test_support_article_shows_the_escalation_ladder_from_the_engine() -> None:
    html = LIBRARY.render("support-wait", BlockContext("en"))
    self_custody, exchange = html.split("An exchange account")
    for part, rungs in (
        (self_custody, escalation.SELF_CUSTODY_LADDER),
        (exchange, escalation.LADDER),
    ):
        positions = [part.index(escalation_text.RUNG_LABELS[rung]) for rung in rungs]
        assert positions == sorted(positions)
    # Issue 17, item 11: no social or community rung for a self-custody wallet.
    for rung in ("social", "community"):
        assert escalation_text.RUNG_LABELS[rung] not in self_custody
    assert "3 business days" in html and "4 hours" in html and "15 business days" in html


def test_privacy_article_shows_the_real_data_folder_when_known() -> None:
    html = LIBRARY.render("app-data-privacy", BlockContext("en", data_folder="/tmp/x/wc"))
    assert "/tmp/x/wc" in html and "Delete all my data" in html
    assert "/tmp/x/wc" not in LIBRARY.render("app-data-privacy", BlockContext("en"))


def test_myths_cover_the_common_wrong_claims_and_link_to_articles() -> None:
    by_article = {m.id: m.article for m in LIBRARY.myths}
    assert by_article["support-can-freeze"] == "freeze-refund"
    assert by_article["password-restores-wallet"] == "seed-exposed"
    assert by_article["pay-to-recover"] == "recovery-scams"
    assert by_article["change-passwords-monthly"] == "passwords-2fa"
    assert by_article["vpn-makes-wifi-safe"] == "public-wifi-vpn"
    html = LIBRARY.render_myths(BlockContext("zh_CN"))
    for myth in LIBRARY.myths:
        assert myth.claim.zh_CN.replace("'", "&#x27;") in html
        assert f'href="help:{myth.article}"' in html


def test_problem_report_holds_version_and_system_and_only_what_was_typed() -> None:
    report = problem_report(
        "Clicked Print, nothing happened.", "en", version="9.9.9", system="Linux", release="6.1"
    )
    assert "9.9.9" in report.subject and "Wallet Checkup version: 9.9.9" in report.body
    assert "Operating system: Linux 6.1" in report.body
    assert "Clicked Print, nothing happened." in report.body
    url = mailto_url(report)
    assert url.startswith("mailto:?subject=")  # no recipient: the user chooses
    assert "%0D%0A" in url and " " not in url


def test_problem_report_refuses_a_seed_phrase() -> None:
    with pytest.raises(InputError, match="seed phrase"):
        problem_report(f"my words are {TEST_MNEMONIC}")


def test_problem_report_is_translated_with_the_given_function() -> None:
    chinese = {"(nothing typed yet)": "（尚未填写）"}
    report = problem_report("", "zh_CN", lambda text: chinese.get(text, text))
    assert "（尚未填写）" in report.body


# -- sources kept current (issue 11) ---------------------------------------------------------


def test_no_article_cites_a_superseded_or_closed_source() -> None:
    """NIST SP 800-63B-4 (2025) supersedes Rev. 3 (2017); Centre, which governed USDC,
    was wound down in 2023."""
    texts, _myths = read_files()
    for path, text in texts.items():
        assert "800-63-3" not in text, path
        assert "centre.io" not in text, path


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_password_article_follows_sp_800_63b_4(language: str) -> None:
    article = LIBRARY.article("passwords-2fa", language)
    words = help_markdown.plain_text(article.blocks)
    assert "800-63B-4" in words and "2025" in words
    assert "15" in words and "15" in article.answer  # the single-factor minimum length
    assert "64" in words
    assert article.reviewed == date(2026, 12, 1)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_freeze_article_says_what_could_not_be_confirmed(language: str) -> None:
    article = LIBRARY.article("freeze-refund", language)
    assert "Circle" in article.source_note and "Centre" in article.source_note
    assert "2023" in article.source_note
    assert article.reviewed == date(2026, 12, 6)  # issue 17: issuers act on police requests
    html = LIBRARY.render("freeze-refund", BlockContext(language))
    note = escape(article.source_note)
    assert note in html  # shown right under the list of sources
    assert html.index('href="https://www.circle.com/legal/usdc-terms"') < html.index(note)


def test_a_source_note_in_one_language_only_is_refused() -> None:
    def drop_note(text: str) -> str:
        return re.sub(r"^source_note: .*\n", "", text, flags=re.M)

    with pytest.raises(HelpError, match="'source_note' must be in every language"):
        parse_help(*files_with("zh_CN/freeze-refund.md", drop_note))


# -- "I was just robbed — what now?" ----------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_just_robbed_article_gives_the_first_steps_and_panic_mode(language: str) -> None:
    from checks.panic.lockdown import plan
    from desktop.i18n import catalog

    article = LIBRARY.article("just-robbed", language)
    assert LIBRARY.ids[0] == "just-robbed"  # listed first: the most common question
    assert "Ctrl+Shift+P" in article.answer  # the short answer opens panic mode
    assert {"seed-exposed", "token-approvals", "evidence-utc", "report-theft"} <= set(
        article.help_links
    )
    assert article.sources and article.reviewed == date(2026, 12, 1)
    t = catalog(language).gettext
    context = BlockContext(language, t)
    html = LIBRARY.render("just-robbed", context)
    # The lockdown order comes from panic mode's own plan, not a copy in the prose.
    steps = help_blocks.lockdown(context)
    assert steps in html
    titles = [t(step.title) for step in plan(("dont_know",), "yes")]
    positions = [steps.index(escape(title)) for title in titles]
    assert positions == sorted(positions) and len(titles) >= 3
    assert t("I've been robbed — panic mode") in help_markdown.plain_text(article.blocks)


# -- the escalation ladder reads as sentences in each language --------------------------------


def test_the_chinese_ladder_ends_its_steps_with_a_chinese_full_stop() -> None:
    from desktop.i18n import catalog

    zh = catalog("zh_CN").gettext
    html = LIBRARY.render("support-wait", BlockContext("zh_CN", zh))
    steps = re.findall(r"<li>(.*?)<br>", html)
    assert len(steps) == len(escalation.SELF_CUSTODY_LADDER) + len(escalation.LADDER)
    for step in steps:
        assert step.endswith("。") and not step.endswith("."), step
    assert "联系客服." not in html
    english = LIBRARY.render("support-wait", BlockContext("en"))
    assert all(s.endswith(".") for s in re.findall(r"<li>(.*?)<br>", english))
