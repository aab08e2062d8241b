"""Turn what the automatic probes found into proposed answers.

A proposal carries its basis ("nmcli: WPA2") so the page can say what it
was based on; the user can always correct it. When a probe cannot tell,
there is no proposal and the question is simply asked.
"""

from __future__ import annotations

from dataclasses import dataclass

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
