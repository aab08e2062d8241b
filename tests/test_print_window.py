"""Printing from the window: the home tile, the results page, the panic summary.

Dialogs are patched in ``desktop.ui.dialogs`` (STYLE.md 7); the pools are
synchronous, so a PDF or a bundle is written before the click returns.
"""

from __future__ import annotations

import hashlib
import io
import stat
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
from checks.directory.reporting import REGION_IDS, load_reporting
from checks.panic import evidence
from checks.reports.recovery_kit import kit_region
from desktop.checkup.results_page import ResultsPage
from desktop.i18n import catalog
from desktop.panic.summary_page import SummaryPage
from desktop.panic.wizard import PanicWizard
from desktop.printing.flow import region_order
from desktop.ui import dialogs

real_save_file = dialogs.save_file  # before any test patches it


@dataclass
class Dialogs:
    """What the app asked, and the answers the test gives."""

    folder: Path
    answers: list[str | None] = field(default_factory=list)
    choices: list[tuple[str, list[str]]] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)  # names typed into the file chooser
    suffixes: list[tuple[str, bool]] = field(default_factory=list)
    confirmed: list[str] = field(default_factory=list)
    replace: bool = True  # the answer to "Replace the existing file?"
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

    def save_file(
        parent, title, suggested, name_filter, on_path, default_suffix="", confirm_overwrite=True
    ):
        """Like QFileDialog: a name typed without an extension gets the default suffix."""
        log.suggested.append(suggested)
        log.suffixes.append((default_suffix, confirm_overwrite))
        name = log.typed.pop(0) if log.typed else Path(suggested).name
        if default_suffix and not Path(name).suffix:
            name = f"{name}.{default_suffix}"
        on_path(str(log.folder / name))

    def confirm(parent, title, text, yes_label, on_yes, detail="", on_no=None, dangerous=False):
        log.confirmed.append(text)
        if log.replace:
            on_yes()
        elif on_no is not None:
            on_no()

    def inform(parent, title, text, detail="", on_close=None):
        log.informed.append((title, text, detail))

    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "inform", inform)
    monkeypatch.setattr(dialogs, "warn", lambda p, title, text, detail="": log.warned.append(text))
    monkeypatch.setattr(
        dialogs, "print_preview", lambda p, t, printer, paint: log.previews.append((printer, paint))
    )
    return log


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return normalise("".join(page.extract_text() for page in reader.pages))


def guessed_regions(language: str) -> list[str]:
    """The order the region question offers, for this machine's locale."""
    from PySide6.QtCore import QLocale

    return region_order(kit_region(QLocale.system().name(), language), language)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_home_prints_the_recovery_kit_to_pdf(qtbot, make_ctx, asked: Dialogs, language) -> None:
    win = open_window(qtbot, make_ctx(), language)
    asked.answers = ["CN", "pdf"]
    press(qtbot, win.home.print_kit)
    t = catalog(language).gettext
    first_page = guessed_regions(language)[:4]
    assert asked.choices == [
        (t("Recovery kit: where you live"), [*first_page, ""]),  # "" is "Another region…"
        (t("Print or save as PDF"), ["print", "pdf"]),
    ]
    assert asked.suggested[0].endswith("recovery-kit-2026-11-20.pdf")
    target = asked.folder / "recovery-kit-2026-11-20.pdf"
    text = pdf_text(target)
    assert normalise(t("Recovery kit")) in text
    assert "MetaMask" in text  # no checkup saved yet: the common wallets
    assert normalise(t("4. Where to report: {region}").format(region="")) in text
    assert normalise("Mainland China" if language == "en" else "中国大陆") in text  # as chosen
    assert asked.informed and str(target) in asked.informed[0][1]


