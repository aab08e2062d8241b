"""Packaging: the PyInstaller spec, the bundle rules, the .desktop file, the icons.

Fast checks only; the real build and its smoke test are
``python scripts/build_bundle.py`` (docs/BUILDING.md). The spec is run here
with PyInstaller's classes replaced by recorders, so these tests need no
PyInstaller and build nothing.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import itertools
import shlex
import shutil
import struct
import subprocess
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

from checks import APP_NAME, __version__
from desktop.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
ICONS = ROOT / "packaging" / "icons"
DESKTOP_FILE = ROOT / "packaging" / "linux" / f"{APP_NAME}.desktop"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def load_bundle_rules() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bundle_rules", ROOT / "packaging" / "bundle_rules.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bundle_rules", module)
    spec.loader.exec_module(module)
    return module


rules = load_bundle_rules()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


# -- build.spec ---------------------------------------------------------------


def test_spec_takes_name_and_version_from_the_package() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "checks"
        for alias in node.names
    }
    assert {"APP_NAME", "__version__"} <= imported
    literals = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert __version__ not in literals and APP_NAME not in literals


def recorder(kind: str) -> Any:
    return lambda *args, **kwargs: Recorder(kind, *args, **kwargs)


class Recorder:
    """Stands in for Analysis, PYZ, EXE, COLLECT and BUNDLE: remembers its arguments."""

    made: ClassVar[list[Recorder]] = []

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        Recorder.made.append(self)


FAKE_BINARIES = [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/libqxcb.so", "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/libqgtk3.so", "BINARY"),
    ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
    ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY"),
    ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
]
FAKE_IMPORTS = {
    "/qt/libqxcb.so": ["libQt6Gui.so.6", "libglib-2.0.so.0"],
    "/qt/libqgtk3.so": ["libgtk-3.so.0", "libQt6Gui.so.6"],
    "/usr/lib/libgtk-3.so.0": ["libglib-2.0.so.0"],
}


def run_spec(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, **env: str
) -> dict[str, Any]:
    """Execute build.spec as PyInstaller would, with recorders instead of PyInstaller."""
    from PySide6.QtCore import QLibraryInfo

    for name in ("WALLET_CHECKUP_ONEFILE", "WALLET_CHECKUP_NO_PRUNE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    collected: list[tuple[str, str]] = []

    def collect_data_files(package: str, **_options: object) -> list[tuple[str, str]]:
        collected.append(("data", package))
        return [(f"/site/{package}/wordlist/english.txt", f"{package}/wordlist")]

    def copy_metadata(package: str) -> list[tuple[str, str]]:
        collected.append(("metadata", package))
        return [(f"/site/{package}.dist-info", f"{package}.dist-info")]

    def collect_submodules(package: str) -> list[str]:
        collected.append(("submodules", package))
        return [package, f"{package}.SecretService"]

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = collect_data_files  # type: ignore[attr-defined]
    hooks.copy_metadata = copy_metadata  # type: ignore[attr-defined]
    hooks.collect_submodules = collect_submodules  # type: ignore[attr-defined]
    qt = types.ModuleType("PyInstaller.utils.hooks.qt")
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt.pyside6_library_info = types.SimpleNamespace(  # type: ignore[attr-defined]
        location={"TranslationsPath": translations}, qt_rel_dir="PySide6/Qt"
    )
    bindepend = types.ModuleType("PyInstaller.depend.bindepend")
    bindepend.get_imports = lambda path: [  # type: ignore[attr-defined]
        (name, None) for name in FAKE_IMPORTS.get(path, [])
    ]
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.depend"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks.qt", qt)
    monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(sys, "platform", platform)

    class Analysis(Recorder):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__("Analysis", *args, **kwargs)
            self.pure: list[Any] = []
            self.scripts: list[Any] = []
            self.binaries = list(FAKE_BINARIES)
            self.datas = [  # PyInstaller's form: (name in the bundle, source, kind)
                *((f"{dest}/{Path(src).name}", src, "DATA") for src, dest in kwargs["datas"]),
                ("libgtk-3.so.0", "libgtk-3.so.0", "SYMLINK"),
                ("PySide6/Qt/translations/qtbase_de.qm", "/qt/qtbase_de.qm", "DATA"),
            ]

    monkeypatch.setattr(Recorder, "made", [])
    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "SPECPATH": str(ROOT),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(tmp_path / "dist"),
        "Analysis": Analysis,
        **{kind: recorder(kind) for kind in ("PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    found: dict[str, Any] = {"collected": collected}
    for made in Recorder.made:
        found.setdefault(made.kind, []).append(made)
    return found


def test_spec_one_folder_named_from_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    found = run_spec(monkeypatch, tmp_path, "linux")
    (exe,) = found["EXE"]
    (coll,) = found["COLLECT"]
    assert exe.kwargs["name"] == APP_NAME and coll.kwargs["name"] == APP_NAME
    assert exe.kwargs["exclude_binaries"] is True
    assert exe.kwargs["upx"] is False and exe.kwargs["console"] is False
    assert "BUNDLE" not in found
    assert exe.kwargs["version"] is None  # Windows only
    assert coll.kwargs["strip"] is True  # Linux: the libraries' symbols stay out


@pytest.mark.parametrize(
    ("platform", "env"),
    [("win32", {}), ("darwin", {}), ("linux", {"WALLET_CHECKUP_NO_PRUNE": "1"})],
)
def test_spec_strips_only_pruned_linux_builds(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, env: dict[str, str]
) -> None:
    found = run_spec(monkeypatch, tmp_path, platform, **env)
    assert found["COLLECT"][0].kwargs["strip"] is False
    assert found["EXE"][0].kwargs["strip"] is False


def test_spec_collects_what_the_app_loads_at_run_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    found = run_spec(monkeypatch, tmp_path, "linux")
    collected = found["collected"]
    assert ("data", "mnemonic") in collected
    assert ("data", "publicsuffixlist") in collected
    assert ("metadata", "keyring") in collected
    assert ("submodules", "keyring.backends") in collected
    (analysis,) = found["Analysis"]
    hidden = analysis.kwargs["hiddenimports"]
    assert {"resources", "secretstorage", "keyring.backends.SecretService"} <= set(hidden)
    datas = {(Path(src).name, dest) for src, dest in analysis.kwargs["datas"]}
    assert ("wallet_checkup.mo", "resources/locale/zh_CN/LC_MESSAGES") in datas
    assert ("confusables.json", "resources") in datas
    assert ("app.svg", "resources/icons") in datas
    assert ("qtbase_zh_CN.qm", "PySide6/Qt/translations") in datas
    assert not any(name.endswith((".po", ".pot", ".py")) for name, _ in datas)


def test_spec_prunes_a_plugin_and_the_libraries_only_it_needed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (coll,) = run_spec(monkeypatch, tmp_path, "linux")["COLLECT"]
    _exe, binaries, datas = coll.args
    names = {dest for dest, _src, _kind in binaries}
    assert names == {
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libglib-2.0.so.0",  # the xcb plugin needs it too
        "PySide6/Qt/lib/libQt6Gui.so.6",
    }
    data_names = {dest for dest, _src, _kind in datas}
    assert "libgtk-3.so.0" not in data_names  # the symbolic link to a removed library
    assert "PySide6/Qt/translations/qtbase_de.qm" not in data_names


def test_spec_unpruned_keeps_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (coll,) = run_spec(monkeypatch, tmp_path, "linux", WALLET_CHECKUP_NO_PRUNE="1")["COLLECT"]
    assert len(coll.args[1]) == len(FAKE_BINARIES)


def test_spec_onefile_on_request(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    found = run_spec(monkeypatch, tmp_path, "linux", WALLET_CHECKUP_ONEFILE="1")
    (exe,) = found["EXE"]
    assert "COLLECT" not in found
    assert exe.kwargs["name"] == APP_NAME and "exclude_binaries" not in exe.kwargs
    assert any(isinstance(arg, list) and arg and len(arg[0]) == 3 for arg in exe.args)


def test_spec_macos_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    found = run_spec(monkeypatch, tmp_path, "darwin")
    (bundle,) = found["BUNDLE"]
    assert bundle.kwargs["name"] == "Wallet Checkup.app"
    assert bundle.kwargs["bundle_identifier"] == rules.BUNDLE_IDENTIFIER
    assert bundle.kwargs["version"] == __version__
    plist = bundle.kwargs["info_plist"]
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleShortVersionString"] == __version__
    assert Path(bundle.kwargs["icon"]).suffix == ".icns" and Path(bundle.kwargs["icon"]).is_file()
    (exe,) = found["EXE"]
    assert Path(exe.kwargs["icon"]).suffix == ".icns"


def test_spec_windows_version_resource(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (exe,) = run_spec(monkeypatch, tmp_path, "win32")["EXE"]
    assert Path(exe.kwargs["icon"]).suffix == ".ico" and Path(exe.kwargs["icon"]).is_file()
    text = Path(exe.kwargs["version"]).read_text(encoding="utf-8")
    assert text == rules.windows_version_info(APP_NAME, __version__)


# -- bundle rules ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("dest", "unused"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqico.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/lib/libQt6QmlModels.so.6", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
        ("PySide6/Qt/lib/libQt6Svg.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),
        ("PySide6/Qt/translations/qtbase_ja.qm", True),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", True),
        ("resources/locale/zh_CN/LC_MESSAGES/wallet_checkup.mo", False),
        ("resources/icons/app.svg", False),
        # Windows
        ("PySide6\\plugins\\platforms\\qwindows.dll", False),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", False),
        ("PySide6\\Qt6Quick.dll", True),
        ("PySide6\\Qt6Core.dll", False),
        ("PySide6\\translations\\qtbase_zh_CN.qm", False),
        # macOS
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", False),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", True),
        ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", False),
    ],
)
def test_is_unused(dest: str, unused: bool) -> None:
    assert rules.is_unused(dest, ["zh_CN"]) is unused


def test_prune_keeps_a_library_a_kept_file_still_needs() -> None:
    binaries = [
        ("a.so", "/x/a.so", "EXTENSION"),
        ("drop.so", "/x/drop.so", "BINARY"),
        ("only-drop.so", "/x/only-drop.so", "BINARY"),
        ("deep.so", "/x/deep.so", "BINARY"),
        ("shared.so", "/x/shared.so", "BINARY"),
        ("loaded-by-name.so", "/x/loaded-by-name.so", "BINARY"),
    ]
    imports = {
        "/x/a.so": [("shared.so", "/x/shared.so")],
        "/x/drop.so": [("only-drop.so", None), ("shared.so", "/x/shared.so")],
        "/x/only-drop.so": [("deep.so", "/x/deep.so")],
    }
    datas = [("link.so", "only-drop.so", "SYMLINK"), ("keep.json", "/x/keep.json", "DATA")]
    kept, kept_data, removed = rules.prune(
        binaries, datas, lambda dest: dest == "drop.so", lambda path: imports.get(path, [])
    )
    assert [e[0] for e in kept] == ["a.so", "shared.so", "loaded-by-name.so"]
    assert kept_data == [("keep.json", "/x/keep.json", "DATA")]
    assert {e[0] for e in removed} == {"drop.so", "only-drop.so", "deep.so", "link.so"}


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)), ("2.0rc1", (2, 0, 0, 0))],
)
def test_version_tuple(version: str, numbers: tuple[int, ...]) -> None:
    assert rules.version_tuple(version) == numbers


def test_windows_version_info_is_what_pyinstaller_reads() -> None:
    """PyInstaller eval()s this text with its version classes; here with recorders."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    text = rules.windows_version_info("wallet-checkup", "1.2.3")
    kind, _args, info = eval(text, {name: record(name) for name in names})
    assert kind == "VSVersionInfo"
    assert info["ffi"][2]["filevers"] == (1, 2, 3, 0)
    table = info["kids"][0][1][0][0][1][1]
    strings = {entry[1][0]: entry[1][1] for entry in table}
    assert strings["ProductVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "wallet-checkup.exe"


# -- Linux desktop entry -----------------------------------------------------------


def desktop_entry() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser


def test_desktop_file_named_like_the_app() -> None:
    """Qt's setDesktopFileName(APP_NAME) (Wayland app id) points at this file name."""
    assert DESKTOP_FILE.is_file()


def test_desktop_file_entry() -> None:
    entry = desktop_entry()["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert shlex.split(entry["Exec"]) == [APP_NAME]
    assert entry["Icon"] == APP_NAME
    assert entry["Terminal"] == "false"
    for key in ("Name", "Comment", "GenericName"):
        assert entry[key].isascii() and entry[key]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry[f"{key}[zh_CN]"])


def test_desktop_file_panic_action_opens_panic_mode() -> None:
    parser = desktop_entry()
    actions = [a for a in parser["Desktop Entry"]["Actions"].split(";") if a]
    assert actions == ["Panic"]
    panic = parser["Desktop Action Panic"]
    assert panic["Name"] and any("\u4e00" <= ch <= "\u9fff" for ch in panic["Name[zh_CN]"])
    argv = shlex.split(panic["Exec"])
    assert argv[0] == APP_NAME and "--panic" in argv
    assert build_parser().parse_args(argv[1:]).panic is True  # the real command line accepts it


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


# -- icons ------------------------------------------------------------------------------

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICNS_SIZES = {
    b"icp4": 16,
    b"icp5": 32,
    b"ic11": 32,
    b"ic12": 64,
    b"ic07": 128,
    b"ic13": 256,
    b"ic08": 256,
    b"ic14": 512,
    b"ic09": 512,
    b"ic10": 1024,
}


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icons_in_every_size(size: int) -> None:
    data = (ICONS / f"{APP_NAME}-{size}.png").read_bytes()
    assert png_size(data) == (size, size)
    assert data[25] == 6  # colour type RGBA: a transparent background


def read_ico(data: bytes) -> dict[int, bytes]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1) and count > 0
    images: dict[int, bytes] = {}
    spans = []
    for index in range(count):
        width, height, colours, zero, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert zero == 0 and planes == 1 and bits == 32 and colours == 0
        assert 6 + 16 * count <= offset and offset + length <= len(data)
        image = data[offset : offset + length]
        side = width or 256
        assert png_size(image) == (side, height or 256)
        images[side] = image
        spans.append((offset, offset + length))
    spans.sort()
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))  # no overlap
    return images


