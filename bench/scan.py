"""The scan of a home folder (issue 20) against ripgrep running a first-pass regex.

A synthetic home (:mod:`bench.scan_home`: thousands of files, a few hundred MB
of text, large binary files, a secret planted in every format, the decoys) is
built once in a temporary folder.  After a warm-up run of each (same warm
cache), ripgrep (``rg -l -a -e '([a-z]{3,8}[ ,]+){11}[a-z]{3,8}' DIR``) and
``wallet-checkup scan --home DIR --json`` take turns; each time is wall clock
from spawn to exit, start-up included, and the scan's peak memory is its
process's max RSS (its worker processes report theirs separately).

Budgets: scan time <= 10x ripgrep's, peak memory <= 300 MB, every planted
secret found, no decoy reported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import NOT_AVAILABLE, Row, median, offscreen_env, run_child, secs, verdict

PATTERN = "([a-z]{3,8}[ ,]+){11}[a-z]{3,8}"
RATIO_BUDGET = 10.0
STALL_BUDGET = 0.050
MEMORY_BUDGET_MB = 300.0


def scan_argv(home: Path) -> list[str]:
    return ["-m", "desktop", "scan", "--home", str(home), "--json"]


def _ripgrep(rg: str, home: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [rg, "-l", "-a", "-e", PATTERN, str(home)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        timeout=600,
    )
    return time.perf_counter() - start


def scan_in_the_window(home: Path) -> tuple[float, float]:
    """(seconds, longest stall) of the checkup topic's scan of ``home``, offscreen."""
    from bench.loop_probe import LoopProbe, application, wait_for
    from checks.checkup.questions import BY_ID
    from checks.scan.engine import ScanOptions
    from desktop.checkup.scan_box import ScanBox
    from desktop.i18n import set_language

    app = application()
    set_language("en", app)
    box = ScanBox(BY_ID["thief_scan"])
    box.options_factory = lambda: ScanOptions(home=home, system="linux", workers=2, gentle=True)
    box.show()
    wait_for(timeout=0.2, until=lambda: False)
    probe = LoopProbe()
    probe.start()
    start = time.perf_counter()
    box.start_scan()
    wait_for(timeout=900, until=lambda: box.start.isEnabled())
    seconds = time.perf_counter() - start
    probe.stop()
    box.close()
    return seconds, probe.max_stall


def run(quick: bool) -> list[Row]:
    from bench import scan_home

    rg = shutil.which("rg")
    with tempfile.TemporaryDirectory(prefix="bench-scan-home-") as folder:
        home = Path(folder)
        built = scan_home.build(home, text_mb=24 if quick else 240, binary_mb=64 if quick else 256)
        runs = 1 if quick else 3
        env = offscreen_env()
        if rg is not None:
            _ripgrep(rg, home)  # warm-up: both read the same warm cache
        first = run_child(scan_argv(home), env, timeout=900)
        rg_times: list[float] = []
        scans = []
        for _ in range(runs):
            if rg is not None:
                rg_times.append(_ripgrep(rg, home))
            scans.append(run_child(scan_argv(home), env, timeout=900))
        failed = [child for child in (first, *scans) if child.code not in (0, 1)]
        if failed:
            return [
                Row(
                    "10a",
                    "Scan vs ripgrep",
                    f"exit {failed[0].code}",
                    "ratio <= 10",
                    "FAIL",
                    note=failed[0].stderr.strip()[-300:],
                )
            ]
        data = json.loads("\n".join(first.stdout_lines))
        window_seconds, stall = scan_in_the_window(home)
    scan_time = median([child.seconds for child in scans])
    memory = max(child.max_rss_mb for child in (first, *scans))
    found = {(item["path"], item["kind"]) for item in data["secret_files"]}
    expected = {(p.path, p.kind) for p in scan_home.expected()}
    decoys = set(scan_home.decoys())
    missing = sorted(expected - found)
    reported_decoys = sorted(path for path, _kind in found if path in decoys)
    extra = sorted(found - expected)
    stats = data["stats"]
    size = f"{built['files']:,} files, {built['bytes'] / 1e6:.0f} MB"
    what = f"Scan of a synthetic home ({size}) vs ripgrep's first pass (median of {runs})"
    note = (
        f"scan read {stats['files']:,} files, {stats['bytes'] / 1e6:.0f} MB of text "
        f"({stats['not_text']} not text, {stats['skipped']} skipped, "
        f"{stats['skipped_folders']} software folders); runs "
        + ", ".join(f"{child.seconds:.2f}" for child in scans)
        + " s"
    )
    if rg is None:
        first_row = Row(
            "10a",
            what,
            secs(scan_time),
            f"ratio <= {RATIO_BUDGET:g}",
            NOT_AVAILABLE,
            note=note + "; ripgrep (Debian: ripgrep) is not installed",
        )
    else:
        rg_time = median(rg_times)
        ratio = scan_time / rg_time if rg_time else float("inf")
        first_row = Row(
            "10a",
            what,
            secs(scan_time),
            f"ratio <= {RATIO_BUDGET:g}",
            verdict(ratio <= RATIO_BUDGET),
            baseline=f"{secs(rg_time)} ({ratio:.2f}x)",
            note=note + "; ripgrep " + ", ".join(f"{t:.2f}" for t in rg_times) + " s",
        )
    return [
        first_row,
        Row(
            "10b",
            "Scan: peak memory (max RSS of the command)",
            f"{memory:.0f} MB",
            f"<= {MEMORY_BUDGET_MB:.0f} MB",
            verdict(memory <= MEMORY_BUDGET_MB),
            note="the largest process: the command or one of its two workers",
        ),
        Row(
            "10c",
            "Scan: planted secrets found, decoys reported",
            f"{len(expected) - len(missing)}/{len(expected)} found, {len(reported_decoys)} decoys",
            "all found, 0 decoys",
            verdict(not missing and not reported_decoys and not extra),
            note=("missing: " + ", ".join(f"{p} ({k})" for p, k in missing) if missing else "")
            + (" decoys: " + ", ".join(reported_decoys) if reported_decoys else "")
            + (" unexpected: " + ", ".join(p for p, _ in extra) if extra else ""),
        ),
        Row(
            "10d",
            "Scan in the window (checkup topic, worker processes): longest event-loop stall",
            f"{stall * 1000:.0f} ms",
            f"<= {STALL_BUDGET * 1000:.0f} ms",
            verdict(stall <= STALL_BUDGET),
            note=f"the whole scan took {window_seconds:.1f} s with the progress shown",
        ),
    ]


if __name__ == "__main__":  # python -m bench.scan: this row alone, printed
    for row in run("--quick" in sys.argv):
        print(row)
