"""Reports rendered to PDF with Qt and read back with pypdf (desktop/printing/__init__.py)."""

from __future__ import annotations

import html
import io
import itertools
import re
from dataclasses import replace

import pypdf
import pytest
import report_samples as S
from report_samples import normalise
from test_reports import EN, ZH, checkup, incident, kit

from PySide6.QtCore import QThread
from PySide6.QtGui import QColor, QImage, QPainter, QTextCursor, QTextOption, QTextTable

from checks.directory.reporting import REGION_IDS
from checks.panic.case import Transaction
from checks.reports import Report
from checks.reports.html import document, table
from desktop import printing


def pages_of(data: bytes) -> list[str]:
    return [normalise(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def render(report: Report) -> list[str]:
    data, count = printing.pdf_bytes(report)
    pages = pages_of(data)
    assert len(pages) == count
    return pages


def assert_running_heads(report: Report, pages: list[str], version_label: str) -> None:
    """Title, date, app version and "page n of N" on every page."""
    for number, text in enumerate(pages, 1):
        assert normalise(report.title) in text, number
        assert normalise(report.date_text) in text
        assert normalise(version_label) in text
        assert normalise(report.page_label(number, len(pages))) in text


@pytest.fixture(autouse=True)
def _gui(qapp):  # QTextDocument and fonts need a QGuiApplication
    return qapp


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_recovery_kit_pdf(language: str) -> None:
    translate = ZH if language == "zh_CN" else EN
    report = kit(language, "zh_CN" if language == "zh_CN" else "en_US")
    pages = render(report)
    assert 1 <= len(pages) <= 2
    assert_running_heads(
        report, pages, translate("Wallet Checkup {version}").format(version="0.1.0")
    )
    whole = "".join(pages)
    for heading in ("Recovery kit", "3. People to call", "5. When it happens, write down"):
        assert normalise(translate(heading)) in whole
    assert "https://token.im" in whole


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_incident_report_pdf(language: str) -> None:
    translate = ZH if language == "zh_CN" else EN
    report = incident(language)
    pages = render(report)
    assert 2 <= len(pages) <= 5
    assert_running_heads(
        report, pages, translate("Wallet Checkup {version}").format(version="0.1.0")
    )
    whole = "".join(pages)
    for tx in (S.ETH_TX, S.BTC_TX, S.TRON_TX, S.THIEF):  # whole, though wrapped in cells
        assert tx in whole
    for heading in ("Timeline (UTC and local time)", "Transactions", "Evidence files (SHA-256)"):
        assert normalise(translate(heading)) in whole
    if language == "zh_CN":
        assert (
            "事件报告" in whole or normalise(ZH("Incident report: stolen crypto-assets")) in whole
        )


def test_bilingual_incident_report_pdf() -> None:
    report = incident(bilingual=True)
    whole = "".join(render(report))
    assert normalise("Timeline (UTC and local time)") in whole
    assert normalise(ZH("Timeline (UTC and local time)")) in whole


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_checkup_report_pdf(language: str) -> None:
    translate = ZH if language == "zh_CN" else EN
    report = checkup(language)
    pages = render(report)
    assert 1 <= len(pages) <= 5
    assert_running_heads(
        report, pages, translate("Wallet Checkup {version}").format(version="0.1.0")
    )
    whole = "".join(pages)
    _previous, current = S.sample_runs()
    grade = translate(current.score.grade_label)
    assert (
        normalise(
            translate("Score {score} of 100: {grade}").format(
                score=current.score.overall, grade=grade
            )
        )
        in whole
    )
    assert normalise(translate("Scores by topic")) in whole


@pytest.mark.parametrize(
    ("locale", "width", "height"), [("en_US", 612, 792), ("zh_CN", 595, 842), ("es_MX", 612, 792)]
)
def test_paper_follows_the_locale(locale: str, width: int, height: int) -> None:
    data, _pages = printing.pdf_bytes(kit(locale=locale))
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (width, height)


@pytest.mark.parametrize(
    "locale", ["zh_CN", "zh_HK", "zh_TW", "en_SG", "en_US", "en_GB", "de_DE", "en"]
)
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_recovery_kit_fits_two_pages_in_every_region(locale: str, language: str) -> None:
    _data, pages = printing.pdf_bytes(kit(language, locale))
    assert 1 <= pages <= 2


@pytest.mark.parametrize("region", REGION_IDS)
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("locale", ["en_US", "de_DE"])  # Letter and A4
def test_recovery_kit_fits_two_pages_for_any_chosen_region(region, language, locale) -> None:
    laid = printing.LaidOut(
        kit(language, locale, region=region),
        printing.page_layout("Letter" if locale == "en_US" else "A4"),
    )
    assert 1 <= laid.pages <= 2


def _cell_box_mm(laid: printing.LaidOut, label: str) -> tuple[float, float]:
    """Width and height (mm) of the table cell whose text starts with ``label``."""
    doc = laid.document
    block = doc.begin()
    while block.isValid() and not block.text().startswith(label):
        block = block.next()
    assert block.isValid(), label
    table = QTextCursor(block).currentTable()
    assert table is not None
    cell = table.cellAt(block.position())
    layout = doc.documentLayout()
    first = layout.blockBoundingRect(doc.findBlock(cell.firstPosition()))
    last = layout.blockBoundingRect(doc.findBlock(cell.lastPosition()))
    per_mm = printing.REFERENCE_DPI / 25.4
    return first.width() / per_mm, (last.bottom() - first.top()) / per_mm


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_there_is_room_to_write_a_whole_transaction_hash_by_hand(language, locale) -> None:
    """A TxID has 64-66 characters: full width (≈ 180 mm) and ≥ 12 mm of height for
    two handwritten lines — not the 7 mm × 125 mm box there was."""
    translate = ZH if language == "zh_CN" else EN
    report = kit(language, locale)
    laid = printing.LaidOut(report, printing.page_layout(report.paper))
    for label in (
        f"{translate('Transaction hash (TxID)')} 1",
        translate("The address your money went to"),
    ):
        width, height = _cell_box_mm(laid, label)
        assert width >= 175, (label, width)
        assert height >= 12, (label, height)
    _width, noticed = _cell_box_mm(laid, translate("Date and time you noticed it"))
    assert noticed >= 8  # a date and a time, by hand


def _laid_out_width(
    report: Report, wrap: QTextOption.WrapMode | None = None
) -> tuple[float, float]:
    laid = printing.LaidOut(report, printing.page_layout(report.paper))
    if wrap is not None:
        option = laid.document.defaultTextOption()
        option.setWrapMode(wrap)
        laid.document.setDefaultTextOption(option)
    return laid.document.size().width(), laid.width


def test_long_hashes_wrap_inside_the_margins() -> None:
    signature = next(iter(S.REAL["solana_signatures"]))
    long_value = "0x" + "ab" * 120  # longer than any real hash: still wrapped
    case = S.sample_case()
    case = case.add_transaction(Transaction("solana", signature, "", "", "SOL", "3"))
    case = case.add_transaction(Transaction("other", long_value, long_value, long_value))
    report = incident(case=case)
    used, available = _laid_out_width(report)
    assert used <= available + 0.5
    # The check can fail: without wrapping anywhere the same report runs past the margin.
    unwrapped, _ = _laid_out_width(report, QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    overflow, _ = _laid_out_width(report, QTextOption.WrapMode.WordWrap)
    assert unwrapped <= available + 0.5 < overflow
    assert long_value in "".join(render(report))


def test_a_heading_never_ends_a_page() -> None:
    filler = "".join(f"<p>Line {i}</p>" for i in range(200))
    html = f"{filler}<h2>Lonely heading</h2><table border=1><tr><td>x</td></tr></table>"
    report = replace(kit(), html=f"<html><body>{html}</body></html>")
    for lines in range(30, 60):  # slide the heading across the end of a page
        trial = replace(report, html=report.html.replace("<p>Line 0</p>", "<p>x</p>" * lines))
        laid = printing.LaidOut(trial, printing.page_layout("A4"))
        doc, page = laid.document, laid.body.height()
        block = doc.begin()
        while block.isValid() and block.text() != "Lonely heading":
            block = block.next()
        rect = doc.documentLayout().blockBoundingRect(block)
        left = page - rect.top() % page - rect.height()
        assert left >= printing.KEEP_WITH_NEXT_PX or rect.top() % page < 1


@pytest.mark.slow  # reads some fifty pages back with pypdf (the PDF's own time: bench 4a)
def test_a_large_case_renders() -> None:
    case = S.big_case(1000, 200)
    report = incident(case=case)
    data, count = printing.pdf_bytes(report)
    pages = pages_of(data)
    assert count == len(pages) > 30
    for number in (1, count // 2, count):
        text = pages[number - 1]
        assert normalise(report.title) in text and normalise(report.date_text) in text
        assert "WalletCheckup0.1.0" in text
        assert normalise(report.page_label(number, count)) in text
    whole = "".join(pages)
    assert case.transactions[-1].tx_hash in whole and "Entry999" in whole


def test_the_recovery_kit_fits_on_two_pages() -> None:
    """One sheet, both sides (its time is `python -m bench`, row 4b)."""
    _data, pages = printing.pdf_bytes(kit())
    assert pages <= 2


def test_rendering_in_a_worker_thread_gives_the_same_pdf() -> None:
    report = incident()
    results: list[tuple[bytes, int]] = []

    class Worker(QThread):
        def run(self) -> None:
            results.append(printing.pdf_bytes(report))

    worker = Worker()
    worker.start()
    assert worker.wait(60_000)
    threaded, pages = results[0]
    here, here_pages = printing.pdf_bytes(report)
    assert pages == here_pages and pages_of(threaded) == pages_of(here)


def test_without_a_chinese_font_chinese_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(printing, "cjk_families", lambda: [])
    assert not printing.can_print(kit("zh_CN", "zh_CN"))
    assert not printing.can_print(incident())  # a Chinese timeline note
    assert printing.can_print(kit("en", "en_US"))  # English only: prints anywhere


def raw_text(data: bytes) -> str:
    """Every page's text as a reader copies it out: nothing normalised."""
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def look_alikes(text: str) -> str:
    """Radicals (U+2E80–U+2FDF) and Latin ligatures (U+FB00–U+FB06) in ``text``."""
    return "".join(c for c in text if 0x2E80 <= ord(c) <= 0x2FDF or 0xFB00 <= ord(c) <= 0xFB06)


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(lambda: kit("zh_CN", "zh_CN"), id="recovery-kit"),
        pytest.param(lambda: incident("zh_CN"), id="incident-report"),
        pytest.param(lambda: incident(bilingual=True), id="incident-report-bilingual"),
        pytest.param(lambda: checkup("zh_CN"), id="checkup-report"),
        pytest.param(lambda: kit("en", "en_US"), id="recovery-kit-en"),
    ],
)
def test_copied_text_has_the_real_characters(report) -> None:
    """Copied from the PDF, 网 is 网 (not the radical ⽹) and "Official" is not "Oﬃcial"."""
    built = report()
    data, _pages = printing.pdf_bytes(built)
    text = raw_text(data)
    assert look_alikes(text) == ""
    printed = [built.title, built.date_text, built.footer_text, built.page_label(1, 2)]
    source = set(html.unescape(re.sub(r"<[^>]+>", "", built.html)) + "".join(printed))
    han = {c for c in text if "\u3400" <= c <= "\u9fff"}
    assert han <= source  # every ideograph copied out was printed
    if built.needs_cjk:
        assert len(han) > 100
    # The check can fail: Qt's own text layer has radicals (and the ligatures when
    # the font asks for them), which desktop.printing.text_layer replaces.
    from desktop.printing.text_layer import fix_text_layer

    assert fix_text_layer(data, {}) == data
    if built.needs_cjk:
        assert look_alikes(raw_text(unfixed_pdf(built)))


def unfixed_pdf(report: Report) -> bytes:
    """The PDF as Qt alone writes it (no text-layer fix)."""
    original = printing.fix_text_layer
    try:
        printing.fix_text_layer = lambda pdf: pdf  # type: ignore[assignment]
        return printing.pdf_bytes(report)[0]
    finally:
        printing.fix_text_layer = original  # type: ignore[assignment]


def test_the_fixed_pdf_points_at_every_object() -> None:
    """After the rewrite the cross-reference table still finds each object."""
    data, _pages = printing.pdf_bytes(checkup("zh_CN"))
    start = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    assert data[start : start + 4] == b"xref"
    entries = re.findall(rb"(\d{10}) \d{5} n", data[start:])
    assert len(entries) > 20
    for number, offset in enumerate(entries, 1):
        assert data[int(offset) :].startswith(b"%d 0 obj" % number)


def test_pdf_is_written_private(tmp_path) -> None:
    target = tmp_path / "kit.pdf"
    pages = printing.write_pdf(kit(), target)
    assert target.stat().st_mode & 0o777 == 0o600
    assert len(pages_of(target.read_bytes())) == pages
    with pytest.raises(FileExistsError):
        printing.write_pdf(kit(), target, replace=False)


def _grid_lines(markup: str) -> list[int]:
    """Widths (pixels) of the dark runs across a table's last (empty) row, at 96 dpi."""
    laid = printing.LaidOut(replace(kit(), html=markup), printing.page_layout("A4"))
    image = QImage(int(laid.width) + 8, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    laid.document.drawContents(painter)
    painter.end()
    table = next(f for f in laid.document.rootFrame().childFrames() if isinstance(f, QTextTable))
    y = int(laid.document.documentLayout().frameBoundingRect(table).bottom()) - 8
    dark = [image.pixelColor(x, y).lightness() < 200 for x in range(image.width())]
    runs = [len(list(group)) for is_dark, group in itertools.groupby(dark) if is_dark]
    return runs


def test_grid_tables_print_one_thin_line_between_cells_without_collapsed_borders() -> None:
    """The look of border-collapse, without Qt's collapsed-border code (checks.reports.html.GRID).

    With collapsed borders Qt asks every neighbouring cell's format while laying
    out and painting: half the instructions of a 1,000-entry incident report.
    """
    markup = document("t", table(["A", "B", "C"], [["", "", ""]]), "en", "A4")
    laid = printing.LaidOut(replace(kit(), html=markup), printing.page_layout("A4"))
    (grid,) = [f for f in laid.document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert not grid.format().borderCollapse()
    assert _grid_lines(markup) == [1, 1, 1, 1]  # left edge, two between cells, right edge
    # The check can fail: without the overlap, neighbours' borders make 2-pixel lines.
    doubled = markup.replace('cellspacing="-1"', 'cellspacing="0"')
    assert _grid_lines(doubled) != [1, 1, 1, 1]


def test_pdf_text_has_plain_letters_not_ligatures() -> None:
    """Someone searching the PDF for "official" finds it (Qt's shaping made "oﬃcial")."""
    body = "<p>Wrote to the wallet's official support; a fee was offered. 官方客服。</p>"
    report = replace(kit(), html=f"<html><body>{body}</body></html>")
    data, _pages = printing.pdf_bytes(report)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "official" in text and "offered" in text and "官方客服" in normalise(text)
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in text)
