"""Turn what the automatic probes found into proposed answers, with their reasons.

Every probe result becomes a :class:`Proposal`, also when it could not
tell: then ``value`` is None and ``basis`` says why ("Could not tell:
Windows only shares Wi-Fi details with apps that may use your location …"),
so the page can help instead of just asking. ``basis`` and ``note`` are
translatable messages; the window translates them when it shows them. The
user can always correct a proposed answer.

Nothing here names the network (SSID): only how it is protected.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.i18n import N_, Msg, msg
from checks.probes.device import REASON_DETAILS, ProbeResult
from checks.probes.wifi import EXPLANATIONS, WifiStatus

TOOLS = {"nmcli": "nmcli", "netsh": "netsh", "macos": "system_profiler"}
SECURITY_NAMES = {
    "open": N_("open, no password"),
    "wep": "WEP",
    "wpa": "WPA",
    "wpa2": "WPA2",
    "wpa3": "WPA3",
    "enterprise": N_("work or school login with 802.1X"),
}
NOT_ON_WIFI = {
    "not_connected": N_("Detected with {tool}: this computer is not on Wi-Fi right now."),
    "no_wifi_adapter": N_("Detected with {tool}: this computer has no Wi-Fi adapter switched on."),
    "wifi_off": N_("Detected with {tool}: Wi-Fi is switched off."),
}
DETECTED = N_("Detected with {tool}: {security}.")
DETECTED_RAW = N_("Detected with {tool}: {security} (shown as \u201c{raw}\u201d).")
COULD_NOT_TELL = N_("Could not tell: {why}")
DETECTED_WITH = N_("Detected with {tool}.")


@dataclass(frozen=True)
class Proposal:
    """What one probe found for one question.

    ``value`` is the proposed answer, or None when the probe could not tell
    (or found something the question must still ask, such as "updates are
    not automatic", which may be "manual" or "behind"). ``basis`` is the
    one line shown under the question; ``note`` optional further words.
    """

    question: str
    value: str | None
    basis: Msg
    note: Msg | None = None


def _tool(source: str) -> str:
    return TOOLS.get(source, source)


def _informative(raw: str | None, security: str) -> bool:
    if raw is None or raw.strip() in ("", "--"):
        return False
    return raw.strip().upper() != str(SECURITY_NAMES.get(security, "")).upper()


def from_wifi(status: WifiStatus) -> Proposal:
    tool = _tool(status.source)
    if status.security != "unknown":
        name = Msg(SECURITY_NAMES[status.security])
        if _informative(status.raw_security, status.security):
            basis = msg(DETECTED_RAW, tool=tool, security=name, raw=str(status.raw_security))
        else:
            basis = msg(DETECTED, tool=tool, security=name)
        return Proposal("wifi_security", status.security, basis, status.explanation)
    if status.reason in NOT_ON_WIFI:
        note = None if status.reason == "not_connected" else status.explanation
        return Proposal("wifi_security", "wired", msg(NOT_ON_WIFI[status.reason], tool=tool), note)
    why = status.explanation or Msg(EXPLANATIONS["error"])
    return Proposal("wifi_security", None, msg(COULD_NOT_TELL, why=why))


def from_device(result: ProbeResult) -> Proposal:
    """A yes/no from a device probe; updates only ever propose "automatic"."""
    if result.status == "unknown":
        why = result.detail or Msg(REASON_DETAILS[result.reason or "error"])
        return Proposal(result.check, None, msg(COULD_NOT_TELL, why=why))
    said = result.detail or msg(DETECTED_WITH, tool=result.source)
    if result.check == "os_updates":
        return Proposal(result.check, "automatic" if result.status == "yes" else None, said)
    return Proposal(result.check, result.status, said)


def run_probes(topic: str) -> list[Proposal]:
    """Run the automatic checks for ``topic`` (blocking: call off the UI thread).

    Each probe has its own timeout and never raises; what it cannot tell
    comes back as a proposal without a value that says why.
    """
    if topic == "network":
        # Loaded here, in the probe's worker thread: not on the UI thread with the checkup.
        from checks.probes.wifi_run import probe_wifi

        return [from_wifi(probe_wifi())]
    if topic == "device":
        from checks.probes.device_run import probe_device  # as above

        return [from_device(result) for result in probe_device()]
    return []
