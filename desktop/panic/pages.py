"""The panic wizard's sections, in order (one module per page)."""

from __future__ import annotations

from desktop.panic.evidence_page import EvidencePage
from desktop.panic.followup_page import FollowUpPage
from desktop.panic.lockdown_page import LockdownPage
from desktop.panic.summary_page import SummaryPage
from desktop.panic.support_page import SupportPage
from desktop.panic.triage_page import TriagePage
from desktop.panic.where_to_report_page import ReportPage

PAGES = (TriagePage, LockdownPage, EvidencePage, SupportPage, FollowUpPage, ReportPage, SummaryPage)
