"""The home screen: the promise, four big actions, settings, and banners."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import _, tr
from desktop.ui.icons import icon
from desktop.ui.widgets import (
    SEVERITY_COLOURS,
    SEVERITY_COLOURS_DARK,
    ActionTile,
    Banner,
    heading,
    is_dark,
    page_layout,
    scaled_font,
)

if TYPE_CHECKING:
    from checks.home import Notice

PANIC_SHORTCUT = "Ctrl+Shift+P"
SETTINGS_SHORTCUT = "Ctrl+,"
HELP_SHORTCUT = "F1"
QUIT_SHORTCUT = "Ctrl+Q"

PANIC_STYLE = """
#panicButton { background: #c62828; color: white; border: 2px solid #8e0000;
               border-radius: 8px; padding: 10px; text-align: left; }
#panicButton QLabel { color: white; }
#panicButton:hover { background: #b71c1c; }
#panicButton:focus { border: 3px solid palette(highlight); }
ActionTile { text-align: left; padding: 10px; }
"""


class HomePage(QWidget):
    action_requested = Signal(str)  # "panic", "checkup", "history", "print-kit", "settings", "help"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.setAccessibleName(_("Home"))
        layout = page_layout(self)

        self.banner_area = QVBoxLayout()
        self.banner_area.setSpacing(8)
        layout.addLayout(self.banner_area)
        self.banners: list[Banner] = []

        title = heading(_("Wallet Checkup"), 2.0, self)
        title.setObjectName("appTitle")
        layout.addWidget(title)
        promise = QLabel(
            _("Checks your wallet safety. Works offline. Never asks for your seed phrase."), self
        )
        promise.setObjectName("promise")
        promise.setFont(scaled_font(promise, 1.15))
        promise.setWordWrap(True)
        promise.setAccessibleName(promise.text())
        layout.addWidget(promise)
        layout.addSpacing(8)

        self.panic = ActionTile(
            "panicButton",
            _("I've been robbed — panic mode"),
            _("What to do right now, step by step ({shortcut})").format(shortcut=PANIC_SHORTCUT),
            "panic",
            self,
        )
        self.panic.setStyleSheet(PANIC_STYLE)
        self.checkup = ActionTile(
            "checkupButton",
            _("Start monthly checkup"),
            _("About 10 minutes: passwords, 2FA, Wi-Fi, device, backups"),
            "checkup",
            self,
        )
        self.history = ActionTile(
            "historyButton", _("History"), _("Your past checkups and cases"), "history", self
        )
        self.print_kit = ActionTile(
            "printKitButton",
            _("Print recovery kit"),
            _("A paper plan to keep before anything happens"),
            "print",
            self,
        )
        self.tiles = [self.panic, self.checkup, self.history, self.print_kit]
        for tile in self.tiles[1:]:
            tile.setStyleSheet(PANIC_STYLE)
        layout.addWidget(self.panic)
        row = QHBoxLayout()
        row.setSpacing(12)
        for tile in self.tiles[1:]:
            row.addWidget(tile, 1)  # equal widths
        layout.addLayout(row)

        # Where the user stands (last score, urgent problems, next checkup): filled
        # in once the data is open (set_standing), so it costs the first paint nothing.
        self.standing = QLabel(self)
        self.standing.setObjectName("homeStanding")
        self.standing.setWordWrap(True)
        self.standing.setFont(scaled_font(self.standing, 1.1))
        self.standing.setVisible(False)
        layout.addWidget(self.standing)

        layout.addStretch(1)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        # QPushButton(text, parent) would build QIcon's enums (overload matching):
        # the icon comes after the first paint, in show_icons().
        self.settings = QPushButton(self)
        self.settings.setText(_("Settings"))
        self.settings.setObjectName("settingsButton")
        self.settings.setAccessibleName(_("Settings"))
        self.settings.setToolTip(
            _("Language, reminders, where your data lives ({shortcut})").format(
                shortcut=SETTINGS_SHORTCUT
            )
        )
        bottom.addWidget(self.settings)
        self.help = QPushButton(self)
        self.help.setText(_("Help"))
        self.help.setObjectName("helpButton")
        self.help.setAccessibleName(_("Help"))
        self.help.setToolTip(
            _("Questions and answers, common myths, report a problem ({shortcut})").format(
                shortcut=HELP_SHORTCUT
            )
        )
        bottom.addWidget(self.help)
        layout.addLayout(bottom)

        names = {
            self.panic: "panic",
            self.checkup: "checkup",
            self.history: "history",
            self.print_kit: "print-kit",
        }
        for tile, name in names.items():
            tile.clicked.connect(lambda _checked=False, n=name: self.action_requested.emit(n))
        self.settings.clicked.connect(lambda: self.action_requested.emit("settings"))
        self.help.clicked.connect(lambda: self.action_requested.emit("help"))

        # Panic first in the tab order after the title, then the rest.
        chain = [*self.tiles, self.settings, self.help]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def show_icons(self) -> None:
        """The Settings button's icon, right after the first paint (MainWindow.complete)."""
        self.settings.setIcon(icon("settings"))

    def set_notices(self, notices: Sequence[Notice], actions: dict[str, str]) -> None:
        """Replace the banners. ``actions`` maps a notice's action to a button label."""
        for banner in self.banners:
            self.banner_area.removeWidget(banner)
            banner.deleteLater()
        self.banners = []
        for notice in notices:
            action = notice.action or ""
            label = actions.get(action) or actions.get(action.split(":")[0])
            banner = Banner(
                "banner_" + notice.id.split(":")[0].replace("-", "_"),
                notice.severity,
                tr(notice.text),
                label,
                self._emitter(notice.action) if label else None,
                self,
            )
            banner.setProperty("noticeId", notice.id)
            self.banner_area.addWidget(banner)
            self.banners.append(banner)
        # Banner buttons come after Settings and Help: panic stays first after the title.
        previous: QWidget = self.help
        for banner in self.banners:
            if banner.button is not None:
                QWidget.setTabOrder(previous, banner.button)
                previous = banner.button

    def set_standing(self, severity: str, lines: Sequence[str]) -> None:
        """Show the summary: ``severity`` a :class:`checks.findings.Severity` value
        (its word and colour head the text, never the colour alone)."""
        from html import escape  # after the first paint, with the data

        from PySide6.QtCore import Qt  # its enums cost the first paint ~20 ms (widgets.py)

        colour = (SEVERITY_COLOURS_DARK if is_dark(self) else SEVERITY_COLOURS)[severity]
        self.standing.setTextFormat(Qt.TextFormat.RichText)
        title = escape(_("Your safety at a glance"))
        body = "<br/>".join(escape(line) for line in lines)
        self.standing.setText(f"<b style='color:{colour}'>{title}</b><br/>{body}")
        self.standing.setStyleSheet(
            f"#homeStanding {{ border: 2px solid {colour}; border-radius: 6px; padding: 8px; }}"
        )
        self.standing.setAccessibleName(" ".join([_("Your safety at a glance"), *lines]))
        self.standing.setVisible(bool(lines))

    def _emitter(self, action: str | None) -> Callable[[], None]:
        return lambda: self.action_requested.emit(action or "")

    def focus_panic(self) -> None:
        from PySide6.QtCore import Qt  # Qt's enums: after the first paint

        self.panic.setFocus(Qt.FocusReason.OtherFocusReason)
