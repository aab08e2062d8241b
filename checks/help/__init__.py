"""The help centre's content: articles, search, myths and where each screen points.

Articles are data: ``resources/help/<language>/<id>.md`` (format in
:mod:`checks.help.markdown`) and ``resources/help/myths.json``. They state
facts that change — who can freeze what, how long support takes, where to
report — so each carries its sources and the date they were checked, and
:func:`parse_help` refuses a library where any article lacks a language, a
source or a date, links to an article that does not exist, or names a
section the app cannot fill. A worried reader must never land on a dead end.

Screens ask here which article explains them (:func:`article_for_question`,
:func:`article_for_panic_section`), so widgets hold no mapping of their own.

Nothing here translates: UI labels are marked with ``N_`` and rendered with
the ``translate`` function the caller passes in; article text is written in
each language already.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from html import escape
from types import MappingProxyType

from checks.help import blocks as help_blocks
from checks.help import markdown as help_markdown
from checks.help import search as help_search
from checks.help.blocks import BlockContext
from checks.help.data import (
    LANGUAGES,
    TOPICS,
    Article,
    HelpError,
    Myth,
    check_articles,
    parse_article,
    parse_myths,
    read_files,
)
from checks.help.problem_report import ProblemReport, mailto_url, problem_report
from checks.help.search import SearchIndex
from checks.i18n import N_

__all__ = [
    "LANGUAGES",
    "TOPICS",
    "Article",
    "BlockContext",
    "HelpError",
    "HelpLibrary",
    "Myth",
    "ProblemReport",
    "article_for_panic_section",
    "article_for_question",
    "article_for_topic",
    "load_help",
    "mailto_url",
    "parse_help",
    "problem_report",
]

# The questions issue 11 asks to answer, in the order the help centre lists them;
# the most common question of all ("I was just robbed — what now?") first.
REQUIRED_ARTICLES = (
    "just-robbed",
    "freeze-refund",
    "support-wait",
    "recovery-scams",
    "seed-exposed",
    "official-or-fake",
    "evidence-utc",
    "token-approvals",
    "hot-cold-hardware",
    "passwords-2fa",
    "public-wifi-vpn",
    "report-theft",
    "app-data-privacy",
)
TOPIC_ARTICLES: Mapping[str, str] = MappingProxyType(
    {
        "wallets": "hot-cold-hardware",
        "passwords": "passwords-2fa",
        "two_factor": "passwords-2fa",
        "totp_backup": "passwords-2fa",
        "network": "public-wifi-vpn",
        "device": "device-basics",
        "thief": "seed-exposed",  # a seed found in a file is an exposed seed (issue 20)
        "seed": "seed-exposed",
        "cold_storage": "hot-cold-hardware",
        "hardware": "hot-cold-hardware",  # where it came from: "fake-hardware-wallet" below
        "phishing": "official-or-fake",
        "signing": "token-approvals",
    }
)
# Questions whose article differs from their topic's.
QUESTION_ARTICLES: Mapping[str, str] = MappingProxyType(
    {
        "exchange_account": "freeze-refund",
        "support_contact": "recovery-scams",
        "remote_control": "remote-control",
        "hardware_source": "fake-hardware-wallet",
        "cashout": "china-mainland",
        "address_source": "address-poisoning",
        "address_check": "clipboard-hijacker",
    }
)
# Panic sections, by the page's object name without "Page".
PANIC_SECTION_ARTICLES: Mapping[str, str] = MappingProxyType(
    {
        "triage": "freeze-refund",
        "lockdown": "seed-exposed",
        "evidence": "evidence-utc",
        "support": "official-or-fake",
        "followUp": "support-wait",
        "report": "report-theft",
        "summary": "recovery-scams",
    }
)

SHORT_ANSWER = N_("Short answer")
SOURCES = N_("Sources")
REVIEWED = N_("Checked on {date}. Facts like these change: please confirm on the official site.")
RELATED = N_("Related questions")
MYTHS_TITLE = N_("Common myths")
MYTHS_INTRO = N_(
    "Some advice you may read online or hear from others is wrong, and some of it is how"
    " scammers find their victims. Here is what is true, and why."
)
MYTH_SAYS = N_("What you may hear")
MYTH_TRUE = N_("What is true")
READ_MORE = N_("Read more: {title}")


class HelpLibrary:
    """Every article in every language, the myths, and a search index per language."""

    def __init__(self, articles: Mapping[tuple[str, str], Article], myths: tuple[Myth, ...]):
        self._articles = dict(articles)
        self.myths = myths
        known = {article_id for article_id, _lang in articles}
        extra = sorted(known - set(REQUIRED_ARTICLES))
        self.ids: tuple[str, ...] = tuple(i for i in REQUIRED_ARTICLES if i in known) + tuple(extra)
        self._indexes: dict[str, SearchIndex] = {}

    def article(self, article_id: str, language: str) -> Article:
        """The article in ``language`` (zh_* → zh_CN, else English); KeyError if unknown."""
        return self._articles[(article_id, _language(language))]

    def articles(self, language: str) -> list[Article]:
        return [self.article(article_id, language) for article_id in self.ids]

    def index(self, language: str) -> SearchIndex:
        """Built on first use, then kept: the corpus does not change while the app runs."""
        language = _language(language)
        if language not in self._indexes:
            self._indexes[language] = SearchIndex(self._entries(language))
        return self._indexes[language]

    def _entries(self, language: str) -> list[help_search.Entry]:
        myth_text: dict[str, list[str]] = {}
        for myth in self.myths:
            myth_text.setdefault(myth.article, []).append(
                f"{myth.claim.get(language)} {myth.truth.get(language)}"
            )
        entries = []
        for article in self.articles(language):
            blocks = " ".join(
                help_blocks.search_text(name, language)
                for name in help_markdown.directives(article.blocks)
            )
            body = help_markdown.plain_text(article.blocks, internal_links=False)
            fields = {
                "title": article.title,
                "keywords": " ".join(article.keywords),
                "answer": article.answer,
                "extra": " ".join(myth_text.get(article.id, [])),
                "body": f"{body} {blocks}",
            }
            entries.append(help_search.Entry(article.id, MappingProxyType(fields)))
        return entries

    def search(self, query: str, language: str, limit: int = 20) -> list[Article]:
        """Articles matching ``query``, best first, shown in ``language``; [] for no query.

        Every language's articles are searched: in the English window 冻结 or 助记词
        finds the article whose Chinese text has it, and in the Chinese window
        "refund" finds the one whose English text has it. An article found in
        both counts its better score, in the window's language when they tie.
        """
        language = _language(language)
        best: dict[str, tuple[float, int]] = {}
        for rank, lang in enumerate([language, *(x for x in LANGUAGES if x != language)]):
            for hit in self.index(lang).search(query):
                score = (hit.score, -rank)
                if hit.id not in best or score > best[hit.id]:
                    best[hit.id] = score
        ranked = sorted(best, key=lambda article_id: (-best[article_id][0], article_id))
        return [self.article(article_id, language) for article_id in ranked[:limit]]

    def render(self, article_id: str, ctx: BlockContext) -> str:
        """The article as simple HTML: title, short answer, detail, sources and date, related."""
        article = self.article(article_id, ctx.language)
        t = ctx.translate

        def block(name: str) -> str:
            return help_blocks.BLOCKS[name](ctx)

        parts = [
            f"<h1>{escape(article.title)}</h1>",
            '<table border="1" cellpadding="10" cellspacing="0" width="100%"><tr><td>'
            f"<p><b>{escape(t(SHORT_ANSWER))}:</b> {help_markdown.inline_html(article.answer)}"
            "</p></td></tr></table>",
            *help_markdown.to_html(article.blocks, block),
            f"<h2>{escape(t(SOURCES))}</h2>",
            "<ul>"
            + "".join(f'<li><a href="{escape(u)}">{escape(u)}</a></li>' for u in article.sources)
            + "</ul>",
            *(
                [f"<p>{help_markdown.inline_html(article.source_note)}</p>"]
                if article.source_note
                else []
            ),
            f"<p><i>{escape(t(REVIEWED).format(date=article.reviewed.isoformat()))}</i></p>",
        ]
        if article.related:
            links = "".join(
                f'<li><a href="help:{rid}">{escape(self.article(rid, ctx.language).title)}</a></li>'
                for rid in article.related
            )
            parts.append(f"<h2>{escape(t(RELATED))}</h2><ul>{links}</ul>")
        return "".join(parts)

    def render_myths(self, ctx: BlockContext) -> str:
        """The myths side by side with what is true, each linking to its article."""
        t = ctx.translate
        rows = []
        for myth in self.myths:
            title = self.article(myth.article, ctx.language).title
            more = escape(t(READ_MORE).format(title=title))
            rows.append(
                f"<tr><td valign='top'><p>“{escape(myth.claim.get(ctx.language))}”</p></td>"
                f"<td valign='top'><p>{escape(myth.truth.get(ctx.language))}</p>"
                f'<p><a href="help:{myth.article}">{more}</a></p></td></tr>'
            )
        return (
            f"<h1>{escape(t(MYTHS_TITLE))}</h1><p>{escape(t(MYTHS_INTRO))}</p>"
            '<table border="1" cellpadding="8" cellspacing="0" width="100%">'
            f"<tr><th width='40%'>{escape(t(MYTH_SAYS))}</th>"
            f"<th>{escape(t(MYTH_TRUE))}</th></tr>{''.join(rows)}</table>"
        )


def _language(language: str) -> str:
    return "zh_CN" if language.startswith("zh") else "en"


def parse_help(texts: Mapping[str, str], myths: str) -> HelpLibrary:
    """Build the library from ``{"en/<id>.md": text}`` and myths.json; HelpError if damaged."""
    articles = check_articles(parse_article(path, text) for path, text in sorted(texts.items()))
    return HelpLibrary(articles, parse_myths(myths, {i for i, _lang in articles}))


@cache
def load_help() -> HelpLibrary:
    """The shipped articles, read and checked once."""
    return parse_help(*read_files())


# --- where each screen points --------------------------------------------------


def article_for_topic(topic: str) -> str:
    """The article that explains a checkup topic; KeyError for an unknown topic."""
    return TOPIC_ARTICLES[topic]


def article_for_question(question_id: str) -> str:
    """The article behind a checkup question's "?" button; KeyError if unknown."""
    # The checkup's questions load with the checkup, not with panic mode's help links.
    from checks.checkup.questions import BY_ID

    return QUESTION_ARTICLES.get(question_id) or article_for_topic(BY_ID[question_id].topic)


def article_for_panic_section(section: str) -> str:
    """The article for a panic-mode section (``"triage"``, ``"report"`` …)."""
    return PANIC_SECTION_ARTICLES[section]
