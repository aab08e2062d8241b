"""A theft case: everything the user records in the hour after a theft.

Times are stored in UTC (ISO 8601) and shown in local time. Every free
text passes the secret guard before it is kept: a seed phrase or private
key in a note is refused with a clear explanation. A case is a plain
value with ``to_payload``/``from_payload``; :mod:`checks.storage.store` seals it.

A closed case is read-only: every change refuses it with a clear message,
and :meth:`Case.reopened` is the one change it accepts. Which lockdown steps
apply and which are done is :mod:`checks.panic.flow`'s business.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Concatenate, ParamSpec

from checks.chains import CHAINS, validate_address, validate_tx_hash
from checks.i18n import N_, InputError, msg
from checks.panic.escalation import LADDER, RUNG_OF, Channel

STATUSES = ("open", "waiting", "escalated", "closed")
OUTCOMES = ("recovered", "partly_recovered", "not_recovered", "false_alarm", "other")
WHAT_HAPPENED = (
    "funds_moved",  # funds moved without me
    "typed_seed",  # I typed my seed phrase somewhere
    "signed",  # I signed or approved something on a website
    "installed_app",  # I installed an app from a link
    "exchange_taken",  # my exchange account was taken
    "phone_stopped",  # my phone number stopped working
    "remote_control",  # someone controlled my device or saw my screen
    "address_changed",  # an address changed after I pasted it (clipboard hijacker)
    "wrong_address",  # I sent to an address copied from my history (address poisoning)
    "cant_transfer",  # I can't send from my wallet (TRON permissions changed)
    "fake_police",  # "police" or officials contacted me about a "safe account"
    "dont_know",
)
FUNDS_LEFT = ("yes", "no", "dont_know")
MAX_TEXT = 5_000
# Rungs beyond the wallet's own support: a contact there means the case is escalated.
BEYOND_SUPPORT = ("complaint", "police", "consumer")
CLOCK_SLACK = timedelta(minutes=5)  # a clock a little ahead is not "the future"
# Nothing in a crypto theft happened before Bitcoin's first block (3 January 2009).
EARLIEST = datetime(2009, 1, 3, tzinfo=timezone.utc)
TOO_EARLY = N_(
    "This date is before 2009, when the first cryptocurrency began. Please check the year."
)
IN_THE_FUTURE = N_("This time is in the future. Please check the date.")


def plausible_time(moment: datetime, now: datetime | None = None) -> datetime:
    """``moment`` in UTC if it can be when something in a theft happened: not before
    2009, not later than ``now`` (give or take :data:`CLOCK_SLACK`). A year typed
    as 7536 or 2062 is refused with a clear message, never printed in a report."""
    at = _utc(moment)
    if at < EARLIEST:
        raise InputError(msg(TOO_EARLY))
    if now is not None and at > _utc(now) + CLOCK_SLACK:
        raise InputError(msg(IN_THE_FUTURE))
    return at
P = ParamSpec("P")
CLOSED = N_("This case is closed. Reopen it to change it.")


def _edit(change: Callable[Concatenate[Case, P], Case]) -> Callable[Concatenate[Case, P], Case]:
    """Mark a method that changes the case: refused while the case is closed."""

    def checked(case: Case, /, *args: P.args, **kwargs: P.kwargs) -> Case:
        if case.is_closed:
            raise InputError(msg(CLOSED))
        return change(case, *args, **kwargs)

    functools.update_wrapper(checked, change)
    checked.edits_case = True  # type: ignore[attr-defined]
    return checked


# The loss's value in the user's currency at the time (police ask for 涉案金额).
LOSS_AMOUNT = re.compile(r"\d{1,3}(,\d{3})+(\.\d{1,2})?|\d{1,15}(\.\d{1,2})?")
LOSS_CURRENCIES = ("CNY", "HKD", "MOP", "TWD", "SGD", "MYR", "AUD", "CAD", "USD", "GBP", "EUR")


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise InputError(msg(N_("A time needs a time zone.")))
    return moment.astimezone(timezone.utc)


def _text(value: str, limit: int = MAX_TEXT) -> str:
    value = value.strip()
    if len(value) > limit:
        raise InputError(msg(N_("Please keep this under {limit} characters."), limit=limit))
    # checks.secrets on first use: `--panic` and the checkup paint without it
    from checks.secrets import guard_free_text

    guard_free_text(value)
    return value


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    text: str


@dataclass(frozen=True)
class Transaction:
    chain: str
    tx_hash: str
    from_address: str = ""
    to_address: str = ""
    asset: str = ""
    amount: str = ""
    at: datetime | None = None


# Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069): "invoice\u202egnp.exe"
# would show as "invoiceexe.png".
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
MAX_NAME = 200


def clean_file_name(name: str) -> str:
    """An evidence file's name as it is shown and printed: no direction
    overrides, control characters as spaces, at most 200 characters, and a seed
    phrase or key other than a 64-hex value taken out. A name is a name: a
    screenshot named after its TxID keeps its name and never stops a report."""
    name = name[: MAX_NAME * 2].translate(_BIDI_CONTROLS)
    name = "".join(" " if unicodedata.category(c) == "Cc" else c for c in name)[:MAX_NAME]
    if len(name) < 12:  # too short to hold any secret we look for
        return name
    from checks.secrets import find_secrets  # its word lists load only for a long name

    for match in reversed(find_secrets(name)):
        if match.kind != "private_key":  # 64 hex digits: a TxID as often as not
            name = name[: match.start] + "[removed]" + name[match.end :]
    return name


@dataclass(frozen=True)
class EvidenceFile:
    stored_name: str  # inside the case's evidence folder (encrypted)
    original_name: str  # cleaned (clean_file_name), also when an older case is read
    size: int
    sha256: str
    added_at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "original_name", clean_file_name(str(self.original_name)))


@dataclass(frozen=True)
class Contact:
    channel: str  # an escalation channel id ("ticket", "email", "social" …)
    at: datetime
    wallet: str | None = None
    official: bool = True
    address: str = ""  # the URL, email or handle used
    ticket: str = ""
    reply_at: datetime | None = None
    reply_summary: str = ""


@dataclass(frozen=True)
class Case:
    id: str
    opened_at: datetime
    title: str = ""
    wallets: tuple[str, ...] = ()
    chains: tuple[str, ...] = ()
    what_happened: tuple[str, ...] = ()
    funds_left: str = ""
    steps_done: tuple[tuple[str, datetime], ...] = ()
    # Steps the user unticked although the case satisfies them (checks.panic.flow).
    steps_unticked: tuple[str, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    transactions: tuple[Transaction, ...] = ()
    evidence: tuple[EvidenceFile, ...] = ()
    contacts: tuple[Contact, ...] = ()
    status: str = "open"
    outcome: str = ""
    notes: str = field(default="")
    loss_amount: str = ""  # "35,000" — what the stolen assets were worth at the time
    loss_currency: str = ""  # "CNY": the user's own currency (LOSS_CURRENCIES)

    # -- changes (each returns a new Case; a closed case refuses them) ------

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"

    @_edit
    def with_triage(
        self,
        what_happened: tuple[str, ...] | None = None,
        funds_left: str | None = None,
        wallets: tuple[str, ...] | None = None,
    ) -> Case:
        changes: dict[str, Any] = {}
        if what_happened is not None:
            if not set(what_happened) <= set(WHAT_HAPPENED):
                raise InputError(msg(N_("That is not one of the answers to this question.")))
            changes["what_happened"] = tuple(w for w in WHAT_HAPPENED if w in what_happened)
        if funds_left is not None:
            if funds_left not in FUNDS_LEFT:
                raise InputError(msg(N_("That is not one of the answers to this question.")))
            changes["funds_left"] = funds_left
        if wallets is not None:
            changes["wallets"] = tuple(dict.fromkeys(w.strip().lower() for w in wallets if w))
        return replace(self, **changes)

    @_edit
    def renamed(self, title: str) -> Case:
        return replace(self, title=_text(title, 200))

    @_edit
    def step_done(self, step_id: str, at: datetime, done: bool = True) -> Case:
        """Tick a step at ``at`` (or take the tick away)."""
        kept = tuple((sid, when) for sid, when in self.steps_done if sid != step_id)
        unticked = tuple(sid for sid in self.steps_unticked if sid != step_id)
        ticks = (*kept, (step_id, _utc(at))) if done else kept
        return replace(self, steps_done=ticks, steps_unticked=unticked)

    @_edit
    def step_unticked(self, step_id: str) -> Case:
        """Remember that the user unticked a step the case's contents would tick."""
        kept = tuple((sid, when) for sid, when in self.steps_done if sid != step_id)
        unticked = tuple(dict.fromkeys((*self.steps_unticked, step_id)))
        return replace(self, steps_done=kept, steps_unticked=unticked)

    def done_at(self, step_id: str) -> datetime | None:
        return next((when for sid, when in self.steps_done if sid == step_id), None)

    @_edit
    def add_timeline(self, at: datetime, text: str, now: datetime | None = None) -> Case:
        if not text.strip():
            raise InputError(msg(N_("Please write what happened.")))
        entry = TimelineEntry(plausible_time(at, now), _text(text))
        entries = sorted((*self.timeline, entry), key=lambda e: e.at)
        return replace(self, timeline=tuple(entries))

    @_edit
    def add_transaction(self, transaction: Transaction, now: datetime | None = None) -> Case:
        """Check the hash and addresses for their network (the secret guard included),
        and its time (:func:`plausible_time`) when it has one."""
        transaction = _checked_transaction(transaction)
        if transaction.at is not None:
            transaction = replace(transaction, at=plausible_time(transaction.at, now))
        if any(t.tx_hash == transaction.tx_hash for t in self.transactions):
            raise InputError(msg(N_("This transaction is already in the case.")))
        chains = tuple(dict.fromkeys((*self.chains, transaction.chain)))
        return replace(self, transactions=(*self.transactions, transaction), chains=chains)

    @_edit
    def remove_transaction(self, tx_hash: str) -> Case:
        return replace(
            self, transactions=tuple(t for t in self.transactions if t.tx_hash != tx_hash)
        )

    @_edit
    def remove_timeline(self, index: int) -> Case:
        if not 0 <= index < len(self.timeline):
            raise InputError(msg(N_("That entry is no longer in the timeline.")))
        return replace(self, timeline=self.timeline[:index] + self.timeline[index + 1 :])

    @_edit
    def with_chains(self, chains: tuple[str, ...]) -> Case:
        """The networks affected (ids of :data:`checks.chains.CHAINS`)."""
        if not set(chains) <= set(CHAINS):
            raise InputError(msg(N_("That is not one of the networks we know.")))
        return replace(self, chains=tuple(dict.fromkeys(chains)))

    @_edit
    def add_evidence(self, item: EvidenceFile) -> Case:
        if any(known.sha256 == item.sha256 for known in self.evidence):
            raise InputError(msg(N_("This file is already attached to the case.")))
        return replace(self, evidence=(*self.evidence, item))

    @_edit
    def add_contact(self, contact: Contact, now: datetime | None = None) -> Case:
        """Log a contact (at a past time if given); the status follows the contacts."""
        try:
            Channel(contact.channel)
        except ValueError:
            raise InputError(msg(N_("That is not a contact channel we know."))) from None
        at = plausible_time(contact.at, now)
        contact = replace(
            contact,
            at=at,
            ticket=_text(contact.ticket, 200),
            address=_text(contact.address, 500),
        )
        contacts = (*self.contacts, contact)
        return replace(self, contacts=contacts, status=contact_status(contacts))

    @_edit
    def record_reply(
        self, index: int, at: datetime, summary: str, now: datetime | None = None
    ) -> Case:
        if not 0 <= index < len(self.contacts):
            raise InputError(msg(N_("That contact is no longer in the case.")))
        contacts = list(self.contacts)
        reply_at = plausible_time(at, now)
        contacts[index] = replace(contacts[index], reply_at=reply_at, reply_summary=_text(summary))
        return replace(self, contacts=tuple(contacts), status=contact_status(tuple(contacts)))

    @_edit
    def with_status(self, status: str, outcome: str = "") -> Case:
        if status not in STATUSES or (status == "closed" and outcome not in OUTCOMES):
            raise InputError(msg(N_("That is not one of the answers to this question.")))
        return replace(self, status=status, outcome=outcome if status == "closed" else "")

    @_edit
    def closed(self, outcome: str) -> Case:
        return self.with_status("closed", outcome)

    def reopened(self) -> Case:
        """Open again (the one change a closed case accepts); the status follows
        the contacts, the outcome is cleared."""
        return replace(self, status=contact_status(self.contacts), outcome="")

    @_edit
    def with_notes(self, notes: str) -> Case:
        return replace(self, notes=_text(notes))

    @_edit
    def with_loss(self, amount: str, currency: str) -> Case:
        """The loss's value in the user's currency at the time; an empty amount clears it."""
        amount = amount.strip().replace("，", ",").replace("。", ".")
        if not amount:
            return replace(self, loss_amount="", loss_currency="")
        if not LOSS_AMOUNT.fullmatch(amount):
            raise InputError(msg(N_("Please write the amount in digits, e.g. 35000 or 35,000.50.")))
        if currency not in LOSS_CURRENCIES:
            raise InputError(msg(N_("That is not one of the answers to this question.")))
        return replace(self, loss_amount=amount, loss_currency=currency)

    # -- storage -------------------------------------------------------------

    def to_payload(self) -> dict[str, Any]:
        def when(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "version": 1,
            "id": self.id,
            "opened_at": when(self.opened_at),
            "title": self.title,
            "wallets": list(self.wallets),
            "chains": list(self.chains),
            "what_happened": list(self.what_happened),
            "funds_left": self.funds_left,
            "steps_done": [[sid, when(at)] for sid, at in self.steps_done],
            "steps_unticked": list(self.steps_unticked),
            "timeline": [{"at": when(e.at), "text": e.text} for e in self.timeline],
            "transactions": [{**t.__dict__, "at": when(t.at)} for t in self.transactions],
            "evidence": [{**e.__dict__, "added_at": when(e.added_at)} for e in self.evidence],
            "contacts": [
                {**c.__dict__, "at": when(c.at), "reply_at": when(c.reply_at)}
                for c in self.contacts
            ],
            "status": self.status,
            "outcome": self.outcome,
            "notes": self.notes,
            "loss_amount": self.loss_amount,
            "loss_currency": self.loss_currency,
        }

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Case:
        def when(value: Any) -> datetime | None:
            return datetime.fromisoformat(value) if value else None

        def need(value: Any) -> datetime:
            moment = when(value)
            if moment is None:
                raise ValueError("missing time")
            return moment

        return cls(
            id=str(data["id"]),
            opened_at=need(data["opened_at"]),
            title=str(data.get("title", "")),
            wallets=tuple(data.get("wallets", ())),
            chains=tuple(data.get("chains", ())),
            what_happened=tuple(data.get("what_happened", ())),
            funds_left=str(data.get("funds_left", "")),
            steps_done=tuple((str(s), need(at)) for s, at in data.get("steps_done", ())),
            steps_unticked=tuple(str(s) for s in data.get("steps_unticked", ())),
            timeline=tuple(
                TimelineEntry(need(e["at"]), e["text"]) for e in data.get("timeline", ())
            ),
            transactions=tuple(
                Transaction(**{**t, "at": when(t.get("at"))}) for t in data.get("transactions", ())
            ),
            evidence=tuple(
                EvidenceFile(**{**e, "added_at": need(e["added_at"])})
                for e in data.get("evidence", ())
            ),
            contacts=tuple(
                Contact(**{**c, "at": need(c["at"]), "reply_at": when(c.get("reply_at"))})
                for c in data.get("contacts", ())
            ),
            status=str(data.get("status", "open")),
            outcome=str(data.get("outcome", "")),
            notes=str(data.get("notes", "")),
            loss_amount=str(data.get("loss_amount", "")),
            loss_currency=str(data.get("loss_currency", "")),
        )


