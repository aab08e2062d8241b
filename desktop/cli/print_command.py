"""``wallet-checkup print …``: a document to PDF, with no window and no display.

    wallet-checkup print recovery-kit [--lang L] [--region R] -o FILE.pdf
    wallet-checkup print incident-report --case ID [--lang L] [--bilingual] -o FILE.pdf
    wallet-checkup print checkup-report [--run ID] [--lang L] -o FILE.pdf

``--region`` (one of :data:`checks.directory.reporting.REGION_IDS`: CN, HK, MO, TW,
SG, MY, AU, US, CA, GB, EU, GLOBAL) says where the kit tells the reader to report a theft; without
it the region follows the system locale, or the language when the locale names
no country (``LANG=C … --lang zh_CN`` → Mainland China).

``-o`` never replaces anything but a regular file: an existing link, folder,
device or pipe is refused even with ``--force`` (``os.replace`` would swap it).

Everything that can fail is checked before Qt is loaded (the output path,
the saved data, the case or run), and every failure is one plain line on
stderr and exit code 1 — never a traceback. The saved data is opened the way
the window opens it (:func:`checks.storage.store.open_store`); a passphrase is asked
on the terminal when there is one, never read from a pipe. Only ``QtGui`` is
loaded, and only to lay out and paint the PDF (``desktop.printing``); with
no display the offscreen platform is used.
"""

from __future__ import annotations

import getpass
import os
import sys
from argparse import Namespace
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any

from checks.directory.reporting import REGION_IDS
from checks.files import NotARegularFile, refuse_special_file
from checks.i18n import InputError
from checks.paths import Paths
from desktop.i18n import _, catalog, cli_language, set_language, tr

EXIT_FAILURE = 1


class PrintError(Exception):
    """A problem the person can fix, already in their language (one line)."""


# -- checks before any work ------------------------------------------------------------


