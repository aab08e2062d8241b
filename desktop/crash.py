"""A calm dialog instead of a traceback, and a log without user data.

The log records the exception *type* and the code locations (file, line,
function) only — never the exception message or variables, which could
hold something the user typed.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from checks import __version__
from checks.files import stamp, write_private


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    import platform  # only when something went wrong

    lines = [
        f"Wallet Checkup {__version__} on {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        f"Error type: {exc_type.__module__}.{exc_type.__qualname__}",
        "Where (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines) + "\n"


def write_log(logs_dir: Path, exc_type: type[BaseException], tb: TracebackType | None) -> Path:
    from datetime import datetime, timezone  # datetime: not before the first paint

    now = datetime.now(timezone.utc)
    path = logs_dir / f"crash-{stamp(now)}.log"
    write_private(path, describe(exc_type, tb).encode("utf-8"))
    return path


def install(logs_dir: Callable[[], Path], show: Callable[[str], None]) -> None:
    """Route uncaught exceptions (any thread) to a log and ``show(log_path)``."""

    def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            path = str(write_log(logs_dir(), exc_type, tb))
        except OSError:
            path = "-"
        with contextlib.suppress(Exception):
            show(path)

    def handle_thread(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            handle(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = handle
    threading.excepthook = handle_thread
