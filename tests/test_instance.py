"""A second start while a window is open brings that window to the front
(issue 15, item 2): it opens no second window, and only a local socket."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QObject

from desktop import instance
from desktop.app import make_application, start
from desktop.cli import window_arguments
from desktop.panic.wizard import PanicWizard


@pytest.fixture
def open_window(qtbot, paths, memory_keyring):
    """A window as run_app makes it: holding the folder's window lock, listening."""
    window_lock = instance.claim(paths.data_dir)
    assert window_lock is not None
    window, ctx = start(window_arguments(["--lang", "en"]), make_application([]))
    qtbot.add_widget(window)
    ctx.keyring_backend = memory_keyring
    ctx.remember_window = False
    instance.listen_when_painted(window, paths.data_dir)
    qtbot.wait_until(lambda: window.findChild(QObject, "instanceListener"), timeout=10_000)
    qtbot.wait_until(lambda: ctx.store is not None, timeout=10_000)
    yield window
    ctx.storage_pool.waitForDone(5_000)
    ctx.store.close()
    instance.lock.release(window_lock)


def second_start(paths, *args: str, strace_log: Path | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALLET_CHECKUP_HOME": str(paths.data_dir)}
    command = [sys.executable, "-m", "desktop", *args]
    if strace_log is not None:
        command = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(strace_log),
                   *command]  # fmt: skip
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_a_second_start_brings_the_open_window_into_panic_mode(qtbot, open_window, paths) -> None:
    assert not isinstance(open_window.stack.currentWidget(), PanicWizard)
    second = second_start(paths, "--panic")
    # A second window would run until closed: this one ends by itself, at once.
    qtbot.wait_until(lambda: second.poll() is not None, timeout=60_000)
    _out, err = second.communicate()
    assert second.returncode == 0, err
    qtbot.wait_until(lambda: isinstance(open_window.stack.currentWidget(), PanicWizard))


def test_what_runs_before_the_first_paint_is_plain_python(paths) -> None:
    """A normal start tries the window lock before its first paint: that part
    loads no Qt module (QtNetwork comes after the paint, or in a second start)."""
    code = (
        "import sys; from pathlib import Path; import desktop.instance as i\n"
        "fd = i.claim(Path(sys.argv[1]))\n"
        "print(fd is not None, sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(paths.data_dir)], capture_output=True, text=True
    )
    assert result.stdout.split() == ["True", "[]"], result.stderr


def test_without_an_open_window_the_lock_is_free(paths) -> None:
    held = instance.claim(paths.data_dir)
    assert held is not None
    assert instance.claim(paths.data_dir) is None  # the next start sees it taken
    instance.lock.release(held)
    again = instance.claim(paths.data_dir)  # a closed (or killed) window leaves nothing
    assert again is not None
    instance.lock.release(again)


def test_a_start_that_gets_no_answer_opens_its_own_window(paths) -> None:
    held = instance.claim(paths.data_dir)  # a window that never listens (stuck)
    assert instance.tell_running_window(paths.data_dir, panic=False, wait_s=0.3) is False
    instance.lock.release(held)


@pytest.mark.security
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.skipif(
    shutil.which("strace") is None and os.environ.get("WALLET_CHECKUP_REQUIRE_STRACE") != "1",
    reason="strace is not installed",
)
def test_the_second_start_uses_a_local_socket_only(qtbot, open_window, paths, tmp_path) -> None:
    log = tmp_path / "strace.log"
    second = second_start(paths, strace_log=log)
    qtbot.wait_until(lambda: second.poll() is not None, timeout=60_000)
    _out, err = second.communicate()
    assert second.returncode == 0, err
    calls = log.read_text().splitlines()
    assert any("AF_UNIX" in line for line in calls)  # the local socket, seen
    assert not [line for line in calls if re.search(r"AF_INET6?\b", line)]
