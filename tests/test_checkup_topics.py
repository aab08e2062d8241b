"""Topics split to fit a laptop screen: "Your hardware wallet" out of "Savings and
cold storage", "Sending and signing" out of "Fake apps and phishing".

A finding only for a question that was asked, on a page that was shown, and
counted in a topic that is scored; runs saved before the split still open and
score.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_checkup import GOOD_ANSWERS, NOW, flow_with, with_changes

from checks.checkup import rules
from checks.checkup.catalog import CATALOG
from checks.checkup.flow import CheckupFlow
from checks.checkup.questions import DONT_KNOW, QUESTIONS, Kind, questions_of
from checks.checkup.run import CheckupRun, build_run, compare
from checks.checkup.score import PENALTY, WEIGHTS, explain
from checks.findings import Severity
from checks.storage import store as data

OLD_RUNS = Path(__file__).parent / "fixtures" / "checkup" / "runs_before_topic_split.json"
SPLIT = {"hardware": "cold_storage", "signing": "phishing"}  # new topic -> the one it came from


def old_runs() -> list[dict]:
    return json.loads(OLD_RUNS.read_text(encoding="utf-8"))["runs"]


def test_the_new_pages_hold_the_questions_they_are_named_for() -> None:
    assert [q.id for q in questions_of("hardware")] == ["verify_on_device", "hardware_source"]
    assert [q.id for q in questions_of("signing")] == [
        "approvals",
        "blind_signing",
        "address_source",
        "address_check",
    ]
    assert "hardware" in WEIGHTS and "signing" in WEIGHTS
    assert set(rules.RULES) == set(WEIGHTS)


@pytest.mark.parametrize("owns", ["no", DONT_KNOW])
def test_no_hardware_wallet_no_hardware_page_and_no_hardware_finding(owns: str) -> None:
    """Answers left from when the user said "Yes" count for nothing once they say otherwise."""
    flow = flow_with(with_changes(verify_on_device="no", hardware_source="prefilled"))
    assert "hardware" in flow.visible_topics()
    assert {"verify_on_device", "hardware_prefilled"} <= set(build_run(flow, NOW).finding_ids)
    flow.answer("hardware_wallet", owns)
    assert "hardware" not in flow.visible_topics()
    run = build_run(flow, NOW)
    assert not {f for f in run.finding_ids if CATALOG[f].topic == "hardware"}
    assert "hardware" not in [topic.topic for topic in run.score.topics]
    assert "verify_on_device" not in run.answers and "hardware_source" not in run.answers


def variations() -> list[tuple[str, object]]:
    """Every answer to every choice question, one at a time."""
    found: list[tuple[str, object]] = []
    for question in QUESTIONS:
        if question.kind is Kind.CHOICE:
            found += [(question.id, value) for value in question.values()]
        elif question.kind is Kind.MULTI:
            found += [(question.id, [value]) for value in question.values()]
    return found


@pytest.mark.parametrize("owns", ["yes", "no"])
def test_every_finding_is_on_a_page_that_was_shown_and_in_a_scored_topic(owns: str) -> None:
    """A finding in a topic the user never saw would be listed but cost no points."""
    checked = 0
    for question_id, value in variations():
        answers = with_changes(**{"hardware_wallet": owns, question_id: value})
        flow = flow_with(answers)
        run = build_run(flow, NOW)
        scored = {topic.topic for topic in run.score.topics}
        for finding_id in run.finding_ids:
            topic = CATALOG[finding_id].topic
            assert topic in flow.visible_topics(), (question_id, value, finding_id)
            assert topic in scored, (question_id, value, finding_id)
        checked += 1
    assert checked > 100


def test_the_split_changes_no_finding_for_the_same_answers() -> None:
    """Savings are "stored sensibly" only with a hardware wallet beyond doubt, and "your
    habits keep fake sites away" only with careful signing, as before the split."""
    owner = flow_with(with_changes(hardware_source="marketplace"))
    assert "cold_storage_good" not in build_run(owner, NOW).finding_ids
    careless = flow_with(with_changes(blind_signing="sometimes"))
    assert "phishing_good" not in build_run(careless, NOW).finding_ids
    good = build_run(flow_with(GOOD_ANSWERS), NOW).finding_ids
    assert {"cold_storage_good", "phishing_good", "address_checked"} <= set(good)


@pytest.mark.parametrize("stored", old_runs(), ids=lambda stored: stored["about"])
def test_a_run_saved_before_the_split_opens_and_scores(paths, memory_keyring, stored) -> None:
    store = data.open_store(paths, memory_keyring).store
    assert store is not None
    payload = stored["payload"]
    run_id = store.add_checkup_run(
        CheckupRun.from_payload(payload).created_at,
        stored["score"],
        stored["urgent_count"],
        payload,
    )
    run = CheckupRun.from_payload(store.load_checkup_run(run_id))
    store.close()
    assert all(finding_id in CATALOG for finding_id in run.finding_ids)
    score = run.score
    topics = {topic.topic: topic.score for topic in score.topics}
    # The topics that were not split score as before; a split one's points lost are
    # those of its two halves together: no finding is dropped or counted twice.
    for topic, before in stored["topics"].items():
        halves = [topic, *(new for new, old in SPLIT.items() if old == topic and new in topics)]
        lost = sum(100 - topics[half] for half in halves)
        assert lost == 100 - before, topic
    deducted = [d.finding_id for topic in score.topics for d in topic.deductions]
    problems = [f for f in run.finding_ids if CATALOG[f].severity is not Severity.GOOD]
    assert sorted(deducted) == sorted(problems)
    assert sum(PENALTY[CATALOG[f].severity] for f in deducted) == sum(
        100 - before for before in stored["topics"].values()
    )
    # Urgent problems still cap it; the weights of the halves move it by a few points
    # (the commit that split the topics says why), never down.
    assert run.urgent_count == stored["urgent_count"]
    assert (score.overall <= 49) == (stored["score"] <= 49)
    assert 0 <= score.uncapped - stored["uncapped"] <= 12
    assert any("Sending and signing" in line.render() for line in explain(score))
    # A new checkup with the same answers finds the same: nothing new, nothing fixed.
    again = build_run(flow_with(dict(run.answers)), NOW)
    assert set(again.finding_ids) == set(run.finding_ids)
    change = compare(run, again)
    assert change.new == change.fixed == () and change.score_change == 0


def test_the_hardware_page_appears_after_the_savings_page_once_you_own_one() -> None:
    flow = CheckupFlow()
    flow.answer("hardware_wallet", "no")
    before = flow.visible_topics()
    flow.answer("hardware_wallet", "yes")
    after = flow.visible_topics()
    assert [t for t in after if t not in before] == ["hardware"]
    assert after.index("hardware") == after.index("cold_storage") + 1
    note = flow.page_change(before)
    assert note is not None
    assert note.render() == "Your answer added a page to the checkup: Your hardware wallet."
