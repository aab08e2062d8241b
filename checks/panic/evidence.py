"""Evidence files: copied into the case folder, encrypted, and hashed.

The manifest (in the case itself) records each file's original name, size
and SHA-256 of the original bytes, so anyone can check later that nothing
changed: :func:`verify` decrypts each copy and compares. The copies are
sealed with the data key, bound to their case and hash.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checks.crypto import DecryptionError
from checks.files import write_private
from checks.i18n import N_, InputError, msg
from checks.panic.case import Case, EvidenceFile
from checks.paths import Paths
from checks.store import Store

MAX_BYTES = 50 * 1024 * 1024


def folder(paths: Paths, case_id: str) -> Path:
    return paths.cases_dir / case_id / "evidence"


def _aad(case_id: str, digest: str) -> str:
    return f"evidence:{case_id}:{digest}"


def add_file(case: Case, source: Path, paths: Paths, store: Store, now: datetime) -> Case:
    """Copy ``source`` into the case (encrypted) and record it. Blocking: call off the UI thread."""
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                msg(
                    N_("This file is larger than {limit} MB. Please attach a smaller one."),
                    limit=MAX_BYTES // (1024 * 1024),
                )
            )
        data = source.read_bytes()
    except OSError as error:
        raise InputError(
            msg(N_("The file could not be read ({reason})."), reason=type(error).__name__)
        ) from error
    digest = hashlib.sha256(data).hexdigest()
    if any(item.sha256 == digest for item in case.evidence):
        raise InputError(msg(N_("This file is already attached to the case.")))
    stored = f"{digest[:20]}.sealed"
    sealed = store.seal_bytes(data, _aad(case.id, digest))
    if store.keeps_data:
        write_private(folder(paths, case.id) / stored, sealed)
    else:
        store.memory_files[f"{case.id}/{stored}"] = sealed
    item = EvidenceFile(stored, source.name[:200], len(data), digest, now)
    return case.add_evidence(item)


def read_file(case: Case, item: EvidenceFile, paths: Paths, store: Store) -> bytes:
    if not store.keeps_data:
        blob = store.memory_files.get(f"{case.id}/{item.stored_name}")
        if blob is None:
            raise FileNotFoundError(item.stored_name)
    else:
        blob = (folder(paths, case.id) / item.stored_name).read_bytes()
    return store.unseal_bytes(blob, _aad(case.id, item.sha256))


@dataclass(frozen=True)
class Problem:
    item: EvidenceFile
    kind: str  # "missing" or "changed"


def verify(case: Case, paths: Paths, store: Store) -> list[Problem]:
    """Which evidence files are missing or no longer match their recorded hash."""
    problems: list[Problem] = []
    for item in case.evidence:
        try:
            data = read_file(case, item, paths, store)
        except FileNotFoundError:
            problems.append(Problem(item, "missing"))
            continue
        except (OSError, DecryptionError):
            problems.append(Problem(item, "changed"))
            continue
        if len(data) != item.size or hashlib.sha256(data).hexdigest() != item.sha256:
            problems.append(Problem(item, "changed"))
    return problems
