"""Run one in-process section in this (fresh) process and print its rows as JSON.

``python -m bench`` starts one of these per section, so a section that
crashes (or leaves threads, fonts or caches warm) cannot spoil another.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict

MARKER = "BENCH-ROWS:"
SECTIONS = ("typing", "probes", "printing", "history", "guard", "lookups", "costs", "scan",
            "pictures", "stability")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.section")
    parser.add_argument("name", choices=SECTIONS)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Ballast for Python < 3.12 with PySide6 6.12 (see bench/stability.py): enough
    # references to None that a long section cannot reach zero and abort. It
    # changes no timing; the stability row measures the leak on its own.
    args.ballast = [None] * 1_000_000 if args.name != "stability" else []
    from importlib import import_module

    module = import_module(f"bench.{'typing_latency' if args.name == 'typing' else args.name}")
    rows = module.run(args.quick)
    print(MARKER + json.dumps([asdict(row) for row in rows], ensure_ascii=False), flush=True)
    sys.stderr.flush()
    # Leave without the interpreter's clean-up: with the leak above, tearing
    # down may free None itself and abort after the work is done.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
