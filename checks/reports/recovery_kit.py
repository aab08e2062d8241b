"""The recovery kit: one or two pages to print *before* anything happens.

A person who has just been robbed is in no state to search the web, and the
web is where fake "support" waits for them. The kit puts on paper, ahead of
time: the first steps of the panic plan in order, the official sites and
support channels of the wallets they use (with the date each was checked),
where to report in their region, people to call, and boxes to write the
facts in by hand when it happens. It works with no saved data at all and
holds no secret: it only names wallets, never addresses or keys.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from checks import __version__
from checks.directory import SupportEntry, load_directory
from checks.i18n import N_, msg
from checks.panic.lockdown import plan
from checks.reporting import (
    CHECK_BEFORE_USE,
    KIND_LABELS,
    METHOD_LABELS,
    Body,
    default_region,
    load_reporting,
)
from checks.reports.html import (
    Report,
    Translate,
    Words,
    checked_on,
    esc,
    finish,
    heading,
    lines,
    mono,
    ordered,
    paper_size,
    paragraphs,
    table,
    warning_box,
)

#: Shown when no saved checkup says which wallets the person uses.
COMMON_WALLETS = ("imtoken", "tokenpocket", "metamask", "trustwallet", "ledger", "trezor")

TITLE = N_("Recovery kit")
INTRO = N_(
    "Your plan for the hour after a theft. Print it now and keep it with your important"
    " papers. If it ever happens, follow it from the top."
)
REFRESH = N_(
    "Made with Wallet Checkup {version} on {date}. Websites and phone numbers change: confirm"
    " them on the official site before you use them, and print a fresh kit every few months."
)
TRUTH = N_(
    "No real support will ever ask for your seed phrase. "
    "Nobody can reverse a blockchain transfer for a fee."
)
NO_SEED_HERE = N_(
    "Never write your seed phrase or private key on this sheet. This kit holds no secret,"
    " so it is safe to keep where others may see it."
)
FIRST_STEPS = N_("1. If it happens: the first steps, in order")
FIRST_STEPS_NOTE = N_(
    "Open Wallet Checkup and press the red panic button: it guides you through each step"
    " and records what you do."
)
WALLETS = N_("2. Your wallets: the only real support")
WALLETS_FROM_CHECKUP = N_("The wallets you named in your last checkup.")
WALLETS_COMMON = N_(
    "The most common wallets (do a checkup in the app to list only the ones you use)."
)
WALLETS_NOTE = N_(
    "Use only these sites or the help page inside the app. Anyone who contacts you first is"
    " not support."
)
COL_WALLET = N_("Wallet")
COL_OFFICIAL = N_("Official website")
COL_HELP = N_("Help center")
COL_CHECKED = N_("Checked on")
NOT_LISTED = N_("(not listed)")
REPORT = N_("3. Where to report: {region}")
COL_WHERE = N_("Where")
COL_HOW = N_("How to reach them")
PEOPLE = N_("4. People to call")
COL_WHO = N_("Who")
COL_PHONE = N_("Phone or email")
PERSON_TRUSTED = N_("Someone you trust")
PERSON_CARRIER = N_("Your mobile carrier")
PERSON_BANK = N_("Your bank")
PERSON_EXCHANGE = N_("Your exchange's official support")
WRITE_DOWN = N_("5. When it happens, write down")
WRITE_DOWN_NOTE = N_(
    "Support, exchanges and the police will ask for these. Copy hashes and addresses exactly"
    " from your wallet or a block explorer."
)
COL_WHAT = N_("What")
COL_WRITE = N_("Write it here")
NOTICED = N_("Date and time you noticed it")
BEFORE = N_("What you did just before")
HASH_ROW = N_("Transaction hash (TxID)")
THIEF = N_("The address your money went to")
CONTACTED = N_("Contacted: who, when, ticket")


def kit_wallets(answers: Mapping[str, Any] | None) -> tuple[tuple[str, ...], bool]:
    """The wallet ids named in a checkup's ``wallets`` answer (and True), else
    :data:`COMMON_WALLETS` (and False)."""
    chosen = (answers or {}).get("wallets")
    directory = load_directory()
    if isinstance(chosen, (list, tuple)):
        ids = [w for w in chosen if isinstance(w, str) and directory.get(w) is not None]
        if ids:
            return tuple(dict.fromkeys(ids)), True
    return COMMON_WALLETS, False


def recovery_kit(
    translate: Translate,
    *,
    language: str,
    now: datetime,
    tz: tzinfo,
    locale_name: str,
    answers: Mapping[str, Any] | None = None,
) -> Report:
    """The kit in ``language`` (``translate`` is its gettext), for the region and
    paper of ``locale_name``; ``answers`` are the latest checkup's, if any."""
    words = Words(translate)
    wallets, from_checkup = kit_wallets(answers)
    body = [
        heading(1, words(TITLE)),
        paragraphs([words(INTRO)]),
        paragraphs(
            [words(msg(REFRESH, version=__version__, date=f"{now.astimezone(tz):%Y-%m-%d}"))],
            "small muted",
        ),
        warning_box([words(TRUTH), words(NO_SEED_HERE)]),
        _first_steps(words),
        _wallets(words, wallets, from_checkup),
        _reporting(words, default_region(locale_name), language),
        _people(words),
        _write_down(words),
    ]
    return finish(
        "recovery-kit",
        words,
        TITLE,
        "".join(body),
        language=language,
        paper=paper_size(locale_name),
        now=now,
        tz=tz,
        app_version=__version__,
    )


