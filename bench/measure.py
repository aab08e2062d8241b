"""What every section shares: a result row, medians, and timing a child process."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PASS, FAIL, NOT_AVAILABLE, INFO = "PASS", "FAIL", "n/a", "info"


@dataclass(frozen=True)
class Row:
    """One line of the results table.

    ``measured`` and ``baseline`` are already formatted for reading;
    ``verdict`` is PASS, FAIL, n/a (the feature is not there yet) or info
    (reported without a budget).
    """

    key: str
    what: str
    measured: str
    budget: str
    verdict: str
    baseline: str = ""
    note: str = ""


def verdict(ok: bool) -> str:
    return PASS if ok else FAIL


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.3f} s"


def offscreen_env(**extra: str) -> dict[str, str]:
    """The environment of a measured child: offscreen Qt, nothing else changed."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # spawn to exit, wall clock
    max_rss_mb: float  # the child's peak resident memory (ru_maxrss, via bench.spawn)
    code: int
    stderr: str
    stdout_lines: tuple[str, ...] = ()


def run_child(argv: Sequence[str], env: Mapping[str, str], timeout: float = 60.0) -> ChildRun:
    """Run ``python ARGV…`` and measure its wall time and peak memory.

    The program is started by :mod:`bench.spawn`, a small launcher, so its
    peak memory is its own (see there) and its time is from spawn to exit.
    Output goes to temporary files (a pipe that fills up would stall it).
    """
    with tempfile.TemporaryDirectory(prefix="bench-child-") as folder:
        result = Path(folder) / "result.json"
        out_path, err_path = Path(folder) / "stdout", Path(folder) / "stderr"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            launcher = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.spawn",
                    str(result),
                    str(timeout),
                    "--",
                    sys.executable,
                    *argv,
                ],
                cwd=REPO,
                env=dict(env),
                stdout=out,
                stderr=err,
                timeout=timeout + 30,
                check=False,
            )
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        stdout = out_path.read_text(encoding="utf-8", errors="replace")
        if launcher.returncode != 0 or not result.exists():
            return ChildRun(0.0, 0.0, launcher.returncode or 1, stderr, tuple(stdout.splitlines()))
        measured = json.loads(result.read_text(encoding="utf-8"))
    return ChildRun(
        float(measured["seconds"]),
        float(measured["max_rss_kb"]) / 1024,
        int(measured["code"]),
        stderr,
        tuple(stdout.splitlines()),
    )


def interleaved(
    variants: Mapping[str, tuple[Sequence[str], Mapping[str, str]]], runs: int, warmup: int = 1
) -> dict[str, list[ChildRun]]:
    """Run each variant ``runs`` times, taking turns (A, B, A, B …), after a warm-up.

    Taking turns spreads any slow phase of the machine over every variant
    alike; the warm-up runs fill the disk cache and are not counted.
    """
    results: dict[str, list[ChildRun]] = {name: [] for name in variants}
    for index in range(warmup + runs):
        for name, (argv, env) in variants.items():
            child = run_child(argv, env)
            if child.code != 0:
                raise RuntimeError(
                    f"{name} exited with {child.code}: {child.stderr.strip()[-2000:]}"
                )
            if index >= warmup:
                results[name].append(child)
    return results
