"""Shape rules from STYLE.md that code review alone would miss."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import checks


def test_checks_never_imports_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(checks.__path__, "checks.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(modules) >= 10


def test_importing_checks_has_no_side_effects(tmp_path) -> None:
    code = (
        "import importlib, pkgutil, checks\n"
        "for m in pkgutil.walk_packages(checks.__path__, 'checks.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    env = {"WALLET_CHECKUP_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "home").exists()


# Loaded on first use, never before the window is on screen (DESIGN.md, "Start-up").
NOT_BEFORE_FIRST_PAINT = (
    "keyring", "zxcvbn", "pyotp", "cryptography", "mnemonic", "sqlite3", "hashlib",
    "PySide6.QtSvg", "PySide6.QtPrintSupport",
    "checks.storage.store", "checks.storage.database", "checks.storage.keystore",
    "checks.storage.crypto", "checks.secrets",
    "checks.checkup", "checks.panic", "checks.phishing", "checks.directory",
    "checks.home", "checks.findings", "checks.i18n", "importlib.resources", "dataclasses",
    "datetime",
    "desktop.unlock", "desktop.ui.dialogs", "desktop.checkup.controller",
    "desktop.panic.controller", "desktop.settings_dialog", "desktop.ui.password_meter",
    "PySide6.QtNetwork", "desktop.instance_listener",
)  # fmt: skip


def test_first_paint_loads_only_the_home_screen(tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(' '.join(sorted(sys.modules))))\n"
        "from desktop.cli import main\n"
        "raise SystemExit(main(['--exit-after-first-paint']))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALLET_CHECKUP_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "desktop.home_page" in loaded
    early = [
        m
        for m in loaded
        for name in NOT_BEFORE_FIRST_PAINT
        if m == name or m.startswith(name + ".")
    ]
    assert early == []


def test_the_lighter_pyside_import_hook_answers_as_pysides_own(monkeypatch) -> None:
    """desktop.cli.lighten_pyside_import_hook (bench/RESULTS.md) must not change
    which modules PySide6 counts as using it."""
    import importlib
    import json

    import PySide6.QtCore  # noqa: F401

    from desktop.cli import lighten_pyside_import_hook

    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # restored after
    original = feature._mod_uses_pyside
    lighten_pyside_import_hook()
    lighter = feature._mod_uses_pyside
    assert lighter is not original
    names = ["desktop.main_window", "desktop.ui.widgets", "desktop.home_page",
             "checks.storage.settings", "checks.paths", "desktop.cli", "PySide6.QtCore",
             "sys", "_datetime"]  # fmt: skip
    modules = [importlib.import_module(name) for name in names] + [json]
    answers = {m.__name__: (lighter(m), original(m)) for m in modules}
    assert all(new == old for new, old in answers.values()), answers
    assert answers["desktop.main_window"] == (True, True)
    assert answers["checks.storage.settings"] == (False, False)
    lighten_pyside_import_hook()  # a second call changes nothing
    assert feature._mod_uses_pyside is lighter
