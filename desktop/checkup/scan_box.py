"""The checkup topic "What a thief would find on this computer" (issue 20).

A thin view over :mod:`checks.scan`: the scan runs off the UI thread
(:func:`desktop.background.run_in_background`) and reports its progress by a
queued signal; Pause and Cancel go through :class:`checks.scan.control.Control`
(a cancel takes effect within half a second).  The answer kept is the scan's
records — where, and what kind — never content.

The clipboard test is a button, never automatic: it copies a valid-looking
address of each common chain, waits, reads the clipboard back, and puts back
what was there before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from checks.checkup.questions import SKIPPED, Question
from checks.scan import ocr
from checks.scan.clipboard import SampleResult, compare, samples
from checks.scan.control import Cancelled, Control, Progress
from checks.scan.engine import ScanOptions, ScanResult, default_system_root, run_scan_remembering
from checks.scan.findings import ScanItem, clipboard_items, finding, items_for
from checks.scan.pictures import NEEDS_OCR, default_workers
from desktop.background import run_in_background
from desktop.checkup.question_box import QuestionBox
from desktop.i18n import _, tr


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def default_options() -> ScanOptions:
    frozen = getattr(sys, "frozen", False)
    return ScanOptions(
        home=Path.home(), system_root=default_system_root(), workers=1 if frozen else 2, gentle=True
    )


class _Note(QLabel):
    """A label that takes no room while it has nothing to say."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class _Progress(QObject):
    """Lives in the UI thread; the scan's thread emits, Qt queues it across."""

    changed = Signal(object)


