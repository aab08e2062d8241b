"""The lockdown plan: what to do, in which order, chosen from the triage.

Order matters. First what stops the loss right now: freeze an exchange
account that was taken, check a TRON account's permissions before sending
anything in, move what is left to a NEW wallet, abandon a seed phrase that
may be exposed (even when nothing is left on it), revoke approvals and get
the phone number back. Then, urgently, the reports that have deadlines: the
exchanges that receive stolen funds freeze them only briefly and need a
police report within days. Then accounts, evidence, the device, official
support and protecting others.

Plain truths are stated where they matter: a blockchain transfer cannot be
reversed; a self-custody wallet's support cannot freeze funds; exchanges
(and stablecoin issuers, on a request from the police) can freeze funds that
reach them; revoking approvals does not undo every kind of signature; nobody
legitimate needs your seed phrase; real help exists (SEAL 911, official
support), and anyone who charges to recover crypto is a scammer.
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
SEAL_911 = Link(
    N_("SEAL 911 (Security Alliance): emergency help from security researchers"),
    "https://t.me/seal_911_bot",
)
TRONSCAN = Link(N_("Tronscan: look up a TRON address and its permissions"), "https://tronscan.org/")

# What happened ("how" answers of checks.panic.triage) that may have put the seed
# phrase or private key in a thief's hands.
SEED_RISK = frozenset(
    {
        "typed_seed",
        "installed_app",
        "remote_control",
        "address_changed",
        "cant_transfer",
        "funds_moved",
        "dont_know",
    }
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


def seed_may_be_exposed(happened: Collection[str]) -> bool:
    """Whether the seed phrase must be treated as known to the thief (unknown: yes)."""
    return bool(SEED_RISK & set(happened)) or not happened


def _move(happened: Collection[str], funds_left: str) -> bool:
    """Something is (or may be) left, and the key or a signature may be in a thief's hands."""
    at_risk = seed_may_be_exposed(happened) or "signed" in happened
    return funds_left in ("yes", "dont_know") and at_risk


def _abandon(happened: Collection[str], _funds_left: str) -> bool:
    return seed_may_be_exposed(happened)


def _any(*codes: str) -> Callable[[Collection[str], str], bool]:
    return lambda happened, _funds: bool(set(codes) & set(happened)) or "dont_know" in happened


def _only(*codes: str) -> Callable[[Collection[str], str], bool]:
    """Steps that fit one story only, so "I don't know" does not bring them in."""
    return lambda happened, _funds: bool(set(codes) & set(happened))


