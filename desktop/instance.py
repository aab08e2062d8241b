"""One window per data folder: starting the app again brings the open window
to the front (and into panic mode for ``--panic``) instead of opening a second.

Before anything is shown, a start only tries the folder's window lock
(:func:`checks.storage.lock.try_hold` on a file in the user's runtime or temp
folder, never in the data folder: an ``open`` and a ``flock``, no Qt network
module, nothing that delays the first paint). When another window holds it,
this start sends that window one word — ``show`` or ``panic`` — through a
local socket (``QLocalSocket``: a Unix domain socket or a Windows named pipe,
only for this user; never a network socket) and ends. The window that holds
the lock starts listening once it is painted.

If the open window does not answer within a few seconds (it may be stuck
before its first paint), the new start opens a window of its own: the data
is safe with two (the folder's open lock and SQLite serialise them).

What runs before the first paint is plain Python, imported before PySide6
(desktop.cli): about 0.3 ms. The listening side is
:mod:`desktop.instance_listener`, loaded after the paint.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from checks.storage import lock

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

ANSWER_WAIT_S = 5.0
LISTEN_AT_THE_LATEST_MS = 3000  # a window never painted (started minimised) listens too


def server_name(data_dir: Path) -> str:
    """The local socket's name (and the lock's): one per user and data folder.

    A 64-bit FNV-1a hash of the folder's path: a few microseconds, where
    hashlib would load OpenSSL before the first paint. Only one user's
    folders share a name space, so a collision would need two of their folders.
    """
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = 0xCBF29CE484222325
    for byte in os.fsencode(data_dir):
        digest = ((digest ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"wallet-checkup-{user}-{digest:016x}"


def lock_path(data_dir: Path) -> Path:
    """The window lock: in the user's runtime folder, else the temp folder (where
    Qt puts the local socket too), never in the data folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isdir(runtime):
        base = runtime
    elif os.name == "nt":  # pragma: no cover - Windows
        base = os.environ.get("TEMP") or os.environ.get("TMP") or "."
    else:
        base = os.environ.get("TMPDIR") or "/tmp"  # what QDir.tempPath() says
    return Path(base) / f"{server_name(data_dir)}.lock"


def claim(data_dir: Path) -> int | None:
    """Hold this folder's window lock (the descriptor: keep it while the window
    is open); None when another window holds it (or the lock cannot be made)."""
    try:
        return lock.try_hold(lock_path(data_dir))
    except OSError:
        return None


def window_open(data_dir: Path) -> bool:
    """Is a window open on this data folder right now (in another process)?"""
    try:
        return lock.is_held(lock_path(data_dir))
    except OSError:
        return False


def tell_running_window(data_dir: Path, panic: bool, wait_s: float = ANSWER_WAIT_S) -> bool:
    """Ask the window open on ``data_dir`` to come to the front; True when it heard."""
    from PySide6.QtNetwork import QLocalSocket  # blocking calls: no application needed

    name = server_name(data_dir)
    deadline = time.monotonic() + wait_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(b"panic\n" if panic else b"show\n")
            sent = socket.waitForBytesWritten(2000)
            socket.disconnectFromServer()
            return sent
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)  # the window is not listening yet: it is being painted


def listen_when_painted(window: MainWindow, data_dir: Path) -> None:
    """Listen once ``window`` is on screen (or after a few seconds at the latest):
    a child of the window named ``instanceListener``."""
    from PySide6.QtCore import QObject, QTimer  # the lock check before the paint loads no Qt

    def listen() -> None:
        from desktop.instance_listener import Listener  # QtNetwork: after the first paint

        if window.findChild(QObject, Listener.NAME) is None:
            Listener(window, server_name(data_dir))

    window.first_painted.connect(lambda: QTimer.singleShot(0, window, listen))
    QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, window, listen)
