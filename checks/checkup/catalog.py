"""Every finding the checkup can report, by stable id.

Runs store finding ids, so an old run shows in the current language and
wording. Advice follows current guidance: long unique passwords and a
manager (NIST SP 800-63B), no forced periodic changes; a stolen seed
phrase means a new wallet, never "restoring" the old one.
"""

from __future__ import annotations

from checks.checkup.catalog_more import MORE
from checks.checkup.catalog_scenarios import SCENARIOS
from checks.findings import Finding, Link, Severity
from checks.i18n import N_
from checks.scan.findings import checkup_findings as scan_findings

U, I, T, G = Severity.URGENT, Severity.IMPORTANT, Severity.TIP, Severity.GOOD  # noqa: E741

NIST = Link(
    N_("NIST SP 800-63B: password guidance"), "https://pages.nist.gov/800-63-4/sp800-63b.html"
)
REVOKE = Link(N_("Revoke.cash: see and revoke token approvals"), "https://revoke.cash/")
ETHERSCAN_APPROVALS = Link(
    N_("Etherscan token approval checker"), "https://etherscan.io/tokenapprovalchecker"
)

_ALL: list[Finding] = []


def _f(
    id: str,
    topic: str,
    severity: Severity,
    title: str,
    why: str,
    steps: tuple[str, ...] = (),
    links: tuple[Link, ...] = (),
) -> None:
    _ALL.append(Finding(id, topic, severity, title, why, steps, links))


# -- passwords ------------------------------------------------------------------
_f(
    "password_weak",
    "passwords",
    I,
    N_("Your password is easy to guess"),
    N_(
        "A password like this falls in minutes to a thief who tries common passwords and their variations. Names in pinyin, birthdays and numbers like 520 or 1314 are tried first."
    ),
    (
        N_(
            "Make a new password of four or more unrelated words, or let a password manager make one."
        ),
        N_("Change it first on your email, then on your exchange."),
        N_("Use it for this one account only."),
    ),
    (NIST,),
)
_f(
    "password_fair",
    "passwords",
    T,
    N_("Your password could be longer"),
    N_("Length beats tricks like '@' for 'a'. A few more words make it much harder to guess."),
    (N_("Add one or two more unrelated words, or let a password manager make a long one."),),
    (NIST,),
)
_f(
    "password_strong",
    "passwords",
    G,
    N_("Your password is strong"),
    N_(
        "Keep it unique to this account. There is no need to change it on a schedule, only if it may have leaked."
    ),
)
_f(
    "password_same_everywhere",
    "passwords",
    U,
    N_("One password opens everything"),
    N_(
        "Sites leak passwords all the time. Thieves try a leaked password on email and exchanges within hours."
    ),
    (
        N_("Today, give your email account its own new, long password."),
        N_("Then your exchange accounts, each with a different password."),
        N_("Use a password manager so you don't have to remember them."),
    ),
    (NIST,),
)
_f(
    "password_some_reused",
    "passwords",
    I,
    N_("Some accounts share a password"),
    N_("If one of them leaks, the others open too."),
    (
        N_("Give your email and each exchange a password of its own, starting with email."),
        N_("A password manager keeps track of them for you."),
    ),
    (NIST,),
)
_f(
    "password_unique",
    "passwords",
    G,
    N_("Each account has its own password"),
    N_("A leak at one site cannot open the others."),
)
_f(
    "password_reuse_unknown",
    "passwords",
    T,
    N_("Find out whether you reuse passwords"),
    N_("Most people reuse without noticing, and it is the most common way accounts are taken."),
    (
        N_("Look at how you sign in to your email, your exchange and your wallet app."),
        N_("If any two share a password, change one of them, starting with email."),
    ),
)
_f(
    "no_password_manager",
    "passwords",
    T,
    N_("A password manager would make this easy"),
    N_(
        "It remembers a different long password for every site and only fills it in on the real site."
    ),
    (
        N_("Choose a well-known password manager, or the one built into your phone or browser."),
        N_("Protect it with one long passphrase you remember, and turn on its 2FA."),
        N_("Never store your seed phrase in it together with your passwords."),
    ),
    (NIST,),
)
_f(
    "password_manager",
    "passwords",
    G,
    N_("You use a password manager"),
    N_("It makes unique passwords easy and helps you avoid look-alike sites."),
)

