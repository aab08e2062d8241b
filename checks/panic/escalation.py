"""Escalation after a theft: when to chase support, and where to go next.

People who write to support after a theft wait in silence and do not know
when silence means "go elsewhere". This engine turns the contacts they log
into one plain piece of advice: wait until a date, send one follow-up, or
climb one rung of the ladder. An exchange holds the coins and can act, so its
ladder is the long one (:data:`LADDER`)::

    support inside the app → email or ticket → official social account →
    official community → formal complaint → police or regulator →
    consumer-protection body or lawyer

A self-custody wallet cannot act on a theft, and fake moderators wait in
social replies and community groups, so its ladder is short
(:data:`SELF_CUSTODY_LADDER`): the official app's help → email or ticket →
the police (and the exchange that received the funds). When the app came
from a link or its source is unknown, the app's own support is no rung at
all: the user reinstalls from the official store, and the first rung is the
official help centre (:func:`ladder_for`).

The engine is a pure function of the logged contacts and an injected
``now`` (:func:`advise`); :class:`EscalationState` wraps it with a clock that
tests replace. Deadlines are counted on the user's wall clock in ``tz``, in
business days where companies count that way (:mod:`checks.panic.business_days`).

Rules, in order:

* Contacts logged on channels that are not confirmed official never count:
  they are listed as warnings, because fake "support" is how recovery
  scammers find victims.
* The state is *as of* ``now``: contacts and replies dated after ``now``
  have not happened yet. This is what lets a fake clock replay a case.
* A reply that arrived after the user's latest contact → ``replied``. The
  user decides whether it solves anything; the engine names the next rung.
* Otherwise the latest official contact decides. Before its due time →
  ``waiting``. After it, with no follow-up yet on that rung →
  ``follow_up_due``. After a follow-up's due time → ``escalate`` to the
  next rung. On the last rung there is nowhere higher, so it is
  ``follow_up_due`` again.

Business days matter for email, tickets and in-app support (3 business
days): a ticket sent on a Friday morning is due the next Wednesday at the
same time, not on Monday. Social messages are counted in calendar days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone, tzinfo
from enum import Enum
from types import MappingProxyType

from checks.i18n import InputError, Msg, msg
from checks.panic import escalation_text as text
from checks.panic.business_days import Span, due_after, ensure_aware, local_time, require_aware


class Channel(str, Enum):
    """Where a contact was made. The values are the ids stored in a case."""

    IN_APP = "in_app"  # the Help / Support / Feedback form inside the official app
    LIVE_CHAT = "live_chat"  # a live chat in the official app or on the official website
    EMAIL = "email"  # the official support email address
    TICKET = "ticket"  # a ticket or contact form on the official help center
    SOCIAL = "social"  # a message to the official social media account (X, Weibo …)
    COMMUNITY = "community"  # the official forum, Telegram or Discord group and its moderators
    COMPLAINT = "complaint"  # the formal complaints channel (Complaints, Legal, Compliance)
    POLICE = "police"  # a report to the police or a financial regulator (reporting bodies)
    CONSUMER = "consumer"  # a consumer-protection body or a lawyer


# Expected reply times. Rules of thumb, not promises: they are used only to
# say when to chase. The issue says 2–3 business days for email; the upper
# bound is used so nobody is told to chase a team that is still on time.
REPLY_TIME: Mapping[str, Span] = MappingProxyType(
    {
        Channel.LIVE_CHAT: Span(4, "hours"),  # weekday hours; see business_days
        Channel.IN_APP: Span(3, "business_days"),
        Channel.EMAIL: Span(3, "business_days"),
        Channel.TICKET: Span(3, "business_days"),
        Channel.SOCIAL: Span(2, "days"),  # social accounts are read at weekends too
        Channel.COMMUNITY: Span(3, "days"),
        Channel.COMPLAINT: Span(10, "business_days"),
        Channel.POLICE: Span(10, "business_days"),
        Channel.CONSUMER: Span(15, "business_days"),
    }
)

LADDER: tuple[str, ...] = (
    "in_app",
    "email_or_ticket",
    "social",
    "community",
    "complaint",
    "police",
    "consumer",
)

SELF_CUSTODY_LADDER: tuple[str, ...] = ("in_app", "email_or_ticket", "police")


def ladder_for(custodial: bool, app_from_link: bool = False) -> tuple[str, ...]:
    """The rungs for this wallet: the long ladder for an exchange, the short one for
    a self-custody wallet; without "support inside the app" when the app may be fake."""
    rungs = LADDER if custodial else SELF_CUSTODY_LADDER
    return tuple(r for r in rungs if r != "in_app") if app_from_link else rungs


RUNG_OF: Mapping[str, str] = MappingProxyType(
    {
        Channel.IN_APP: "in_app",
        Channel.LIVE_CHAT: "in_app",  # a chat is the app's or website's own first line
        Channel.EMAIL: "email_or_ticket",
        Channel.TICKET: "email_or_ticket",
        Channel.SOCIAL: "social",
        Channel.COMMUNITY: "community",
        Channel.COMPLAINT: "complaint",
        Channel.POLICE: "police",
        Channel.CONSUMER: "consumer",
    }
)

STATUSES = ("not_contacted", "waiting", "follow_up_due", "replied", "escalate")

# Dates outside this range are typing mistakes; they would also overflow the arithmetic.
_FIRST_YEAR, _LAST_YEAR = 1970, 9000


def next_rung(rung: str | None, ladder: tuple[str, ...] = LADDER) -> str | None:
    """The rung after ``rung`` on ``ladder``; its first rung for ``None``. A rung the
    ladder leaves out (a community post about a self-custody wallet) is followed by
    the ladder's next rung above it on :data:`LADDER`."""
    if rung is None:
        return ladder[0]
    if rung in ladder:
        index = ladder.index(rung) + 1
        return ladder[index] if index < len(ladder) else None
    position = LADDER.index(rung)
    return next((r for r in ladder if LADDER.index(r) > position), None)


