"""The first screen, the lockdown checklist, the summary and the incident report
show the same steps, done or not, for the same case — in both languages."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

import pytest
from conftest import FIXED_NOW

from PySide6.QtWidgets import QLabel

from checks.panic import flow
from checks.panic.case import Case, Contact, EvidenceFile, Transaction, new_case
from checks.reports.incident_report import LOCKDOWN, incident_report
from desktop.i18n import _, set_language
from desktop.panic.wizard import PanicWizard

NOW = FIXED_NOW
SHOT = EvidenceFile("a1b2", "wallet.png", 900, "ab" * 32, NOW + timedelta(minutes=40))


def answered(what: tuple[str, ...], funds: str) -> Case:
    return new_case(NOW).with_triage(what_happened=what, funds_left=funds)


def with_history() -> Case:
    """Ticks, steps the case's contents do, an untick, and a step no longer asked for."""
    case = answered(("signed",), "yes")
    case = flow.tick(case, "revoke_approvals", True, NOW)
    case = case.add_timeline(NOW - timedelta(hours=1), "Signed an airdrop claim")
    case = case.add_transaction(Transaction("tron", "a" * 64)).add_evidence(SHOT)
    later = NOW + timedelta(hours=2)
    case = case.add_contact(Contact("ticket", NOW + timedelta(minutes=50), "imtoken"), now=later)
    case = case.add_contact(Contact("police", NOW + timedelta(hours=1), None), now=later)
    case = flow.tick(case, "report_police", False, NOW)
    return case.with_triage(what_happened=("phone_stopped", "installed_app"))


CASES = {
    "new": lambda: new_case(NOW),
    "all gone, exchange taken": lambda: answered(("exchange_taken",), "no"),
    "I don't know": lambda: answered(("dont_know",), "dont_know"),
    "with history": with_history,
    "closed": lambda: with_history().closed("not_recovered"),
}


def report_steps(case: Case, language: str) -> list[tuple[bool, str]]:
    report = incident_report(
        case, _, language=language, now=NOW, tz=timezone.utc, locale_name="en_US"
    )
    section = report.html.split(html.escape(_(LOCKDOWN)), 1)[1].split("<h2", 1)[0]
    found = re.findall(r"([✓○]) ([^<]+)<", section)
    return [(mark == "✓", html.unescape(title)) for mark, title in found]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_every_screen_and_the_report_agree(qtbot, make_ctx, name: str, language: str) -> None:
    set_language(language)
    case = CASES[name]()
    wizard = PanicWizard(make_ctx(clock=lambda: datetime.now(timezone.utc)), case)
    qtbot.add_widget(wizard)
    triage, lockdown, summary = wizard.pages[0], wizard.pages[1], wizard.pages[-1]
    for page in (triage, lockdown, summary):
        page.refresh()
    expected = [(state.done, _(state.step.title)) for state in flow.checklist(case)]
    applicable = [_(state.step.title) for state in flow.checklist(case) if state.applies]
    still_open = flow.progress(case).still_open
    assert still_open == sum(1 for s in flow.checklist(case) if s.applies and not s.done)

    # The first screen: the first three steps the checklist lists.
    shown = [triage.findChild(QLabel, f"firstAction{n}").text() for n in (1, 2, 3)]
    assert shown == [f"{n}. {title}" for n, title in enumerate(applicable[:3], start=1)]

    # The checklist: the same steps, in the same order, ticked alike; its count agrees.
    cards = [(card.check.isChecked(), card.check.text()) for card in lockdown.cards.values()]
    assert cards == expected
    done = len(applicable) - still_open
    assert lockdown.progress.text() == _("{done} of {total} done").format(
        done=done, total=len(applicable)
    )

    # The summary: the same lines and "Still open".
    lines = summary.overview.text().splitlines()
    marked = [
        (line[0] == "✓", re.sub(r" — \d{4}-\d\d-\d\d \d\d:\d\d$", "", line[2:]))
        for line in lines
        if line[:1] in ("✓", "○")
    ]
    assert marked == expected
    assert _("Still open: {count}").format(count=still_open) in lines

    # The incident report: the same steps, done alike.
    assert report_steps(case, language) == expected
