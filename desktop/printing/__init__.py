"""Reports on paper and in PDF: the HTML from ``checks.reports``, laid out by
``QTextDocument`` and painted page by page.

Why page by page. ``QTextDocument`` paginates but has no running headers or
footers, and the title, date, app version and "Page n of N" must be on every
page. So the document is laid out once with a page size equal to the body
area (the printable area minus a header band and a footer band), and each
page is painted separately: the header and footer text with ``QPainter``,
then the document's slice for that page, clipped, shifted into the body
area. One document (not one per page) keeps tables, ``<thead>`` rows
repeated on each page and page breaks exactly as Qt's own pagination makes
them.

Why a 96-dpi reference device. ``QTextDocument`` reads CSS lengths (margins,
paddings, borders) as pixels *of the device it is laid out for*; laid out
for a 1200-dpi ``QPdfWriter`` a 6px padding is 0.1 mm. So the document is
laid out for a 1×1 ``QImage`` that says it has 96 dpi (CSS's own pixel),
with design metrics (unhinted glyph advances), and the painter is scaled
from 96 dpi to the target's resolution. The same layout then prints to a
PDF, a printer or the preview identically.

Fonts. The body font list puts Latin families before the Simplified Chinese
ones: measured here, Noto Sans CJK SC as the *first* family loses the text
layer of some digit runs in Qt's PDF output ("1234567890" extracts as
control codes), while Latin digits from DejaVu/Noto Sans/Segoe UI extract
correctly and Han characters still fall back to the SC family (never the
Japanese variant). A report with Chinese text needs a font with Simplified
Chinese; :func:`has_cjk_font` lets callers say so instead of printing boxes.
Qt's text layer names some ideographs by the radicals that share their glyph
(工 copied out as ⼯); :func:`fix_text_layer` puts the ideographs back
(:mod:`desktop.printing.text_layer`), and ligatures are off, so "Official"
copies out as itself, not "Oﬃcial".

Threads. :func:`pdf_bytes` creates and uses only ``QtGui`` objects in the
calling thread (``QTextDocument``, ``QImage``, ``QPdfWriter`` over a
``QBuffer``, ``QPainter``), which Qt allows in a worker thread where the
platform renders fonts in threads (xcb, Wayland, Windows, macOS, offscreen);
measured here in a ``QThread``: no Qt warning and the same text page for page
(tests/test_print_pdf.py). The window runs it with ``run_in_background``.
Printing to a ``QPrinter`` and the preview run on the UI thread (dialogs drive
them). How long the documents take (the recovery kit, an incident report
with 1,000 timeline entries and 200 transactions, the ``print`` command end
to end): bench/RESULTS.md, rows 4a–4d.

``QtPrintSupport`` and ``QtWidgets`` are imported only inside the functions
that need them, so the command line needs ``QtGui`` alone and the window's
start-up does not load printing support.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)

from checks.files import write_file_private
from checks.reports.html import Report
from desktop.printing import text_layer

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter  # print support only for a printer

REFERENCE_DPI = 96  # CSS pixels; the document is laid out in these units
MARGIN_MM = 12.0
HEADER_PX = 30.0  # header band: one line of small text, a rule and a gap
FOOTER_PX = 30.0
SMALL_PX = 11  # header and footer text, in reference pixels (≈ 8 pt)
BODY_POINTS = 10.0
KEEP_WITH_NEXT_PX = 72.0  # about four lines of body text
SHORT_TABLE = 0.45  # of a page: shorter tables are kept on one page
# Latin first (see the module docstring), then Simplified Chinese, so Han
# characters never get a Japanese glyph variant.
LATIN_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Arial", "Helvetica Neue"]
CJK_SC_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


# -- fonts and the application -------------------------------------------------


def gui_application() -> QGuiApplication:
    """The running application, or a ``QGuiApplication`` for the command line.

    Without a display (no ``DISPLAY``/``WAYLAND_DISPLAY`` on Linux and other
    Unix systems) the offscreen platform is chosen, unless the caller set one.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "wallet-checkup"])