def _plausible(moment: datetime) -> datetime:
    moment = require_aware(moment)
    if not _FIRST_YEAR <= moment.year <= _LAST_YEAR:
        raise InputError(msg(text.BAD_DATE, date=moment.date().isoformat()))
    return moment


@dataclass(frozen=True)
class ContactAttempt:
    """One message the user sent, and the reply if one came. Times are kept in UTC.

    ``official`` says whether the channel was an official one from the
    support directory; anything else never counts toward escalation.
    """

    channel: str
    at: datetime
    ticket: str | None = None
    reply_at: datetime | None = None
    reply_summary: str | None = None
    official: bool = True

    def __post_init__(self) -> None:
        try:
            channel = Channel(self.channel)
        except ValueError:
            raise InputError(msg(text.BAD_CHANNEL)) from None
        object.__setattr__(self, "channel", channel)
        object.__setattr__(self, "at", _plausible(self.at))
        if self.reply_at is not None:
            object.__setattr__(self, "reply_at", _plausible(self.reply_at))

    @property
    def rung(self) -> str:
        return RUNG_OF[self.channel]


@dataclass(frozen=True)
class Advice:
    """What to do now. ``due_at`` is when the contact in ``based_on`` is (or was) overdue.

    ``current_rung`` is where the user stands (the rung of the latest
    official contact); ``next_rung`` is where to go if that rung does not
    help (``None`` at the top). ``steps`` say how to do what ``message``
    asks; ``warnings`` flag contacts that do not count.
    """

    status: str
    due_at: datetime | None
    current_rung: str | None
    next_rung: str | None
    message: Msg
    steps: tuple[Msg, ...] = ()
    warnings: tuple[Msg, ...] = ()
    based_on: ContactAttempt | None = None
    follow_ups: int = 0