# -- two-step sign-in ---------------------------------------------------------------
_f(
    "email_no_2fa_exchange",
    "two_factor",
    U,
    N_("Your email has no second step, and it can reset your exchange"),
    N_("Whoever gets into your email can reset your exchange password and withdraw your coins."),
    (
        N_("Open your email account's security settings today."),
        N_("Turn on 2-step verification with an authenticator app or a security key."),
        N_("Save the backup codes on paper, away from your computer."),
    ),
)
_f(
    "email_no_2fa",
    "two_factor",
    I,
    N_("Your email has no second step"),
    N_("Your email can reset most of your other accounts."),
    (
        N_("Turn on 2-step verification with an authenticator app or a security key."),
        N_("Save the backup codes on paper."),
    ),
)
_f(
    "email_sms_2fa",
    "two_factor",
    I,
    N_("Your email's second step is a text message"),
    N_(
        "Text messages can be stolen with a SIM swap: a thief talks your carrier into moving your number."
    ),
    (
        N_("Switch your email's 2-step verification to an authenticator app or a security key."),
        N_("Then remove the phone number as a sign-in method if the service allows it."),
    ),
)
_f(
    "exchange_no_2fa",
    "two_factor",
    U,
    N_("Your exchange account has no second step"),
    N_("With only a password, a leaked or guessed password is enough to empty the account."),
    (
        N_("Sign in to the exchange through its official app or your bookmark."),
        N_("Turn on 2FA with an authenticator app or a security key."),
        N_("Also turn on the withdrawal address allow-list if the exchange offers one."),
    ),
)
_f(
    "exchange_sms_2fa",
    "two_factor",
    I,
    N_("Your exchange uses text-message codes"),
    N_("SIM-swap thieves target exchange users: your codes go to their phone."),
    (
        N_("Switch the exchange's 2FA to an authenticator app or a security key."),
        N_("Ask your carrier for a port-out PIN as well."),
    ),
)
_f(
    "wallet_account_no_2fa",
    "two_factor",
    I,
    N_("Your wallet's online account has no second step"),
    N_("If it holds a backup of your wallet, that account is as valuable as the wallet."),
    (
        N_("Turn on 2FA for that account with an authenticator app."),
        N_("Check that your backup there is protected by a strong password of its own."),
    ),
)
_f(
    "wallet_account_sms_2fa",
    "two_factor",
    T,
    N_("Your wallet's online account uses text-message codes"),
    N_("An authenticator app or a security key cannot be stolen with a SIM swap."),
    (N_("Switch that account's 2FA to an authenticator app if it offers one."),),
)
_f(
    "strong_2fa",
    "two_factor",
    G,
    N_("Your accounts use a strong second step"),
    N_("An authenticator app or a security key stops a thief who has your password."),
)
_f(
    "twofa_unknown",
    "two_factor",
    T,
    N_("Check how your accounts are protected"),
    N_("You can't protect what you don't know about; it takes two minutes to check."),
    (
        N_("Open the security settings of your email and your exchange."),
        N_("Look for '2-step verification' or '2FA' and see which method is on."),
    ),
)
_f(
    "carrier_pin_missing",
    "two_factor",
    I,
    N_("Protect your phone number against SIM swaps"),
    N_(
        "You receive sign-in codes by text message; a thief who moves your number receives them instead."
    ),
    (
        N_("Call your mobile carrier or visit a store with your ID."),
        N_(
            "Ask for a PIN or password that is required before your number can be moved or a new SIM issued."
        ),
    ),
)
_f(
    "carrier_pin_tip",
    "two_factor",
    T,
    N_("A carrier PIN adds a lock to your phone number"),
    N_("Many accounts can still be reset through your number."),
    (
        N_(
            "Ask your mobile carrier for a PIN needed before your number is moved or a new SIM is issued."
        ),
    ),
)

