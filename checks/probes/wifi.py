"""What kind of Wi-Fi is this computer on? Read from the operating system's own tool.

``parse_wifi(text, source)`` reads what one of three tools printed and never
raises for any text: a checkup must not crash because Windows answered in an
unexpected language or macOS hid a name. When it cannot tell, it says *why*
in ``reason`` (a short code from :data:`REASONS`) and gives plain words in
``explanation`` so the user can answer the question by hand instead.

Sources (the probe in :mod:`checks.probes.wifi_run` runs exactly these commands):

``"nmcli"``  ``nmcli -t -f ACTIVE,SSID,SECURITY device wifi list --rescan no``
             run with ``LC_ALL=C``. Terse rows are split on *unescaped* colons
             (``\\:`` is a colon inside a value, ``\\\\`` a backslash). Only the
             first three fields are read, so extra trailing fields do no harm.
``"netsh"``  ``netsh wlan show interfaces`` in English or Simplified Chinese,
             with ASCII or full-width colons and any number of interfaces.
``"macos"``  ``system_profiler SPAirPortDataType``: the "Current Network
             Information" of the Wi-Fi card (``awdl0``/``llw0`` are AirDrop and
             low-latency links, never the network the user is on).

Security mapping - what the network *accepts*, so the weakest mode it lets a
device use. That is the honest answer to "could someone nearby get in or read
along":

* nothing / ``--`` / ``Open`` / ``开放式`` / ``None``       -> ``"open"``
* OWE, "Enhanced Open"                                   -> ``"open"``: the air
  is encrypted but anyone may join and a look-alike hotspot needs no password,
  which is exactly the public-Wi-Fi risk we warn about; ``raw_security`` keeps
  "OWE" so the UI can say so.
* anything with 802.1X / Enterprise / 企业                -> ``"enterprise"``
* WEP (also Windows' ``Shared`` and ``Open`` + cipher WEP) -> ``"wep"``
* WPA1 or WPA-Personal, alone or mixed with WPA2          -> ``"wpa"``
* WPA2, and WPA2/WPA3 transition mode                     -> ``"wpa2"``
* WPA3 / SAE only                                         -> ``"wpa3"``
* anything else                                           -> ``"unknown"``
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checks.i18n import N_, InputError, Msg, msg

SOURCES = ("nmcli", "netsh", "macos")
SECURITY_LEVELS = ("open", "wep", "wpa", "wpa2", "wpa3", "enterprise", "unknown")
REASONS = (
    "not_connected",  # Wi-Fi is on but joined to no network
    "no_wifi_adapter",  # the computer has no (enabled) Wi-Fi hardware
    "location_permission",  # Windows 11 24H2+ hides Wi-Fi details without Location
    "wifi_off",  # the radio is switched off
    "unrecognised_output",  # the text tells nothing we can read
    "tool_missing",  # the command (or NetworkManager behind nmcli) is not there
    "timeout",  # the command took too long
    "error",  # the command failed in some other way
)

EXPLANATIONS: dict[str, str] = {
    "not_connected": N_(
        "This computer is not connected to a Wi-Fi network right now. If you go online "
        "by cable or through your phone, please answer the Wi-Fi question yourself."
    ),
    "no_wifi_adapter": N_(
        "This computer has no Wi-Fi adapter switched on. If you go online by cable, "
        "public Wi-Fi is not a risk for this computer."
    ),
    "location_permission": N_(
        "Windows only shares Wi-Fi details with apps that may use your location. To let "
        "this check see them, open Settings, then Privacy & security, then Location, and "
        "turn on \u201cLocation services\u201d and \u201cLet desktop apps access your "
        "location\u201d. Then run the check again. Or simply answer the Wi-Fi question "
        "yourself \u2014 that works just as well."
    ),
    "wifi_off": N_("Wi-Fi is switched off on this computer, so it is not using any Wi-Fi."),
    "unrecognised_output": N_(
        "The system described its Wi-Fi in a way this app does not understand. "
        "Please answer the Wi-Fi question yourself."
    ),
    "tool_missing": N_(
        "This computer does not have the tool that reports Wi-Fi details (on Linux this "
        "is NetworkManager). Please answer the Wi-Fi question yourself."
    ),
    "timeout": N_(
        "The system took too long to report its Wi-Fi details. Please answer the Wi-Fi "
        "question yourself, or try again in a moment."
    ),
    "error": N_(
        "The system could not report its Wi-Fi details this time. Please answer the "
        "Wi-Fi question yourself."
    ),
}
HIDDEN_NAME = N_(
    "macOS keeps the network's name from this app, but it did show how the network is "
    "protected, which is what this check needs."
)


@dataclass(frozen=True)
class WifiStatus:
    """The network this computer is on, or why that could not be told.

    Invariant: when ``reason`` is set, ``ssid`` is None and ``security`` is
    ``"unknown"``. ``ssid`` may also be None while connected (macOS hides it
    without Location access). ``raw_security`` is the label as the tool
    printed it, for "Detected with nmcli: WPA2 WPA3".
    """

    ssid: str | None
    security: str
    source: str
    reason: str | None = None
    raw_security: str | None = None
    explanation: Msg | None = None

    @property
    def connected(self) -> bool:
        return self.reason is None


def status_unknown(source: str, reason: str) -> WifiStatus:
    """A status that could not tell, with the kind words for ``reason``."""
    return WifiStatus(None, "unknown", source, reason, None, msg(EXPLANATIONS[reason]))


def parse_wifi(text: str, source: str) -> WifiStatus:
    """Read one tool's output. Raises InputError only for an unknown source."""
    if source not in SOURCES:
        raise InputError(
            msg(N_("Unknown Wi-Fi source \u201c{source}\u201d."), source=str(source)[:40])
        )
    if not isinstance(text, str):
        raise InputError(msg(N_("The Wi-Fi tool output must be text.")))
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if source == "nmcli":
        return _parse_nmcli(text)
    if source == "netsh":
        return _parse_netsh(text)
    return _parse_macos(text)


