"""Launch to first paint: the app against a bare PySide6 window, and with a long history.

Each run is a fresh ``python`` process, offscreen, timed from spawn to
exit; both programs quit from the event loop right after their window's
first paint event, so what differs is what the app does. Peak memory is
the child's own ``ru_maxrss`` (``os.wait4``). Variants take turns (bare,
app, app with history, bare, …) after one warm-up round.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.dataset import fill_history, keyring_for
from bench.file_keyring import BACKEND, ENV_FILE
from bench.measure import (
    INFO,
    REPO,
    ChildRun,
    Row,
    interleaved,
    median,
    offscreen_env,
    run_child,
    secs,
    verdict,
)

TIME_RATIO_BUDGET = 1.25
MEMORY_RATIO_BUDGET = 1.30
HISTORY_RATIO_BUDGET = 1.10
MIN_RUNS = 9
HISTORY_RUNS, HISTORY_CASES = 120, 50
APP = ("-m", "desktop", "--exit-after-first-paint")
BARE = ("-m", "bench.bare_window")
# Must not be loaded before the first paint (DESIGN.md, "Pitfalls already measured").
FORBIDDEN = ("keyring", "zxcvbn", "pyotp", "cryptography", "mnemonic", "PySide6.QtPrintSupport")
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def environment(home: Path, keyring_file: Path) -> dict[str, str]:
    return offscreen_env(
        WALLET_CHECKUP_HOME=str(home),
        PYTHON_KEYRING_BACKEND=BACKEND,
        **{ENV_FILE: str(keyring_file)},
    )


def imports_before_first_paint(
    env: dict[str, str], program: tuple[str, ...] = APP
) -> list[tuple[str, int, int]]:
    """(module, cumulative µs, self µs) for every import of one run under ``-X importtime``.

    The run ends right after the first paint, so this is what was imported
    before it (plus the little that quitting needs).
    """
    child = run_child(["-X", "importtime", *program], env)
    if child.code != 0:
        raise RuntimeError(f"{program} exited with {child.code}: {child.stderr[-2000:]}")
    found = []
    for line in child.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            found.append((match[4], int(match[2]), int(match[1])))
    return found


def instructions(program: tuple[str, ...], env: dict[str, str]) -> int | None:
    """Instructions one run executes, spawn to exit, under valgrind's callgrind.

    A count does not depend on what else the machine is doing, so it is a
    steadier view of 1a on a shared machine than wall time. None without
    valgrind, or if the run fails.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.TemporaryDirectory(prefix="bench-callgrind-") as folder:
        out = Path(folder) / "callgrind.out"
        command = [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable]
        try:
            done = subprocess.run(
                [*command, *program], env=env, cwd=REPO, capture_output=True, text=True,
                timeout=900, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return None
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found[1]) if found and done.returncode == 0 else None


def forbidden_in(modules: list[str]) -> list[str]:
    return sorted(
        {name for name in FORBIDDEN for m in modules if m == name or m.startswith(name + ".")}
    )


def heaviest(
    imports: list[tuple[str, int, int]], skip: set[str], count: int = 15
) -> list[tuple[str, int, int]]:
    """The slowest imports (cumulative µs, self µs) that are not in ``skip``."""
    ranked = sorted((item for item in imports if item[0] not in skip), key=lambda item: -item[1])
    return ranked[:count]


def third_party(modules: list[str]) -> list[str]:
    """Top-level packages from site-packages among ``modules``."""
    found = []
    for top in sorted({m.split(".")[0] for m in modules} - set(sys.stdlib_module_names)):
        if top.startswith("_"):
            continue
        try:
            spec = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            continue
        places = [spec.origin or "", *(spec.submodule_search_locations or [])] if spec else []
        if any("site-packages" in place for place in places):
            found.append(top)
    return found


def paired_ratio(numerators: list[ChildRun], denominators: list[ChildRun]) -> float:
    """The median of the ratios of runs made in the same round."""
    return median([a.seconds / b.seconds for a, b in zip(numerators, denominators, strict=True)])


def instruction_row(counted: tuple[int | None, int | None] | None) -> Row:
    what = "Instructions to the first paint (callgrind, one run each), app vs bare"
    if counted is None or None in counted:
        why = "skipped with --quick" if counted is None else "needs valgrind (apt install valgrind)"
        return Row("1d", what, "-", "reported only", INFO, note=why)
    app, bare = counted
    assert app is not None and bare is not None
    return Row(
        "1d",
        what,
        f"{app / 1e6:.0f} M",
        "reported only",
        INFO,
        baseline=f"{bare / 1e6:.0f} M ({app / bare:.2f}x)",
        note="the same comparison as 1a, counted instead of timed: a busy or shared machine"
        " does not move it",
    )


