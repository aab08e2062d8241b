"""Printed documents: the recovery kit, the incident report, the checkup report.

Each is HTML built by a pure function from data and a ``translate``
function (STYLE.md 12), returned as a :class:`~checks.reports.html.Report`
that ``desktop/printing/__init__.py`` lays out and paints to a printer or a PDF.
The case bundle (:mod:`checks.reports.bundle`) packs the incident report
with the evidence files and a manifest of hashes.
"""

from __future__ import annotations

from checks.reports.html import Report, Words, needs_cjk, paper_size, plain_text

__all__ = ["Report", "Words", "needs_cjk", "paper_size", "plain_text"]
