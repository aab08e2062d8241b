"""What every panic page shares: the case it shows and the way it hands a change back.

A page shows one section of :mod:`checks.panic.flow` and forwards what the
user does; it knows its host (the wizard) only as :class:`PanicHost`, so no
page imports the wizard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QVBoxLayout, QWidget

from checks.panic.sections import SECTIONS
from desktop.context import AppContext

if TYPE_CHECKING:
    from checks.panic.case import Case

TITLES = {section.id: section.title for section in SECTIONS}


class PanicHost(Protocol):
    """The wizard as a page sees it."""

    @property
    def ctx(self) -> AppContext: ...

    @property
    def case(self) -> Case:
        """The case shown (a new one is made on first use)."""

    @property
    def case_if_made(self) -> Case | None:
        """The case, or None while a new one is not made yet: the first screen is
        painted before the case model loads (bench/RESULTS.md, 1e-1j)."""

    @property
    def nav(self) -> QWidget:
        """The list of sections (widgets a page makes later go after it in the Tab order)."""

    @property
    def read_only(self) -> bool: ...

    def update_case(self, case: Case) -> None: ...

    def go_to(self, section: str) -> None: ...

    def delete_case(self) -> None: ...


class PanicPage(QWidget):
    """One section. ``refresh`` shows the case; :meth:`edit` hands a changed case back."""

    section = ""  # an id of checks.panic.sections.SECTIONS
    scrolls_itself = False  # True: the page keeps part of itself always in view

    def __init__(self, host: PanicHost) -> None:
        super().__init__()
        self.host = host
        self.setObjectName(f"{self.section}Page")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 4, 4, 4)
        self.column.setSpacing(12)

    @property
    def title(self) -> str:
        """The section's name, N_-marked (translate it to show it)."""
        return TITLES[self.section]

    @property
    def ctx(self) -> AppContext:
        return self.host.ctx

    @property
    def case(self) -> Case:
        return self.host.case

    @property
    def read_only(self) -> bool:
        return self.host.read_only

    def edit(self, case: Case) -> None:
        """Keep the changed case (the host saves it and refreshes what is shown)."""
        self.host.update_case(case)

    def refresh(self) -> None:
        """Show the current case (called after every change and when shown)."""

    def first_input(self) -> QWidget | None:
        return None

    def complete(self) -> None:
        """What can wait until the wizard has been painted (called once, then or when
        the page is built later)."""
