"""“Report a problem with this app”: a message the user reads, copies or mails.

The app sends nothing. The message holds the app's version, the operating
system and the steps the user typed — never a case, an answer or anything
else from the data folder, unless the user types it in. Typed steps that
contain a seed phrase or private key are refused here too (the field's
secret guard already clears them; this is the second lock on the door).
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from checks import __version__
from checks.i18n import N_, InputError, msg

MAX_STEPS = 4000  # characters; mail programs cut long mailto: links
SUBJECT = N_("Wallet Checkup {version}: a problem report")
HEADER = N_("Wallet Checkup version: {version}")
SYSTEM = N_("Operating system: {system} {release}")
LANGUAGE = N_("App language: {language}")
STEPS = N_("What I did, and what went wrong:")
NO_STEPS = N_("(nothing typed yet)")
FOOTER = N_(
    "This message was prepared by the app's “Report a problem” form. It contains only what"
    " is shown here. Please do not add seed phrases, private keys, passwords or 2FA codes."
)
SECRET_REFUSED = N_(
    "Your description looks like it contains a seed phrase or private key, so it was not"
    " used. Nobody needs these to fix the app: please describe the problem without them."
)


@dataclass(frozen=True)
class ProblemReport:
    subject: str
    body: str


def problem_report(
    steps: str,
    language: str = "en",
    translate: Callable[[str], str] = N_,
    *,
    version: str = __version__,
    system: str | None = None,
    release: str | None = None,
) -> ProblemReport:
    """Build the message. ``translate`` (str → str) localises the labels; default English.

    :class:`InputError` when ``steps`` holds a seed phrase or private key.
    """
    from checks.secrets import find_secrets  # on first use, as in checks.panic.case

    t = translate
    typed = steps.strip()[:MAX_STEPS]
    if typed and find_secrets(typed):
        raise InputError(msg(SECRET_REFUSED))
    system = platform.system() if system is None else system
    release = platform.release() if release is None else release
    lines = [
        t(HEADER).format(version=version),
        t(SYSTEM).format(system=system or "?", release=release or ""),
        t(LANGUAGE).format(language=language),
        "",
        t(STEPS),
        typed or t(NO_STEPS),
        "",
        "—",
        t(FOOTER),
    ]
    subject = t(SUBJECT).format(version=version)
    return ProblemReport(subject=subject, body="\n".join(lines).replace(" \n", "\n"))


def mailto_url(report: ProblemReport, address: str = "") -> str:
    """A ``mailto:`` link with no recipient (the user picks one) unless ``address`` is given.

    Line breaks become CRLF, as RFC 6068 asks; everything is percent-encoded.
    """
    body = report.body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(address, safe='@')}?subject={quote(report.subject, safe='')}"
        f"&body={quote(body, safe='')}"
    )
