"""The lockdown plan: what to do, in which order, chosen from the triage.

Order matters. If funds remain and the seed phrase or key may be exposed,
moving what is left to a NEW wallet comes first; then stopping further
losses (approvals, accounts, phone number, the device); then evidence,
official support, reports, and protecting others. Plain truths are stated
where they matter: a blockchain transfer cannot be reversed; a self-custody
wallet's support cannot freeze funds; exchanges (and some stablecoin
issuers) can freeze funds that reach them if told quickly; nobody
legitimate needs your seed phrase; "recovery" for a fee is a scam.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from checks.findings import Link
from checks.i18n import N_

REVOKE = Link(N_("Revoke.cash: see and revoke token approvals"), "https://revoke.cash/")
ETHERSCAN_APPROVALS = Link(
    N_("Etherscan token approval checker"), "https://etherscan.io/tokenapprovalchecker"
)
CHAINABUSE = Link(
    N_("Chainabuse (a public website where victims report scam addresses): report the address"),
    "https://www.chainabuse.com/",
)


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    why: str
    how: tuple[str, ...]
    urgent: bool = False
    links: tuple[Link, ...] = ()
    applies: Callable[[Collection[str], str], bool] = lambda happened, funds_left: True
    help: str = ""  # the help centre's article for this step (see HELP)


def _exposed(happened: Collection[str], funds_left: str) -> bool:
    risky = {"typed_seed", "installed_app", "funds_moved", "dont_know"}
    return funds_left in ("yes", "dont_know") and bool(risky & set(happened) or not happened)


def _any(*codes: str) -> Callable[[Collection[str], str], bool]:
    return lambda happened, _funds: bool(set(codes) & set(happened)) or "dont_know" in happened


STEPS: tuple[Step, ...] = (
    Step(
        "move_funds",
        N_("Move what is left to a NEW wallet, now"),
        N_(
            "If a thief has your seed phrase or key, they can take the rest at any moment. Changing the app's password does not stop them."
        ),
        (
            N_(
                "On a clean device (not the one you used when it happened), install the official wallet app from the official store or site."
            ),
            N_(
                "Create a NEW wallet. Write the new seed phrase on paper; never photograph or type it."
            ),
            N_(
                "Send what is left from the old wallet to the new one: tokens first, the coin used for fees (ETH, BNB, TRX …) last."
            ),
            N_(
                "If everything you send in for fees disappears at once, a 'sweeper' program is watching the old wallet: stop sending money in and get expert help."
            ),
            N_("Never use the old wallet or its seed phrase again."),
        ),
        urgent=True,
        applies=_exposed,
    ),
    Step(
        "revoke_approvals",
        N_("Revoke the approvals you gave"),
        N_(
            "If you signed or approved something on a website, that approval may still let it take your tokens."
        ),
        (
            N_(
                "Open an approval checker such as Revoke.cash or your block explorer's approval page."
            ),
            N_("Paste your wallet address and look at the approvals, newest first."),
            N_(
                "Revoke every approval you don't recognise. Each revoke is a transaction and costs a small fee."
            ),
        ),
        urgent=True,
        links=(REVOKE, ETHERSCAN_APPROVALS),
        applies=_any("signed"),
    ),
    Step(
        "disconnect_sites",
        N_("Disconnect websites from your wallet"),
        N_("A connected site can keep asking you to sign."),
        (
            N_(
                "In your wallet app, open the list of connected sites (often 'Connected sites' or 'DApp authorisations') and remove them all."
            ),
        ),
        applies=_any("signed", "installed_app"),
    ),
    Step(
        "secure_accounts",
        N_("Secure your email and exchange accounts"),
        N_("Thieves who got in once try again, and email can reset everything else."),
        (
            N_(
                "From a clean device, change your email password to a new, long one, and turn on 2-step verification with an authenticator app."
            ),
            N_(
                "Do the same for each exchange account; check the withdrawal address list and remove addresses you don't know."
            ),
            N_(
                "If an exchange account was taken, use the exchange's official app or site to freeze or disable the account, then contact its support."
            ),
        ),
        urgent=True,
        applies=_any("exchange_taken", "phone_stopped", "typed_seed", "installed_app"),
    ),
    Step(
        "call_carrier",
        N_("Call your mobile carrier"),
        N_(
            "If your number suddenly stopped working, someone may have moved it to their SIM to receive your codes."
        ),
        (
            N_("Call your carrier from another phone or visit a store with your ID."),
            N_(
                "Ask them to stop any SIM change or number transfer and to set a PIN for future changes."
            ),
        ),
        urgent=True,
        applies=_any("phone_stopped"),
    ),
    Step(
        "stop_device",
        N_("Stop using a device that may be infected"),
        N_("An app installed from a link can read what you type and copy."),
        (
            N_("Don't open any wallet or exchange on that device again."),
            N_(
                "Uninstall apps you got from links or chats; best of all, reset the device to factory settings after saving your evidence."
            ),
        ),
        applies=_any("installed_app", "typed_seed"),
    ),
    Step(
        "record_evidence",
        N_("Write down the evidence"),
        N_("Support, exchanges and the police need exact details; memories fade fast."),
        (
            N_("Note when you noticed it (date and time) and what you did before."),
            N_(
                "Copy each transaction hash and the address the money went to, from your wallet or a block explorer."
            ),
            N_(
                "Take screenshots of the wallet, the transactions and any chats or websites involved."
            ),
        ),
        urgent=True,
    ),
    Step(
        "contact_support",
        N_("Contact official support — only official"),
        N_(
            "Fake 'support' accounts wait for theft victims. A self-custody wallet's support cannot freeze or reverse your coins, but can confirm facts and warn others."
        ),
        (
            N_(
                "Use only the help page inside the wallet app or the official site listed in this app."
            ),
            N_(
                "Never give anyone your seed phrase, and never pay a fee to 'unlock' or 'recover' funds."
            ),
        ),
    ),
    Step(
        "report_address",
        N_("Report the thief's address to exchanges and Chainabuse"),
        N_(
            "Exchanges, and some stablecoin issuers, can freeze stolen funds that reach them — if told quickly, with the transaction hash."
        ),
        (
            N_("Report the receiving address and transaction hashes at Chainabuse."),
            N_(
                "If the money moved to an exchange, contact that exchange's official support with the transaction hash and your police report number."
            ),
        ),
        links=(CHAINABUSE,),
        applies=_any("funds_moved", "typed_seed", "signed", "installed_app", "exchange_taken"),
    ),
    Step(
        "report_police",
        N_("Report to the police"),
        N_(
            "A police report is needed by exchanges and helps if funds are ever found. It is also a record for you."
        ),
        (
            N_(
                "Go to your local police or use the official online report (see 'Where to report')."
            ),
            N_(
                "Bring the printed incident report from this app, your ID, and the transaction hashes."
            ),
        ),
    ),
    Step(
        "warn_contacts",
        N_("Warn your contacts"),
        N_("Thieves often use a stolen chat account or the same trick on your friends."),
        (
            N_(
                "Tell friends and family not to trust messages asking for money or crypto 'from you'."
            ),
        ),
        applies=_any("installed_app", "typed_seed", "exchange_taken"),
    ),
    Step(
        "no_recovery_scams",
        N_("Ignore anyone offering to get your coins back"),
        N_(
            "A blockchain transfer cannot be reversed. 'Recovery services' that ask for a fee are scams that target theft victims."
        ),
        (
            N_(
                "Don't reply to such offers, and never pay an upfront fee or share your seed phrase."
            ),
        ),
    ),
)

# The help centre article that answers the questions each step raises.
HELP = {
    "move_funds": "seed-exposed",
    "revoke_approvals": "token-approvals",
    "disconnect_sites": "token-approvals",
    "secure_accounts": "passwords-2fa",
    "call_carrier": "passwords-2fa",
    "stop_device": "device-basics",
    "record_evidence": "evidence-utc",
    "contact_support": "official-or-fake",
    "report_address": "freeze-refund",
    "report_police": "report-theft",
    "warn_contacts": "recovery-scams",
    "no_recovery_scams": "recovery-scams",
}
STEPS = tuple(replace(step, help=HELP.get(step.id, "")) for step in STEPS)
BY_ID: dict[str, Step] = {step.id: step for step in STEPS}


def plan(what_happened: Collection[str], funds_left: str) -> list[Step]:
    """The steps for this triage: urgent first, then in the catalogue's order."""
    chosen = [step for step in STEPS if step.applies(what_happened, funds_left)]
    return sorted(chosen, key=lambda step: not step.urgent)


def first_actions(what_happened: Collection[str], funds_left: str, count: int = 3) -> list[Step]:
    """The few things to do right now, for the first screen."""
    return plan(what_happened, funds_left)[:count]
