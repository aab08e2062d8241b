"""Every saved case, open and closed, as lines for a list ("All cases", History).

Reading a case needs the store (SQLite and decryption): call
:func:`case_rows` off the UI thread. A case that cannot be read is still
listed, so it can be deleted, instead of silently disappearing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from checks.i18n import N_, Msg, msg
from checks.panic.case import Case

STATUS_WORDS = {
    "open": N_("Open"),
    "waiting": N_("Waiting for a reply"),
    "escalated": N_("Escalated"),
    "closed": N_("Closed"),
}
OUTCOME_WORDS = {
    "recovered": N_("Recovered"),
    "partly_recovered": N_("Partly recovered"),
    "not_recovered": N_("Not recovered"),
    "false_alarm": N_("False alarm — nothing was stolen"),
    "other": N_("Other"),
}
UNREADABLE = N_("(this case could not be read)")
ROW = N_("{title} — opened {opened} — {status}")
ROW_CLOSED = N_("{title} — opened {opened} — closed: {outcome}")
UNTITLED = N_("Theft case opened {date}")


@dataclass(frozen=True)
class CaseRow:
    id: str
    closed: bool
    text: Msg
    updated_at: datetime


def row_for(case: Case, updated_at: datetime, tz: tzinfo) -> CaseRow:
    opened = case.opened_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    title: Msg | str = case.title or msg(UNTITLED, date=opened)
    if case.status == "closed":
        outcome = Msg(OUTCOME_WORDS.get(case.outcome, OUTCOME_WORDS["other"]))
        text = msg(ROW_CLOSED, title=title, opened=opened, outcome=outcome)
    else:
        status = Msg(STATUS_WORDS.get(case.status, STATUS_WORDS["open"]))
        text = msg(ROW, title=title, opened=opened, status=status)
    return CaseRow(case.id, case.status == "closed", text, updated_at)


def case_rows(store: Any, tz: tzinfo) -> list[CaseRow]:
    """Open cases first, then closed ones; most recently changed first in each."""
    rows = []
    for summary in store.list_cases():
        try:
            case = Case.from_payload(store.load_case(summary.id) or {})
        except (KeyError, TypeError, ValueError):
            opened = summary.opened_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
            text = msg(ROW, title=Msg(UNREADABLE), opened=opened, status=summary.status)
            rows.append(CaseRow(summary.id, summary.status == "closed", text, summary.updated_at))
            continue
        rows.append(row_for(case, summary.updated_at, tz))
    return sorted(rows, key=lambda r: (r.closed, -r.updated_at.timestamp()))
