"""What goes into the PyInstaller bundle, as plain functions ``build.spec`` calls.

Kept apart from the spec so tests can check the rules without running
PyInstaller. Nothing here imports PyInstaller; the spec passes its
functions in where one is needed.

Why prune at all: excluding Python modules changes nothing (PyInstaller
only collects what is imported). The weight comes from Qt plugins that
drag whole libraries in — the virtual keyboard pulls QML and Quick, the
PDF image-format plugin pulls QtPdf, the GTK3 platform theme pulls GTK,
Cairo and Pango — and from platform plugins a desktop app never uses.
Removing a plugin from the list is not enough: the libraries it linked
were already collected, so :func:`prune_binaries` also drops every
library that only the removed files needed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath

# A PyInstaller TOC entry: (name in the bundle, source path, typecode).
TocEntry = tuple[str, str, str]
# bindepend.get_imports: (referenced name, resolved path or None) for one binary.
GetImports = Callable[[str], Iterable[tuple[str, "str | None"]]]

DISPLAY_NAME = "Wallet Checkup"
DISPLAY_NAME_ZH = "钱包安全体检"
# Reverse-DNS identifier for macOS. Change it once the project owns a domain:
# macOS ties the keyring entry's access rights and preferences to it.
BUNDLE_IDENTIFIER = "org.wallet-checkup.WalletCheckup"

# Qt plugin types that only serve features we do not use: embedded
# displays, raw input devices, QML debugging, Wayland *compositors*,
# Designer, SQL, network information and TLS (the app opens no connection).
UNUSED_PLUGIN_TYPES = frozenset(
    {
        "designer",
        "egldeviceintegrations",
        "generic",
        "networkinformation",
        "qmltooling",
        "sqldrivers",
        "tls",
        "wayland-graphics-integration-server",
    }
)

# Single plugins (type, name without "lib" prefix and extension). Kept on
# purpose: platforms xcb, wayland, offscreen (Linux), windows, cocoa;
# imageformats svg and ico (icon themes, Windows icons); iconengines svg; the
# compose and ibus input contexts (Chinese input methods); printsupport (cups);
# the xdg-desktop-portal theme (native file dialogs on GNOME and in Flatpak);
# styles. The app reads no picture but its own PNGs (built into QtGui) and
# the icon theme's: evidence files are hashed, never opened as images.
UNUSED_PLUGINS = frozenset(
    {
        ("platforms", "qeglfs"),
        ("platforms", "qlinuxfb"),
        ("platforms", "qminimal"),
        ("platforms", "qminimalegl"),
        ("platforms", "qvnc"),
        ("platforms", "qvkkhrdisplay"),
        ("platforms", "qdirect2d"),
        ("platforminputcontexts", "qtvirtualkeyboardplugin"),
        ("platformthemes", "qgtk3"),
        ("imageformats", "qpdf"),
        ("imageformats", "qjpeg"),
        ("imageformats", "qwebp"),
        ("imageformats", "qtiff"),
        ("imageformats", "qgif"),
        ("imageformats", "qtga"),
        ("imageformats", "qwbmp"),
        ("imageformats", "qicns"),
    }
)

# Qt libraries (Linux libQt6Quick.so.6, Windows Qt6Quick.dll, macOS
# QtQuick.framework) and PySide6's QML helper that nothing we keep links to.
UNUSED_QT_LIBRARY = re.compile(
    r"^(lib)?(qt6?(qml|quick|pdf|virtualkeyboard|waylandcompositor|wlcompositor|eglfs|"
    r"designer|lottie|labs)|pyside6qml)",
    re.IGNORECASE,
)

# Qt's own translations (a "translations" folder of .qm files): only qtbase
# (OK, Cancel …) and the qt_<lang> catalogue that names it, for the
# languages the app offers.
KEPT_QT_TRANSLATIONS = ("qt", "qtbase")

# Source catalogues and code stay out of the bundle; compiled .mo/.qm go in.
RESOURCE_SKIP_SUFFIXES = frozenset({".py", ".pyc", ".po", ".pot", ".ts"})


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3rc1"`` → ``(1, 2, 3, 0)``: the four numbers Windows wants."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = re.match(r"\d+", part)
        numbers.append(int(digits.group()) if digits else 0)
    while len(numbers) < 4:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def windows_version_info(app_name: str, version: str) -> str:
    """The EXE's version resource, in the text form PyInstaller's ``version=`` reads.

    Written from the package version at build time, so it is never out of
    date. Explorer's Properties and Task Manager show these strings.
    """
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "Wallet Checkup developers",
        "FileDescription": f"{DISPLAY_NAME} ({DISPLAY_NAME_ZH})",
        "FileVersion": version,
        "InternalName": app_name,
        "LegalCopyright": "MIT License, Wallet Checkup developers",
        "OriginalFilename": f"{app_name}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
    }
    table = ",\n        ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# -*- coding: utf-8 -*-
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
        {table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def macos_info_plist(version: str) -> dict[str, object]:
    """Info.plist entries beyond PyInstaller's defaults."""
    return {
        "CFBundleName": DISPLAY_NAME,
        "CFBundleDisplayName": DISPLAY_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "zh-Hans"],
        "LSApplicationCategoryType": "public.app-category.finance",
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow dark mode
        "NSHumanReadableCopyright": "MIT License, Wallet Checkup developers",
    }


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """Every data file under ``root/resources`` as (source, folder in bundle).

    Read from the source tree, not from an installed copy, so the bundle
    always carries the files of the checkout being built.
    """
    base = root / "resources"
    found: list[tuple[str, str]] = []
    for path in sorted(base.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.suffix in RESOURCE_SKIP_SUFFIXES:
            continue
        found.append((str(path), path.parent.relative_to(root).as_posix()))
    return found


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(_posix(dest)).parts


def _stem(filename: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``libqcocoa.dylib`` → ``qxcb`` …"""
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def is_unused(dest: str, languages: Sequence[str]) -> bool:
    """Whether a bundle file (by its name in the bundle) is something we never use."""
    parts = _parts(dest)
    if not parts:
        return False
    if "plugins" in parts[:-1]:
        kind = parts[parts.index("plugins") + 1]
        if kind in UNUSED_PLUGIN_TYPES:
            return True
        if len(parts) > parts.index("plugins") + 2:
            if (kind, _stem(parts[parts.index("plugins") + 2])) in UNUSED_PLUGINS:
                return True
    if parts[-1].endswith(".qm") and "translations" in parts[:-1]:
        wanted = {f"{base}_{lang}.qm" for base in KEPT_QT_TRANSLATIONS for lang in languages}
        return parts[-1] not in wanted
    return any(UNUSED_QT_LIBRARY.match(part) for part in parts)


def prune(
    binaries: Sequence[TocEntry],
    datas: Sequence[TocEntry],
    drop: Callable[[str], bool],
    get_imports: GetImports,
) -> tuple[list[TocEntry], list[TocEntry], list[TocEntry]]:
    """Remove entries ``drop`` names, and every library only they needed.

    A library counts as "only needed by dropped files" when it is reachable
    from a dropped entry through link-time imports and not reachable from
    any kept file. Files never reachable from a dropped one are not even
    looked at, so a library loaded at run time by name stays. Symbolic
    links (PyInstaller lists them among the data files) to anything removed
    go too. Returns (binaries, datas, removed).
    """

    def key(path: str) -> str:
        return os.path.normcase(os.path.basename(path))

    entries = [e for e in binaries if e[2] != "SYMLINK"]
    by_name = {key(e[1]): e for e in entries}

    def deps(entry: TocEntry) -> set[str]:
        found = set()
        for name, resolved in get_imports(entry[1]):
            for candidate in (resolved, name):
                if candidate and key(candidate) in by_name:
                    found.add(key(candidate))
                    break
        return found

    def closure(start: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(start)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(deps(by_name[name]) - seen)
        return seen

    dropped = {key(e[1]) for e in entries if drop(e[0])}
    candidates = closure(dropped) - dropped
    needed = closure(set(by_name) - dropped - candidates)
    removed_names = dropped | (candidates - needed)
    removed_dests = {_posix(e[0]) for e in entries if key(e[1]) in removed_names}

    def gone(entry: TocEntry, is_binary: bool) -> bool:
        dest, src, typecode = entry
        if typecode == "SYMLINK":
            return drop(dest) or _posix(src) in removed_dests
        return _posix(dest) in removed_dests if is_binary else drop(dest)

    removed = [e for e in binaries if gone(e, True)] + [e for e in datas if gone(e, False)]
    return (
        [e for e in binaries if not gone(e, True)],
        [e for e in datas if not gone(e, False)],
        removed,
    )


def _posix(path: str) -> str:
    return path.replace("\\", "/")
