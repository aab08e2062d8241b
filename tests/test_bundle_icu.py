"""Trimming Qt's ICU data for the bundle (packaging/icu_data.py).

The whole bundle is built and checked by ``python scripts/build_bundle.py``;
here the format, the rule and — where PySide6 brings ICU (Linux) and a C
compiler is at hand — a real trimmed library that Qt is made to load.
"""

from __future__ import annotations

import importlib.util
import struct
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from test_packaging import run_spec

from desktop.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent


def load_icu_data() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "icu_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("icu_data", module)
    spec.loader.exec_module(module)
    return module


icu = load_icu_data()


def wheel_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 brings no ICU (only the Linux wheels do)")
    return found[0]


def package(names: list[str]) -> Any:
    """A small common-data package: a real header, one item per name (its own name as data)."""
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0)
    header += b"CmnD" + bytes([1, 0, 0, 0, 3, 0, 0, 0])
    header += b"\0" * (32 - len(header))
    return icu.Package(header, [(f"icudt73l/{n}", n.encode() * 3) for n in names], "<")


SAMPLE = [
    "coll/de__PHONEBOOK.res",
    "coll/root.res",
    "coll/ucadata.icu",
    "coll/zh_Hans.res",
    "de.res",
    "en.res",
    "en_GB.res",
    "gb18030.cnv",
    "pool.res",
    "res_index.res",
    "root.res",
    "supplementalData.res",
    "zh_Hant_TW.res",
    "zone/fr.res",
    "zone/pool.res",
    "zone/zh.res",
]


def test_trim_keeps_what_is_not_a_locale_and_our_languages_locales() -> None:
    trimmed = icu.trim(package(SAMPLE), ["en", "zh_CN"])
    kept = {name.split("/", 1)[1] for name, _data in trimmed.items}
    assert kept == set(SAMPLE) - {"coll/de__PHONEBOOK.res", "de.res", "zone/fr.res"}


def test_written_package_reads_back_with_every_item_aligned() -> None:
    original = package(SAMPLE)
    written = icu.write_package(original)
    again = icu.read_package(written)
    assert [(n, d.rstrip(b"\0")) for n, d in again.items] == original.items
    (count,) = struct.unpack_from("<I", written, 32)
    offsets = [struct.unpack_from("<II", written, 36 + 8 * i)[1] + 32 for i in range(count)]
    assert all(offset % 16 == 0 for offset in offsets)


def test_not_common_data_is_refused() -> None:
    with pytest.raises(ValueError, match="CmnD"):
        icu.read_package(b"\0" * 64)


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("icudt73l/zh_Hans_CN.res", True),
        ("icudt73l/coll/zh.res", True),
        ("icudt73l/en_US_POSIX.res", True),
        ("icudt73l/unit/root.res", True),
        ("icudt73l/unit/ja.res", False),
        ("icudt73l/coll/es__TRADITIONAL.res", False),
        ("icudt73l/brkitr/cjdict.dict", True),
        ("icudt73l/ibm-1390_P110-2003.cnv", True),
        ("icudt73l/lang/res_index.res", True),
        ("icudt73l/lang/pool.res", True),
        ("icudt73l/zoneinfo64.res", True),
        ("icudt73l/zone/tzdbNames.res", True),
    ],
)
def test_is_kept(item: str, kept: bool) -> None:
    assert icu.is_kept(item, ["en", "zh_CN"]) is kept


def test_the_wheels_data_rewritten_unchanged_is_the_same_bytes() -> None:
    elf = wheel_icu_data().read_bytes()
    found = icu.data_symbol(elf)
    blob = elf[found.offset : found.offset + found.size]
    assert found.name.startswith("icudt") and blob[12:16] == b"CmnD"
    assert icu.write_package(icu.read_package(blob)) == blob


def test_the_spec_trims_icu_data_only_when_pruning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[tuple[Any, ...]] = []

    def trim_in_bundle(binaries: Any, languages: Any, workdir: Path, cc: Any) -> Any:
        asked.append((tuple(languages), workdir, cc))
        return [*binaries, ("PySide6/Qt/lib/libicudata.so.73", "/work/icu", "BINARY")], []

    fake = types.SimpleNamespace(trim_in_bundle=trim_in_bundle, compiler=lambda: "cc")
    monkeypatch.setitem(sys.modules, "icu_data", fake)
    (coll,) = run_spec(monkeypatch, tmp_path, "linux")["COLLECT"]
    assert asked == [(tuple(LANGUAGES), tmp_path / "work", "cc")]
    assert ("PySide6/Qt/lib/libicudata.so.73", "/work/icu", "BINARY") in coll.args[1]
    asked.clear()
    run_spec(monkeypatch, tmp_path, "linux", WALLET_CHECKUP_NO_PRUNE="1")
    assert asked == []


def test_no_compiler_is_a_clear_error_only_where_there_is_icu(tmp_path: Path) -> None:
    other = [("PySide6/Qt/lib/libQt6Core.so.6", "/qt/libQt6Core.so.6", "BINARY")]
    assert icu.trim_in_bundle(other, ["en"], tmp_path, None) == (other, [])
    data = [("PySide6/Qt/lib/libicudata.so.73", "/qt/libicudata.so.73", "BINARY")]
    with pytest.raises(RuntimeError, match="C compiler"):
        icu.trim_in_bundle(data, ["en"], tmp_path, None)


@pytest.mark.slow
def test_qt_answers_the_same_from_the_trimmed_data(tmp_path: Path) -> None:
    """The probe is sensitive: with root alone, Chinese sorting and zone names change."""
    source = wheel_icu_data()
    cc = icu.compiler()
    if cc is None:
        pytest.skip("no C compiler")
    ours, root_only = tmp_path / "ours", tmp_path / "root"
    binaries = [(f"PySide6/Qt/lib/{source.name}", str(source), "BINARY")]
    replaced, said = icu.trim_in_bundle(binaries, LANGUAGES, ours, cc)
    trimmed = Path(replaced[0][1])
    assert trimmed.parent == ours / "icu" and len(said) == 1
    assert trimmed.stat().st_size < source.stat().st_size * 0.6
    same, detail = icu.compare_with(trimmed.parent, sys.executable)
    assert same, detail
    root_only.mkdir()
    icu.trim_library(source, root_only / source.name, [], cc)
    same, detail = icu.compare_with(root_only, sys.executable)
    assert not same
    assert "sorted zh_CN" in detail and "zone America/New_York zh_CN" in detail
