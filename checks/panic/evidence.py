"""Evidence files: copied into the case folder, encrypted, and hashed.

The manifest (in the case itself, which is encrypted) records each file's
original name, size and SHA-256 of the original bytes, so anyone can check
later that nothing changed: :func:`verify` decrypts each copy and compares.
The copies are sealed with the data key, bound to their case and hash.

A copy is named by a random id, never by its hash: a name made from the
hash would let anyone holding a backup confirm that a file they know is
attached. Older cases named copies by the first 20 hex digits of the
SHA-256; :func:`migrate_names` renames them.

Only a regular file is read, and never more than :data:`MAX_BYTES` + 1
bytes: a device such as ``/dev/zero`` or a FIFO dropped on the page gets a
plain refusal instead of filling the memory or blocking the storage thread.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from checks.files import write_private
from checks.i18n import N_, InputError, Msg, msg
from checks.panic.case import Case, EvidenceFile
from checks.paths import Paths
from checks.storage.crypto import DecryptionError
from checks.storage.store import Store

MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024
_OLD_NAME = re.compile(r"^[0-9a-f]{20}\.sealed$")

# What a SHA-256 is, in words (the incident report says the same under its file list).
FINGERPRINT_NOTE = N_(
    "Each file's SHA-256 fingerprint was recorded when it was added to the case. If a file is"
    " changed in any way, its fingerprint no longer matches."
)
TOO_LARGE = N_("This file is larger than {limit} MB. Please attach a smaller one.")
NOT_A_FILE = N_(
    "This is not an ordinary file (it may be a folder, a device or a pipe), so it was not "
    "attached. Please attach a saved file such as a screenshot, a PDF or a photo."
)
UNREADABLE = N_("The file could not be read ({reason}).")
ALREADY = N_("This file is already attached to the case.")


def folder(paths: Paths, case_id: str) -> Path:
    return paths.cases_dir / case_id / "evidence"


def _aad(case_id: str, digest: str) -> str:
    return f"evidence:{case_id}:{digest}"


def read_source(source: Path) -> bytes:
    """The bytes of a regular file, at most :data:`MAX_BYTES`; :class:`InputError` otherwise."""
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        handle = os.open(source, flags)
    except OSError as error:
        raise InputError(msg(UNREADABLE, reason=type(error).__name__)) from error
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise InputError(msg(NOT_A_FILE))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(handle, min(_CHUNK, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise InputError(msg(UNREADABLE, reason=type(error).__name__)) from error
    finally:
        os.close(handle)
    if size > MAX_BYTES:
        raise InputError(msg(TOO_LARGE, limit=MAX_BYTES // (1024 * 1024)))
    return b"".join(chunks)


def copy_in(
    case_id: str,
    known: frozenset[str],
    source: Path,
    paths: Paths,
    store: Store,
    now: datetime,
) -> EvidenceFile:
    """Copy ``source`` into the case (encrypted); the manifest entry for it.

    ``known`` are the SHA-256 of the files already attached. Blocking: call
    it off the UI thread, and add the entry to the *current* case there.
    """
    data = read_source(source)
    digest = hashlib.sha256(data).hexdigest()
    if digest in known:
        raise InputError(msg(ALREADY))
    stored = f"{uuid.uuid4().hex}.sealed"
    _write(paths, store, case_id, stored, store.seal_bytes(data, _aad(case_id, digest)))
    return EvidenceFile(stored, source.name[:200], len(data), digest, now)


def add_file(case: Case, source: Path, paths: Paths, store: Store, now: datetime) -> Case:
    """Copy ``source`` in and return the case with it (for scripts and tests)."""
    known = frozenset(item.sha256 for item in case.evidence)
    return case.add_evidence(copy_in(case.id, known, source, paths, store, now))


def _write(paths: Paths, store: Store, case_id: str, name: str, sealed: bytes) -> None:
    if store.keeps_data:
        write_private(folder(paths, case_id) / name, sealed)
    else:
        store.memory_files[f"{case_id}/{name}"] = sealed


def discard(case_id: str, item: EvidenceFile, paths: Paths, store: Store) -> None:
    """Remove a copy that is not (or no longer) in the case."""
    if store.keeps_data:
        (folder(paths, case_id) / item.stored_name).unlink(missing_ok=True)
    else:
        store.memory_files.pop(f"{case_id}/{item.stored_name}", None)


def read_file(case: Case, item: EvidenceFile, paths: Paths, store: Store) -> bytes:
    if not store.keeps_data:
        blob = store.memory_files.get(f"{case.id}/{item.stored_name}")
        if blob is None:
            raise FileNotFoundError(item.stored_name)
    else:
        blob = (folder(paths, case.id) / item.stored_name).read_bytes()
    return store.unseal_bytes(blob, _aad(case.id, item.sha256))


def migrate_names(case: Case, paths: Paths) -> tuple[Case, list[Path]]:
    """Give copies named after their hash (older cases) a random name.

    Each old copy gets a second, random name (a hard link, or a copy where
    links do not work); the case returned refers to the new names. Save that
    case first, then delete the old paths returned: a crash in between
    leaves both names, never a case pointing at nothing.
    """
    evidence = folder(paths, case.id)
    items, old_paths = [], []
    for item in case.evidence:
        old = evidence / item.stored_name
        if not _OLD_NAME.match(item.stored_name) or not old.exists():
            items.append(item)
            continue
        new_name = f"{uuid.uuid4().hex}.sealed"
        try:
            os.link(old, evidence / new_name)
        except OSError:
            write_private(evidence / new_name, old.read_bytes())
        items.append(replace(item, stored_name=new_name))
        old_paths.append(old)
    return replace(case, evidence=tuple(items)), old_paths


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


ALL_UNCHANGED = N_("Checked {count} file(s): all unchanged since they were attached.")
CHANGED = N_("Changed since they were attached (do not rely on them): {names}.")
MISSING = N_("Missing from the case folder: {names}.")


def summary(case: Case, problems: list[Problem]) -> tuple[Msg, ...]:
    """What :func:`verify` found, in words; empty when there are no files."""
    if not case.evidence:
        return ()
    if not problems:
        return (msg(ALL_UNCHANGED, count=len(case.evidence)),)
    lines = []
    for kind, text in (("changed", CHANGED), ("missing", MISSING)):
        names = [p.item.original_name for p in problems if p.kind == kind]
        if names:
            lines.append(msg(text, names=", ".join(names)))
    return tuple(lines)
