"""The words of the escalation engine (:mod:`checks.panic.escalation`), kept apart from its rules.

Every text is English marked with :func:`N_`; ``desktop`` translates it.
Verb phrases in :data:`RUNG_ACTIONS` complete "the next step is to …" and
"Next: …", so they start in lower case and carry no final full stop.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from checks.i18n import N_

CHANNEL_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "in_app": N_("support inside the app"),
        "live_chat": N_("live chat"),
        "email": N_("email"),
        "ticket": N_("support ticket"),
        "social": N_("social media message"),
        "community": N_("community forum or group"),
        "complaint": N_("formal complaint"),
        "police": N_("police or regulator report"),
        "consumer": N_("consumer-protection body or lawyer"),
    }
)

RUNG_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "in_app": N_("Support inside the app"),
        "email_or_ticket": N_("Email or support ticket"),
        "social": N_("Official social media account"),
        "community": N_("Official community"),
        "complaint": N_("Formal complaint"),
        "police": N_("Police or regulator"),
        "consumer": N_("Consumer protection or a lawyer"),
    }
)

RUNG_ACTIONS: Mapping[str, str] = MappingProxyType(
    {
        "in_app": N_("contact support inside the official app"),
        "email_or_ticket": N_(
            "write to their official email address or open a ticket on their official help center"
        ),
        "social": N_("write to their official social media account"),
        "community": N_("ask in their official community (forum, Telegram or Discord group)"),
        "complaint": N_("send a formal complaint through their official complaints channel"),
        "police": N_("report the theft to the police or the financial regulator"),
        "consumer": N_("contact a consumer-protection body or a lawyer"),
    }
)

# Who is expected to answer on a rung; the wallet's own name replaces
# SUPPORT_PARTY when the caller knows it.
SUPPORT_PARTY = N_("their support team")
RUNG_PARTIES: Mapping[str, str] = MappingProxyType(
    {
        "police": N_("the police or regulator"),
        "consumer": N_("the consumer-protection body or lawyer"),
    }
)

NOT_CONTACTED = N_(
    "No contact logged yet. Start with the support inside the official app, and log each "
    "message here so we can tell you when to follow up."
)
NOT_CONTACTED_FAKE_APP = N_(
    "No contact logged yet. The app you used may be a fake one: reinstall the wallet from the "
    "official app store first, then write to the official help center listed in this app, and "
    "log each message here so we can tell you when to follow up."
)
WAITING_FIRST = N_(
    "Waiting for a reply from {party}. If there is no reply by {due}, send one follow-up in "
    "the same conversation (the same ticket, email thread or chat)."
)
WAITING_AFTER_FOLLOW_UP = N_(
    "You followed up. If there is still no reply from {party} by {due}, the next step is to "
    "{next}."
)
WAITING_LAST = N_(
    "You followed up. If there is still no reply from {party} by {due}, follow up again and "
    "keep a copy of everything."
)
FOLLOW_UP_DUE = N_(
    "No reply from {party} since {since}. Send one short follow-up now in the same "
    "conversation (the same ticket, email thread or chat)."
)
FOLLOW_UP_LAST = N_(
    "Still no reply from {party} since {since}. This is the last step on the list: follow up "
    "again and keep a copy of everything."
)
ESCALATE = N_("No reply from {party} since {since}, not even to your follow-up. Next: {next}.")
REPLIED = N_(
    "A reply came from {party}. Read it carefully: real support never asks for your seed "
    "phrase or a fee. If it does not solve the problem, the next step is to {next}."
)
REPLIED_LAST = N_(
    "A reply came from {party}. Read it carefully: real support never asks for your seed "
    "phrase or a fee. If it does not solve the problem, keep following up and keep a copy of "
    "everything."
)
WITH_NOTE = N_("{advice} {note}")
POLICE_TRUTH = N_(
    "A self-custody wallet's support cannot freeze or reverse your funds. The police report "
    "is for the record, and for exchanges, which may freeze stolen funds that reach them."
)

UNOFFICIAL = N_(
    "You logged a contact ({channel}, {when}) on a channel that is not confirmed as official. "
    "It does not count here: scammers pose as support. Use only the official channels listed "
    "in this app."
)
UNOFFICIAL_REPLY = N_(
    "Someone answered you on a channel that is not confirmed as official. Be very careful: "
    "this is how recovery scammers find people. Never share your seed phrase, never install "
    "what they send and never pay a fee."
)

# How to act on each rung: shown when the user should go there.
RUNG_STEPS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "in_app": (
            N_(
                "Open the wallet app you installed yourself (not a link someone sent you) and "
                "find Help, Support or Feedback in its settings."
            ),
            N_(
                "Describe what happened in a few plain sentences: when, which wallet and chain, "
                "the transaction hash and the address the funds went to."
            ),
            N_(
                "Never send your seed phrase, private key or password, nor a photo of them. "
                "Real support never asks for them."
            ),
            N_("Log the time and any ticket number here, so we can tell you when to follow up."),
        ),
        "email_or_ticket": (
            N_(
                "Open the official help center from the address in this app's support directory, "
                "and use its ticket or contact form, or its official email address."
            ),
            N_(
                "Put the transaction hash, the addresses and the time of the theft in your first "
                "message. Attach your incident report if you have printed one."
            ),
            N_(
                "Keep the ticket number. Follow up in the same ticket, not a new one, so you keep "
                "your place in the queue."
            ),
            N_("Check the sender of every reply: it must come from an official domain."),
        ),
        "social": (
            N_(
                "Find their official account through the link on the official website, not "
                "through search results or replies under other posts."
            ),
            N_(
                "Send a short message with your ticket number and the date you first wrote. "
                "Leave out private details."
            ),
            N_(
                "Accounts that message you first, or answer your post offering help, are "
                "scammers. Real support never messages you first."
            ),
        ),
        "community": (
            N_(
                "Use the official community (forum, Telegram or Discord group) linked from the "
                "official website."
            ),
            N_("Ask a moderator to pass your ticket number on to the support team."),
            N_(
                "Ignore anyone who offers help in private messages: in these groups they are "
                "almost always scammers."
            ),
        ),
        "complaint": (
            N_(
                "Look on the official website for a formal complaints page or address (it may be "
                "called Complaints, Legal or Compliance)."
            ),
            N_(
                "Write a short, factual complaint: what happened and when, your ticket numbers, "
                "and the dates you wrote without an answer."
            ),
            N_("Ask for a written reply and a reference number."),
        ),
        "police": (
            N_(
                "Report the theft to the police or to the financial regulator listed for your "
                "country in this app."
            ),
            N_(
                "Bring or attach your incident report: the timeline, transaction hashes, "
                "addresses and every contact you made."
            ),
            N_("Ask for a report or case number and log it here."),
        ),
        "consumer": (
            N_(
                "Contact a consumer-protection body in your country, or a lawyer who handles "
                "fraud or crypto cases."
            ),
            N_(
                "Anyone who promises to get your crypto back for a fee paid in advance is a "
                "recovery scammer, even if they say they are a lawyer or an investigator."
            ),
            N_("Keep a copy of everything you send and receive."),
        ),
    }
)

CUSTODIAL_STEP = N_(
    "Ask them to lock your account at once and to freeze the stolen funds if they are still "
    "on the exchange."
)
SELF_CUSTODY_STEP = N_(
    "Support of a self-custody wallet cannot reverse a transaction or freeze funds. Ask them "
    "whether there is a known problem and how to report the theft."
)

SELF_CUSTODY_POLICE_STEP = N_(
    "If the stolen funds reached an exchange, also write to that exchange's official support "
    "with the transaction hash and your police report number: it can freeze them, your wallet "
    "company cannot."
)
REINSTALL_FIRST = N_(
    "Reinstall the wallet from your phone's official app store or the official website first. "
    "Only the help page of that official app counts: support inside an app you installed from "
    "a link may belong to the thief."
)

WAITING_STEPS = (
    N_("Keep your ticket number and the dates you wrote."),
    N_("A new ticket often starts the wait again: reply in the same one instead."),
    N_(
        "If someone contacts you first offering help, it is a scam, even with the wallet's "
        "name and logo."
    ),
)
FOLLOW_UP_STEPS = (
    N_("Reply in the same ticket, email thread or chat. Do not start a new one."),
    N_(
        "Keep it short: your ticket number, the date you first wrote, and one sentence asking "
        "for an update."
    ),
    N_("Log the follow-up here, so we can tell you when to take the next step."),
)
REPLIED_STEPS = (
    N_("Check that the reply came from an official address or account listed in this app."),
    N_(
        "Real support never asks for your seed phrase, private key, password or a fee, and "
        "never asks you to install anything."
    ),
    N_("Log what they said here, with any new ticket number."),
)

BAD_CHANNEL = N_("That is not a contact channel we know.")
BAD_DATE = N_("Please check the date: {date} does not look right.")
