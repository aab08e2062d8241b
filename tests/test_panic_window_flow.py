"""The panic window follows checks.panic.flow: a case opens where its work stands,
what the user did elsewhere ticks the checklist, a closed case reopens where it was."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import FIXED_NOW
from test_panic_window import pick, section
from ui import open_window, press, type_into

from checks.panic import flow
from checks.panic.case import Case, Contact, EvidenceFile, Transaction, new_case
from desktop.main_window import MainWindow
from desktop.panic.wizard import PanicWizard

NOW = FIXED_NOW
SHOT = EvidenceFile("a1b2", "wallet.png", 900, "ab" * 32, NOW - timedelta(minutes=5))


def saved(win: MainWindow, case: Case) -> None:
    win.ctx.store.save_case(case.id, case.opened_at, case.status, case.to_payload(), NOW)


def opened(win: MainWindow, case: Case) -> PanicWizard:
    saved(win, case)
    win.panic.start(case.id)
    wizard = win.panic.wizard
    assert isinstance(wizard, PanicWizard) and wizard.case.id == case.id
    return wizard


def evidence_recorded() -> Case:
    case = new_case(NOW, ("imtoken",)).with_triage(what_happened=("signed",), funds_left="yes")
    for step_id in ("move_funds", "revoke_approvals", "disconnect_sites", "no_recovery_scams"):
        case = flow.tick(case, step_id, True, NOW)
    case = case.add_timeline(NOW - timedelta(hours=1), "Signed an airdrop claim")
    return case.add_transaction(Transaction("tron", "a" * 64)).add_evidence(SHOT)


@pytest.mark.parametrize(
    ("case", "section_id"),
    [
        (lambda: new_case(NOW), "triage"),
        (lambda: new_case(NOW).with_triage(funds_left="no"), "lockdown"),
        (evidence_recorded, "support"),
        (lambda: evidence_recorded().closed("not_recovered"), "summary"),
    ],
)
def test_a_saved_case_opens_where_its_work_stands(qtbot, make_ctx, case, section_id) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    wizard = opened(win, case())
    assert wizard.page.section == section_id
    assert wizard.nav.currentRow() == flow.section_index(section_id)


def test_a_new_transaction_starts_on_the_cases_network(qtbot, make_ctx) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    wizard = opened(win, evidence_recorded())
    wizard.go_to("evidence")
    assert wizard.page.tx.chain.currentData() == "tron"
    pick(qtbot, wizard.page.tx.chain, "bitcoin")  # the user's choice stays …
    type_into(qtbot, wizard.page.what, "Noticed it")
    press(qtbot, wizard.page.add_event)
    assert wizard.page.tx.chain.currentData() == "bitcoin"  # … while the case changes


def test_a_logged_contact_ticks_the_support_step_until_unticked(qtbot, make_ctx) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    wizard = opened(win, evidence_recorded())
    wizard.go_to("support")
    support = wizard.page
    pick(qtbot, support.where, "help_center")
    press(qtbot, support.log)
    wizard.go_to("lockdown")
    lockdown = wizard.page
    card = lockdown.cards["contact_support"]
    assert card.check.isChecked() and card.when.text().startswith("Done at")
    assert lockdown.cards["record_evidence"].check.isChecked()  # the evidence did it
    press(qtbot, card.check)  # the user says no: it stays unticked, also when saved
    assert not card.check.isChecked()
    (summary,) = win.ctx.store.list_cases()
    reloaded = Case.from_payload(win.ctx.store.load_case(summary.id))
    assert "contact_support" in reloaded.steps_unticked
    assert not next(s for s in flow.checklist(reloaded) if s.step.id == "contact_support").done
    section(qtbot, wizard, 6)
    assert "○ Contact official support — only official" in wizard.page.overview.text()


def test_a_reopened_case_goes_where_its_work_stands(qtbot, make_ctx) -> None:
    win = open_window(qtbot, make_ctx(), "en")
    case = evidence_recorded().add_contact(Contact("ticket", NOW, "imtoken"), now=NOW)
    wizard = opened(win, case.closed("not_recovered"))
    assert wizard.page.section == "summary" and wizard.read_only
    press(qtbot, wizard.reopen)
    assert not wizard.read_only
    assert wizard.page.section == flow.resume_section(wizard.case) == "followUp"


def test_one_page_per_section_in_the_flows_order() -> None:
    from desktop.panic.pages import PAGE_NAMES, page_class

    classes = [page_class(index) for index in range(len(PAGE_NAMES))]
    assert [page.section for page in classes] == list(flow.SECTION_IDS)