STEPS: tuple[Step, ...] = (
    Step(
        "freeze_exchange",
        N_("Freeze the exchange account first"),
        N_(
            "An exchange holds your coins for you, so it can stop withdrawals — but only once"
            " the account is frozen. Do this before anything else."
        ),
        (
            N_(
                "Use the exchange's own app or the site you type yourself: look for 'Lock"
                " account', 'Freeze account' or 'Disable account' in its security settings, or"
                " use its official live chat or the phone number in its own help centre."
            ),
            N_(
                "Then, from a clean device, change the password and the two-factor"
                " authentication (2FA)."
            ),
            N_(
                "Delete every API key you did not create: a thief can use one to trade or"
                " withdraw without logging in."
            ),
            N_(
                "Remove withdrawal addresses you did not add, and log out devices you do not"
                " recognise."
            ),
        ),
        urgent=True,
        applies=_only("exchange_taken"),
    ),
    Step(
        "check_tron_permissions",
        N_("Check the TRON account's permissions before you send anything in"),
        N_(
            "If you cannot send from a TRON wallet, a thief may have changed who controls it"
            " (multi-signature). TRX you send in for fees can then be taken."
        ),
        (
            N_(
                "Open Tronscan from a bookmark or by typing it, search for your address and"
                " look at its permissions."
            ),
            N_(
                "If the owner permission lists an address that is not yours, or a number of"
                " signatures you did not set, stop: do not send TRX in for fees."
            ),
            N_(
                "Treat the seed phrase as stolen. Anyone who offers to remove the"
                " multi-signature for a fee is a scammer."
            ),
        ),
        urgent=True,
        links=(TRONSCAN,),
        applies=_only("cant_transfer"),
    ),
    Step(
        "move_funds",
        N_("Move what is left to a NEW wallet, now"),
        N_(
            "If a thief has your seed phrase or key, they can take the rest at any moment."
            " Changing the app's password does not stop them."
        ),
        (
            N_(
                "On a clean device (not the one you used when it happened), install the official"
                " wallet app from the official store or site."
            ),
            N_(
                "Create a NEW wallet. Write the new seed phrase on paper; never photograph or"
                " type it."
            ),
            N_(
                "Send what is left from the old wallet to the new one: tokens first, the coin used"
                " for fees (ETH, BNB, TRX …) last."
            ),
            N_(
                "On TRON, before you send TRX in for fees, check the old address's permissions on"
                " Tronscan: if the owner permission is not your address alone, stop."
            ),
            N_(
                "If everything you send in for fees disappears at once, a sweeper bot is watching"
                " the old wallet: stop sending money in. Ask for help only from SEAL 911"
                " (t.me/seal_911_bot, linked from securityalliance.org) or your wallet's"
                " official support. Anyone who charges you to rescue or recover your coins is a"
                " scammer."
            ),
        ),
        urgent=True,
        links=(SEAL_911,),
        applies=_move,
    ),
    Step(
        "abandon_seed",
        N_("Abandon the old seed phrase for good"),
        N_(
            "A seed phrase that may be exposed can never be made safe again, even when nothing"
            " is left on it."
        ),
        (
            N_(
                "Never use the old seed phrase or its wallet again, and uninstall any wallet app"
                " you got from a link."
            ),
            N_(
                "Check every blockchain and every account made from that seed phrase (other"
                " networks, other account numbers in the same wallet) and move what is there."
            ),
            N_(
                "Remove the old addresses wherever they are saved: exchange withdrawal"
                " allow-lists and address books, payroll or payment details, staking and other"
                " services — or money may keep arriving where the thief can take it."
            ),
        ),
        urgent=True,
        applies=_abandon,
    ),
    Step(
        "revoke_approvals",
        N_("Revoke the approvals you gave"),
        N_(
            "If you signed or approved something on a website, that approval may still let it"
            " take your tokens."
        ),
        (
            N_(
                "Open an approval checker such as Revoke.cash or your block explorer's approval"
                " page."
            ),
            N_("Paste your wallet address and look at the approvals, newest first."),
            N_(
                "Revoke every approval you don't recognise. Each revoke is a transaction and costs"
                " a small fee."
            ),
            N_(
                "Revoking does not undo a signed Permit or Permit2 message, an EIP-7702"
                " delegation or a TRON permission change. If you are not sure what you signed,"
                " move what is left to a new wallet first."
            ),
        ),
        urgent=True,
        links=(REVOKE, ETHERSCAN_APPROVALS),
        applies=_any("signed"),
    ),
    Step(
        "call_carrier",
        N_("Call your mobile carrier"),
        N_(
            "If your number suddenly stopped working, someone may have moved it to their SIM to"
            " receive your codes."
        ),
        (
            N_("Call your carrier from another phone or visit a store with your ID."),
            N_(
                "Ask them to stop any SIM change or number transfer and to set a PIN for future"
                " changes."
            ),
        ),
        urgent=True,
        applies=_any("phone_stopped"),
    ),
    Step(
        "report_address",
        N_("Report the thief's address to exchanges and Chainabuse — today"),
        N_(
            "Exchanges freeze stolen funds that reach them only briefly: they need a police"
            " report within days (Binance's help page asks for one within 7 days)."
        ),
        (
            N_("Report the receiving address and transaction hashes at Chainabuse."),
            N_(
                "Stablecoin issuers such as Tether and Circle freeze on a request from the police"
                " or a court, not on a message from you: report to the police."
            ),
            N_(
                "If the money moved to an exchange, contact that exchange's official support"
                " with the transaction hash and your police report number."
            ),
        ),
        urgent=True,
        links=(CHAINABUSE,),
        applies=_any(
            "funds_moved",
            "typed_seed",
            "signed",
            "installed_app",
            "exchange_taken",
            "remote_control",
            "address_changed",
            "wrong_address",
        ),
    ),
    Step(
        "report_police",
        N_("Report to the police — soon"),
        N_("Exchanges need it within days to keep stolen funds frozen. It is also your record."),
        (
            N_(
                "Go to your local police or use the official online report (see 'Where to report')."
            ),
            N_(
                "Bring the printed incident report from this app, your ID, and the transaction"
                " hashes."
            ),
            N_(
                "Write down what the stolen coins were worth in your own currency at the time:"
                " the police ask for the amount involved."
            ),
        ),
        urgent=True,
    ),
    Step(
        "secure_accounts",
        N_("Secure your email and exchange accounts"),
        N_("Thieves who got in once try again, and email can reset everything else."),
        (
            N_(
                "From a clean device, change your email password to a new, long one, and turn on"
                " two-factor authentication (2FA) with an authenticator app."
            ),
            N_(
                "Do the same for each exchange account; remove withdrawal addresses and API keys"
                " you don't know."
            ),
        ),
        urgent=True,
        applies=_any(
            "exchange_taken",
            "phone_stopped",
            "typed_seed",
            "installed_app",
            "remote_control",
            "address_changed",
        ),
    ),
    Step(
        "record_evidence",
        N_("Write down the evidence"),
        N_("Support, exchanges and the police need exact details; memories fade fast."),
        (
            N_("Note when you noticed it (date and time) and what you did before."),
            N_(
                "Copy each transaction hash and the address the money went to, from your wallet or"
                " a block explorer."
            ),
            N_(
                "Take screenshots of the wallet, the transactions and any chats or websites"
                " involved."
            ),
        ),
        urgent=True,
    ),
    Step(
        "stop_device",
        N_("Stop using a device that may be infected"),
        N_(
            "An app installed from a link, or someone with remote control, can read what you"
            " type, see your screen and change what you copy."
        ),
        (
            N_("Don't open any wallet or exchange on that device again."),
            N_(
                "If someone had remote control or saw your screen, end the session and uninstall"
                " the remote-control or meeting app (such as Sunlogin, ToDesk, AnyDesk or"
                " TeamViewer)."
            ),
            N_(
                "Uninstall apps you got from links or chats; best of all, reset the device to"
                " factory settings after saving your evidence."
            ),
        ),
        applies=_any("installed_app", "typed_seed", "remote_control", "address_changed"),
    ),
    Step(
        "fake_officials",
        N_("Hang up on “police” or officials who contact you"),
        N_(
            "After a theft, scammers pose as police, anti-fraud centres or officials, often with"
            " your real details. Real police never ask you to move money to a “safe account”,"
            " never ask for your seed phrase or codes, and never handle a case by video call or"
            " screen sharing."
        ),
        (
            N_(
                "Hang up, then call the police yourself on a number from this app's list or an"
                " official site. Caller ID can be faked."
            ),
            N_("Never pay a fee or a deposit to get money back."),
            N_("Report this contact to the police as well."),
        ),
        applies=_only("fake_police"),
    ),
    Step(
        "poisoned_history",
        N_("Stop copying addresses from your history"),
        N_(
            "A look-alike address in your history (address poisoning) does not mean your wallet"
            " was hacked: your seed phrase is safe. But the transfer cannot be undone."
        ),
        (
            N_(
                "Never copy an address from your transaction history; use your wallet's address"
                " book, or ask the recipient again."
            ),
            N_(
                "Compare the whole address, not only its first and last characters, and send a"
                " small test amount to a new address first."
            ),
        ),
        applies=_only("wrong_address"),
    ),
    Step(
        "disconnect_sites",
        N_("Disconnect websites from your wallet"),
        N_(
            "A connected site can keep asking you to sign; disconnecting does not revoke approvals."
        ),
        (
            N_(
                "In your wallet app, open the list of connected sites (often 'Connected sites')"
                " and remove them all. This only disconnects them; it does not revoke token"
                " approvals."
            ),
        ),
        applies=_any("signed", "installed_app"),
    ),
    Step(
        "contact_support",
        N_("Contact official support — only official"),
        N_(
            "Fake 'support' accounts wait for theft victims. A self-custody wallet's support"
            " cannot freeze or reverse your coins, but can confirm facts and warn others."
        ),
        (
            N_(
                "Use only the help page inside the official wallet app or the official site listed"
                " in this app. If you installed the app from a link, reinstall it from the"
                " official store first: only the official app's help page counts."
            ),
            N_(
                "Never give anyone your seed phrase, and never pay a fee to 'unlock' or 'recover'"
                " funds."
            ),
        ),
    ),
    Step(
        "warn_contacts",
        N_("Warn your contacts"),
        N_("Thieves often use a stolen chat account or the same trick on your friends."),
        (
            N_(
                "Tell friends and family not to trust messages asking for money or crypto 'from"
                " you'."
            ),
        ),
        applies=_any("installed_app", "typed_seed", "exchange_taken", "remote_control"),
    ),
    Step(
        "no_recovery_scams",
        N_("Ignore anyone offering to get your coins back"),
        N_(
            "A blockchain transfer cannot be reversed. 'Recovery services' that ask for a fee are"
            " scams that target theft victims."
        ),
        (
            N_(
                "Don't reply to such offers, and never pay an upfront fee or share your seed"
                " phrase."
            ),
            N_(
                "Real help: SEAL 911 (t.me/seal_911_bot), your wallet's official support and"
                " the police. Anyone who charges you to recover crypto is a scammer."
            ),
        ),
    ),
)

# The help centre article that answers the questions each step raises.
HELP = {
    "freeze_exchange": "exchange-hacked",
    "call_carrier": "exchange-hacked",
    "check_tron_permissions": "tron-permissions",
    "move_funds": "seed-exposed",
    "abandon_seed": "seed-exposed",
    "revoke_approvals": "token-approvals",
    "report_address": "freeze-refund",
    "report_police": "report-theft",
    "secure_accounts": "passwords-2fa",
    "record_evidence": "evidence-utc",
    "stop_device": "remote-control",
    "fake_officials": "fake-police",
    "poisoned_history": "address-poisoning",
    "disconnect_sites": "token-approvals",
    "contact_support": "official-or-fake",
    "warn_contacts": "recovery-scams",
    "no_recovery_scams": "recovery-scams",
}
STEPS = tuple(replace(step, help=HELP.get(step.id, "")) for step in STEPS)
BY_ID: dict[str, Step] = {step.id: step for step in STEPS}


def plan(what_happened: Collection[str], funds_left: str) -> list[Step]:
    """The steps for this triage: urgent first, then in the catalogue's order."""
    chosen = [step for step in STEPS if step.applies(what_happened, funds_left)]
    return sorted(chosen, key=lambda step: not step.urgent)
