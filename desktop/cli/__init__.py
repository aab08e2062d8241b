"""The ``wallet-checkup`` command (DESIGN.md, *Contracts*).

Parsing happens before Qt is imported, so ``--version`` and the
subcommands answer quickly and never open a window. Any error is a plain
message and an exit code — never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence

from checks import __version__

LANG_CHOICES = ("en", "zh_CN")
PRINT_DOCUMENTS = ("recovery-kit", "incident-report", "checkup-report")
EXIT_USAGE = 2
EXIT_FAILURE = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wallet-checkup",
        description="Wallet Checkup (钱包安全体检): offline safety checkup and theft first aid "
        "for self-custody crypto wallets.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--lang", choices=LANG_CHOICES, help="UI language (default: system)")
    parser.add_argument("--panic", action="store_true", help="open straight into panic mode")
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="start, paint the main window once, exit 0 (for tests and benchmarks)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    printing = commands.add_parser("print", help="print a document to PDF")
    printing.add_argument("document", choices=PRINT_DOCUMENTS)
    printing.add_argument("-o", "--output", metavar="FILE.pdf", required=True)
    printing.add_argument("--lang", dest="doc_lang", choices=LANG_CHOICES)
    printing.add_argument("--case", metavar="ID")
    printing.add_argument("--run", metavar="ID")
    printing.add_argument("--force", action="store_true", help="overwrite an existing file")
    printing.add_argument(
        "--bilingual",
        action="store_true",
        help="incident-report: English and Chinese in one document",
    )
    printing.add_argument(
        "--region",
        type=str.upper,
        metavar="REGION",
        # Checked by the print command (checks.directory.reporting is not loaded just to parse).
        help="recovery-kit: where to report a theft:"
        " CN, HK, MO, TW, SG, MY, AU, US, CA, GB, EU or GLOBAL"
        " (default: from the system locale, else from --lang)",
    )
    link = commands.add_parser(
        "check-link",
        help="is this URL, domain, handle or support phone number an official wallet channel?",
    )
    link.add_argument("text")
    link.add_argument("--json", action="store_true")
    link.add_argument("--lang", dest="doc_lang", choices=LANG_CHOICES)
    scan = commands.add_parser("scan", help="what a thief would find on this computer")
    scan.add_argument("--home", metavar="DIR", help="scan this folder as the home folder")
    scan.add_argument("--pictures", action="store_true", help="also read text in pictures (OCR)")
    scan.add_argument("--json", action="store_true")
    scan.add_argument("--lang", dest="doc_lang", choices=LANG_CHOICES)
    doctor = commands.add_parser(
        "doctor",
        help="open the data folder as the app does, read every record, report"
        " (exit 0 healthy, 1 damage found and kept aside, 2 could not open the data)",
    )
    doctor.add_argument("--json", action="store_true")
    doctor.add_argument("--lang", dest="doc_lang", choices=LANG_CHOICES)
    erase = commands.add_parser(
        "erase", help='delete all data of this data folder and its key ("Delete all my data")'
    )
    erase.add_argument("--yes", action="store_true", help="yes, delete it all: it cannot be undone")
    erase.add_argument("--lang", dest="doc_lang", choices=LANG_CHOICES)
    return parser


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain window start, read without building the parser.

    Building the parser takes time before the window appears (a help
    formatter per option, and gettext looking for argparse's translations
    on disk; bench/RESULTS.md, 9f). A start with only the window's own options (``--lang en`` or
    ``--lang zh_CN``, ``--panic``, ``--exit-after-first-paint``) does not
    need it. Anything else (help, the version, a command, a typo, an
    abbreviation) gives None: argparse reads it, with its usual answers
    and errors. A test checks both readings agree.
    """
    args = argparse.Namespace(
        version=False, lang=None, panic=False, exit_after_first_paint=False, command=None
    )
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if name == "--lang":
            value = value if equals else next(words, "")
            if value not in LANG_CHOICES:
                return None
            args.lang = value
        elif word in ("--panic", "--exit-after-first-paint") and not equals:
            setattr(args, word[2:].replace("-", "_"), True)
        else:
            return None
    return args


