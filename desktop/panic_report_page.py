"""Panic: where to report — bodies for the user's region, what to bring."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from checks import reporting
from checks.help_blocks import body_html
from checks.i18n import N_
from desktop.i18n import _, current_language
from desktop.panic_wizard import PanicPage, PanicWizard
from desktop.widgets import heading


class ReportPage(PanicPage):
    title = N_("Where to report")

    def __init__(self, wizard: PanicWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("reportPage")
        self.data = reporting.load_reporting()
        self.column.addWidget(heading(_("Where to report"), 1.6, self))
        self.region = QComboBox(self)
        self.region.setObjectName("reportRegion")
        self.region.setAccessibleName(_(reporting.REGION_CHOICE))
        language = current_language()
        for region in self.data.regions:
            self.region.addItem(region.name.get(language), region.id)
        default = reporting.default_region(QLocale.system().name())
        self.region.setCurrentIndex(max(0, self.region.findData(default)))
        self.column.addWidget(self.region)
        self.bodies = QLabel(self)
        self.bodies.setObjectName("reportBodies")
        self.bodies.setWordWrap(True)
        self.bodies.setOpenExternalLinks(True)  # the user's browser or dialler
        self.column.addWidget(self.bodies)
        self.column.addStretch(1)
        self.region.currentIndexChanged.connect(self.refresh)

    def first_input(self) -> QWidget | None:
        return self.region

    def refresh(self) -> None:
        language = current_language()
        html = [
            f"<p>{escape(_(reporting.CHECK_BEFORE_USE))}</p>",
            f"<p><b>{escape(_(reporting.NEVER_SHARE_SEED))}</b></p>",
        ]
        for body in reporting.bodies_for(str(self.region.currentData())):
            html.append(body_html(body, language, _))
        html.append(f"<p>{escape(_(reporting.FAKE_REPORTING_SITES))}</p>")
        self.bodies.setText("".join(html))