def test_the_kit_region_is_chosen_four_at_a_time(qtbot, make_ctx, asked: Dialogs) -> None:
    """An English system, a Chinese reader: "Another region…" reaches every region."""
    win = open_window(qtbot, make_ctx())
    order = guessed_regions("en")
    asked.answers = ["", "", order[-1], "pdf"]  # the last region, on the third page
    press(qtbot, win.home.print_kit)
    pages = [keys for title, keys in asked.choices if title == "Recovery kit: where you live"]
    assert pages == [[*order[:4], ""], [*order[4:8], ""], order[8:]]
    assert sorted(order) == sorted(REGION_IDS)
    region = load_reporting().region(order[-1])
    assert normalise(f"4. Where to report: {region.name.en}") in pdf_text(
        asked.folder / "recovery-kit-2026-11-20.pdf"
    )


def test_dismissing_the_region_question_prints_nothing(qtbot, make_ctx, asked: Dialogs) -> None:
    win = open_window(qtbot, make_ctx())
    asked.answers = [None]
    press(qtbot, win.home.print_kit)
    assert len(asked.choices) == 1 and not asked.suggested and not asked.previews


def test_the_file_chooser_adds_pdf_before_an_existing_file_is_checked(
    qtbot, make_ctx, asked: Dialogs
) -> None:
    """The name typed without ".pdf" is "kit": the dialog makes it kit.pdf, which exists,
    so the person is asked before it is replaced — and nothing happens on "no"."""
    win = open_window(qtbot, make_ctx())
    mine = asked.folder / "kit.pdf"
    mine.write_bytes(b"my own kit")
    asked.typed, asked.replace, asked.answers = ["kit"], False, ["US", "pdf"]
    press(qtbot, win.home.print_kit)
    assert asked.suffixes == [("pdf", False)]  # the dialog adds it; it does not ask itself
    assert len(asked.confirmed) == 1 and "kit.pdf" in asked.confirmed[0]
    assert mine.read_bytes() == b"my own kit" and not asked.informed
    assert sorted(p.name for p in asked.folder.iterdir()) == ["kit.pdf"]  # no kit.pdf.pdf

    asked.typed, asked.replace, asked.answers = ["kit"], True, ["US", "pdf"]
    press(qtbot, win.home.print_kit)
    assert len(asked.confirmed) == 2
    qtbot.waitUntil(lambda: bool(asked.informed), timeout=10_000)
    assert mine.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(mine.stat().st_mode) == 0o600


def test_a_new_file_is_written_without_a_question(qtbot, make_ctx, asked: Dialogs) -> None:
    win = open_window(qtbot, make_ctx())
    asked.typed, asked.answers = ["fresh"], ["US", "pdf"]
    press(qtbot, win.home.print_kit)
    qtbot.waitUntil(lambda: bool(asked.informed), timeout=10_000)
    assert asked.confirmed == [] and (asked.folder / "fresh.pdf").read_bytes().startswith(b"%PDF")


def test_a_link_of_that_name_is_never_replaced(qtbot, make_ctx, asked: Dialogs) -> None:
    win = open_window(qtbot, make_ctx())
    elsewhere = asked.folder.parent / "elsewhere.txt"
    elsewhere.write_text("not yours to replace")
    (asked.folder / "kit.pdf").symlink_to(elsewhere)
    asked.typed, asked.answers = ["kit"], ["US", "pdf"]
    press(qtbot, win.home.print_kit)
    assert asked.warned and "kit.pdf" in asked.warned[0] and asked.confirmed == []
    assert (asked.folder / "kit.pdf").is_symlink()
    assert elsewhere.read_text() == "not yours to replace"


def test_the_real_file_chooser_adds_the_suffix(qtbot, tmp_path: Path) -> None:
    """Qt's own dialog (not a stand-in): "kit" comes back as kit.pdf, and with
    confirm_overwrite=False it leaves the question to dialogs.confirm."""
    from PySide6.QtWidgets import QFileDialog

    chosen: list[str] = []
    dialog = real_save_file(
        None, "Save", str(tmp_path / "kit"), "PDF (*.pdf)", chosen.append, "pdf", False
    )
    qtbot.add_widget(dialog)
    assert dialog.defaultSuffix() == "pdf"
    assert dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
    (tmp_path / "kit.pdf").write_bytes(b"x")  # exists: no box of Qt's own pops up
    dialog.selectFile(str(tmp_path / "kit"))
    dialog.accept()
    assert chosen == [str(tmp_path / "kit.pdf")]
    default = real_save_file(None, "Save", str(tmp_path / "a.ics"), "", chosen.append)
    qtbot.add_widget(default)
    assert not default.testOption(QFileDialog.Option.DontConfirmOverwrite)  # others unchanged


