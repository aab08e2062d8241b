"""Settings: language, reminder day, where data lives, delete everything."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from checks.paths import Paths
from checks.storage.settings import MAX_REMINDER_DAY, MIN_REMINDER_DAY, Settings
from desktop.i18n import LANGUAGES, _
from desktop.ui import dialogs
from desktop.ui.widgets import error_colour


class SettingsDialog(QDialog):
    erase_requested = Signal()

    def __init__(self, settings: Settings, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(_("Settings"))
        self.setAccessibleName(_("Settings"))
        self._settings = settings
        self._paths = paths
        form = QFormLayout()

        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        self.language.addItem(_("Same as the system"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(_("Language"))
        form.addRow(_("&Language:"), self.language)

        self.reminder_day = QSpinBox(self)
        self.reminder_day.setObjectName("reminderDay")
        self.reminder_day.setRange(MIN_REMINDER_DAY, MAX_REMINDER_DAY)
        self.reminder_day.setValue(settings.reminder_day)
        self.reminder_day.setAccessibleName(_("Day of the month for the checkup reminder"))
        form.addRow(_("&Checkup reminder on day:"), self.reminder_day)

        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(paths.data_dir), self)
        self.folder.setObjectName("dataFolder")
        self.folder.setReadOnly(True)
        self.folder.setAccessibleName(_("Where your data lives"))
        folder_row.addWidget(self.folder, 1)
        self.open_folder = QPushButton(_("Open folder"), self)
        self.open_folder.setObjectName("openFolder")
        self.open_folder.setAccessibleName(_("Open the data folder"))
        self.open_folder.clicked.connect(self._open_folder)
        folder_row.addWidget(self.open_folder)
        form.addRow(_("Your data:"), folder_row)

        note = QLabel(
            _(
                "Your checkups and cases are encrypted. The key is kept in your system's"
                " keyring (or your passphrase), not in this folder."
            ),
            self,
        )
        note.setWordWrap(True)
        form.addRow(note)

        self.erase = QPushButton(_("Delete all my data…"), self)
        self.erase.setObjectName("eraseButton")
        self.erase.setAccessibleName(_("Delete all my data"))
        self.erase.setStyleSheet(f"color: {error_colour(self)};")
        self.erase.clicked.connect(self._confirm_erase)
        form.addRow(self.erase)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> Settings:
        return self._settings.with_changes(
            language=self.language.currentData(), reminder_day=self.reminder_day.value()
        )

    def _open_folder(self) -> None:
        self._paths.ensure()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.data_dir)))

    def _confirm_erase(self) -> None:
        dialogs.confirm(
            self,
            _("Delete all my data?"),
            _(
                "This deletes your checkup history, theft cases, evidence files, settings"
                " and the key in your system keyring."
            ),
            _("Continue"),
            self._confirm_erase_again,
            dangerous=True,
        )

    def _confirm_erase_again(self) -> None:
        dialogs.confirm(
            self,
            _("This cannot be undone"),
            _(
                "If you have a printed incident report or a case bundle you still need,"
                " keep it safe first. Delete everything now?"
            ),
            _("Delete everything"),
            self._erase_confirmed,
            dangerous=True,
        )

    def _erase_confirmed(self) -> None:
        self.erase_requested.emit()
        self.reject()
