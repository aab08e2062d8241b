"""The panic wizard's sections, in order (one module per page)."""

from __future__ import annotations

from desktop.panic_evidence_page import EvidencePage
from desktop.panic_followup_page import FollowUpPage
from desktop.panic_lockdown_page import LockdownPage
from desktop.panic_report_page import ReportPage
from desktop.panic_summary_page import SummaryPage
from desktop.panic_support_page import SupportPage
from desktop.panic_triage_page import TriagePage

PAGES = (TriagePage, LockdownPage, EvidencePage, SupportPage, FollowUpPage, ReportPage, SummaryPage)
