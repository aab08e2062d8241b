"""Shared pieces of the printed reports: words, escaping, page CSS, tables, paper.

Reports are HTML built by pure functions (STYLE.md 12), so a test can read
them as text and compare snapshots; ``desktop/printing/__init__.py`` only lays the
HTML out with ``QTextDocument`` and paints it page by page. The HTML uses
the subset of HTML 4 and CSS that ``QTextDocument`` understands (tables
with ``border``/``cellpadding`` attributes, ``<thead>`` repeated on every
page, font sizes in ``pt``, lengths in ``px`` of a 96-dpi page) and also
carries ``@page`` rules, so the same file prints sensibly from a browser.

Every user-facing word is N_-marked English, translated when the report is
built with the ``translate`` function the caller passes (``checks`` never
loads a catalogue). :class:`Words` can also put two languages side by side
for cross-border cases.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import cached_property

from checks.i18n import N_, Msg, msg

Translate = Callable[[str], str]
Text = str | Msg  # an N_-marked string, or a Msg with fields

# CLDR supplemental data (measurementData/paperSize): US-Letter in these
# territories, A4 everywhere else ("001").
LETTER_TERRITORIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())

PAGE_LABEL = N_("Page {page} of {pages}")
MADE_BY = N_("Wallet Checkup {version}")
NONE_YET = N_("Nothing recorded yet.")
UNCONFIRMED = N_("Unconfirmed")

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")

CSS = """
body { font-size: 10pt; color: #000000; }
h1 { font-size: 17pt; font-weight: bold; margin-top: 0px; margin-bottom: 6px; }
h2 { font-size: 12.5pt; font-weight: bold; margin-top: 12px; margin-bottom: 5px; }
h3 { font-size: 11pt; font-weight: bold; margin-top: 10px; margin-bottom: 4px; }
p { margin-top: 0px; margin-bottom: 6px; }
ol, ul { margin-top: 0px; margin-bottom: 6px; }
li { margin-bottom: 3px; }
@media print { table.grid { border-collapse: collapse; } }
table.grid { border-color: #8a8a8a; border-style: solid; }
table.grid th { background-color: #eeeeee; font-weight: bold; text-align: left; }
table.fill td { padding-top: 5px; padding-bottom: 5px; }
table.warn { border-collapse: collapse; border-color: #c62828; border-style: solid; }
table.warn td { background-color: #fdecea; font-weight: bold; }
.mono { font-family: 'DejaVu Sans Mono', 'Consolas', 'Menlo', 'Noto Sans Mono CJK SC',
        'Courier New', monospace; font-size: 8.5pt; }
.muted { color: #555555; }
.small { font-size: 8.5pt; }
p.tight { margin-bottom: 1px; }
.flag { color: #8a4b00; font-weight: bold; }
.urgent { color: #b71c1c; font-weight: bold; }
.good { color: #1b5e20; font-weight: bold; }
"""


# A grid table's attributes. Each cell draws its own 1 px border, and a
# cell spacing of -1 lays neighbours over each other, so their two borders
# print as one line: the look of CSS ``border-collapse`` (which browsers get
# from the @media print rule above, QTextDocument ignores it), without Qt's
# collapsed-border code, which asks every neighbouring cell's format: it
# took almost half the instructions of laying out and painting a long
# incident report (bench/RESULTS.md, 4a and 4e).
GRID = 'width="100%" border="1" cellspacing="-1" cellpadding="5"'


def paper_size(locale_name: str) -> str:
    """``"Letter"`` or ``"A4"`` for a locale name (``en_US``, ``es-MX``, ``fr_CA.UTF-8``).

    The country decides (CLDR: Letter in the Americas' Letter territories and
    the Philippines); a name without a country, ``C`` or an empty name gets
    A4, the size of most of the world.
    """
    name = locale_name.strip().split(".", 1)[0].split("@", 1)[0]
    for part in re.split(r"[-_]", name)[1:]:
        if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            return "Letter" if part.upper() in LETTER_TERRITORIES else "A4"
    return "A4"


def needs_cjk(text: str) -> bool:
    """True when ``text`` has Chinese (or other CJK) characters a font must draw."""
    return _CJK.search(text) is not None


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class Words:
    """The words of one document: one language, or two side by side.

    ``label`` gives "Timeline" or, bilingual, "Timeline / 时间线";
    ``each`` gives one sentence per language, for paragraphs.
    """

    translate: Translate
    second: Translate | None = None

    def render(self, text: Text, translate: Translate) -> str:
        return text.render(translate) if isinstance(text, Msg) else translate(text)

    def __call__(self, text: Text) -> str:
        return " / ".join(self.each(text))

    def each(self, text: Text) -> list[str]:
        first = self.render(text, self.translate)
        if self.second is None:
            return [first]
        other = self.render(text, self.second)
        return [first] if other == first else [first, other]

    def one(self, text: Text) -> str:
        """Only the first language (for running headers that must stay short)."""
        return self.render(text, self.translate)

    @property
    def bilingual(self) -> bool:
        return self.second is not None


def when_utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def utc_offset(moment: datetime) -> str:
    """``UTC+08:00``: the offset, never a zone abbreviation ("CST" is China *and* US Central)."""
    offset = moment.utcoffset()
    minutes = round(offset.total_seconds() // 60) if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def when_local(moment: datetime, tz: tzinfo) -> str:
    """``2026-11-20 12:30 UTC+08:00``: local time with its offset from UTC."""
    local = moment.astimezone(tz)
    return f"{local:%Y-%m-%d %H:%M} {utc_offset(local)}"


def is_utc_here(moment: datetime, tz: tzinfo) -> bool:
    """True when local time *is* UTC at ``moment`` (a computer set to UTC, or London
    in winter): then the local time would only repeat the UTC one."""
    return moment.astimezone(tz).utcoffset() == timedelta(0)


def when_local_beside_utc(moment: datetime, tz: tzinfo) -> str:
    """The local time for a cell next to :func:`when_utc`: ``12:30 UTC+08:00`` when
    the day is the same as the UTC one beside it, the full date when it is not,
    and nothing when local time is UTC."""
    local = moment.astimezone(tz)
    if is_utc_here(moment, tz):
        return ""
    if local.date() == moment.astimezone(timezone.utc).date():
        return f"{local:%H:%M} {utc_offset(local)}"
    return when_local(moment, tz)


_END_PUNCTUATION = tuple(".!?。！？…")


def sentence(text: str) -> str:
    """A phrase as a sentence of its language: a capital letter and "." in English,
    "。" in Chinese; text that already ends a sentence is left alone."""
    text = text.strip()
    if not text or text.endswith(_END_PUNCTUATION):
        return text
    if needs_cjk(text):
        return text + "。"
    return text[0].upper() + text[1:] + "."


def document(title: str, body: str, language: str, paper: str) -> str:
    """A whole page: print CSS (Qt's subset plus ``@page`` for browsers) and the body."""
    lang = "zh-CN" if language.startswith("zh") else "en"
    size = "letter" if paper == "Letter" else "A4"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>\n<style>\n@page {{ size: {size}; margin: 12mm; }}\n"
        f"{CSS}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def heading(level: int, text: str) -> str:
    return f"<h{level}>{esc(text)}</h{level}>\n"


def paragraphs(texts: Iterable[str], css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return "".join(f"<p{attribute}>{esc(text)}</p>\n" for text in texts)


def ordered(items: Iterable[str]) -> str:
    """An ordered list of ready HTML items."""
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>\n"


def mono(text: str) -> str:
    return f'<span class="mono">{esc(text)}</span>'


def lines(*parts: str) -> str:
    """Ready HTML pieces, one per line inside a cell; empty pieces are left out."""
    return "<br/>".join(part for part in parts if part)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[int] | None = None,
    css: str = "grid",
) -> str:
    """A bordered table. ``headers`` are plain text; ``rows`` hold ready HTML.

    The header row sits in ``<thead>``, which QTextDocument repeats on every
    page a long table runs over.
    """

    def width(index: int) -> str:
        return f' width="{widths[index]}%"' if widths else ""

    head = "".join(f"<th{width(i)}>{esc(h)}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{width(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>\n"
        for row in rows
    )
    return (
        f'<table class="{css}" {GRID}>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table>\n"
    )


def facts(pairs: Iterable[tuple[str, str]]) -> str:
    """A two-column table of label (plain text) and value (ready HTML)."""
    rows = "".join(
        f'<tr><td width="30%"><b>{esc(label)}</b></td><td width="70%">{value}</td></tr>\n'
        for label, value in pairs
    )
    return f'<table class="grid" {GRID}>\n{rows}</table>\n'


def warning_box(texts: Iterable[str]) -> str:
    """A boxed, shaded warning; one paragraph per text."""
    inner = "<br/>".join(esc(text) for text in texts)
    return (
        '<table class="warn" width="100%" border="2" cellspacing="0" cellpadding="8">'
        f"<tr><td>{inner}</td></tr></table>\n"
    )


def checked_on(words: Words, day: date, confirmed: bool) -> str:
    """The date a fact was checked; flagged when it could not be confirmed."""
    shown = f'<span class="small">{esc(day.isoformat())}</span>'
    if confirmed:
        return shown
    return f'{shown}<br/><span class="small flag">{esc(words(UNCONFIRMED))}</span>'


_BREAKS = frozenset({"p", "br", "tr", "li", "h1", "h2", "h3", "table", "td", "th", "title"})
# A tag, a comment or a declaration. Report HTML is built here with esc(), so
# neither text nor attribute values hold a raw "<" or ">".
_MARKUP = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>|<!--.*?-->|<![^>]*>", re.S)
_STYLE = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.S | re.I)


def plain_text(markup: str) -> str:
    """The visible text of report HTML, one block per line (for the secret guard and tests).

    Styles are skipped, entities unescaped, and each start and end of a
    block tag is a line break: what an HTML parser's events give
    (tests/test_reports.py compares the two), in a tenth of the time — every
    printed report passes through here.
    """
    markup = _STYLE.sub("", markup)
    parts: list[str] = []
    position = 0
    for found in _MARKUP.finditer(markup):
        parts.append(html.unescape(markup[position : found.start()]))
        position = found.end()
        name = (found[2] or "").lower()
        if name in _BREAKS:
            parts.append("\n\n" if found[3] else "\n")  # <br/> starts and ends
    parts.append(html.unescape(markup[position:]))
    text = "".join(parts).replace("\xa0", " ")
    return re.sub(r"\n\s*\n+", "\n", text).strip()


@dataclass(frozen=True)
class Report:
    """One printable document: its HTML and what every page's header and footer show.

    ``allowed`` are values that were validated in their own fields
    (transaction hashes, addresses, file hashes): public data that the secret
    guard must not mistake for a private key, which has the same 64-hex shape.
    """

    kind: str  # "recovery-kit", "incident-report", "checkup-report"
    title: str  # translated; the running header and the PDF title
    html: str
    language: str
    paper: str  # "A4" or "Letter"
    created_at: datetime
    date_text: str  # the running header's date: local time and its UTC offset
    footer_text: str  # "Wallet Checkup 0.1.0"
    page_text: str  # translated "Page {page} of {pages}"
    allowed: tuple[str, ...] = ()

    def page_label(self, page: int, pages: int) -> str:
        return self.page_text.format(page=page, pages=pages)

    @cached_property
    def text(self) -> str:
        """The visible text, as :func:`plain_text` reads it."""
        return plain_text(self.html)

    @property
    def needs_cjk(self) -> bool:
        return needs_cjk(self.text) or needs_cjk(self.title)

    @property
    def file_name(self) -> str:
        """A suggested file name, e.g. ``incident-report-2026-11-20.pdf``."""
        return f"{self.kind}-{self.date_text[:10]}.pdf"  # the local date


def finish(
    kind: str,
    words: Words,
    title: Text,
    body: str,
    *,
    language: str,
    paper: str,
    now: datetime,
    tz: tzinfo,
    app_version: str,
    allowed: Iterable[str] = (),
) -> Report:
    """Wrap ``body`` into a :class:`Report` and pass its text through the secret guard.

    The data was guarded when it was typed; guarding the finished text again
    means no code path can ever print a seed phrase or private key
    (:class:`~checks.i18n.InputError` if one is found).
    """
    title_text = words(title)
    report = Report(
        kind=kind,
        title=title_text,
        html=document(title_text, body, language, paper),
        language=language,
        paper=paper,
        created_at=now,
        date_text=when_local(now, tz),
        footer_text=words.one(msg(MADE_BY, version=app_version)),
        page_text=" / ".join(words.each(PAGE_LABEL)),
        allowed=tuple(value for value in allowed if value),
    )
    from checks.secrets import guard_free_text  # on first use, as in checks.panic.case

    guard_free_text(report.text, report.allowed)
    return report