# -- 2FA backup ------------------------------------------------------------------
_f(
    "totp_backup_works",
    "totp_backup",
    G,
    N_("Your 2FA backup works"),
    N_("If your phone is lost, you can still sign in. Keep the backup offline."),
)
_f(
    "totp_backup_failed",
    "totp_backup",
    I,
    N_("Your 2FA backup does not work"),
    N_("If you lose your phone now, you may be locked out of the account."),
    (
        N_("While you can still sign in, open the account's 2FA settings."),
        N_("Set up 2FA again and write down the new secret or backup codes on paper."),
        N_("Test the new backup here before you rely on it."),
    ),
)
_f(
    "totp_no_backup",
    "totp_backup",
    I,
    N_("Your 2FA has no backup"),
    N_("A lost or broken phone would lock you out, and account recovery can take weeks."),
    (
        N_("Open the account's 2FA settings and save the backup codes on paper."),
        N_("Or set up 2FA again and keep a copy of the secret offline."),
    ),
)

# -- network ------------------------------------------------------------------------
_f(
    "wifi_open_wallet",
    "network",
    U,
    N_("You are on an open Wi-Fi and use your wallet on such networks"),
    N_("On a network without a password, anyone nearby can watch, or send you to a fake site."),
    (
        N_("Don't open your wallet or exchange on this network."),
        N_("Use your phone's mobile data or a trusted VPN instead."),
        N_("At home, set a WPA2 or WPA3 password on your router."),
    ),
)
_f(
    "wifi_open",
    "network",
    I,
    N_("This computer is on a Wi-Fi without protection"),
    N_("Others nearby may see or redirect your traffic."),
    (
        N_("Avoid opening your wallet or exchange on this network."),
        N_("If it is your own router, turn on WPA2 or WPA3 with a long password."),
    ),
)
_f(
    "wifi_old",
    "network",
    I,
    N_("This Wi-Fi uses old, weak protection"),
    N_("WEP and the first WPA can be broken with free tools."),
    (
        N_("If it is your router, switch it to WPA2 or WPA3 in its settings."),
        N_("Until then, treat it like public Wi-Fi."),
    ),
)
_f(
    "wifi_good",
    "network",
    G,
    N_("Your Wi-Fi connection is protected"),
    N_("The network uses modern protection."),
)
_f(
    "wifi_unknown",
    "network",
    T,
    N_("Check how your Wi-Fi is protected"),
    N_("Your router's settings page or the Wi-Fi details on this computer show it."),
    (
        N_("Open the Wi-Fi details of the network you are on."),
        N_("Look for WPA2 or WPA3. 'Open', 'None' or 'WEP' mean it is not protected."),
    ),
)
_f(
    "public_wifi_no_vpn",
    "network",
    I,
    N_("You use your wallet on public Wi-Fi without a VPN"),
    N_("Fake hotspots and captive portals can lead you to look-alike sites."),
    (
        N_("Prefer your phone's mobile data for anything involving money."),
        N_("If you must use public Wi-Fi, use a trusted VPN and open sites from your bookmarks."),
    ),
)
_f(
    "public_wifi_some",
    "network",
    T,
    N_("Be careful with public Wi-Fi"),
    N_("A VPN helps, but it cannot make a fake site real."),
    (
        N_("Open wallet and exchange sites only from your bookmarks."),
        N_("Never enter a seed phrase on any page that appears while you are online."),
    ),
)

