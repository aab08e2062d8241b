"""The automatic checks of a checkup (network and device), run as the app runs them.

``checks.checkup.detect.run_probes(topic)`` goes through the real probe
code; only the operating system is replaced — a ``run`` callable answering
with outputs captured from real machines (tests/fixtures/wifi and
tests/fixtures/device), as the tests do. Both topics run at once in the
app's background helper on a QThreadPool while a 1 ms probe watches the
event loop. The real probes of this machine are timed too, for information.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QObject, QThreadPool

from bench.loop_probe import LoopProbe, application, wait_for
from bench.measure import INFO, REPO, Row, median, ms, verdict

TOTAL_BUDGET = 2.0
TIMEOUT_BUDGET = 3.0
STALL_BUDGET = 0.050
WIFI = REPO / "tests" / "fixtures" / "wifi"
DEVICE = REPO / "tests" / "fixtures" / "device"
GNOME = {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME", "PATH": "/usr/bin"}


class FixtureSystem:
    """Answers like ``subprocess.run`` from captured outputs; remembers every timeout asked."""

    def __init__(self, answers: dict[str, tuple[int, bytes, bytes]]) -> None:
        self.answers = answers
        self.timeouts: list[float] = []

    def __call__(self, argv: list[str], **options: Any) -> SimpleNamespace:
        self.timeouts.append(float(options.get("timeout", float("inf"))))
        command = " ".join(argv)
        for pattern, (code, stdout, stderr) in self.answers.items():
            if pattern in command:
                return SimpleNamespace(returncode=code, stdout=stdout, stderr=stderr)
        raise FileNotFoundError(argv[0])


def linux_gnome_system() -> tuple[FixtureSystem, Callable[[str], str]]:
    """A GNOME desktop on Linux: nmcli, lsblk, systemctl, gsettings, apt-config, ufw.conf."""

    def data(folder: Any, name: str) -> bytes:
        return bytes((folder / name).read_bytes())

    system = FixtureSystem(
        {
            "nmcli": (0, data(WIFI, "nmcli_active_ssid_security_chan_freq_signal.txt"), b""),
            "MOUNTPOINTS": (
                0,
                data(DEVICE, "lsblk_public_fedora_luks_btrfs_mountpoints.json"),
                b"",
            ),
            "is-active firewalld": (3, b"inactive\n", b""),
            "lock-enabled": (0, data(DEVICE, "gsettings_lock_enabled_true.txt"), b""),
            "idle-delay": (0, data(DEVICE, "gsettings_idle_delay_300.txt"), b""),
            "lock-delay": (0, data(DEVICE, "gsettings_lock_delay_0.txt"), b""),
            "apt-config": (0, data(DEVICE, "apt_config_local_not_configured.txt"), b""),
            "download-updates": (0, data(DEVICE, "gsettings_download_updates_true.txt"), b""),
        }
    )
    ufw = (DEVICE / "ufw_conf_CONSTRUCTED_enabled.txt").read_text(encoding="utf-8")
    files = {"/etc/ufw/ufw.conf": ufw}
    return system, lambda path: files[path]


@contextmanager
def fixture_probes(system: FixtureSystem, read_text: Callable[[str], str]) -> Iterator[None]:
    """Make ``run_probes`` call the real probes with the fixture system (Linux, GNOME)."""
    import checks.probes.device_run as device_probes
    import checks.probes.wifi_run as wifi_probes

    real_wifi, real_device = wifi_probes.probe_wifi, device_probes.probe_device
    wifi_probes.probe_wifi = functools.partial(real_wifi, "linux", system)
    device_probes.probe_device = functools.partial(
        real_device, "linux", system, env=GNOME, read_text=read_text
    )
    try:
        yield
    finally:
        wifi_probes.probe_wifi = real_wifi
        device_probes.probe_device = real_device


def run_both_in_background() -> tuple[float, float, dict[str, int]]:
    """Both topics at once through ``run_in_background``; (seconds, max stall, proposals)."""
    from checks.checkup.detect import run_probes
    from desktop.background import run_in_background

    application()
    owner = QObject()
    pool = QThreadPool.globalInstance()
    found: dict[str, int] = {}
    errors: list[Exception] = []

    def deliver(topic: str) -> Callable[[list[Any]], None]:
        return lambda proposals: found.__setitem__(topic, len(proposals))

    probe = LoopProbe(1)
    probe.start()
    wait_for(timeout=0.05, until=lambda: False)  # the probe runs before the work starts
    start = time.perf_counter()
    for topic in ("network", "device"):
        run_in_background(
            functools.partial(run_probes, topic),
            deliver(topic),
            errors.append,
            owner=owner,
            pool=pool,
        )
    wait_for(timeout=30, until=lambda: len(found) + len(errors) == 2)
    seconds = time.perf_counter() - start
    wait_for(timeout=0.05, until=lambda: False)  # and a little after
    probe.stop()
    pool.waitForDone(30_000)
    if errors:
        raise RuntimeError(f"run_probes raised: {errors[0]!r}")
    return seconds, probe.max_stall, found


def timeout_defaults() -> dict[str, float]:
    import checks.probes.device_run as device_probes
    import checks.probes.wifi_run as wifi_probes

    return {
        "probe_wifi": float(
            inspect.signature(wifi_probes.probe_wifi).parameters["timeout"].default
        ),
        "probe_device": float(
            inspect.signature(device_probes.probe_device).parameters["timeout"].default
        ),
        "probes.MAX_TIMEOUT": wifi_probes.MAX_TIMEOUT,
        "device_probes.MAX_TIMEOUT": device_probes.MAX_TIMEOUT,
    }


def run(quick: bool) -> list[Row]:
    system, read_text = linux_gnome_system()
    times: list[float] = []
    stalls: list[float] = []
    proposals: dict[str, int] = {}
    with fixture_probes(system, read_text):
        for _ in range(1 if quick else 5):
            seconds, stall, proposals = run_both_in_background()
            times.append(seconds)
            stalls.append(stall)
    total, stall = median(times), max(stalls)
    defaults = timeout_defaults()
    longest = max(defaults.values())
    asked = max(system.timeouts, default=float("inf"))
    rows = [
        Row(
            "3a",
            "Automatic checks, network + device at once, captured outputs"
            f" (median of {len(times)})",
            ms(total),
            f"<= {TOTAL_BUDGET:g} s",
            verdict(total <= TOTAL_BUDGET and len(proposals) == 2),
            note=f"proposals: {proposals.get('network', 0)} network,"
            f" {proposals.get('device', 0)} device;"
            f" {len(system.timeouts) // len(times)} commands each time",
        ),
        Row(
            "3b",
            "Timeout of each real probe (parameter defaults and caps; largest asked of `run`)",
            f"{longest:g} s",
            f"<= {TIMEOUT_BUDGET:g} s",
            verdict(longest <= TIMEOUT_BUDGET and asked <= TIMEOUT_BUDGET),
            note=", ".join(f"{name} {value:g} s" for name, value in defaults.items())
            + f"; asked {asked:g} s",
        ),
        Row(
            "3c",
            "Longest event-loop stall while the checks run in run_in_background",
            ms(stall),
            f"<= {ms(STALL_BUDGET)}",
            verdict(stall <= STALL_BUDGET),
        ),
    ]
    seconds, stall, found = run_both_in_background()  # this machine, real commands
    rows.append(
        Row(
            "3d",
            "The same with this machine's real commands (nmcli, lsblk, systemctl …)",
            ms(seconds),
            "-",
            INFO,
            note=f"longest stall {ms(stall)}; proposals: {found}",
        )
    )
    return rows
