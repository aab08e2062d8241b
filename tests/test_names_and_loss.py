"""Issue 17: one wallet name per language, Chinese sentences that read as Chinese,
the loss's value for the police (涉案金额), and a Chinese UI reporting to 中国大陆."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import report_samples as S

from checks.checkup.questions import BY_ID as CHECKUP_QUESTIONS
from checks.directory import load_directory, wallet_name
from checks.directory.reporting import region_for
from checks.i18n import InputError
from checks.panic import contacts, messages, triage
from checks.panic.case import Case, Contact, new_case
from checks.reports.incident_report import incident_report
from desktop.i18n import catalog

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
ZH = catalog("zh_CN").gettext
EN = catalog("en").gettext


@pytest.mark.parametrize(
    ("wallet", "chinese"), [("bitpie", "比特派"), ("binance", "币安"), ("okx", "欧易")]
)
def test_one_name_per_wallet_per_language_from_the_directory(wallet: str, chinese: str) -> None:
    entry = load_directory().get(wallet)
    assert entry is not None and entry.name_zh_CN == chinese
    assert wallet_name(wallet, "zh_CN") == chinese
    assert wallet_name(wallet, "en") == entry.name
    panic = next(o for o in triage.wallet_question().options if o.value == wallet)
    assert panic.text(ZH, "zh_CN") == chinese and panic.text(EN, "en") == entry.name
    if wallet == "bitpie":  # the checkup asks about self-custody wallets only
        checkup = next(o for o in CHECKUP_QUESTIONS["wallets"].options if o.value == wallet)
        assert checkup.text(ZH, "zh_CN") == chinese and checkup.text(EN, "en") == entry.name


def test_brands_without_a_chinese_name_keep_theirs() -> None:
    assert wallet_name("imtoken", "zh_CN") == "imToken"
    assert wallet_name("no-such-wallet", "zh_CN", "Another") == "Another"


def test_never_does_reads_as_one_chinese_sentence() -> None:
    entry = load_directory().get("imtoken")
    assert entry is not None
    sentence = contacts.never_does_sentence(entry, ZH, "zh_CN")
    assert sentence.startswith("imToken 绝不会") and sentence.endswith("。")
    assert "：" not in sentence and "；" not in sentence and "恢复短语" not in sentence
    assert "，也不会" in sentence
    english = contacts.never_does_sentence(entry, EN, "en")
    assert english.startswith("imToken will never: ")


@pytest.mark.parametrize(
    ("locale", "language", "region"),
    [("C", "zh_CN", "CN"), ("en", "zh_CN", "CN"), ("", "zh_CN", "CN"), ("C", "en", "GLOBAL")],
)
def test_a_chinese_ui_reports_to_mainland_china_by_default(
    locale: str, language: str, region: str
) -> None:
    assert region_for(locale, language) == region


def test_the_loss_value_is_kept_checked_and_stored() -> None:
    case = new_case(NOW).with_loss("35,000", "CNY")
    assert (case.loss_amount, case.loss_currency) == ("35,000", "CNY")
    assert Case.from_payload(case.to_payload()) == case
    assert new_case(NOW).with_loss("35000.5", "HKD").loss_amount == "35000.5"
    assert case.with_loss("", "CNY").loss_amount == ""
    for amount, currency in [("lots", "CNY"), ("35 000 000 000 000 000", "CNY"), ("100", "XYZ")]:
        with pytest.raises(InputError):
            new_case(NOW).with_loss(amount, currency)
    # A case stored before the field existed still opens.
    old = {k: v for k, v in case.to_payload().items() if not k.startswith("loss_")}
    assert Case.from_payload(old).loss_amount == ""


def test_police_get_the_loss_value_in_the_summary_and_the_incident_report() -> None:
    case = S.sample_case().with_loss("35,000", "CNY")
    assert "涉案金额（被盗时的价值）：35,000 人民币（CNY）" in messages.police_summary(case, ZH)
    assert "Value of the loss at the time: 35,000 Chinese yuan (CNY)" in (
        messages.police_summary(case, EN)
    )
    report = incident_report(
        case, ZH, language="zh_CN", now=S.NOW, tz=S.TZ, locale_name="zh_CN", second=EN
    )
    assert "涉案金额" in report.text and "35,000 人民币（CNY）" in report.text
    assert "35,000 Chinese yuan (CNY)" in report.text
    plain = incident_report(S.sample_case(), EN, language="en", now=S.NOW, tz=S.TZ, locale_name="C")
    assert "Value of the loss" not in plain.text


def test_reports_and_follow_up_name_the_wallet_in_the_readers_language() -> None:
    from checks.panic.followup import advice_for

    case = new_case(NOW, ("bitpie",))
    zh = incident_report(case, ZH, language="zh_CN", now=S.NOW, tz=S.TZ, locale_name="zh_CN")
    assert "比特派" in zh.text and "Bitpie" not in zh.text
    both = incident_report(case, EN, language="en", now=S.NOW, tz=S.TZ, locale_name="C", second=ZH)
    assert "Bitpie / 比特派" in both.text
    ticket = Contact("ticket", NOW, wallet="bitpie")
    advice = advice_for(case.add_contact(ticket, now=NOW), NOW, timezone.utc, "zh_CN")
    assert "比特派" in advice.message.render(ZH)