def _connected(source: str, ssid: str | None, raw: str | None, security: str) -> WifiStatus:
    return WifiStatus(ssid or None, security, source, None, raw, None)


# --------------------------------------------------------------- security


def classify_security(raw: str) -> str:
    """Map any tool's security label to one of :data:`SECURITY_LEVELS`."""
    label = raw.strip().upper()
    words = set(re.split(r"[^A-Z0-9.\u4e00-\u9fff]+", label)) - {""}
    if label in {"", "--", "NONE", "OPEN", "开放式", "开放", "无"}:
        return "open"
    if "OWE" in words or "ENHANCED OPEN" in label:
        return "open"
    if "802.1X" in label or "ENTERPRISE" in label or "企业" in label:
        return "enterprise"
    if "WEP" in label or label in {"SHARED", "共享"}:
        return "wep"
    levels = []
    if words & {"WPA", "WPA1"}:
        levels.append("wpa")
    if "WPA2" in words:
        levels.append("wpa2")
    if words & {"WPA3", "SAE"}:
        levels.append("wpa3")
    return min(levels, key=SECURITY_LEVELS.index) if levels else "unknown"


# ------------------------------------------------------------------ nmcli


def split_terse(line: str) -> list[str]:
    """Split one ``nmcli -t`` row on unescaped colons, undoing ``\\:`` and ``\\\\``."""
    fields, current, chars = [], [], iter(line)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


_NMCLI_ERRORS = (
    ("NetworkManager is not running", "tool_missing"),
    ("Could not create NMClient object", "tool_missing"),
    ("No Wi-Fi device found", "no_wifi_adapter"),
)


def _parse_nmcli(text: str) -> WifiStatus:
    for needle, reason in _NMCLI_ERRORS:
        if needle.lower() in text.lower():
            return status_unknown("nmcli", reason)
    if text.lstrip().startswith("Error:"):
        return status_unknown("nmcli", "error")
    rows = [split_terse(line) for line in text.split("\n") if line.strip()]
    if not rows:
        return status_unknown("nmcli", "not_connected")  # an empty list: no network in use
    readable = [row for row in rows if len(row) >= 3 and row[0].strip() in {"yes", "no"}]
    if not readable:
        return status_unknown("nmcli", "unrecognised_output")
    for active, ssid, security, *_ in readable:
        if active.strip() == "yes":
            return _connected("nmcli", ssid, security, classify_security(security))
    return status_unknown("nmcli", "not_connected")


# ------------------------------------------------------------------ netsh

_KEYS = {
    "name": "name",
    "名称": "name",
    "state": "state",
    "状态": "state",
    "ssid": "ssid",
    "authentication": "auth",
    "身份验证": "auth",
    "cipher": "cipher",
    "密码": "cipher",
    "加密": "cipher",
    "radio status": "radio",
    "无线电状态": "radio",
}
_CONNECTED = {"connected", "已连接"}
_LOCATION = ("location permission", "位置权限", "ms-settings:privacy-location")
_NO_ADAPTER = (
    "there is no wireless interface",
    "there is no such wireless interface",
    "there is 0 interface",
    "there are 0 interfaces",
    "系统上没有无线接口",
    "系统上没有此类无线接口",
)


def _key_value(line: str) -> tuple[str, str] | None:
    """Split ``key : value`` at the first ASCII or full-width colon."""
    match = re.search("[:\uff1a]", line)
    if match is None:
        return None
    return line[: match.start()].strip(), line[match.end() :].strip()


