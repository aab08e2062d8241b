"""Printing from the window: the home tile, the results page, the panic summary.

Dialogs are patched in ``desktop.dialogs`` (STYLE.md 7); the pools are
synchronous, so a PDF or a bundle is written before the click returns.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdf
import pytest
import report_samples as S
from conftest import FIXED_NOW
from report_samples import normalise
from ui import open_window, press

from PySide6.QtWidgets import QPushButton

from checks.checkup.run import compare
from checks.panic import evidence
from desktop import dialogs
from desktop.i18n import catalog
from desktop.panic_summary_page import SummaryPage
from desktop.panic_wizard import PanicWizard
from desktop.results_page import ResultsPage


@dataclass
class Dialogs:
    """What the app asked, and the answers the test gives."""

    folder: Path
    answers: list[str] = field(default_factory=list)
    choices: list[tuple[str, list[str]]] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)
    informed: list[tuple[str, str, str]] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)
    previews: list[tuple[Any, Any]] = field(default_factory=list)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Dialogs:
    log = Dialogs(tmp_path / "out")
    log.folder.mkdir()

    def choose(parent, title, text, choices, on_choice, detail=""):
        log.choices.append((title, [key for key, _label in choices]))
        on_choice(log.answers.pop(0))

    def save_file(parent, title, suggested, name_filter, on_path):
        log.suggested.append(suggested)
        on_path(str(log.folder / Path(suggested).name))

    def inform(parent, title, text, detail="", on_close=None):
        log.informed.append((title, text, detail))

    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "inform", inform)
    monkeypatch.setattr(dialogs, "warn", lambda p, title, text, detail="": log.warned.append(text))
    monkeypatch.setattr(
        dialogs, "print_preview", lambda p, t, printer, paint: log.previews.append((printer, paint))
    )
    return log


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return normalise("".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_home_prints_the_recovery_kit_to_pdf(qtbot, make_ctx, asked: Dialogs, language) -> None:
    win = open_window(qtbot, make_ctx(), language)
    assert win.home.print_kit.available
    asked.answers = ["pdf"]
    press(qtbot, win.home.print_kit)
    assert asked.choices == [(catalog(language).gettext("Print or save as PDF"), ["print", "pdf"])]
    assert asked.suggested[0].endswith("recovery-kit-2026-11-20.pdf")
    target = asked.folder / "recovery-kit-2026-11-20.pdf"
    text = pdf_text(target)
    assert normalise(catalog(language).gettext("Recovery kit")) in text
    assert "MetaMask" in text  # no checkup saved yet: the common wallets
    assert asked.informed and str(target) in asked.informed[0][1]
    assert win.home.status.text() == ""  # not "not available yet"


def test_home_kit_uses_the_latest_checkup_and_prints(qtbot, make_ctx, asked: Dialogs) -> None:
    win = open_window(qtbot, make_ctx())
    _previous, current = S.sample_runs()
    win.ctx.store.add_checkup_run(
        current.created_at, current.score.overall, current.urgent_count, current.to_payload()
    )
    asked.answers = ["print"]
    press(qtbot, win.home.print_kit)
    ((printer, paint),) = asked.previews
    from PySide6.QtPrintSupport import QPrinter

    target = asked.folder / "printed.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    assert paint(printer) in (1, 2)
    text = pdf_text(target)
    assert "TokenPocket" in text and "Ledger" in text and "MetaMask" not in text


def test_results_page_prints_the_checkup_report(qtbot, asked: Dialogs) -> None:
    previous, current = S.sample_runs()
    page = ResultsPage(current, (previous, compare(previous, current)))
    qtbot.add_widget(page)
    button = page.findChild(QPushButton, "printCheckup")
    assert button is page.print_button
    asked.answers = ["pdf"]
    button.click()
    qtbot.waitUntil(lambda: bool(asked.informed), timeout=10_000)  # written in the thread pool
    (suggested,) = asked.suggested
    text = pdf_text(asked.folder / Path(suggested).name)
    assert f"Score{current.score.overall}of100" in text
    assert "Sinceyourlastcheckup(2026-10-20)" in text


def _summary(qtbot, make_ctx, tmp_path: Path) -> tuple[SummaryPage, Any]:
    win = open_window(qtbot, make_ctx())
    win.panic.start()
    wizard = win.panic.wizard
    assert isinstance(wizard, PanicWizard)
    case = S.sample_case()
    source = tmp_path / "wallet-screenshot.png"
    source.write_bytes(S.EVIDENCE["wallet-screenshot.png"])
    case = evidence.add_file(case, source, win.ctx.paths, win.ctx.store, FIXED_NOW)
    wizard.update_case(case)
    wizard.go(len(wizard.pages) - 1)
    page = wizard.page
    assert isinstance(page, SummaryPage)
    return page, win


def test_summary_prints_a_bilingual_incident_report(qtbot, make_ctx, asked, tmp_path) -> None:
    page, _win = _summary(qtbot, make_ctx, tmp_path)
    asked.answers = ["bilingual", "pdf"]
    page.findChild(QPushButton, "printIncident").click()
    assert [keys for _title, keys in asked.choices] == [["single", "bilingual"], ["print", "pdf"]]
    text = pdf_text(asked.folder / "incident-report-2026-11-20.pdf")
    assert S.ETH_TX in text and S.EVIDENCE_SHA in text
    assert normalise("Timeline (UTC and local time)") in text
    assert normalise(catalog("zh_CN").gettext("Timeline (UTC and local time)")) in text


def test_summary_saves_the_case_bundle(qtbot, make_ctx, asked, tmp_path) -> None:
    page, _win = _summary(qtbot, make_ctx, tmp_path)
    page.findChild(QPushButton, "saveBundle").click()
    (suggested,) = asked.suggested
    assert suggested.endswith(f"case-{S.CASE_ID}-2026-11-20.zip")
    with zipfile.ZipFile(asked.folder / Path(suggested).name) as archive:
        assert archive.read("evidence/wallet-screenshot.png") == S.EVIDENCE["wallet-screenshot.png"]
        report = archive.read("incident-report.pdf")
    assert S.ETH_TX in normalise(
        "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(report)).pages)
    )
    ((_title, text, detail),) = asked.informed
    assert "1 evidence file" in text and detail == ""
    assert not asked.warned


def test_no_chinese_font_warns_instead_of_printing(
    qtbot, make_ctx, asked: Dialogs, monkeypatch
) -> None:
    from desktop import printing

    monkeypatch.setattr(printing, "cjk_families", lambda: [])
    win = open_window(qtbot, make_ctx(), "zh_CN")
    asked.answers = ["pdf"]
    press(qtbot, win.home.print_kit)
    assert asked.warned and not asked.suggested
    assert not list(asked.folder.iterdir())
