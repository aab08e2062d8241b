"""``wallet-checkup doctor [--json]`` and ``wallet-checkup erase --yes``
(DESIGN.md, *Contracts*): the data folder, from a terminal.

``doctor`` opens the data exactly as the window does
(:func:`checks.storage.doctor.examine`) and says what it found; exit 0
healthy, 1 damage found and kept aside, 2 the data could not be opened.
``erase --yes`` is Settings → "Delete all my data" for this data folder: its
files and its own key in the keyring (:func:`checks.storage.erase.erase_all`),
refused while a window is open on the folder. No Qt window, no display.
"""

from __future__ import annotations

import getpass
import json
import sys
from argparse import Namespace
from typing import TYPE_CHECKING

from checks.home import describe_record, kept_aside_reason
from checks.paths import Paths
from checks.storage import doctor
from checks.storage.doctor import COULD_NOT_OPEN, HEALTHY
from checks.storage.erase import erase_all
from desktop.i18n import _, cli_language, set_language, tr
from desktop.instance import window_open

if TYPE_CHECKING:
    from checks.storage.doctor import DoctorReport

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _say(text: str) -> None:
    print(text)


# -- doctor --------------------------------------------------------------------------------


def run_doctor(args: Namespace) -> int:

    set_language(cli_language(args.doc_lang))
    paths = Paths.from_environment()
    report = doctor.examine(paths, ask_passphrase=_ask_passphrase)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        _print_report(report)
    return report.exit_code


def _ask_passphrase() -> str | None:
    if sys.stdin is None or not sys.stdin.isatty():
        return None  # never read from a pipe

    return getpass.getpass(_("Passphrase: "))


KEYS = {
    "keyring": lambda: _("in your system keyring"),
    "passphrase": lambda: _("made from your passphrase"),
}
KEYRING_WORDS = {
    "available": lambda: _("works"),
    "missing": lambda: _("not found on this computer"),
    "locked": lambda: _("locked"),
    "failed": lambda: _("did not answer"),
}
PROBLEMS = {
    "passphrase-needed": lambda: _(
        "Your data is protected by a passphrase. Run this command in a terminal to type it."
    ),
    "wrong-passphrase": lambda: _("That passphrase does not open your saved data."),
    "keyring-locked": lambda: _(
        "Your system keyring is locked, so your saved data cannot be opened. Unlock it"
        " (log in to your desktop) and try again."
    ),
}


def _print_report(report: DoctorReport) -> None:

    _say(_("Data folder: {path}").format(path=report.data_folder))
    key = KEYS.get(report.key or "", lambda: _("none yet (nothing saved)"))()
    _say(_("Key: {key}").format(key=key))
    keyring = KEYRING_WORDS.get(report.keyring, lambda: report.keyring)()
    _say(_("System keyring: {state}").format(state=keyring))
    if report.records:
        counts = _("Read: {cases} case(s), {checkups} checkup(s), {drafts} unfinished checkup(s).")
        _say(counts.format(**report.records))
    for kept in report.kept_aside:
        reason = _(kept_aside_reason(kept.reason))
        _say(_("Kept aside ({reason}): {path}").format(reason=reason, path=kept.kept_at))
    for record in report.damaged_records:
        _say(
            _("Could not be read, kept aside: {record} → {path}").format(
                record=tr(describe_record(record)), path=record.kept_at
            )
        )
    if report.status == HEALTHY and report.key is None:
        _say(_("Nothing is saved here yet."))
    elif report.status == HEALTHY:
        _say(_("Everything is readable."))
    elif report.status == COULD_NOT_OPEN:
        problem = PROBLEMS.get(report.problem or "")
        _say(
            problem()
            if problem
            else _("Your saved data could not be opened ({reason}).").format(reason=report.problem)
        )
    else:
        _say(
            _(
                "Some data could not be read. It was kept aside (nothing was deleted) and"
                " everything else works."
            )
        )


# -- erase ---------------------------------------------------------------------------------


def run_erase(args: Namespace) -> int:

    set_language(cli_language(args.doc_lang))
    paths = Paths.from_environment()
    folder = paths.data_dir
    if not args.yes:
        print(
            _(
                "This deletes all your Wallet Checkup data in {path}: checkups, cases, evidence,"
                " settings, logs, files kept aside, and this folder's key in the system keyring."
                " It cannot be undone. To do it, run: wallet-checkup erase --yes"
            ).format(path=folder),
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not folder.is_dir():
        _say(_("There is no Wallet Checkup data in {path}.").format(path=folder))
        return EXIT_OK
    if window_open(folder):
        print(
            _("Wallet Checkup is open on this data folder. Close it first, then try again."),
            file=sys.stderr,
        )
        return EXIT_FAILURE
    report = erase_all(paths)
    for path in report.failed:
        print(_("Could not delete: {path}").format(path=path), file=sys.stderr)
    if report.keyring_state.value != "available":
        print(
            _(
                "The key in the system keyring could not be deleted ({state}). Delete the entry"
                " of service “wallet-checkup” in your keyring app."
            ).format(state=report.keyring_state.value),
            file=sys.stderr,
        )
    if not report.complete:
        return EXIT_FAILURE
    _say(_("All Wallet Checkup data in {path} was deleted, and its key.").format(path=folder))
    return EXIT_OK
