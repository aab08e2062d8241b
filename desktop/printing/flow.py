"""Printing from the window: which document, which language or region, printer or PDF.

The pages call :func:`print_recovery_kit`, :func:`print_checkup_report`,
:func:`print_incident_report` and :func:`save_case_bundle`.

Every question goes through :mod:`desktop.ui.dialogs` (tests patch it) and every
answer arrives by callback: no nested event loop. Laying out and painting is
:mod:`desktop.printing`; PDFs and bundles are written off the UI thread with
``run_in_background``.

Saving never replaces a file silently. The file chooser adds the extension
itself (``setDefaultSuffix``) before it looks at the name, so the name it
returns is the file that will be written; when that file exists, the person is
asked through :func:`desktop.ui.dialogs.confirm`; a link, folder, device or pipe
of that name is refused (:func:`checks.files.refuse_special_file`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale

from checks.checkup.run import CheckupRun
from checks.directory.reporting import load_reporting
from checks.files import NotARegularFile, refuse_special_file
from checks.panic import evidence
from checks.reports.bundle import Bundle, bundle_readme, write_bundle
from checks.reports.checkup_report import checkup_report
from checks.reports.html import Report
from checks.reports.incident_report import incident_report
from checks.reports.recovery_kit import kit_region, recovery_kit
from desktop import printing
from desktop.background import run_in_background
from desktop.i18n import LANGUAGES, _, catalog, current_language
from desktop.ui import dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from checks.panic.case import Case
    from desktop.context import AppContext

#: Regions offered first, by UI language (the kit's region can be any of them).
REGION_ORDER = {
    "zh": ("CN", "HK", "MO", "TW", "SG", "MY", "US", "CA", "AU", "GB", "EU", "GLOBAL"),
    "en": ("US", "GB", "CA", "AU", "EU", "SG", "MY", "HK", "MO", "CN", "TW", "GLOBAL"),
}
REGIONS_PER_QUESTION = 4  # and "Another region…": the box stays narrow at 200 %


def report_context(clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """Language, time, time zone and locale for a report made in the window."""
    now = clock() if clock is not None else datetime.now(timezone.utc)
    return {
        "language": current_language(),
        "now": now,
        "tz": now.astimezone().tzinfo or timezone.utc,
        "locale_name": QLocale.system().name(),
    }


def incident_report_for(case: Case, ctx: AppContext, bilingual: bool = False) -> Report:
    second = None
    if bilingual:
        second = catalog("en" if current_language().startswith("zh") else "zh_CN").gettext
    return incident_report(case, _, second=second, **report_context(ctx.clock))


def warn_if_no_font(parent: QWidget | None, report: Report) -> bool:
    """Tell the user (and return True) when Chinese text cannot be drawn here."""
    if printing.can_print(report):
        return False

    dialogs.warn(
        parent,
        _("No Chinese font installed"),
        _(
            "This document contains Chinese text, but this computer has no font that can show"
            " Simplified Chinese, so it would print empty boxes. Please install one (for"
            " example Noto Sans CJK SC), or print the document in English."
        ),
    )
    return True


def print_report(parent: QWidget | None, report: Report) -> None:
    """Show the print preview (with its print button) on the UI thread."""
    if warn_if_no_font(parent, report):
        return
    printer = printing.make_printer(report)
    dialogs.print_preview(
        parent, report.title, printer, lambda p: printing.paint_on_printer(report, p)
    )


def _write_failed(parent: QWidget | None, title: str) -> Callable[[Exception], None]:
    def failed(error: Exception) -> None:
        if isinstance(error, NotARegularFile):
            reason = _("a link, folder or device of that name is already there")
        else:
            reason = getattr(error, "strerror", None) or type(error).__name__
        dialogs.warn(
            parent,
            title,
            _("It could not be written ({reason}). Please choose another folder.").format(
                reason=reason
            ),
        )

    return failed


def confirm_target(parent: QWidget | None, target: Path, write: Callable[[bool], None]) -> None:
    """Call ``write(replace)`` for ``target``: at once when it is new, after a
    "replace?" question when a file of that name exists, never for anything that
    is not a regular file (a link, a folder, a device, a pipe)."""
    try:
        refuse_special_file(target)
    except NotARegularFile:
        dialogs.warn(
            parent,
            _("Not saved"),
            _(
                "{name} is not an ordinary file (it is a link, a folder or a device), so it"
                " was left alone. Please choose another name."
            ).format(name=target.name),
        )
        return
    if not target.exists():
        write(False)
        return
    dialogs.confirm(
        parent,
        _("Replace the existing file?"),
        _("{name} already exists in {folder}. Replace it with the new document?").format(
            name=target.name, folder=target.parent
        ),
        _("Replace"),
        lambda: write(True),
        dangerous=True,
    )


def save_pdf(
    parent: QWidget,
    report: Report,
    pool: Any = None,
    on_saved: Callable[[Path], None] | None = None,
) -> None:
    """Ask where to save, then write the PDF in the background and say where it is."""
    if warn_if_no_font(parent, report):
        return

    def saved(target: Path) -> None:
        dialogs.inform(
            parent, _("PDF saved"), _("The document was saved as {path}.").format(path=target)
        )
        if on_saved is not None:
            on_saved(target)

    def chosen(path: str) -> None:
        target = Path(path)

        def write(replace: bool) -> None:
            run_in_background(
                lambda: printing.write_pdf(report, target, replace=replace),
                lambda _pages: saved(target),
                _write_failed(parent, _("The PDF was not saved")),
                owner=parent,
                pool=pool,
            )

        confirm_target(parent, target, write)

    dialogs.save_file(
        parent,
        _("Save as PDF"),
        str(Path.home() / report.file_name),
        _("PDF documents (*.pdf)"),
        chosen,
        default_suffix="pdf",
        confirm_overwrite=False,
    )


def print_or_save(parent: QWidget, report: Report, pool: Any = None) -> None:
    """Offer the two ways out: the printer (with preview) or a PDF file."""

    def chosen(key: str | None) -> None:
        if key == "print":
            print_report(parent, report)
        elif key == "pdf":
            save_pdf(parent, report, pool)

    dialogs.choose(
        parent,
        _("Print or save as PDF"),
        report.title,
        [("print", _("Print…")), ("pdf", _("Save as PDF…"))],
        chosen,
    )


# -- the recovery kit and its region ----------------------------------------------------


def region_order(guess: str, language: str) -> list[str]:
    """Every region id, the guessed one first, then the usual ones for the language."""
    order = REGION_ORDER["zh" if language.startswith("zh") else "en"]
    return [guess, *(region for region in order if region != guess)]


def choose_region(parent: QWidget | None, guess: str, on_region: Callable[[str], None]) -> None:
    """Ask where the kit should say to report: four regions at a time (the guess
    first) and "Another region…" for the rest; dismissing the box cancels."""
    language = current_language()
    reporting = load_reporting()
    ids = region_order(guess, language)

    def ask(start: int) -> None:
        shown = ids[start : start + REGIONS_PER_QUESTION]
        rest = ids[start + REGIONS_PER_QUESTION :]
        if len(rest) == 1:  # never a page with a single region
            shown, rest = [*shown, *rest], []
        choices: Sequence[tuple[str, str]] = [
            (region, reporting.region(region).name.get(language)) for region in shown
        ]
        if rest:
            choices = [*choices, ("", _("Another region…"))]

        def answered(key: str | None) -> None:
            if key:
                on_region(key)
            elif key == "" and rest:
                ask(start + len(shown))

        dialogs.choose(
            parent,
            _("Recovery kit: where you live"),
            _("The kit lists the police and reporting sites of one region. Which one?"),
            choices,
            answered,
            _("You can print another kit for another region at any time."),
        )

    ask(0)


def print_recovery_kit(parent: QWidget, ctx: AppContext) -> None:
    """The recovery kit for a region the person chooses, with the wallets of the latest
    saved checkup when the data is open."""
    context = report_context(ctx.clock)

    def show(answers: dict[str, Any] | None) -> None:
        def make(region: str) -> None:
            report = recovery_kit(_, answers=answers, region=region, **context)
            print_or_save(parent, report, ctx.pool)

        choose_region(parent, kit_region(context["locale_name"], context["language"]), make)

    store = ctx.store
    if store is None:
        show(None)
        return

    def latest() -> dict[str, Any] | None:
        runs = store.list_checkup_runs()
        payload = store.load_checkup_run(runs[0].id) if runs else None
        return dict(CheckupRun.from_payload(payload).answers) if payload else None

    run_in_background(latest, show, lambda _error: show(None), owner=parent, pool=ctx.storage_pool)


def print_checkup_report(parent: QWidget, run: CheckupRun, previous: CheckupRun | None) -> None:
    print_or_save(parent, checkup_report(run, _, previous=previous, **report_context()))


# -- the incident report and the case bundle ------------------------------------------------


def choose_languages(
    parent: QWidget | None, title: str, on_bilingual: Callable[[bool], None]
) -> None:
    """One language or two (English and Chinese in one document)?"""

    def chosen(key: str | None) -> None:
        if key is not None:
            on_bilingual(key == "bilingual")

    dialogs.choose(
        parent,
        title,
        _("In which language? For a case across borders, print both in one document."),
        [
            ("single", LANGUAGES.get(current_language(), "English")),
            ("bilingual", _("English and Chinese together")),
        ],
        chosen,
    )


def print_incident_report(parent: QWidget, case: Case, ctx: AppContext) -> None:
    """Ask for one language or two, then print or save."""
    choose_languages(
        parent,
        _("Print the incident report"),
        lambda both: print_or_save(parent, incident_report_for(case, ctx, both), ctx.pool),
    )


def save_case_bundle(parent: QWidget, case: Case, ctx: AppContext) -> None:
    """Ask for one language or two and where, then write the bundle (README, report
    PDF, evidence, manifest) in the background."""
    choose_languages(
        parent, _("Save the case bundle"), lambda both: _save_bundle(parent, case, ctx, both)
    )


def _save_bundle(parent: QWidget, case: Case, ctx: AppContext, bilingual: bool) -> None:
    report = incident_report_for(case, ctx, bilingual)
    if warn_if_no_font(parent, report):
        return
    store, paths, now = ctx.store, ctx.paths, ctx.clock()
    first = "zh_CN" if current_language().startswith("zh") else "en"
    languages = (first, "en" if first == "zh_CN" else "zh_CN")
    readme = bundle_readme([catalog(lang).gettext for lang in languages], case.id, now)

    def read(item: Any) -> bytes:
        if store is None:
            raise FileNotFoundError(item.stored_name)
        return evidence.read_file(case, item, paths, store)

    def work(target: Path, replace: bool) -> Bundle:
        pdf, _pages = printing.pdf_bytes(report)
        return write_bundle(target, case, pdf, read, now, replace=replace, readme=readme)

    def done(bundle: Bundle) -> None:
        text = _("Saved {path} with the report and {count} evidence file(s).").format(
            path=bundle.path, count=sum(1 for e in bundle.entries if e.kind == "evidence")
        )
        detail = ""
        if bundle.problems:
            detail = _(
                "{count} evidence file(s) were missing or changed; the manifest in the zip"
                " says which."
            ).format(count=bundle.problems)
        dialogs.inform(parent, _("Case bundle saved"), text, detail)

    def chosen(path: str) -> None:
        target = Path(path)

        def write(replace: bool) -> None:
            run_in_background(
                lambda: work(target, replace),
                done,
                _write_failed(parent, _("The case bundle was not saved")),
                owner=parent,
                pool=ctx.storage_pool,
            )

        confirm_target(parent, target, write)

    dialogs.save_file(
        parent,
        _("Save the case bundle"),
        str(Path.home() / f"case-{case.id}-{now:%Y-%m-%d}.zip"),
        _("Zip archives (*.zip)"),
        chosen,
        default_suffix="zip",
        confirm_overwrite=False,
    )
