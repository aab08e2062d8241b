"""Ask Qt everything it asks ICU for, in the app's languages, and print the answers (JSON).

    python packaging/icu_probe.py

Run once as it is (the ICU data of the PySide6 wheel) and once with
``LD_LIBRARY_PATH`` naming a folder with another ``libicudata.so.NN`` (the
bundle's trimmed one): the dynamic linker then takes that one first, and
the two answers must be the same. ``libicudata`` in the answer says which
file was used. Linux only (that is where PySide6 brings ICU); needs no
display.

What Qt uses ICU for (libQt6Core's ICU imports): collation (QCollator,
also the file dialog's sorting), time-zone names, case mapping and codecs.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCollator, QLocale, QStringConverter, QStringDecoder, QTimeZone

LANGUAGES = ("en", "zh_CN")
WORDS = ["张", "安全", "钱包", "Zebra", "apple", "Äpfel", "éclair", "10", "9", "私钥", "助记词"]
ZONES = (b"Asia/Shanghai", b"Asia/Hong_Kong", b"Asia/Taipei", b"America/New_York", b"Europe/London")
ENCODINGS = ("GB18030", "GBK", "Big5", "Shift_JIS", "EUC-KR", "windows-1252", "ISO-8859-15")


def icu_data_file() -> str:
    """The libicudata this process mapped (from /proc/self/maps)."""
    with open("/proc/self/maps", encoding="utf-8") as maps:
        for line in maps:
            if "libicudata" in line:
                return line.split()[-1]
    return ""


def answers() -> dict[str, object]:
    found: dict[str, object] = {}
    for language in LANGUAGES:
        locale = QLocale(language)
        collator = QCollator(locale)
        found[f"sorted {language}"] = sorted(WORDS, key=collator.sortKey)
        collator.setNumericMode(True)
        found[f"sorted numeric {language}"] = sorted(WORDS, key=collator.sortKey)
        found[f"upper {language}"] = locale.toUpper("straße wallet ǆ")
        for zone_id in ZONES:
            zone = QTimeZone(zone_id)
            found[f"zone {zone_id.decode()} {language}"] = [
                zone.displayName(kind, name, locale)
                for kind in (QTimeZone.TimeType.StandardTime, QTimeZone.TimeType.DaylightTime)
                for name in (QTimeZone.NameType.LongName, QTimeZone.NameType.ShortName)
            ]
    QLocale.setDefault(QLocale("zh_CN"))  # as the app does for Chinese
    found["sorted default"] = sorted(WORDS, key=QCollator().sortKey)
    found["codecs"] = sorted(QStringConverter.availableCodecs())
    for name in ENCODINGS:  # opening one loads its table (PySide has no decode())
        decoder = QStringDecoder(name)
        found[f"codec {name}"] = [decoder.isValid(), decoder.name()]
    found["libicudata"] = icu_data_file()
    return found


if __name__ == "__main__":
    json.dump(answers(), sys.stdout, ensure_ascii=False, indent=1)
    print()