def test_home_kit_uses_the_latest_checkup_and_prints(qtbot, make_ctx, asked: Dialogs) -> None:
    win = open_window(qtbot, make_ctx())
    _previous, current = S.sample_runs()
    win.ctx.store.add_checkup_run(
        current.created_at, current.score.overall, current.urgent_count, current.to_payload()
    )
    asked.answers = ["GB", "print"]
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


def _zip_pdf_text(archive: zipfile.ZipFile) -> str:
    report = archive.read("incident-report.pdf")
    return normalise("".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(report)).pages))


@pytest.mark.parametrize("languages", ["single", "bilingual"])
def test_summary_saves_the_case_bundle(qtbot, make_ctx, asked, tmp_path, languages) -> None:
    page, _win = _summary(qtbot, make_ctx, tmp_path)
    asked.answers = [languages]
    page.findChild(QPushButton, "saveBundle").click()
    assert [keys for _title, keys in asked.choices] == [["single", "bilingual"]]
    (suggested,) = asked.suggested
    assert suggested.endswith(f"case-{S.CASE_ID}-2026-11-20.zip")
    assert asked.suffixes == [("zip", False)]
    target = asked.folder / Path(suggested).name
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist()[0] == "README.txt"
        assert archive.read("evidence/wallet-screenshot.png") == S.EVIDENCE["wallet-screenshot.png"]
        text = _zip_pdf_text(archive)
        readme = archive.read("README.txt").decode("utf-8")
        listed = dict(
            reversed(line.split("  ", 1))
            for line in archive.read("MANIFEST.txt").decode().split("\n")
            if line
        )
        for info in archive.infolist():
            assert stat.S_IMODE(info.external_attr >> 16) == 0o600, info.filename
            if info.filename != "MANIFEST.txt":
                digest = hashlib.sha256(archive.read(info.filename)).hexdigest()
                assert listed[info.filename] == digest, info.filename
    assert S.ETH_TX in text
    chinese_heading = normalise(catalog("zh_CN").gettext("Timeline (UTC and local time)"))
    assert (chinese_heading in text) == (languages == "bilingual")
    # The note for the recipient: English and Chinese, the commands, no secret.
    assert "sha256sum -c MANIFEST.txt" in readme and "Get-FileHash" in readme
    assert "What this is" in readme and catalog("zh_CN").gettext("What this is") in readme
    assert S.CASE_ID in readme
    ((_title, message, detail),) = asked.informed
    assert "1 evidence file" in message and detail == ""
    assert not asked.warned
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_existing_bundle_is_replaced_only_when_confirmed(
    qtbot, make_ctx, asked, tmp_path
) -> None:
    page, _win = _summary(qtbot, make_ctx, tmp_path)
    target = asked.folder / f"case-{S.CASE_ID}-2026-11-20.zip"
    target.write_bytes(b"an older bundle")
    asked.answers, asked.replace = ["single"], False
    page.findChild(QPushButton, "saveBundle").click()
    assert len(asked.confirmed) == 1 and target.read_bytes() == b"an older bundle"
    asked.answers, asked.replace = ["single"], True
    page.findChild(QPushButton, "saveBundle").click()
    assert zipfile.is_zipfile(target)


def test_no_chinese_font_warns_instead_of_printing(
    qtbot, make_ctx, asked: Dialogs, monkeypatch
) -> None:
    from desktop import printing

    monkeypatch.setattr(printing, "cjk_families", lambda: [])
    win = open_window(qtbot, make_ctx(), "zh_CN")
    asked.answers = ["CN", "pdf"]
    press(qtbot, win.home.print_kit)
    assert asked.warned and not asked.suggested
    assert not list(asked.folder.iterdir())
