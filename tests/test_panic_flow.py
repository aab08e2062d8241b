"""Panic mode's flow, headless: a whole case from the first question to closed and
reopened, which steps apply (one default), what counts as done, where a case
opens again, and a closed case refusing every change."""

from __future__ import annotations

import inspect
from datetime import datetime, timedelta, timezone

import pytest

from checks.i18n import InputError
from checks.panic import flow, lockdown, messages, triage
from checks.panic.case import Case, Contact, EvidenceFile, Transaction, new_case

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
THIEF = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"
SHOT = EvidenceFile("a1b2", "wallet.png", 900, "ab" * 32, NOW + timedelta(minutes=40))


def ids(steps: list[lockdown.Step]) -> list[str]:
    return [step.id for step in steps]


def states(case: Case) -> dict[str, bool]:
    return {state.step.id: state.done for state in flow.checklist(case)}


def test_a_new_case_gets_the_dont_know_steps_with_one_default() -> None:
    """Nothing answered counts as "I don't know", on every screen alike: every
    step but those only one named attack needs (a hacked exchange account, a
    TRON permission change ...)."""
    case = new_case(NOW)
    everything = ids(lockdown.plan((triage.DONT_KNOW,), triage.DONT_KNOW))
    assert ids(flow.applicable_steps(case)) == everything
    only_when_named = {"freeze_exchange", "check_tron_permissions", "fake_officials",
                       "poisoned_history"}  # fmt: skip
    assert set(ids(lockdown.STEPS)) - set(everything) == only_when_named
    assert {"move_funds", "abandon_seed", "revoke_approvals", "report_police"} <= set(everything)
    assert ids(flow.first_actions(case)) == everything[:3]
    assert [s.step.id for s in flow.checklist(case)] == everything
    assert flow.progress(case) == flow.Progress(0, len(everything))
    answered = case.with_triage(what_happened=("dont_know",), funds_left="dont_know")
    assert ids(flow.applicable_steps(answered)) == everything


def test_answers_narrow_the_steps() -> None:
    case = new_case(NOW).with_triage(what_happened=("phone_stopped",), funds_left="no")
    steps = ids(flow.applicable_steps(case))
    assert "call_carrier" in steps and "revoke_approvals" not in steps
    assert "move_funds" not in steps  # nothing left to move
    assert ids(flow.first_actions(case)) == steps[:3]


def test_a_whole_case_through_the_flow() -> None:
    # 1. A new case opens at the questions.
    case = new_case(NOW)
    assert flow.resume_section(case) == "triage"
    for question, value in (("funds", "yes"), ("how", "signed"), ("wallet", "imtoken")):
        case = triage.answer(case, question, value)
    first = ["move_funds", "revoke_approvals", "report_address"]  # a signature may drain more
    assert ids(flow.first_actions(case)) == first
    assert flow.resume_section(case) == "lockdown"

    # 2. The checklist's own steps ticked; one ticked by mistake and unticked.
    ticked = ("move_funds", "revoke_approvals", "disconnect_sites", "no_recovery_scams")
    for step_id in (*ticked, "report_police"):
        case = flow.tick(case, step_id, True, NOW + timedelta(minutes=5))
    case = flow.tick(case, "report_police", False, NOW + timedelta(minutes=6))
    assert case.done_at("revoke_approvals") == NOW + timedelta(minutes=5)
    assert not states(case)["report_police"]
    assert flow.resume_section(case) == "evidence"  # "Write down the evidence" is next

    # 3. Evidence: a timeline entry, a transaction and a file tick "Write down the evidence".
    case = case.add_timeline(NOW - timedelta(hours=1), "Signed an airdrop claim")
    case = case.add_transaction(Transaction("tron", "a" * 64))
    assert not states(case)["record_evidence"]  # no file yet
    case = case.add_evidence(SHOT)
    evidence_state = next(s for s in flow.checklist(case) if s.step.id == "record_evidence")
    assert evidence_state.automatic and evidence_state.done_at == SHOT.added_at
    assert flow.chain_to_offer(case) == "tron"  # a new transaction starts on the case's network
    assert flow.resume_section(case) == "support"

    # 4. An unofficial "helpdesk" is not official support; the official ticket is.
    helpdesk = Contact("social", NOW + timedelta(minutes=50), "imtoken", official=False)
    case = case.add_contact(helpdesk, now=NOW + timedelta(hours=1))
    assert not states(case)["contact_support"]
    ticket = Contact("ticket", NOW + timedelta(minutes=55), "imtoken", ticket="4711")
    case = case.add_contact(ticket, now=NOW + timedelta(hours=1))
    assert states(case)["contact_support"]
    support = next(s for s in flow.done_steps(case) if s.step.id == "contact_support")
    assert support.automatic and support.done_at == ticket.at
    assert flow.resume_section(case) == "followUp"  # what is left: follow-ups, then reports

    # 5. The user may untick what the case ticked; it stays unticked, and can be ticked again.
    case = flow.tick(case, "contact_support", False, NOW + timedelta(hours=1))
    assert not states(case)["contact_support"]
    case = case.add_contact(
        Contact("email", NOW + timedelta(hours=2), "imtoken"), now=NOW + timedelta(hours=2)
    )
    assert not states(case)["contact_support"]
    case = flow.tick(case, "contact_support", True, NOW + timedelta(hours=3))
    assert case.done_at("contact_support") == NOW + timedelta(hours=3)
    assert Case.from_payload(case.to_payload()) == case

    # 6. Everything ticked: follow-ups come next (support was contacted), then the police.
    for state in flow.checklist(case):
        if not state.done and state.step.id != "report_police":
            case = flow.tick(case, state.step.id, True, NOW + timedelta(hours=3))
    assert flow.resume_section(case) == "followUp"
    police = Contact("police", NOW + timedelta(hours=4), None, ticket="PR-1")
    case = case.add_contact(police, now=NOW + timedelta(hours=4))
    assert states(case)["report_police"]  # a logged police report ticks "Report to the police"
    assert flow.progress(case).still_open == 0

    # 7. Closed: read-only, opens at its summary; reopened, it opens where the work stands.
    closed = case.closed("not_recovered")
    assert flow.resume_section(closed) == "summary"
    with pytest.raises(InputError, match="closed"):
        flow.tick(closed, "warn_contacts", False, NOW)
    again = closed.reopened()
    assert again.status == case.status and flow.resume_section(again) == "followUp"
    assert flow.checklist(again) == flow.checklist(case)


