"""``wallet-checkup scan [--home DIR] [--pictures] [--json]``: exit codes, the JSON
contract, both languages, and no secret in what it prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench import scan_home  # noqa: E402


def scan(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "scan", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    for relative, (data, _kind) in scan_home.planted_files().items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


@pytest.mark.security
def test_json_with_findings_exits_1_and_holds_no_secret(planted: Path) -> None:
    result = scan("--home", str(planted), "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert {(f["path"], f["kind"]) for f in data["secret_files"]} == {
        (p.path, p.kind) for p in scan_home.expected()
    }
    assert set(data) >= {"secret_files", "extensions", "remote_access", "stats"}
    assert "secret_pictures" not in data
    for secret in scan_home.planted_secrets():
        piece = secret.replace("\u3000", " ").split()
        probe = " ".join(piece[:2]) if len(piece) > 1 else secret[:12]
        assert probe not in result.stdout and probe not in result.stderr


def test_human_output_in_chinese(planted: Path) -> None:
    result = scan("--home", str(planted), "--lang", "zh_CN")
    assert result.returncode == 1
    assert "这台电脑上小偷能找到什么" in result.stdout
    assert "[紧急] 文件里存有助记词：Documents/notes/wallet.txt" in result.stdout
    assert "只删除是不够的" in result.stdout


def test_nothing_found_exits_0(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("buy milk\n", encoding="utf-8")
    result = scan("--home", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stats"]["files"] == 1


def test_errors_exit_2_with_one_plain_line(tmp_path: Path) -> None:
    missing = scan("--home", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert missing.stderr.strip() == f"Not a folder: {tmp_path / 'nope'}"
