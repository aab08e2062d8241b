"""The incident report: everything in a theft case, for support, an exchange or the police.

It states the facts a reader needs and nothing secret: the case summary,
the triage answers, the timeline in UTC *and* the reporter's local time
(investigators in another country read UTC), every transaction with its
full hash and addresses (monospace, wrapped inside the cell, never cut),
the lockdown steps and when each was done, the evidence manifest with each
file's SHA-256, every contact attempt and reply, and where the escalation
stands (:func:`checks.panic.followup.advice_for`).

For cross-border cases the report can be bilingual: every heading and
sentence in the chosen language followed by the other one, in one document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, tzinfo

from checks import __version__
from checks.chains import CHAINS
from checks.directory import load_directory
from checks.i18n import N_, Msg, msg
from checks.panic.case import Case, Contact, Transaction
from checks.panic.cases import OUTCOME_WORDS
from checks.panic.escalation_text import CHANNEL_LABELS, RUNG_LABELS
from checks.panic.flow import checklist, triage_answers
from checks.panic.followup import advice_for
from checks.panic.messages import HAPPENED_WORDS, loss_value
from checks.panic.triage import OTHER_WALLET, OTHER_WALLET_NAME
from checks.reports.html import (
    NONE_YET,
    Report,
    Text,
    Translate,
    Words,
    esc,
    facts,
    finish,
    heading,
    is_utc_here,
    lines,
    mono,
    paper_size,
    sentence,
    table,
    warning_box,
    when_local,
    when_local_beside_utc,
    when_utc,
)

TITLE = N_("Incident report: stolen crypto-assets")
NO_SECRETS = N_(
    "This report holds no seed phrase, private key or password. Transaction hashes and"
    " addresses are public blockchain data that anyone can look up in a block explorer."
)
SUMMARY = N_("Summary")
CASE_REFERENCE = N_("Case reference")
CASE_NAME = N_("Case name")
OPENED = N_("Opened")
WALLETS = N_("Wallets")
NETWORKS = N_("Networks")
STATUS = N_("Status")
LOSS = N_("Value of the loss at the time")
OUTCOME = N_("Outcome")
MADE = N_("This report was made")
STATUS_WORDS = {
    "open": N_("Open — in progress"),
    "waiting": N_("Waiting for a reply"),
    "escalated": N_("Escalated"),
    "closed": N_("Closed"),
}
WHAT_HAPPENED = N_("What happened")
FUNDS_LEFT = N_("Funds still in the wallet")
FUNDS_WORDS = {
    "yes": N_("Yes, some is left"),
    "no": N_("No, it's all gone"),
    "dont_know": N_("I don't know"),
}
TIMELINE = N_("Timeline (UTC and local time)")
TIME_UTC = N_("Time (UTC)")
TIME_LOCAL = N_("Local time")
ENTRY = N_("What happened")
TRANSACTIONS = N_("Transactions")
TX_FACTS = N_("Network, amount, time")
TX_IDS = N_("Transaction hash and addresses")
HASH = N_("Hash")
FROM = N_("From")
TO = N_("To")
ADDRESSES = N_("Addresses")
RECEIVED = N_("Addresses that received the funds")
SENT_FROM = N_("Addresses the funds were sent from (the victim's)")
LOCKDOWN = N_("Lockdown steps")
STEP = N_("Step")
DONE_AT = N_("Done at")
NOT_DONE = N_("Not done yet")
EVIDENCE = N_("Evidence files (SHA-256)")
EVIDENCE_NOTE = N_(
    "Each file's SHA-256 fingerprint was recorded when it was added to the case. If a file is"
    " changed in any way, its fingerprint no longer matches."
)
FILE = N_("File")
SIZE = N_("Size")
ADDED = N_("Added (UTC)")
BYTES = N_("{count} bytes")
CONTACTS = N_("Contacts with support and others")
WHEN = N_("When")
CHANNEL = N_("Channel")
USED = N_("Address or account used")
TICKET = N_("Ticket")
REPLY = N_("Reply")
NO_REPLY = N_("No reply yet")
UNOFFICIAL = N_("Not an official channel")
ESCALATION = N_("Escalation status")
CURRENT_RUNG = N_("Where the case stands: {rung}")
NEXT_RUNG = N_("Next if this does not help: {rung}")
NOTES = N_("Notes")


def incident_report(
    case: Case,
    translate: Translate,
    *,
    language: str,
    now: datetime,
    tz: tzinfo,
    locale_name: str,
    second: Translate | None = None,
) -> Report:
    """The report for ``case`` as of ``now``; local times in ``tz``.

    ``second`` adds a second language after each text (a bilingual report).
    """
    words = Words(translate, second)
    body = [
        heading(1, words(TITLE)),
        warning_box(words.each(NO_SECRETS)),
        _summary(words, case, now, tz, language),
        _triage(words, case),
        _timeline(words, case, tz),
        _transactions(words, case, tz),
        _addresses(words, case),
        _lockdown(words, case, tz),
        _evidence(words, case),
        _contacts(words, case, tz),
        _escalation(words, case, now, tz),
    ]
    if case.notes:
        body.append(heading(2, words(NOTES)) + _text_block(case.notes))
    allowed = [
        *(v for tx in case.transactions for v in (tx.tx_hash, tx.from_address, tx.to_address)),
        *(item.sha256 for item in case.evidence),
        # A name is a name: a screenshot named after its TxID is printed (the
        # hex in names only; every other secret was taken out of them).
        *(hex for item in case.evidence for hex in _HEX64.findall(item.original_name)),
    ]
    return finish(
        "incident-report",
        words,
        TITLE,
        "".join(body),
        language=language,
        paper=paper_size(locale_name),
        now=now,
        tz=tz,
        app_version=__version__,
        allowed=allowed,
    )


_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def _both(words: Words, text: Text) -> str:
    """A sentence in each language of the document, one per line."""
    return "<br/>".join(esc(part) for part in words.each(text))


def _both_sentences(words: Words, text: Text) -> str:
    """Like :func:`_both`, each part made a sentence ("Write to …." / "…发消息。")."""
    return "<br/>".join(esc(sentence(part)) for part in words.each(text))


def _text_block(text: str) -> str:
    """The user's own text, line breaks kept."""
    return "<p>" + "<br/>".join(esc(line) for line in text.splitlines()) + "</p>\n"