class ScanBox(QuestionBox):
    def __init__(self, question: Question, pool: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.pool = pool
        self.options_factory: Callable[[], ScanOptions] = default_options
        self.clipboard_wait_ms = 3000
        self.items: list[ScanItem] = []
        self.control: Control | None = None
        self._relay = _Progress(self)
        self._relay.changed.connect(self._show_progress)
        self.explain = QLabel(
            _(
                "Looks for seed phrases and keys in your files, fake wallet extensions,"
                " remote-control programs and a redirected hosts file or proxy. Nothing leaves"
                " this computer and nothing is changed."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.inputs.addWidget(self.explain)
        self.ctx: Any = None  # the app's context: where the picture scan keeps its memory
        self.picture_workers = default_workers()
        self.pictures = QCheckBox(
            _("Also look for seed phrases in pictures (screenshots and photos)"), self
        )
        self.pictures.setObjectName("scanPictures")
        self.pictures.setAccessibleName(self.pictures.text())
        self.inputs.addWidget(self.pictures)
        self.pictures_note = self._label("scanPicturesNote")
        self._offer_pictures()
        row = QHBoxLayout()
        self.start = self._button("scanStart", _("Start the scan"), row)
        self.pause = self._button("scanPause", _("Pause"), row)
        self.cancel = self._button("scanCancel", _("Cancel"), row)
        self.skip = self._button("scanSkip", _("Not now"), row)
        row.addStretch(1)
        self.inputs.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("scanProgress")
        self.progress.setAccessibleName(_("Scan progress"))
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.inputs.addWidget(self.progress)
        self.status = self._label("scanStatus")
        self.results = self._label("scanResults")
        self.results.setTextFormat(Qt.TextFormat.RichText)
        clip_row = QHBoxLayout()
        self.clipboard = self._button("clipboardTest", _("Test the clipboard"), clip_row)
        clip_row.addStretch(1)
        self.inputs.addLayout(clip_row)
        self.clipboard_status = self._label("clipboardStatus")
        self.pause.setEnabled(False)
        self.cancel.setEnabled(False)
        self.start.clicked.connect(self.start_scan)
        self.pause.clicked.connect(self.toggle_pause)
        self.cancel.clicked.connect(self.cancel_scan)
        self.skip.clicked.connect(lambda: self.answered.emit(self.question.id, SKIPPED))
        self.clipboard.clicked.connect(self.start_clipboard_test)

    def _button(self, name: str, text: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        row.addWidget(button)
        return button

    def _label(self, name: str) -> QLabel:
        label = _Note(self)
        label.setVisible(False)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.inputs.addWidget(label)
        return label

    def first_input(self) -> QWidget:
        return self.start

    def use_context(self, ctx: Any) -> None:
        self.ctx = ctx

    def _offer_pictures(self) -> None:
        """The picture scan needs the OCR extra: without it, say how to add it."""
        available = ocr.ocr_available()
        self.pictures.setEnabled(available)
        if not available:
            self.pictures.setChecked(False)
        self.pictures_note.setText(
            _(
                "Pictures are read on this computer only, and only whether they show a seed"
                " phrase is kept. The first time can take a while; later scans read only new"
                " pictures."
            )
            if available
            else _(NEEDS_OCR)
        )

    # -- the scan ------------------------------------------------------------------

    def start_scan(self) -> None:
        self.control = control = Control()
        options = self.options_factory()
        if self.pictures.isChecked() and self.pictures.isEnabled():
            options = replace(options, pictures=True, picture_workers=self.picture_workers)
        ctx = self.ctx
        store = None if ctx is None or ctx.data_erased else ctx.store
        now = ctx.clock if ctx is not None else _utc_now
        relay = self._relay
        self.start.setEnabled(False)
        self.skip.setEnabled(False)
        self.pause.setEnabled(True)
        self.cancel.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.status.setText(_("Counting your files…"))
        self.results.clear()
        run_in_background(
            lambda: run_scan_remembering(options, store, now, control, relay.changed.emit),
            self._done,
            self._failed,
            self,
            self.pool,
        )

    def toggle_pause(self) -> None:
        if self.control is None:
            return
        if self.control.paused:
            self.control.resume()
            self.pause.setText(_("Pause"))
        else:
            self.control.pause()
            self.pause.setText(_("Resume"))
            self.status.setText(_("Paused. Nothing is read until you resume."))
        self.pause.setAccessibleName(self.pause.text())

    def cancel_scan(self) -> None:
        if self.control is not None:
            self.control.cancel()

    def _show_progress(self, progress: Progress) -> None:
        if self.control is None or self.control.cancelled or self.control.paused:
            return
        self.progress.setValue(int(progress.fraction * 1000))
        if progress.phase == "counting":
            text = _("Counting your files… {files} so far").format(files=progress.files_done)
        elif progress.phase == "files":
            text = _("{done} of {total} files — {folder}").format(
                done=progress.files_done, total=progress.files_total, folder=progress.folder
            )
            left = progress.seconds_left
            if left is not None:
                text += "\n" + _("About {minutes} min left").format(
                    minutes=max(1, round(left / 60))
                )
        elif progress.phase == "pictures":
            text = _("Pictures: {done} of {total} — {folder}").format(
                done=progress.files_done, total=progress.files_total, folder=progress.folder
            )
            left = progress.seconds_left
            if left is not None:
                text += "\n" + _("About {minutes} min left").format(
                    minutes=max(1, round(left / 60))
                )
        else:
            text = _("Checking browser extensions, programs and network settings…")
        self.status.setText(text)

    def _finish(self) -> None:
        self.control = None
        self.start.setEnabled(True)
        self.start.setText(_("Scan again"))
        self.start.setAccessibleName(self.start.text())
        self.skip.setEnabled(True)
        self.pause.setEnabled(False)
        self.pause.setText(_("Pause"))
        self.cancel.setEnabled(False)

    def _done(self, result: ScanResult) -> None:
        self._finish()
        self.progress.setValue(1000)
        stats = result.stats
        done = _("Done: {files} files checked, {skipped} could not be read.").format(
            files=stats.files, skipped=stats.skipped
        )
        pictures = result.pictures
        if pictures is not None:
            done += "\n" + _(
                "{pictures} pictures: {read} read now, {remembered} unchanged since the last"
                " scan, {unreadable} could not be read."
            ).format(
                pictures=pictures.pictures,
                read=pictures.read,
                remembered=pictures.remembered,
                unreadable=pictures.unreadable,
            )
        self.status.setText(done)
        self.items = items_for(result) + [i for i in self.items if i.id.startswith("scan_clip")]
        self._show_items()
        self.answered.emit(self.question.id, [[item.id, item.detail] for item in self.items])

    def _failed(self, error: Exception) -> None:
        self._finish()
        self.progress.setVisible(False)
        if isinstance(error, Cancelled):
            self.status.setText(_("Scan cancelled. Nothing was kept."))
        else:
            self.status.setText(_("The scan could not finish: {reason}").format(reason=error))

    def _show_items(self) -> None:
        """Each place in bold with its severity in words; the steps once per kind."""
        parts: list[str] = []
        for number, item in enumerate(self.items):
            found = finding(item)
            line = _("{severity}: {title}").format(
                severity=_(found.severity.label), title=tr(found.title)
            )
            parts.append(f"<p style='margin:6px 0 0 0'><b>{escape(line)}</b></p>")
            if number + 1 == len(self.items) or self.items[number + 1].id != item.id:
                steps = "".join(f"<li>{escape(tr(step))}</li>" for step in found.fix_steps)
                parts.append(f"<ol style='margin-top:2px'>{steps}</ol>" if steps else "")
        self.results.setText("".join(parts))

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            self.items = [ScanItem(str(pair[0]), str(pair[1])) for pair in value]
            self.status.setText(_("Result of the last scan:"))
            self._show_items()

    def leave(self) -> None:
        self.cancel_scan()

    # -- the clipboard test ------------------------------------------------------------

    def start_clipboard_test(self) -> None:
        board = QGuiApplication.clipboard()
        self._saved_clipboard = board.text()
        self._samples = list(samples())
        self._results: list[SampleResult] = []
        self.clipboard.setEnabled(False)
        self._next_sample()

    def _next_sample(self) -> None:
        board = QGuiApplication.clipboard()
        if not self._samples:
            board.setText(self._saved_clipboard)  # put back what was there
            self.clipboard.setEnabled(True)
            self._clipboard_done()
            return
        sample = self._samples[0]
        self.clipboard_status.setText(
            _("Testing with a {chain} address… please do not copy anything.").format(
                chain=sample.chain
            )
        )
        board.setText(sample.address)
        QTimer.singleShot(self.clipboard_wait_ms, self._read_back)

    def _read_back(self) -> None:
        sample = self._samples.pop(0)
        self._results.append(compare(sample, QGuiApplication.clipboard().text()))
        self._next_sample()

    def _clipboard_done(self) -> None:
        found = clipboard_items(self._results)
        self.items = [i for i in self.items if not i.id.startswith("scan_clip")] + found
        if found:
            self.clipboard_status.setText(tr(finding(found[0]).title))
        else:
            self.clipboard_status.setText(
                _("The clipboard kept every address: no sign of a clipboard hijacker.")
            )
        self._show_items()
        if self.items:
            self.answered.emit(self.question.id, [[i.id, i.detail] for i in self.items])
