"""The help articles' file format: a small front matter and a small Markdown.

Articles are data (``resources/help/<language>/<id>.md``), written by people
who are not programmers and reviewed by people who are. So the format is
deliberately tiny and strict, and everything outside it is shown as plain
text, never interpreted:

* front matter between two ``---`` lines: ``key: value`` lines; a key with
  an empty value takes the ``- item`` lines that follow as a list;
* blocks separated by blank lines: ``##`` / ``###`` headings, ``- `` bullet
  lists, ``1. `` numbered lists, paragraphs, and ``{{name}}`` on a line of
  its own for a section the app fills in from its own data;
* inline: ``**bold**``, ```code```, ``[text](https://…)`` for the user's
  browser and ``[text](help:article-id)`` for another article.

:func:`to_html` escapes every character of the source first, so an article
can never inject markup; it emits no colours, so the view follows the
palette (light or dark).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape

LIST_KEYS = frozenset({"keywords", "sources", "related"})
_KEY = re.compile(r"^([a-z_]+):\s*(.*)$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")
_BULLET = re.compile(r"^[-*]\s+(.*)$")
_NUMBER = re.compile(r"^\d{1,3}[.)]\s+(.*)$")
_HEADING = re.compile(r"^(#{2,3})\s+(.*)$")
_DIRECTIVE = re.compile(r"^\{\{\s*([a-z_]+)\s*\}\}$")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`\n]+)`")
_SPLIT = re.compile(r"\s*[,，、]\s*")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
LINK_SCHEMES = ("https://", "http://", "mailto:", "help:")


class FormatError(ValueError):
    """The file breaks the format; the text says where (for maintainers, English)."""


@dataclass(frozen=True)
class Block:
    """One block of the body: ``kind`` is heading2/heading3/para/bullets/numbers/directive."""

    kind: str
    items: tuple[str, ...]


def split_front_matter(text: str) -> tuple[dict[str, str | tuple[str, ...]], str]:
    """``(meta, body)``; :class:`FormatError` when the header is missing or malformed."""
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        raise FormatError("the file must start with a '---' line")
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise FormatError("the front matter has no closing '---' line") from None
    meta: dict[str, str | tuple[str, ...]] = {}
    current: str | None = None
    items: list[str] = []
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        item = _ITEM.match(line)
        if item and current is not None:
            items.append(item.group(1).strip())
            meta[current] = tuple(items)
            continue
        key = _KEY.match(line)
        if not key:
            raise FormatError(f"line {number}: expected 'key: value', got {line.strip()!r}")
        name, value = key.group(1), key.group(2).strip()
        if name in meta:
            raise FormatError(f"line {number}: {name!r} is given twice")
        current, items = None, []
        if name in LIST_KEYS:
            if value:
                meta[name] = tuple(v for v in _SPLIT.split(value) if v)
            else:
                current = name
                meta[name] = ()
        else:
            meta[name] = value
    return meta, "\n".join(lines[end + 1 :])


def _join(lines: list[str]) -> str:
    """Join wrapped lines; no space between two Chinese characters."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and not (_CJK.match(out[-1]) and _CJK.match(line[:1])):
            out += " "
        out += line
    return out


def parse_body(body: str) -> tuple[Block, ...]:
    """Split the Markdown body into blocks (see the module docstring)."""
    blocks: list[Block] = []
    kind: str | None = None
    items: list[list[str]] = []

    def flush() -> None:
        nonlocal kind, items
        if kind is not None:
            blocks.append(Block(kind, tuple(_join(lines) for lines in items)))
        kind, items = None, []

    for raw in body.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        directive = _DIRECTIVE.match(stripped)
        listed = _BULLET.match(stripped) or _NUMBER.match(stripped)
        if heading or directive:
            flush()
            if heading:
                blocks.append(Block(f"heading{len(heading.group(1))}", (heading.group(2),)))
            elif directive:
                blocks.append(Block("directive", (directive.group(1),)))
        elif listed:
            wanted = "numbers" if stripped[0].isdigit() else "bullets"
            if kind != wanted:
                flush()
                kind = wanted
            items.append([listed.group(1)])
        elif kind in ("bullets", "numbers") and raw.startswith((" ", "\t")):
            items[-1].append(stripped)  # a wrapped list item
        else:
            if kind != "para":
                flush()
                kind = "para"
                items = [[]]
            items[0].append(stripped)
    flush()
    return tuple(blocks)


def links(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """Every link target in the body, in order."""
    found: list[str] = []
    for block in blocks:
        if block.kind != "directive":
            for item in block.items:
                found += [m.group(2) for m in _LINK.finditer(item)]
    return tuple(found)


def inline_html(text: str) -> str:
    """Escape ``text``, then turn the three inline forms into HTML."""
    out = escape(text, quote=True)
    out = _CODE.sub(r"<code>\1</code>", out)
    out = _BOLD.sub(r"<b>\1</b>", out)
    return _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', out)


def inline_text(text: str, *, internal_links: bool = True) -> str:
    """The words a reader sees (link text without its address, no markers).

    ``internal_links=False`` drops the text of links to other articles: that
    text describes the other article, so search should not credit this one.
    """
    text = _LINK.sub(
        lambda m: m.group(1) if internal_links or not m.group(2).startswith("help:") else "",
        text,
    )
    return text.replace("**", "").replace("`", "")


def to_html(blocks: tuple[Block, ...], directive: Callable[[str], str]) -> Iterator[str]:
    """HTML for the blocks; ``directive(name)`` supplies the app's own sections."""
    for block in blocks:
        if block.kind == "heading2":
            yield f"<h2>{inline_html(block.items[0])}</h2>"
        elif block.kind == "heading3":
            yield f"<h3>{inline_html(block.items[0])}</h3>"
        elif block.kind == "para":
            yield f"<p>{inline_html(block.items[0])}</p>"
        elif block.kind in ("bullets", "numbers"):
            tag = "ul" if block.kind == "bullets" else "ol"
            inner = "".join(f"<li>{inline_html(item)}</li>" for item in block.items)
            yield f"<{tag}>{inner}</{tag}>"
        elif block.kind == "directive":
            yield directive(block.items[0])


def plain_text(blocks: tuple[Block, ...], *, internal_links: bool = True) -> str:
    """All readable words of the body (for the search index: ``internal_links=False``)."""
    return "\n".join(
        inline_text(item, internal_links=internal_links)
        for block in blocks
        if block.kind != "directive"
        for item in block.items
    )


def directives(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    return tuple(block.items[0] for block in blocks if block.kind == "directive")
