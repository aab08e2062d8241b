"""Render the icons: the installers' PNGs, .ico and .icns, and the UI's PNGs.

    python scripts/make_icons.py            # writes packaging/icons/ and resources/icons/png/

The sources are the SVG files in ``resources/icons``; Qt's SVG renderer
draws them at each size (no Pillow, no Inkscape). The window uses the
PNGs in ``resources/icons/png`` (``NAME-SIZE.png``): decoding a PNG needs
no plugin, while the first SVG loads Qt's SVG module and plugins, which
cost memory and time before the first paint (bench/RESULTS.md, 9j).

The .ico (Windows) and .icns (macOS) files are both containers of PNG
images, written here by hand:

* ICO: a 6-byte header, a 16-byte directory entry per image, then the PNG
  data (PNG inside ICO works since Windows Vista).
* ICNS: ``icns`` + total length, then per image a 4-byte type code
  (``icp4`` 16 px, ``ic07`` 128 px, ``ic10`` 512@2x …) + length + PNG data,
  all big-endian, with a ``TOC `` entry first as ``iconutil`` writes it.

Run it again whenever an SVG changes, and commit the results (a test compares them).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checks import APP_NAME  # noqa: E402

SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUT = ROOT / "packaging" / "icons"
UI_SOURCES = ROOT / "resources" / "icons"
UI_OUT = UI_SOURCES / "png"
# A 24-px design grid, 20–36 px on screen: 32 px at 100, 125, 150, 175, 200, 250 and 300 %
# without rescaling (the home screen draws its 32-px badges from these PNGs directly).
UI_SIZES = (16, 24, 32, 40, 48, 56, 64, 80, 96)
NAME = APP_NAME  # the icon's name in icon themes, as in the .desktop file

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type code, pixel size), in the order iconutil writes them.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
)


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn into a transparent ``size``×``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the SVG could not be read by Qt's SVG renderer")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    straight = image.convertToFormat(QImage.Format.Format_ARGB32)
    if not straight.save(buffer, "PNG"):  # type: ignore[call-overload]  # str works, stubs say bytes
        raise OSError("Qt could not encode a PNG")
    return bytes(buffer.data().data())


def ico_bytes(images: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file holding the given (size, PNG bytes) images."""
    items = list(images)
    header = struct.pack("<HHH", 0, 1, len(items))
    offset = len(header) + 16 * len(items)
    directory = b""
    payload = b""
    for size, png in items:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + directory + payload


def icns_bytes(images: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file holding the given (type code, PNG bytes) images."""
    items = list(images)
    toc = b"".join(kind + struct.pack(">I", 8 + len(png)) for kind, png in items)
    body = b"TOC " + struct.pack(">I", 8 + len(toc)) + toc
    for kind, png in items:
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(source: Path = SOURCE, out: Path = OUT) -> list[Path]:
    """Write every icon file into ``out``; returns the paths written."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    svg = source.read_bytes()
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: render_png(svg, size) for size in sizes}
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = out / f"{NAME}-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    ico = out / f"{NAME}.ico"
    ico.write_bytes(ico_bytes((size, pngs[size]) for size in ICO_SIZES))
    icns = out / f"{NAME}.icns"
    icns.write_bytes(icns_bytes((kind, pngs[size]) for kind, size in ICNS_TYPES))
    return [*written, ico, icns]


def make_ui_icons(sources: Path = UI_SOURCES, out: Path = UI_OUT) -> list[Path]:
    """Write ``NAME-SIZE.png`` for every SVG in ``sources``; returns the paths written."""
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for svg in sorted(sources.glob("*.svg")):
        data = svg.read_bytes()
        for size in UI_SIZES:
            path = out / f"{svg.stem}-{size}.png"
            path.write_bytes(render_png(data, size))
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default: {OUT})")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in [*make_icons(SOURCE, args.out), *make_ui_icons()]:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
