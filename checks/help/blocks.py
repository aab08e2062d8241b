"""Sections of help articles that the app fills in from its own data.

An article writes ``{{reporting}}`` where the reporting bodies belong; the
bodies come from ``resources/reporting.json`` through :mod:`checks.directory.reporting`
at display time, with each body's own source and date. Copying phone numbers
into prose would let two copies drift apart; a person in a panic may dial
what we show. The same holds for the escalation ladder and its reply times
(:mod:`checks.panic.escalation`) and for the official domains of each wallet
(:mod:`checks.directory`).

Every function returns HTML with escaped text and no colours.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

from checks.directory import load_directory, reporting
from checks.i18n import N_
from checks.panic import escalation, escalation_text
from checks.panic.business_days import Span
from checks.panic.lockdown import plan

Translate = Callable[[str], str]

# Labels shown around the data (English source; desktop translates).
SPAN_TEXTS: Mapping[str, tuple[str, str]] = {
    "hours": (N_("1 hour"), N_("{count} hours")),
    "days": (N_("1 day"), N_("{count} days")),
    "business_days": (N_("1 business day"), N_("{count} business days")),
}
# One rung of the ladder; the translation carries its own punctuation ("。").
LADDER_STEP = N_("{rung} — {action}.")
WAIT_FOR = N_("Follow up if there is no reply after: {times}")
CHANNEL_TIME = N_("{channel}: {time}")
AND_THEN = N_("{first}; {second}")  # joins the reply times of one rung
LABELLED = N_("{label}: {value}")  # "Phone: 110"
LADDER_NOTE = N_(
    "These waiting times are this app's rules of thumb for when to follow up, not promises"
    " made by any company."
)
SELF_CUSTODY_LADDER = N_(
    "A self-custody wallet (it cannot freeze or reverse anything; fake moderators wait in "
    "social media and community groups)"
)
EXCHANGE_LADDER = N_("An exchange account (the exchange holds the coins and can act)")
OFFICIAL_SITES = N_("Official websites")
HELP_CENTER = N_("Help center")
WALLETS_HEADING = N_("Wallets")
EXCHANGES_HEADING = N_("Exchanges")
THIS_COMPUTER = N_("On this computer, your data folder is: {folder}")
UNCONFIRMED_ENTRY = N_("Not confirmed on an official page — please check it yourself")


@dataclass(frozen=True)
class BlockContext:
    """What the app knows at display time that an article may show."""

    language: str = "en"
    translate: Translate = N_
    region: str | None = None  # the reporting region to show first
    data_folder: str | None = None  # the real data folder, when the app knows it


def span_text(span: Span, translate: Translate) -> str:
    one, many = SPAN_TEXTS[span.unit]
    return translate(one) if span.amount == 1 else translate(many).format(count=span.amount)


def ladder(ctx: BlockContext) -> str:
    """The escalation ladders (a self-custody wallet's short one, an exchange's long one),
    rung by rung, with the reply time of each channel."""
    t = ctx.translate
    out = []
    for label, rungs in (
        (SELF_CUSTODY_LADDER, escalation.SELF_CUSTODY_LADDER),
        (EXCHANGE_LADDER, escalation.LADDER),
    ):
        out.append(f"<p><b>{escape(t(label))}</b></p>{_rungs(rungs, t)}")
    return "".join(out) + f"<p><i>{escape(t(LADDER_NOTE))}</i></p>"


def _rungs(rungs: tuple[str, ...], t: Translate) -> str:
    items = []
    for rung in rungs:
        channels = [c for c, r in escalation.RUNG_OF.items() if r == rung]
        parts = [
            t(CHANNEL_TIME).format(
                channel=t(escalation_text.CHANNEL_LABELS[escalation.Channel(c).value]),
                time=span_text(escalation.REPLY_TIME[c], t),
            )
            for c in channels
        ]
        times = parts[0]
        for part in parts[1:]:
            times = t(AND_THEN).format(first=times, second=part)
        step = escape(t(LADDER_STEP)).format(
            rung=f"<b>{escape(t(escalation_text.RUNG_LABELS[rung]))}</b>",
            action=escape(t(escalation_text.RUNG_ACTIONS[rung])),
        )
        items.append(f"<li>{step}<br>{escape(t(WAIT_FOR).format(times=times))}</li>")
    return f"<ol>{''.join(items)}</ol>"


def _body_html(body: reporting.Body, ctx: BlockContext) -> str:
    return body_html(body, ctx.language, ctx.translate)


def body_html(body: reporting.Body, language: str, t: Translate) -> str:
    """One reporting body: how to reach it, what to bring, source and date (also
    used by panic mode's "Where to report" page)."""
    parts = [f"<h4>{escape(body.name.get(language))}</h4>"]
    if not body.confirmed:
        parts.append(f"<p><b>{escape(t(reporting.UNCONFIRMED))}</b></p>")
    ways = []
    for method in body.how:
        value = escape(method.value.get(language))
        shown = f'<a href="{escape(method.url)}">{value}</a>' if method.url else value
        note = f" — {escape(method.note.get(language))}" if method.note else ""
        line = escape(t(LABELLED)).format(label=escape(t(method.label)), value=shown)
        ways.append(f"<li>{line}{note}</li>")
    parts.append(f"<ul>{''.join(ways)}</ul>")
    bring = "".join(f"<li>{escape(item)}</li>" for item in body.what_to_bring.get(language))
    parts.append(f"<p><b>{escape(t(body.what_to_bring_label))}</b></p><ul>{bring}</ul>")
    checked = escape(t(reporting.CHECKED_ON).format(date=body.checked_on.isoformat()))
    source = f'<a href="{escape(body.source)}">{escape(t(reporting.SOURCE))}</a>'
    parts.append(f"<p><small>{checked} — {source}</small></p>")
    return "".join(parts)


def reporting_bodies(ctx: BlockContext) -> str:
    """Every region's bodies, the user's region first, from the reporting data."""
    data = reporting.load_reporting()
    t = ctx.translate
    regions = list(data.regions)
    if ctx.region is not None:
        regions.sort(key=lambda r: r.id != ctx.region)
    parts = [
        f"<p>{escape(t(reporting.CHECK_BEFORE_USE))}</p>",
        f"<p><b>{escape(t(reporting.NEVER_SHARE_SEED))}</b></p>",
    ]
    for region in regions:
        parts.append(f"<h3>{escape(region.name.get(ctx.language))}</h3>")
        parts += [_body_html(body, ctx) for body in region.bodies]
    parts.append(f"<p>{escape(t(reporting.FAKE_REPORTING_SITES))}</p>")
    return "".join(parts)


def official_directory(ctx: BlockContext) -> str:
    """The official websites of each wallet and exchange the app knows."""
    t = ctx.translate
    parts: list[str] = []
    for heading, kinds in (
        (WALLETS_HEADING, ("wallet", "hardware_wallet")),
        (EXCHANGES_HEADING, ("exchange",)),
    ):
        rows = []
        for entry in load_directory():
            if entry.kind not in kinds:
                continue
            domains = ", ".join(escape(d) for d in entry.official_domains)
            line = f"<b>{escape(entry.name)}</b>: {domains}"
            if entry.help_center:
                url = escape(entry.help_center)
                line += f' — <a href="{url}">{escape(t(HELP_CENTER))}</a>'
            if not entry.confirmed:
                line += f" ({escape(t(UNCONFIRMED_ENTRY))})"
            rows.append(f"<li>{line}</li>")
        parts.append(f"<h3>{escape(t(heading))}</h3><ul>{''.join(rows)}</ul>")
    return "".join(parts)


def data_folder(ctx: BlockContext) -> str:
    if not ctx.data_folder:
        return ""
    text = ctx.translate(THIS_COMPUTER).format(folder=ctx.data_folder)
    return f"<p><b>{escape(text)}</b></p>"


def lockdown(ctx: BlockContext) -> str:
    """Panic mode's lockdown plan, in its order, for someone who does not know yet
    what happened (the order the recovery kit prints too)."""
    t = ctx.translate
    items = "".join(
        f"<li><b>{escape(t(step.title))}</b><br>{escape(t(step.why))}</li>"
        for step in plan(("dont_know",), "yes")
    )
    return f"<ol>{items}</ol>"


BLOCKS: Mapping[str, Callable[[BlockContext], str]] = {
    "ladder": ladder,
    "lockdown": lockdown,
    "reporting": reporting_bodies,
    "official_directory": official_directory,
    "data_folder": data_folder,
}


def search_text(name: str, language: str) -> str:
    """Words from a block worth finding by search (data that is bilingual already)."""
    if name == "reporting":
        data = reporting.load_reporting()
        return " ".join(
            f"{region.name.get(language)} {body.name.get(language)}"
            for region in data.regions
            for body in region.bodies
        )
    if name == "official_directory":
        return " ".join(f"{e.name} {' '.join(e.official_domains)}" for e in load_directory())
    return ""
