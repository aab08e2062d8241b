"""Reading and checking the help files: one article per language, and the myths.

A damaged or half-translated help file must fail loudly in the tests and at
start of the help centre, with a message naming the file and the field —
never show an article without its sources, or a link that leads nowhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from types import MappingProxyType

from checks.directory.reporting import Bilingual
from checks.help import blocks as help_blocks
from checks.help import markdown as help_markdown
from checks.help.markdown import Block, FormatError
from checks.i18n import N_, InputError, msg

LANGUAGES = ("en", "zh_CN")
KEYS = (
    "id",
    "title",
    "answer",
    "topic",
    "keywords",
    "reviewed",
    "sources",
    "source_note",
    "related",
)
TOPICS: Mapping[str, str] = MappingProxyType(
    {"theft": N_("After a theft"), "protect": N_("Staying safe"), "app": N_("About this app")}
)
# Fields that must agree between the languages of one article.
SHARED = ("topic", "reviewed", "sources", "related")

_ID = re.compile(r"^[a-z][a-z0-9-]{2,47}$")
_PATH = re.compile(r"^([A-Za-z_]+)/([^/]+)\.md$")


class HelpError(InputError):
    """The help files are damaged; ``problem`` names the file and the field."""

    def __init__(self, problem: str) -> None:
        super().__init__(msg(N_("The help articles are damaged: {problem}"), problem=problem))
        self.problem = problem


@dataclass(frozen=True)
class Article:
    id: str
    language: str
    title: str
    answer: str  # the short answer, shown first
    topic: str
    keywords: tuple[str, ...]
    reviewed: date
    sources: tuple[str, ...]
    related: tuple[str, ...]
    blocks: tuple[Block, ...]
    # What the sources could not confirm, said plainly under them (optional).
    source_note: str = ""

    @property
    def help_links(self) -> tuple[str, ...]:
        """Ids of the articles this one links to in its text."""
        return tuple(
            link.removeprefix("help:")
            for link in help_markdown.links(self.blocks)
            if link.startswith("help:")
        )


@dataclass(frozen=True)
class Myth:
    id: str
    article: str
    claim: Bilingual
    truth: Bilingual


def _text(meta: Mapping[str, object], key: str, where: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or not value.strip():
        raise HelpError(f"{where}: {key!r} must be a non-empty text")
    return value.strip()


def _list(
    meta: Mapping[str, object], key: str, where: str, *, empty: bool = False
) -> tuple[str, ...]:
    value = meta.get(key)
    if isinstance(value, str):  # "related:" left empty on its own line
        value = () if not value else (value,)
    if not isinstance(value, tuple) or (not value and not empty):
        raise HelpError(f"{where}: {key!r} must list at least one item")
    return tuple(value)


def parse_article(path: str, text: str) -> Article:
    """One file, e.g. ``en/freeze-refund.md``; :class:`HelpError` naming what is wrong."""
    match = _PATH.match(path)
    if not match or match.group(1) not in LANGUAGES:
        raise HelpError(f"{path}: expected <language>/<id>.md with language en or zh_CN")
    language, file_id = match.groups()
    try:
        meta, body = help_markdown.split_front_matter(text)
        blocks = help_markdown.parse_body(body)
    except FormatError as error:
        raise HelpError(f"{path}: {error}") from error
    unknown = sorted(set(meta) - set(KEYS))
    if unknown:
        raise HelpError(f"{path}: unknown field {unknown[0]!r}")
    article_id = _text(meta, "id", path)
    if article_id != file_id or not _ID.match(article_id):
        raise HelpError(f"{path}: 'id' must be the file name, in lower case letters, digits and -")
    topic = _text(meta, "topic", path)
    if topic not in TOPICS:
        raise HelpError(f"{path}: 'topic' must be one of {', '.join(TOPICS)}")
    try:
        reviewed = date.fromisoformat(_text(meta, "reviewed", path))
    except ValueError as error:
        raise HelpError(f"{path}: 'reviewed' must be a date like 2026-11-22") from error
    sources = _list(meta, "sources", path)
    bad = [u for u in sources if not u.startswith("https://") or any(c.isspace() for c in u)]
    if bad:
        raise HelpError(f"{path}: source {bad[0]!r} must be a web address starting with https://")
    if not blocks:
        raise HelpError(f"{path}: the article has no text after its short answer")
    for link in help_markdown.links(blocks):
        if not link.startswith(help_markdown.LINK_SCHEMES):
            raise HelpError(f"{path}: link {link!r} must start with https://, mailto: or help:")
    for name in help_markdown.directives(blocks):
        if name not in help_blocks.BLOCKS:
            raise HelpError(f"{path}: unknown section {{{{{name}}}}}")
    return Article(
        id=article_id,
        language=language,
        title=_text(meta, "title", path),
        answer=_text(meta, "answer", path),
        topic=topic,
        keywords=_list(meta, "keywords", path),
        reviewed=reviewed,
        sources=sources,
        related=_list(meta, "related", path, empty=True),
        blocks=blocks,
        source_note=_text(meta, "source_note", path) if "source_note" in meta else "",
    )


def check_articles(articles: Iterable[Article]) -> dict[tuple[str, str], Article]:
    """Every article in every language, agreeing on facts; every link leads somewhere."""
    table: dict[tuple[str, str], Article] = {}
    for article in articles:
        table[(article.id, article.language)] = article
    ids = {article_id for article_id, _language in table}
    for article_id in sorted(ids):
        for language in LANGUAGES:
            if (article_id, language) not in table:
                raise HelpError(f"{language}/{article_id}.md is missing")
        first, *others = (table[(article_id, language)] for language in LANGUAGES)
        for other in others:
            for name in SHARED:
                mine, theirs = getattr(first, name), getattr(other, name)
                if (set(mine) if isinstance(mine, tuple) else mine) != (
                    set(theirs) if isinstance(theirs, tuple) else theirs
                ):
                    raise HelpError(
                        f"{other.language}/{article_id}.md: {name!r} differs from the English one"
                    )
            if bool(first.source_note) != bool(other.source_note):
                raise HelpError(
                    f"{other.language}/{article_id}.md: 'source_note' must be in every language"
                )
    for (article_id, language), article in sorted(table.items()):
        for target in (*article.related, *article.help_links):
            if target not in ids or target == article_id:
                raise HelpError(f"{language}/{article_id}.md: links to unknown article {target!r}")
    return table


def parse_myths(raw: str, article_ids: Iterable[str]) -> tuple[Myth, ...]:
    """``myths.json``: ``{"myths": [{"id", "article", "claim", "truth"}]}``, bilingual."""
    known = set(article_ids)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise HelpError(f"myths.json: cannot be read ({error})") from error
    items = data.get("myths") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise HelpError('myths.json: must be {"myths": [...]} with at least one myth')
    myths = []
    for index, item in enumerate(items, start=1):
        where = f"myths.json item {index}"
        if not isinstance(item, dict):
            raise HelpError(f"{where}: must be an object")
        myth_id, article = item.get("id"), item.get("article")
        if not isinstance(myth_id, str) or not _ID.match(myth_id):
            raise HelpError(f"{where}: 'id' must be lower case letters, digits and -")
        if article not in known:
            raise HelpError(f"{where}: links to unknown article {article!r}")
        texts = []
        for key in ("claim", "truth"):
            value = item.get(key)
            if not isinstance(value, dict) or not all(
                isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGUAGES
            ):
                raise HelpError(f'{where}: {key!r} must be {{"en": ..., "zh_CN": ...}}')
            texts.append(Bilingual(en=value["en"], zh_CN=value["zh_CN"]))
        myths.append(Myth(id=myth_id, article=str(article), claim=texts[0], truth=texts[1]))
    return tuple(myths)


def read_files() -> tuple[dict[str, str], str]:
    """The shipped files: ``({"en/<id>.md": text, …}, myths.json text)``."""
    root = files("resources").joinpath("help")
    found: dict[str, str] = {}
    try:
        for folder in root.iterdir():
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                if entry.name.endswith(".md"):
                    found[f"{folder.name}/{entry.name}"] = entry.read_text(encoding="utf-8")
        myths = root.joinpath("myths.json").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise HelpError(f"cannot read the help folder ({error})") from error
    return found, myths
