"""More findings: advice for "I don't know", savings tiers, WEP in use.

Kept apart so :mod:`checks.checkup.catalog` stays readable; it adds these
to :data:`~checks.checkup.catalog.CATALOG`. Same rules as there: a plain
title, why it matters, numbered steps for anything that is not good.
"""

from __future__ import annotations

from checks.findings import Finding, Severity
from checks.i18n import N_

U, I, T, G = Severity.URGENT, Severity.IMPORTANT, Severity.TIP, Severity.GOOD  # noqa: E741

MORE: tuple[Finding, ...] = (
    # -- network ------------------------------------------------------------------
    Finding(
        "wifi_wep_wallet",
        "network",
        U,
        N_("This Wi-Fi uses broken WEP protection, and you use your wallet on such networks"),
        N_(
            "WEP can be cracked in minutes with free tools, so anyone nearby can join, watch"
            " what you do or send you to a fake site. It is no safer than an open network."
        ),
        (
            N_("Don't open your wallet or exchange on this network."),
            N_("Use your phone's mobile data or a trusted VPN instead."),
            N_(
                "If it is your router, switch it to WPA2 or WPA3 in its settings; if it"
                " cannot do that, replace it."
            ),
        ),
    ),
    Finding(
        "public_wifi_unknown",
        "network",
        T,
        N_("Learn to tell when you are on public Wi-Fi"),
        N_(
            "Any network whose password strangers also know counts as public: cafés, hotels,"
            " airports, trains, shops. A fake hotspot can copy the name of a real one."
        ),
        (
            N_("Before you open a wallet or exchange, look at the name of the network you are on."),
            N_(
                "If it is not your home or office network, treat it as public and use your"
                " phone's mobile data instead."
            ),
            N_("Open wallet and exchange sites only from your own bookmarks."),
        ),
    ),
    # -- two-step sign-in ------------------------------------------------------------
    Finding(
        "exchange_unknown",
        "two_factor",
        I,
        N_("Find out whether you have exchange accounts"),
        N_(
            "A forgotten exchange account with an old password is easy to take over, and it"
            " may still hold money or copies of your identity documents."
        ),
        (
            N_("Search your email for messages from exchanges (such as Binance, OKX or Coinbase)."),
            N_(
                "For each one, open the exchange's official site from a bookmark or by typing"
                " the address yourself, and sign in."
            ),
            N_("Give it its own password and turn on an authenticator app or a security key."),
            N_("If you no longer use it, withdraw what is left and close the account."),
        ),
    ),
    # -- fake apps -------------------------------------------------------------------
    Finding(
        "wallets_unknown",
        "phishing",
        T,
        N_("Find out which wallet apps you use"),
        N_(
            "A wallet's name tells you which website, app store page and support channel are"
            " the real ones. Without it, a fake app or a fake support agent is hard to spot."
        ),
        (
            N_(
                "Look through the apps on your phone and computer for wallet apps (such as"
                " imToken, TokenPocket or MetaMask)."
            ),
            N_("Make a list of your wallets' names — never put a seed phrase on it."),
            N_(
                "Find each wallet's official website once, bookmark it, and use only that"
                " bookmark for downloads and help."
            ),
        ),
    ),
    # -- savings -----------------------------------------------------------------
    Finding(
        "savings_no_hardware",
        "cold_storage",
        I,
        N_("Your savings have no offline home"),
        N_(
            "You hold a lot but have no hardware wallet. Money in apps is exposed to malware and"
            " fake apps; money left on an exchange depends on the exchange, which can be hacked,"
            " freeze withdrawals, or lose your account to a thief."
        ),
        (
            N_("Buy a hardware wallet directly from the maker's official shop, never second-hand."),
            N_("Set it up with a new seed phrase written on paper, never typed or photographed."),
            N_(
                "Send a small test amount first and check the address on the device's own"
                " screen, then move your savings."
            ),
            N_("Keep in apps and on exchanges only what you will spend or trade soon."),
        ),
    ),
    Finding(
        "hardware_wallet_tip",
        "cold_storage",
        T,
        N_("A hardware wallet is worth it as your savings grow"),
        N_(
            "With a few thousand dollars or more, a hardware wallet keeps your keys off your"
            " online phone and computer, out of reach of malware and fake apps."
        ),
        (
            N_("Buy it from the maker's official shop, never second-hand or from a market seller."),
            N_("Keep only spending money in the app and move the rest to the device."),
            N_(
                "It still signs whatever you confirm: read every approval and address on its"
                " screen before you press the button."
            ),
        ),
    ),
    Finding(
        "cold_storage_small",
        "cold_storage",
        G,
        N_("A wallet app is fine for what you hold"),
        N_(
            "For small amounts a well-protected wallet app is enough. When your savings grow,"
            " consider a hardware wallet."
        ),
    ),
    Finding(
        "hardware_wallet_unknown",
        "cold_storage",
        T,
        N_("Check whether you own a hardware wallet"),
        N_(
            "A hardware wallet is a small device, such as a Ledger or a Trezor, with its own"
            " screen and buttons, that keeps your keys offline. If you never set one up, you"
            " most likely don't have one."
        ),
        (
            N_(
                "Look for a small device with a screen that you plug in, or connect by"
                " Bluetooth, to confirm payments."
            ),
            N_(
                "If you have none, answer \u201cNo\u201d at your next checkup, and follow the"
                " advice for savings without a hardware wallet."
            ),
        ),
    ),
    Finding(
        "spending_unknown",
        "cold_storage",
        T,
        N_("Look at how often you really send crypto"),
        N_(
            "Only what you will spend in the next few weeks needs to be in a wallet app; the"
            " rest is savings and is safer offline."
        ),
        (
            N_(
                "Open your wallet app's history and see how much you sent in the last three months."
            ),
            N_("Keep about that much in the app, and the rest on a hardware wallet."),
        ),
    ),
)
