"""Turn what the automatic probes found into proposed answers.

A proposal carries its basis ("nmcli: WPA2") so the page can say what it
was based on; the user can always correct it. When a probe cannot tell,
there is no proposal and the question is simply asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.device import ProbeResult
from checks.network import WifiStatus


@dataclass(frozen=True)
class Proposal:
    question: str
    value: str
    basis: str  # e.g. "nmcli: WPA2"


def from_wifi(status: WifiStatus) -> Proposal | None:
    if status.security != "unknown":
        raw = status.raw_security or status.security.upper()
        return Proposal("wifi_security", status.security, f"{status.source}: {raw}")
    if status.reason == "not_connected":
        return Proposal("wifi_security", "wired", f"{status.source}: not connected to Wi-Fi")
    return None


def from_device(result: ProbeResult) -> Proposal | None:
    """A yes/no from a device probe; updates only ever propose "automatic"."""
    if result.status == "unknown":
        return None
    if result.check == "os_updates":
        return (
            Proposal("os_updates", "automatic", result.source) if result.status == "yes" else None
        )
    return Proposal(result.check, result.status, result.source)


def run_probes(topic: str) -> list[Proposal]:
    """Run the automatic checks for ``topic`` (blocking: call off the UI thread).

    Each probe has its own timeout and never raises; what it cannot tell
    simply produces no proposal, and the question is asked instead.
    """
    proposals: list[Proposal] = []
    if topic == "network":
        from checks.probes import probe_wifi

        wifi = from_wifi(probe_wifi())
        if wifi is not None:
            proposals.append(wifi)
    elif topic == "device":
        from checks.device_probes import probe_device

        for result in probe_device():
            proposal = from_device(result)
            if proposal is not None:
                proposals.append(proposal)
    return proposals
