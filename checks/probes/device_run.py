"""Run the operating system's own tools for the "Device" checks, safely.

:func:`probe_device` answers the four questions of :mod:`checks.probes.device` for
this computer, following the table in :mod:`checks.probes.device_plan`. Every
command runs with a short timeout (3 s at most), no console window and no
admin rights; a missing tool, a hang, a refusal or a crash becomes an
"unknown" :class:`~checks.probes.device.ProbeResult` with a reason, so the checkup
goes on and asks the user instead. It never raises. Steps of a check are
tried in order: the first "yes" wins, else the first "no", else the most
telling "unknown".

``run`` (same call shape as :func:`subprocess.run`), ``reg`` (registry
reader), ``read_text`` and ``env`` are injectable, so tests replace only the
operating system and feed captured outputs through the real code. Nothing
here opens a network connection.
"""

from __future__ import annotations

import importlib
import math
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from checks.probes.device import CHECKS, ProbeResult, unknown
from checks.probes.device_plan import ReadFile, ReadRegistry, Run, Step, probe_plan
from checks.probes.wifi_run import decode_output, windows_console_encoding

MAX_TIMEOUT = 3.0
CREATE_NO_WINDOW = 0x08000000  # subprocess.CREATE_NO_WINDOW exists only on Windows
RegistryReader = Callable[[str, str, str], object]
TextReader = Callable[[str], str]


# ------------------------------------------------------------------------ runner

# When no step could tell, the most useful "why" to show, most telling first.
_REASON_ORDER = ("permission", "timeout", "error", "unrecognised_output", "not_supported")


class _Failed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def windows_registry_reader(hive: str, key: str, name: str) -> object:
    """One value through ``winreg`` (imported here: it exists only on Windows); None if absent."""
    winreg: Any = importlib.import_module("winreg")
    root = {"HKCU": winreg.HKEY_CURRENT_USER, "HKLM": winreg.HKEY_LOCAL_MACHINE}[hive]
    try:
        with winreg.OpenKey(root, key) as handle:
            return winreg.QueryValueEx(handle, name)[0]
    except FileNotFoundError:
        return None


def _read_small_text(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read(1 << 16)


@dataclass(frozen=True)
class _Context:
    windows: bool
    run: Callable[..., Any]
    timeout: float
    reg: RegistryReader
    read_text: TextReader
    env: Mapping[str, str]
    encoding: str


def _run(command: Run, ctx: _Context) -> str:
    options: dict[str, Any] = {
        "capture_output": True,
        "stdin": subprocess.DEVNULL,  # a GUI app has no console for a tool to wait on
        "timeout": ctx.timeout,
        "check": False,
    }
    if ctx.windows:
        options["creationflags"] = CREATE_NO_WINDOW
    else:
        # English words whatever the desktop language (Windows tools are read in both).
        options["env"] = {**ctx.env, "LC_ALL": "C", "LANG": "C"}
    try:
        result = ctx.run(list(command.argv), **options)
    except FileNotFoundError:
        raise _Failed("tool_missing") from None
    except subprocess.TimeoutExpired:
        raise _Failed("timeout") from None
    except PermissionError:
        raise _Failed("permission") from None
    except OSError:
        raise _Failed("error") from None
    if getattr(result, "returncode", 1) not in command.ok_codes:
        raise _Failed("error")
    text = decode_output(getattr(result, "stdout", b""), ctx.encoding)
    if command.stderr:
        stderr = decode_output(getattr(result, "stderr", b""), ctx.encoding)
        text = "\n".join(part for part in (text, stderr) if part)
    return text


def _gather(source: Run | ReadFile | ReadRegistry, ctx: _Context) -> object:
    if isinstance(source, Run):
        return _run(source, ctx)
    try:
        if isinstance(source, ReadFile):
            return ctx.read_text(source.path)
        values = {name: ctx.reg(source.hive, source.key, name) for name in source.names}
        return {name: value for name, value in values.items() if value is not None}
    except FileNotFoundError:
        raise _Failed("tool_missing") from None
    except PermissionError:
        raise _Failed("permission") from None
    except ImportError:
        raise _Failed("not_supported") from None
    except (OSError, ValueError):
        raise _Failed("error") from None


def _step(check: str, step: Step, ctx: _Context) -> ProbeResult:
    try:
        result = step.parse(*(_gather(source, ctx) for source in step.inputs))
    except _Failed as failure:
        return unknown(check, step.source, failure.reason)
    if not isinstance(result, ProbeResult) or result.check != check:
        return unknown(check, step.source, "error")
    return result


def _probe_check(check: str, steps: tuple[Step, ...], ctx: _Context) -> ProbeResult:
    results: list[ProbeResult] = []
    for step in steps:
        if step.fallback and any(result.status != "unknown" for result in results):
            continue
        result = _step(check, step, ctx)
        if result.status == "yes":
            return result
        results.append(result)
    for result in results:
        if result.status == "no":
            return result
    for reason in _REASON_ORDER:
        for result in results:
            if result.reason == reason:
                return result
    return results[0] if results else unknown(check, "none", "not_supported")


def probe_device(
    platform: str = sys.platform,
    run: Callable[..., Any] = subprocess.run,
    timeout: float = MAX_TIMEOUT,
    reg: RegistryReader | None = None,
    *,
    env: Mapping[str, str] | None = None,
    read_text: TextReader | None = None,
    encoding: str | None = None,
) -> list[ProbeResult]:
    """One :class:`ProbeResult` per check, in :data:`checks.probes.device.CHECKS` order.

    Never raises.

    Blocking (a few commands of at most ``timeout`` seconds each, 3 s cap):
    call it off the UI thread. ``encoding`` overrides how command output is
    decoded (by default the console's OEM code page on Windows - netsh is
    localized, cp936 on Chinese Windows - and UTF-8 elsewhere).
    """
    environ = dict(os.environ if env is None else env)
    windows = platform.startswith(("win32", "cygwin"))
    try:
        seconds = min(max(float(timeout), 0.1), MAX_TIMEOUT)
    except (TypeError, ValueError):
        seconds = MAX_TIMEOUT
    if not math.isfinite(seconds):
        seconds = MAX_TIMEOUT
    ctx = _Context(
        windows=windows,
        run=run,
        timeout=seconds,
        reg=reg or windows_registry_reader,
        read_text=read_text or _read_small_text,
        env=environ,
        encoding=encoding or (windows_console_encoding() if windows else "utf-8"),
    )
    try:
        plan = probe_plan(platform, environ)
    except Exception:  # the promise is "never raises"
        plan = {}
    answers = []
    for check in CHECKS:
        try:
            answers.append(_probe_check(check, plan.get(check, ()), ctx))
        except Exception:  # a broken runner or reader is just an error for that check
            answers.append(unknown(check, "none", "error"))
    return answers
