"""One result type for every finding: the engine, the window and the
printed reports all use :class:`Finding`, so they cannot disagree.

Severity is never shown by colour alone: each level has a word, an icon
name and a colour, and the UI uses all of them together.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checks.i18n import N_, Msg

Text = str | Msg  # an N_-marked source string, or a Msg with fields


class Severity(enum.Enum):
    URGENT = "urgent"
    IMPORTANT = "important"
    TIP = "tip"
    GOOD = "good"

    @property
    def rank(self) -> int:
        """Sort key: urgent first."""
        return _RANK[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def icon(self) -> str:
        """Name of the icon file in resources/icons (without .svg)."""
        return f"severity-{self.value}"


_RANK = {Severity.URGENT: 0, Severity.IMPORTANT: 1, Severity.TIP: 2, Severity.GOOD: 3}
_LABELS = {
    Severity.URGENT: N_("Urgent"),
    Severity.IMPORTANT: N_("Important"),
    Severity.TIP: N_("Tip"),
    Severity.GOOD: N_("All good"),
}


@dataclass(frozen=True)
class Link:
    """An official page that helps; opened in the user's browser, never inside."""

    title: Text
    url: str


@dataclass(frozen=True)
class Finding:
    id: str
    topic: str
    severity: Severity
    title: Text
    why: Text
    fix_steps: tuple[Text, ...] = ()
    links: tuple[Link, ...] = ()


def by_severity(findings: list[Finding] | tuple[Finding, ...]) -> list[Finding]:
    """Urgent first; stable within a level so the engine's order is kept."""
    return sorted(findings, key=lambda finding: finding.severity.rank)