def test_a_step_done_before_the_answers_changed_stays_listed() -> None:
    """Done earlier but no longer asked for: listed (done), not counted as open."""
    case = new_case(NOW).with_triage(what_happened=("signed",), funds_left="yes")
    case = flow.tick(case, "revoke_approvals", True, NOW)
    case = case.with_triage(what_happened=("phone_stopped",))
    shown = {s.step.id: s for s in flow.checklist(case)}
    assert shown["revoke_approvals"].done and not shown["revoke_approvals"].applies
    assert "revoke_approvals" not in ids(flow.applicable_steps(case))
    progress = flow.progress(case)
    assert progress.total == len(flow.applicable_steps(case)) and progress.done == 0


def test_unticking_a_plain_step_leaves_no_trace() -> None:
    case = flow.tick(new_case(NOW), "warn_contacts", True, NOW)
    case = flow.tick(case, "warn_contacts", False, NOW)
    assert case.steps_done == () and case.steps_unticked == ()
    with pytest.raises(ValueError):
        flow.tick(case, "no_such_step", True, NOW)


def test_the_support_message_lists_what_the_flow_counts_as_done() -> None:
    case = new_case(NOW).add_contact(Contact("ticket", NOW, "imtoken"), now=NOW)
    text = messages.support_request(case, "imToken", lambda s: s)
    assert "What I have done so far:" in text
    assert "- Contact official support — only official" in text
    assert "- I don't know" in text  # nothing answered: "I don't know", as everywhere


def test_sections_are_in_order_and_each_step_has_one() -> None:
    assert flow.SECTION_IDS[0] == "triage" and flow.SECTION_IDS[-1] == "summary"
    assert set(flow.STEP_SECTION.values()) <= set(flow.SECTION_IDS)
    assert set(flow.STEP_SECTION) <= set(lockdown.BY_ID)
    assert set(flow.SATISFIED_BY) <= set(lockdown.BY_ID)


# -- a closed case is read-only -------------------------------------------------------

# Case methods that change nothing (reopening is the one change a closed case accepts).
NOT_EDITS = {"done_at", "to_payload", "from_payload", "reopened", "is_closed"}
EDITS = {
    "with_triage": lambda c: c.with_triage(funds_left="no"),
    "renamed": lambda c: c.renamed("Stolen USDT"),
    "step_done": lambda c: c.step_done("warn_contacts", NOW),
    "step_unticked": lambda c: c.step_unticked("record_evidence"),
    "add_timeline": lambda c: c.add_timeline(NOW, "Noticed it"),
    "remove_timeline": lambda c: c.remove_timeline(0),
    "add_transaction": lambda c: c.add_transaction(Transaction("ethereum", TX, to_address=THIEF)),
    "remove_transaction": lambda c: c.remove_transaction("a" * 64),
    "with_chains": lambda c: c.with_chains(("bitcoin",)),
    "add_evidence": lambda c: c.add_evidence(SHOT),
    "add_contact": lambda c: c.add_contact(Contact("email", NOW, "imtoken")),
    "record_reply": lambda c: c.record_reply(0, NOW, "We are looking into it"),
    "with_status": lambda c: c.with_status("open"),
    "closed": lambda c: c.closed("other"),
    "with_notes": lambda c: c.with_notes("A note"),
    "with_loss": lambda c: c.with_loss("35,000", "CNY"),
}


def test_every_change_to_a_case_is_listed_here() -> None:
    public = {name for name in vars(Case) if not name.startswith("_")}
    public -= {f for f in Case.__dataclass_fields__}
    assert public == set(EDITS) | NOT_EDITS
    marked = {n for n in public if getattr(inspect.getattr_static(Case, n), "edits_case", False)}
    assert marked == set(EDITS)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_closed_case_refuses_every_change(name: str) -> None:
    case = new_case(NOW).add_timeline(NOW, "Noticed it")
    case = case.add_transaction(Transaction("tron", "a" * 64))
    case = case.add_contact(Contact("ticket", NOW, "imtoken"), now=NOW)
    EDITS[name](case)  # the change works on the open case
    closed = case.closed("not_recovered")
    with pytest.raises(InputError) as refused:
        EDITS[name](closed)
    assert refused.value.message.text == "This case is closed. Reopen it to change it."
    EDITS[name](closed.reopened())
