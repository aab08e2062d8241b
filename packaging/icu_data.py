"""Trim Qt's ICU data to the languages the app ships (Linux bundles).

PySide6's Linux wheels bring ICU, and most of it is one data library,
``libicudata.so.NN``: every locale of CLDR, linked in as one symbol
(``icudtNN_dat``) in ICU's "common data" format — a table of contents
and the items (``icudt73l/coll/zh.res``, ``icudt73l/gb18030.cnv`` …).

What Qt asks ICU for (the ICU functions libQt6Core imports): collation
(``QCollator``, the file dialog's sorting), time-zone names
(``QTimeZone``), case mapping (``QLocale::toUpper``) and text codecs
(``QStringConverter``). Case mapping is in ICU's code; codecs, time-zone
rules and the Unicode tables are not tied to a locale; collation and
zone names are asked in the app's language (``QLocale.setDefault``), and
for any locale ICU lacks it falls back to ``root``.

So: keep every item that is not a locale, and of the locales keep
``root`` and those of the app's languages (``en*``, ``zh*``). The result
is linked into a library of the same name and symbol with the C compiler
(``cc``), the way ICU's own build links its data. What is kept answers
exactly as before: ``packaging/icu_probe.py`` compares the two, in
``scripts/build_bundle.py`` and in tests/test_bundle_icu.py.

Nothing here imports PyInstaller or Qt.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# A locale's resource bundle: "root", or a language subtag and more parts
# ("zh_Hans_CN", "de__PHONEBOOK"). Two names look like one and are not.
_LOCALE = re.compile(r"^(root|[a-z]{2,3}(_[A-Za-z0-9]*)*)$")
_NOT_LOCALES = frozenset({"res_index", "pool"})
_DATA_SYMBOL = re.compile(rb"^icudt\d+_dat$")
_ALIGN = 16  # ICU aligns every item of a package to 16 bytes
_PAD = b"\xaa"  # what icupkg pads the names with


@dataclass(frozen=True)
class Package:
    """ICU common data: its header (kept as it is) and its items, in order."""

    header: bytes
    items: list[tuple[str, bytes]]
    endian: str  # "<" or ">", for struct

    def size(self) -> int:
        return sum(len(data) for _name, data in self.items)


def read_package(blob: bytes) -> Package:
    """Parse ICU's common data ("CmnD"): a header, a table of contents, the items."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not ICU common data (CmnD)")
    endian = ">" if blob[8] else "<"
    if endian == ">":
        header_size = struct.unpack_from(">H", blob, 0)[0]
    (count,) = struct.unpack_from(endian + "I", blob, header_size)
    entries = [
        struct.unpack_from(endian + "II", blob, header_size + 4 + 8 * index)
        for index in range(count)
    ]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        start = header_size + name_offset
        name = blob[start : blob.index(b"\0", start)].decode("ascii")
        end = entries[index + 1][1] + header_size if index + 1 < count else len(blob)
        items.append((name, blob[header_size + data_offset : end]))
    return Package(blob[:header_size], items, endian)


def write_package(package: Package) -> bytes:
    """The common data for ``package``, laid out as ICU's icupkg writes it."""
    header, items, endian = package.header, package.items, package.endian
    toc_size = 4 + 8 * len(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in items)
    name_offsets, offset = [], toc_size
    for name, _data in items:
        name_offsets.append(offset)
        offset += len(name) + 1
    position = _aligned(len(header) + offset)
    data_offsets, body = [], bytearray()
    for _name, data in items:
        data_offsets.append(position - len(header))
        padded = _aligned(len(data))
        body += data + b"\0" * (padded - len(data))
        position += padded
    toc = struct.pack(endian + "I", len(items)) + b"".join(
        struct.pack(endian + "II", name_at, data_at)
        for name_at, data_at in zip(name_offsets, data_offsets, strict=True)
    )
    head = header + toc + names
    return head + _PAD * (_aligned(len(head)) - len(head)) + bytes(body)


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def is_kept(item: str, languages: Iterable[str]) -> bool:
    """Whether an item (``icudt73l/coll/zh.res``) is needed for ``languages`` (``zh_CN`` …)."""
    leaf = item.rsplit("/", 1)[-1]
    stem, _dot, suffix = leaf.rpartition(".")
    if suffix != "res" or stem in _NOT_LOCALES or not _LOCALE.match(stem):
        return True  # not a locale: converters, rules, time zones, Unicode tables
    wanted = {"root"} | {language.split("_")[0] for language in languages}
    return stem.split("_")[0] in wanted


def trim(package: Package, languages: Sequence[str]) -> Package:
    kept = [(name, data) for name, data in package.items if is_kept(name, languages)]
    return Package(package.header, kept, package.endian)


# -- the library --------------------------------------------------------------


@dataclass(frozen=True)
class Symbol:
    name: str
    offset: int  # in the file
    size: int