def advise(
    attempts: Sequence[ContactAttempt],
    now: datetime,
    tz: tzinfo,
    wallet_custodial: bool,
    *,
    name: str | None = None,
    app_from_link: bool = False,
) -> Advice:
    """The advice for these contacts at ``now`` (aware), with deadlines read in ``tz``.

    ``name`` is the wallet or exchange as the user knows it ("TokenPocket");
    without it the messages say "their support team". ``app_from_link``: the
    app was installed from a link or its source is unknown (see :func:`ladder_for`).
    """
    ladder = ladder_for(wallet_custodial, app_from_link)
    ensure_aware(now)  # compared only, never converted: any aware ``now`` works
    happened = [a for a in attempts if a.at <= now]
    warnings = _warnings(happened, now, tz)
    official = sorted((a for a in happened if a.official), key=lambda a: a.at)
    if not official:
        return Advice(
            status="not_contacted",
            due_at=None,
            current_rung=None,
            next_rung=ladder[0],
            message=msg(text.NOT_CONTACTED_FAKE_APP if app_from_link else text.NOT_CONTACTED),
            steps=_rung_steps(ladder[0], wallet_custodial, app_from_link),
            warnings=warnings,
        )
    latest = official[-1]
    rung = latest.rung
    after = next_rung(rung, ladder)
    party = _party(rung, name)
    replied = _reply_since(official, latest, now)
    if replied is not None:
        if after is None:
            message = msg(text.REPLIED_LAST, party=party)
        else:
            message = msg(text.REPLIED, party=party, next=Msg(text.RUNG_ACTIONS[after]))
        advice = Advice(
            status="replied",
            due_at=None,
            current_rung=rung,
            next_rung=after,
            message=message,
            steps=(*_msgs(text.REPLIED_STEPS), *_next_step(after)),
            warnings=warnings,
            based_on=replied,
        )
        return _with_police_truth(advice, after, wallet_custodial)

    replies = [a.reply_at for a in official if a.reply_at is not None and a.reply_at <= now]
    last_reply = max(replies, default=None)
    run = _run(official, rung, last_reply)
    follow_ups = len(run) - 1
    due = due_after(latest.at, REPLY_TIME[latest.channel], tz)
    since = local_time(run[0].at, tz)
    mentioned: str | None = rung
    if now < due:
        status, steps = "waiting", _msgs(text.WAITING_STEPS)
        if follow_ups == 0:
            message = msg(text.WAITING_FIRST, party=party, due=local_time(due, tz))
        elif after is None:
            message = msg(text.WAITING_LAST, party=party, due=local_time(due, tz))
        else:
            mentioned = after
            message = msg(
                text.WAITING_AFTER_FOLLOW_UP,
                party=party,
                due=local_time(due, tz),
                next=Msg(text.RUNG_ACTIONS[after]),
            )
    elif follow_ups == 0 or after is None:
        status, steps = "follow_up_due", _msgs(text.FOLLOW_UP_STEPS)
        template = text.FOLLOW_UP_DUE if follow_ups == 0 else text.FOLLOW_UP_LAST
        message = msg(template, party=party, since=since)
    else:
        status, steps = "escalate", _rung_steps(after, wallet_custodial, app_from_link)
        mentioned = after
        message = msg(text.ESCALATE, party=party, since=since, next=Msg(text.RUNG_ACTIONS[after]))
    advice = Advice(
        status=status,
        due_at=due,
        current_rung=rung,
        next_rung=after,
        message=message,
        steps=steps,
        warnings=warnings,
        based_on=latest,
        follow_ups=follow_ups,
    )
    return _with_police_truth(advice, mentioned, wallet_custodial)


def _replied_by(attempt: ContactAttempt, now: datetime) -> bool:
    return attempt.reply_at is not None and attempt.reply_at <= now


def _reply_since(
    official: Sequence[ContactAttempt], latest: ContactAttempt, now: datetime
) -> ContactAttempt | None:
    """The attempt whose reply came after the user's latest contact (the latest such reply).

    The latest contact's own reply counts even if it is dated before the
    contact (a typing slip): support cannot answer a message not yet sent,
    but the user clearly has an answer.
    """
    answered = [
        (a.reply_at, a.at, index, a)
        for index, a in enumerate(official)
        if a.reply_at is not None and a.reply_at <= now and (a is latest or a.reply_at >= latest.at)
    ]
    return max(answered)[-1] if answered else None


