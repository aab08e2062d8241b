"""``wallet-checkup scan [--home DIR] [--pictures] [--json]``: what a thief would find.

The same scan as the checkup topic (:func:`checks.scan.engine.run_scan`), with
no window.  Without ``--home`` the real home folder is scanned, with the
machine's programs, hosts file and proxy settings; with ``--home DIR`` the
folder is scanned as a home (browser profiles and app folders at their
standard places under it) and the machine's own folders are left alone.

Exit 0 when nothing is found, 1 when something is, 2 on an error (one plain
line on stderr, never a traceback).  ``--json`` prints the object in
DESIGN.md's contracts; nothing printed ever holds any part of a secret.
Ctrl+C stops the scan (exit 130).

``--pictures`` runs the picture scan when its module is installed:
``checks.scan.pictures.scan_pictures(home)`` returns ``[{"path": …, "kind":
"mnemonic"}]`` (issue 21, with the OCR extra); without it the command says so
and exits 2.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

from checks.findings import Finding
from checks.i18n import N_, msg
from checks.scan import ocr
from checks.scan.control import Cancelled
from checks.scan.engine import ScanOptions, ScanResult, default_system_root, run_scan
from checks.scan.findings import TOPIC_TITLE, finding, items_for
from checks.scan.pictures import NEEDS_OCR, default_workers
from checks.scan.report import to_json
from desktop.i18n import _, cli_language, set_language, tr

EXIT_FOUND = 1
EXIT_ERROR = 2


def run_scan_command(args: Namespace) -> int:
    set_language(cli_language(args.doc_lang or args.lang))
    home = Path(args.home).expanduser() if args.home else Path.home()
    if not home.is_dir():
        print(tr(msg(N_("Not a folder: {path}"), path=str(home))), file=sys.stderr)
        return EXIT_ERROR
    if args.pictures and not ocr.ocr_available():
        print(_(NEEDS_OCR), file=sys.stderr)
        return EXIT_ERROR
    options = ScanOptions(
        home=home.resolve(),
        system_root=None if args.home else default_system_root(),
        workers=1 if getattr(sys, "frozen", False) else min(2, os.cpu_count() or 1),
        pictures=bool(args.pictures),
        picture_workers=default_workers(),
        run_command=_run_command,
    )
    try:
        result = run_scan(options)
    except KeyboardInterrupt:
        return 130
    except Cancelled:  # pragma: no cover - nothing cancels a command-line scan but Ctrl+C
        return 130
    except OSError as error:
        print(tr(msg(N_("The scan could not run: {reason}"), reason=error.strerror or error)),
              file=sys.stderr)  # fmt: skip
        return EXIT_ERROR
    if args.json:
        print(json.dumps(to_json(result), ensure_ascii=False, indent=1))
    else:
        _print_human(result, [finding(item) for item in items_for(result)])
    return EXIT_FOUND if result.anything_found else 0


def _print_human(result: ScanResult, findings: list[Finding]) -> None:
    print(_(TOPIC_TITLE))
    for number, found in enumerate(findings):
        if number == 0 or found.id != findings[number - 1].id:
            print()
        print(f"[{_(found.severity.label)}] {tr(found.title)}")
        if number + 1 == len(findings) or findings[number + 1].id != found.id:
            for step_number, step in enumerate(found.fix_steps, start=1):  # once per kind
                print(f"    {step_number}. {tr(step)}")
    stats = result.stats
    print()
    print(
        tr(
            msg(
                N_("{files} files checked ({megabytes} MB), {skipped} skipped, in {seconds} s."),
                files=stats.files,
                megabytes=round(stats.bytes / 1e6, 1),
                skipped=stats.skipped,
                seconds=round(stats.seconds, 1),
            )
        )
    )
    if result.pictures is not None:
        print(
            tr(
                msg(
                    N_("{pictures} pictures looked at, {read} of them read, in {seconds} s."),
                    pictures=result.pictures.pictures,
                    read=result.pictures.read,
                    seconds=round(result.pictures.seconds, 1),
                )
            )
        )


def _run_command(argv: list[str]) -> str:
    """A read-only system command (macOS proxy settings), 3 s at most; "" on failure."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=3, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""
