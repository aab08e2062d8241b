"""``wallet-checkup print …`` in real subprocesses, offscreen, with data seeded
through the real store (the key shared with the subprocess by a test-only
keyring backend, tests/keyring_backend.py)."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
import report_samples as S
from keyring_backend import ENV, FileKeyring
from report_samples import normalise

from checks.panic import evidence
from checks.paths import Paths
from checks.storage import store as data

TESTS = Path(__file__).parent
ROOT = TESTS.parent


@dataclass
class Home:
    path: Path
    keyring_file: Path
    case_id: str = ""
    run_ids: tuple[int, ...] = ()


def run(
    home: Home,
    *args: str,
    keyring: str = "keyring_backend.FileKeyring",
    env: dict[str, str] | None = None,
):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WALLET_CHECKUP_HOME": str(home.path),
        "PYTHON_KEYRING_BACKEND": keyring,
        ENV: str(home.keyring_file),
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)]),
        "LANG": "en_US.UTF-8",
        "LANGUAGE": "",
        "LC_ALL": "",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", "print", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
        cwd=str(home.path.parent),
    )


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return normalise("".join(page.extract_text() for page in reader.pages))


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wallet-checkup: ")
    return lines[0]


@pytest.fixture
def empty_home(tmp_path: Path) -> Home:
    return Home(tmp_path / "home", tmp_path / "keyring.json")


@pytest.fixture
def seeded(tmp_path: Path) -> Home:
    """Two checkups and one case with evidence, saved encrypted like the app does."""
    home = Home(tmp_path / "home", tmp_path / "keyring.json")
    paths = Paths(home.path)
    outcome = data.open_store(paths, FileKeyring(home.keyring_file))
    store = outcome.store
    assert store is not None
    previous, current = S.sample_runs()
    older = store.add_checkup_run(
        previous.created_at, previous.score.overall, previous.urgent_count, previous.to_payload()
    )
    newer = store.add_checkup_run(
        current.created_at, current.score.overall, current.urgent_count, current.to_payload()
    )
    case = S.sample_case()
    source = tmp_path / "screenshot.png"
    source.write_bytes(S.EVIDENCE["wallet-screenshot.png"])
    case = evidence.add_file(case, source, paths, store, S.NOW)
    store.save_case(case.id, case.opened_at, case.status, case.to_payload(), S.NOW)
    store.close()
    home.case_id, home.run_ids = case.id, (newer, older)
    return home


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_recovery_kit_without_any_saved_data(empty_home: Home, language: str) -> None:
    out = empty_home.path.parent / f"kit-{language}.pdf"
    result = run(empty_home, "recovery-kit", "--lang", language, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and str(out) in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    pages = len(pypdf.PdfReader(str(out)).pages)
    assert 1 <= pages <= 2
    text = text_of(out)
    assert "MetaMask" in text and "https://token.im" in text
    assert ("Recoverykit" in text) if language == "en" else ("应急手册" in text)
    assert not empty_home.path.exists()  # nothing was created: there was no data to read


def test_recovery_kit_lists_the_wallets_of_the_latest_checkup(seeded: Home) -> None:
    out = seeded.path.parent / "kit.pdf"
    result = run(seeded, "recovery-kit", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "TokenPocket" in text and "Ledger" in text and "MetaMask" not in text
    assert "Thewalletsyounamedinyourlastcheckup." in text


@pytest.mark.parametrize("extra", [["--lang", "en"], ["--lang", "zh_CN"], ["--bilingual"]])
def test_incident_report(seeded: Home, extra: list[str]) -> None:
    out = seeded.path.parent / "incident.pdf"
    result = run(seeded, "incident-report", "--case", seeded.case_id, *extra, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert S.ETH_TX in text and S.THIEF in text and seeded.case_id in text
    assert S.EVIDENCE_SHA in text  # the evidence manifest, with the file's SHA-256
    if extra != ["--lang", "en"]:
        assert "事件报告" in text


def test_checkup_report_latest_and_by_id(seeded: Home) -> None:
    _newer, older = seeded.run_ids
    out = seeded.path.parent / "checkup.pdf"
    result = run(seeded, "checkup-report", "-o", str(out))
    assert result.returncode == 0, result.stderr
    previous, current = S.sample_runs()
    assert f"Score{current.score.overall}of100" in text_of(out)
    assert "Sinceyourlastcheckup(2026-10-20)" in text_of(out)
    result = run(seeded, "checkup-report", "--run", str(older), "--force", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"Score{previous.score.overall}of100" in text_of(out)
    assert "Thisisyourfirstsavedcheckup" in text_of(out)


def test_a_missing_case(seeded: Home) -> None:
    out = seeded.path.parent / "r.pdf"
    line = one_line_error(run(seeded, "incident-report", "--case", "nope", "-o", str(out)))
    assert "no case with the id nope" in line and seeded.case_id in line
    assert not out.exists()
    line = one_line_error(run(seeded, "incident-report", "-o", str(out)))
    assert "--case ID" in line and seeded.case_id in line


def test_an_existing_file_needs_force(seeded: Home) -> None:
    out = seeded.path.parent / "kit.pdf"
    out.write_bytes(b"my own file")
    line = one_line_error(run(seeded, "recovery-kit", "-o", str(out)))
    assert "already exists" in line and "--force" in line
    assert out.read_bytes() == b"my own file"
    result = run(seeded, "recovery-kit", "--force", "-o", str(out))
    assert result.returncode == 0 and out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("where", ["missing-folder/kit.pdf", "."])
def test_an_unwritable_path(empty_home: Home, where: str) -> None:
    target = empty_home.path.parent / where
    line = one_line_error(run(empty_home, "recovery-kit", "-o", str(target)))
    assert "does not exist" in line or "is a folder" in line


def test_nothing_saved_yet(empty_home: Home) -> None:
    out = empty_home.path.parent / "x.pdf"
    assert "no saved checkup" in one_line_error(run(empty_home, "checkup-report", "-o", str(out)))
    assert "no saved cases" in one_line_error(
        run(empty_home, "incident-report", "--case", "abc", "-o", str(out))
    )


def test_an_unknown_run(seeded: Home) -> None:
    line = one_line_error(
        run(seeded, "checkup-report", "--run", "999", "-o", str(seeded.path.parent / "x.pdf"))
    )
    assert "no checkup with the id 999" in line


def test_no_keyring_is_a_clear_error_and_changes_nothing(seeded: Home) -> None:
    before = sorted(p.name for p in seeded.path.iterdir())
    out = seeded.path.parent / "x.pdf"
    line = one_line_error(
        run(seeded, "checkup-report", "-o", str(out), keyring="keyring.backends.fail.Keyring")
    )
    assert "no system keyring" in line
    assert sorted(p.name for p in seeded.path.iterdir()) == before  # nothing kept aside
    # The kit does not need the saved data: it says so and lists the common wallets.
    result = run(seeded, "recovery-kit", "-o", str(out), keyring="keyring.backends.fail.Keyring")
    assert result.returncode == 0 and "most common wallets" in result.stderr
    assert "MetaMask" in text_of(out)


def test_a_passphrase_is_never_read_from_a_pipe(empty_home: Home) -> None:
    paths = Paths(empty_home.path)
    paths.ensure()  # as the window does when someone chooses a passphrase (desktop/unlock.py)
    data.setup_passphrase(data.create_database(paths), "correct horse battery staple").close()
    line = one_line_error(
        run(empty_home, "checkup-report", "-o", str(empty_home.path.parent / "x.pdf"))
    )
    assert "protected by a passphrase" in line and "terminal" in line


def test_the_print_command_loads_no_widgets(empty_home: Home) -> None:
    out = empty_home.path.parent / "kit.pdf"
    code = (
        "import sys; from desktop.cli import main;"
        f"rc = main(['print', 'recovery-kit', '-o', {str(out)!r}]);"
        "print(rc, sorted(m for m in sys.modules if m.startswith('PySide6.')))"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WALLET_CHECKUP_HOME": str(empty_home.path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("0 "), result.stderr
    assert "PySide6.QtWidgets" not in last and "PySide6.QtPrintSupport" not in last
    assert "PySide6.QtGui" in last


@pytest.mark.parametrize("kind", ["symlink", "dangling symlink", "fifo"])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_only_a_regular_file_is_ever_replaced(
    empty_home: Home, tmp_path: Path, kind: str, force: list[str]
) -> None:
    """``os.replace`` would swap a link, a pipe or a device node for the PDF: refused,
    even with --force (only ever tried on files made in tmp_path)."""
    target = tmp_path / "kit.pdf"
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    if kind == "symlink":
        target.symlink_to(precious)
    elif kind == "dangling symlink":
        target.symlink_to(tmp_path / "nowhere")
    else:
        os.mkfifo(target)
    line = one_line_error(run(empty_home, "recovery-kit", *force, "-o", str(target)))
    assert "not a regular file" in line and str(target) in line
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    else:
        assert target.is_symlink()
    assert precious.read_text() == "keep me"
    assert not [p.name for p in tmp_path.iterdir() if ".tmp-wc-" in p.name]  # no leftovers


@pytest.mark.parametrize(("region", "name"), [("CN", "中国大陆"), ("US", "美国"), ("GB", "英国")])
def test_recovery_kit_region_on_the_command_line(empty_home: Home, region: str, name: str) -> None:
    out = empty_home.path.parent / f"kit-{region}.pdf"
    result = run(empty_home, "recovery-kit", "--lang", "zh_CN", "--region", region, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert normalise(name) in text_of(out)


@pytest.mark.parametrize(
    ("document", "region", "problem"),
    [
        ("recovery-kit", "XX", "There is no region XX"),
        ("checkup-report", "CN", "--region is only for the recovery kit"),
    ],
)
def test_a_wrong_region_is_a_clear_error(document: str, region: str, problem: str) -> None:
    from argparse import Namespace

    from desktop.cli.print_command import PrintError, kit_region

    with pytest.raises(PrintError, match=problem):
        kit_region(Namespace(document=document, region=region))
    assert kit_region(Namespace(document="recovery-kit", region="cn")) == "CN"
    assert kit_region(Namespace(document="recovery-kit")) is None  # the contract without it


def test_without_a_region_the_language_decides_when_the_locale_names_no_country(
    empty_home: Home,
) -> None:
    """LANG=C and --lang zh_CN: Mainland China's bodies, not only the worldwide ones."""
    out = empty_home.path.parent / "kit-c.pdf"
    env_lang = {"LANG": "C", "LC_ALL": "C"}
    result = run(empty_home, "recovery-kit", "--lang", "zh_CN", "-o", str(out), env=env_lang)
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert normalise("中国大陆") in text and "96110" in text
