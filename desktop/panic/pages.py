"""The panic wizard's pages, one per section of :data:`checks.panic.flow.SECTIONS`, in order."""

from __future__ import annotations

from desktop.panic.evidence_page import EvidencePage
from desktop.panic.followup_page import FollowUpPage
from desktop.panic.lockdown_page import LockdownPage
from desktop.panic.page import PanicPage
from desktop.panic.summary_page import SummaryPage
from desktop.panic.support_page import SupportPage
from desktop.panic.triage_page import TriagePage
from desktop.panic.where_to_report_page import ReportPage

PAGES: tuple[type[PanicPage], ...] = (
    TriagePage,
    LockdownPage,
    EvidencePage,
    SupportPage,
    FollowUpPage,
    ReportPage,
    SummaryPage,
)