def _translators(words: Words) -> list[Callable[[str], str]]:
    return [words.translate] if words.second is None else [words.translate, words.second]


def _when(moment: datetime, tz: tzinfo) -> str:
    if is_utc_here(moment, tz):  # the same time twice says nothing more
        return esc(when_utc(moment))
    return lines(esc(when_utc(moment)), f'<span class="muted">{esc(when_local(moment, tz))}</span>')


def _wallet_names(words: Words, case: Case, language: str) -> str:
    """比特派 in Chinese, Bitpie in English; both in a bilingual report."""
    directory = load_directory()
    languages = [language] if not words.bilingual else [language, "en", "zh_CN"]
    names = []
    for wallet_id in case.wallets:
        entry = directory.get(wallet_id)
        if entry is not None:
            names.append(" / ".join(dict.fromkeys(entry.display_name(lang) for lang in languages)))
        else:  # "other" (triage's last choice) or an id the directory no longer has
            names.append(words(OTHER_WALLET_NAME) if wallet_id == OTHER_WALLET else wallet_id)
    return ", ".join(names)


def _chain(words: Words, chain_id: str) -> str:
    chain = CHAINS.get(chain_id)
    return words(chain.name) if chain else chain_id


def _summary(words: Words, case: Case, now: datetime, tz: tzinfo, language: str) -> str:
    pairs = [(words(CASE_REFERENCE), mono(case.id))]
    if case.title:
        pairs.append((words(CASE_NAME), esc(case.title)))
    pairs.append((words(OPENED), _when(case.opened_at, tz)))
    if case.wallets:
        pairs.append((words(WALLETS), esc(_wallet_names(words, case, language))))
    chains = list(dict.fromkeys([*case.chains, *(tx.chain for tx in case.transactions)]))
    if chains:
        pairs.append((words(NETWORKS), esc(", ".join(_chain(words, c) for c in chains))))
    if case.loss_amount:  # police ask for it (涉案金额)
        value = " / ".join(dict.fromkeys(loss_value(case, t) for t in _translators(words)))
        pairs.append((words(LOSS), esc(value)))
    status = STATUS_WORDS.get(case.status, STATUS_WORDS["open"])
    pairs.append((words(STATUS), esc(words(status))))
    if case.status == "closed" and case.outcome in OUTCOME_WORDS:
        pairs.append((words(OUTCOME), esc(words(OUTCOME_WORDS[case.outcome]))))
    pairs.append((words(MADE), _when(now, tz)))
    return heading(2, words(SUMMARY)) + facts(pairs)


def _triage(words: Words, case: Case) -> str:
    happened, funds_left = triage_answers(case)
    items = "".join(f"<li>{_both(words, HAPPENED_WORDS[code])}</li>" for code in happened)
    funds = FUNDS_WORDS.get(funds_left, FUNDS_WORDS["dont_know"])
    return (
        heading(2, words(WHAT_HAPPENED))
        + f"<ul>{items}</ul>\n"
        + facts([(words(FUNDS_LEFT), esc(words(funds)))])
    )


def _none(words: Words) -> str:
    return f'<p class="muted">{_both(words, NONE_YET)}</p>\n'


def _timeline(words: Words, case: Case, tz: tzinfo) -> str:
    out = heading(2, words(TIMELINE))
    if not case.timeline:
        return out + _none(words)
    rows = [
        [esc(when_utc(entry.at)), esc(when_local_beside_utc(entry.at, tz)), _text_block(entry.text)]
        for entry in case.timeline
    ]
    headers = [words(TIME_UTC), words(TIME_LOCAL), words(ENTRY)]
    if all(is_utc_here(entry.at, tz) for entry in case.timeline):  # local time is UTC
        return out + table([headers[0], headers[2]], [[r[0], r[2]] for r in rows], [24, 76])
    return out + table(headers, rows, widths=[24, 22, 54])


