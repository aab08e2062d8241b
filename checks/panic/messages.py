"""Ready-to-send texts filled from a case: a support request and a police
summary, in the language of the ``translate`` function given (English
source; the window passes a Chinese translator for Chinese). The final
text passes the secret guard: nothing secret can leave in a message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from urllib.parse import quote

from checks.chains import CHAINS, guess_chain, validate_address, validate_tx_hash
from checks.i18n import N_
from checks.panic.case import Case
from checks.panic.flow import done_steps, triage_answers
from checks.reports.html import utc_offset

Translate = Callable[[str], str]

HAPPENED_WORDS = {
    "funds_moved": N_("Funds were moved out without my permission."),
    "typed_seed": N_("I typed my seed phrase into a website or app, which I now think was fake."),
    "signed": N_("I signed or approved something on a website."),
    "installed_app": N_("I installed an app from a link."),
    "exchange_taken": N_("My exchange account was taken over."),
    "phone_stopped": N_("My phone number suddenly stopped working."),
    "remote_control": N_(
        "Someone controlled my device remotely or saw my screen (remote-control app or screen"
        " sharing)."
    ),
    "address_changed": N_("A wallet address changed after I pasted it."),
    "wrong_address": N_("I sent funds to a look-alike address copied from my history."),
    "cant_transfer": N_("I can no longer send from my wallet."),
    "fake_police": N_("People claiming to be police or officials contacted me about my case."),
    "dont_know": N_("I don't know yet how it happened."),
}


CURRENCY_NAMES = {
    "CNY": N_("Chinese yuan (CNY)"),
    "HKD": N_("Hong Kong dollars (HKD)"),
    "MOP": N_("Macau patacas (MOP)"),
    "TWD": N_("New Taiwan dollars (TWD)"),
    "SGD": N_("Singapore dollars (SGD)"),
    "MYR": N_("Malaysian ringgit (MYR)"),
    "AUD": N_("Australian dollars (AUD)"),
    "CAD": N_("Canadian dollars (CAD)"),
    "USD": N_("US dollars (USD)"),
    "GBP": N_("Pounds sterling (GBP)"),
    "EUR": N_("Euros (EUR)"),
}


def loss_value(case: Case, translate: Translate) -> str:
    """ "35,000 人民币（CNY）": the loss in the user's currency, or "" if not recorded."""
    if not case.loss_amount:
        return ""
    name = CURRENCY_NAMES.get(case.loss_currency)
    return f"{case.loss_amount} {translate(name) if name else case.loss_currency}"


def _when(moment: datetime) -> str:
    """UTC, then the local time with its offset; UTC alone where local time is UTC
    (not "18:55 UTC (18:55 UTC)"). An offset, never a zone's abbreviation."""
    utc = moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    local = moment.astimezone()
    if not local.utcoffset():
        return utc
    return f"{utc} ({local:%Y-%m-%d %H:%M} {utc_offset(local)})"


SUBJECT = N_("Stolen assets report — {wallet} — {date}")
SUBJECT_SHORT = N_("Stolen assets report")


def subject(case: Case, wallet_name: str, translate: Translate) -> str:
    return translate(SUBJECT).format(wallet=wallet_name, date=case.opened_at.strftime("%Y-%m-%d"))


def bilingual_subject(
    case: Case,
    wallet_name: str,
    english: Translate,
    chinese: Translate,
    chinese_first: bool = False,
) -> str:
    """E.g. "Stolen assets report — imToken — 2026-11-20 / 资产被盗求助".

    Support teams sort mail by subject; with both languages in it, a Chinese
    and an English-speaking team both see at once what the mail is about.
    A Chinese message puts its Chinese subject first
    ("资产被盗求助 — imToken — 2026-11-20 / Stolen assets report").
    """
    if chinese_first:
        return f"{subject(case, wallet_name, chinese)} / {english(SUBJECT_SHORT)}"
    return f"{subject(case, wallet_name, english)} / {chinese(SUBJECT_SHORT)}"


def chain_name(chain_id: str, translate: Translate) -> str:
    """A network as people call it ("Ethereum", "以太坊"), not its id."""
    chain = CHAINS.get(chain_id)
    return translate(chain.name) if chain is not None else chain_id


