"""The wheel: it carries every module, resources and compiled translations, and
the app works from it when installed without ``-e`` (issue 15: a wheel once
left out checks/checkup, checks/panic and checks/reports)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def source_files() -> list[str]:
    """What a release is built from: the tracked files (and new ones not ignored)."""
    return subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    src = tmp_path_factory.mktemp("src") / "wallet-checkup"
    # Build from a clean copy of the tracked sources, as a release would.
    for name in source_files():
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


def test_wheel_holds_every_python_file_of_the_sources(wheel: Path) -> None:
    """Every ``.py`` under checks/, desktop/ and resources/ is in the wheel."""
    wanted = {
        name
        for name in source_files()
        if name.endswith(".py")
        and name.split("/", 1)[0] in ("checks", "desktop", "resources")
        and (ROOT / name).is_file()
    }
    names = set(zipfile.ZipFile(wheel).namelist())
    assert len(wanted) > 100
    assert sorted(wanted - names) == []
    assert "checks/reports/recovery_kit.py" in names  # one that was once left out


def fresh_venv(where: Path) -> Path:
    """A new virtual environment that sees this one's dependencies (PySide6 …)
    but not this checkout: its own site-packages first, then ours by a plain
    path line (a path in a .pth file is not a site dir, so the editable install's
    import hook in ours is never run). Works offline."""
    import sysconfig

    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120
    )
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "test-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    return python


def test_the_installed_wheel_runs_panic_print_and_check_link(wheel: Path, tmp_path: Path) -> None:
    """``pip install`` of the wheel (no ``-e``) into a fresh environment; each
    command runs in a fresh process from there, away from this checkout."""
    python = fresh_venv(tmp_path / "venv")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
         "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    command = python.parent / ("wallet-checkup.exe" if os.name == "nt" else "wallet-checkup")
    assert command.exists()
    work = tmp_path / "work"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")} | {
        "QT_QPA_PLATFORM": "offscreen",
        "WALLET_CHECKUP_HOME": str(tmp_path / "data"),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(command), *args], capture_output=True, text=True, cwd=work, env=env, timeout=120
        )

    panic = run("--panic", "--exit-after-first-paint", "--lang", "en")
    assert panic.returncode == 0, panic.stderr
    assert "could not start" not in panic.stderr

    printed = run("print", "recovery-kit", "--lang", "en", "-o", "kit.pdf")
    assert printed.returncode == 0, printed.stderr
    assert (work / "kit.pdf").read_bytes()[:5] == b"%PDF-"

    link = run("check-link", "https://metamask.io", "--json")
    assert link.returncode == 0, link.stderr
    assert '"verdict": "official"' in link.stdout

    # It really was the installed copy that ran.
    where = subprocess.run(
        [str(python), "-c", "import checks.reports, desktop; print(desktop.__file__)"],
        capture_output=True, text=True, cwd=work, env=env, timeout=60,
    )  # fmt: skip
    assert where.stdout.startswith(str(tmp_path / "venv")), where.stdout + where.stderr