def _first_steps(words: Words) -> str:
    steps = plan(("dont_know",), "yes")
    items = [
        f'<b>{esc(words(step.title))}</b>&nbsp; <span class="small">{esc(words(step.why))}</span>'
        for step in steps
    ]
    return heading(2, words(FIRST_STEPS)) + paragraphs([words(FIRST_STEPS_NOTE)]) + ordered(items)


def _wallets(words: Words, wallets: Sequence[str], from_checkup: bool) -> str:
    directory = load_directory()
    rows = [
        _wallet_row(words, entry)
        for entry in (directory.get(wallet_id) for wallet_id in wallets)
        if entry is not None
    ]
    note = words(WALLETS_FROM_CHECKUP if from_checkup else WALLETS_COMMON)
    headers = [words(c) for c in (COL_WALLET, COL_OFFICIAL, COL_HELP, COL_CHECKED)]
    return (
        heading(2, words(WALLETS))
        + paragraphs([note, words(WALLETS_NOTE)])
        + table(headers, rows, widths=[17, 29, 38, 16])
    )


def _wallet_row(words: Words, entry: SupportEntry) -> list[str]:
    sites = lines(*(mono(f"https://{domain}") for domain in entry.official_domains))
    help_pages = [url for url in (entry.help_center, entry.ticket_url) if url]
    help_center = (
        lines(*(mono(url) for url in dict.fromkeys(help_pages)))
        if help_pages
        else esc(words(NOT_LISTED))
    )
    return [
        f"<b>{esc(entry.name)}</b>",
        sites,
        help_center,
        checked_on(words, entry.checked_on, entry.confirmed),
    ]


def _reporting(words: Words, region_id: str, language: str) -> str:
    reporting = load_reporting()
    region = reporting.region(region_id)
    rows = [_body_row(words, body, language) for body in reporting.bodies_for(region_id)]
    headers = [words(COL_WHERE), words(COL_HOW), words(COL_CHECKED)]
    return (
        heading(2, words(msg(REPORT, region=region.name.get(language))))
        + table(headers, rows, widths=[32, 52, 16])
        + paragraphs([words(CHECK_BEFORE_USE)], "small muted")
    )


def _body_row(words: Words, body: Body, language: str) -> list[str]:
    ways = []
    for way in body.how:
        value = way.value.get(language)
        shown = mono(value) if way.method in ("web", "phone") else esc(value)
        text = f"{esc(words(METHOD_LABELS[way.method]))}: {shown}"
        if way.note is not None:
            text += f' <span class="small muted">({esc(way.note.get(language))})</span>'
        ways.append(text)
    name = f"<b>{esc(body.name.get(language))}</b><br/>"
    kind = f'<span class="small muted">{esc(words(KIND_LABELS[body.kind]))}</span>'
    return [name + kind, lines(*ways), checked_on(words, body.checked_on, body.confirmed)]


def _people(words: Words) -> str:
    labels = (PERSON_TRUSTED, PERSON_CARRIER, PERSON_BANK, PERSON_EXCHANGE)
    rows = [[esc(words(label)), "&nbsp;"] for label in labels]
    return heading(2, words(PEOPLE)) + table(
        [words(COL_WHO), words(COL_PHONE)], rows, widths=[40, 60], css="grid fill"
    )


def _write_down(words: Words) -> str:
    """One table of boxes: the facts support and police will ask for."""
    labels = [
        words(NOTICED),
        words(BEFORE),
        *(f"{words(HASH_ROW)} {n}" for n in (1, 2, 3)),
        words(THIEF),
        *(f"{words(CONTACTED)} {n}" for n in (1, 2)),
    ]
    rows = [[esc(label), "&nbsp;"] for label in labels]
    return (
        heading(2, words(WRITE_DOWN))
        + paragraphs([words(WRITE_DOWN_NOTE)], "small muted")
        + table([words(COL_WHAT), words(COL_WRITE)], rows, widths=[32, 68], css="grid fill")
    )
