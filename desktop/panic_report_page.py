"""Panic: where to report — bodies for the user's region, what to bring."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from checks import reporting
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
            html.append(f"<h3>{escape(body.name.get(language))}</h3>")
            if not body.confirmed:
                html.append(
                    f"<p style='color:#b26a00'><b>{escape(_(reporting.UNCONFIRMED))}</b></p>"
                )
            items = []
            for method in body.how:
                value = escape(method.value.get(language))
                shown = f"<a href='{escape(method.url)}'>{value}</a>" if method.url else value
                note = f" — {escape(method.note.get(language))}" if method.note else ""
                items.append(f"<li>{escape(_(method.label))}: {shown}{note}</li>")
            html.append(f"<ul>{''.join(items)}</ul>")
            bring = "".join(f"<li>{escape(item)}</li>" for item in body.what_to_bring.get(language))
            html.append(f"<p><b>{escape(_(body.what_to_bring_label))}</b></p><ul>{bring}</ul>")
            html.append(
                f"<p><small>{escape(_(reporting.CHECKED_ON).format(date=body.checked_on))}"
                f" — <a href='{escape(body.source)}'>{escape(_(reporting.SOURCE))}</a></small></p>"
            )
        html.append(f"<p>{escape(_(reporting.FAKE_REPORTING_SITES))}</p>")
        self.bodies.setText("".join(html))
