"""Promise: the application opens no network connection, ever.

In this process every test runs with internet sockets and name lookups
forbidden (tests/conftest.py, ``_no_internet``), so the checkup, panic,
printing and check-link tests all prove it at the Python level. Here the
app also runs as a real subprocess under strace, which sees every socket
the process (Qt included) creates.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import _ATTEMPTS, InternetForbidden

pytestmark = pytest.mark.security
STRACE = shutil.which("strace")


def test_the_in_process_guard_is_active() -> None:
    with pytest.raises(InternetForbidden):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(InternetForbidden):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    with pytest.raises(InternetForbidden):
        socket.getaddrinfo("example.com", 443)
    local = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)  # D-Bus stays possible
    local.close()
    # Each attempt is also recorded, so one the app catches still fails the test.
    assert len(_ATTEMPTS) == 3
    _ATTEMPTS.clear()


def traced(args: list[str], home: Path, tmp_path: Path) -> tuple[int, list[str]]:
    log = tmp_path / "strace.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALLET_CHECKUP_HOME": str(home)}
    result = subprocess.run(
        [
            STRACE or "strace",
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect,sendto",
            "-o",
            str(log),
            sys.executable,
            "-m",
            "desktop",
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    lines = log.read_text().splitlines() if log.exists() else []
    return result.returncode, lines


@pytest.mark.skipif(
    STRACE is None and os.environ.get("WALLET_CHECKUP_REQUIRE_STRACE") != "1",
    reason="strace is not installed",
)
@pytest.mark.parametrize(
    "args",
    [
        ["--exit-after-first-paint"],
        ["--exit-after-first-paint", "--panic", "--lang", "zh_CN"],
        ["check-link", "https://token-im.com/support", "--json"],
        ["print", "recovery-kit", "--lang", "zh_CN", "-o", "{tmp}/kit.pdf"],
    ],
)
def test_no_internet_connection_under_strace(args: list[str], tmp_path: Path) -> None:
    assert STRACE is not None, "CI must install strace"
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, lines = traced(args, tmp_path / "home", tmp_path)
    assert code == 0, lines[-5:]  # it really ran: a failing run would prove nothing
    if args[0] == "print":
        assert (tmp_path / "kit.pdf").stat().st_size > 10_000
    internet = [line for line in lines if re.search(r"AF_INET6?\b", line)]
    assert internet == [], internet[:5]


@pytest.mark.skipif(STRACE is None, reason="strace is not installed")
def test_strace_would_see_a_connection(tmp_path: Path) -> None:
    """Control: the same tracing catches an internet socket when there is one."""
    log = tmp_path / "control.log"
    code = "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"
    subprocess.run(
        [
            STRACE or "strace",
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect,sendto",
            "-o",
            str(log),
            sys.executable,
            "-c",
            code,
        ],
        check=True,
        timeout=60,
    )
    assert re.search(r"socket\(AF_INET, SOCK_STREAM", log.read_text())
