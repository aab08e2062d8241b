"""The picture scan (issue 21) over a synthetic folder of phone screenshots and photos.

:mod:`bench.picture_home` draws a home: 11 screenshots of a seed phrase (grids,
chat bubbles, light and dark, English and Chinese), 6 other screenshots (prose
in both languages, two pages of the BIP-39 word list, a settings screen, a
chat) and 40 camera-like 4032×3024 JPEG photos — most pictures in a real
folder are photos.  ``wallet-checkup scan --home DIR --pictures --json`` runs
as a person runs it (start-up, the engine loaded in each worker, the file scan
of the same tree); time is wall clock from spawn to exit, after a warm-up scan
that also gives the memory for row 11c.

Budgets: at most 0.5 s per picture on average; every seed screenshot found,
nothing else reported.  Needs the OCR extra (``pip install '.[ocr]'``).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import NOT_AVAILABLE, Row, median, offscreen_env, run_child, secs, verdict

BUDGET = 0.5  # seconds per picture


def _not_available(note: str) -> list[Row]:
    return [
        Row(
            "11a", "Picture scan: time per picture", "-", f"<= {BUDGET} s", NOT_AVAILABLE, note=note
        ),
        Row("11b", "Picture scan: seed screenshots found", "-", "all, 0 others", NOT_AVAILABLE),
    ]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(quick: bool) -> list[Row]:
    from checks.scan.ocr import ocr_available

    if not ocr_available():
        return _not_available("the OCR extra is not installed: pip install '.[ocr]'")
    from bench import picture_home

    if picture_home.font_path() is None:
        return _not_available("the Noto CJK font is not installed (Debian: fonts-noto-cjk)")
    from checks.scan.pictures import default_workers, scan_pictures

    with tempfile.TemporaryDirectory(prefix="bench-pictures-") as folder:
        home = Path(folder)
        made = picture_home.build(home, photos=8 if quick else 40)
        count = len(made["seed"]) + len(made["other"])
        workers = default_workers()
        first = scan_pictures(home, workers=workers)  # warm-up: disk cache, model files
        started = time.perf_counter()
        again = scan_pictures(home, seen=first.seen, workers=workers)
        remembered_seconds = time.perf_counter() - started
        argv = ["-m", "desktop", "scan", "--home", str(home), "--pictures", "--json"]
        runs, cpu = [], []
        for _ in range(1 if quick else 3):
            before = _children_cpu()
            runs.append(run_child(argv, offscreen_env(), timeout=1800))
            cpu.append(_children_cpu() - before)
        failed = [child for child in runs if child.code not in (0, 1)]
        if failed:
            note = failed[0].stderr.strip()[-300:]
            what = "Picture scan: time per picture"
            return [Row("11a", what, f"exit {failed[0].code}", f"<= {BUDGET} s", "FAIL", note=note)]
        data = json.loads("\n".join(runs[-1].stdout_lines))
    per_picture = median([child.seconds for child in runs]) / count
    found = {item["path"] for item in data["secret_pictures"]}
    missing = sorted(set(made["seed"]) - found)
    wrong = sorted(found - set(made["seed"]))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    photos = sum(1 for path in made["other"] if path.endswith(".jpg"))
    return [
        Row(
            "11a",
            f"Picture scan of {count} pictures ({len(made['seed'])} seed screenshots, "
            f"{count - len(made['seed']) - photos} other screenshots, {photos} photos), "
            f"{workers} workers: time per picture (median of {len(runs)})",
            secs(per_picture),
            f"<= {BUDGET} s",
            verdict(per_picture <= BUDGET),
            note=f"runs {', '.join(f'{child.seconds:.1f}' for child in runs)} s, start-up "
            f"included; CPU {median(cpu) / count:.2f} s per picture (all processes); "
            f"peak memory {max(child.max_rss_mb for child in runs):.0f} MB; load {load:.1f}",
        ),
        Row(
            "11b",
            "Picture scan: seed screenshots found, other pictures reported",
            f"{len(made['seed']) - len(missing)}/{len(made['seed'])} found, {len(wrong)} others",
            "all found, 0 others",
            verdict(not missing and not wrong),
            note=("missing: " + ", ".join(missing) if missing else "")
            + (" reported: " + ", ".join(wrong) if wrong else ""),
        ),
        Row(
            "11c",
            "Picture scan again, with the memory of the first (next month's scan)",
            secs(remembered_seconds),
            "-",
            "info",
            note=f"{again.remembered} pictures unchanged, {again.read} read, "
            f"{len(again.found)} still reported",
        ),
    ]


if __name__ == "__main__":  # python -m bench.pictures: these rows alone, printed
    for row in run("--quick" in sys.argv):
        print(row)
