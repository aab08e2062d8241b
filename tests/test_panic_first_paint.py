"""Panic mode's first screen comes first (issue 22; bench/RESULTS.md, 1e-1j).

``--panic`` and the red button paint the three questions before anything
the first screen does not need: the other sections, the case model and the
rules behind it, the store, the support directory, the dialogs. Those load
right after the paint, a piece per turn of the event loop.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXED_NOW
from ui import open_window

from PySide6.QtWidgets import QAbstractButton

from checks.panic.case import new_case
from desktop.app import build_window, make_application
from desktop.panic.wizard import PanicWizard

# Our modules `--panic` may load before its first paint beyond those the home
# screen loads before its own: the first screen and nothing else.
PANIC_FIRST_SCREEN = {
    "checks.findings",  # the banner's severity
    "checks.i18n",
    "checks.panic",
    "checks.panic.lockdown",  # the three things to do right now
    "checks.panic.sections",  # the list of sections on the left
    "checks.panic.triage",  # the three questions
    "desktop.panic",
    "desktop.panic.controller",
    "desktop.panic.page",
    "desktop.panic.pages",
    "desktop.panic.triage_page",
    "desktop.panic.wizard",
    "desktop.ui.links",  # the "?" help buttons
}
# Nor anything heavy of Python's, PySide's or others' (as NOT_BEFORE_FIRST_PAINT
# in tests/test_architecture.py for the home screen).
NOT_BEFORE_PANIC_PAINT = (
    "keyring", "zxcvbn", "pyotp", "cryptography", "mnemonic", "sqlite3", "hashlib",
    "importlib.resources", "PySide6.QtSvg", "PySide6.QtPrintSupport", "PySide6.QtNetwork",
)  # fmt: skip

LOADED_AT_EXIT = (
    "import atexit, sys\n"
    "atexit.register(lambda: print(' '.join(sorted(sys.modules))))\n"
    "from desktop.cli import main\n"
    "raise SystemExit(main(sys.argv[1:]))\n"
)


def loaded_at_first_paint(home: Path, *args: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALLET_CHECKUP_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", LOADED_AT_EXIT, "--exit-after-first-paint", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def ours(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in ("checks", "desktop")}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_panic_paints_its_first_screen_before_anything_else(tmp_path: Path, language) -> None:
    home = loaded_at_first_paint(tmp_path, "--lang", language)
    panic = loaded_at_first_paint(tmp_path, "--panic", "--lang", language)
    assert "desktop.panic.triage_page" in panic
    assert sorted(ours(panic) - ours(home) - PANIC_FIRST_SCREEN) == []
    heavy = sorted(
        m for m in panic for name in NOT_BEFORE_PANIC_PAINT if m == name or m.startswith(name + ".")
    )
    assert heavy == []
    # The check can fail: the sections after the first are real modules it would see.
    assert "desktop.panic.lockdown_page" not in panic and "checks.panic.case" not in panic


def started_in_panic_mode(qtbot, make_ctx, language: str = "en") -> tuple[object, PanicWizard]:
    """The window as `--panic` builds it, before its first paint; no data yet."""
    window = build_window(make_ctx(), make_application([]), language, panic=True)
    qtbot.add_widget(window)
    window.show_panic()
    wizard = window.panic.wizard
    assert isinstance(wizard, PanicWizard)
    return window, wizard


def test_the_first_screen_shows_a_new_case_before_the_case_exists(qtbot, make_ctx) -> None:
    window, wizard = started_in_panic_mode(qtbot, make_ctx)
    assert wizard.case_if_made is None  # the case model waits for the paint
    assert [page is not None for page in wizard._pages] == [True] + [False] * 6
    triage = wizard.page_at(0)
    assert not any(b.isChecked() for b in triage.findChildren(QAbstractButton))
    assert triage.action_labels[0].text().startswith("1. ")  # "I don't know" everywhere
    assert window._home is None  # --panic: the home page comes later too
    window.show()
    # Right after the paint: the case, then the other sections, one per turn.
    qtbot.waitUntil(lambda: None not in wizard._pages, timeout=5000)
    case = wizard.case_if_made
    assert case is not None and case.opened_at == FIXED_NOW
    assert not window.panic.touched()  # made, not touched: nothing to save


def test_an_answer_before_the_paint_makes_the_case_and_keeps_the_answer(qtbot, make_ctx) -> None:
    _window, wizard = started_in_panic_mode(qtbot, make_ctx)
    wizard.page_at(0).findChild(QAbstractButton, "funds__yes").click()
    assert wizard.case_if_made is not None and wizard.case.funds_left == "yes"
    chosen = wizard.page_at(0).findChild(QAbstractButton, "funds__yes")
    assert chosen.isChecked() and chosen.text().startswith("✓ ")


def test_every_section_opens_before_its_turn_when_asked_for(qtbot, make_ctx) -> None:
    _window, wizard = started_in_panic_mode(qtbot, make_ctx)
    wizard.go(5)  # "Where to report", long before it would be built
    assert wizard.page.section == "report" and wizard.stack.currentWidget() is not None
    assert [page.section for page in wizard.pages][:2] == ["triage", "lockdown"]


def test_the_home_page_is_built_when_first_needed(qtbot, make_ctx) -> None:
    window, _wizard = started_in_panic_mode(qtbot, make_ctx)
    window.complete()  # right after the first paint, in a real start
    assert window._home is not None and window.stack.indexOf(window._home) == 0
    window.show_home()
    assert window.stack.currentWidget() is window.home


def test_the_red_button_opens_the_same_first_screen(qtbot, make_ctx) -> None:
    """Data open, only a closed case saved: a new case, made after the paint."""
    win = open_window(qtbot, make_ctx(), "zh_CN")
    win.ctx.store.save_case(*_closed_case_row())
    win.home.panic.click()
    wizard = win.panic.wizard
    assert isinstance(wizard, PanicWizard) and wizard.page.section == "triage"
    assert wizard.case_if_made is None and [p is not None for p in wizard._pages][:2] == [
        True,
        False,
    ]
    qtbot.waitUntil(lambda: None not in wizard._pages, timeout=5000)
    assert wizard.case_if_made is not None and wizard.case_if_made.status == "open"


def _closed_case_row() -> tuple[object, ...]:
    case = new_case(FIXED_NOW).closed("false_alarm")
    return case.id, case.opened_at, case.status, case.to_payload(), FIXED_NOW
