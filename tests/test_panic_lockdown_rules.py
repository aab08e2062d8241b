"""The lockdown plan's rules from issue 17: advice a victim can bet their savings on."""

from __future__ import annotations

import pytest

from checks.directory import load_directory
from checks.directory.reporting import bodies_for
from checks.panic import triage
from checks.panic.case import WHAT_HAPPENED
from checks.panic.lockdown import BY_ID, SEAL_911, SEED_RISK, plan, seed_may_be_exposed
from desktop.i18n import catalog

ZH = catalog("zh_CN").gettext


def ids(happened: tuple[str, ...], funds_left: str) -> list[str]:
    return [step.id for step in plan(happened, funds_left)]


def text_of(step_id: str, translate=lambda s: s) -> str:
    step = BY_ID[step_id]
    return " ".join(translate(t) for t in (step.title, step.why, *step.how))


@pytest.mark.parametrize("code", sorted(SEED_RISK))
@pytest.mark.parametrize("funds_left", ["yes", "no", "dont_know"])
def test_a_seed_that_may_be_exposed_always_gets_the_abandon_step(
    code: str, funds_left: str
) -> None:
    """Item 4: "never use this seed again" vanished when nothing was left."""
    assert "abandon_seed" in ids((code,), funds_left)


def test_all_gone_seed_typed_into_a_site_abandons_the_seed_everywhere() -> None:
    steps = ids(("typed_seed",), "no")
    assert "abandon_seed" in steps and "move_funds" not in steps
    words = text_of("abandon_seed")
    for needle in ("every blockchain", "withdrawal allow-lists", "payroll", "staking"):
        assert needle in words


def test_cant_transfer_checks_tron_permissions_before_sending_anything_in() -> None:
    """Item 5: the plan told users to send TRX in for fees without looking first."""
    steps = ids(("cant_transfer",), "yes")
    assert steps.index("check_tron_permissions") < steps.index("move_funds")
    assert "Tronscan" in text_of("check_tron_permissions")
    assert "stop" in text_of("check_tron_permissions")
    assert any("owner permission" in line for line in BY_ID["move_funds"].how)
    assert "cant_transfer" in [o.value for o in triage.HOW.options]
    assert "check_tron_permissions" not in ids(("dont_know",), "yes")


def test_reports_with_deadlines_come_right_after_move_and_revoke() -> None:
    """Item 6: reporting sorted after contacting wallet support, which cannot act."""
    steps = ids(("typed_seed", "signed"), "yes")
    for report in ("report_address", "report_police"):
        assert BY_ID[report].urgent
        assert steps.index(report) > steps.index("revoke_approvals")
        assert steps.index(report) < steps.index("contact_support")
        assert steps.index(report) < steps.index("secure_accounts")
    assert steps.index("report_address") == steps.index("revoke_approvals") + 1
    binance = load_directory().get("binance")
    assert binance is not None and binance.police_report_within is not None
    assert f"within {binance.police_report_within.days} days" in text_of("report_address")


def test_the_sweeper_warning_names_real_help_and_calls_paid_recovery_a_scam() -> None:
    """Item 1: "get expert help" with nothing named sends victims to recovery scammers."""
    sweeper = next(line for line in BY_ID["move_funds"].how if "sweeper" in line)
    assert "SEAL 911" in sweeper and "official support" in sweeper
    assert "charges" in sweeper and "scammer" in sweeper
    seal = next(b for b in bodies_for("GLOBAL") if b.id == "global_seal911")
    assert SEAL_911.url == seal.how[0].value.en
    assert SEAL_911 in BY_ID["move_funds"].links
    assert "专业人士" not in ZH(sweeper)


def test_signed_messages_are_not_undone_by_revoking() -> None:
    """Item 8: Permit/Permit2, EIP-7702 and TRON permission changes."""
    revoke = " ".join(BY_ID["revoke_approvals"].how)
    for needle in ("Permit2", "EIP-7702", "TRON permission", "move what is left"):
        assert needle in revoke
    assert "move_funds" in ids(("signed",), "yes")
    assert "move_funds" in ids(("signed",), "dont_know")


def test_disconnecting_is_not_revoking_in_both_languages() -> None:
    """Item 9: in Chinese wallets 授权 means token approvals."""
    words = text_of("disconnect_sites")
    assert "does not revoke" in words and "DApp" not in words
    chinese = text_of("disconnect_sites", ZH)
    assert "DApp 授权" not in chinese and "不会取消代币授权" in chinese


def test_an_exchange_takeover_freezes_first_and_deletes_api_keys() -> None:
    """Item 12."""
    steps = ids(("exchange_taken",), "yes")
    assert steps[0] == "freeze_exchange"
    assert "API key" in text_of("freeze_exchange")
    assert "freeze_exchange" not in ids(("typed_seed",), "yes")


def test_stablecoin_issuers_act_on_police_requests_not_victims_messages() -> None:
    """Item 14."""
    words = text_of("report_address")
    assert "request from the police" in words and "not on a message from you" in words


def test_address_poisoning_is_not_a_hacked_wallet() -> None:
    steps = ids(("wrong_address",), "yes")
    assert "poisoned_history" in steps
    assert "abandon_seed" not in steps and "move_funds" not in steps
    assert not seed_may_be_exposed(("wrong_address",))


@pytest.mark.parametrize(
    ("code", "step"),
    [
        ("remote_control", "stop_device"),
        ("address_changed", "stop_device"),
        ("fake_police", "fake_officials"),
        ("phone_stopped", "call_carrier"),
    ],
)
def test_each_new_scenario_has_its_lockdown_path(code: str, step: str) -> None:
    assert code in WHAT_HAPPENED
    assert code in [o.value for o in triage.HOW.options]
    assert step in ids((code,), "yes")


def test_remote_control_names_the_apps_victims_are_asked_to_install() -> None:
    words = text_of("stop_device", ZH)
    for app in ("向日葵", "ToDesk", "AnyDesk"):
        assert app in words


def test_fake_police_step_names_the_safe_account_scam() -> None:
    assert "safe account" in text_of("fake_officials")
    assert "安全账户" in text_of("fake_officials", ZH)


def test_a_fake_app_case_is_recognised_for_the_escalation_ladder() -> None:
    assert triage.app_may_be_fake(("installed_app",))
    assert triage.app_may_be_fake(("dont_know",))
    assert not triage.app_may_be_fake(("signed",))
