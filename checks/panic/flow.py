"""Panic mode as a flow over one case: the sections in order, which lockdown
steps apply, which are done, progress, and where to open a case again.

Every screen that shows steps asks this module, so they cannot disagree:
the first screen shows the first of :func:`applicable_steps`, the lockdown
checklist, the summary and the incident report show :func:`checklist`.

* One default. A question not answered yet counts as "I don't know": a new
  case gets every step that may matter, never fewer than a case whose
  answers are known.
* Done is a tick, or what the case already holds (:data:`SATISFIED_BY`): an
  official contact with the wallet's support ticks "Contact official
  support"; a timeline entry, a transaction and a file tick "Write down the
  evidence"; a logged police report ticks "Report to the police". The user
  may untick such a step, and it stays unticked.
* A closed case is read-only; :class:`checks.panic.case.Case` refuses every
  change but :meth:`~checks.panic.case.Case.reopened`.

The window (``desktop/panic``) shows one section per page and hands what
the user does to the case and to :func:`tick`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from checks.panic.case import Case
from checks.panic.contacts import REPORTING
from checks.panic.lockdown import BY_ID, STEPS, Step
from checks.panic.sections import SECTION_IDS, SECTIONS, STEP_SECTION, Section, section_index
from checks.panic.triage import defaults
from checks.panic.triage import first_actions as first_actions_for

__all__ = ["SECTIONS", "SECTION_IDS", "STEP_SECTION", "Section", "section_index"]




@dataclass(frozen=True)
class StepState:
    step: Step
    done_at: datetime | None  # None: not done
    automatic: bool = False  # done because of what the case holds, not ticked
    applies: bool = True  # False: done earlier, though the triage no longer asks for it

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def still_open(self) -> int:
        return self.total - self.done


# -- the triage, with its one default -------------------------------------------


def triage_answers(case: Case) -> tuple[tuple[str, ...], str]:
    """What happened and whether funds are left; "I don't know" where not answered."""
    return defaults(case.what_happened, case.funds_left)


def triage_started(case: Case) -> bool:
    return bool(case.what_happened or case.funds_left)


def applicable_steps(case: Case) -> list[Step]:
    """The lockdown steps this case's triage asks for: urgent first."""
    return first_actions_for(case.what_happened, case.funds_left, count=None)


def first_actions(case: Case, count: int = 3) -> list[Step]:
    """What the first screen says to do right now: the first of the applicable steps."""
    return first_actions_for(case.what_happened, case.funds_left, count)


# -- done: ticked, or satisfied by what the case holds ---------------------------


def _support_contact(case: Case) -> datetime | None:
    """When the user first reached the wallet's support through an official channel."""
    times = [c.at for c in case.contacts if c.official and c.channel not in REPORTING]
    return min(times, default=None)


def _evidence_recorded(case: Case) -> datetime | None:
    """When the case first held a timeline entry, a transaction and a file (the latest
    of the three; a transaction without a time does not move it)."""
    if not (case.timeline and case.transactions and case.evidence):
        return None
    times = [case.timeline[0].at, min(item.added_at for item in case.evidence)]
    times += [tx.at for tx in case.transactions[:1] if tx.at is not None]
    return max(times)


def _police_report(case: Case) -> datetime | None:
    return min((c.at for c in case.contacts if c.channel == "police"), default=None)


SATISFIED_BY: dict[str, Callable[[Case], datetime | None]] = {
    "contact_support": _support_contact,
    "record_evidence": _evidence_recorded,
    "report_police": _police_report,
}


def satisfied(case: Case) -> dict[str, datetime]:
    """Steps the case's contents already do, with when (unticked ones included)."""
    found = {step_id: rule(case) for step_id, rule in SATISFIED_BY.items()}
    return {step_id: at for step_id, at in found.items() if at is not None}


def step_state(case: Case, step: Step, applies: bool = True) -> StepState:
    ticked = case.done_at(step.id)
    if ticked is not None:
        return StepState(step, ticked, applies=applies)
    if step.id not in case.steps_unticked:
        automatic = satisfied(case).get(step.id)
        if automatic is not None:
            return StepState(step, automatic, automatic=True, applies=applies)
    return StepState(step, None, applies=applies)


def checklist(case: Case) -> list[StepState]:
    """Every step to show: the applicable ones, then any done that no longer apply."""
    steps = applicable_steps(case)
    states = [step_state(case, step) for step in steps]
    chosen = {step.id for step in steps}
    for step in STEPS:
        if step.id not in chosen:
            state = step_state(case, step, applies=False)
            if state.done:
                states.append(state)
    return states


def done_steps(case: Case) -> list[StepState]:
    """The steps done so far, in checklist order (for "What I have done so far")."""
    return [state for state in checklist(case) if state.done]


def progress(case: Case) -> Progress:
    """Of the applicable steps, how many are done."""
    states = [state for state in checklist(case) if state.applies]
    return Progress(sum(state.done for state in states), len(states))


def tick(case: Case, step_id: str, on: bool, now: datetime) -> Case:
    """The case after the user ticked (or unticked) a step on the checklist."""
    if step_id not in BY_ID:
        raise ValueError(step_id)
    if on:
        return case.step_done(step_id, now)
    if step_id in satisfied(case):
        return case.step_unticked(step_id)
    return case.step_done(step_id, now, done=False)


# -- where to be -----------------------------------------------------------------


def resume_section(case: Case) -> str:
    """Where to open a case again: the first section with something left to do.

    A new case starts with the questions; a closed one at its summary. Then,
    in the sections' order: a lockdown step not done (in the section where it
    is done), follow-ups once support has been contacted, else the summary.
    """
    if case.is_closed:
        return "summary"
    if not triage_started(case):
        return "triage"
    waiting = {STEP_SECTION.get(s.step.id, "lockdown") for s in checklist(case) if not s.done}
    if any(contact.official for contact in case.contacts):
        waiting.add("followUp")
    return next((section for section in SECTION_IDS if section in waiting), "summary")


def chain_to_offer(case: Case) -> str | None:
    """The network a new transaction most likely uses: the case's latest one."""
    if case.transactions:
        return case.transactions[-1].chain
    return case.chains[-1] if case.chains else None
