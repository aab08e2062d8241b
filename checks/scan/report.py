"""The ``wallet-checkup scan --json`` object (DESIGN.md, contracts).

Built only from what a result holds — paths, kinds, names, ids, counts — so it
cannot contain any part of a secret: the scan never keeps one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checks.scan.engine import ScanResult


def shown_path(result: ScanResult, path: Path) -> str:
    """Relative to the scanned folder with ``--home DIR``; else absolute."""
    if result.relative_paths:
        try:
            return path.relative_to(result.home).as_posix()
        except ValueError:
            pass
    return str(path)


def to_json(result: ScanResult) -> dict[str, Any]:
    """The contract's object; ``secret_pictures`` only when the picture scan ran."""
    data: dict[str, Any] = {
        "secret_files": [
            {"path": shown_path(result, found.path), "kind": found.kind}
            for found in result.secret_files
        ],
    }
    if result.pictures is not None:
        data["secret_pictures"] = [
            {"path": shown_path(result, found.path), "kind": found.kind}
            for found in result.pictures.found
        ]
    data["extensions"] = [
        {
            "browser": e.browser,
            "profile": e.profile,
            "id": e.id,
            "name": e.name,
            "wallet": e.wallet,
            "verdict": e.verdict,
        }
        for e in result.extensions
    ]
    data["remote_access"] = [
        {"name": tool.name, "installed": tool.installed, "running": tool.running}
        for tool in result.remote_access
    ]
    data["hosts"] = [{"host": entry.host, "address": entry.address} for entry in result.hosts]
    data["proxy"] = [
        {"source": proxy.source, "kind": proxy.kind, "value": proxy.value}
        for proxy in result.proxies
    ]
    stats = result.stats
    data["stats"] = {
        "files": stats.files,
        "bytes": stats.bytes,
        "skipped": stats.skipped,
        "seconds": stats.seconds,
        "not_text": stats.not_text,
        "skipped_folders": stats.skipped_folders,
    }
    if result.pictures is not None:
        data["stats"]["pictures"] = {
            "pictures": result.pictures.pictures,
            "read": result.pictures.read,
            "remembered": result.pictures.remembered,
            "unreadable": result.pictures.unreadable,
            "seconds": result.pictures.seconds,
        }
    return data