def new_case(now: datetime, wallets: tuple[str, ...] = ()) -> Case:
    return Case(id=uuid.uuid4().hex[:12], opened_at=_utc(now), wallets=wallets)


def contact_status(contacts: tuple[Contact, ...]) -> str:
    """The status an open case has, given its contacts.

    * no official contact yet → ``open`` (the user has something to do);
    * the latest official contact got a reply → ``open`` (read it, decide);
    * the user went beyond the first rung they used, or to a complaint,
      the police or a consumer body → ``escalated``;
    * otherwise → ``waiting`` (for a reply).
    """
    official = sorted((c for c in contacts if c.official), key=lambda c: c.at)
    if not official:
        return "open"
    latest = official[-1]
    if latest.reply_at is not None:
        return "open"
    rungs = [LADDER.index(RUNG_OF.get(c.channel, LADDER[0])) for c in official]
    beyond = any(RUNG_OF.get(c.channel) in BEYOND_SUPPORT for c in official)
    return "escalated" if beyond or max(rungs) > rungs[0] else "waiting"


def _checked_transaction(tx: Transaction) -> Transaction:
    """Each value checked the way its network defines it; anything else is refused.

    The checks include the secret guard: a seed phrase or key typed into the
    hash or address field is refused there, whatever the network.
    """
    if tx.chain not in CHAINS:
        raise InputError(msg(N_("That is not one of the networks we know.")))
    checked = validate_tx_hash(tx.chain, tx.tx_hash)
    if not checked.ok:
        raise InputError(checked.problem or msg(N_("Please check the transaction hash.")))
    addresses = []
    for value in (tx.from_address, tx.to_address):
        if not value.strip():
            addresses.append("")
            continue
        result = validate_address(tx.chain, value)
        if not result.ok:
            raise InputError(result.problem or msg(N_("Please check the address.")))
        addresses.append(result.value)
    for value in (tx.asset, tx.amount):
        _text(value, 100)
    return replace(
        tx,
        tx_hash=checked.value,
        from_address=addresses[0],
        to_address=addresses[1],
        asset=tx.asset.strip(),
        amount=tx.amount.strip(),
        at=None if tx.at is None else _utc(tx.at),
    )
