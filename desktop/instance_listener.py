"""The open window's side of :mod:`desktop.instance`: a local server that
later starts of the app talk to. Loaded after the first paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

COMMANDS = (b"show", b"panic")


class Listener(QObject):
    """Answers later starts for ``window`` (a child of it): "show" brings it to
    the front, "panic" also opens panic mode. Anything else is ignored."""

    NAME = "instanceListener"

    def __init__(self, window: MainWindow, name: str) -> None:
        super().__init__(window)
        self.setObjectName(self.NAME)
        self.window = window
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)  # this user only
        if not server.listen(name):
            # A socket left by a window that was killed: we hold the window lock,
            # so it is nobody's now.
            QLocalServer.removeServer(name)
            server.listen(name)
        server.newConnection.connect(self._accept)
        self.server = server

    def _accept(self) -> None:
        while (connection := self.server.nextPendingConnection()) is not None:
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