def cjk_families() -> list[str]:
    """Installed families that draw Simplified Chinese (empty: none)."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def has_cjk_font() -> bool:
    return bool(cjk_families())


def can_print(report: Report) -> bool:
    """False when the report has Chinese text and no installed font can draw it."""
    return not report.needs_cjk or has_cjk_font()


@functools.cache
def radical_equivalents() -> dict[int, int]:
    """Radical → ideograph for the Chinese fonts reports are drawn with (see
    :mod:`desktop.printing.text_layer`), read from the fonts' own glyphs: the
    first family of the body font's list wins, regular and bold alike."""
    installed = set(cjk_families())
    codes = [*text_layer.RADICALS, *(code for block in text_layer.IDEOGRAPHS for code in block)]
    text = "".join(map(chr, codes))
    table: dict[int, int] = {}
    for family in reversed([f for f in body_font().families() if f in installed]):
        for bold in (True, False):
            font = QFont(family)
            font.setBold(bold)
            glyphs = QRawFont.fromFont(font).glyphIndexesForString(text)
            table.update(text_layer.equivalents_from_glyphs(dict(zip(codes, glyphs, strict=True))))
    return table


def fix_text_layer(pdf: bytes) -> bytes:
    """The PDF with the real ideographs in its text layer, not radicals."""
    return text_layer.fix_text_layer(pdf, radical_equivalents())


def body_font(pixel_size: int | None = None) -> QFont:
    """The report's font. Latin and Han text are not shaped (no kerning, no
    ligatures; scripts that need shaping still get it): the PDF's text then
    reads "official", not "oﬃcial", and a long report is laid out with fewer
    instructions (bench/RESULTS.md, 4e). Every font in the document inherits this."""
    extra = [f for f in cjk_families() if f not in CJK_SC_FAMILIES and " SC" in f]
    font = QFont([*LATIN_FAMILIES, *CJK_SC_FAMILIES, *extra])
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    if pixel_size is None:
        font.setPointSizeF(BODY_POINTS)
    else:
        font.setPixelSize(pixel_size)
    return font


# -- layout --------------------------------------------------------------------------


def page_layout(paper: str) -> QPageLayout:
    """Portrait A4 or Letter with 12 mm margins."""
    size = QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


class LaidOut:
    """A report laid out for one page layout, ready to paint page by page."""

    def __init__(self, report: Report, layout: QPageLayout) -> None:
        self.report = report
        # A 96-dpi stand-in device: CSS pixels stay CSS pixels (module docstring).
        self.reference = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(REFERENCE_DPI / 0.0254)
        self.reference.setDotsPerMeterX(dots_per_metre)
        self.reference.setDotsPerMeterY(dots_per_metre)
        area = layout.paintRect(QPageLayout.Unit.Point)
        scale = REFERENCE_DPI / 72.0
        self.width = area.width() * scale
        self.height = area.height() * scale
        self.body = QSizeF(self.width, self.height - HEADER_PX - FOOTER_PX)

        doc = QTextDocument()
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.setDefaultFont(body_font())
        option = QTextOption()
        # Long hashes and addresses have no spaces: wrap them anywhere
        # rather than let them run past the cell and the margin.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.documentLayout().setPaintDevice(self.reference)
        doc.setPageSize(self.body)  # before the content: the layout is made once, at this size
        doc.setHtml(report.html)
        keep_short_tables_together(doc, self.body.height())
        keep_headings_with_next(doc, self.body.height())
        self.document = doc
        self.pages = doc.pageCount()

    def paint(
        self, painter: QPainter, device: QPagedPaintDevice, pages: range | None = None
    ) -> int:
        """Paint ``pages`` (0-based; all by default) on an active painter. Returns pages painted."""
        chosen = pages if pages is not None else range(self.pages)
        scale = device.logicalDpiX() / REFERENCE_DPI
        painter.save()
        painter.scale(scale, device.logicalDpiY() / REFERENCE_DPI)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = _paper_palette()  # black on white, whatever the desktop theme
        count = 0
        for index in chosen:
            if count:
                device.newPage()
            self._paint_page(painter, context, index)
            count += 1
        painter.restore()
        return count

    def _paint_page(
        self, painter: QPainter, context: QAbstractTextDocumentLayout.PaintContext, index: int
    ) -> None:
        report = self.report
        font = body_font(SMALL_PX)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(QColor("#444444"))
        line = metrics.height()
        date = report.date_text
        title = metrics.elidedText(
            report.title,
            Qt.TextElideMode.ElideRight,
            self.width - metrics.horizontalAdvance(date) - 24,
        )
        top = QRectF(0, 0, self.width, line)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, date)
        bottom = QRectF(0, self.height - line, self.width, line)
        label = report.page_label(index + 1, self.pages)
        painter.drawText(
            bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, report.footer_text
        )
        painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        painter.setPen(QPen(QColor("#9e9e9e"), 0.75))
        painter.drawLine(0, round(line + 5), round(self.width), round(line + 5))
        rule = self.height - line - 5
        painter.drawLine(0, round(rule), round(self.width), round(rule))

        painter.save()
        height = self.body.height()
        painter.translate(0, HEADER_PX - index * height)
        clip = QRectF(0, index * height, self.width, height)
        painter.setClipRect(clip)
        context.clip = clip
        self.document.documentLayout().draw(painter, context)
        painter.restore()


