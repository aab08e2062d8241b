"""Findings for the attacks Chinese-speaking holders actually meet (issue 17).

Address poisoning, clipboard hijackers, remote-control "support", fake or
pre-set hardware wallets, and bank cards frozen after cashing out through
OTC traders (U商). Kept apart so :mod:`checks.checkup.catalog` stays
readable; it adds these to :data:`~checks.checkup.catalog.CATALOG`.
"""

from __future__ import annotations

from checks.findings import Finding, Severity
from checks.i18n import N_

U, I, T, G = Severity.URGENT, Severity.IMPORTANT, Severity.TIP, Severity.GOOD  # noqa: E741

SCENARIOS: tuple[Finding, ...] = (
    # -- sending and signing: the address you send to -----------------------------------
    Finding(
        "address_from_history",
        "signing",
        I,
        N_("Copying addresses from your history invites address poisoning"),
        N_(
            "Thieves send tiny or zero-value transfers from an address that starts and ends like"
            " one you use, so that it sits in your history. Copy from there once and your money"
            " goes to them."
        ),
        (
            N_(
                "Take the address from the recipient each time, or from your wallet's address book."
            ),
            N_("Never copy an address from your transaction history."),
            N_("For a large amount, send a small test first and ask the recipient to confirm it."),
        ),
    ),
    Finding(
        "address_not_checked",
        "signing",
        I,
        N_("Check the whole address after you paste it"),
        N_(
            "Clipboard-hijacking malware swaps the address you copied for the thief's. A look-alike"
            " address can match the first and last few characters."
        ),
        (
            N_("After pasting, compare the whole address with the source, character by character."),
            N_("With a hardware wallet, compare it on the device's own screen before you confirm."),
            N_("If an address ever changes after you paste it, stop and scan this computer."),
        ),
    ),
    Finding(
        "address_checked",
        "signing",
        G,
        N_("You take addresses from a safe place and check them"),
        N_("That stops address poisoning and clipboard hijackers."),
    ),
    # -- device: remote control -------------------------------------------------------------
    Finding(
        "remote_stranger",
        "device",
        U,
        N_("Someone else has controlled this device or seen your screen"),
        N_(
            "With remote control (向日葵, ToDesk, AnyDesk, TeamViewer) or screen sharing, a"
            " \u201csupport agent\u201d or \u201cofficer\u201d can read your seed phrase, sign"
            " transfers and leave malware behind. Real support and real police never ask for it."
        ),
        (
            N_(
                "Treat every wallet that was open or stored on this device as exposed: create a new"
                " wallet on a clean device and move your funds to it."
            ),
            N_("Uninstall the remote-control apps you don't need, and scan the device."),
            N_("Change the passwords of your email and exchange accounts from another device."),
        ),
    ),
    Finding(
        "remote_app_installed",
        "device",
        T,
        N_("Remove remote-control apps you don't need"),
        N_(
            "Scammers ask victims to install or open 向日葵, ToDesk or AnyDesk \u201cto help\u201d."
            " An app that is not there cannot be opened for them."
        ),
        (
            N_("Uninstall remote-control apps you don't use."),
            N_("Never let anyone connect or share your screen while a wallet is open."),
        ),
    ),
    # -- your hardware wallet: where it came from ----------------------------------------------
    Finding(
        "hardware_prefilled",
        "hardware",
        U,
        N_("Your hardware wallet came with a seed phrase someone else knows"),
        N_(
            "A real hardware wallet creates a new seed phrase on the device and never comes with"
            " one printed on a card or already set up. Whoever prepared it can take everything"
            " on it."
        ),
        (
            N_(
                "Buy a new device from the maker's official shop or an authorised reseller, set it"
                " up with a new seed phrase, and move your funds to it now."
            ),
            N_("Stop using the old device and its seed phrase."),
        ),
    ),
    Finding(
        "hardware_marketplace",
        "hardware",
        I,
        N_("Check that your hardware wallet is genuine"),
        N_(
            "Devices from marketplace sellers or second-hand can be tampered with, and fake ones"
            " are sold in real-looking boxes."
        ),
        (
            N_("Run the maker's own genuine check in its official app."),
            N_("Reset the device and set it up with a new seed phrase created on it."),
            N_("Next time, buy from the maker's official shop or an authorised reseller."),
        ),
    ),
    # -- cold storage: cashing out -------------------------------------------------------------
    Finding(
        "otc_cashout",
        "cold_storage",
        I,
        N_("Cashing out through OTC traders can get your bank card frozen"),
        N_(
            "Money from OTC traders (U商) and strangers may come from fraud victims. In mainland"
            " China, police then freeze the bank cards it passed through, yours included, and"
            " unfreezing can take months."
        ),
        (
            N_("Don't sell crypto to strangers or unknown OTC traders for bank transfers."),
            N_(
                "Keep records of every trade (chat, transaction hash, payment slip): police ask for"
                " them."
            ),
            N_(
                "If a card is frozen, contact the police office named by your bank; never pay"
                " anyone who offers to unfreeze it."
            ),
        ),
    ),
)
