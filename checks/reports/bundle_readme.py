"""README.txt of the case bundle: a note for the person who receives it.

A police officer or an exchange's compliance team opens a zip they did not
make, from someone they do not know, in a language they may not read. The
note says what the files are, how to check the SHA-256 fingerprints with the
tools every system already has, and that nothing in it is a secret. It is
written in English and in Chinese, in the sender's language first, whatever
language the report itself is in: the bundle crosses borders.

Plain text with Windows line ends and a BOM-free UTF-8 encoding, so Notepad,
TextEdit and ``less`` all show the Chinese correctly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from checks import __version__
from checks.i18n import N_
from checks.reports.html import Translate

README_NAME = "README.txt"

TITLE = N_("Wallet Checkup — case bundle {case}")
MADE = N_("Made on {date} with Wallet Checkup {version}.")
WHAT_HEADING = N_("What this is")
WHAT = N_(
    "This zip file was made by a person who reports a theft of crypto-assets, with the"
    " offline app Wallet Checkup. It holds:"
)
WHAT_REPORT = N_(
    "{name}: the incident report (what happened, the timeline, the transactions, the"
    " contacts with support);"
)
WHAT_EVIDENCE = N_("{folder}: the evidence files the person kept, unchanged;")
WHAT_MANIFEST = N_("{json} and {txt}: the SHA-256 fingerprint of every file.")
SECRET_HEADING = N_("Nothing in it is a secret")
SECRET = N_(
    "The report holds no seed phrase, private key or password: the app refuses them"
    " wherever they are typed. Transaction hashes and addresses are public blockchain data"
    " that anyone can look up in a block explorer. The evidence files are the ones the"
    " person chose to add (screenshots, saved chats)."
)
CHECK_HEADING = N_("How to check that no file was changed")
CHECK = N_(
    "Unpack the zip, open a terminal in the unpacked folder and compare the SHA-256 of each"
    " file with {txt}:"
)
CHECK_RESULT = N_(
    "On Linux and macOS every file should show OK. On Windows, run the command for each"
    " file: the hash shown must be the same as the one in {txt}. {json} also lists the"
    " fingerprint recorded when each evidence file was first added to the case."
)
LINUX = "Linux:    sha256sum -c {txt}"
MACOS = "macOS:    shasum -a 256 -c {txt}"
WINDOWS = "Windows:  certutil -hashfile {report} SHA256"
POWERSHELL = "          PowerShell: Get-FileHash -Algorithm SHA256 {report}"


def readme_text(
    translations: Sequence[Translate],
    case_id: str,
    now: datetime,
    *,
    report_name: str,
    evidence_dir: str,
    manifest_json: str,
    manifest_txt: str,
) -> str:
    """The note in each language of ``translations`` (gettext functions), one after
    the other, separated by a rule; the commands are the same in every language."""
    names = {
        "name": report_name,
        "folder": evidence_dir,
        "json": manifest_json,
        "txt": manifest_txt,
        "report": report_name,
    }
    date = now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commands = [line.format(**names) for line in (LINUX, MACOS, WINDOWS, POWERSHELL)]
    parts = []
    for t in translations:
        lines = [
            t(TITLE).format(case=case_id),
            t(MADE).format(date=date, version=__version__),
            "",
            t(WHAT_HEADING),
            t(WHAT),
            "- " + t(WHAT_REPORT).format(**names),
            "- " + t(WHAT_EVIDENCE).format(**names),
            "- " + t(WHAT_MANIFEST).format(**names),
            "",
            t(SECRET_HEADING),
            t(SECRET),
            "",
            t(CHECK_HEADING),
            t(CHECK).format(**names),
            *(f"    {command}" for command in commands),
            t(CHECK_RESULT).format(**names),
        ]
        parts.append("\r\n".join(lines))
    return ("\r\n\r\n" + "=" * 60 + "\r\n\r\n").join(parts) + "\r\n"
