"""Opening the encrypted data after the first paint, and the questions
that may need: a passphrase, or what to do without a keyring.

All blocking work (keyring, scrypt, SQLite) runs in the storage pool; the
dialogs are non-modal-loop (``open()``) and answer by callback. A new
passphrase is typed into the same live meter as the checkup's password
question (desktop.ui.password_meter, scored by checks.password off the UI
thread) and refused while the meter does not rate it strong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checks import password
from checks.i18n import N_
from checks.storage import store as data
from checks.storage.database import Database
from checks.storage.keystore import KeyringState
from desktop.background import run_in_background
from desktop.context import AppContext
from desktop.i18n import _
from desktop.ui import dialogs
from desktop.ui.password_meter import PasswordMeter
from desktop.ui.widgets import error_colour

MIN_PASSPHRASE = 8
# zxcvbn's "safely unguessable" (10^8 guesses and more): the data file is
# attacked offline, but its key is derived slowly (scrypt).
MIN_PASSPHRASE_SCORE = 3

KEYRING_PROBLEMS = {
    KeyringState.MISSING: N_(
        "This computer has no system keyring — the safe place where apps keep their keys."
        " Wallet Checkup encrypts everything it saves and needs a safe place for the key."
    ),
    KeyringState.LOCKED: N_(
        "Your system keyring is locked, so Wallet Checkup cannot use it to keep the key"
        " that protects your data."
    ),
    KeyringState.FAILED: N_(
        "Your system keyring did not answer, so Wallet Checkup cannot use it to keep the key"
        " that protects your data."
    ),
}


class PassphraseDialog(QDialog):
    """Ask for a passphrase: a new one (twice, with the strength meter) or the existing one."""

    submitted = Signal(str)
    forgot = Signal()
    skip = Signal()

    def __init__(self, new: bool, parent: QWidget | None = None, pool: Any = None) -> None:
        super().__init__(parent)
        self.new = new
        self.busy = False
        self.setObjectName("passphraseDialog")
        title = _("Choose a passphrase") if new else _("Enter your passphrase")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Your checkups and cases will be encrypted with this passphrase. Use four or"
                " more unrelated words: easy to remember, hard to guess. If you forget it, the"
                " saved data cannot be opened."
            )
            if new
            else _("Your saved data is protected by a passphrase. Enter it to open your data."),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.meter: PasswordMeter | None = None
        if new:
            self.meter = PasswordMeter(pool, self, with_context=False)
            self.meter.setObjectName("passphraseMeter")
            self.first = self.meter.field
            self.first.setObjectName("passphraseField")
            self.first.setPlaceholderText(_("Passphrase"))
            self.first.setAccessibleName(_("Passphrase"))
            layout.addWidget(self.meter)
        else:
            self.first = self._field(_("Passphrase"), "passphraseField")
            layout.addWidget(self.first)
        self.second: QLineEdit | None = None
        if new:
            self.second = self._field(_("Type it again"), "passphraseRepeat")
            layout.addWidget(self.second)
        self.error = QLabel(self)
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_colour(self)};")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self._submit)
        if not new:
            forgot = QPushButton(_("I forgot it — start fresh"), self)
            forgot.setObjectName("forgotPassphrase")
            forgot.clicked.connect(self.forgot)
            buttons.addButton(forgot, QDialogButtonBox.ButtonRole.ActionRole)
        skip = QPushButton(_("Don't save anything this time"), self)
        skip.setObjectName("skipSaving")
        skip.clicked.connect(self.skip)
        buttons.addButton(skip, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        if self.meter is not None:  # room for some advice at once; more makes the dialog grow
            lines = self.meter.advice.fontMetrics().lineSpacing()
            self.meter.advice.setMinimumHeight(3 * lines)
            self.meter.advice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.meter.shown.connect(self._fit_soon)

    def _fit_soon(self) -> None:
        QTimer.singleShot(0, self, self._fit)  # once the labels have their new text laid out

    def _fit(self) -> None:
        """Grow to show all of the meter's advice (word-wrapped text needs its height)."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _field(self, placeholder: str, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(placeholder)
        field.setAccessibleName(placeholder)
        return field

    def show_error(self, text: str) -> None:
        self.busy = False
        self.error.setText(text)
        self.first.clear()
        if self.second is not None:
            self.second.clear()
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if self.busy:  # a key press while the key is being derived or the strength checked
            return
        passphrase = self.first.text()
        if self.new:
            if len(passphrase) < MIN_PASSPHRASE:
                self.show_error(_("Please use at least 8 characters."))
                return
            if self.second is not None and passphrase != self.second.text():
                self.show_error(_("The two passphrases are different. Please type them again."))
                return
            report = self.meter.final if self.meter is not None else None
            if report is None:  # typed faster than the meter's full score: score it first
                self._check_strength(passphrase)
                return
            if not self._strong_enough(report):
                return
        self.busy = True
        self.error.setText(_("Opening…"))
        self.submitted.emit(passphrase)

    def _check_strength(self, passphrase: str) -> None:
        self.busy = True
        self.error.setText(_("Checking how hard it is to guess…"))

        def checked(report: password.PasswordReport) -> None:
            self.busy = False
            if self.first.text() != passphrase:  # changed meanwhile: the next Enter decides
                self.error.clear()
                return
            if self._strong_enough(report):
                self.busy = True
                self.error.setText(_("Opening…"))
                self.submitted.emit(passphrase)

        pool = self.meter._pool if self.meter is not None else None
        run_in_background(lambda: password.assess(passphrase), checked, None, self, pool)

    def _strong_enough(self, report: password.PasswordReport) -> bool:
        """Refuse a passphrase the meter does not rate strong; keep it to be lengthened."""
        if report.score >= MIN_PASSPHRASE_SCORE:
            return True
        self.busy = False
        self.error.setText(
            _(
                "This passphrase is too easy to guess ({label}). Add more unrelated words until"
                " the meter shows Strong, or let a password manager make a long one and keep it"
                " there."
            ).format(label=_(report.label))
        )
        self._fit_soon()
        if self.second is not None:
            self.second.clear()
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.skip.emit()  # Escape means "don't save", never "lose data"
            return
        super().keyPressEvent(event)


