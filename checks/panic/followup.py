"""Follow-ups for a case: its contacts through the escalation engine, and the
line the home screen shows ("Follow up with TokenPocket support — due today").
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from checks.directory import load_directory
from checks.findings import Severity
from checks.home import Notice
from checks.i18n import N_, Msg, msg
from checks.panic.case import Case
from checks.panic.contacts import support_target
from checks.panic.escalation import Advice, ContactAttempt, advise
from checks.panic.triage import app_may_be_fake

CHASE = ("follow_up_due", "escalate")

DUE_TODAY = N_("due today at {time}")
DUE_ON = N_("due {date}")
OVERDUE = N_("overdue since {date}")
OPEN_CASE = N_("Open case “{title}”")
CASE_LINE = N_("Theft case “{title}”: {advice} ({when})")
CASE_LINE_PLAIN = N_("Theft case “{title}”: {advice}")


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


def wallet_facts(case: Case, language: str = "en") -> tuple[str | None, bool]:
    """The name of the support being chased and whether it is an exchange.

    That is the wallet of the latest contact that named one (the user may
    have moved on from their wallet to the exchange the funds went to),
    else the case's first wallet; see :func:`checks.panic.contacts.support_target`.
    """
    target = support_target(case)
    entry = load_directory().get(target) if target else None
    return (entry.display_name(language), entry.custodial) if entry else (None, False)


def advice_for(case: Case, now: datetime, tz: tzinfo, language: str = "en") -> Advice:
    """The escalation advice for the case; ``language`` picks the wallet's name (比特派)."""
    name, custodial = wallet_facts(case, language)
    fake_app = app_may_be_fake(case.what_happened)
    return advise(attempts(case), now, tz, custodial, name=name, app_from_link=fake_app)


def title_of(case: Case, tz: tzinfo) -> str:
    return case.title or case.opened_at.astimezone(tz).strftime("%Y-%m-%d")


def due_words(due_at: datetime, now: datetime, tz: tzinfo) -> Msg:
    """ "overdue since …" once past, "due today at 14:00", else "due 2026-11-25 09:30"."""
    due, today = due_at.astimezone(tz), now.astimezone(tz)
    if due_at <= now:
        return msg(OVERDUE, date=due.strftime("%Y-%m-%d %H:%M"))
    if due.date() == today.date():
        return msg(DUE_TODAY, time=due.strftime("%H:%M"))
    return msg(DUE_ON, date=due.strftime("%Y-%m-%d %H:%M"))


def case_notice(case: Case, now: datetime, tz: tzinfo, language: str = "en") -> Notice:
    """One banner per open case: its next action, and when.

    The banner's button should be named after the case (:func:`open_label`),
    not a bare "Open": with two cases, a screen reader must tell them apart.
    """
    advice = advice_for(case, now, tz, language)
    title = title_of(case, tz)
    if advice.due_at is not None and "due" not in advice.message.args:  # else it says it
        when = due_words(advice.due_at, now, tz)
        text = msg(CASE_LINE, title=title, advice=advice.message, when=when)
    else:
        text = msg(CASE_LINE_PLAIN, title=title, advice=advice.message)
    severity = (
        Severity.URGENT if advice.status in CHASE or not case.contacts else Severity.IMPORTANT
    )
    return Notice(f"case:{case.id}", severity, text, action=f"case:{case.id}")


def open_label(case: Case, tz: tzinfo) -> Msg:
    """The name of the button that opens this case ("Open case “TokenPocket theft”")."""
    return msg(OPEN_CASE, title=title_of(case, tz))
