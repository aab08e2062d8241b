"""Remote-control tools (AnyDesk, TeamViewer, ToDesk, Sunlogin 向日葵, RustDesk …),
installed or running.

Scammers posing as support ask for one of these, then empty the wallet while
"helping".  Running is a warning; installed is a tip.  The list of tools, their
process names and install folders is data: :file:`resources/remote_tools.json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path, PureWindowsPath


@dataclass(frozen=True)
class RemoteTool:
    id: str
    name: str
    installed: bool
    running: bool


@dataclass(frozen=True)
class ToolSpec:
    id: str
    name: str
    processes: frozenset[str]
    paths: tuple[str, ...]
    home_paths: tuple[str, ...]


@cache
def tool_specs() -> tuple[ToolSpec, ...]:
    raw = json.loads(files("resources").joinpath("remote_tools.json").read_text("utf-8"))
    return tuple(
        ToolSpec(
            item["id"],
            item["name"],
            frozenset(name.lower() for name in item["processes"]),
            tuple(item["paths"]),
            tuple(item["home_paths"]),
        )
        for item in raw["tools"]
    )


def running_process_names() -> list[str]:
    """Names of this machine's processes (psutil); empty if they cannot be listed."""
    try:
        import psutil  # ~6 ms: in the scan's thread, not with the scan's page
    except ImportError:  # pragma: no cover - a dependency, but never fatal
        return []
    names: list[str] = []
    try:
        for process in psutil.process_iter(["name"]):
            name = process.info.get("name")
            if name:
                names.append(str(name))
    except (psutil.Error, OSError):
        pass
    return names


def find_remote_tools(
    home: Path, processes: Iterable[str], system_root: Path | None
) -> list[RemoteTool]:
    """Tools running (by process name) or installed (a usual folder exists).

    ``system_root`` is where system-wide folders are looked for (``/`` or
    ``C:/``): None when a chosen home folder is scanned instead of the real one.
    """
    running = {name.lower() for name in processes}
    found: list[RemoteTool] = []
    for spec in tool_specs():
        is_running = bool(running & spec.processes)
        installed = any(_exists(home / relative) for relative in spec.home_paths)
        if system_root is not None and not installed:
            installed = any(_exists(_under(system_root, path)) for path in spec.paths)
        if is_running or installed:
            found.append(RemoteTool(spec.id, spec.name, installed, is_running))
    return found


def _under(root: Path, path: str) -> Path:
    """``path`` (POSIX "/opt/x" or Windows "C:/Program Files/x") below ``root``."""
    parts = PureWindowsPath(path).parts if ":" in path else Path(path).parts
    return root.joinpath(*parts[1:])


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False
