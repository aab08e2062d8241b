"""Is this computer locked down? Read the answer from the operating system's own tools.

The checkup's "Device" step asks four questions: is the disk encrypted, is a
firewall on, does the screen lock by itself, are updates automatic. Each
``parse_*`` function here reads what one tool printed and returns a
:class:`ProbeResult`. They never raise, whatever the text: a checkup must not
crash because a tool answered in a way nobody foresaw. When a function cannot
tell, the status is ``"unknown"`` with a ``reason`` and the UI simply asks the
user - an honest "we could not see" beats a wrong "yes".

Only what an ordinary user may read is read; nothing needs admin rights.
:mod:`checks.probes.device_plan` holds the table of tools per operating system,
:mod:`checks.probes.device_run` runs them; this module only interprets their words.

"Yes" is strict on purpose. A false "yes" would hide a real risk, so a status
is "yes" only when the tool states it plainly, and "no" only when it states
the opposite; anything in between is "unknown".
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from checks.i18n import N_, Msg, msg

CHECKS = ("disk_encryption", "firewall", "screen_lock", "os_updates")
STATUSES = ("yes", "no", "unknown")
REASONS = (
    "tool_missing",  # the command (or the setting) does not exist on this computer
    "timeout",  # the command took too long
    "permission",  # the system refused to let us read it
    "error",  # the command failed in some other way
    "unrecognised_output",  # it answered, but in words we cannot read
    "not_supported",  # this computer has no way we know to tell without admin rights
)
# Locking later than this leaves an unattended computer open too long.
MAX_LOCK_SECONDS = 15 * 60

REASON_DETAILS: dict[str, str] = {
    "tool_missing": N_(
        "This computer does not have the system tool this check uses. "
        "Please answer this question yourself."
    ),
    "timeout": N_("The system took too long to answer. Please answer this question yourself."),
    "permission": N_(
        "The system did not let this app read the setting. Please answer this question yourself."
    ),
    "error": N_(
        "The system tool for this check reported an error. Please answer this question yourself."
    ),
    "unrecognised_output": N_(
        "The system answered in a way this app does not understand. "
        "Please answer this question yourself."
    ),
    "not_supported": N_(
        "This app cannot check this by itself on this computer. "
        "Please answer this question yourself."
    ),
}


@dataclass(frozen=True)
class ProbeResult:
    """One answer about this computer.

    ``check`` is one of :data:`CHECKS`, ``status`` one of :data:`STATUSES`,
    ``source`` the short name of what the answer was based on ("fdesetup",
    "lsblk", "netsh advfirewall", "registry" ...). ``detail`` is plain words
    for the UI (marked for translation); ``reason`` is set exactly when the
    status is "unknown" and is one of :data:`REASONS`.
    """

    check: str
    status: str
    source: str
    detail: Msg | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.check not in CHECKS or self.status not in STATUSES:
            raise ValueError(f"bad probe result {self.check!r}/{self.status!r}")
        if (self.status == "unknown") != (self.reason in REASONS):
            raise ValueError(f"status {self.status!r} does not fit reason {self.reason!r}")


def found(check: str, status: str, source: str, text: str, **fields: object) -> ProbeResult:
    """A "yes" or "no" with its explanation."""
    return ProbeResult(check, status, source, msg(text, **fields))


def unknown(check: str, source: str, reason: str, detail: Msg | None = None) -> ProbeResult:
    """Could not tell; ``detail`` defaults to the plain explanation of ``reason``."""
    if reason not in REASONS:
        reason = "error"
    return ProbeResult(check, "unknown", source, detail or Msg(REASON_DETAILS[reason]), reason)


def plain_words(text: str) -> str:
    """Lower case with runs of white space folded, for phrase matching."""
    return " ".join(str(text).lower().split())


def as_int(value: object) -> int | None:
    """An integer from a registry value or a word, or None (never raises)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,18}\s*", value):
        return int(value)
    return None


def minutes(seconds: int) -> int:
    """Whole minutes, rounded up, for messages such as "locks after 5 minutes"."""
    return max(1, math.ceil(seconds / 60))


# --------------------------------------------------------------- disk encryption