def _netsh_blocks(text: str) -> Iterator[dict[str, str]]:
    """One dict per interface; a new ``Name``/``名称`` line starts the next."""
    block: dict[str, str] = {}
    last = ""
    for line in text.split("\n"):
        pair = _key_value(line)
        if pair is None:
            if last == "radio" and line.strip():  # "Software Off" continuation line
                block["radio"] += " " + line.strip()
            continue
        key = _KEYS.get(pair[0].lower(), "")
        last = key
        if not key:
            continue
        if key == "name" and block:
            yield block
            block = {}
        block.setdefault(key, pair[1])
    if block:
        yield block


def _parse_netsh(text: str) -> WifiStatus:
    blocks = [block for block in _netsh_blocks(text) if "state" in block]
    for block in blocks:
        if block["state"].lower() in _CONNECTED:
            raw = block.get("auth")
            if raw is None:
                return _connected("netsh", block.get("ssid"), None, "unknown")
            security = classify_security(raw)
            if security == "open" and "WEP" in block.get("cipher", "").upper():
                security = "wep"  # Open authentication with a WEP key is WEP
            return _connected("netsh", block.get("ssid"), raw, security)
    lowered = text.lower()
    if any(needle in lowered for needle in _LOCATION):
        return status_unknown("netsh", "location_permission")
    if any(needle in lowered for needle in _NO_ADAPTER):
        return status_unknown("netsh", "no_wifi_adapter")
    if "wlansvc" in lowered:  # the Wireless AutoConfig service is stopped
        return status_unknown("netsh", "wifi_off")
    if not blocks:
        return status_unknown("netsh", "unrecognised_output")
    if all(_radio_off(block.get("radio", "")) for block in blocks):
        return status_unknown("netsh", "wifi_off")
    return status_unknown("netsh", "not_connected")


def _radio_off(radio: str) -> bool:
    radio = radio.lower().replace(" ", "")
    return any(word in radio for word in ("hardwareoff", "softwareoff", "硬件关", "软件关"))


# ------------------------------------------------------------------ macOS

_IFACE = re.compile(r"[a-z]{2,6}\d{1,3}")
_SIDE_LINKS = ("awdl", "llw")  # AirDrop and low-latency links, not the user's network
_OTHER_NETWORKS = {"other local wi-fi networks", "local wi-fi networks"}


@dataclass
class _Card:
    name: str
    indent: int
    card_type: str | None = None
    status: str | None = None
    in_current: bool = False
    network: str | None = None
    security: str | None = None


def _macos_cards(text: str) -> list[_Card]:
    """Walk the report once, by indentation, collecting each interface's facts.

    A line ending in ``:`` is a heading (an interface, a section, or a network
    name, which may itself contain colons); any other line is ``key: value``.
    """
    cards: list[_Card] = []
    card: _Card | None = None
    mode = ""  # "", "current" or "other"
    for line in text.split("\n"):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped.endswith(":"):
            heading = stripped[:-1].strip()
            if _IFACE.fullmatch(heading) and (card is None or mode == "" or indent <= card.indent):
                card, mode = _Card(heading, indent), ""
                cards.append(card)
            elif card is not None and heading.lower() == "current network information":
                card.in_current, mode = True, "current"
            elif heading.lower() in _OTHER_NETWORKS:
                mode = "other"
            elif card is not None and mode == "current" and card.network is None:
                card.network = heading
            continue
        pair = _key_value(line)
        if card is None or mode == "other" or pair is None:
            continue
        key = pair[0].lower()
        if mode == "current" and key == "security":
            card.security = pair[1]
        elif mode == "" and key == "card type":
            card.card_type = pair[1]
        elif mode == "" and key == "status":
            card.status = pair[1]
    return cards


def _parse_macos(text: str) -> WifiStatus:
    cards = [c for c in _macos_cards(text) if not c.name.startswith(_SIDE_LINKS)]
    wifi = [c for c in cards if c.card_type is not None] or cards
    for card in wifi:
        if card.in_current and (card.network is not None or card.security is not None):
            name = card.network
            hidden = name is not None and name.strip().lower() in {"<redacted>", "<hidden>"}
            raw = card.security
            security = classify_security(raw) if raw is not None else "unknown"
            return WifiStatus(
                None if hidden else name or None,
                security,
                "macos",
                None,
                raw,
                msg(HIDDEN_NAME) if hidden else None,
            )
    if not wifi:
        has_section = "interfaces" in text.lower() and "wi-fi" in text.lower()
        return status_unknown("macos", "no_wifi_adapter" if has_section else "unrecognised_output")
    if any((c.status or "").strip().lower() == "off" for c in wifi):
        return status_unknown("macos", "wifi_off")
    return status_unknown("macos", "not_connected")
