"""The checkup's topics and questions.

Each question has a stable id (answers are stored by it), plain words, a
short "why this matters", its options, and optionally:

* ``ask_if`` — a predicate over the answers so far (skip rules);
* ``probe`` — the automatic check that proposes an answer; the user can
  always correct it, and when the probe cannot tell, the question is asked.

Every choice question offers "I don't know", which gets advice of its own.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from checks.directory import wallet_name
from checks.i18n import N_

Answers = Mapping[str, object]
DONT_KNOW = "dont_know"
SKIPPED = "skipped"


class Kind(enum.Enum):
    CHOICE = "choice"  # one option
    MULTI = "multi"  # several options (a list)
    PASSWORD = "password"  # the strength meter; the answer is the score 0..4 only
    TOTP = "totp"  # the 2FA backup test; the answer is its outcome
    SCAN = "scan"  # the scan of this computer (issue 20); the answer is its records


@dataclass(frozen=True)
class Option:
    value: str
    label: str  # N_-marked, or a brand name
    directory_id: str = ""  # a wallet or exchange: its name comes from the directory

    def text(self, translate: Callable[[str], str], language: str) -> str:
        """The label in this UI language: one name per wallet, from the directory."""
        if self.directory_id:
            return wallet_name(self.directory_id, language, self.label)
        return translate(self.label)


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    kind: Kind
    prompt: str
    why: str
    options: tuple[Option, ...] = ()
    ask_if: Callable[[Answers], bool] | None = None
    probe: str | None = None  # "wifi", "disk_encryption", "firewall", ...
    optional: bool = False  # may be left out (e.g. the password meter)

    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    def applies(self, answers: Answers) -> bool:
        return self.ask_if is None or self.ask_if(answers)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    intro: str


def _opts(*pairs: tuple[str, str], dont_know: bool = True) -> tuple[Option, ...]:
    options = [Option(value, label) for value, label in pairs]
    if dont_know:
        options.append(Option(DONT_KNOW, N_("I don't know")))
    return tuple(options)


def _wallet_opts(*ids: str) -> tuple[Option, ...]:
    """Wallets named as the directory names them (比特派, not "Bitpie", in Chinese)."""
    return tuple(Option(entry_id, entry_id, directory_id=entry_id) for entry_id in ids)


def _is(question: str, *values: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get(question) in values


def _uses_authenticator(answers: Answers) -> bool:
    keys = ("email_2fa", "exchange_2fa", "wallet_account_2fa")
    return any(answers.get(key) == "app" for key in keys)


def _seed_backed_up(answers: Answers) -> bool:
    chosen = answers.get("seed_storage")
    return isinstance(chosen, list) and bool(
        set(chosen) - {"not_backed_up", "not_sure_what", DONT_KNOW}
    )


TOPICS: tuple[Topic, ...] = (
    Topic(
        "wallets",
        N_("Your wallets"),
        N_("A few words about what you use, so we ask only what matters to you."),
    ),
    Topic("passwords", N_("Passwords"), N_("Long, unique passwords stop most account break-ins.")),
    Topic(
        "two_factor",
        N_("Two-step sign-in (2FA)"),
        N_("A second step stops a thief who has your password."),
    ),
    Topic(
        "totp_backup",
        N_("2FA backup"),
        N_("If you lose your phone, a working backup gets you back in."),
    ),
    Topic(
        "network", N_("Wi-Fi and network"), N_("Where you connect matters when you open a wallet.")
    ),
    Topic(
        "device",
        N_("This computer"),
        N_("A locked, encrypted, updated device keeps your wallet safe."),
    ),
    Topic(
        "thief",
        N_("What a thief would find on this computer"),
        N_(
            "Info-stealing malware and fake support look for seed phrases in files, fake wallet"
            " extensions and remote-control programs. This scan looks first, on this computer only."
        ),
    ),
    Topic(
        "seed",
        N_("Seed phrase backup"),
        N_("Your seed phrase is your money. How it is kept decides who can take it."),
    ),
    Topic(
        "cold_storage",
        N_("Savings and cold storage"),
        N_("Keep spending money handy and savings offline."),
    ),
    Topic(
        "hardware",
        N_("Your hardware wallet"),
        N_("It protects you only if it is genuine and you check what its own screen shows."),
    ),
    Topic(
        "phishing",
        N_("Fake apps and phishing"),
        N_("Fake apps and fake support are the most common way wallets are emptied."),
    ),
    Topic(
        "signing",
        N_("Sending and signing"),
        N_("Most thefts need one step from you: a signature, an approval or a wrong address."),
    ),
)

_2FA_OPTIONS = (
    ("none", N_("No second step")),
    ("sms", N_("A code by text message (SMS)")),
    ("app", N_("An authenticator app (e.g. Google Authenticator)")),
    ("key", N_("A security key or passkey")),
)
_VALUE_BANDS = (
    ("under_1k", N_("Under 1,000 USD (about 7,000 CNY)")),
    ("1k_10k", N_("1,000–10,000 USD (about 7,000–70,000 CNY)")),
    ("10k_100k", N_("10,000–100,000 USD (about 70,000–700,000 CNY)")),
    ("over_100k", N_("Over 100,000 USD (about 700,000 CNY)")),
)

QUESTIONS: tuple[Question, ...] = (
    # -- your wallets ---------------------------------------------------------
    Question(
        "wallets",
        "wallets",
        Kind.MULTI,
        N_("Which wallets do you use?"),
        N_("Advice and official support links differ from wallet to wallet."),
        (
            *_wallet_opts(
                "imtoken", "tokenpocket", "bitpie", "metamask", "trustwallet", "ledger", "trezor"
            ),
            *_opts(("other", N_("Another wallet"))),
        ),
    ),
    Question(
        "exchange_account",
        "wallets",
        Kind.CHOICE,
        N_("Do you have an account at an exchange (Binance, OKX, Coinbase …)?"),
        N_("An exchange account is protected by a password and 2FA, unlike a wallet app."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
    ),
    Question(
        "hardware_wallet",
        "wallets",
        Kind.CHOICE,
        N_("Do you own a hardware wallet (a small device such as Ledger or Trezor)?"),
        N_("A hardware wallet keeps your keys off the internet; it changes what we advise."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
    ),
    # -- passwords ------------------------------------------------------------
    Question(
        "password_strength",
        "passwords",
        Kind.PASSWORD,
        N_("How strong is the password you use most for crypto (exchange, email or wallet app)?"),
        N_("Type it to see an estimate. It is checked on this computer and never saved."),
        optional=True,
    ),
    Question(
        "password_reuse",
        "passwords",
        Kind.CHOICE,
        N_("Do your exchange, email and wallet app share a password?"),
        N_("When one site leaks, thieves try the same password everywhere else."),
        _opts(
            ("unique", N_("No, each has its own password")),
            ("some_reused", N_("Some of them share one")),
            ("same_everywhere", N_("I use the same password almost everywhere")),
        ),
    ),
    Question(
        "password_manager",
        "passwords",
        Kind.CHOICE,
        N_("Do you use a password manager?"),
        N_("A password manager makes long, different passwords easy."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
    ),
    # -- two-factor -----------------------------------------------------------
    Question(
        "email_2fa",
        "two_factor",
        Kind.CHOICE,
        N_("How do you sign in to your email (the one that can reset your other passwords)?"),
        N_("Whoever controls your email can reset your exchange password."),
        _opts(*_2FA_OPTIONS),
    ),
    Question(
        "exchange_2fa",
        "two_factor",
        Kind.CHOICE,
        N_("How do you sign in to your exchange account?"),
        N_("Exchange accounts are a favourite target: money can be withdrawn in minutes."),
        _opts(*_2FA_OPTIONS),
        ask_if=_is("exchange_account", "yes"),
    ),
    Question(
        "wallet_account_2fa",
        "two_factor",
        Kind.CHOICE,
        N_("Does your wallet app have an online account or cloud backup with a login?"),
        N_("A cloud backup of a wallet is only as safe as the account that holds it."),
        _opts(("no_account", N_("No, it has no online account")), *_2FA_OPTIONS),
    ),
    Question(
        "carrier_pin",
        "two_factor",
        Kind.CHOICE,
        N_("Have you set a PIN with your mobile carrier against SIM swaps and number transfers?"),
        N_("With a copy of your SIM, a thief receives your SMS codes."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
    ),
    # -- what a thief would find (issue 20) ----------------------------------------
    Question(
        "thief_scan",
        "thief",
        Kind.SCAN,
        N_("What would a thief find on this computer?"),
        N_(
            "The scan reads your own files and settings here, offline. It keeps only where it"
            " found something and what kind of thing, never the words or keys themselves, and it"
            " changes nothing."
        ),
        optional=True,
    ),
    # -- 2FA backup -----------------------------------------------------------
    Question(
        "totp_backup",
        "totp_backup",
        Kind.TOTP,
        N_("Does your authenticator backup really work?"),
        N_(
            "Paste the backup (otpauth:// link or secret) and type the code your phone shows now."
            " Nothing you paste is saved."
        ),
        _opts(
            ("works", N_("My backup works")),
            ("failed", N_("My backup did not work")),
            ("no_backup", N_("I have no backup of my 2FA")),
            dont_know=False,
        ),
        ask_if=_uses_authenticator,
        optional=True,
    ),
    # -- network --------------------------------------------------------------
    Question(
        "wifi_security",
        "network",
        Kind.CHOICE,
        N_("How is the Wi-Fi this computer uses protected?"),
        N_("On an open network, others nearby can watch or redirect what you do."),
        _opts(
            ("open", N_("No password (open)")),
            ("wep", N_("WEP (very old, broken in minutes)")),
            ("wpa", N_("WPA (old, weak)")),
            ("wpa2", N_("WPA2 (most home Wi-Fi: safe with a long password)")),
            ("wpa3", N_("WPA3 (newest, strongest)")),
            ("enterprise", N_("Work or school login (802.1X: your own name and password)")),
            ("wired", N_("Not on Wi-Fi (cable or phone)")),
        ),
        probe="wifi",
    ),
    Question(
        "public_wifi",
        "network",
        Kind.CHOICE,
        N_("Do you open your wallet or exchange on public Wi-Fi (cafés, airports, hotels)?"),
        N_("Public hotspots can be fakes set up to send you to look-alike sites."),
        _opts(("never", N_("Never")), ("sometimes", N_("Sometimes")), ("often", N_("Often"))),
    ),
    Question(
        "vpn",
        "network",
        Kind.CHOICE,
        N_("When you are on public Wi-Fi, do you use a trusted VPN?"),
        N_("A VPN hides your traffic from the hotspot; it does not make a fake site real."),
        _opts(("always", N_("Always")), ("sometimes", N_("Sometimes")), ("never", N_("Never"))),
        ask_if=_is("public_wifi", "sometimes", "often"),
    ),
    # -- device ---------------------------------------------------------------
    Question(
        "disk_encryption",
        "device",
        Kind.CHOICE,
        N_("Is this computer's disk encrypted (FileVault, BitLocker, LUKS)?"),
        N_("Without it, anyone who takes the computer can read your files."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
        probe="disk_encryption",
    ),
    Question(
        "firewall",
        "device",
        Kind.CHOICE,
        N_("Is the firewall on?"),
        N_("A firewall blocks unwanted connections from the network."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
        probe="firewall",
    ),
    Question(
        "screen_lock",
        "device",
        Kind.CHOICE,
        N_("Does the screen lock itself with a password after a few minutes?"),
        N_("An unlocked computer left alone is an open wallet."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
        probe="screen_lock",
    ),
    Question(
        "os_updates",
        "device",
        Kind.CHOICE,
        N_("How does this computer get system updates?"),
        N_("Updates close the holes that malware uses to steal wallets."),
        _opts(
            ("automatic", N_("Automatically")),
            ("manual", N_("I install them myself, soon after they come")),
            ("behind", N_("I often put them off")),
        ),
        probe="os_updates",
    ),
    Question(
        "remote_control",
        "device",
        Kind.CHOICE,
        N_(
            "Has anyone controlled this computer or your phone remotely, or watched your screen"
            " (向日葵, ToDesk, AnyDesk, TeamViewer, screen sharing)?"
        ),
        N_("Fake support agents and fake police ask victims to install these apps."),
        _opts(
            ("never", N_("No, and no such app is installed")),
            ("installed", N_("Such an app is installed, but only people I know have used it")),
            ("stranger", N_("Yes: a support agent, an official or a stranger")),
        ),
    ),
    # -- seed phrase ----------------------------------------------------------
    Question(
        "seed_storage",
        "seed",
        Kind.MULTI,
        N_("How is your seed phrase (recovery words) kept? Choose all that apply."),
        N_("Anyone who sees these words can take everything in the wallet."),
        _opts(
            ("paper", N_("Written on paper")),
            ("metal", N_("Stamped on metal")),
            ("photo", N_("A photo or screenshot")),
            ("cloud_note", N_("A cloud note or document")),
            ("chat", N_("Sent in a chat message")),
            ("email", N_("In an email")),
            ("password_manager", N_("In a password manager")),
            ("not_backed_up", N_("It is not written down anywhere")),
            ("not_sure_what", N_("I'm not sure what a seed phrase is")),
            dont_know=False,
        ),
    ),
    Question(
        "seed_copies",
        "seed",
        Kind.CHOICE,
        N_("How many copies exist, and where?"),
        N_("One copy can burn or get lost; copies in one place can be found together."),
        _opts(
            ("one", N_("One copy")),
            ("same_place", N_("Several copies in the same place")),
            ("separate_places", N_("Copies in two or more safe places")),
        ),
        ask_if=_seed_backed_up,
    ),
    Question(
        "seed_exposed",
        "seed",
        Kind.CHOICE,
        N_("Have you ever typed your seed phrase into a website or given it to anyone?"),
        N_("Real support never asks for it. Once shared, it must be treated as stolen."),
        _opts(
            ("never", N_("Never")),
            ("website", N_("I typed it into a website or an app I was sent")),
            ("person", N_("I gave it to someone (even 'support')")),
        ),
    ),
    # -- cold storage ---------------------------------------------------------
    Question(
        "total_value",
        "cold_storage",
        Kind.CHOICE,
        N_("About how much crypto do you hold in total?"),
        N_("The more you hold, the more it is worth keeping savings offline."),
        _opts(*_VALUE_BANDS),
    ),
    Question(
        "hot_value",
        "cold_storage",
        Kind.CHOICE,
        N_("About how much of it is in wallet apps on your phone or computer?"),
        N_("Apps on a device that goes online are 'hot': convenient, but more exposed."),
        _opts(*_VALUE_BANDS),
    ),
    Question(
        "spending",
        "cold_storage",
        Kind.CHOICE,
        N_("How often do you send or spend crypto?"),
        N_("Only what you spend often needs to be in a hot wallet."),
        _opts(
            ("daily", N_("Every day or week")),
            ("monthly", N_("A few times a month")),
            ("rarely", N_("Rarely: it is savings")),
        ),
    ),
    Question(
        "cashout",
        "cold_storage",
        Kind.CHOICE,
        N_("How do you turn crypto into money?"),
        N_(
            "Money from OTC traders may come from fraud victims; the bank cards it passes"
            " through can be frozen."
        ),
        _opts(
            ("never", N_("I don't, or only on a licensed exchange in my country")),
            ("otc", N_("Through OTC traders (U商) or strangers paying into my bank card")),
        ),
    ),
    Question(
        "extra_protection",
        "cold_storage",
        Kind.CHOICE,
        N_("Do your savings use a passphrase (25th word) or a multisig wallet?"),
        N_("With large savings, one stolen seed phrase should not be enough to take them."),
        _opts(("yes", N_("Yes")), ("no", N_("No"))),
        ask_if=_is("total_value", "over_100k"),
    ),
    Question(
        "inheritance",
        "cold_storage",
        Kind.CHOICE,
        N_("Would your family know how to reach your crypto if something happened to you?"),
        N_("Without a written plan, savings can be lost for good."),
        _opts(("yes", N_("Yes, there is a written plan")), ("no", N_("No"))),
        ask_if=_is("total_value", "10k_100k", "over_100k"),
    ),
    # -- your hardware wallet (asked only of those who have one) ----------------
    Question(
        "verify_on_device",
        "hardware",
        Kind.CHOICE,
        N_("Before you confirm, do you check the address on the hardware wallet's own screen?"),
        N_("Malware can change the address on your computer; the device's screen shows the truth."),
        _opts(("yes", N_("Yes, every time")), ("no", N_("Not always"))),
        ask_if=_is("hardware_wallet", "yes"),
    ),
    Question(
        "hardware_source",
        "hardware",
        Kind.CHOICE,
        N_("Where did your hardware wallet come from, and how was it set up?"),
        N_("Fake and tampered devices are sold online, some with a seed phrase already set."),
        _opts(
            ("official", N_("From the maker or an authorised reseller; I created a new seed on it")),
            ("marketplace", N_("From a marketplace seller (淘宝, 闲鱼, eBay …) or second-hand")),
            ("prefilled", N_("It came with a seed phrase card, or was already set up")),
        ),
        ask_if=_is("hardware_wallet", "yes"),
    ),
    # -- phishing -------------------------------------------------------------
    Question(
        "install_source",
        "phishing",
        Kind.CHOICE,
        N_("Where did you install your wallet app from?"),
        N_("Fake wallet apps spread through search results and 'customer service' links."),
        _opts(
            ("official", N_("The official app store or the wallet's official website")),
            ("search", N_("A website I found by searching")),
            ("link", N_("A link or file someone sent me")),
        ),
    ),
    Question(
        "bookmarks",
        "phishing",
        Kind.CHOICE,
        N_("Do you open exchange and wallet websites only from your own bookmarks?"),
        N_("Look-alike sites buy ads at the top of search results."),
        _opts(("yes", N_("Yes")), ("no", N_("No, I search or click links"))),
    ),
    Question(
        "support_contact",
        "phishing",
        Kind.CHOICE,
        N_("When you need help, how do you contact a wallet's support?"),
        N_("Fake 'support' accounts answer people who search or post in public."),
        _opts(
            ("official", N_("Only from the help page in the app or the official site")),
            ("search_social", N_("Through search results, social media or chat groups")),
            ("never", N_("I have never needed to")),
        ),
    ),
    # -- sending and signing --------------------------------------------------
    Question(
        "approvals",
        "signing",
        Kind.CHOICE,
        N_("When did you last review your token approvals (permissions you gave to websites)?"),
        N_("An old approval lets a website move those tokens at any time, without asking again."),
        _opts(
            ("recent", N_("In the last three months")),
            ("long_ago", N_("Longer ago")),
            ("never", N_("Never")),
            ("not_used", N_("I don't use websites (dapps) with my wallet")),
            ("what_is_that", N_("I don't know what that is")),
            dont_know=False,
        ),
    ),
    Question(
        "blind_signing",
        "signing",
        Kind.CHOICE,
        N_("Have you confirmed a signature or approval in your wallet without understanding it?"),
        N_("Many thefts start with one signature on a fake airdrop or mint page."),
        _opts(("never", N_("Never")), ("sometimes", N_("Sometimes"))),
    ),
    Question(
        "address_source",
        "signing",
        Kind.CHOICE,
        N_("When you send crypto, where do you take the address from?"),
        N_("Thieves plant look-alike addresses in your history (address poisoning)."),
        _opts(
            ("fresh", N_("From the recipient each time, or from my address book")),
            ("history", N_("I copy it from my recent transactions")),
        ),
    ),
    Question(
        "address_check",
        "signing",
        Kind.CHOICE,
        N_("After you paste an address, how much of it do you check?"),
        N_("Malware can swap the address you copied for a look-alike one."),
        _opts(
            ("whole", N_("The whole address")),
            ("ends", N_("The first and last few characters")),
            ("none", N_("I don't check it")),
        ),
    ),
)

BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}
TOPIC_IDS: tuple[str, ...] = tuple(topic.id for topic in TOPICS)
TOPICS_BY_ID: dict[str, Topic] = {topic.id: topic for topic in TOPICS}


BANDS: tuple[str, ...] = tuple(value for value, _label in _VALUE_BANDS)
HOT_OVER_TOTAL = N_(
    "The amount in wallet apps cannot be more than your total. Please check both answers."
)


def conflicts(answers: Answers) -> dict[str, str]:
    """Answers that cannot both be true: the question to fix -> what to say."""
    hot, total = answers.get("hot_value"), answers.get("total_value")
    if hot in BANDS and total in BANDS and BANDS.index(str(hot)) > BANDS.index(str(total)):
        return {"hot_value": HOT_OVER_TOTAL}
    return {}


def questions_of(topic: str) -> tuple[Question, ...]:
    return tuple(question for question in QUESTIONS if question.topic == topic)
