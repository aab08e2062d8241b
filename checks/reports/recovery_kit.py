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
from checks.directory.reporting import (
    CHECK_BEFORE_USE,
    KIND_LABELS,
    METHOD_LABELS,
    Body,
    load_reporting,
    region_for,
)
from checks.i18n import N_, msg
from checks.panic.lockdown import plan
from checks.reports.html import (
    GRID,
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
REPORT = N_("4. Where to report: {region}")
COL_WHERE = N_("Where")
COL_HOW = N_("How to reach them")
PEOPLE = N_("3. People to call")
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
NOTICED = N_("Date and time you noticed it")
BEFORE = N_("What you did just before")
HASH_ROW = N_("Transaction hash (TxID)")
THIEF = N_("The address your money went to")
CONTACTED = N_("Contacted: who, when, ticket")
# Blank text lines under a box's label: room for handwriting (a line ≈ 4.5 mm).
LONG_BOX_LINES = 3  # a hash or an address, full width: ≈ 18 mm a box
SHORT_BOX_LINES = 2


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


def kit_region(locale_name: str, language: str) -> str:
    """The region the kit shows by default (:func:`region_for`)."""
    return region_for(locale_name, language)


def recovery_kit(
    translate: Translate,
    *,
    language: str,
    now: datetime,
    tz: tzinfo,
    locale_name: str,
    answers: Mapping[str, Any] | None = None,
    region: str | None = None,
) -> Report:
    """The kit in ``language`` (``translate`` is its gettext), on the paper of
    ``locale_name``; ``answers`` are the latest checkup's, if any.

    ``region`` (an id of :data:`checks.directory.reporting.REGION_IDS`) says where to
    report; by default :func:`kit_region` guesses it. :class:`KeyError` for an
    unknown id.
    """
    words = Words(translate)
    region_id = region or kit_region(locale_name, language)
    load_reporting().region(region_id)  # KeyError before any work
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
        _people(words),
        _reporting(words, region_id, language),
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
    # The urgent steps say why; the rest fit on a line each, so the kit stays on two pages.
    items = [
        f'<b>{esc(words(step.title))}</b>&nbsp; <span class="small">{esc(words(step.why))}</span>'
        if step.urgent
        else f"<b>{esc(words(step.title))}</b>"
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
    # A scam checker is not a place to report; the worldwide bodies get one line
    # under the table: the kit must stay on two sheets of paper.
    bodies = [b for b in reporting.bodies_for(region_id) if b.kind != "checker"]
    own = [b for b in bodies if b.kind != "global"] or bodies
    rows = [_body_row(words, body, language) for body in own]
    worldwide = [b for b in bodies if b not in own]
    headers = [words(COL_WHERE), words(COL_HOW), words(COL_CHECKED)]
    return (
        heading(2, words(msg(REPORT, region=region.name.get(language))))
        + table(headers, rows, widths=[32, 52, 16])
        + _worldwide(words, worldwide, language)
        + paragraphs([words(CHECK_BEFORE_USE)], "small muted")
    )


def _worldwide(words: Words, bodies: Sequence[Body], language: str) -> str:
    """E.g. "Worldwide: SEAL 911 … https://t.me/seal_911_bot; Chainabuse … https://…"."""
    items = []
    for body in bodies:
        link = next((w.value.get(language) for w in body.how if w.method == "web"), "")
        items.append(f"<b>{esc(body.name.get(language))}</b> {mono(link)}")
    if not items:
        return ""
    chinese = language.startswith("zh")
    text = ("；" if chinese else "; ").join(items)
    label = esc(words(KIND_LABELS["global"])) + ("：" if chinese else ": ")
    return f"<p>{label}{text}</p>"


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
    """Two people a row: a name and a number fit in half the page width."""
    labels = [
        esc(words(label))
        for label in (PERSON_TRUSTED, PERSON_CARRIER, PERSON_BANK, PERSON_EXCHANGE)
    ]
    rows = [[labels[i], "&nbsp;", labels[i + 1], "&nbsp;"] for i in (0, 2)]
    headers = [words(COL_WHO), words(COL_PHONE)] * 2
    return heading(2, words(PEOPLE)) + table(
        headers, rows, widths=[22, 28, 22, 28], css="grid fill"
    )


def _box(label: str, lines: int, span: int = 1) -> str:
    """A cell with a small label on top and room for ``lines`` lines of handwriting."""
    colspan = f' colspan="{span}"' if span > 1 else ' width="50%"'
    return f'<td{colspan}><b class="small">{esc(label)}</b>{"<br/>&nbsp;" * lines}</td>'


def _write_down(words: Words) -> str:
    """Boxes for the facts support and police will ask for.

    A transaction hash has 64 hex digits (66 with "0x") and an address up to
    62 characters: no one writes that in a 7 mm box. Those get the full width
    of the page and room for three lines of handwriting; the shorter facts
    sit two to a row.
    """
    pairs = [
        (words(NOTICED), words(BEFORE)),
        (f"{words(CONTACTED)} 1", f"{words(CONTACTED)} 2"),
    ]
    long = [*(f"{words(HASH_ROW)} {n}" for n in (1, 2)), words(THIEF)]

    def pair(labels: tuple[str, str]) -> str:
        return "<tr>" + "".join(_box(label, SHORT_BOX_LINES) for label in labels) + "</tr>\n"

    rows = (
        pair(pairs[0])
        + "".join(f"<tr>{_box(label, LONG_BOX_LINES, span=2)}</tr>\n" for label in long)
        + pair(pairs[1])
    )
    return (
        heading(2, words(WRITE_DOWN))
        + paragraphs([words(WRITE_DOWN_NOTE)], "small muted")
        + f'<table class="grid fill" {GRID}>\n'
        + f"<tbody>\n{rows}</tbody></table>\n"
    )
