"""Make the text copied out of our PDFs the text we printed.

Why. A PDF's text layer maps each drawn glyph back to Unicode through the
font's ``ToUnicode`` map. Qt builds that map by walking code points from
U+0000 upwards and keeping, for each glyph, the *first* code point that the
font draws with it (``QFontSubset::getReverseMap``). CJK fonts (Noto Sans
CJK, Source Han, …) draw the Kangxi and supplementary radicals with the same
glyphs as the ideographs they look like, and the radicals (U+2E80–U+2FDF)
come before the ideographs (U+3400 on). So 工 was copied out as ⼯, 网 as ⽹,
页 as ⻚: 209 of 3,442 characters in a Chinese checkup report. Pasted into a
police or support form, that text is wrong, and searching the PDF fails.

The fix. :func:`fix_text_layer` rewrites each ``ToUnicode`` map that Qt
wrote, replacing a radical by the ideograph that shares its glyph in the
fonts the reports use (:func:`radical_equivalents`, read from the fonts
themselves), and updates the stream's length and the cross-reference table.
The pages, the fonts and the glyphs are untouched: only what a copy or a
search reads changes.

The rewrite knows the exact shape of Qt's output (uncompressed ``ToUnicode``
streams written as ``<< /Length N >>``, one classic ``xref`` table); a PDF
not in that shape is returned unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
# Where the ideographs a radical may share a glyph with are.
IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))

_TOUNICODE = re.compile(rb"<< /Length (\d+) >>\nstream\n(?=/CIDInit /ProcSet findresource begin\n)")
_LINE = re.compile(rb"^<([0-9A-F]{4})> <([0-9A-F]{4})> (.*)$")
_HEX = re.compile(rb"<([0-9A-F]{4})>")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) n(?= ?\r?\n)")


def _hex(code: int) -> bytes:
    return b"<%04X>" % code


def fix_cmap(cmap: bytes, equivalents: Mapping[int, int]) -> bytes:
    """One ``ToUnicode`` map with every radical replaced by its ideograph.

    Qt writes three kinds of ``bfrange`` lines: ``<a> <a> <u>`` (one glyph),
    ``<a> <b> [<u1> … ]`` (one code per glyph) and ``<a> <b> <u>`` (glyphs
    a…b are u, u+1, …). A line of the last kind that runs over a radical is
    written out as the second kind.
    """
    out = []
    for line in cmap.split(b"\n"):
        match = _LINE.match(line)
        if match is None:
            out.append(line)
            continue
        first, last = int(match[1], 16), int(match[2], 16)
        rest = match[3]
        if rest.startswith(b"["):
            codes = [int(code, 16) for code in _HEX.findall(rest)]
        else:
            start = int(rest[1:5], 16)
            codes = [start + offset for offset in range(last - first + 1)]
            if not any(code in equivalents for code in codes):
                out.append(line)
                continue
        fixed = [equivalents.get(code, code) for code in codes]
        head = _hex(first) + b" " + _hex(last) + b" "
        if first == last:
            out.append(head + _hex(fixed[0]))
        else:
            out.append(head + b"[" + b"".join(_hex(code) + b" " for code in fixed) + b"]")
    return b"\n".join(out)


def fix_text_layer(pdf: bytes, equivalents: Mapping[int, int]) -> bytes:
    """``pdf`` with radicals in its ``ToUnicode`` maps replaced (module docstring)."""
    pieces: list[bytes] = []
    shifts: list[tuple[int, int]] = []  # (offset in the old file, bytes added after it)
    position = 0
    for match in _TOUNICODE.finditer(pdf):
        length = int(match[1])
        start = match.end()
        old = pdf[start : start + length]
        new = fix_cmap(old, equivalents)
        if new == old:
            continue
        header = b"<< /Length %d >>\nstream\n" % len(new)
        pieces += [pdf[position : match.start()], header, new]
        replaced = start + length - match.start()  # the old header and map
        shifts.append((match.start(), len(header) + len(new) - replaced))
        position = start + length
    if not shifts:
        return pdf
    pieces.append(pdf[position:])
    return _move_xref(b"".join(pieces), shifts)


def _moved(offset: int, shifts: Iterable[tuple[int, int]]) -> int:
    return offset + sum(delta for at, delta in shifts if at < offset)


def _move_xref(pdf: bytes, shifts: list[tuple[int, int]]) -> bytes:
    """Point the cross-reference table and ``startxref`` at the objects' new offsets."""
    tail = pdf.rfind(b"\nstartxref\n")
    xref = pdf.rfind(b"\nxref\n", 0, tail)
    if tail < 0 or xref < 0:
        raise ValueError("not a PDF with a classic cross-reference table")
    table = _XREF_ENTRY.sub(
        lambda m: b"%010d %s n" % (_moved(int(m[1]), shifts), m[2]), pdf[xref:tail]
    )
    end = pdf.index(b"\n", tail + len(b"\nstartxref\n"))
    old_start = int(pdf[tail + len(b"\nstartxref\n") : end].strip())
    new_start = _moved(old_start, shifts)
    if new_start != xref + 1:
        raise ValueError("the cross-reference table is not where startxref says")
    return pdf[:xref] + table + b"\nstartxref\n" + b"%d " % new_start + pdf[end:]


def equivalents_from_glyphs(glyph_of: Mapping[int, int]) -> dict[int, int]:
    """Radical → ideograph, for every radical drawn with an ideograph's glyph.

    ``glyph_of`` maps code points (radicals and ideographs) to a font's glyph
    indexes (0: not in the font). Where several ideographs share the glyph,
    the one Unicode names as the radical's compatibility equivalent wins,
    else the lowest.
    """
    by_glyph: dict[int, list[int]] = {}
    for ideographs in IDEOGRAPHS:
        for code in ideographs:
            glyph = glyph_of.get(code, 0)
            if glyph:
                by_glyph.setdefault(glyph, []).append(code)
    found = {}
    for radical in RADICALS:
        candidates = by_glyph.get(glyph_of.get(radical, 0) or -1)
        if not candidates:
            continue
        nfkc = unicodedata.normalize("NFKC", chr(radical))
        preferred = ord(nfkc) if len(nfkc) == 1 and ord(nfkc) in candidates else None
        found[radical] = preferred or min(candidates)
    return found
