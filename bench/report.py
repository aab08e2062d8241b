"""The results as a console table and as bench/RESULTS.md."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.measure import FAIL, PASS, Row

METHOD = """\
- **1a, 1b, 5a** — each run is a fresh `python` process (same interpreter,
  `QT_QPA_PLATFORM=offscreen`, `WALLET_CHECKUP_HOME` a temporary folder),
  timed from spawn to exit. `python -m desktop --exit-after-first-paint` and
  the baseline `python -m bench.bare_window` (an empty 860×640 `QMainWindow`)
  both quit from the event loop right after their window's first paint
  event. The three variants (bare, app, app with 120 checkups and 50 cases)
  take turns after one warm-up round; medians are shown. A ratio is the
  median of each round's own ratio (runs side by side share the machine's
  state, which on a shared machine swings by a third within a minute); the
  ratio of the two medians is in the note. Peak memory is the child's
  `ru_maxrss` from `os.wait4`.
- **1e–1i** — panic mode's first screen (the three questions), in the same
  rounds as 1a: `python -m desktop --panic --exit-after-first-paint --lang
  en|zh_CN`, spawn to exit; and the red button (`python -m
  bench.red_button`): the home screen painted, its panic tile clicked, the
  time from the click to panic mode's first paint, against the bare
  window's whole start; peak memory of the whole process. **1j** counts
  `--panic` as 1d counts 1a.
- **1d** — the same two programs once each under valgrind's callgrind
  (`valgrind --tool=callgrind`), spawn to exit: the instructions executed,
  which a busy machine does not change.
- **1c** — one more app run under `python -X importtime`; the run ends at the
  first paint, so the list is what was imported before it.
- **2** — the real `PasswordMeter` in one process: a `QTimer` types with
  `QTest.keyClicks` at 10 keys/s while a 1 ms `PreciseTimer` probe records
  the longest gap between its ticks (minus 1 ms); the wait ends at the
  meter's `scored` signal for the whole text.
- **3** — `run_probes("network")` and `run_probes("device")` through the real
  probe code with only `subprocess.run` replaced by captured outputs
  (tests/fixtures/wifi, tests/fixtures/device; Linux with GNOME), both at
  once via `desktop.background.run_in_background` on the global
  `QThreadPool`, with the 1 ms probe running.
- **4** — `checks.reports` HTML and `desktop.printing.write_pdf`, in English
  and Simplified Chinese, the slower shown; the `print` command is timed
  too once it exists. **4e**: 4a's Chinese job (`python -m bench.report_job`)
  once under callgrind and once stopping before the report, the difference
  being the instructions of the HTML and the PDF alone.
- **5b** — the real main window with the data opened and a synchronous
  storage pool: `CheckupController.show_history()` until the list's first
  paint.
- **6** — `checks.secrets.find_secrets` on generated text (seeded): English
  prose, Chinese prose, 64-hex hashes and addresses, one public BIP-39 test
  vector.
- **8** — `checks.phishing.classify` on the look-alike fixtures once its tables
  are read, and on the longest texts it accepts; `checks.help` search queries
  in both languages on the whole corpus (the tests count this work; here it is
  timed).
- **9** — costs the code's comments give as reasons for a choice, measured so
  the comments need no numbers: each one that depends on what a process has
  loaded (the first dataclass, PySide's enums, its import hook, a full garbage
  collection over the start-up's objects, fonts, QtSvg) in fresh processes,
  median of five; memory as the change in resident size (`VmRSS`).
- In-process sections run each in their own fresh process
  (`python -m bench.section NAME`). Children are started through a small
  launcher (`bench/spawn.py`) so that their peak memory is their own.
- Before measuring, the bytecode of `checks`, `desktop`, `resources` and
  `bench` is written (`compileall`), as an installed app has it; with
  `PYTHONDONTWRITEBYTECODE=1` a source checkout would otherwise compile every
  changed module at each launch.
- Data for 4c, 5a–5c is written through `checks.storage.store` with a benchmark-only
  file keyring (`bench/file_keyring.py`, via `PYTHON_KEYRING_BACKEND`).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def console_table(rows: Sequence[Row]) -> str:
    """A plain-text table that fits a terminal; notes follow, one per row."""
    header = ("", "Measured", "Baseline (ratio)", "Budget", "Verdict")
    lines = []
    width = 58
    for row in rows:
        what = textwrap.shorten(row.what, width, placeholder="…")
        lines.append((f"{row.key:<3} {what}", row.measured, row.baseline, row.budget, row.verdict))
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(5)]
    out = []
    for index, line in enumerate([header, *lines]):
        out.append("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    notes = [f"{row.key}: {row.note}" for row in rows if row.note]
    if notes:
        out.append("")
        out.extend(textwrap.fill(note, 100, subsequent_indent="    ") for note in notes)
    return "\n".join(out)


def summary(rows: Sequence[Row]) -> str:
    passed = sum(row.verdict == PASS for row in rows)
    failed = [row.key for row in rows if row.verdict == FAIL]
    text = f"{passed} budgets hold"
    if failed:
        text += f"; missed: {', '.join(failed)}"
    missing = [row.key for row in rows if row.verdict == "n/a"]
    if missing:
        text += f"; not available yet: {', '.join(missing)}"
    return text


def markdown(
    rows: Sequence[Row],
    machine: Mapping[str, str],
    details: Mapping[str, object],
    command: str,
) -> str:
    out = [
        "# Benchmark results",
        "",
        f"Generated by `{command}` — do not edit by hand; run it again instead.",
        "",
        f"**{summary(rows)}.**",
        "",
        "| | What | Measured | Baseline (ratio) | Budget | Verdict |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = (row.key, row.what, row.measured, row.baseline, row.budget, f"**{row.verdict}**")
        out.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    out += ["", "## Notes", ""]
    out += [f"- **{row.key}** — {row.note}" for row in rows if row.note]
    heaviest = details.get("heaviest_imports")
    if isinstance(heaviest, list) and heaviest:
        out += [
            "",
            "## Slowest imports before the first paint that the bare window does not make",
            "",
            "`-X importtime`, one run: cumulative (self) time. A module's cumulative time"
            " includes the modules it imports first.",
            "",
        ]
        out += [
            f"- `{name}` {total / 1000:.1f} ms ({own / 1000:.1f} ms)"
            for name, total, own in heaviest
        ]
        packages = details.get("third_party")
        if isinstance(packages, list):
            out += ["", "Third-party packages loaded: " + ", ".join(f"`{p}`" for p in packages)]
    out += ["", "## Machine", "", "| | |", "|---|---|"]
    out += [f"| {key} | {_cell(value)} |" for key, value in machine.items()]
    out += ["", "## How it was measured", "", METHOD]
    return "\n".join(out)


def write(path: Path, text: str) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
