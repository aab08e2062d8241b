"""Qt's own console messages, with what the user wrote taken out.

Qt prints a warning when it cannot open a link, with the whole link in it:
``qt.qpa.services: Unable to detect a launcher for 'mailto:…?subject=…&body=…'``.
The body of a support message holds the user's addresses, transaction
hashes and case reference, and stderr may end up in a terminal's history or
a desktop session log. :func:`install` puts a message handler in front of
Qt's: a link keeps its scheme and address (``mailto:support@wallet.example``)
and loses its query and fragment, which become ``?…``. Nothing else changes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]

# A link (scheme, then anything but white space, quotes and ?#), then its query
# or fragment: up to the closing quote when the link is quoted, else to the end
# (Qt may print a decoded query, with spaces and line breaks in it).
_QUOTED = re.compile(r"""(['"])([a-zA-Z][\w+.-]*:[^\s'"?#]*)[?#][^'"]*\1""")
_BARE = re.compile(r"""\b([a-zA-Z][\w+.-]*:[^\s'"?#]*)[?#](?!…).*""", re.DOTALL)
_LABELS = {
    QtMsgType.QtDebugMsg: "debug",
    QtMsgType.QtInfoMsg: "info",
    QtMsgType.QtWarningMsg: "warning",
    QtMsgType.QtCriticalMsg: "critical",
    QtMsgType.QtFatalMsg: "fatal",
}


def redact(message: str) -> str:
    """``message`` with every link's query and fragment replaced by ``?…``."""
    message = _QUOTED.sub(lambda m: f"{m[1]}{m[2]}?…{m[1]}", message)
    return _BARE.sub(lambda m: f"{m[1]}?…", message)


def _to_stderr(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category if context is not None else None
    prefix = f"{category}: " if category and category != "default" else ""
    sys.stderr.write(f"{prefix}{_LABELS.get(kind, 'message')}: {message}\n")


def install() -> None:
    """Put the redacting handler in front of whatever handles Qt's messages now
    (Qt's own printing, or a test harness's collector). Calling it again while it
    is in front changes nothing."""
    current: Handler | None = qInstallMessageHandler(None)
    if getattr(current, "redacts_links", False):
        qInstallMessageHandler(current)
        return

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        (current or _to_stderr)(kind, context, redact(message))

    handle.redacts_links = True  # type: ignore[attr-defined]
    qInstallMessageHandler(handle)
