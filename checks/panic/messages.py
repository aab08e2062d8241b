"""Ready-to-send texts filled from a case: a support request and a police
summary, in the language of the ``translate`` function given (English
source; the window passes a Chinese translator for Chinese). The final
text passes the secret guard: nothing secret can leave in a message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import quote

from checks.checkup.run import guard_free_text
from checks.i18n import N_
from checks.panic.case import Case
from checks.panic.lockdown import BY_ID as STEPS

Translate = Callable[[str], str]

HAPPENED_WORDS = {
    "funds_moved": N_("Funds were moved out without my permission."),
    "typed_seed": N_("I typed my seed phrase into a website or app, which I now think was fake."),
    "signed": N_("I signed or approved something on a website."),
    "installed_app": N_("I installed an app from a link."),
    "exchange_taken": N_("My exchange account was taken over."),
    "phone_stopped": N_("My phone number suddenly stopped working."),
    "dont_know": N_("I don't know yet how it happened."),
}


def _when(moment: datetime) -> str:
    utc = moment.strftime("%Y-%m-%d %H:%M UTC")
    local = moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    return f"{utc} ({local})"


def subject(case: Case, wallet_name: str, translate: Translate) -> str:
    return translate(N_("Stolen assets report — {wallet} — {date}")).format(
        wallet=wallet_name, date=case.opened_at.strftime("%Y-%m-%d")
    )


def bilingual_subject(case: Case, wallet_name: str, english: Translate, chinese: Translate) -> str:
    """E.g. "Stolen assets report — imToken — 2026-11-20 / 资产被盗求助 — imToken — 2026-11-20"."""
    return f"{subject(case, wallet_name, english)} / {subject(case, wallet_name, chinese)}"


def _transactions(case: Case, translate: Translate) -> list[str]:
    lines = []
    for tx in case.transactions:
        parts = [f"[{tx.chain}] {tx.tx_hash}"]
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
    lines += ["- " + translate(HAPPENED_WORDS[code]) for code in case.what_happened]
    if not case.what_happened:
        lines.append("- " + translate(HAPPENED_WORDS["dont_know"]))
    lines.append(translate(N_("When I noticed it: {time}")).format(time=_when(case.opened_at)))
    lines.append(translate(N_("Transactions:")))
    lines += _transactions(case, translate)
    receivers = sorted({t.to_address for t in case.transactions if t.to_address})
    if receivers:
        lines.append(translate(N_("Addresses that received my funds:")))
        lines += [f"- {address}" for address in receivers]
    done = [step_id for step_id, _at in case.steps_done if step_id in STEPS]
    if done:
        lines.append(translate(N_("What I have done so far:")))
        lines += ["- " + translate(STEPS[step_id].title) for step_id in done]
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
    text = "\n".join(lines)
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
    text = "\n".join(lines)
    guard_free_text(text, _validated(case))
    return text


def _validated(case: Case) -> list[str]:
    """Values checked in their own fields: transaction hashes and addresses."""
    return [
        value
        for tx in case.transactions
        for value in (tx.tx_hash, tx.from_address, tx.to_address)
        if value
    ]


def mailto(address: str, subject_text: str, body: str) -> str:
    """A mailto: link that opens the user's own mail app (nothing is sent by us)."""
    return f"mailto:{quote(address)}?subject={quote(subject_text)}&body={quote(body)}"
