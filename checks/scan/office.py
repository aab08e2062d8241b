"""The text of office documents (docx, xlsx, odt), put back together.

Word splits a sentence into "runs" wherever the formatting or the spell
checker's state changes, so ``abandon`` can be stored as ``aban`` + ``don``;
a spreadsheet keeps one word per cell.  The text of a paragraph is therefore
joined run by run without spaces, paragraphs and cells are separated by new
lines, and a spreadsheet's cells are laid out row by row.

The XML is read with regular expressions, not a parser: nothing is resolved
or expanded, so an entity bomb cannot grow.  A zip bomb cannot either: every
member is inflated through a bounded read (:data:`MEMBER_CAP`, and
:data:`TOTAL_CAP` for the document), whatever its header claims.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

MEMBER_CAP = 16 * 1024 * 1024  # bytes inflated from one member at most
TOTAL_CAP = 48 * 1024 * 1024  # bytes inflated from one document at most
MAX_MEMBERS = 2000  # members looked at; a real document has a few dozen

#: Members that hold a document's text, by extension.
_MEMBERS = {
    "docx": re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml"),
    "xlsx": re.compile(r"xl/(sharedStrings|worksheets/sheet\d+)\.xml"),
    "odt": re.compile(r"content\.xml"),
    "ods": re.compile(r"content\.xml"),
}
EXTENSIONS = frozenset(_MEMBERS)

_DOCX_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(?:tab|br|cr)\b[^>]*/>|</w:(p|tc)>")
_XLSX_SHARED = re.compile(rb"<si>(.*?)</si>", re.DOTALL)
_XLSX_T = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>")
_XLSX_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)|</row>", re.DOTALL)
_XLSX_V = re.compile(rb"<v>([^<]*)</v>")
_ODF_TEXT = re.compile(
    rb"(<text:(?:s|tab|line-break)\b[^>]*/>)|(</text:(?:p|h)>|</table:table-cell>)|<[^>]+>|([^<]+)"
)


class DocumentError(ValueError):
    """Not a readable document: broken zip, too big when inflated, or encrypted."""


def office_to_utf8(data: bytes, extension: str) -> bytes:
    """The text of a docx/xlsx/odt/ods file as UTF-8.  Raises :class:`DocumentError`."""
    pattern = _MEMBERS[extension]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()[:MAX_MEMBERS]
            members = {info.filename: _read(archive, info) for info in infos
                       if pattern.fullmatch(info.filename)}  # fmt: skip
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError) as error:  # fmt: skip
        raise DocumentError(str(error)) from None
    if sum(len(value) for value in members.values()) > TOTAL_CAP:
        raise DocumentError("too much text once inflated")
    if extension == "docx":
        parts = [_docx(xml) for xml in members.values()]
    elif extension == "xlsx":
        shared = _shared_strings(members.pop("xl/sharedStrings.xml", b""))
        parts = [_sheet(members[name], shared) for name in sorted(members)]
    else:
        parts = [_odf(xml) for xml in members.values()]
    return "\n".join(parts).encode("utf-8", errors="replace")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as member:
        data = member.read(MEMBER_CAP + 1)
    if len(data) > MEMBER_CAP:
        raise DocumentError(f"{info.filename} inflates past the cap")
    return data


def _unescape(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", errors="replace"))


def _docx(xml: bytes) -> str:
    out: list[str] = []
    for match in _DOCX_TEXT.finditer(xml):
        text, closing = match.groups()
        if text is not None:
            out.append(_unescape(text))
        elif closing is not None:
            out.append("\n")
        else:
            out.append(" ")
    return "".join(out)


def _shared_strings(xml: bytes) -> list[str]:
    return [
        "".join(_unescape(t) for t in _XLSX_T.findall(item)) for item in _XLSX_SHARED.findall(xml)
    ]


def _sheet(xml: bytes, shared: list[str]) -> str:
    out: list[str] = []
    for match in _XLSX_CELL.finditer(xml):
        attributes, body = match.groups()
        if attributes is None:
            out.append("\n")  # end of a row
            continue
        body = body or b""
        if b't="s"' in attributes:
            value = _XLSX_V.search(body)
            number = int(value.group(1)) if value and value.group(1).isdigit() else -1
            out.append(shared[number] if 0 <= number < len(shared) else "")
        elif b't="inlineStr"' in attributes:
            out.append("".join(_unescape(t) for t in _XLSX_T.findall(body)))
        else:
            value = _XLSX_V.search(body)
            out.append(_unescape(value.group(1)) if value else "")
        out.append(" ")
    return "".join(out)


def _odf(xml: bytes) -> str:
    out: list[str] = []
    for match in _ODF_TEXT.finditer(xml):
        space, end, text = match.groups()
        if text is not None:
            out.append(_unescape(text))
        elif end is not None:
            out.append("\n")
        elif space is not None:
            out.append(" ")
    return "".join(out)