def data_symbol(elf: bytes) -> Symbol:
    """Where ``icudtNN_dat`` lies in an ELF shared library (its dynamic symbol table)."""
    if elf[:4] != b"\x7fELF":
        raise ValueError("not an ELF file")
    wide, endian = elf[4] == 2, "<" if elf[5] == 1 else ">"
    if wide:
        shoff, shentsize, shnum = (
            struct.unpack_from(endian + "Q", elf, 0x28)[0],
            *struct.unpack_from(endian + "HH", elf, 0x3A),
        )
        section = endian + "IIQQQQIIQQ"
        symbol, symbol_size = endian + "IBBHQQ", 24
    else:
        shoff, shentsize, shnum = (
            struct.unpack_from(endian + "I", elf, 0x20)[0],
            *struct.unpack_from(endian + "HH", elf, 0x2E),
        )
        section = endian + "IIIIIIIIII"
        symbol, symbol_size = endian + "IIIBBH", 16
    sections = [struct.unpack_from(section, elf, shoff + i * shentsize) for i in range(shnum)]
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    for dynsym in (s for s in sections if s[1] == 11):  # SHT_DYNSYM
        strings = sections[dynsym[6]]
        for index in range(dynsym[5] // symbol_size):
            fields = struct.unpack_from(symbol, elf, dynsym[4] + index * symbol_size)
            name_at, value, size = (
                (fields[0], fields[4], fields[5]) if wide else (fields[0], fields[1], fields[2])
            )
            start = strings[4] + name_at
            name = elf[start : elf.index(b"\0", start)]
            if not _DATA_SYMBOL.match(name) or size == 0:
                continue
            for s in sections:
                if s[3] <= value < s[3] + s[5] and s[1] != 8:  # not SHT_NOBITS
                    return Symbol(name.decode("ascii"), s[4] + value - s[3], size)
    raise ValueError("no icudtNN_dat symbol: not ICU's data library")


def link_library(data: bytes, symbol: str, soname: str, target: Path, cc: str = "cc") -> None:
    """Link ``data`` as the read-only symbol ``symbol`` into a shared library ``target``."""
    with tempfile.TemporaryDirectory(prefix="icu-data-") as folder:
        blob = Path(folder) / "icudt.dat"
        blob.write_bytes(data)
        source = Path(folder) / "icudt.S"
        source.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, %object\n"
            f"\t.balign {_ALIGN}\n"
            f"{symbol}:\n"
            f'\t.incbin "{blob}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",%progbits\n',
            encoding="ascii",
        )
        command = [cc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(target)]
        done = subprocess.run([*command, str(source)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{cc} could not link the ICU data: {done.stderr.strip()[-500:]}")


def trim_library(source: Path, target: Path, languages: Sequence[str], cc: str = "cc") -> None:
    """Write ``target``: ``source`` (libicudataNN) with only ``languages``' locales."""
    elf = source.read_bytes()
    found = data_symbol(elf)
    package = read_package(elf[found.offset : found.offset + found.size])
    link_library(write_package(trim(package, languages)), found.name, source.name, target, cc)


def compiler() -> str | None:
    """The C compiler that links the trimmed data (``cc``, or ``gcc``/``clang``)."""
    for name in ("cc", "gcc", "clang"):
        if shutil.which(name):
            return name
    return None


# PyInstaller's binaries list: (name in the bundle, source path, typecode).
TocEntry = tuple[str, str, str]


def is_data_library(dest: str) -> bool:
    name = dest.replace("\\", "/").rsplit("/", 1)[-1]
    return re.match(r"^libicudata\.so\.\d+$", name) is not None


def trim_in_bundle(
    binaries: Sequence[TocEntry], languages: Sequence[str], workdir: Path, cc: str | None
) -> tuple[list[TocEntry], list[str]]:
    """Replace every ICU data library among ``binaries`` by its trimmed copy.

    Returns the new list and one line per library replaced (its sizes).
    Only Linux bundles have one; there a C compiler is needed.
    """
    result, said = [], []
    for dest, src, kind in binaries:
        if kind == "SYMLINK" or not is_data_library(dest):
            result.append((dest, src, kind))
            continue
        if cc is None:
            raise RuntimeError(
                "trimming Qt's ICU data needs a C compiler (cc): install gcc, "
                "or build with WALLET_CHECKUP_NO_PRUNE=1"
            )
        target = workdir / "icu" / Path(src).name
        target.parent.mkdir(parents=True, exist_ok=True)
        trim_library(Path(src), target, languages, cc)
        before, after = Path(src).stat().st_size, target.stat().st_size
        said.append(f"{dest}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
        result.append((dest, str(target), kind))
    return result, said


# -- proof ----------------------------------------------------------------------

PROBE = Path(__file__).with_name("icu_probe.py")


def compare_with(library_folder: Path, python: str, timeout: float = 60) -> tuple[bool, str]:
    """Ask Qt's ICU questions with the wheel's data and with ``library_folder``'s.

    ``python`` must have PySide6 (the one that built the bundle). Returns
    (the same answers, what differed or what was compared).
    """
    found = []
    for folder in (None, library_folder):
        env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
        if folder is not None:
            env["LD_LIBRARY_PATH"] = str(folder)
        done = subprocess.run(
            [python, str(PROBE)], env=env, capture_output=True, text=True, timeout=timeout,
            encoding="utf-8", check=False,
        )  # fmt: skip
        if done.returncode != 0:
            return False, f"the probe failed: {done.stderr.strip()[-300:]}"
        found.append(json.loads(done.stdout))
    wheel, bundle = found
    used = Path(str(bundle.pop("libicudata")))
    wheel.pop("libicudata")
    if used.parent.resolve() != library_folder.resolve():
        return False, f"the probe loaded {used}, not the bundle's ICU data"
    differ = sorted(key for key in wheel if wheel[key] != bundle.get(key))
    if differ:
        return False, "different answers: " + ", ".join(differ[:6])
    return True, f"{len(wheel)} answers the same as the full data (collation, zone names, codecs)"
