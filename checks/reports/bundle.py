"""The case bundle: one .zip to hand to the police or an exchange.

It holds a note for the recipient (README.txt, in English and Chinese), the
incident report (a PDF the caller renders), every evidence file decrypted
under its original name, and a manifest twice over:
``manifest.json`` (what each file is, its size, its SHA-256 now and the
SHA-256 recorded when it was added, and any problem) and ``MANIFEST.txt``
in the format of ``sha256sum`` (so ``sha256sum -c MANIFEST.txt`` checks the
unpacked files). Names inside the zip are made safe and unique
(``photo.png``, ``photo (2).png``); entries carry owner-only permissions.

Everything here is pure except the writing, which goes through the one
atomic, private writer (:func:`checks.files.write_stream_private`): it
never changes the permissions of the folder, which is the user's own
(Documents, Desktop …).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from checks import __version__
from checks.files import write_stream_private
from checks.panic.case import Case, EvidenceFile
from checks.reports.bundle_readme import README_NAME, readme_text
from checks.reports.html import Translate
from checks.storage.crypto import DecryptionError

REPORT_NAME = "incident-report.pdf"
EVIDENCE_DIR = "evidence/"
MANIFEST_JSON = "manifest.json"
MANIFEST_TXT = "MANIFEST.txt"
FORMAT = "wallet-checkup-case-bundle"
MAX_NAME = 120
_ZIP_FILE_MODE = 0o100600  # a regular file, owner read/write only
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')

Read = Callable[[EvidenceFile], bytes]


@dataclass(frozen=True)
class Entry:
    """One file in the bundle, as the manifest lists it."""

    name: str  # path inside the zip
    kind: str  # "readme", "report", "evidence" or "manifest"
    size: int
    sha256: str
    original_name: str | None = None
    recorded_sha256: str | None = None  # for evidence: the hash kept in the case
    problem: str | None = None  # "changed" when the two hashes differ


@dataclass(frozen=True)
class Missing:
    """An evidence file that could not be put in the bundle."""

    original_name: str
    recorded_sha256: str
    problem: str  # "missing" or "unreadable"


@dataclass(frozen=True)
class Bundle:
    path: Path
    entries: tuple[Entry, ...]
    missing: tuple[Missing, ...]

    @property
    def problems(self) -> int:
        return len(self.missing) + sum(1 for e in self.entries if e.problem)


# -- names -------------------------------------------------------------------------------


def safe_name(name: str) -> str:
    """A file name that is safe inside a zip on every system: no folders, no
    control or reserved characters, no leading dots, at most 120 characters."""
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip().lstrip(".").strip()
    if len(base) > MAX_NAME:
        stem, dot, suffix = base.rpartition(".")
        if dot and 0 < len(suffix) <= 10:
            base = stem[: MAX_NAME - len(suffix) - 1] + "." + suffix
        else:
            base = base[:MAX_NAME]
    return base or "file"


def unique_names(names: Iterable[str]) -> list[str]:
    """Safe names, with " (2)", " (3)" … before the extension where they repeat
    (compared without case, as Windows and macOS folders do)."""
    taken: set[str] = set()
    result: list[str] = []
    for original in names:
        name = safe_name(original)
        stem, dot, suffix = name.rpartition(".")
        if not dot or not stem:
            stem, dot, suffix = name, "", ""
        counter = 1
        while name.casefold() in taken:
            counter += 1
            name = f"{stem} ({counter}){dot}{suffix}"
        taken.add(name.casefold())
        result.append(name)
    return result


# -- writing -----------------------------------------------------------------------------


def _info(name: str, when: datetime) -> zipfile.ZipInfo:
    moment = max(when.astimezone(timezone.utc), datetime(1980, 1, 1, tzinfo=timezone.utc))
    info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so unzip honours the permission bits
    info.external_attr = _ZIP_FILE_MODE << 16
    return info


def write_bundle(
    path: Path,
    case: Case,
    report_pdf: bytes,
    read: Read,
    now: datetime,
    *,
    replace: bool = True,
    readme: str = "",
) -> Bundle:
    """Write the case bundle to ``path``; ``read`` returns an evidence file's original
    bytes (``checks.panic.evidence.read_file`` bound to the store). Files are read
    one at a time, so memory holds one file at most. ``readme`` is the note for
    the recipient (:func:`checks.reports.bundle_readme.readme_text`), first in the
    zip as README.txt."""
    entries: list[Entry] = []
    missing: list[Missing] = []
    names = unique_names(item.original_name for item in case.evidence)
    with (
        write_stream_private(path, replace=replace) as handle,
        zipfile.ZipFile(handle, "w", allowZip64=True) as archive,
    ):

        def add(name: str, data: bytes) -> str:
            archive.writestr(_info(name, now), data)
            return hashlib.sha256(data).hexdigest()

        if readme:
            note = readme.encode("utf-8")
            entries.append(Entry(README_NAME, "readme", len(note), add(README_NAME, note)))
        entries.append(Entry(REPORT_NAME, "report", len(report_pdf), add(REPORT_NAME, report_pdf)))
        for item, name in zip(case.evidence, names, strict=True):
            try:
                data = read(item)
            except FileNotFoundError:
                missing.append(Missing(item.original_name, item.sha256, "missing"))
                continue
            except (OSError, ValueError, DecryptionError):
                missing.append(Missing(item.original_name, item.sha256, "unreadable"))
                continue
            digest = add(EVIDENCE_DIR + name, data)
            problem = None if digest == item.sha256 else "changed"
            entries.append(
                Entry(
                    EVIDENCE_DIR + name,
                    "evidence",
                    len(data),
                    digest,
                    original_name=item.original_name,
                    recorded_sha256=item.sha256,
                    problem=problem,
                )
            )
        manifest = manifest_json(case, entries, missing, now)
        entries.append(
            Entry(MANIFEST_JSON, "manifest", len(manifest), add(MANIFEST_JSON, manifest))
        )
        add(MANIFEST_TXT, manifest_txt(entries))
    return Bundle(path, tuple(entries), tuple(missing))


def bundle_readme(translations: Sequence[Translate], case_id: str, now: datetime) -> str:
    """README.txt for this bundle's layout, in each language of ``translations``."""
    return readme_text(
        translations,
        case_id,
        now,
        report_name=REPORT_NAME,
        evidence_dir=EVIDENCE_DIR,
        manifest_json=MANIFEST_JSON,
        manifest_txt=MANIFEST_TXT,
    )


def manifest_json(
    case: Case, entries: Iterable[Entry], missing: Iterable[Missing], now: datetime
) -> bytes:
    data = {
        "format": FORMAT,
        "version": 1,
        "case_id": case.id,
        "created_at": now.astimezone(timezone.utc).isoformat(),
        "app_version": __version__,
        "hash": "sha256",
        "note": (
            "sha256 is the hash of the file in this bundle; recorded_sha256 is the hash"
            " recorded when the file was added to the case. MANIFEST.txt is in sha256sum"
            " format: run 'sha256sum -c MANIFEST.txt' in the unpacked folder."
        ),
        "files": [asdict(entry) for entry in entries],
        "missing": [asdict(item) for item in missing],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def manifest_txt(entries: Iterable[Entry]) -> bytes:
    """``<sha256>  <name>`` per file, the format ``sha256sum -c`` reads."""
    return "".join(f"{entry.sha256}  {entry.name}\n" for entry in entries).encode("utf-8")
