"""Panic, first screen: three questions by buttons, and what to do right now.

The three urgent actions sit in a panel that never scrolls away: the
questions scroll above it, so at the default window size the person sees
what to do first without scrolling, in either language. Each action says
why, in words (not only in a tooltip). The questions, their answers and
their help articles are data in :mod:`checks.panic.triage`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from checks.findings import Severity
from checks.panic import triage
from desktop.i18n import _, current_language
from desktop.panic.page import PanicHost, PanicPage
from desktop.ui.links import help_button
from desktop.ui.widgets import heading, scaled_font, set_by_name, severity_colour

CHOSEN_STYLE = """
QPushButton:checked { background: palette(highlight); color: palette(highlighted-text); }
"""
CHECK_MARK = "✓ "  # chosen answers are marked by a sign too, never by colour alone
COLUMNS = {"funds": 3, "how": 2, "wallet": 4}


class TriagePage(PanicPage):
    section = "triage"
    scrolls_itself = True  # the questions scroll; "Right now" stays in view

    def __init__(self, host: PanicHost) -> None:
        super().__init__(host)
        self._chosen_styled = False  # see _style_chosen
        self.column.setSpacing(8)
        self.column.addWidget(heading(_("Stop. Breathe. Do these first."), 1.5, self))

        self.questions_area = QScrollArea(self)
        self.questions_area.setObjectName("triageQuestions")
        self.questions_area.setWidgetResizable(True)
        self.questions_area.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self.questions_area)
        self.questions_box = QVBoxLayout(inner)
        self.questions_box.setContentsMargins(0, 0, 8, 0)
        self.questions_area.setWidget(inner)
        self.groups: dict[str, list[QPushButton]] = {}
        self.button_groups: dict[str, QButtonGroup] = {}
        for question in triage.questions():
            self.groups[question.id] = self._question(inner, question)
        self.questions_box.addStretch(1)
        self.column.addWidget(self.questions_area, 1)
        self.column.addWidget(self._actions_panel())

    # -- building ------------------------------------------------------------

    def _question(self, inner: QWidget, question: triage.Question) -> list[QPushButton]:
        row = QHBoxLayout()
        label = QLabel(_(question.text), inner)
        label.setFont(scaled_font(label, 1.15, bold=True))
        label.setWordWrap(True)
        row.addWidget(label, 1)
        row.addWidget(help_button(inner, question.help_article, _(question.text)))
        self.questions_box.addLayout(row)
        if question.hint:
            self.questions_box.addWidget(QLabel(_(question.hint), inner))
        grid = QGridLayout()
        grid.setSpacing(6)
        # One answer: a group (arrows move between its buttons, Tab jumps past it).
        # Several answers: plain toggle buttons, each its own Tab stop.
        group = None if question.multiple else QButtonGroup(self)
        if group is not None:
            self.button_groups[question.id] = group
        columns = COLUMNS.get(question.id, 3)
        buttons = []
        for index, option in enumerate(question.options):
            text = option.text(_, current_language())
            button = QPushButton(text, inner)
            button.setProperty("plainText", text)
            button.setObjectName(f"{question.id}__{option.value}")
            button.setCheckable(True)
            button.setMinimumHeight(36)
            button.setAccessibleName(f"{_(question.text)} {text}")
            button.setProperty("value", option.value)
            button.setProperty("editsCase", True)
            if group is not None:
                group.addButton(button)
            button.toggled.connect(lambda on, q=question, v=option.value: self._answered(q, v, on))
            grid.addWidget(button, index // columns, index % columns)
            buttons.append(button)
        self.questions_box.addLayout(grid)
        return buttons

    def _actions_panel(self) -> QFrame:
        panel = QFrame(self)
        panel.setObjectName("rightNow")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        colour = severity_colour(Severity.URGENT, self)
        panel.setStyleSheet(f"#rightNow {{ border: 2px solid {colour}; border-radius: 6px; }}")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(heading(_("Right now:"), 1.25, panel))
        self.action_labels: list[QLabel] = []
        self.why_labels: list[QLabel] = []
        for number in range(3):
            title = QLabel(panel)
            title.setObjectName(f"firstAction{number + 1}")
            title.setWordWrap(True)
            title.setFont(scaled_font(title, 1.2, bold=True))
            set_by_name(title, "textInteractionFlags", "TextSelectableByMouse")
            why = QLabel(panel)
            why.setObjectName(f"firstActionWhy{number + 1}")
            why.setWordWrap(True)
            why.setContentsMargins(22, 0, 0, 4)
            layout.addWidget(title)
            layout.addWidget(why)
            self.action_labels.append(title)
            self.why_labels.append(why)
        return panel

    # -- answers ---------------------------------------------------------------

    def _answered(self, question: triage.Question, value: str, on: bool) -> None:
        if self.read_only or getattr(self, "_refreshing", False):
            return
        if not on and not question.multiple:
            return  # the other button of the group was chosen; its own toggle decides
        self.edit(triage.answer(self.case, question.id, value, on))

    def _style_chosen(self) -> None:
        """Chosen answers in the highlight colour. The style sheet restyles every
        button (bench/RESULTS.md, 1e-1j), and a new case's first screen has none
        chosen: it comes after the first paint, or with the first chosen answer."""
        if not self._chosen_styled:
            self._chosen_styled = True
            self.setStyleSheet(CHOSEN_STYLE)

    def complete(self) -> None:
        self._style_chosen()

    def refresh(self) -> None:
        case = self.host.case_if_made  # None: a new case, made after the first paint
        self._refreshing = True
        try:
            for question_id, buttons in self.groups.items():
                chosen = set(triage.chosen(case, question_id)) if case is not None else set()
                group = self.button_groups.get(question_id)
                if group is not None:
                    group.setExclusive(False)  # so that nothing may be chosen yet
                if chosen:
                    self._style_chosen()
                for button in buttons:
                    on = button.property("value") in chosen
                    button.setChecked(on)
                    plain = str(button.property("plainText"))
                    button.setText(CHECK_MARK + plain if on else plain)
                if group is not None:
                    group.setExclusive(True)
        finally:
            self._refreshing = False
        answers = (case.what_happened, case.funds_left) if case is not None else ((), "")
        steps = triage.first_actions(*answers)  # as checks.panic.flow.first_actions
        labels = zip(self.action_labels, self.why_labels, strict=True)
        for number, (title, why) in enumerate(labels):
            if number < len(steps):
                title.setText(f"{number + 1}. {_(steps[number].title)}")
                why.setText(_(steps[number].why))
                title.setAccessibleDescription(why.text())
            else:
                title.clear()
                why.clear()

    def first_input(self) -> QWidget | None:
        return self.groups["funds"][0]
