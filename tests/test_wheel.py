"""The wheel carries resources and compiled translations, and they load from it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    src = tmp_path_factory.mktemp("src") / "wallet-checkup"
    # Build from a clean copy of the tracked sources, as a release would.
    files = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_bytes((ROOT / name).read_bytes())
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (found,) = out.glob("wallet_checkup-*.whl")
    return found


def test_wheel_contains_resources_and_mo(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "resources/locale/zh_CN/LC_MESSAGES/wallet_checkup.mo" in names
    assert "resources/icons/app.svg" in names
    assert "checks/__init__.py" in names and "desktop/cli/__init__.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "wallet-checkup = desktop.cli:main" in text


def test_installed_wheel_finds_translations_elsewhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    code = (
        "import desktop.i18n as i, desktop, importlib.resources as r;"
        "i.set_language('zh_CN'); print(i._('Wallet Checkup'));"
        "print(r.files('resources').joinpath('icons', 'app.svg').is_file());"
        "print(desktop.__file__)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    lines = result.stdout.split("\n")
    assert lines[0] == "钱包安全体检", result.stderr
    assert lines[1] == "True"
    assert lines[2].startswith(str(target))  # really the installed copy
