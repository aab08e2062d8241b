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
    ms,
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
PANIC_LANGUAGES = ("en", "zh_CN")
PANIC_RATIO_BUDGET = 1.50  # issue 22: time and peak memory, against the bare window


def panic(language: str) -> tuple[str, ...]:
    return ("-m", "desktop", "--panic", "--exit-after-first-paint", "--lang", language)


def red_button(language: str) -> tuple[str, ...]:
    return ("-m", "bench.red_button", "--lang", language)
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
        empty_env = environment(empty, keyring_file)
        variants = {
            "bare": (BARE, empty_env),
            "app": (APP, empty_env),
            "app_history": (APP, environment(full, keyring_file)),
            **{f"panic_{lang}": (panic(lang), empty_env) for lang in PANIC_LANGUAGES},
            **{f"red_{lang}": (red_button(lang), empty_env) for lang in PANIC_LANGUAGES},
        }
        results = interleaved(variants, runs, warmup=0 if quick else 1)
        imports = imports_before_first_paint(empty_env)
        bare_imports = imports_before_first_paint(empty_env, BARE)
        counted = None if quick else (instructions(APP, empty_env), instructions(BARE, empty_env))
        panic_counted = (
            None
            if quick
            else {lang: instructions(panic(lang), empty_env) for lang in PANIC_LANGUAGES}
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
    rows += panic_rows(results, runs, panic_counted, counted[1] if counted else None)
    details: dict[str, object] = {
        "heaviest_imports": heaviest(imports, bare_modules),
        "third_party": third_party(modules),
        "forbidden": bad,
    }
    return rows, details


def click_to_paint(run: ChildRun) -> float:
    """Seconds from the red button's click to panic mode's first paint (bench/red_button.py)."""
    from bench.red_button import MARKER

    for line in run.stdout_lines:
        if line.startswith(MARKER):
            return float(line[len(MARKER) :]) / 1000
    raise RuntimeError(f"bench.red_button printed no {MARKER!r}: {run.stderr[-500:]}")


def panic_rows(
    results: dict[str, list[ChildRun]],
    runs: int,
    counted: dict[str, int | None] | None,
    bare_count: int | None,
) -> list[Row]:
    """1e-1i: panic mode's first screen, from ``--panic`` and from the red button (issue 22)."""
    bare = results["bare"]
    bare_mb = median([r.max_rss_mb for r in bare])
    rows = []
    for key, lang, name in (("1e", "en", "English"), ("1f", "zh_CN", "Chinese")):
        mine = results[f"panic_{lang}"]
        ratio = paired_ratio(mine, bare)
        rows.append(
            Row(
                key,
                f"`--panic` to its first screen painted, {name} (median of {runs},"
                " interleaved with 1a)",
                secs(median([r.seconds for r in mine])),
                f"ratio <= {PANIC_RATIO_BUDGET:.2f}",
                verdict(ratio <= PANIC_RATIO_BUDGET),
                baseline=f"{secs(median([r.seconds for r in bare]))} ({ratio:.2f}x)",
                note=f"spawn to exit, as 1a; peak memory"
                f" {median([r.max_rss_mb for r in mine]):.1f} MB (1g)",
            )
        )
    clicks = {lang: [click_to_paint(r) for r in results[f"red_{lang}"]] for lang in PANIC_LANGUAGES}
    ratios = {
        lang: median([c / b.seconds for c, b in zip(values, bare, strict=True)])
        for lang, values in clicks.items()
    }
    slower = max(ratios, key=ratios.__getitem__)
    memory = {
        name: median([r.max_rss_mb for r in results[name]])
        for name in (f"panic_{lang}" for lang in PANIC_LANGUAGES)
    }
    heaviest_panic = max(memory, key=memory.__getitem__)
    red_memory = {lang: median([r.max_rss_mb for r in results[f"red_{lang}"]]) for lang in clicks}
    heaviest_red = max(red_memory, key=red_memory.__getitem__)
    rows += [
        Row(
            "1g",
            "Peak memory of `--panic` to its first screen, the larger of English and Chinese",
            f"{memory[heaviest_panic]:.1f} MB",
            f"ratio <= {PANIC_RATIO_BUDGET:.2f}",
            verdict(memory[heaviest_panic] / bare_mb <= PANIC_RATIO_BUDGET),
            baseline=f"{bare_mb:.1f} MB ({memory[heaviest_panic] / bare_mb:.2f}x)",
            note=", ".join(f"{k.removeprefix('panic_')} {v:.1f} MB" for k, v in memory.items()),
        ),
        Row(
            "1h",
            "The red button on the home screen: click to panic mode's first screen painted,"
            " the slower language, against the bare window's whole start",
            ms(median(clicks[slower])),
            f"ratio <= {PANIC_RATIO_BUDGET:.2f}",
            verdict(ratios[slower] <= PANIC_RATIO_BUDGET),
            baseline=f"{secs(median([r.seconds for r in bare]))} ({ratios[slower]:.2f}x)",
            note="; ".join(
                f"{lang} {ms(median(values))} ({ratios[lang]:.2f}x)"
                for lang, values in clicks.items()
            )
            + " (bench/red_button.py: home screen painted, click, panic screen painted)",
        ),
        Row(
            "1i",
            "Peak memory with the home screen and then panic mode open (red button), the"
            " larger language",
            f"{red_memory[heaviest_red]:.1f} MB",
            f"ratio <= {PANIC_RATIO_BUDGET:.2f}",
            verdict(red_memory[heaviest_red] / bare_mb <= PANIC_RATIO_BUDGET),
            baseline=f"{bare_mb:.1f} MB ({red_memory[heaviest_red] / bare_mb:.2f}x)",
            note=", ".join(f"{k} {v:.1f} MB" for k, v in red_memory.items()),
        ),
    ]
    what = "Instructions to `--panic`'s first screen (callgrind, one run each), vs bare"
    if counted is None or bare_count is None or None in counted.values():
        why = "skipped with --quick" if counted is None else "needs valgrind"
        return [*rows, Row("1j", what, "-", "reported only", INFO, note=why)]
    english, chinese = counted["en"], counted["zh_CN"]
    assert english is not None and chinese is not None
    return [
        *rows,
        Row(
            "1j",
            what,
            f"en {english / 1e6:.0f} M, zh_CN {chinese / 1e6:.0f} M",
            "reported only",
            INFO,
            baseline=f"{bare_count / 1e6:.0f} M ({english / bare_count:.2f}x,"
            f" {chinese / bare_count:.2f}x)",
            note="before issue 22: en 1556 M, zh_CN 2747 M (bare 643 M)",
        ),
    ]