def _at_page_top(top: float, page_height: float) -> bool:
    return top % page_height < 1.0


def _break_before_block(block: QTextBlock) -> None:
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def keep_short_tables_together(doc: QTextDocument, page_height: float) -> int:
    """Start a short table (and its heading) on a new page rather than split it.

    Qt breaks tables between lines, cell by cell: a row whose cells have lines
    of different heights (Chinese next to digits) can end up half on one page
    and half on the next. Long tables must break; a table shorter than
    :data:`SHORT_TABLE` of a page that would straddle a page boundary moves
    whole, together with the heading and notes just above it.
    """
    layout = doc.documentLayout()
    moved = 0
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        rect = layout.frameBoundingRect(frame)
        crosses = int(rect.top() // page_height) != int((rect.bottom() - 1) // page_height)
        if not crosses or rect.height() > SHORT_TABLE * page_height:
            continue
        target = None
        block = doc.findBlock(frame.firstPosition() - 1)
        for _step in range(3):  # look back over notes for the section's heading
            if not block.isValid():
                break
            if block.blockFormat().headingLevel() > 0:
                target = block
                break
            block = block.previous()
        if target is not None:
            if _at_page_top(layout.blockBoundingRect(target).top(), page_height):
                continue
            _break_before_block(target)
        else:
            table_format = frame.frameFormat()
            table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            frame.setFrameFormat(table_format)
        moved += 1
    return moved


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> int:
    """Move a heading that would end a page to the next one; returns how many moved.

    Qt's pagination keeps lines and table rows whole but has no "keep with
    next" (CSS ``page-break-after: avoid``), so a section title can be left
    alone at the foot of a page with its table overleaf. A heading with less
    than :data:`KEEP_WITH_NEXT_PX` of page left below it gets a page break
    before it. Headings are few, so the re-layout this causes stays cheap.
    """
    layout = doc.documentLayout()
    moved = 0
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() > 0 and not (
            fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        ):
            rect = layout.blockBoundingRect(block)
            offset = rect.top() % page_height
            if offset > 0 and page_height - offset - rect.height() < KEEP_WITH_NEXT_PX:
                _break_before_block(block)
                moved += 1
        block = block.next()
    return moved


def _paper_palette() -> QPalette:
    palette = QPalette()
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    return palette


# -- PDF -----------------------------------------------------------------------------------


def pdf_bytes(report: Report) -> tuple[bytes, int]:
    """The report as a PDF (A4 or Letter, as the report says) and its page count.

    Uses only QtGui objects made in this thread: safe to call from a worker.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(report.paper))
    writer.setTitle(report.title)
    writer.setCreator(report.footer_text)
    laid_out = LaidOut(report, writer.pageLayout())
    painter = QPainter(writer)
    try:
        pages = laid_out.paint(painter, writer)
    finally:
        painter.end()
    buffer.close()
    return fix_text_layer(bytes(buffer.data().data())), pages


def write_pdf(report: Report, path: Path, *, replace: bool = True) -> int:
    """Write the PDF atomically with owner-only permissions; returns the page count."""
    data, pages = pdf_bytes(report)
    write_file_private(path, data, replace=replace)
    return pages


# -- printer (UI thread) -------------------------------------------------------------------


def make_printer(report: Report) -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter  # print support only for a printer

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(report.paper))
    printer.setDocName(report.title)
    printer.setCreator(report.footer_text)
    return printer


def paint_on_printer(report: Report, printer: QPrinter) -> int:
    """Lay the report out for the printer's page (the user may have changed it) and paint."""
    laid_out = LaidOut(report, printer.pageLayout())
    first, last = printer.fromPage(), printer.toPage()
    pages = range(max(first, 1) - 1, min(last or laid_out.pages, laid_out.pages)) if first else None
    painter = QPainter(printer)
    if not painter.isActive():
        return 0
    try:
        count = laid_out.paint(painter, printer, pages)
    finally:
        painter.end()
    if printer.outputFormat() == type(printer).OutputFormat.PdfFormat and printer.outputFileName():
        target = Path(printer.outputFileName())  # the print dialog's "print to file"
        target.write_bytes(fix_text_layer(target.read_bytes()))
    return count
