"""The checkup engine, headless: flow, rules, score, runs."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.checkup import rules
from checks.checkup.catalog import CATALOG
from checks.checkup.detect import from_device, from_wifi
from checks.checkup.flow import PROBE, TOOL_NOTE, USER, CheckupFlow
from checks.checkup.questions import BY_ID, DONT_KNOW, QUESTIONS, TOPIC_IDS, Kind
from checks.checkup.run import CheckupRun, build_run, compare
from checks.checkup.score import NOT_ACCEPTABLE, URGENT_CAP, can_accept, compute, explain
from checks.findings import Severity
from checks.i18n import InputError
from checks.probes.device import parse_fdesetup
from checks.probes.wifi import parse_wifi
from checks.storage import store as data

FIXTURES = Path(__file__).parent / "fixtures" / "wifi"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)

GOOD_ANSWERS = {
    "wallets": ["imtoken", "ledger"],
    "exchange_account": "yes",
    "hardware_wallet": "yes",
    "password_strength": 4,
    "password_reuse": "unique",
    "password_manager": "yes",
    "email_2fa": "key",
    "exchange_2fa": "app",
    "wallet_account_2fa": "no_account",
    "carrier_pin": "yes",
    "totp_backup": "works",
    "wifi_security": "wpa3",
    "public_wifi": "never",
    "disk_encryption": "yes",
    "firewall": "yes",
    "screen_lock": "yes",
    "os_updates": "automatic",
    "seed_storage": ["metal"],
    "seed_copies": "separate_places",
    "seed_exposed": "never",
    "total_value": "10k_100k",
    "hot_value": "under_1k",
    "spending": "monthly",
    "verify_on_device": "yes",
    "inheritance": "yes",
    "install_source": "official",
    "bookmarks": "yes",
    "support_contact": "official",
    "approvals": "recent",
    "blind_signing": "never",
    "remote_control": "never",
    "hardware_source": "official",
    "cashout": "never",
    "address_source": "fresh",
    "address_check": "whole",
}


def flow_with(answers: dict[str, object]) -> CheckupFlow:
    flow = CheckupFlow()
    for question, value in answers.items():
        flow.answer(question, value)
    return flow


def with_changes(**changes: object) -> dict[str, object]:
    return {**GOOD_ANSWERS, **changes}


# -- the catalogue and questions ---------------------------------------------------


def test_every_rule_id_exists_and_every_finding_is_complete() -> None:
    for finding in CATALOG.values():
        assert finding.title and finding.why, finding.id
        assert finding.topic in TOPIC_IDS
        if finding.severity in (Severity.URGENT, Severity.IMPORTANT):
            assert finding.fix_steps, f"{finding.id} needs numbered steps"
        for link in finding.links:
            assert link.url.startswith("https://")


def test_every_choice_question_offers_dont_know_except_outcomes() -> None:
    for question in QUESTIONS:
        if question.kind in (Kind.CHOICE, Kind.MULTI) and question.id not in (
            "seed_storage",
            "approvals",
        ):
            assert DONT_KNOW in question.values(), question.id


# "I don't know" to these gets a finding written for it, not borrowed from another answer.
OWN_DONT_KNOW_ADVICE = {
    "wallets": "wallets_unknown",
    "exchange_account": "exchange_unknown",
    "hardware_wallet": "hardware_wallet_unknown",
    "public_wifi": "public_wifi_unknown",
    "spending": "spending_unknown",
}


def test_dont_know_always_gets_advice() -> None:
    baseline = set(build_run(flow_with(GOOD_ANSWERS), NOW).finding_ids)
    needs = {"vpn": {"public_wifi": "often"}, "extra_protection": {"total_value": "over_100k"}}
    checked = set()
    for question in QUESTIONS:
        if DONT_KNOW not in question.values():
            continue
        value = [DONT_KNOW] if question.kind is Kind.MULTI else DONT_KNOW
        answers = with_changes(**needs.get(question.id, {}), **{question.id: value})
        run = build_run(flow_with(answers), NOW)
        assert run.answers.get(question.id) == value, f"{question.id} was not asked"
        advice = [
            f
            for f in run.finding_ids
            if CATALOG[f].severity is not Severity.GOOD and f not in baseline
        ]
        assert advice, f"'I don't know' to {question.id} gives no advice"
        for finding_id in advice:
            finding = CATALOG[finding_id]
            assert finding.why and finding.fix_steps, f"{finding_id} needs why and steps"
        if question.id in OWN_DONT_KNOW_ADVICE:
            assert OWN_DONT_KNOW_ADVICE[question.id] in advice, question.id
        checked.add(question.id)
    assert set(OWN_DONT_KNOW_ADVICE) <= checked


def test_own_dont_know_advice_comes_only_from_dont_know() -> None:
    for question_id, finding_id in OWN_DONT_KNOW_ADVICE.items():
        question = BY_ID[question_id]
        for option in question.values():
            if option == DONT_KNOW:
                continue
            value = [option] if question.kind is Kind.MULTI else option
            ids = build_run(flow_with(with_changes(**{question_id: value})), NOW).finding_ids
            assert finding_id not in ids, (question_id, option)


# -- rules, table-driven ---------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "expected", "severity"),
    [
        ({"password_strength": 0}, "password_weak", Severity.IMPORTANT),
        ({"password_strength": 2}, "password_fair", Severity.TIP),
        ({"password_reuse": "same_everywhere"}, "password_same_everywhere", Severity.URGENT),
        ({"password_reuse": "some_reused"}, "password_some_reused", Severity.IMPORTANT),
        ({"password_manager": "no"}, "no_password_manager", Severity.TIP),
        ({"email_2fa": "none"}, "email_no_2fa_exchange", Severity.URGENT),
        ({"email_2fa": "none", "exchange_account": "no"}, "email_no_2fa", Severity.IMPORTANT),
        ({"email_2fa": "sms"}, "email_sms_2fa", Severity.IMPORTANT),
        ({"exchange_2fa": "none"}, "exchange_no_2fa", Severity.URGENT),
        ({"exchange_2fa": "sms", "carrier_pin": "no"}, "carrier_pin_missing", Severity.IMPORTANT),
        ({"carrier_pin": "no"}, "carrier_pin_tip", Severity.TIP),
        ({"totp_backup": "failed"}, "totp_backup_failed", Severity.IMPORTANT),
        ({"totp_backup": "no_backup"}, "totp_no_backup", Severity.IMPORTANT),
        ({"wifi_security": "open", "public_wifi": "often"}, "wifi_open_wallet", Severity.URGENT),
        ({"wifi_security": "open"}, "wifi_open", Severity.IMPORTANT),
        ({"wifi_security": "wep", "public_wifi": "never"}, "wifi_old", Severity.IMPORTANT),
        (
            {"wifi_security": "wep", "public_wifi": "often", "vpn": "never"},
            "wifi_wep_wallet",
            Severity.URGENT,
        ),
        (
            {"wifi_security": "wep", "public_wifi": "sometimes", "vpn": "sometimes"},
            "wifi_wep_wallet",
            Severity.URGENT,
        ),
        (
            {"wifi_security": "wep", "public_wifi": "often", "vpn": "always"},
            "wifi_old",
            Severity.IMPORTANT,
        ),
        ({"wifi_security": "wpa", "public_wifi": "often"}, "wifi_old", Severity.IMPORTANT),
        (
            {"wifi_security": "open", "public_wifi": "often", "vpn": "always"},
            "wifi_open",
            Severity.IMPORTANT,
        ),
        ({"public_wifi": "often", "vpn": "never"}, "public_wifi_no_vpn", Severity.IMPORTANT),
        ({"disk_encryption": "no"}, "disk_not_encrypted", Severity.IMPORTANT),
        ({"screen_lock": "no"}, "no_screen_lock", Severity.IMPORTANT),
        ({"os_updates": "behind"}, "updates_behind", Severity.IMPORTANT),
        ({"seed_storage": ["paper", "photo"]}, "seed_digital", Severity.URGENT),
        ({"seed_storage": ["chat"]}, "seed_digital", Severity.URGENT),
        ({"seed_storage": ["not_backed_up"]}, "seed_not_backed_up", Severity.URGENT),
        ({"seed_storage": ["password_manager"]}, "seed_in_password_manager", Severity.IMPORTANT),
        ({"seed_exposed": "person"}, "seed_exposed", Severity.URGENT),
        ({"seed_copies": "one"}, "seed_one_copy", Severity.TIP),
        (
            {"hot_value": "over_100k", "hardware_wallet": "no"},
            "hot_savings_no_hardware",
            Severity.IMPORTANT,
        ),
        ({"verify_on_device": "no"}, "verify_on_device", Severity.IMPORTANT),
        ({"total_value": "over_100k", "extra_protection": "no"}, "extra_protection", Severity.TIP),
        ({"inheritance": "no"}, "inheritance_plan", Severity.TIP),
        ({"install_source": "search"}, "install_unofficial", Severity.URGENT),
        ({"install_source": "link"}, "install_unofficial", Severity.URGENT),
        ({"bookmarks": "no"}, "no_bookmarks", Severity.IMPORTANT),
        ({"support_contact": "search_social"}, "support_unofficial", Severity.URGENT),
        ({"approvals": "never"}, "approvals_stale", Severity.IMPORTANT),
        ({"approvals": "what_is_that"}, "approvals_explained", Severity.TIP),
        ({"blind_signing": "sometimes"}, "blind_signing", Severity.IMPORTANT),
    ],
)
def test_rule(changes: dict[str, object], expected: str, severity: Severity) -> None:
    ids = build_run(flow_with(with_changes(**changes)), NOW).finding_ids
    assert expected in ids
    assert CATALOG[expected].severity is severity


def test_all_good_answers_give_only_good_findings_and_full_score() -> None:
    run = build_run(flow_with(GOOD_ANSWERS), NOW)
    assert all(CATALOG[f].severity is Severity.GOOD for f in run.finding_ids), run.finding_ids
    assert run.score.overall == 100 and run.score.grade == "excellent"
    assert run.urgent_count == 0


# -- flow -----------------------------------------------------------------------


def test_skip_rules() -> None:
    flow = flow_with({"exchange_account": "no", "hardware_wallet": "no"})
    asked = {q.id for topic in TOPIC_IDS for q in flow.questions(topic)}
    assert "exchange_2fa" not in asked and "verify_on_device" not in asked
    assert "totp_backup" not in flow.visible_topics()
    flow.answer("exchange_account", "yes")
    flow.answer("email_2fa", "app")
    assert "exchange_2fa" in {q.id for q in flow.questions("two_factor")}
    assert "totp_backup" in flow.visible_topics()


def test_changed_answer_drops_dependent_answers_from_the_result() -> None:
    flow = flow_with(with_changes(exchange_2fa="none"))
    assert "exchange_no_2fa" in build_run(flow, NOW).finding_ids
    flow.answer("exchange_account", "no")
    run = build_run(flow, NOW)
    assert "exchange_no_2fa" not in run.finding_ids
    assert "exchange_2fa" not in run.answers


def test_navigation_needs_answers_and_reports_progress() -> None:
    flow = CheckupFlow()
    # Ten pages: the scan of this computer (issue 20) is one; "Your hardware wallet"
    # is not, until someone says they own one.
    assert flow.current_topic == "wallets" and flow.progress == (1, 10)
    with pytest.raises(InputError):
        flow.next()
    for question in ("wallets", "exchange_account", "hardware_wallet"):
        flow.answer(question, ["other"] if question == "wallets" else "no")
    assert flow.next() == "passwords" and flow.progress == (2, 10)
    assert "hardware" not in flow.visible_topics()
    flow.answer("hardware_wallet", "yes")
    assert flow.progress == (2, 11)
    assert flow.back() == "wallets"


def test_resume_half_way() -> None:
    flow = flow_with(
        {
            "wallets": ["metamask"],
            "exchange_account": "no",
            "hardware_wallet": "no",
            "password_reuse": "unique",
        }
    )
    flow.next()
    flow.apply(from_device(parse_fdesetup("FileVault is On.")))
    flow.apply(from_wifi(parse_wifi(fixture("netsh_en_location_permission.txt"), "netsh")))
    saved = json.loads(json.dumps(flow.to_dict()))  # what the encrypted draft holds
    resumed = CheckupFlow.from_dict(saved)
    assert resumed.current_topic == "passwords"
    assert resumed.answers == flow.answers
    assert resumed.sources["disk_encryption"] == PROBE
    assert resumed.probed == flow.probed
    assert [m.render() for m in resumed.probe_words("disk_encryption")] == [
        "Detected with fdesetup: FileVault is on.",
        TOOL_NOTE.format(tool="fdesetup"),
        "If this is wrong, choose the right answer.",
    ]
    assert [m.render() for m in resumed.probe_words("wifi_security")] == [
        "Could not tell: Windows only shares Wi-Fi details with apps that may use your"
        " location. To let this check see them, open Settings, then Privacy & security, then"
        " Location, and turn on \u201cLocation services\u201d and \u201cLet desktop apps access"
        " your location\u201d. Then run the check again. Or simply answer the Wi-Fi question"
        " yourself \u2014 that works just as well."
    ]


def test_resume_drops_what_no_longer_fits() -> None:
    resumed = CheckupFlow.from_dict(
        {
            "answers": {
                "wallets": ["imtoken"],
                "gone_question": "x",
                "email_2fa": "carrier pigeon",
            },
            "position": "nonsense",
        }
    )
    assert resumed.answers == {"wallets": ["imtoken"]}
    assert resumed.position == 0
    assert CheckupFlow.from_dict("damaged").answers == {}


def test_probe_never_overrides_the_user() -> None:
    flow = CheckupFlow()
    assert flow.propose("disk_encryption", "yes", "fdesetup: On")
    flow.answer("disk_encryption", "no")
    assert not flow.propose("disk_encryption", "yes", "fdesetup: On")
    assert flow.answers["disk_encryption"] == "no" and flow.sources["disk_encryption"] == USER
    assert flow.probe_words("disk_encryption") == []  # the user chose otherwise: no basis


def test_clearing_an_answer_makes_the_question_missing_again() -> None:
    flow = flow_with({"seed_storage": ["photo"], "seed_copies": "one", "seed_exposed": "never"})
    flow.go_to("seed")
    flow.clear("seed_storage")
    assert "seed_storage" in flow.missing("seed")
    assert "seed_digital" not in build_run(flow, NOW).finding_ids
    with pytest.raises(InputError):
        flow.next()


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("email_2fa", "pigeon"),
        ("password_strength", 5),
        ("password_strength", "hunter2"),
        ("wallets", []),
        ("wallets", "imtoken"),
        ("nope", "x"),
        ("password_strength", True),
    ],
)
def test_invalid_answers_are_refused(question: str, value: object) -> None:
    with pytest.raises(InputError):
        CheckupFlow().answer(question, value)


def test_password_answer_is_a_score_not_a_password() -> None:
    assert BY_ID["password_strength"].kind is Kind.PASSWORD
    flow = CheckupFlow()
    flow.answer("password_strength", 3)
    assert flow.to_dict()["answers"]["password_strength"] == 3


# -- score ----------------------------------------------------------------------------


def test_urgent_finding_caps_score_below_50() -> None:
    run = build_run(flow_with(with_changes(seed_storage=["photo"])), NOW)
    assert run.score.uncapped > URGENT_CAP
    assert run.score.overall == URGENT_CAP and run.score.capped
    assert run.urgent_count == 1


def test_accepted_risk_stops_lowering_score_but_stays_listed() -> None:
    run = build_run(flow_with(with_changes(wifi_security="open", public_wifi="often")), NOW)
    assert "wifi_open_wallet" in run.finding_ids and run.score.overall == URGENT_CAP
    accepted = run.with_accepted("wifi_open_wallet", "I only open the wallet on my phone's data.")
    assert accepted.score.overall > URGENT_CAP and not accepted.score.capped
    assert "wifi_open_wallet" in [f.id for f in accepted.findings]
    assert accepted.urgent_count == 0
    assert accepted.without_accepted("wifi_open_wallet").score.overall == URGENT_CAP


@pytest.mark.parametrize(
    ("finding", "changes"),
    [
        ("seed_digital", {"seed_storage": ["photo"]}),
        ("seed_exposed", {"seed_exposed": "website"}),
        ("install_unofficial", {"install_source": "search"}),
        ("hardware_prefilled", {"hardware_source": "prefilled"}),  # a seed someone else knows
        ("remote_stranger", {"remote_control": "stranger"}),
    ],
)
def test_a_leaked_seed_or_unofficial_app_cannot_be_accepted(
    finding: str, changes: dict[str, object]
) -> None:
    """Issue 17, item 13: accepting lifted the cap, so a leaked seed scored Excellent."""
    assert finding in NOT_ACCEPTABLE and not can_accept(finding)
    run = build_run(flow_with(with_changes(**changes)), NOW)
    assert finding in run.finding_ids
    with pytest.raises(InputError) as refused:
        run.with_accepted(finding, "I am sure nobody saw it.")
    assert "cannot be accepted" in refused.value.message.render()
    # Not through a new run either, nor through a stored run that says it was accepted.
    assert (
        finding not in build_run(flow_with(with_changes(**changes)), NOW, {finding: "x"}).accepted
    )
    stored = CheckupRun.from_payload({**run.to_payload(), "accepted": {finding: "old app"}})
    assert stored.score.overall <= URGENT_CAP
    assert stored.urgent_count >= 1


def test_accepting_needs_a_reason_without_secrets() -> None:
    run = build_run(flow_with(with_changes(firewall="no")), NOW)
    with pytest.raises(InputError):
        run.with_accepted("firewall_off", "   ")
    with pytest.raises(InputError):
        run.with_accepted("password_weak", "not in this run")


def test_same_answers_same_score_and_formula() -> None:
    answers = with_changes(password_strength=2, firewall="no", approvals="long_ago")
    first = build_run(flow_with(answers), NOW)
    second = build_run(flow_with(dict(reversed(list(answers.items())))), NOW + timedelta(days=3))
    assert first.score == second.score
    # passwords 90, device 90, sending and signing 70 (approvals), others 100; weighted average:
    weights = {
        "seed": 3,
        "passwords": 2,
        "two_factor": 2,
        "device": 1.5,
        "phishing": 1.25,
        "signing": 1.25,
        "network": 1,
        "totp_backup": 1,
        "cold_storage": 0.75,
        "hardware": 0.75,
    }
    scores = {**dict.fromkeys(weights, 100), "passwords": 90, "device": 90, "signing": 70}
    expected = round(sum(scores[t] * w for t, w in weights.items()) / sum(weights.values()))
    assert first.score.overall == expected


def test_explanation_lists_topics_and_deductions() -> None:
    run = build_run(flow_with(with_changes(seed_storage=["photo"], firewall="no")), NOW)
    lines = [line.render() for line in explain(run.score)]
    assert any("Seed phrase backup: 40" in line for line in lines)
    assert any("60: Your seed phrase is stored online or in a photo" in line for line in lines)
    assert any("capped at 49" in line for line in lines)


def test_unanswered_topics_do_not_count() -> None:
    report = compute({"seed"}, [], {})
    assert [t.topic for t in report.topics] == ["seed"] and report.overall == 100


# -- runs, storage, comparison -----------------------------------------------------------


def test_headless_end_to_end_through_encrypted_storage(paths, memory_keyring) -> None:
    flow = CheckupFlow()
    answers = with_changes(seed_storage=["paper"], seed_copies="one")
    while True:
        while flow.missing(flow.current_topic):  # an answer may reveal the next question
            for question in flow.questions(flow.current_topic):
                flow.answer(question.id, answers[question.id])
        if flow.at_end:
            break
        flow.next()
    assert flow.is_complete
    run = build_run(flow, NOW)
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    run_id = store.add_checkup_run(
        run.created_at, run.score.overall, run.urgent_count, run.to_payload()
    )
    loaded = CheckupRun.from_payload(store.load_checkup_run(run_id))
    assert loaded == run
    assert [s.score for s in store.list_checkup_runs()] == [run.score.overall]
    store.close()


def test_compare_runs() -> None:
    before = build_run(flow_with(with_changes(firewall="no", screen_lock="no")), NOW)
    after = build_run(flow_with(with_changes(screen_lock="no", bookmarks="no")), NOW)
    diff = compare(before, after)
    assert diff.fixed == ("firewall_off",)
    assert diff.new == ("no_bookmarks",)
    assert diff.unchanged == ("no_screen_lock",)
    assert diff.score_change == after.score.overall - before.score.overall


def test_rules_module_covers_every_topic_with_findings() -> None:
    topics_with_findings = {f.topic for f in CATALOG.values()}
    assert topics_with_findings == set(rules.RULES)


def test_store_deletes_a_checkup_run(paths, memory_keyring) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    first = build_run(flow_with(GOOD_ANSWERS), NOW)
    second = build_run(flow_with(with_changes(firewall="no")), NOW + timedelta(days=31))
    ids = [
        store.add_checkup_run(run.created_at, run.score.overall, run.urgent_count, run.to_payload())
        for run in (first, second)
    ]
    store.delete_checkup_run(ids[0])
    assert [s.id for s in store.list_checkup_runs()] == [ids[1]]
    assert CheckupRun.from_payload(store.load_checkup_run(ids[1])) == second
    store.close()
