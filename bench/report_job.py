"""Row 4a's work alone, to count it: ``python -m bench.report_job CASE LANG [--setup]``.

Loads the large case (pickled by :func:`bench.printing.instruction_row`,
made there through the Case API as for 4a), starts Qt and warms the fonts
with a one-entry report; then, unless ``--setup``, makes the incident
report's HTML and its PDF. Run once each way under callgrind, the
difference is the instructions of the HTML and the PDF only.
"""

from __future__ import annotations

import os
import pickle
import sys
from dataclasses import replace


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    case_file, language, setup_only = argv[0], argv[1], "--setup" in argv[2:]
    from PySide6.QtGui import QGuiApplication

    from bench.dataset import NOW
    from bench.printing import LANGUAGES, TZ
    from checks.panic.case import Case
    from checks.reports.html import Report
    from checks.reports.incident_report import incident_report
    from desktop.i18n import catalog
    from desktop.printing import pdf_bytes

    app = QGuiApplication(["bench"])  # noqa: F841 - Qt needs it alive
    with open(case_file, "rb") as stream:
        case = pickle.load(stream)
    translate = catalog(language).gettext
    locale_name = dict(LANGUAGES)[language]

    def report(of: Case) -> Report:
        return incident_report(
            of, translate, language=language, now=NOW, tz=TZ, locale_name=locale_name
        )

    small = replace(case, timeline=case.timeline[:1], transactions=case.transactions[:1])
    pdf_bytes(report(small))  # fonts and caches, as a running app has them
    if not setup_only:
        pdf_bytes(report(case))
    sys.stdout.flush()
    os._exit(0)  # no interpreter tear-down in the count


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
