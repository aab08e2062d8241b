"""Panic mode's sections, in order: an id and a title each.

Apart from :mod:`checks.panic.flow` (which decides what each section
holds), so that panic mode's first screen can list them without loading
the case model and the rules behind the other sections (bench/RESULTS.md,
1e-1j). ``checks.panic.flow`` offers the same names.
"""

from __future__ import annotations

from typing import NamedTuple

from checks.i18n import N_


class Section(NamedTuple):
    id: str  # also the page's object name without "Page", and checks.help's key
    title: str  # N_-marked


SECTIONS: tuple[Section, ...] = (
    Section("triage", N_("Do these first")),
    Section("lockdown", N_("Lock everything down")),
    Section("evidence", N_("Record the evidence")),
    Section("support", N_("Contact official support")),
    Section("followUp", N_("Follow up")),
    Section("report", N_("Where to report")),
    Section("summary", N_("Summary")),
)
SECTION_IDS = tuple(section.id for section in SECTIONS)
# The section where a lockdown step is done; every other step is done on the checklist.
STEP_SECTION = {
    "record_evidence": "evidence",
    "contact_support": "support",
    "report_address": "report",
    "report_police": "report",
}


def section_index(section_id: str) -> int:
    return SECTION_IDS.index(section_id)
