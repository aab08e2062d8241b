"""A live password strength meter that never makes typing stutter.

zxcvbn runs in the app's one-thread compute pool, never on the UI thread:
while keys come, a quick estimate on a short prefix at most every
QUICK_DELAY_MS (throttled, so steady typing still sees it move); after a
pause of FULL_DELAY_MS, the full score. A quick estimate that already saw
the whole password is the full score. Only the newest request matters:
results for older text are dropped, and while one score is computed only
the latest waiting request is kept. The password lives in the field only;
leaving the page clears it. bench/typing_latency.py measures all this.

The checkup's password question shows it with the optional name and email
(they make the estimate personal); the passphrase dialog (desktop.unlock)
shows it bare, with ``with_context=False``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checks import password
from desktop.background import run_in_background
from desktop.i18n import _, tr
from desktop.ui.secret_guard import guard

QUICK_DELAY_MS = 120  # at most this often while typing
FULL_DELAY_MS = 150  # a pause this long means "done typing" (keys at 10/s are 100 ms apart)
BAR_COLOURS = ("#c62828", "#c62828", "#b26a00", "#2e7d32", "#2e7d32")


@dataclass(frozen=True)
class _Job:
    generation: int
    full: bool
    text: str
    context: tuple[str, ...]


def score(job: _Job) -> password.PasswordReport:
    scorer: Callable[..., password.PasswordReport] = (
        password.assess if job.full else password.quick_estimate
    )
    return scorer(job.text, job.context)


class PasswordMeter(QWidget):
    scored = Signal(object)  # the full PasswordReport for the current text
    shown = Signal()  # the bar, verdict and advice changed (a dialog may need more room)

    def __init__(
        self, pool: Any = None, parent: QWidget | None = None, *, with_context: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passwordMeter")
        if pool is None:  # the app passes its compute pool; stand-alone: one thread of our own
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._generation = 0
        self._busy = False
        self._waiting: _Job | None = None
        self.final: password.PasswordReport | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.field = QLineEdit(self)
        self.field.setObjectName("passwordField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(_("Type a password to test it"))
        self.field.setAccessibleName(_("Password to test"))
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        row.addWidget(self.field, 1)
        self.show_button = QToolButton(self)
        self.show_button.setObjectName("showPassword")
        self.show_button.setCheckable(True)
        self.show_button.setText(_("Show"))
        self.show_button.setAccessibleName(_("Show the password"))
        self.show_button.toggled.connect(self._toggle_visible)
        row.addWidget(self.show_button)
        layout.addLayout(row)

        self.bar = QProgressBar(self)
        self.bar.setObjectName("strengthBar")
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)  # a thin bar: at 0 a tall one looks like another field
        self.bar.setAccessibleName(_("Password strength"))
        layout.addWidget(self.bar)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("strengthVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setToolTip(_(password.CRACK_TIME_EXPLANATION))
        layout.addWidget(self.verdict)
        self.advice = QLabel(self)
        self.advice.setObjectName("strengthAdvice")
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)

        self.name = QLineEdit(self)
        self.name.setObjectName("contextName")
        self.name.setAccessibleName(_("Your name (optional)"))
        self.email = QLineEdit(self)
        self.email.setObjectName("contextEmail")
        self.email.setAccessibleName(_("Your email (optional)"))
        if with_context:
            self._add_context_rows(layout)
        else:  # never shown, never filled: the context stays empty
            self.name.hide()
            self.email.hide()

        self._quick = QTimer(self, singleShot=True, interval=QUICK_DELAY_MS)
        self._full = QTimer(self, singleShot=True, interval=FULL_DELAY_MS)
        self._quick.timeout.connect(lambda: self._request(full=False))
        self._full.timeout.connect(lambda: self._request(full=True))
        for field in (self.field, self.name, self.email):
            field.textChanged.connect(self._changed)
        for field in (self.name, self.email):
            guard(field)
        guard(self.field)
        # Load zxcvbn now, while the person reads the page, not at the first key.
        run_in_background(
            lambda: password.quick_estimate("warm-up"), lambda _r: None, None, self, self._pool
        )

    def _add_context_rows(self, layout: QVBoxLayout) -> None:
        context = QFormLayout()
        context.addRow(_("Your name (optional):"), self.name)
        context.addRow(_("Your email (optional):"), self.email)
        layout.addLayout(context)
        note = QLabel(
            _(
                "Your name and email only help the estimate: passwords built from them are"
                " easy to guess. Nothing here is saved — only the score is kept."
            ),
            self,
        )
        note.setObjectName("neverSavedNote")
        note.setWordWrap(True)
        layout.addWidget(note)

    # -- typing ----------------------------------------------------------

    def _toggle_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.field.setEchoMode(mode)
        self.show_button.setText(_("Hide") if visible else _("Show"))

    def _changed(self) -> None:
        self._generation += 1
        self.final = None
        if not self.field.text():
            self._quick.stop()
            self._full.stop()
            self._show(None)
            return
        if not self._quick.isActive():  # throttle, not debounce: it fires while typing
            self._quick.start()
        self._full.start()  # debounce: restarted by every key

    def _context(self) -> tuple[str, ...]:
        return tuple(text for text in (self.name.text(), self.email.text()) if text)

    def _request(self, full: bool) -> None:
        job = _Job(self._generation, full, self.field.text(), self._context())
        if self._busy:
            if not (self._waiting and self._waiting.full and not full):
                self._waiting = job  # only the newest waits
            return
        self._start(job)

    def _start(self, job: _Job) -> None:
        self._busy = True
        run_in_background(
            lambda: (job, score(job)), self._scored, self._failed, owner=self, pool=self._pool
        )

    def _scored(self, outcome: tuple[_Job, password.PasswordReport]) -> None:
        job, report = outcome
        self._busy = False
        if job.generation == self._generation and job.text == self.field.text():
            self._show(report)
            if job.full or not report.partial:  # a quick estimate of the whole text is final
                self._full.stop()
                self.final = report
                self.scored.emit(report)
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting.generation == self._generation:
            self._start(waiting)

    def _failed(self, _exc: Exception) -> None:  # assess() never raises; be safe anyway
        self._busy = False
        self._show(None)

    # -- showing -----------------------------------------------------------

    def _show(self, report: password.PasswordReport | None) -> None:
        if report is None:
            self.bar.setValue(0)
            self.verdict.clear()
            self.advice.clear()
            return
        self.bar.setValue(report.score)
        self.bar.setStyleSheet(
            f"QProgressBar::chunk {{ background: {BAR_COLOURS[report.score]}; }}"
        )
        words = _("{label} ({score} of 4). Time to crack: about {time}.").format(
            label=_(report.label), score=report.score, time=tr(report.crack_time)
        )
        if report.partial:
            words += " " + _("(Quick estimate — checking the whole password…)")
        self.verdict.setText(words)
        self.verdict.setAccessibleName(words)
        advice = [_(report.warning)] if report.warning else []
        advice += [_(text) for text in report.suggestions]
        self.advice.setText("\n".join(f"• {line}" for line in advice))
        self.shown.emit()

    def clear(self) -> None:
        """Forget everything typed (called when the page is left)."""
        self._generation += 1
        self._waiting = None
        for field in (self.field, self.name, self.email):
            field.clear()
        self.show_button.setChecked(False)
        self._show(None)
