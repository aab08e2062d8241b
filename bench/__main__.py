"""``python -m bench``: measure every budget of issue 9 and write bench/RESULTS.md.

Usage (from the repository root, in the project's virtual environment)::

    python -m bench              # the full benchmark (a few minutes); writes bench/RESULTS.md
    python -m bench --quick      # smoke run: one run each, writes nothing
    python -m bench --only startup,guard

This process never imports Qt: start-up is measured in fresh child
processes, and each in-process section runs in its own child
(``python -m bench.section NAME``), so sections cannot disturb each other.
"""

from __future__ import annotations

import argparse
import compileall
import json
import re
import sys
from pathlib import Path

from bench import machine, report
from bench.measure import FAIL, REPO, Row, offscreen_env, run_child
from bench.section import MARKER, SECTIONS

ORDER = ("startup", *SECTIONS)
DEFAULT_OUTPUT = REPO / "bench" / "RESULTS.md"
QUIET_LOAD = 0.7  # 1-minute load average on this 2-core machine: below, "quiet"


def compile_sources() -> None:
    """Write the bytecode of our packages first, as an installed app has it.

    Where PYTHONDONTWRITEBYTECODE is set (as on the build machines), a source
    checkout would otherwise compile every changed module on every launch.
    """
    for package in ("checks", "desktop", "resources", "bench"):
        if (REPO / package).is_dir():
            compileall.compile_dir(REPO / package, quiet=1)


def run_section(name: str, quick: bool) -> list[Row]:
    argv = ["-m", "bench.section", name] + (["--quick"] if quick else [])
    child = run_child(argv, offscreen_env(), timeout=900)
    for line in reversed(child.stdout_lines):
        if line.startswith(MARKER):
            return [Row(**fields) for fields in json.loads(line[len(MARKER) :])]
    tail = " ".join(child.stderr.strip().splitlines()[-3:])[-300:]
    return [
        Row(name, f"Section '{name}' did not finish", f"exit {child.code}", "-", FAIL, note=tail)
    ]


def row_order(row: Row) -> tuple[int, str]:
    """1a, 1b, ... 9j, 10a: by the row's number, then its letter."""
    number = re.match(r"\d+", row.key)
    return (int(number.group()) if number else 0, row.key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one run each; write nothing")
    parser.add_argument("--runs", type=int, default=21, help="start-up runs per variant (>= 9)")
    parser.add_argument("--only", help="comma-separated sections: " + ", ".join(ORDER))
    parser.add_argument("--output", type=Path, help="where to write the results (Markdown)")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        metavar="MINUTES",
        help=f"wait up to this long for the load to fall below {QUIET_LOAD} (default 20; quick 0)",
    )
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(ORDER)
    unknown = sorted(set(chosen) - set(ORDER))
    if unknown:
        parser.error(f"unknown sections: {', '.join(unknown)}")
    output = args.output or (None if args.quick or args.only else DEFAULT_OUTPUT)
    wait = args.wait_quiet if args.wait_quiet is not None else (0.0 if args.quick else 20.0)

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    quiet, load = machine.wait_until_quiet(QUIET_LOAD, wait, say)
    if not quiet:
        say(f"the machine is still busy (load {load:.2f}); measuring anyway")
    description = machine.describe()
    ticks_before = machine.cpu_times()
    if not args.quick:
        compile_sources()

    rows: list[Row] = []
    details: dict[str, object] = {}
    for name in (section for section in ORDER if section in chosen):
        say(f"[{name}] …")
        if name == "startup":
            from bench import startup

            startup_rows, details = startup.run(args.quick, args.runs)
            rows += startup_rows
        else:
            rows += run_section(name, args.quick)
    rows.sort(key=row_order)
    description["Load after"] = "{:.2f} {:.2f} {:.2f} (1, 5, 15 min)".format(*machine.load())
    description["Stolen"] = machine.stolen_share(ticks_before, machine.cpu_times())
    description["Quiet"] = (
        f"yes (1-min load <= {QUIET_LOAD} at the start)"
        if quiet
        else f"no — load {load:.2f} after waiting {wait:g} min"
    )

    if args.quick:
        description["Mode"] = "--quick: a smoke run with small inputs; the numbers mean nothing"
    print(report.console_table(rows))
    print()
    print(report.summary(rows))
    if output is not None:
        command = " ".join(["python -m bench", *(sys.argv[1:] if argv is None else argv)])
        report.write(output, report.markdown(rows, description, details, command))
        print(f"written: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
