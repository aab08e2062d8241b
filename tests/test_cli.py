"""The command line contract (DESIGN.md), in real subprocesses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


WORDS = ["--lang", "--lang=", "en", "zh_CN", "fr", "--panic", "--exit-after-first-paint",
         "--lang=en", "--lang=zh_CN", "--lang=fr", "--pan", "--panic=1", "--version", "-h",
         "print", "check-link", "x", "--"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), max_size=5))
def test_the_window_shortcut_reads_the_command_line_as_argparse_does(argv: list[str]) -> None:
    """Plain window starts skip building the parser (bench/RESULTS.md, 1a).

    Whenever the shortcut gives an answer, it is argparse's own; anything it
    does not know goes to argparse.
    """
    from desktop.cli import build_parser, window_arguments

    quick = window_arguments(argv)
    if quick is None:
        return
    assert quick == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lang", "zh_CN"],
        ["--lang=en", "--panic"],
        ["--exit-after-first-paint", "--lang", "en"],
    ],
)
def test_plain_window_starts_take_the_shortcut(argv: list[str]) -> None:
    from desktop.cli import build_parser, window_arguments

    assert window_arguments(argv) == build_parser().parse_args(argv)


# The print subcommands are tested in tests/test_print_cli.py.


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


@pytest.mark.parametrize(
    ("text", "verdict", "wallet"),
    [
        ("https://token.im/download", "official", "imtoken"),
        ("token-im.com", "lookalike", "imtoken"),
        ("metamask.io.secure-login.com", "lookalike", "metamask"),
        ("github.com", "unknown", None),
        ("400-820-8820", "lookalike", None),  # a "hotline" (issue 17, item 3)
        ("imtoken客服电话 400-820-8820", "lookalike", "imtoken"),
    ],
)
def test_check_link_json_contract(tmp_path: Path, text: str, verdict: str, wallet: str) -> None:
    import json

    result = run("check-link", text, "--json", "--lang", "en", home=tmp_path)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == {"verdict", "wallet", "reason"}
    assert (answer["verdict"], answer["wallet"]) == (verdict, wallet)
    assert answer["reason"]


def test_check_link_answers_in_chinese(tmp_path: Path) -> None:
    import json

    result = run("check-link", "token-im.com", "--json", "--lang", "zh_CN", home=tmp_path)
    answer = json.loads(result.stdout)
    assert answer["verdict"] == "lookalike"
    assert re.search(r"[\u4e00-\u9fff]", answer["reason"])
    plain = run("check-link", "token-im.com", "--lang", "zh_CN", home=tmp_path)
    assert plain.stdout.startswith("仿冒")
    phone = run("check-link", "imToken 客服电话 400-820-8820", "--lang", "zh_CN", home=tmp_path)
    assert "imToken 没有电话客服" in phone.stdout


def test_check_link_default_language_follows_environment(tmp_path: Path) -> None:
    env_run = subprocess.run(
        [sys.executable, "-m", "desktop", "check-link", "token-im.com"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LANG": "zh_CN.UTF-8", "LANGUAGE": "", "LC_ALL": ""},
    )
    assert env_run.stdout.startswith("仿冒")


def test_global_lang_applies_to_check_link(tmp_path: Path) -> None:
    result = run("--lang", "zh_CN", "check-link", "token-im.com", home=tmp_path)
    assert result.stdout.startswith("仿冒")


def test_a_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "WALLET_CHECKUP_HOME": str(tmp_path)}
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "check-link", "token-im.com", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before anything is printed
    with child.stderr:
        errors = child.stderr.read().decode()
    assert child.wait(timeout=60) == 1
    assert "Traceback" not in errors


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--version"], 0),
        (["check-link", "token.im"], 0),
        (["print", "recovery-kit", "-o", "{tmp}/kit.pdf"], 0),
        (["print", "incident-report", "--case", "nope", "-o", "{tmp}/r.pdf"], 1),
        (["--no-such-flag"], 2),
        (["--exit-after-first-paint"], 0),
    ],
)
def test_windowed_build_without_stdout_or_stderr(
    tmp_path: Path, args: list[str], code: int
) -> None:
    """A windowed Windows build starts with sys.stdout and sys.stderr set to None."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    program = (
        "import sys\n"
        "sys.stdout = sys.stderr = None\n"
        "from desktop.cli import main\n"
        f"code = main({args!r})\n"
        "sys.__stdout__.write(f'exit={code}')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALLET_CHECKUP_HOME": str(tmp_path / "h")}
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.stdout.endswith(f"exit={code}"), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    if args[0] == "print" and code == 0:
        assert (tmp_path / "kit.pdf").stat().st_size > 10_000


def test_print_help_names_every_region() -> None:
    from checks.directory.reporting import REGION_IDS
    from desktop.cli import build_parser

    printing = build_parser()._subparsers._group_actions[0].choices["print"]  # type: ignore[union-attr]
    help_text = printing.format_help()
    assert all(region in help_text for region in REGION_IDS)
