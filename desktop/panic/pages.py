"""The panic wizard's pages, one per section of :data:`checks.panic.sections.SECTIONS`, in order.

Opening panic mode lists the sections by their titles alone; a page's
module is imported when the page is first built: the first before the
window is painted, the others right after (:class:`desktop.panic.wizard.PanicWizard`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.panic.page import PanicPage

# "module:Class" under desktop.panic, in the order of SECTIONS (a test compares).
PAGE_NAMES: tuple[str, ...] = (
    "triage_page:TriagePage",
    "lockdown_page:LockdownPage",
    "evidence_page:EvidencePage",
    "support_page:SupportPage",
    "followup_page:FollowUpPage",
    "where_to_report_page:ReportPage",
    "summary_page:SummaryPage",
)


def page_class(index: int) -> type[PanicPage]:
    module, _colon, name = PAGE_NAMES[index].partition(":")
    found: type[PanicPage] = getattr(import_module(f"desktop.panic.{module}"), name)
    return found
