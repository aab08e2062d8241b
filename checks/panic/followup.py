"""Follow-ups for a case: its contacts through the escalation engine, and the
line the home screen shows ("Follow up with TokenPocket support — due today").
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from checks.directory import load_directory
from checks.escalation import Advice, ContactAttempt, advise
from checks.findings import Severity
from checks.home import Notice
from checks.i18n import N_, Msg, msg
from checks.panic.case import Case

CHASE = ("follow_up_due", "escalate")


def attempts(case: Case) -> list[ContactAttempt]:
    return [
        ContactAttempt(
            channel=contact.channel,
            at=contact.at,
            ticket=contact.ticket or None,
            reply_at=contact.reply_at,
            reply_summary=contact.reply_summary or None,
            official=contact.official,
        )
        for contact in case.contacts
    ]


def wallet_facts(case: Case) -> tuple[str | None, bool]:
    """The case's wallet name and whether it is custodial (an exchange)."""
    entry = load_directory().get(case.wallets[0]) if case.wallets else None
    return (entry.name, entry.custodial) if entry else (None, False)


def advice_for(case: Case, now: datetime, tz: tzinfo) -> Advice:
    name, custodial = wallet_facts(case)
    return advise(attempts(case), now, tz, custodial, name=name)


def case_notice(case: Case, now: datetime, tz: tzinfo) -> Notice:
    """One banner per open case: its next action, and when."""
    advice = advice_for(case, now, tz)
    title = case.title or case.opened_at.astimezone(tz).strftime("%Y-%m-%d")
    if advice.due_at is not None:
        due = advice.due_at.astimezone(tz)
        when: Msg = (
            msg(N_("due today"))
            if due.date() <= now.astimezone(tz).date()
            else msg(N_("due {date}"), date=due.strftime("%Y-%m-%d %H:%M"))
        )
        text = msg(
            N_("Theft case “{title}”: {advice} ({when})"),
            title=title,
            advice=advice.message,
            when=when,
        )
    else:
        text = msg(N_("Theft case “{title}”: {advice}"), title=title, advice=advice.message)
    severity = (
        Severity.URGENT if advice.status in CHASE or not case.contacts else Severity.IMPORTANT
    )
    return Notice(f"case:{case.id}", severity, text, action=f"case:{case.id}")
