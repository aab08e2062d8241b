"""Panic: the lockdown checklist, urgent first, each step ticked with a time."""

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
from checks.i18n import N_
from checks.panic.lockdown import Step, plan
from desktop.i18n import _, tr
from desktop.panic.wizard import PanicPage, PanicWizard
from desktop.ui.links import help_button, link_label
from desktop.ui.widgets import heading, scaled_font, severity_colour


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
            from desktop.checkup.results_page import severity_badge

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
    title = N_("Lock everything down")

    def __init__(self, wizard: PanicWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("lockdownPage")
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
        key = (case.what_happened, case.funds_left)
        if key != self._plan_key:
            self._plan_key = key
            for card in self.cards.values():
                card.setParent(None)
                card.deleteLater()
            self.cards = {}
            for step in plan(case.what_happened, case.funds_left or "dont_know"):
                card = StepCard(self, step)
                self.cards_box.addWidget(card)
                card.show()  # at once, not when the event loop gets to it: Tab needs it
                card.check.setEnabled(not self.wizard.read_only)
                self.cards[step.id] = card
            # Cards made now would come last in the Tab order: put them after the steps list.
            previous: QWidget = self.wizard.nav
            for card in self.cards.values():
                for widget in card.focusables():
                    QWidget.setTabOrder(previous, widget)
                    previous = widget
        done = 0
        for step_id, card in self.cards.items():
            at = case.done_at(step_id)
            card.check.blockSignals(True)
            card.check.setChecked(at is not None)
            card.check.blockSignals(False)
            if at is not None:
                done += 1
                card.when.setText(
                    _("Done at {time}").format(time=at.astimezone().strftime("%Y-%m-%d %H:%M"))
                )
            else:
                card.when.setText(_("Not done yet"))
        self.progress.setText(_("{done} of {total} done").format(done=done, total=len(self.cards)))

    def ticked(self, step_id: str, on: bool) -> None:
        self.wizard.update_case(self.case.step_done(step_id, self.ctx.clock(), done=on))

    def first_input(self) -> QWidget | None:
        return next((card.check for card in self.cards.values()), None)
