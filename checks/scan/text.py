"""Turn a file's bytes into UTF-8 text: encodings, RTF, and office documents.

Every function here is pure and total: bad input gives ``None`` (not text,
or too broken to read), never an exception.  The caller counts it.

Encodings
    A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32).  Without one,
    NUL bytes almost all at odd (or even) offsets mean UTF-16 without a BOM;
    NUL bytes otherwise mean a binary file.  Valid UTF-8 is UTF-8; anything
    else is tried as GB18030 (Chinese Windows' "ANSI"), then Latin-1.
RTF
    Control words and groups such as the font table are dropped; ``\\'hh``
    bytes are decoded with the document's code page and ``\\uN`` as Unicode.
Office (docx, xlsx, odt)
    See :mod:`checks.scan.office`.
"""

from __future__ import annotations

import codecs
import re

SNIFF = 8192  # bytes looked at to tell text from binary

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def to_utf8(data: bytes) -> bytes | None:
    """``data`` as UTF-8, or None for a binary file.  Plain UTF-8 comes back as is."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _recode(data[len(bom) :], encoding)
    head = data[:SNIFF]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        return None if utf16 is None else _recode(data, utf16)
    if data.isascii():
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and len(data) > SNIFF:
            return data  # a multi-byte character cut at the end (a chunk of a big file)
        return _recode(data, "gb18030") or _recode(data, "latin-1")
    return data


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 of mostly ASCII text has its NULs on one side of each pair."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    pairs = len(head) // 2
    if odd >= pairs * 0.2 and even <= odd * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.2 and odd <= even * 0.05:
        return "utf-16-be"
    return None  # NULs without a pattern: binary


def _recode(data: bytes, encoding: str) -> bytes | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding.startswith(("utf-16", "utf-32")):
            text = data.decode(encoding, errors="replace")  # a cut pair at the end
        else:
            return None
    if "\x00" in text or _mostly_controls(text[:SNIFF]):
        return None  # binary after all
    return text.encode("utf-8", errors="replace")


def _mostly_controls(sample: str) -> bool:
    controls = sum(1 for char in sample if char < " " and char not in "\t\r\n\f")
    return controls > len(sample) // 20


# --- RTF ---------------------------------------------------------------------------

_RTF_TOKEN = re.compile(
    rb"\\'([0-9a-fA-F]{2})"  # a byte in the document's code page
    rb"|\\u(-?\d{1,6}) ?(?:\\'[0-9a-fA-F]{2}|\?)?"  # a Unicode character and its fallback
    rb"|\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word
    rb"|\\([^a-zA-Z])"  # a control symbol: \{ \} \\ \~ …
    rb"|([{}])"
    rb"|([\r\n]+)"
    rb"|([^\\{}\r\n]+)"
)
#: Groups whose text is not the document's text.
_RTF_SKIP = {b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header",
             b"footer", b"themedata", b"colorschememapping", b"datastore", b"latentstyles",
             b"listtable", b"listoverridetable", b"rsidtbl", b"generator", b"xmlnstbl"}  # fmt: skip
_RTF_BREAKS = {b"par", b"line", b"tab", b"cell", b"row", b"sect", b"page"}
_RTF_MAX_DEPTH = 200


def rtf_to_utf8(data: bytes) -> bytes | None:
    """The text of an RTF document, or None if it is not one."""
    if not data.lstrip().startswith(b"{\\rtf"):
        return None
    codepage = re.search(rb"\\ansicpg(\d+)", data[:4096])
    encoding = f"cp{int(codepage.group(1))}" if codepage else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    out: list[str] = []
    raw = bytearray()  # \'hh bytes waiting to be decoded together (GBK is two bytes)
    skip_depth: int | None = None
    depth = 0

    def flush() -> None:
        if raw:
            out.append(raw.decode(encoding, errors="replace"))
            raw.clear()

    for match in _RTF_TOKEN.finditer(data):
        hexbyte, uni, word, _number, symbol, brace, newline, plain = match.groups()
        if brace is not None:
            flush()
            depth += 1 if brace == b"{" else -1
            if depth > _RTF_MAX_DEPTH:
                return None
            if skip_depth is not None and depth < skip_depth:
                skip_depth = None
            continue
        if skip_depth is not None or newline is not None:
            continue
        if hexbyte is not None:
            raw.append(int(hexbyte, 16))
            continue
        flush()
        if uni is not None:
            out.append(chr(int(uni) % 0x10000 if int(uni) < 0 else min(int(uni), 0x10FFFF)))
        elif word is not None:
            if word in _RTF_SKIP:
                skip_depth = depth
            elif word in _RTF_BREAKS:
                out.append("\n" if word != b"tab" else "\t")
        elif symbol is not None:
            if symbol == b"*":
                skip_depth = depth  # {\*\destination …}: not text
            elif symbol in b"{}\\":
                out.append(symbol.decode())
            elif symbol in (b"~", b"_", b"-"):
                out.append(" ")
        elif plain is not None:
            out.append(plain.decode(encoding, errors="replace"))
    flush()
    return "".join(out).encode("utf-8", errors="replace")
