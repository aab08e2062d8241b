"""The checkup flow's decisions, headless: may "Next" go on, is the checkup
finished, what is missing, did an answer show or hide a question, which probes
start — and the findings split into problems and good ones in one place."""

from __future__ import annotations

from datetime import datetime, timezone

from test_checkup import GOOD_ANSWERS, flow_with, with_changes

from checks.checkup.detect import Proposal
from checks.checkup.flow import ANSWER_FIRST, PROBE, CheckupFlow
from checks.checkup.run import build_run, compare
from checks.findings import Severity
from checks.i18n import msg

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def answer_topic(flow: CheckupFlow, answers: dict[str, object]) -> None:
    while flow.missing(flow.current_topic):  # an answer may show the next question
        for question in flow.questions(flow.current_topic):
            flow.answer(question.id, answers[question.id])


def test_next_says_what_is_missing_then_goes_on_then_finishes() -> None:
    flow = CheckupFlow()
    flow.answer("wallets", ["imtoken"])
    step = flow.advance()
    assert step.topic == "wallets" and not step.finished
    assert step.problem == msg(ANSWER_FIRST)
    assert step.missing == ("exchange_account", "hardware_wallet")
    assert step.to_fix == "exchange_account"
    answers = {**GOOD_ANSWERS, "wallets": ["imtoken"]}
    topics = []
    while True:
        answer_topic(flow, answers)
        step = flow.advance()
        assert step.problem is None
        if step.finished:
            break
        topics.append(step.topic)
    assert topics == flow.visible_topics()[1:] and flow.is_complete


def test_answers_that_cannot_both_be_true_stop_next() -> None:
    flow = flow_with(with_changes(total_value="1k_10k", hot_value="over_100k"))
    flow.go_to("cold_storage")
    step = flow.advance()
    assert step.topic == "cold_storage" and not step.finished and not step.missing
    assert step.problem == flow.conflicts("cold_storage")["hot_value"]
    assert step.to_fix == "hot_value"
    flow.answer("hot_value", "under_1k")
    assert flow.advance().topic == "hardware"  # GOOD_ANSWERS own a hardware wallet


def test_the_last_page_sends_back_to_a_page_left_unfinished() -> None:
    """A draft saved by an older version may stand at the end with a gap earlier."""
    answers = {k: v for k, v in GOOD_ANSWERS.items() if k != "firewall"}
    flow = CheckupFlow.from_dict({"answers": answers, "position": 99})
    assert flow.at_end
    step = flow.advance()
    assert not step.finished and step.topic == "device" == flow.current_topic
    assert step.missing == ("firewall",)


def test_an_answer_says_whether_it_showed_or_hid_a_question() -> None:
    flow = CheckupFlow()
    assert not flow.answer("public_wifi", "never")
    assert flow.answer("public_wifi", "often")  # "Do you use a VPN?" appears
    assert "vpn" in [q.id for q in flow.questions("network")]
    assert not flow.answer("public_wifi", "sometimes")
    assert flow.clear("public_wifi")  # … and goes again
    assert not flow.clear("public_wifi")
    assert not flow.answer("wifi_security", "wpa2")


def test_probes_start_once_and_may_finish_on_another_page() -> None:
    flow = flow_with({"wallets": ["imtoken"], "exchange_account": "no", "hardware_wallet": "no"})
    assert not flow.start_probes("wallets")  # nothing there to detect
    assert flow.start_probes("network") and "network" in flow.probes_running
    assert not flow.start_probes("network")  # once a checkup
    flow.go_to("seed")
    found = Proposal("wifi_security", "wpa3", msg("Detected with {basis}.", basis="nmcli"))
    assert flow.probes_done("network", [found]) == ["wifi_security"]
    assert flow.probes_running == set() and flow.current_topic == "seed"
    assert flow.answers["wifi_security"] == "wpa3" and flow.sources["wifi_security"] == PROBE
    resumed = CheckupFlow.from_dict(flow.to_dict())
    assert resumed.start_probes("network")  # a checkup resumed later checks again


def test_problems_and_good_findings_in_one_place() -> None:
    run = build_run(flow_with(with_changes(firewall="no", bookmarks="no")), NOW)
    assert run.problems + run.already_good == run.findings
    assert {f.id for f in run.problems} == {"firewall_off", "no_bookmarks"}
    assert all(f.severity is not Severity.GOOD for f in run.problems)
    assert run.already_good and all(f.severity is Severity.GOOD for f in run.already_good)
    before = build_run(flow_with(GOOD_ANSWERS), NOW)
    assert before.problems == [] and compare(before, run).new == tuple(f.id for f in run.problems)