def _attach_console() -> None:
    """A windowed build on Windows has no stdout/stderr: find one or a sink."""
    if sys.platform == "win32" and (sys.stdout is None or sys.stderr is None):
        try:
            import ctypes  # Windows only

            if ctypes.windll.kernel32.AttachConsole(-1):  # the parent's console
                sys.stdout = open("CONOUT$", "w", encoding="utf-8")
                sys.stderr = sys.stdout
        except (OSError, AttributeError):
            pass
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


def check_link(text: str, as_json: bool, language: str | None) -> int:
    import json  # the rest of this command: not before a first paint

    from checks.phishing import VERDICT_WORDS, classify
    from desktop.i18n import _, cli_language, set_language

    set_language(cli_language(language))
    verdict = classify(text)
    if as_json:
        print(json.dumps(verdict.as_dict(_), ensure_ascii=False))
    else:
        print(f"{_(VERDICT_WORDS[verdict.verdict])}: {verdict.reason_msg.render(_)}")
    return 0


def _load_pure_python_first(single_window: bool = True) -> None:
    """Import the window's Qt-free modules before PySide6.

    PySide6 reads the source of every module imported after it, looking for
    ``__feature__`` (bench/RESULTS.md, 9g); modules already loaded are left
    alone. ``desktop.instance`` (one window per data folder) only when it
    will be used.
    """
    import importlib  # start-up: see the docstring

    names = ["checks.storage.settings", "desktop.context", "desktop.crash", "desktop.i18n"]
    for name in names + (["desktop.instance"] if single_window else []):
        importlib.import_module(name)


def lighten_pyside_import_hook() -> None:
    """Make PySide6's check of each newly imported module cheaper.

    After PySide6 is imported, every module imported for the first time is
    checked for the text "PySide6" (to decide whether its ``__feature__``
    switches apply), through ``inspect.getsource``, for the window's modules
    and every page loaded later (bench/RESULTS.md, 9g). Reading the file's
    bytes gives the same answer at a fraction of the cost; anything else (no
    ``.py`` file, a bundle's archive) still goes to PySide's own check. A test
    compares the two answers. If a later PySide6 no longer has this check,
    nothing is changed.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "lightened", False):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def main(argv: Sequence[str] | None = None) -> int:
    _attach_console()
    try:
        return _run(argv)
    except BrokenPipeError:  # the reader went away, e.g. `wallet-checkup check-link x | true`
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


def _run(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = window_arguments(argv)
    if args is None:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exit_:  # argparse: usage error (2) or --help (0)
            return int(exit_.code or 0)
    if args.version:
        print(f"wallet-checkup {__version__}")
        return 0
    if args.command == "print":
        from desktop.cli.print_command import run_print  # only for `print`

        return run_print(args)
    if args.command == "check-link":
        return check_link(args.text, args.json, args.doc_lang or args.lang)
    if args.command == "scan":
        from desktop.cli.scan_command import run_scan_command  # a command, not a window start

        return run_scan_command(args)
    if args.command in ("doctor", "erase"):
        from desktop.cli import data_commands  # a command, not a window start

        args.doc_lang = args.doc_lang or args.lang
        run = data_commands.run_doctor if args.command == "doctor" else data_commands.run_erase
        return run(args)
    try:
        # The garbage collector would walk the objects made while starting
        # again and again (one full pass: bench/RESULTS.md, 9h), and
        # they live as long as the app. It is paused until the first paint
        # (desktop.app.prepare_for_use), or a few seconds at most.
        gc.disable()
        _load_pure_python_first(single_window=not args.exit_after_first_paint)
        import PySide6.QtCore  # noqa: F401  (installs the import hook lightened next)

        lighten_pyside_import_hook()
        from desktop.app import run_app  # Qt and the window: after the arguments

        return run_app(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # before the window exists: still no traceback
        from desktop.crash import write_log  # only after a failure

        try:
            from checks.paths import Paths  # as above

            where = str(write_log(Paths.from_environment().logs_dir, type(exc), exc.__traceback__))
        except Exception:
            where = "-"
        print(
            "wallet-checkup could not start. Your saved data is safe. "
            f"A technical note without personal data: {where}",
            file=sys.stderr,
        )
        return EXIT_FAILURE