def parse_fdesetup(text: str) -> ProbeResult:
    """macOS ``fdesetup status``: FileVault on, off, turning on or turning off."""
    words, check, source = plain_words(text), "disk_encryption", "fdesetup"
    if "decryption in progress" in words:
        detail = N_("Detected with fdesetup: FileVault is being turned off.")
        return found(check, "no", source, detail)
    if "will be enabled after the next restart" in words:
        return found(
            check,
            "no",
            source,
            N_(
                "Detected with fdesetup: FileVault will be turned on after the next restart. "
                "Restart your Mac to finish turning it on."
            ),
        )
    if "encryption in progress" in words:
        return found(
            check,
            "yes",
            source,
            N_(
                "Detected with fdesetup: FileVault is on and still encrypting the disk. "
                "Keep your Mac plugged in until it finishes."
            ),
        )
    if "filevault is on" in words:
        return found(check, "yes", source, N_("Detected with fdesetup: FileVault is on."))
    if "filevault is off" in words:
        return found(check, "no", source, N_("Detected with fdesetup: FileVault is off."))
    return unknown(check, source, "unrecognised_output")


def _mountpoints(device: Mapping[str, Any]) -> list[str]:
    """Both spellings: util-linux >= 2.37 ``mountpoints`` (a list), older ``mountpoint``."""
    values = device.get("mountpoints")
    if not isinstance(values, list):
        values = [device.get("mountpoint")]
    return [value for value in values if isinstance(value, str)]


def _walk(
    devices: object, ancestors: tuple[Mapping[str, Any], ...] = ()
) -> Iterator[tuple[Mapping[str, Any], tuple[Mapping[str, Any], ...]]]:
    """Every device in ``lsblk -J``'s nested tree with the devices it sits on."""
    if not isinstance(devices, list) or len(ancestors) > 32:
        return
    for device in devices:
        if isinstance(device, dict):
            yield device, ancestors
            yield from _walk(device.get("children"), (*ancestors, device))


def _is_crypt(device: Mapping[str, Any]) -> bool:
    return device.get("type") == "crypt" or device.get("fstype") == "crypto_LUKS"


def parse_lsblk(text: str) -> ProbeResult:
    """Linux ``lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS``: is "/" on an encrypted device?

    ``lsblk -J`` nests a device under the one it is built on (disk -> part ->
    crypt -> lvm), so the root file system is encrypted when it, or any
    device it sits on, is a ``crypt`` mapping or a ``crypto_LUKS`` container.
    """
    check, source = "disk_encryption", "lsblk"
    try:
        tree = json.loads(text)
    except (ValueError, RecursionError):
        return unknown(check, source, "unrecognised_output")
    devices = tree.get("blockdevices") if isinstance(tree, dict) else None
    for device, ancestors in _walk(devices):
        if "/" in _mountpoints(device):
            if any(_is_crypt(each) for each in (*ancestors, device)):
                return found(
                    check,
                    "yes",
                    source,
                    N_("Detected with lsblk: the disk that holds your system is encrypted."),
                )
            return found(
                check,
                "no",
                source,
                N_("Detected with lsblk: the disk that holds your system is not encrypted."),
            )
    # Live sessions, containers, network or ZFS roots: no block device holds "/".
    return unknown(check, source, "unrecognised_output")


def parse_bitlocker(text: str, drive: str = "C:") -> ProbeResult:
    """Windows shell property ``System.Volume.BitLockerProtection`` of the system drive.

    Read through PowerShell because it needs no admin rights (``manage-bde``
    does). Only values whose meaning public sources agree on are mapped (see
    tests/fixtures/device/SOURCES.md): 1 on, 3 encrypting, 2 off. Anything
    else (suspended, decrypting, empty on editions without BitLocker) is
    "unknown" and the user is asked.
    """
    check, source = "disk_encryption", "BitLocker"
    value = as_int(str(text).strip())
    if value == 1:
        detail = N_("Detected with Windows: BitLocker is on for drive {drive}.")
        return found(check, "yes", source, detail, drive=drive)
    if value == 3:
        detail = N_("Detected with Windows: BitLocker is encrypting drive {drive} right now.")
        return found(check, "yes", source, detail, drive=drive)
    if value == 2:
        detail = N_("Detected with Windows: BitLocker is off for drive {drive}.")
        return found(check, "no", source, detail, drive=drive)
    return unknown(check, source, "unrecognised_output")


# --------------------------------------------------------------------- firewall


def parse_socketfilterfw(text: str) -> ProbeResult:
    """macOS ``socketfilterfw --getglobalstate``: State 1 (on), 2 (block all) or 0 (off)."""
    words, check, source = plain_words(text), "firewall", "socketfilterfw"
    state = re.search(r"\(state = (\d+)\)", words)
    if (state and state.group(1) in ("1", "2")) or (not state and "firewall is enabled" in words):
        detail = N_("Detected with socketfilterfw: the macOS firewall is on.")
        return found(check, "yes", source, detail)
    if (state and state.group(1) == "0") or (not state and "firewall is disabled" in words):
        detail = N_("Detected with socketfilterfw: the macOS firewall is off.")
        return found(check, "no", source, detail)
    return unknown(check, source, "unrecognised_output")