def _run(
    official: Sequence[ContactAttempt], rung: str, last_reply: datetime | None
) -> list[ContactAttempt]:
    """The latest contacts on ``rung`` in a row since the last reply: first + follow-ups."""
    run: list[ContactAttempt] = []
    for attempt in reversed(official):
        if attempt.rung != rung or (last_reply is not None and attempt.at <= last_reply):
            break
        run.append(attempt)
    run.reverse()
    return run or [official[-1]]


def _party(rung: str, name: str | None) -> Msg | str:
    if rung in text.RUNG_PARTIES:
        return Msg(text.RUNG_PARTIES[rung])
    return name if name else Msg(text.SUPPORT_PARTY)


def _msgs(texts: Sequence[str]) -> tuple[Msg, ...]:
    return tuple(Msg(t) for t in texts)


def _next_step(rung: str | None) -> tuple[Msg, ...]:
    return () if rung is None else (Msg(text.RUNG_ACTIONS[rung]),)


def _rung_steps(rung: str, custodial: bool, app_from_link: bool = False) -> tuple[Msg, ...]:
    steps = _msgs(text.RUNG_STEPS[rung])
    if rung in ("in_app", "email_or_ticket"):
        extra = text.CUSTODIAL_STEP if custodial else text.SELF_CUSTODY_STEP
        steps = (*steps[:-1], Msg(extra), steps[-1])
    if rung == "police" and not custodial:
        steps = (*steps, Msg(text.SELF_CUSTODY_POLICE_STEP))
    if app_from_link and rung == ladder_for(custodial, app_from_link)[0]:
        steps = (Msg(text.REINSTALL_FIRST), *steps)
    return steps


def _with_police_truth(advice: Advice, mentioned: str | None, custodial: bool) -> Advice:
    """Self-custody and the police rung: say plainly what a report can and cannot do."""
    if custodial or "police" not in (mentioned, advice.current_rung):
        return advice
    note = msg(text.WITH_NOTE, advice=advice.message, note=Msg(text.POLICE_TRUTH))
    return replace(advice, message=note)


def _warnings(happened: Sequence[ContactAttempt], now: datetime, tz: tzinfo) -> tuple[Msg, ...]:
    unofficial = [a for a in happened if not a.official]
    warnings = [
        msg(
            text.UNOFFICIAL,
            channel=Msg(text.CHANNEL_LABELS[a.channel]),
            when=local_time(a.at, tz),
        )
        for a in sorted(unofficial, key=lambda a: a.at)
    ]
    if any(_replied_by(a, now) for a in unofficial):
        warnings.append(msg(text.UNOFFICIAL_REPLY))
    return tuple(warnings)


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class EscalationState:
    """A case's contacts with one wallet, plus the clock that says what "now" is.

    Immutable: :meth:`log` and :meth:`record_reply` return a new state.
    The real clock is only the default; tests pass a fake one.
    """

    tz: tzinfo
    wallet_custodial: bool
    name: str | None = None
    attempts: tuple[ContactAttempt, ...] = ()
    app_from_link: bool = False
    clock: Callable[[], datetime] = field(default=_utc_now, compare=False)

    def log(
        self,
        channel: str,
        *,
        official: bool = True,
        ticket: str | None = None,
        at: datetime | None = None,
    ) -> EscalationState:
        """Add a contact made on ``channel`` (now, unless ``at`` is given)."""
        attempt = ContactAttempt(
            channel=channel,
            at=self.clock() if at is None else at,
            ticket=ticket,
            official=official,
        )
        return replace(self, attempts=(*self.attempts, attempt))

    def record_reply(
        self, index: int = -1, *, summary: str | None = None, at: datetime | None = None
    ) -> EscalationState:
        """Mark contact ``index`` (default: the latest) as answered (now, unless ``at``)."""
        attempts = list(self.attempts)
        when = self.clock() if at is None else at
        attempts[index] = replace(attempts[index], reply_at=when, reply_summary=summary)
        return replace(self, attempts=tuple(attempts))

    def advice(self) -> Advice:
        return advise(
            self.attempts,
            self.clock(),
            self.tz,
            self.wallet_custodial,
            name=self.name,
            app_from_link=self.app_from_link,
        )