# -- device ---------------------------------------------------------------------------
_f(
    "disk_not_encrypted",
    "device",
    I,
    N_("This computer's disk is not encrypted"),
    N_("If the computer is lost or stolen, everything on it, wallet files included, can be read."),
    (
        N_("Windows: Settings → Privacy & security → Device encryption (or BitLocker)."),
        N_("Mac: System Settings → Privacy & Security → FileVault → Turn On."),
        N_("Linux: encryption is chosen when installing; plan a reinstall with encryption."),
        N_("Write down the recovery key and keep it away from the computer."),
    ),
)
_f(
    "disk_unknown",
    "device",
    T,
    N_("Find out whether your disk is encrypted"),
    N_("It decides whether a stolen computer means stolen files."),
    (
        N_("Windows: Settings → Privacy & security → Device encryption shows 'On' or 'Off'."),
        N_("Mac: System Settings → Privacy & Security → FileVault."),
    ),
)
_f(
    "firewall_off",
    "device",
    T,
    N_("The firewall is off"),
    N_("It blocks unwanted connections, especially on public networks."),
    (
        N_("Windows: Settings → Privacy & security → Windows Security → Firewall."),
        N_("Mac: System Settings → Network → Firewall."),
    ),
)
_f(
    "no_screen_lock",
    "device",
    I,
    N_("The screen does not lock by itself"),
    N_("Anyone who sits down at an unlocked computer can open your wallet."),
    (
        N_("Set the screen to lock after 5 minutes or less, with a password."),
        N_(
            "Lock it yourself when you step away: Windows key + L, or Control + Command + Q on a Mac."
        ),
    ),
)
_f(
    "updates_behind",
    "device",
    I,
    N_("System updates are put off"),
    N_("Wallet-stealing malware uses holes that updates have already closed."),
    (
        N_("Install the waiting updates today."),
        N_("Turn on automatic updates for the system and your browser."),
    ),
)
_f(
    "updates_manual",
    "device",
    T,
    N_("Consider automatic updates"),
    N_("It is easy to miss one; automatic updates close holes within days."),
    (N_("Turn on automatic updates in your system settings."),),
)
_f(
    "device_good",
    "device",
    G,
    N_("This computer is locked, encrypted and up to date"),
    N_("A lost or stolen computer won't give away your wallet."),
)
_f(
    "device_unknown",
    "device",
    T,
    N_("Check this computer's security settings"),
    N_("Screen lock, firewall and updates take a few minutes to check."),
    (N_("Open your system settings and look for screen lock, firewall and updates."),),
)

# -- seed phrase -----------------------------------------------------------------------
_f(
    "seed_digital",
    "seed",
    U,
    N_("Your seed phrase is stored online or in a photo"),
    N_("Photos, cloud notes, chats and emails are synced and scanned; many thefts start there."),
    (
        N_(
            "If the wallet holds money, create a new wallet with a new seed phrase and move everything to it."
        ),
        N_("Write the new seed phrase on paper (or metal); never photograph or type it."),
        N_(
            "Then delete the old photos, notes and messages, including from 'recently deleted' and backups."
        ),
    ),
)
_f(
    "seed_in_password_manager",
    "seed",
    I,
    N_("Your seed phrase is in a password manager"),
    N_(
        "It is encrypted there, but it is online: one stolen master password gives away your coins."
    ),
    (
        N_("Keep the seed phrase on paper or metal, offline."),
        N_(
            "If you keep it in the manager anyway, protect the manager with a long passphrase and 2FA."
        ),
    ),
)
_f(
    "seed_not_backed_up",
    "seed",
    U,
    N_("Your seed phrase is not written down"),
    N_("If your phone breaks or is lost, the coins are gone for good. Nobody can restore them."),
    (
        N_("Open your wallet's backup option (often 'Back up wallet' or 'Export mnemonic')."),
        N_("Write the words on paper in order, with no one watching and no camera nearby."),
        N_("Check the spelling, and keep the paper in a safe place at home."),
    ),
)
_f(
    "seed_what_is_it",
    "seed",
    I,
    N_("Learn what your seed phrase is"),
    N_("The 12 or 24 recovery words are the wallet itself: whoever has them owns the coins."),
    (
        N_(
            "Your wallet app showed these words when you created the wallet; you can view them again in its backup option."
        ),
        N_(
            "Write them on paper and keep them safe; never type them into a website or give them to anyone."
        ),
    ),
)
_f(
    "seed_offline",
    "seed",
    G,
    N_("Your seed phrase is kept offline"),
    N_("Paper or metal cannot be hacked. Keep it where fire and curious visitors can't reach it."),
)
_f(
    "seed_one_copy",
    "seed",
    T,
    N_("You have one copy of your seed phrase"),
    N_("A fire, a flood or a move can destroy a single copy."),
    (N_("Make a second copy and keep it in another safe place you trust."),),
)
_f(
    "seed_same_place",
    "seed",
    T,
    N_("All copies of your seed phrase are in one place"),
    N_("One fire or one burglar can take all of them at once."),
    (N_("Keep one copy somewhere else you trust."),),
)
_f(
    "seed_copies_unknown",
    "seed",
    T,
    N_("Know where every copy of your seed phrase is"),
    N_("A copy you have forgotten is a copy someone else may find."),
    (
        N_("Find each copy and keep them in places only you and people you trust can reach."),
        N_("Destroy copies you no longer need, completely."),
    ),
)
_f(
    "seed_exposure_unknown",
    "seed",
    I,
    N_("Think back: was your seed phrase ever typed or shared?"),
    N_(
        "If it was typed into any website, app you were sent, or given to 'support', it must be treated as stolen."
    ),
    (
        N_(
            "If you are not sure, the safe way is a new wallet with a new seed phrase; move your coins there."
        ),
    ),
)
_f(
    "seed_exposed",
    "seed",
    U,
    N_("Your seed phrase has been shared"),
    N_(
        "Anyone who saw it can empty the wallet at any moment. Changing the app's password does not help."
    ),
    (
        N_("On a clean device, create a new wallet with a new seed phrase."),
        N_("Move everything to it now: tokens first, then the coin used for fees."),
        N_("Never use the old wallet again."),
    ),
)