def run(quick: bool, runs: int = MIN_RUNS) -> tuple[list[Row], dict[str, object]]:
    """Rows 1a–1c and 5a, and details (imports) for the report."""
    runs = 1 if quick else max(runs, MIN_RUNS)
    saved_runs, saved_cases = (12, 5) if quick else (HISTORY_RUNS, HISTORY_CASES)
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        root = Path(folder)
        keyring_file = root / "keyring.json"
        empty, full = root / "empty", root / "full"
        empty.mkdir()
        fill_history(full, keyring_for(root), saved_runs, saved_cases)
        variants = {
            "bare": (BARE, environment(empty, keyring_file)),
            "app": (APP, environment(empty, keyring_file)),
            "app_history": (APP, environment(full, keyring_file)),
        }
        results = interleaved(variants, runs, warmup=0 if quick else 1)
        imports = imports_before_first_paint(environment(empty, keyring_file))
        bare_imports = imports_before_first_paint(environment(empty, keyring_file), BARE)
        counted = (
            None
            if quick
            else (
                instructions(APP, environment(empty, keyring_file)),
                instructions(BARE, environment(empty, keyring_file)),
            )
        )

    bare = median([r.seconds for r in results["bare"]])
    app = median([r.seconds for r in results["app"]])
    full_time = median([r.seconds for r in results["app_history"]])
    bare_mb = median([r.max_rss_mb for r in results["bare"]])
    app_mb = median([r.max_rss_mb for r in results["app"]])
    # Runs side by side share the machine's state, which on a shared machine
    # swings by a third within a minute: the ratio of each round's pair,
    # then their median, is steadier than the ratio of the two medians.
    ratio = paired_ratio(results["app"], results["bare"])
    history_ratio = paired_ratio(results["app_history"], results["app"])
    memory_ratio = app_mb / bare_mb
    modules = [name for name, _micros, _self in imports]
    bare_modules = {name for name, _micros, _self in bare_imports}
    extra = [item for item in imports if item[0] not in bare_modules]
    bad = forbidden_in(modules)
    spread = "; ".join(
        f"{name} {min(r.seconds for r in rs):.3f}–{max(r.seconds for r in rs):.3f} s"
        for name, rs in results.items()
    )
    rows = [
        Row(
            "1a",
            f"Launch to first paint, app vs bare PySide6 window (median of {runs}, interleaved)",
            secs(app),
            f"ratio <= {TIME_RATIO_BUDGET:.2f}",
            verdict(ratio <= TIME_RATIO_BUDGET),
            baseline=f"{secs(bare)} ({ratio:.2f}x)",
            note=f"spawn to exit; ratio: the median of each round's app/bare (the ratio of the"
            f" medians is {app / bare:.2f}); range {spread}",
        ),
        Row(
            "1b",
            "Peak memory (max RSS of the child), app vs bare",
            f"{app_mb:.1f} MB",
            f"ratio <= {MEMORY_RATIO_BUDGET:.2f}",
            verdict(memory_ratio <= MEMORY_RATIO_BUDGET),
            baseline=f"{bare_mb:.1f} MB ({memory_ratio:.2f}x)",
        ),
        Row(
            "1c",
            "Heavy modules imported before the first paint: " + ", ".join(FORBIDDEN),
            ", ".join(bad) if bad else "none",
            "none",
            verdict(not bad),
            note=f"{len(modules)} modules imported in all, {len(extra)} more than the bare"
            f" window; their own import time {sum(i[2] for i in extra) / 1000:.0f} ms"
            f" (-X importtime, which adds overhead)",
        ),
        instruction_row(counted),
        Row(
            "5a",
            f"Launch to first paint with {saved_runs} checkups and {saved_cases} cases"
            " saved, vs an empty data folder",
            secs(full_time),
            f"ratio <= {HISTORY_RATIO_BUDGET:.2f}",
            verdict(history_ratio <= HISTORY_RATIO_BUDGET),
            baseline=f"{secs(app)} ({history_ratio:.2f}x)",
        ),
    ]
    details: dict[str, object] = {
        "heaviest_imports": heaviest(imports, bare_modules),
        "third_party": third_party(modules),
        "forbidden": bad,
    }
    return rows, details
