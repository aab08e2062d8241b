"""What the picture scan already looked at, so the next monthly scan reads only new pictures.

A picture is known by its path, size and modification time: a picture that
was read and held no phrase is kept as a 12-byte digest of the three
(nothing about its content; a renamed, edited or replaced picture is read
again); one that held a phrase is kept with its path, so the next scan
reports it again while it is there, without reading it.  The record is
sealed in the app's encrypted store (a draft, so "Delete all my data"
removes it), and it is made anew by each scan: pictures that are gone drop
out (:func:`checks.scan.engine.run_scan_remembering` loads and keeps it).  A new
way of reading (:data:`READING`) starts over.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

#: Changes whenever pictures are read differently (engine, settings, rules):
#: what an older reading passed is then read again.
READING = "rapidocr-ppocrv4-1"
DRAFT_NAME = "scan_pictures_seen"
_DIGEST = 12


class DraftStore(Protocol):
    """The part of :class:`checks.storage.store.Store` this needs."""

    def get_draft(self, name: str) -> Any | None: ...

    def put_draft(self, name: str, value: Any, now: datetime) -> None: ...


def picture_key(path: str, size: int, mtime_ns: int) -> bytes:
    return hashlib.sha256(f"{path}\0{size}\0{mtime_ns}".encode()).digest()[:_DIGEST]


@dataclass
class SeenPictures:
    clean: set[bytes] = field(default_factory=set)
    found: dict[str, tuple[int, int]] = field(default_factory=dict)  # path → size, mtime_ns

    def knows(self, path: str, size: int, mtime_ns: int) -> bool | None:
        """True: it held a phrase; False: it held none; None: not read yet (or changed)."""
        if self.found.get(path) == (size, mtime_ns):
            return True
        return False if picture_key(path, size, mtime_ns) in self.clean else None

    def remember(self, path: str, size: int, mtime_ns: int, holds_phrase: bool) -> None:
        if holds_phrase:
            self.found[path] = (size, mtime_ns)
        else:
            self.clean.add(picture_key(path, size, mtime_ns))

    def to_payload(self) -> dict[str, Any]:
        return {
            "reading": READING,
            "clean": base64.b64encode(b"".join(sorted(self.clean))).decode("ascii"),
            "found": [[path, size, mtime] for path, (size, mtime) in sorted(self.found.items())],
        }

    @classmethod
    def from_payload(cls, payload: Any) -> SeenPictures:
        """The record kept earlier; an empty one for a missing, other or damaged one."""
        try:
            if not isinstance(payload, dict) or payload.get("reading") != READING:
                return cls()
            packed = base64.b64decode(payload["clean"], validate=True)
            clean = {packed[i : i + _DIGEST] for i in range(0, len(packed), _DIGEST)}
            found = {str(p): (int(s), int(m)) for p, s, m in payload["found"]}
        except (KeyError, TypeError, ValueError):
            return cls()
        return cls(clean, found)


def load_seen(store: DraftStore) -> SeenPictures:
    return SeenPictures.from_payload(store.get_draft(DRAFT_NAME))


def save_seen(store: DraftStore, seen: SeenPictures, now: datetime) -> None:
    store.put_draft(DRAFT_NAME, seen.to_payload(), now)
