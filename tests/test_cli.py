"""The command line contract (DESIGN.md), in real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks import __version__


def run(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALLET_CHECKUP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_version(tmp_path: Path) -> None:
    result = run("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"wallet-checkup {__version__}"


@pytest.mark.parametrize("args", [["--bogus"], ["--lang", "fr"], ["print"], ["frobnicate"]])
def test_bad_usage_prints_usage_and_exits_2(tmp_path: Path, args: list[str]) -> None:
    result = run(*args, home=tmp_path)
    assert result.returncode == 2
    assert "usage: wallet-checkup" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["print", "recovery-kit", "-o", "kit.pdf"],
        ["print", "incident-report", "--case", "x", "-o", "r.pdf"],
        ["check-link", "token.im", "--json"],
    ],
)
def test_reserved_subcommands_say_not_available(tmp_path: Path, args: list[str]) -> None:
    result = run(*args, home=tmp_path)
    assert result.returncode == 2
    assert "not available yet" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_exit_after_first_paint(tmp_path: Path, lang: str) -> None:
    result = run("--exit-after-first-paint", "--lang", lang, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_first_paint_writes_nothing_and_leaves_keyring_alone(tmp_path: Path) -> None:
    """The data is opened after the first paint, so this run creates no files."""
    result = run("--exit-after-first-paint", "--panic", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not tmp_path.exists() or list(tmp_path.iterdir()) == []


def test_startup_does_not_import_slow_modules() -> None:
    code = (
        "import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from desktop.app import run_app; import desktop.main_window;"
        "slow = {'keyring', 'zxcvbn', 'pyotp', 'cryptography', 'mnemonic',"
        " 'PySide6.QtPrintSupport'};"
        "print(sorted(slow & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stderr