# -- savings and cold storage ------------------------------------------------------------
_f(
    "hot_savings_no_hardware",
    "cold_storage",
    I,
    N_("A lot of money sits in a hot wallet"),
    N_(
        "An app on an online phone or computer is exposed to malware and fake apps. Savings are safer offline."
    ),
    (
        N_("Keep only spending money in the app."),
        N_("Buy a hardware wallet directly from the maker's official shop, never second-hand."),
        N_("Set it up with a new seed phrase written on paper, then move your savings to it."),
    ),
)
_f(
    "hot_savings_with_hardware",
    "cold_storage",
    I,
    N_("Your savings are in a hot wallet although you own a hardware wallet"),
    N_("The hardware wallet only protects what is on it."),
    (
        N_("Move the money you don't spend soon to the hardware wallet."),
        N_("Check the receiving address on the device's screen before you send."),
    ),
)
_f(
    "extra_protection",
    "cold_storage",
    T,
    N_("Consider a passphrase or multisig for large savings"),
    N_("Then one found or photographed seed phrase is not enough to take your savings."),
    (
        N_("Read your hardware wallet maker's guide to the passphrase (25th word) or to multisig."),
        N_("Practise recovery with a small amount first; a forgotten passphrase cannot be reset."),
    ),
)
_f(
    "inheritance_plan",
    "cold_storage",
    T,
    N_("Write down a plan for your family"),
    N_("Without one, your savings may be lost for good if something happens to you."),
    (
        N_("Write where the wallets are and whom to ask for help — not the seed phrase itself."),
        N_("Keep the plan with your important papers, and tell someone you trust where it is."),
    ),
)
_f(
    "cold_storage_good",
    "cold_storage",
    G,
    N_("Your savings are stored sensibly"),
    N_("Spending money in the app, savings offline."),
)
_f(
    "value_unknown",
    "cold_storage",
    T,
    N_("Know roughly what each wallet holds"),
    N_("It tells you which wallets need the most protection."),
    (N_("Open each wallet and note its rough value; keep the note offline."),),
)

# -- your hardware wallet (where it came from: catalog_scenarios) ----------------------
_f(
    "verify_on_device",
    "hardware",
    I,
    N_("Check addresses on the hardware wallet's screen"),
    N_("Malware can swap the address on your computer; only the device's screen can be trusted."),
    (
        N_(
            "Before confirming, compare the whole address on the device's screen with the one you meant."
        ),
        N_("If they differ, cancel."),
    ),
)