def output_path(name: str, force: bool) -> Path:
    """The target file, refused when it exists (without ``--force``) or cannot be written."""
    path = Path(name).expanduser()
    if path.is_dir() and not path.is_symlink():
        raise PrintError(
            _("{path} is a folder. Please give a file name ending in .pdf.").format(path=path)
        )
    try:
        refuse_special_file(path)
    except NotARegularFile:
        raise PrintError(not_a_regular_file(path)) from None
    if path.exists() and not force:
        raise PrintError(_("{path} already exists. Use --force to replace it.").format(path=path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PrintError(_("The folder {folder} does not exist.").format(folder=folder))
    if not os.access(folder, os.W_OK):
        raise PrintError(_("Cannot write in the folder {folder}.").format(folder=folder))
    return path


def not_a_regular_file(path: object) -> str:
    return _(
        "{path} exists and is not a regular file (a link, a device or a pipe), so it"
        " is never replaced, even with --force. Please give another file name."
    ).format(path=path)


def kit_region(args: Namespace) -> str | None:
    """``--region``, checked; :class:`PrintError` for an unknown id or another document."""
    region = getattr(args, "region", None)  # added to the parser in desktop/cli/__init__.py
    if not region:
        return None
    if args.document != "recovery-kit":
        raise PrintError(_("--region is only for the recovery kit."))
    if region.upper() not in REGION_IDS:
        raise PrintError(
            _("There is no region {region}. Choose one of: {regions}.").format(
                region=region, regions=", ".join(REGION_IDS)
            )
        )
    return str(region.upper())


def locale_name() -> str:
    """The system locale as Qt names it (``en_US``), for the paper size and region."""
    from PySide6.QtCore import QLocale  # QtCore only: no display needed

    return QLocale.system().name()


def local_zone() -> tzinfo:
    return datetime.now().astimezone().tzinfo or timezone.utc


# -- the saved data ------------------------------------------------------------------------


def open_data(paths: Paths, ask: bool = True) -> Any | None:
    """The open store, ``None`` when nothing was ever saved; :class:`PrintError` when
    the data is there but cannot be opened (no keyring, locked, wrong passphrase).
    Records that could not be read were kept aside on opening: each is noted."""
    store = _open_data(paths, ask)
    for record in getattr(store, "damaged", ()):
        print(
            _("Note: a saved record could not be read and was kept aside at {path}.").format(
                path=record.kept_at
            ),
            file=sys.stderr,
        )
    return store


def _open_data(paths: Paths, ask: bool) -> Any | None:
    if not paths.database.exists():
        return None
    # The data (keyring, SQLite, cryptography) loads only for a document that needs it.
    from checks.storage import store as data
    from checks.storage.keystore import KeyringState

    outcome = data.open_store(paths)
    for kept in outcome.kept_aside:
        print(
            _("Note: a saved file could not be read and was kept aside at {path}.").format(
                path=kept.kept_at
            ),
            file=sys.stderr,
        )
    if outcome.store is not None:
        return outcome.store
    if outcome.need is data.Need.PASSPHRASE and outcome.db is not None:
        if not (ask and sys.stdin is not None and sys.stdin.isatty()):
            raise PrintError(
                _(
                    "Your saved data is protected by a passphrase. Run this command in a"
                    " terminal to type it."
                )
            )
        try:
            return data.unlock_with_passphrase(outcome.db, getpass.getpass(_("Passphrase: ")))
        except data.WrongPassphrase:
            raise PrintError(_("That passphrase does not open your saved data.")) from None
    reasons = {
        KeyringState.LOCKED: _(
            "Your system keyring is locked, so your saved data cannot be opened. Unlock it"
            " (log in to your desktop) and try again."
        ),
        KeyringState.MISSING: _(
            "This computer has no system keyring, so your saved data cannot be opened here."
        ),
    }
    raise PrintError(
        reasons.get(
            outcome.keyring_state,
            _("Your system keyring did not answer, so your saved data cannot be opened."),
        )
    )


def latest_answers(paths: Paths) -> dict[str, Any] | None:
    """The latest saved checkup's answers for the kit; on any problem, say so and go on."""
    from checks.checkup.run import CheckupRun  # each document loads only what it needs

    try:
        store = open_data(paths, ask=False)
    except PrintError as problem:
        print(
            _("Note: {problem} The kit lists the most common wallets.").format(problem=problem),
            file=sys.stderr,
        )
        return None
    if store is None:
        return None
    try:
        runs = store.list_checkup_runs()
        return (
            dict(CheckupRun.from_payload(store.load_checkup_run(runs[0].id)).answers)
            if runs
            else None
        )
    finally:
        store.close()


def load_case(paths: Paths, case_id: str | None) -> Any:
    from checks.panic.case import Case  # each document loads only what it needs

    store = open_data(paths)
    if store is None:
        raise PrintError(_("There are no saved cases on this computer."))
    try:
        summaries = store.list_cases()
        known = ", ".join(s.id for s in summaries) or _("none")
        if not case_id:
            raise PrintError(
                _("Please say which case to print: --case ID (saved cases: {ids}).").format(
                    ids=known
                )
            )
        payload = store.load_case(case_id)
        if payload is None:
            raise PrintError(
                _("There is no case with the id {id} (saved cases: {ids}).").format(
                    id=case_id, ids=known
                )
            )
        return Case.from_payload(payload)
    finally:
        store.close()


def load_runs(paths: Paths, run_id: str | None) -> tuple[Any, Any | None]:
    """The chosen (default: latest) checkup run and the one saved before it."""
    from checks.checkup.run import CheckupRun  # each document loads only what it needs

    store = open_data(paths)
    if store is None:
        raise PrintError(_("There is no saved checkup yet. Do a checkup in the app first."))
    try:
        runs = store.list_checkup_runs()
        if not runs:
            raise PrintError(_("There is no saved checkup yet. Do a checkup in the app first."))
        ids = [summary.id for summary in runs]
        if run_id is None:
            index = 0
        else:
            try:
                index = ids.index(int(run_id))
            except ValueError:
                raise PrintError(
                    _("There is no checkup with the id {id} (saved checkups: {ids}).").format(
                        id=run_id, ids=", ".join(str(i) for i in ids)
                    )
                ) from None
        run = CheckupRun.from_payload(store.load_checkup_run(ids[index]))
        older = (
            CheckupRun.from_payload(store.load_checkup_run(ids[index + 1]))
            if index + 1 < len(ids)
            else None
        )
        return run, older
    finally:
        store.close()


# -- the command -------------------------------------------------------------------------------


def build_report(args: Namespace, language: str, paths: Paths) -> Any:
    translate = catalog(language).gettext
    now = datetime.now(timezone.utc)
    common: dict[str, Any] = {
        "language": language,
        "now": now,
        "tz": local_zone(),
        "locale_name": locale_name(),
    }
    if args.document == "recovery-kit":
        # Each document loads only its own module: the command's start-up (bench 4c, 4d).
        from checks.reports.recovery_kit import recovery_kit

        return recovery_kit(
            translate, answers=latest_answers(paths), region=kit_region(args), **common
        )
    if args.document == "incident-report":
        from checks.reports.incident_report import incident_report  # as above

        case = load_case(paths, args.case)
        second = None
        if getattr(args, "bilingual", False):
            second = catalog("en" if language.startswith("zh") else "zh_CN").gettext
        return incident_report(case, translate, second=second, **common)
    from checks.reports.checkup_report import checkup_report  # as above

    run, previous = load_runs(paths, args.run)
    return checkup_report(run, translate, previous=previous, **common)


def run_print(args: Namespace) -> int:
    language = cli_language(args.doc_lang or getattr(args, "lang", None))
    set_language(language)
    try:
        target = output_path(args.output, args.force)
        kit_region(args)  # a wrong --region is reported before any work
        report = build_report(args, language, Paths.from_environment())
        from desktop import printing  # Qt's painting: after the arguments and data are checked

        printing.gui_application()
        if not printing.can_print(report):
            raise PrintError(
                _(
                    "This document contains Chinese text, but no installed font can show"
                    " Simplified Chinese. Install one (e.g. Noto Sans CJK SC) or use --lang en."
                )
            )
        pages = printing.write_pdf(report, target, replace=args.force)
    except PrintError as problem:
        return _fail(str(problem))
    except InputError as problem:
        return _fail(tr(problem.message))
    except NotARegularFile:
        return _fail(not_a_regular_file(args.output))
    except FileExistsError:
        return _fail(
            _("{path} already exists. Use --force to replace it.").format(path=args.output)
        )
    except OSError as problem:
        return _fail(
            _("Could not write {path}: {reason}").format(
                path=args.output, reason=problem.strerror or type(problem).__name__
            )
        )
    print(_("Saved {path} ({pages} pages).").format(path=target, pages=pages))
    return 0


def _fail(text: str) -> int:
    print(f"wallet-checkup: {text}", file=sys.stderr)
    return EXIT_FAILURE