# netsh labels follow the display language; these cover English and Chinese
# (Windows 7 says 打开, Windows 10/11 启用; 关闭/禁用 for off, see SOURCES.md).
_PROFILE_WORDS = {
    "domain": ("domain", "域", "網域"),
    "private": ("private", "专用", "私人"),
    "public": ("public", "公用"),
}
_STATE_LABELS = ("state", "状态", "狀態")
_ON = {"on", "打开", "启用", "开启", "開啟", "啟用"}
_OFF = {"off", "关闭", "禁用", "關閉", "停用"}
_PROFILE_PHRASES = {
    "domain": N_("workplace (domain) networks"),
    "private": N_("private networks such as your home"),
    "public": N_("public networks such as cafés and airports"),
}


def _profile_of(line: str) -> str | None:
    """The profile a heading such as "Public Profile Settings:" or "公用配置文件 设置:" names."""
    heading = line.strip().lower()
    if not heading.endswith((":", "：")) or not any(
        mark in heading for mark in ("profile", "配置文件", "設定檔")
    ):
        return None
    for profile, words in _PROFILE_WORDS.items():
        if any(heading.startswith(word) for word in words):
            return profile
    return None


def netsh_profile_states(text: str) -> dict[str, bool | None]:
    """``{"domain": True, "private": False, ...}`` from ``netsh advfirewall show allprofiles``.

    Works for the full listing and for ``... state``; a profile whose state
    word is not known maps to None.
    """
    states: dict[str, bool | None] = {}
    profile: str | None = None
    for line in str(text).splitlines():
        heading = _profile_of(line)
        if heading:
            profile = heading
            continue
        parts = line.split()
        if profile and len(parts) >= 2 and parts[0].lower() in _STATE_LABELS:
            value = parts[-1].lower()
            states[profile] = True if value in _ON else False if value in _OFF else None
            profile = None
    return states


def parse_netsh_firewall(text: str) -> ProbeResult:
    """Windows ``netsh advfirewall show allprofiles state``: every profile on, or which are off."""
    check, source = "firewall", "netsh advfirewall"
    states = netsh_profile_states(text)
    off = [profile for profile in _PROFILE_WORDS if states.get(profile) is False]
    if off:
        if len(off) == len(_PROFILE_WORDS):
            which = Msg(N_("all networks"))
        elif len(off) == 1:
            which = Msg(_PROFILE_PHRASES[off[0]])
        else:
            first, second = (Msg(_PROFILE_PHRASES[profile]) for profile in off)
            which = msg(N_("{first} and {second}"), first=first, second=second)
        return found(
            check,
            "no",
            source,
            N_(
                "Detected with netsh: the Windows firewall is off for {profiles}. If another "
                "security program looks after your firewall, this can be normal."
            ),
            profiles=which,
        )
    if all(states.get(profile) is True for profile in _PROFILE_WORDS):
        return found(
            check,
            "yes",
            source,
            N_("Detected with netsh: the Windows firewall is on for all networks."),
        )
    return unknown(check, source, "unrecognised_output")


def parse_firewalld_active(text: str) -> ProbeResult:
    """Linux ``systemctl is-active firewalld``: "active" means the firewall runs.

    Any other word ("inactive" is also what a missing unit gives) tells
    nothing, because another firewall such as ufw may be in charge.
    """
    check, source = "firewall", "firewalld"
    if plain_words(text) == "active":
        return found(
            check, "yes", source, N_("Detected with systemctl: the firewalld firewall is running.")
        )
    return unknown(check, source, "not_supported")


def parse_ufw_conf(text: str) -> ProbeResult:
    """Linux ``/etc/ufw/ufw.conf`` (readable without root, unlike ``ufw status``).

    ``ufw enable`` and ``ufw disable`` set ``ENABLED=yes``/``no`` in this file
    and the boot service follows it.
    """
    check, source = "firewall", "ufw"
    setting = re.search(r"^\s*ENABLED\s*=\s*['\"]?(\w+)", str(text), re.MULTILINE)
    value = setting.group(1).lower() if setting else ""
    if value == "yes":
        detail = N_("Detected with ufw: the ufw firewall is switched on.")
        return found(check, "yes", source, detail)
    if value == "no":
        return found(
            check,
            "no",
            source,
            N_("Detected with ufw: the ufw firewall is installed but switched off."),
        )
    return unknown(check, source, "unrecognised_output")