def read_icns(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    entries: dict[bytes, bytes] = {}
    position = 8
    while position < len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack_from(">I", data, position + 4)
        assert length >= 8 and position + length <= len(data)
        entries[kind] = data[position + 8 : position + length]
        position += length
    assert position == len(data)
    return entries


def test_ico_holds_every_windows_size() -> None:
    images = read_ico((ICONS / f"{APP_NAME}.ico").read_bytes())
    assert sorted(images) == [16, 24, 32, 48, 64, 128, 256]


def test_icns_is_well_formed() -> None:
    entries = read_icns((ICONS / f"{APP_NAME}.icns").read_bytes())
    toc = entries.pop(b"TOC ")
    assert set(entries) == set(ICNS_SIZES)
    for kind, image in entries.items():
        assert png_size(image) == (ICNS_SIZES[kind], ICNS_SIZES[kind]), kind
    listed = [
        (toc[i : i + 4], struct.unpack_from(">I", toc, i + 4)[0]) for i in range(0, len(toc), 8)
    ]
    assert listed == [(kind, len(image) + 8) for kind, image in entries.items()]


def test_make_icons_renders_the_svg(qapp: Any, tmp_path: Path) -> None:
    import make_icons

    written = make_icons.make_icons(out=tmp_path)
    assert {p.name for p in written} == {p.name for p in ICONS.iterdir()}
    assert sorted(read_ico((tmp_path / f"{APP_NAME}.ico").read_bytes())) == [
        16, 24, 32, 48, 64, 128, 256,
    ]  # fmt: skip
    png = (tmp_path / f"{APP_NAME}-64.png").read_bytes()
    from PySide6.QtGui import QImage

    image = QImage.fromData(png)
    assert image.pixelColor(0, 0).alpha() == 0  # transparent corner
    assert image.pixelColor(32, 16).blue() > 150  # the blue shield


UI_ICONS = ROOT / "resources" / "icons"


def test_window_icons_are_the_svgs_rendered(qapp: Any) -> None:
    """The window uses PNGs (no SVG plugin before the first paint): each size of
    each SVG exists and still looks like its SVG. Run scripts/make_icons.py after
    changing an SVG."""
    import make_icons

    from PySide6.QtGui import QImage

    from desktop.ui.icons import SIZES

    assert make_icons.UI_SIZES == SIZES
    svgs = sorted(UI_ICONS.glob("*.svg"))
    assert len(svgs) >= 10
    expected = {f"{svg.stem}-{size}.png" for svg in svgs for size in SIZES}
    assert {p.name for p in (UI_ICONS / "png").iterdir()} == expected
    for svg in svgs:
        for size in SIZES:
            stored = QImage(str(UI_ICONS / "png" / f"{svg.stem}-{size}.png"))
            fresh = QImage.fromData(make_icons.render_png(svg.read_bytes(), size))
            assert (stored.width(), stored.height()) == (size, size)
            worst = max(
                abs(stored.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
                for x in range(size)
                for y in range(size)
            )
            assert worst <= 8, f"{svg.name} at {size} px differs from its PNG"


def test_icon_has_every_size(qapp: Any) -> None:
    from PySide6.QtCore import QSize

    from desktop.ui.icons import SIZES, icon

    found = icon("panic")
    assert sorted(size.width() for size in found.availableSizes()) == sorted(SIZES)
    assert not found.pixmap(QSize(32, 32)).isNull()


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0])
def test_badges_are_drawn_at_their_device_size_at_every_common_scale(
    qapp: Any, scale: float
) -> None:
    """The home screen's badges skip QIcon (bench/RESULTS.md): each common scale
    has its own rendered PNG, so nothing is rescaled."""
    from desktop.ui.icons import pixmap

    badge = pixmap("panic", 32, scale)
    assert badge.width() == badge.height() == round(32 * scale)
    assert badge.devicePixelRatio() == pytest.approx(scale)


def test_an_unusual_scale_takes_the_next_larger_picture(qapp: Any) -> None:
    from desktop.ui.icons import pixmap

    badge = pixmap("panic", 32, 1.1)  # 35.2 device pixels: the 40-px picture, shown at 32
    assert (badge.width(), badge.devicePixelRatio()) == (40, pytest.approx(1.25))
    assert pixmap("panic", 32, 4.0).width() == 96  # the largest there is


def test_packaging_folder_is_not_a_python_package() -> None:
    """``packaging`` is also a PyPI package (PyInstaller and pip use it). A folder
    without __init__.py is only a namespace portion, which never shadows it."""
    assert not (ROOT / "packaging" / "__init__.py").exists()
