"""Ask the operating system about Wi-Fi by running its own tool, safely.

:func:`probe_wifi` picks the command for the platform, runs it with a short
timeout and no console window, decodes what it printed and hands the text to
:func:`checks.probes.wifi.parse_wifi`. It never raises: a missing tool, a hang, a
refusal or a crash all become a :class:`~checks.probes.wifi.WifiStatus` with a
``reason``, so the checkup goes on and asks the user instead.

``run`` is injectable (same call shape as :func:`subprocess.run`) so tests
replace only the subprocess and feed captured outputs through the real code.
It runs a local command only; nothing here opens a network connection.
"""

from __future__ import annotations

import codecs
import locale
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from checks.probes.wifi import WifiStatus, parse_wifi, status_unknown

MAX_TIMEOUT = 3.0
CREATE_NO_WINDOW = 0x08000000  # subprocess.CREATE_NO_WINDOW, which exists only on Windows
NMCLI = ("nmcli", "-t", "-f", "ACTIVE,SSID,SECURITY", "device", "wifi", "list", "--rescan", "no")
SYSTEM_PROFILER = ("/usr/sbin/system_profiler", "SPAirPortDataType")
# Reasons the parser can find in a failed command's own words; any other
# failure is just "error".
_DIAGNOSED = {"location_permission", "no_wifi_adapter", "tool_missing", "wifi_off"}


def wifi_command(platform: str) -> tuple[str, tuple[str, ...]]:
    """The source name and the command line used on ``platform`` (a sys.platform value)."""
    if platform.startswith(("win32", "cygwin")):
        root = os.environ.get("SystemRoot", r"C:\Windows")
        # Full path: a netsh.exe planted in the working folder must not run instead.
        netsh = root.rstrip("\\/") + r"\System32\netsh.exe"
        return "netsh", (netsh, "wlan", "show", "interfaces")
    if platform.startswith("darwin"):
        return "macos", SYSTEM_PROFILER
    return "nmcli", NMCLI


def windows_console_encoding() -> str:
    """The OEM code page console tools such as netsh write in (cp936 on Chinese Windows)."""
    try:
        import ctypes  # Windows only

        windll = getattr(ctypes, "windll", None)
        if windll is not None:
            name = f"cp{int(windll.kernel32.GetOEMCP())}"
            codecs.lookup(name)
            return name
    except (ImportError, OSError, LookupError, ValueError, AttributeError):
        pass
    return locale.getpreferredencoding(False) or "utf-8"


def decode_output(data: object, encoding: str) -> str:
    """Bytes to text; strict first, then UTF-8, then ``encoding`` with replacement marks."""
    if isinstance(data, str):
        return data
    if not isinstance(data, (bytes, bytearray)):
        return ""
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "utf-8"
    for candidate in (encoding, "utf-8"):
        try:
            return bytes(data).decode(candidate)
        except UnicodeDecodeError:
            continue
    return bytes(data).decode(encoding, errors="replace")


def probe_wifi(
    platform: str = sys.platform,
    run: Callable[..., Any] = subprocess.run,
    timeout: float = MAX_TIMEOUT,
    *,
    encoding: str | None = None,
) -> WifiStatus:
    """Run the platform's Wi-Fi tool and read its answer. Never raises.

    ``encoding`` overrides how output bytes are decoded (tests use it to feed
    cp936 bytes); by default netsh output is read in the console's OEM code
    page and the others as UTF-8.
    """
    source, command = wifi_command(platform)
    try:
        return _probe(source, command, platform, run, timeout, encoding)
    except Exception:  # the promise is "never raises": a broken runner is just an error
        return status_unknown(source, "error")


def _probe(
    source: str,
    command: tuple[str, ...],
    platform: str,
    run: Callable[..., Any],
    timeout: float,
    encoding: str | None,
) -> WifiStatus:
    seconds = min(max(float(timeout), 0.1), MAX_TIMEOUT)
    options: dict[str, Any] = {"capture_output": True, "timeout": seconds, "check": False}
    if source == "nmcli":
        # English labels and "yes"/"no" whatever the desktop language is.
        options["env"] = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    if source == "netsh":
        options["creationflags"] = CREATE_NO_WINDOW
    if encoding is None:
        encoding = windows_console_encoding() if source == "netsh" else "utf-8"
    try:
        result = run(list(command), **options)
    except FileNotFoundError:
        return status_unknown(source, "tool_missing")
    except subprocess.TimeoutExpired:
        return status_unknown(source, "timeout")
    except OSError:
        return status_unknown(source, "error")
    returncode = getattr(result, "returncode", 1)
    stdout = decode_output(getattr(result, "stdout", b""), encoding)
    if returncode == 0:
        return parse_wifi(stdout, source)
    stderr = decode_output(getattr(result, "stderr", b""), encoding)
    status = parse_wifi(stdout + "\n" + stderr, source)
    if status.reason in _DIAGNOSED:
        return status
    return status_unknown(source, "error")
