"""Panic: the lockdown checklist, urgent first, each step ticked with a time.

The steps and whether each is done come from :func:`checks.panic.flow.checklist`
(a step may be done by what the case holds, e.g. a logged support contact);
a tick goes through :func:`checks.panic.flow.tick`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checks.findings import Severity
from checks.panic import flow
from checks.panic.lockdown import Step
from desktop.i18n import _, tr
from desktop.panic.page import PanicHost, PanicPage
from desktop.ui.links import help_button, link_label
from desktop.ui.widgets import heading, scaled_font, severity_badge, severity_colour


class StepCard(QFrame):
    def __init__(self, page: LockdownPage, step: Step) -> None:
        super().__init__(page)
        self.step = step
        self.setObjectName(f"step_{step.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        if step.urgent:
            colour = severity_colour(Severity.URGENT, page)
            self.setStyleSheet(f"#step_{step.id} {{ border-left: 5px solid {colour}; }}")
        layout = QVBoxLayout(self)
        if step.urgent:  # never by colour alone: icon and word too
            layout.addWidget(severity_badge(Severity.URGENT, self))
        self.check = QCheckBox(_(step.title), self)
        self.check.setObjectName(f"done_{step.id}")
        self.check.setFont(scaled_font(self.check, 1.2, bold=step.urgent))
        self.check.setProperty("editsCase", True)
        layout.addWidget(self.check)
        self.when = QLabel(self)
        layout.addWidget(self.when)
        buttons = QHBoxLayout()
        self.more = QToolButton(self)
        self.more.setText(_("Why and how"))
        self.more.setCheckable(True)
        self.more.setAccessibleName(f"{_('Why and how')}: {_(step.title)}")
        buttons.addWidget(self.more)
        self.help = help_button(self, step.help, _(step.title)) if step.help else None
        if self.help is not None:
            buttons.addWidget(self.help)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        steps = "".join(f"<li>{escape(_(line))}</li>" for line in step.how)
        links = "".join(
            f"<p><a href='{escape(link.url)}'>{escape(tr(link.title))}</a> ({escape(link.url)})</p>"
            for link in step.links
        )
        self.details = link_label(self, f"details_{step.id}", _(step.title))
        self.details.setText(f"<p>{escape(_(step.why))}</p><ol>{steps}</ol>{links}")
        self.details.setVisible(False)
        layout.addWidget(self.details)
        self.more.toggled.connect(self.details.setVisible)
        self.check.toggled.connect(lambda on: page.ticked(step.id, on))

    def focusables(self) -> list[QWidget]:
        return [w for w in (self.check, self.more, self.help, self.details) if w is not None]


class LockdownPage(PanicPage):
    section = "lockdown"

    def __init__(self, host: PanicHost) -> None:
        super().__init__(host)
        self.column.addWidget(heading(_("Lock everything down, in this order"), 1.6, self))
        self.progress = QLabel(self)
        self.progress.setObjectName("lockdownProgress")
        self.column.addWidget(self.progress)
        self.cards_box = QVBoxLayout()
        self.column.addLayout(self.cards_box)
        self.column.addStretch(1)
        self.cards: dict[str, StepCard] = {}
        self._plan_key: tuple[object, ...] = ()

    def refresh(self) -> None:
        case = self.case
        states = flow.checklist(case)
        key = tuple(state.step.id for state in states)
        if key != self._plan_key:
            self._plan_key = key
            for card in self.cards.values():
                card.setParent(None)
                card.deleteLater()
            self.cards = {}
            for state in states:
                card = StepCard(self, state.step)
                self.cards_box.addWidget(card)
                card.show()  # at once, not when the event loop gets to it: Tab needs it
                card.check.setEnabled(not self.read_only)
                self.cards[state.step.id] = card
            # Cards made now would come last in the Tab order: put them after the steps list.
            previous: QWidget = self.host.nav
            for card in self.cards.values():
                for widget in card.focusables():
                    QWidget.setTabOrder(previous, widget)
                    previous = widget
        for state in states:
            card = self.cards[state.step.id]
            card.check.blockSignals(True)
            card.check.setChecked(state.done)
            card.check.blockSignals(False)
            if state.done_at is not None:
                card.when.setText(
                    _("Done at {time}").format(
                        time=state.done_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    )
                )
            else:
                card.when.setText(_("Not done yet"))
        progress = flow.progress(case)
        self.progress.setText(
            _("{done} of {total} done").format(done=progress.done, total=progress.total)
        )

    def ticked(self, step_id: str, on: bool) -> None:
        self.edit(flow.tick(self.case, step_id, on, self.ctx.clock()))

    def first_input(self) -> QWidget | None:
        return next((card.check for card in self.cards.values()), None)