def _transactions(words: Words, case: Case, tz: tzinfo) -> str:
    out = heading(2, words(TRANSACTIONS))
    if not case.transactions:
        return out + _none(words)
    rows = [_tx_row(words, number, tx, tz) for number, tx in enumerate(case.transactions, 1)]
    return out + table(["#", words(TX_FACTS), words(TX_IDS)], rows, widths=[5, 30, 65])


def _tx_row(words: Words, number: int, tx: Transaction, tz: tzinfo) -> list[str]:
    amount = f"{tx.amount} {tx.asset}".strip()
    about = lines(
        f"<b>{esc(_chain(words, tx.chain))}</b>",
        esc(amount),
        _when(tx.at, tz) if tx.at else "",
    )
    ids = lines(
        f"<b>{esc(words(HASH))}:</b> {mono(tx.tx_hash)}",
        f"<b>{esc(words(FROM))}:</b> {mono(tx.from_address)}" if tx.from_address else "",
        f"<b>{esc(words(TO))}:</b> {mono(tx.to_address)}" if tx.to_address else "",
    )
    return [str(number), about, ids]


def _addresses(words: Words, case: Case) -> str:
    received = sorted({tx.to_address for tx in case.transactions if tx.to_address})
    sent = sorted({tx.from_address for tx in case.transactions if tx.from_address})
    if not received and not sent:
        return ""
    pairs = []
    if received:
        pairs.append((words(RECEIVED), lines(*(mono(a) for a in received))))
    if sent:
        pairs.append((words(SENT_FROM), lines(*(mono(a) for a in sent))))
    return heading(2, words(ADDRESSES)) + facts(pairs)


def _lockdown(words: Words, case: Case, tz: tzinfo) -> str:
    rows = []
    for state in checklist(case):
        done = state.done_at
        when = _when(done, tz) if done else f'<span class="muted">{esc(words(NOT_DONE))}</span>'
        mark = "✓" if done else "○"
        rows.append([f"{mark} {esc(words(state.step.title))}", when])
    return heading(2, words(LOCKDOWN)) + table([words(STEP), words(DONE_AT)], rows, widths=[65, 35])


def _evidence(words: Words, case: Case) -> str:
    out = heading(2, words(EVIDENCE))
    if not case.evidence:
        return out + _none(words)
    rows = [
        [
            str(number),
            lines(esc(item.original_name), mono(item.sha256)),
            esc(words(msg(BYTES, count=f"{item.size:,}"))),
            esc(when_utc(item.added_at)),
        ]
        for number, item in enumerate(case.evidence, 1)
    ]
    headers = ["#", f"{words(FILE)} / SHA-256", words(SIZE), words(ADDED)]
    return (
        out
        + f'<p class="small">{_both(words, EVIDENCE_NOTE)}</p>\n'
        + table(headers, rows, widths=[5, 58, 15, 22])
    )


def _contacts(words: Words, case: Case, tz: tzinfo) -> str:
    out = heading(2, words(CONTACTS))
    if not case.contacts:
        return out + _none(words)
    rows = [_contact_row(words, contact, tz) for contact in case.contacts]
    headers = [words(WHEN), words(CHANNEL), words(USED), words(TICKET), words(REPLY)]
    return out + table(headers, rows, widths=[17, 14, 22, 17, 30])


def _contact_row(words: Words, contact: Contact, tz: tzinfo) -> list[str]:
    channel = CHANNEL_LABELS.get(contact.channel)
    who = esc(contact.address)
    if contact.wallet:
        entry = load_directory().get(contact.wallet)
        who = lines(f"<b>{esc(entry.name if entry else contact.wallet)}</b>", who)
    if not contact.official:
        who = lines(who, f'<span class="flag">{esc(words(UNOFFICIAL))}</span>')
    if contact.reply_at is not None:
        reply = lines(_when(contact.reply_at, tz), _text_block(contact.reply_summary))
    else:
        reply = f'<span class="muted">{esc(words(NO_REPLY))}</span>'
    return [
        _when(contact.at, tz),
        esc(words(channel)) if channel else esc(contact.channel),
        who,
        f'<div style="white-space: nowrap">{esc(contact.ticket)}</div>',  # one piece
        reply,
    ]


def _escalation(words: Words, case: Case, now: datetime, tz: tzinfo) -> str:
    advice = advice_for(case, now, tz)
    parts = [f"<p><b>{_both(words, advice.message)}</b></p>\n"]
    if advice.steps:
        parts.append(
            "<ul>" + "".join(f"<li>{_both_sentences(words, s)}</li>" for s in advice.steps)
        )
        parts.append("</ul>\n")
    for warning in advice.warnings:
        parts.append(f'<p class="flag">{_both(words, warning)}</p>\n')
    standing = []
    if advice.current_rung:
        standing.append(msg(CURRENT_RUNG, rung=Msg(RUNG_LABELS[advice.current_rung])))
    if advice.next_rung:
        standing.append(msg(NEXT_RUNG, rung=Msg(RUNG_LABELS[advice.next_rung])))
    parts += [f'<p class="small">{_both(words, line)}</p>\n' for line in standing]
    return heading(2, words(ESCALATION)) + "".join(parts)