def _transactions(case: Case, translate: Translate) -> list[str]:
    lines = []
    for tx in case.transactions:
        parts = [f"[{chain_name(tx.chain, translate)}] {tx.tx_hash}"]
        if tx.from_address or tx.to_address:
            parts.append(
                translate(N_("from {sender} to {receiver}")).format(
                    sender=tx.from_address or "?", receiver=tx.to_address or "?"
                )
            )
        if tx.amount or tx.asset:
            parts.append(f"{tx.amount} {tx.asset}".strip())
        if tx.at:
            parts.append(_when(tx.at))
        lines.append("- " + ", ".join(parts))
    return lines or ["- " + translate(N_("(no transaction recorded yet)"))]


def _common(case: Case, translate: Translate) -> list[str]:
    lines = [translate(N_("What happened:"))]
    happened, _funds_left = triage_answers(case)
    lines += ["- " + translate(HAPPENED_WORDS[code]) for code in happened]
    lines.append(translate(N_("When I noticed it: {time}")).format(time=_when(case.opened_at)))
    lines.append(translate(N_("Transactions:")))
    lines += _transactions(case, translate)
    if case.loss_amount:  # police ask for it (涉案金额)
        lines.append(
            translate(N_("Value of the loss at the time: {value}")).format(
                value=loss_value(case, translate)
            )
        )
    receivers = sorted({t.to_address for t in case.transactions if t.to_address})
    if receivers:
        lines.append(translate(N_("Addresses that received my funds:")))
        lines += [f"- {address}" for address in receivers]
    done = done_steps(case)
    if done:
        lines.append(translate(N_("What I have done so far:")))
        lines += ["- " + translate(state.step.title) for state in done]
    lines.append(translate(N_("Case reference: {case}")).format(case=case.id))
    return lines


def support_request(case: Case, wallet_name: str, translate: Translate) -> str:
    lines = [
        translate(N_("Hello {wallet} support,")).format(wallet=wallet_name),
        "",
        translate(
            N_(
                "My wallet was robbed. I am writing to you through your official channel."
                " I will never share my seed phrase or private key, and I will not pay any fee."
            )
        ),
        "",
        *_common(case, translate),
        "",
        translate(
            N_(
                "Please confirm that you received this message. Please tell me whether you know"
                " the receiving addresses, and whether you can flag them or warn other users."
            )
        ),
        "",
        translate(N_("Thank you.")),
    ]
    return _guarded("\n".join(lines), case)


def _guarded(text: str, case: Case) -> str:
    """``text``, refused if it holds a secret (the case's own hashes and addresses are fine)."""
    from checks.secrets import guard_free_text  # on first use, as in checks.panic.case

    guard_free_text(text, _validated(case))
    return text


def police_summary(case: Case, translate: Translate) -> str:
    lines = [
        translate(N_("Report of stolen crypto-assets")),
        "",
        *_common(case, translate),
    ]
    if case.timeline:
        lines += ["", translate(N_("Timeline (UTC and local time):"))]
        lines += [f"- {_when(entry.at)}: {entry.text}" for entry in case.timeline]
    if case.evidence:
        lines += ["", translate(N_("Evidence files (SHA-256):"))]
        lines += [f"- {item.original_name}: {item.sha256}" for item in case.evidence]
    return _guarded("\n".join(lines), case)


def _validated(case: Case) -> list[str]:
    """Values that are not secrets though they may look like keys.

    Evidence SHA-256 digests are computed by this app. Transaction hashes and
    addresses are exempt only where a real chain family accepts them.

    A 64-hex transaction hash looks exactly like a private key; it may pass
    only because its network's own rules accept it as a hash. On "Other
    network" (which we cannot check) a value is exempt only if some real
    family reads it as the same kind of value; anything else — a seed phrase
    stored as a "hash" in an old case, say — goes through the guard.
    """
    exempt = [item.sha256 for item in case.evidence]  # computed by us from the files
    for tx in case.transactions:
        for value, kind in (
            (tx.tx_hash, "tx"),
            (tx.from_address, "address"),
            (tx.to_address, "address"),
        ):
            if value and _accepted(tx.chain, value, kind):
                exempt.append(value)
    return exempt


def _accepted(chain_id: str, value: str, kind: str) -> bool:
    chain = CHAINS.get(chain_id)
    if chain is not None and chain.family != "other":
        check = validate_tx_hash if kind == "tx" else validate_address
        result = check(chain_id, value)
        return result.ok and result.value == value
    return any(guess.kind == kind for guess in guess_chain(value))


def mailto(address: str, subject_text: str, body: str) -> str:
    """A mailto: link that opens the user's own mail app (nothing is sent by us)."""
    return f"mailto:{quote(address)}?subject={quote(subject_text)}&body={quote(body)}"
