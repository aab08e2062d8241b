"""What every opening of the data does once the key is known.

* :func:`sweep_records` reads every record, one by one. A record that does not
  decrypt or parse (a flipped bit, a bad date, text that is not UTF-8, sealed
  data that is not JSON) is written to ``kept-aside/`` byte for byte and taken
  out of the database, so one damaged case never hides the other cases, the
  checkups or the drafts. Each one is listed (:class:`DamagedRecord`, with its
  date when that can be read) for the home screen and ``wallet-checkup doctor``.
* :func:`clean_orphan_evidence` removes evidence copies that no case refers
  to: a kill between copying a file in and saving its case leaves one.
* :func:`fix_modes` makes every folder in the data folder 0700 and every file
  0600 (POSIX), whatever an older version, Qt or the umask left.

What a payload means is the domain's business (``checks.panic``,
``checks.checkup``), which reads what decrypts leniently; this module knows
only how records are stored, and where a case lists its evidence copies.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from checks.files import write_private
from checks.paths import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, Paths
from checks.storage.database import Database

Unseal = Callable[[bytes, str], Any]  # (blob, associated data) -> the JSON value
Seen = Callable[[str, str, Any], None]  # (table, key, payload) of each readable record


class DamagedRecord(NamedTuple):
    kind: str  # "checkup", "case" or "draft"
    date: str | None  # YYYY-MM-DD (UTC) of its last change, when that could be read
    kept_at: Path


class _Table(NamedTuple):
    kind: str
    key: str  # the column the associated data is made of
    aad: str  # e.g. "case:{}"
    date: str  # the date column shown to the user
    dates: tuple[str, ...]  # every date column: each must parse
    numbers: tuple[str, ...] = ()


TABLES: Mapping[str, _Table] = {
    "checkup_runs": _Table(
        "checkup", "id", "checkup_run:{}", "created_at", ("created_at",), ("score", "urgent_count")
    ),
    "cases": _Table("case", "id", "case:{}", "updated_at", ("opened_at", "updated_at")),
    "drafts": _Table("draft", "name", "draft:{}", "updated_at", ("updated_at",)),
}


def sweep_records(
    db: Database, unseal: Unseal, damaged_dir: Path, stamp: str, seen: Seen | None = None
) -> list[DamagedRecord]:
    """Keep aside and remove every record that cannot be read; list them.
    ``seen`` is called with each record that can."""
    found: list[DamagedRecord] = []
    for table, spec in TABLES.items():
        for columns in db.query_raw(f"SELECT rowid AS _rowid, * FROM {table}"):
            readable = _read(columns, spec, unseal)
            if readable is not None:
                if seen is not None:
                    seen(table, *readable)
                continue
            kept = _keep(table, columns, damaged_dir, stamp)  # on disk (fsynced) first …
            db.execute(f"DELETE FROM {table} WHERE rowid = ?", (columns["_rowid"],))  # … then out
            found.append(DamagedRecord(spec.kind, _date(columns.get(spec.date)), kept))
    return found


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None


def _date(value: object) -> str | None:
    text = _text(value)
    try:
        return datetime.fromisoformat(text).date().isoformat() if text else None
    except ValueError:
        return None


def _read(columns: dict[str, Any], spec: _Table, unseal: Unseal) -> tuple[str, Any] | None:
    """The record's key and decrypted payload, or None when it cannot be read."""
    key = columns.get(spec.key)
    key_text = str(key) if isinstance(key, int) else _text(key)
    if key_text is None or any(_date(columns.get(name)) is None for name in spec.dates):
        return None
    if any(not isinstance(columns.get(name), int) for name in spec.numbers):
        return None
    if "status" in columns and _text(columns["status"]) is None:
        return None
    payload = columns.get("payload")
    if not isinstance(payload, bytes):
        return None
    try:
        return key_text, unseal(payload, spec.aad.format(key_text))
    except Exception:  # any failure to decrypt or parse: the app could not show it
        return None


def _keep(table: str, columns: dict[str, Any], damaged_dir: Path, stamp: str) -> Path:
    """The row as it was, every value byte for byte (text and blobs as their
    stored bytes, in hex), in a file of its own."""
    saved = {
        name: {"bytes_hex": value.hex()} if isinstance(value, bytes) else value
        for name, value in columns.items()
        if name != "_rowid"
    }
    document = {
        "what": "A record Wallet Checkup could not read, kept as it was stored.",
        "table": table,
        "rowid": columns["_rowid"],
        "columns": saved,
    }
    stem = f"record-{table}-{columns['_rowid']}.damaged-{stamp}"
    target, counter = damaged_dir / f"{stem}.json", 1
    while target.exists():
        counter += 1
        target = damaged_dir / f"{stem}-{counter}.json"
    write_private(target, json.dumps(document, indent=1).encode("utf-8"))
    return target


def evidence_names(payload: Any) -> set[str] | None:
    """The evidence copies a case payload lists (``Case.to_payload``), or None
    when it does not say in a form we can read."""
    items = payload.get("evidence", []) if isinstance(payload, dict) else None
    if not isinstance(items, list):
        return None
    names = {item.get("stored_name") for item in items if isinstance(item, dict)}
    if len(names) != len(items) or not all(isinstance(name, str) for name in names):
        return None
    return {str(name) for name in names}


def clean_orphan_evidence(paths: Paths, cases: Mapping[str, set[str] | None]) -> int:
    """Remove evidence copies no case refers to; return how many files went.

    ``cases`` maps each case in the database to the copies it lists
    (:func:`evidence_names`; None: unknown, its folder is left alone). In a
    case's folder, a copy its case does not list is removed. A folder whose
    case is not in the database is removed only when nothing was ever kept
    aside (otherwise its case may be in a kept-aside database or record).
    """
    if not paths.cases_dir.is_dir():
        return 0
    removed = 0
    anything_kept = paths.damaged_dir.is_dir() and any(paths.damaged_dir.iterdir())
    for folder in paths.cases_dir.iterdir():
        if folder.is_symlink() or not folder.is_dir():
            continue
        evidence = folder / "evidence"
        if folder.name not in cases:
            if anything_kept:
                continue
            removed += sum(1 for file in folder.rglob("*") if file.is_file())
            shutil.rmtree(folder, ignore_errors=True)
            continue
        listed = cases[folder.name]
        if listed is None or not evidence.is_dir():
            continue
        for file in evidence.iterdir():
            if file.name not in listed and (file.is_file() or file.is_symlink()):
                with contextlib.suppress(OSError):
                    file.unlink()
                    removed += 1
    return removed


def fix_modes(owned: list[Path], data_dir: Path) -> int:
    """The data folder and what the app owns in it (``owned``, folders walked):
    folders 0700, files 0600 on POSIX; links are left alone. Other files in a
    data folder pointed at a busy place are not touched. How many changed."""
    if os.name != "posix":
        return 0
    changed = _chmod(data_dir, PRIVATE_DIR_MODE)
    for top in owned:
        if top.is_symlink() or not top.is_dir():
            changed += _chmod(top, PRIVATE_FILE_MODE)
            continue
        for root, _dirs, files in os.walk(top):
            changed += _chmod(Path(root), PRIVATE_DIR_MODE)
            changed += sum(_chmod(Path(root, name), PRIVATE_FILE_MODE) for name in files)
    return changed


def _chmod(path: Path, wanted: int) -> int:
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode) or stat.S_IMODE(mode) == wanted:
            return 0
        os.chmod(path, wanted)
    except OSError:
        return 0
    return 1
