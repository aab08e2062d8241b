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
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from checks.storage import lock

if TYPE_CHECKING:  # QtNetwork is loaded after the first paint, or by a second start
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from desktop.main_window import MainWindow

ANSWER_WAIT_S = 5.0
LISTEN_AT_THE_LATEST_MS = 3000  # a window never painted (started minimised) listens too
COMMANDS = (b"show", b"panic")


def server_name(data_dir: Path) -> str:
    """The local socket's name (and the lock's): one per user and data folder."""
    from PySide6.QtCore import QCryptographicHash  # QtCore's: hashlib waits for the paint

    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = QCryptographicHash.hash(os.fsencode(data_dir), QCryptographicHash.Algorithm.Sha256)
    return f"wallet-checkup-{user}-{bytes(digest.toHex().data()).decode()[:20]}"


def lock_path(data_dir: Path) -> Path:
    """The window lock: in the user's runtime folder (else the temp folder, where
    Qt puts the local socket too), so the data folder gets no file from it."""
    from PySide6.QtCore import QDir

    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    base = Path(runtime) if runtime and os.path.isdir(runtime) else Path(QDir.tempPath())
    return base / f"{server_name(data_dir)}.lock"


def claim(data_dir: Path) -> int | None:
    """Hold this folder's window lock (the descriptor: keep it while the window
    is open); None when another window holds it (or the lock cannot be made)."""
    try:
        return lock.try_hold(lock_path(data_dir))
    except OSError:
        return None


def window_open(data_dir: Path) -> bool:
    """Is a window open on this data folder right now (any process but this one's lock)?"""
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


class Listener(QObject):
    """Answers later starts for ``window`` (a child of it)."""

    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.server: QLocalServer | None = None

    def listen(self) -> None:
        """Start listening (once; later calls do nothing)."""
        if self.server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(self.data_dir)
        if not server.listen(name):
            # A socket left by a window that was killed: we hold the lock, so it
            # is nobody's now.
            QLocalServer.removeServer(name)
            server.listen(name)
        server.newConnection.connect(lambda: self._accept(server))
        self.server = server

    def _accept(self, server: QLocalServer) -> None:
        while (connection := server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        data = bytes(connection.readAll().data())[:64]  # one word is expected
        for word in data.split(b"\n"):
            if word.strip() in COMMANDS:
                self._obey(word.strip())

    def _obey(self, word: bytes) -> None:
        window = self.window
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if word == b"panic":
            window.show_panic()


def listen_when_painted(window: MainWindow, data_dir: Path) -> Listener:
    """Listen once ``window`` is on screen (or after a few seconds at the latest)."""
    listener = Listener(window, data_dir)
    window.first_painted.connect(lambda: QTimer.singleShot(0, listener, listener.listen))
    QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, listener, listener.listen)
    return listener
