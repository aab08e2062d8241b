"""What :func:`checks.phishing.classify` says, as English source text.

Fields (``{name}``, ``{site}`` …) are filled after translation. Kept apart so
the classifier stays readable; :mod:`checks.phishing` re-exports every name.
"""

from __future__ import annotations

from checks.i18n import N_

OFFICIAL_SITE = N_(
    "This is {name}'s official website ({official}). Still, never type your seed phrase anywhere."
)
OFFICIAL_EMAIL = N_(
    "This email address uses {name}'s official domain ({official}). Senders can be faked, "
    "so never reply with your seed phrase and never send money."
)
OFFICIAL_HANDLE = N_(
    "This is {name}'s official account ({handle}). Even so, official support never messages "
    "you first and never asks for your seed phrase."
)
UNCONFIRMED_SITE = N_(
    "{site} may belong to {name}, but we could not confirm it from an official source. "
    "Open {name} from the app you installed, and never type your seed phrase into a website."
)
LOOKALIKE_SITE = N_("The real site is {official}. This is {site}, a different website.")
LOOKALIKE_HOMOGLYPH = N_(
    "This address uses look-alike letters to imitate {official}. It is {site}, a different website."
)
LOOKALIKE_SUBDOMAIN = N_(
    "This address only starts like {name}'s. The part that decides the website is {site}, "
    "which is not {name}'s. The real site is {official}."
)
LOOKALIKE_USERINFO = N_(
    "This address hides a different website: the part before @ is ignored by browsers; "
    "the real site is {site}."
)
LOOKALIKE_EMAIL = N_(
    "Real {name} email comes from {official}. This address is from {site}, a different domain."
)
LOOKALIKE_UNCONFIRMED = N_(
    "This name imitates {name}, but {site} is not a website we know belongs to {name}. "
    "Do not enter your seed phrase or send money there."
)
LOOKALIKE_FREE_MAIL = N_(
    "{address} is a free mailbox at {site} that anyone can open. Real {name} support writes "
    "only from {official}; treat this as a scam."
)
LOOKALIKE_PAGE = N_(
    "This is a page on {site}, where anyone can publish forms and pages. It uses the name "
    "{name}, but {name}'s real site is {official}. Never type your seed phrase there."
)
LOOKALIKE_HANDLE = N_(
    "Official support never messages you first. {handle} uses the name {name} but is not "
    "one of {name}'s confirmed accounts; treat it as a scam."
)
HANDLE_NO_PLATFORM = N_(
    "{handle} is {name}'s official account on {platforms}. On any other platform the same "
    "name can belong to anyone, so we can't tell from the name alone: open the account from "
    "{name}'s own website. Official support never messages you first."
)
HANDLE_NOT_LISTED = N_(
    "{handle} uses the name {name}, but we have no confirmed {name} account on this platform "
    "to compare it with, so we can't tell. Trust it only if {name}'s own website links to it; "
    "official support never messages you first."
)
HANDLE_BARE = N_(
    "{handle} uses the name {name}. Without the platform (X, Telegram …) we can't tell whose "
    "account it is: open {name}'s accounts from {name}'s own website. Official support never "
    "messages you first."
)
HANDLE_SAME_NAME = N_(
    "{handle} has the same name as {name}, but we have not confirmed it as {name}'s account. "
    "Find the official accounts on {name}'s own website. Official support never messages "
    "you first."
)
OFFICIAL_PHONE = N_(
    "{number} is listed as a support number on {name}'s own website ({official}). Even so, "
    "real support never asks for your seed phrase, private key or a fee."
)
PHONE_NONE = N_(
    "{name} has no phone support. Anyone who calls you or answers this number as {name} "
    "support is a scammer; never give them your seed phrase or money."
)
PHONE_NONE_EXCHANGE = N_(
    "{name} lists no support phone number on its official pages. Treat this number as a "
    "scam and contact {name} only through its official app or website ({official})."
)
PHONE_NOT_LISTED = N_(
    "{number} is not one of the support numbers {name} lists on its own website "
    "({official}). Treat it as a scam."
)
PHONE_ON_SITE = N_(
    "{name} shows its support number only on its own support site ({official}). Compare "
    "{number} with the number there: any other number is a scam."
)
PHONE_NO_WALLET = N_(
    "{number} is not a support number of any wallet or exchange we know. Self-custody "
    "wallets have no phone support at all, and exchanges list their real numbers on their "
    'own websites. Treat a wallet "hotline" as a scam.'
)
UNKNOWN_SITE = N_(
    "We don't know this site. It is not one of the official channels we know of; be careful "
    "and never enter your seed phrase."
)
UNKNOWN_HANDLE = N_(
    "We don't know this account. It is not one of the official accounts we know of; be "
    "careful: official support never messages you first."
)
UNKNOWN_IP = N_(
    "This address is a number (an IP address), not a named website. Wallet makers do not send "
    "people to such addresses; be very careful."
)
UNKNOWN_BAD_IDN = N_(
    "This address contains a damaged international name that browsers cannot open as written. "
    "Do not trust it."
)
UNKNOWN_TOO_LONG = N_(
    "This text is too long to be a web address, so we did not check it. Paste only the address."
)
UNKNOWN_EMPTY = N_(
    "There is nothing to check. Paste a web address, email address, account name or phone number."
)
UNKNOWN_NO_DIRECTORY = N_(
    "Our list of official channels is damaged, so we cannot check this now. Reinstalling "
    "the app restores it."
)
UNKNOWN_NOT_ADDRESS = N_(
    "This does not look like a web address, email address or account name, so we could not "
    "check it."
)
