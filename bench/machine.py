"""Which machine the numbers come from, and whether it was quiet."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from importlib import metadata

from bench.measure import REPO


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        return f"{pages * size / 1024**3:.1f} GB"
    except (ValueError, OSError, AttributeError):
        return "unknown"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10, check=True
    ).stdout.strip()


def _commit() -> str:
    """The checked-out commit, and whether the work tree has changes (read-only git)."""
    try:
        head = _git("rev-parse", "--short", "HEAD")
        # The results file itself does not count: it changes with every run.
        dirty = _git("status", "--porcelain", "--untracked-files=no", "--", ":!bench/RESULTS.md")
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (" with local changes" if dirty else "")


def load() -> tuple[float, float, float]:
    try:
        return os.getloadavg()
    except (OSError, AttributeError):
        return (0.0, 0.0, 0.0)


def cpu_times() -> tuple[int, int] | None:
    """(time stolen by the host, all CPU time) so far, in ticks; None off Linux.

    On a virtual machine the host can take the CPU away ("steal"): the same
    program then takes longer, whatever it does. The run's share is shown
    beside the results.
    """
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])


def stolen_share(start: tuple[int, int] | None, end: tuple[int, int] | None) -> str:
    if start is None or end is None or end[1] <= start[1]:
        return "unknown"
    share = (end[0] - start[0]) / (end[1] - start[1])
    return f"{share:.1%} of the CPU time during the run (taken by the host: a virtual machine)"


def describe() -> dict[str, str]:
    one, five, fifteen = load()
    return {
        "Date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": _cpu_model(),
        "Cores": str(os.cpu_count() or "unknown"),
        "Memory": _memory_gb(),
        "OS": platform.platform(),
        "Python": f"{sys.version.split()[0]} ({sys.executable})",
        "PySide6": _version("PySide6-Essentials")
        if _version("PySide6") == "not installed"
        else _version("PySide6"),
        "zxcvbn": _version("zxcvbn"),
        "Commit": _commit(),
        "Load before": f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)",
    }


def wait_until_quiet(
    limit: float, minutes: float, say: Callable[[str], None], poll: float = 60.0
) -> tuple[bool, float]:
    """Wait (polling every ``poll`` s, up to ``minutes``) for the 1-minute load to fall
    to ``limit``. Returns (quiet, the last load seen)."""
    deadline = time.monotonic() + minutes * 60
    while True:
        one = load()[0]
        if one <= limit:
            return True, one
        if time.monotonic() >= deadline:
            return False, one
        say(f"load {one:.2f} > {limit:.2f}: waiting for a quieter machine …")
        time.sleep(min(poll, max(1.0, deadline - time.monotonic())))