class DataUnlocker(QObject):
    """Opens the data once; emits ``ready`` when ``ctx.store`` is set."""

    ready = Signal()

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog: QDialog | None = None

    def start(self) -> None:
        ctx = self.ctx
        run_in_background(
            lambda: data.open_store(ctx.paths, ctx.keyring_backend, ctx.clock),
            self._opened,
            self._could_not_open,
            owner=self,
            pool=ctx.storage_pool,
        )

    # -- outcomes ----------------------------------------------------------

    def _opened(self, outcome: data.OpenOutcome) -> None:
        self.ctx.kept_aside.extend(outcome.kept_aside)
        if outcome.store is not None:
            self._use(outcome.store)
        elif outcome.need is data.Need.PASSPHRASE and outcome.db is not None:
            self._ask_passphrase(outcome.db, new=False)
        else:  # no usable keyring; ``db`` is None while nothing has been saved yet
            self._offer_fallback(outcome, outcome.db)

    def _could_not_open(self, exc: Exception) -> None:
        dialogs.warn(
            self.window,
            _("Your data folder cannot be used"),
            _(
                "Wallet Checkup could not open its data folder ({path}). Nothing you enter"
                " will be kept after you close the app this time."
            ).format(path=self.ctx.paths.data_dir),
            _("Technical reason: {reason}").format(reason=type(exc).__name__),
        )
        self._use(data.Store.ephemeral())

    def _use(self, store: data.Store) -> None:
        self.ctx.damaged_records.extend(store.damaged)
        self.ctx.store = store
        self._close_dialog()
        self.ready.emit()

    # -- no keyring --------------------------------------------------------

    def _offer_fallback(self, outcome: data.OpenOutcome, db: Database | None) -> None:
        problem = _(KEYRING_PROBLEMS[outcome.keyring_state])
        retry = outcome.keyring_state is not KeyringState.MISSING or outcome.keyring_holds_data
        if outcome.keyring_holds_data:
            detail = _(
                "Your saved data stays safe and untouched. Unlock your keyring and try again,"
                " or continue without saving anything this time."
            )
            choices = [("retry", _("Try again")), ("memory", _("Continue without saving"))]
        else:
            detail = _(
                "You can protect your data with a passphrase instead, or use the app without"
                " keeping anything after it closes."
            )
            choices = [
                ("passphrase", _("Use a passphrase")),
                ("memory", _("Keep nothing after closing")),
            ]
            if retry:
                choices.append(("retry", _("Try again")))

        def chosen(key: str | None) -> None:
            if key == "passphrase":
                self._ask_passphrase(db, new=True)
                return
            if db is not None:
                db.close()
            if key == "retry":
                self.start()
            else:
                self._use(data.Store.ephemeral())

        dialogs.choose(
            self.window, _("Where should the key be kept?"), problem, choices, chosen, detail
        )

    # -- passphrase --------------------------------------------------------

    def _ask_passphrase(self, db: Database | None, new: bool) -> None:
        """``db`` is None when nothing was saved yet: it is made once a passphrase is set."""
        dialog = PassphraseDialog(new, self.window, self.ctx.compute_pool)
        self.dialog = dialog
        paths = self.ctx.paths

        def submitted(passphrase: str) -> None:
            work: Callable[[], data.Store]
            if db is None:
                work = lambda: data.setup_passphrase(data.create_database(paths), passphrase)  # noqa: E731
            elif new:
                work = lambda: data.setup_passphrase(db, passphrase)  # noqa: E731
            else:
                work = lambda: data.unlock_with_passphrase(db, passphrase)  # noqa: E731
            run_in_background(work, self._use, failed, owner=dialog, pool=self.ctx.storage_pool)

        def failed(exc: Exception) -> None:
            if isinstance(exc, data.WrongPassphrase):
                dialog.show_error(_("That passphrase does not open your data. Please try again."))
            else:
                raise exc

        def forgot() -> None:
            dialogs.confirm(
                dialog,
                _("Start fresh?"),
                _(
                    "Without the passphrase your saved data cannot be opened. We will keep the"
                    " locked file aside (nothing is deleted) and start with empty data."
                ),
                _("Start fresh"),
                lambda: self._start_fresh(db) if db is not None else None,
            )

        def skip() -> None:
            if db is not None:
                db.close()
            self._use(data.Store.ephemeral())

        dialog.submitted.connect(submitted)
        dialog.forgot.connect(forgot)
        dialog.skip.connect(skip)
        dialog.open()

    def _start_fresh(self, db: Database) -> None:
        ctx = self.ctx

        def work() -> data.OpenOutcome:
            kept = data.start_fresh(ctx.paths, db, "passphrase-forgotten", ctx.clock)
            outcome = data.open_store(ctx.paths, ctx.keyring_backend, ctx.clock)
            outcome.kept_aside.insert(0, kept)
            return outcome

        self._close_dialog()
        run_in_background(
            work, self._opened, self._could_not_open, owner=self, pool=ctx.storage_pool
        )

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None

            # After the current event: the dialog may be inside its own key handler.
            def close() -> None:
                dialog.done(0)
                dialog.deleteLater()

            QTimer.singleShot(0, dialog, close)
