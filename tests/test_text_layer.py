"""The PDF text layer's radicals are replaced by the ideographs (desktop/printing/text_layer.py)."""

from __future__ import annotations

import re

from desktop.printing.text_layer import equivalents_from_glyphs, fix_cmap, fix_text_layer

GONG, RADICAL_GONG = 0x5DE5, 0x2F2F  # 工 and ⼯
YE, RADICAL_YE = 0x9875, 0x2EDA  # 页 and ⻚
EQUIVALENTS = {RADICAL_GONG: GONG, RADICAL_YE: YE}


def cmap(lines: str) -> bytes:
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        f"2 beginbfrange\n{lines}\nendbfrange\nendcmap\nend\nend\n"
    ).encode()


def test_each_form_of_bfrange_line_is_fixed() -> None:
    single = "<0003> <0003> <2F2F>"
    array = "<0004> <0006> [<0041> <2EDA> <0042> ]"
    linear = "<0010> <0012> <2F2E>"  # 2F2E, 2F2F, 2F30: the middle one is a radical we know
    untouched = "<0020> <002B> <0041>"
    fixed = fix_cmap(cmap("\n".join([single, array, linear, untouched])), EQUIVALENTS)
    assert b"<0003> <0003> <5DE5>\n" in fixed
    assert b"<0004> <0006> [<0041> <9875> <0042> ]\n" in fixed
    assert b"<0010> <0012> [<2F2E> <5DE5> <2F30> ]\n" in fixed
    assert b"<0020> <002B> <0041>\n" in fixed
    assert fix_cmap(cmap(untouched), EQUIVALENTS) == cmap(untouched)


def pdf(*objects: bytes) -> bytes:
    """A minimal PDF laid out as Qt writes one: objects, a classic xref, startxref."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<<\n/Size %d\n>>\nstartxref\n%d \n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def offsets_point_at_objects(data: bytes) -> bool:
    start = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    table = data[start:].split(b"trailer")[0].splitlines()[3:]
    return data[start:].startswith(b"xref") and all(
        data[int(line[:10]) :].startswith(b"%d 0 obj" % number)
        for number, line in enumerate(table, 1)
    )


def test_the_whole_file_stays_consistent() -> None:
    linear = cmap("<0010> <001F> <2F00>")  # sixteen radicals in a row become an array
    original = pdf(b"<< /Type /Catalog >>", stream(linear), stream(b"BT ET"), b"<< /X 1 >>")
    assert offsets_point_at_objects(original)
    table = {code: 0x4E00 + code - 0x2F00 for code in range(0x2F00, 0x2F10)}
    fixed = fix_text_layer(original, table)
    assert fixed != original and len(fixed) > len(original)
    assert offsets_point_at_objects(fixed)
    assert b"<0010> <001F> [<4E00> <4E01>" in fixed
    found = re.search(rb"<< /Length (\d+) >>\nstream\n(.*?)\nendstream", fixed, re.S)
    assert found is not None
    length, body = found.groups()
    assert int(length) == len(body) > len(linear)
    assert fix_text_layer(original, {}) == original


def test_equivalents_come_from_shared_glyphs() -> None:
    # ⼾ shares 户's glyph in Simplified Chinese fonts (Unicode's equivalent is 戶).
    glyphs = {0x2F3E: 7, 0x6237: 7, 0x6236: 8, RADICAL_GONG: 3, GONG: 3, 0x2F00: 0, 0x4E00: 1}
    assert equivalents_from_glyphs(glyphs) == {0x2F3E: 0x6237, RADICAL_GONG: GONG}
    # When two ideographs share it, Unicode's own equivalent wins.
    assert equivalents_from_glyphs({RADICAL_GONG: 3, 0x4E01: 3, GONG: 3}) == {RADICAL_GONG: GONG}