# -- phishing and fake apps ---------------------------------------------------------------
_f(
    "install_unofficial",
    "phishing",
    U,
    N_("Your wallet app may not be the real one"),
    N_(
        "Fake wallet apps look identical and send your seed phrase to thieves. They spread through search results and links."
    ),
    (
        N_(
            "Find the wallet's official website (use the 'Check a link' tool or the official app store)."
        ),
        N_(
            "Install the app from there on a clean device and create a NEW wallet with a new seed phrase."
        ),
        N_("Move your coins from the old wallet to the new one, then delete the old app."),
    ),
)
_f(
    "install_unknown",
    "phishing",
    I,
    N_("Check that your wallet app is the official one"),
    N_("Fake apps are the most common cause of stolen wallets."),
    (
        N_("Compare the app's publisher in your app store with the wallet's official website."),
        N_("If in doubt, reinstall from the official source and move your coins to a new wallet."),
    ),
)
_f(
    "install_official",
    "phishing",
    G,
    N_("Your wallet app comes from an official source"),
    N_("Keep updating it only through the store or the official site."),
)
_f(
    "no_bookmarks",
    "phishing",
    I,
    N_("Use bookmarks for money sites"),
    N_("Look-alike sites pay to appear first in search results."),
    (
        N_(
            "Bookmark the official sites of your exchange and wallets once, after checking the address."
        ),
        N_("From now on, open them only from your bookmarks."),
    ),
)
_f(
    "support_unofficial",
    "phishing",
    U,
    N_("You contact support through search or social media"),
    N_(
        "Fake 'support' accounts wait for people asking for help, then ask for the seed phrase or a fee."
    ),
    (
        N_("Only use the help page inside the app or on the official website."),
        N_("Real support never messages you first and never asks for your seed phrase."),
    ),
)
_f(
    "phishing_good",
    "phishing",
    G,
    N_("Your habits keep fake sites and fake support away"),
    N_("Official apps, bookmarks and official help channels."),
)

# -- sending and signing (the address you send to: catalog_scenarios) ------------------
_f(
    "approvals_stale",
    "signing",
    I,
    N_("Review your token approvals"),
    N_("An approval you gave a website long ago still lets it move those tokens."),
    (
        N_("Open an approval checker such as Revoke.cash or your block explorer's approval page."),
        N_(
            "Connect in read-only mode or paste your address, and look for approvals you don't recognise."
        ),
        N_("Revoke those. Each revoke is a transaction and costs a small network fee."),
    ),
    (REVOKE, ETHERSCAN_APPROVALS),
)
_f(
    "approvals_explained",
    "signing",
    T,
    N_("What a token approval is"),
    N_(
        "When you use a website (dapp), your wallet may give it permission to move a token. That permission stays until you revoke it."
    ),
    (
        N_("If you have used dapps, check your approvals with an approval checker."),
        N_("Revoke what you don't use; each revoke costs a small network fee."),
    ),
    (REVOKE,),
)
_f(
    "blind_signing",
    "signing",
    I,
    N_("Don't sign what you don't understand"),
    N_("A single signature on a fake page can give away all of one token, or more."),
    (
        N_("Read what the wallet says you are approving, and to which address."),
        N_(
            "If it asks for 'unlimited' approval, 'setApprovalForAll' or a 'permit' you didn't expect, cancel."
        ),
        N_("Use a separate wallet with little money for new sites."),
    ),
)

_ALL.extend(MORE)  # "I don't know", savings tiers, WEP in use (kept in their own module)
_ALL.extend(SCENARIOS)  # address poisoning, remote control, hardware wallets, OTC cash-out
_ALL.extend(scan_findings())  # what a thief would find (issue 20; kept in checks.scan)
CATALOG: dict[str, Finding] = {finding.id: finding for finding in _ALL}
assert len(CATALOG) == len(_ALL), "duplicate finding id"
