"""Savings tiers, answers that cannot both be true, and the grade shown for a score."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from checks.checkup import rules
from checks.checkup.catalog import CATALOG
from checks.checkup.flow import CheckupFlow
from checks.checkup.questions import BY_ID
from checks.checkup.run import build_run
from checks.checkup.score import grade_of, grade_severity, score_severity
from checks.findings import Severity
from checks.i18n import InputError

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
COLD_FINDINGS = {f.id for f in CATALOG.values() if f.topic == "cold_storage"}


def cold(**answers: str) -> set[str]:
    """The cold-storage findings for these answers (only what the flow would ask)."""
    flow = CheckupFlow()
    for question, value in answers.items():
        if BY_ID[question].applies(flow.effective_answers()):
            flow.answer(question, value)
    return set(rules.cold_storage(flow.effective_answers()))


# hardware, total, hot, spending -> the savings advice (verify/extra/inheritance answered "yes")
TIERS = [
    # no hardware wallet: by total value
    ("no", "under_1k", "under_1k", "monthly", {"cold_storage_small"}),
    ("no", "1k_10k", "under_1k", "monthly", {"hardware_wallet_tip"}),
    ("no", "1k_10k", "1k_10k", "rarely", {"hardware_wallet_tip"}),
    ("no", "10k_100k", "under_1k", "monthly", {"savings_no_hardware"}),
    ("no", "10k_100k", "1k_10k", "rarely", {"savings_no_hardware"}),  # the audit's case
    ("no", "over_100k", "under_1k", "rarely", {"savings_no_hardware"}),  # the audit's case
    ("no", "10k_100k", "10k_100k", "monthly", {"hot_savings_no_hardware"}),
    ("no", "10k_100k", "10k_100k", "daily", {"savings_no_hardware"}),
    ("no", "over_100k", "over_100k", "daily", {"hot_savings_no_hardware"}),
    # "I don't know" about owning one counts as not owning one, with its own advice
    (
        "dont_know",
        "over_100k",
        "under_1k",
        "monthly",
        {"hardware_wallet_unknown", "savings_no_hardware"},
    ),
    # with a hardware wallet: by what sits in apps
    ("yes", "under_1k", "under_1k", "daily", {"cold_storage_good"}),
    ("yes", "10k_100k", "under_1k", "monthly", {"cold_storage_good"}),
    ("yes", "10k_100k", "1k_10k", "monthly", {"cold_storage_good"}),
    ("yes", "10k_100k", "1k_10k", "rarely", {"hot_savings_with_hardware"}),
    ("yes", "over_100k", "10k_100k", "monthly", {"hot_savings_with_hardware"}),
    ("yes", "over_100k", "10k_100k", "daily", {"cold_storage_good"}),
    ("yes", "over_100k", "over_100k", "daily", {"hot_savings_with_hardware"}),
    # not knowing how often you spend gets advice of its own
    ("yes", "1k_10k", "under_1k", "dont_know", {"spending_unknown"}),
]


@pytest.mark.parametrize(("hardware", "total", "hot", "spending", "expected"), TIERS)
def test_savings_tiers(
    hardware: str, total: str, hot: str, spending: str, expected: set[str]
) -> None:
    found = cold(
        hardware_wallet=hardware,
        total_value=total,
        hot_value=hot,
        spending=spending,
        verify_on_device="yes",
        extra_protection="yes",
        inheritance="yes",
    )
    assert found == expected


def test_large_savings_get_the_passphrase_question_with_or_without_a_hardware_wallet() -> None:
    for hardware in ("yes", "no"):
        flow = CheckupFlow()
        flow.answer("hardware_wallet", hardware)
        flow.answer("total_value", "over_100k")
        asked = {q.id for q in flow.questions("cold_storage")}
        assert {"extra_protection", "inheritance"} <= asked, hardware
        on_device = {q.id for q in flow.questions("hardware")}
        expected = {"verify_on_device", "hardware_source"} if hardware == "yes" else set()
        assert on_device == expected, hardware
    found = cold(
        hardware_wallet="no",
        total_value="over_100k",
        hot_value="under_1k",
        spending="monthly",
        extra_protection="no",
        inheritance="no",
    )
    assert found == {"savings_no_hardware", "extra_protection", "inheritance_plan"}


def test_savings_advice_is_honest_about_severity() -> None:
    assert CATALOG["savings_no_hardware"].severity is Severity.IMPORTANT
    assert CATALOG["hardware_wallet_tip"].severity is Severity.TIP
    assert CATALOG["cold_storage_small"].severity is Severity.GOOD
    for finding_id in ("savings_no_hardware", "hardware_wallet_tip"):
        assert CATALOG[finding_id].fix_steps


@pytest.mark.parametrize(
    ("total", "hot", "clash"),
    [
        ("under_1k", "1k_10k", True),
        ("1k_10k", "over_100k", True),
        ("10k_100k", "10k_100k", False),
        ("over_100k", "under_1k", False),
        ("dont_know", "over_100k", False),
        ("1k_10k", "dont_know", False),
    ],
)
def test_hot_value_cannot_exceed_the_total(total: str, hot: str, clash: bool) -> None:
    flow = CheckupFlow()
    for question, value in {
        "wallets": ["imtoken"],
        "exchange_account": "no",
        "hardware_wallet": "no",
        "total_value": total,
        "hot_value": hot,
        "spending": "monthly",
        "extra_protection": "no",
        "inheritance": "no",
        "cashout": "never",
    }.items():
        flow.answer(question, value)
    flow.go_to("cold_storage")
    assert bool(flow.conflicts("cold_storage")) is clash
    if clash:
        assert list(flow.conflicts("cold_storage")) == ["hot_value"]
        with pytest.raises(InputError, match="cannot be more than your total"):
            flow.next()
        assert flow.current_topic == "cold_storage"
        assert not flow.is_complete
        assert not {"cold_storage_good", "cold_storage_small"} & set(
            build_run(flow, NOW).finding_ids
        )
    else:
        assert flow.next() == "phishing"


@pytest.mark.parametrize(
    ("score", "grade", "severity"),
    [
        (100, "excellent", Severity.GOOD),
        (90, "excellent", Severity.GOOD),
        (89, "good", Severity.GOOD),
        (75, "good", Severity.GOOD),
        (74, "needs_work", Severity.IMPORTANT),
        (50, "needs_work", Severity.IMPORTANT),
        (49, "at_risk", Severity.URGENT),
        (0, "at_risk", Severity.URGENT),
    ],
)
def test_grade_and_how_it_is_shown(score: int, grade: str, severity: Severity) -> None:
    assert grade_of(score) == grade
    assert grade_severity(grade) is severity
    assert score_severity(score) is severity


def test_every_cold_storage_finding_is_reachable() -> None:
    reached: set[str] = set()
    for *_answers, expected in TIERS:
        reached |= expected
    reached |= {"extra_protection", "inheritance_plan", "value_unknown"}
    reached |= {"otc_cashout"}  # cashing out (issue 17)
    assert reached == COLD_FINDINGS


@pytest.mark.parametrize(
    ("answers", "finding"),
    [
        ({"hardware_wallet": "yes", "hardware_source": "prefilled"}, "hardware_prefilled"),
        ({"hardware_wallet": "yes", "hardware_source": "marketplace"}, "hardware_marketplace"),
        ({"cashout": "otc"}, "otc_cashout"),
        ({"remote_control": "stranger"}, "remote_stranger"),
        ({"remote_control": "installed"}, "remote_app_installed"),
        ({"address_source": "history"}, "address_from_history"),
        ({"address_check": "ends"}, "address_not_checked"),
        ({"address_check": "none"}, "address_not_checked"),
    ],
)
def test_prevention_questions_for_the_scenarios_lead_to_advice(
    answers: dict[str, str], finding: str
) -> None:
    """Issue 17: a checkup question wherever prevention is possible."""
    assert finding in rules.finding_ids(answers)
    assert CATALOG[finding].fix_steps


def test_a_hardware_wallet_still_signs_what_you_confirm() -> None:
    """Issue 17, item 10: a hardware wallet does not keep you safe from what you sign."""
    steps = " ".join(CATALOG["hardware_wallet_tip"].fix_steps)
    assert "still signs whatever you confirm" in steps
