"""Official channels of a wallet, and whether a logged contact went through one.

The support page lists a directory entry's official channels (help centre,
ticket form, email, confirmed social accounts, community) and lets the user
say which one they used; :func:`assess_contact` decides — from the channel,
the entry and what the user chose or typed — whether the contact counts for
escalation, and what to tell them. Where the directory knows nothing for a
field, :func:`fallbacks` says where to look instead, so no empty "To:" line
and no silence is ever shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checks.directory import NEVER_DOES, SupportEntry
from checks.i18n import N_, Msg, msg
from checks.panic.case import Case
from checks.phishing import classify

REPORTING = ("police", "consumer")  # a report to an authority, not to the wallet

VERDICTS = ("official", "unconfirmed", "unchecked", "reporting", "not_official", "scam")


@dataclass(frozen=True)
class OfficialChannel:
    """One place listed in the directory; ``channel`` is the usual way it is used."""

    key: str
    channel: str
    label: Msg
    address: str  # URL, email address or "" (inside the app)


@dataclass(frozen=True)
class ContactCheck:
    official: bool  # counts toward escalation
    verdict: str  # one of VERDICTS
    message: Msg
    warn: bool = False  # show it as a strong warning


HELP_CENTRE = N_("Official help centre")
TICKET_FORM = N_("Official ticket or request form")
EMAIL = N_("Official email: {address}")
SOCIAL = N_("Official account on {platform}: @{handle}")
COMMUNITY = N_("Official community forum")
IN_APP = N_("Support inside the {name} app")
IN_APP_AT = N_("Support inside the {name} app ({path})")

NO_EMAIL = N_(
    "We have no confirmed email address for {name}. Open the {name} app you installed "
    "yourself → Settings (or Me) → Help or Support, or their official help centre, and copy "
    "the address from there."
)
NO_IN_APP = N_(
    "In the app: open the {name} app you installed yourself → Settings (or Me) → Help, "
    "Support or Feedback. The names of the menus differ between versions."
)
NO_TICKET = N_(
    "To open a ticket, use the contact or request form on the official help centre listed "
    "here; keep the ticket number it gives you."
)
NO_SOCIAL = N_(
    "We have no confirmed social media accounts for {name}. Find them only through the link "
    "on the official website: accounts that message you first are scammers."
)
NO_HELP_CENTRE = N_(
    "We have no confirmed help centre for {name}. Use the help or feedback page inside the "
    "app you installed yourself."
)
NO_NEVER = N_(
    "Real support never asks for your seed phrase or private key, never asks you to send "
    "crypto anywhere and never charges a fee to help or to get money back."
)
UNKNOWN_WALLET = N_(
    "We have no confirmed channels for this wallet. Open the app you installed yourself → "
    "Settings (or Me) → Help or Support, and use only what you find there or on the address "
    "shown in the app store listing of the official app."
)

LOGGED = N_("Logged. The follow-up page says when to chase.")
LOGGED_UNCONFIRMED = N_(
    "Logged. We could not confirm {name}'s channels from an official source: make sure you "
    "reached this address through the app you installed yourself."
)
LOGGED_UNCHECKED = N_(
    "Logged. You did not say where you wrote, so we could not check it. It counts only if "
    "it was one of the official channels listed above."
)
LOGGED_REPORT = N_(
    "Logged. Keep the report or reference number: exchanges and support may ask for it."
)
NOT_OFFICIAL = N_(
    "We could not confirm that this is {name}'s official support. Fake support accounts "
    "target theft victims: never give your seed phrase, never pay a fee, and use the "
    "official channels listed above. This contact does not count for follow-ups."
)
SCAM = N_(
    "Real support never asks for a fee, your seed phrase or control of your device, and "
    "nobody can reverse a blockchain transfer for a fee. Do not pay and do not send anything "
    "more. Move what is left to a new wallet if you shared your seed phrase."
)
THEIR = N_("this wallet")
NEVER_WILL = N_("{name} will never: {items}.")
# Chinese reads "imToken 绝不会索要您的助记词，也不会索要您的私钥。", not a colon and a list.
NEVER_WILL_ZH = "{name} 绝不会{first}{rest}。"
NEVER_WILL_ZH_MORE = "，也不会{item}"


def never_does_sentence(entry: SupportEntry, translate: Callable[[str], str], language: str) -> str:
    """What the entry's official support never does, as one sentence in ``language``.

    ``""`` when the directory knows nothing (the caller shows :data:`NO_NEVER`).
    """
    items = [translate(NEVER_DOES[code]) for code in entry.never_does if code in NEVER_DOES]
    if not items:
        return ""
    name = entry.display_name(language)
    if language.startswith("zh"):
        rest = "".join(NEVER_WILL_ZH_MORE.format(item=item) for item in items[1:])
        return NEVER_WILL_ZH.format(name=name, first=items[0], rest=rest)
    return translate(NEVER_WILL).format(name=name, items="; ".join(items))


def official_channels(
    entry: SupportEntry | None, language: str = "en"
) -> tuple[OfficialChannel, ...]:
    """The places the directory lists for ``entry``, in the order to try them."""
    if entry is None:
        return ()
    found = [_in_app(entry, language)]
    if entry.help_center:
        found.append(OfficialChannel("help_center", "ticket", msg(HELP_CENTRE), entry.help_center))
    if entry.ticket_url and entry.ticket_url != entry.help_center:
        found.append(OfficialChannel("ticket", "ticket", msg(TICKET_FORM), entry.ticket_url))
    for address in entry.emails:
        found.append(
            OfficialChannel(f"email:{address}", "email", msg(EMAIL, address=address), address)
        )
    # A self-custody wallet's social accounts only share news: the wallet cannot act
    # on a theft there, and fake moderators wait in the replies (MetaMask says it
    # never handles a support case on Twitter). They are for checking a handle.
    if entry.confirmed and entry.custodial:
        for account in entry.social:
            label = msg(SOCIAL, platform=account.platform, handle=account.handle)
            found.append(OfficialChannel(f"social:{account.handle}", "social", label, account.url))
    if entry.community:
        found.append(OfficialChannel("community", "community", msg(COMMUNITY), entry.community))
    return tuple(found)


def _in_app(entry: SupportEntry, language: str) -> OfficialChannel:
    name = entry.display_name(language)
    if entry.in_app_support is None:
        return OfficialChannel("in_app", "in_app", msg(IN_APP, name=name), "")
    path = entry.in_app_support.zh_CN if language == "zh_CN" else entry.in_app_support.en
    return OfficialChannel("in_app", "in_app", msg(IN_APP_AT, name=name, path=path), "")


def fallbacks(
    entry: SupportEntry | None, with_email: bool = True, language: str = "en"
) -> tuple[Msg, ...]:
    """Where to look for what the directory does not know (shown instead of blanks).

    ``with_email=False`` leaves out the missing email address, for a page
    that says it next to its "Open in mail app" button instead.
    """
    if entry is None:
        return (msg(UNKNOWN_WALLET), msg(NO_NEVER))
    name = entry.display_name(language)
    lines = []
    if entry.in_app_support is None:
        lines.append(msg(NO_IN_APP, name=name))
    if not entry.help_center:
        lines.append(msg(NO_HELP_CENTRE, name=name))
    elif not entry.ticket_url:
        lines.append(msg(NO_TICKET))
    if not entry.emails and with_email:
        lines.append(msg(NO_EMAIL, name=name))
    if not (entry.confirmed and entry.social):
        lines.append(msg(NO_SOCIAL, name=name))
    if not entry.never_does:
        lines.append(msg(NO_NEVER))
    return tuple(lines)


def assess_contact(
    channel: str,
    entry: SupportEntry | None,
    *,
    listed: OfficialChannel | None = None,
    address: str = "",
    asked_for_secret_or_fee: bool = False,
    language: str = "en",
) -> ContactCheck:
    """Does this contact count, and what should the user hear?

    ``listed`` is the directory channel the user picked ("where"), if any;
    ``address`` what they typed instead. A request for a fee, a seed phrase
    or remote access always means a scam.
    """
    name = entry.display_name(language) if entry is not None else msg(THEIR)
    if asked_for_secret_or_fee:
        return ContactCheck(False, "scam", msg(SCAM), warn=True)
    if channel in REPORTING:
        return ContactCheck(True, "reporting", msg(LOGGED_REPORT))
    if listed is not None:
        return _counted(entry, language)
    address = address.strip()
    if not address:
        return ContactCheck(True, "unchecked", msg(LOGGED_UNCHECKED))
    verdict = classify(address)
    if entry is None:
        if verdict.verdict == "lookalike":
            return ContactCheck(False, "not_official", msg(NOT_OFFICIAL, name=name), warn=True)
        return ContactCheck(True, "unchecked", msg(LOGGED_UNCHECKED))
    if verdict.wallet == entry.id and verdict.verdict == "official":
        return _counted(entry, language)
    if verdict.wallet == entry.id and verdict.verdict == "unknown":
        # The entry is unconfirmed (bitpie.com) or the handle has exactly its name.
        return ContactCheck(True, "unconfirmed", msg(LOGGED_UNCONFIRMED, name=name))
    return ContactCheck(False, "not_official", msg(NOT_OFFICIAL, name=name), warn=True)


def _counted(entry: SupportEntry | None, language: str = "en") -> ContactCheck:
    if entry is not None and not entry.confirmed:
        name = entry.display_name(language)
        return ContactCheck(True, "unconfirmed", msg(LOGGED_UNCONFIRMED, name=name))
    return ContactCheck(True, "official", msg(LOGGED))


def support_target(case: Case) -> str | None:
    """Whose support the user is dealing with: the wallet of the latest contact
    that named one, else the case's first wallet."""
    for contact in reversed(case.contacts):
        if contact.wallet:
            return contact.wallet
    return case.wallets[0] if case.wallets else None
