"""Shape rules from STYLE.md that code review alone would miss."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

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
