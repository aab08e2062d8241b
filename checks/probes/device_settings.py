"""Screen lock and automatic updates: read from settings the user may see.

The second half of :mod:`checks.probes.device` (same :class:`~checks.probes.device.ProbeResult`,
same promise: never raises, "yes" only when the setting says so plainly).
Registry readers take a plain mapping of value names to what ``winreg``
returned (``str`` for REG_SZ, ``int`` for REG_DWORD, missing names absent),
so they are tested anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from checks.i18n import N_, Msg
from checks.probes.device import (
    MAX_LOCK_SECONDS,
    ProbeResult,
    as_int,
    found,
    minutes,
    plain_words,
    unknown,
)

GNOME_ONLY = N_(
    "This app can read the screen lock setting only on the GNOME desktop. "
    "Please check it in your desktop's settings and answer this question yourself."
)
WINDOWS_LOCK_UNSEEN = N_(
    "Windows can also lock the screen when the computer sleeps or through sign-in options, "
    "which this app cannot see. Please check Settings, then Accounts, then Sign-in options, "
    "and answer this question yourself."
)
WINDOWS_UPDATE_UNSEEN = N_(
    "Windows normally installs updates by itself, but this app cannot confirm it without "
    "administrator rights. Please check Settings, then Windows Update, and answer this "
    "question yourself."
)


def _gvariant_uint(text: str) -> int | None:
    """``uint32 300`` (or plain ``300``) as gsettings prints a number."""
    match = re.fullmatch(r"(?:uint32\s+)?(\d{1,10})", str(text).strip())
    return int(match.group(1)) if match else None


# What "locks after N seconds" says, per source: too late, within a minute, after N minutes.
_LOCK_WORDS = {
    "gsettings": (
        N_(
            "Detected with gsettings: the screen locks only after {minutes} minutes without "
            "use. 15 minutes or less is safer."
        ),
        N_("Detected with gsettings: the screen locks within a minute without use."),
        N_("Detected with gsettings: the screen locks after {minutes} minutes without use."),
    ),
    "registry": (
        "",  # never used: Windows values past 15 minutes give "unknown", see below
        N_("Detected in the registry: the screen saver locks the screen within a minute."),
        N_("Detected in the registry: the screen saver locks the screen after {minutes} minutes."),
    ),
}


def _locks_after(check: str, source: str, seconds: int) -> ProbeResult:
    """Yes within :data:`MAX_LOCK_SECONDS`, otherwise no, with the minutes in the words."""
    too_late, within_a_minute, after = _LOCK_WORDS[source]
    if seconds > MAX_LOCK_SECONDS:
        return found(check, "no", source, too_late, minutes=minutes(seconds))
    if seconds <= 60:
        return found(check, "yes", source, within_a_minute)
    return found(check, "yes", source, after, minutes=minutes(seconds))


# ------------------------------------------------------------------ screen lock


def parse_gnome_screen_lock(
    lock_enabled: str, idle_delay: str, lock_delay: str = "uint32 0"
) -> ProbeResult:
    """GNOME ``gsettings get`` of screensaver ``lock-enabled``, session ``idle-delay``
    and screensaver ``lock-delay``.

    The screen blanks after ``idle-delay`` seconds (0 = never) and locks
    ``lock-delay`` seconds later if ``lock-enabled`` is true.
    """
    check, source = "screen_lock", "gsettings"
    enabled = plain_words(lock_enabled)
    idle, grace = _gvariant_uint(idle_delay), _gvariant_uint(lock_delay)
    if enabled == "false":
        return found(
            check,
            "no",
            source,
            N_("Detected with gsettings: the screen goes dark when idle but does not lock."),
        )
    if enabled != "true" or idle is None or grace is None:
        return unknown(check, source, "unrecognised_output")
    if idle == 0:
        return found(
            check, "no", source, N_("Detected with gsettings: the screen never locks by itself.")
        )
    return _locks_after(check, source, idle + grace)


def parse_sysadminctl_screen_lock(text: str) -> ProbeResult:
    """macOS ``sysadminctl -screenLock status`` (it writes to stderr, after a log prefix).

    It tells how long after the screen saver starts or the display sleeps
    the Mac asks for the password: "immediate", "N seconds", or "off" (also
    seen as a delay of -1 seconds).
    """
    check, source = "screen_lock", "sysadminctl"
    words = plain_words(text)
    delay = re.search(r"screenlock delay is (immediate|(-?\d+)(?:\.\d+)? seconds?)", words)
    off = "screenlock is off" in words or (delay and delay.group(2) and int(delay.group(2)) < 0)
    if off:
        return found(
            check,
            "no",
            source,
            N_(
                "Detected with sysadminctl: your Mac does not ask for the password when it "
                "wakes from the screen saver or sleep."
            ),
        )
    if not delay:
        return unknown(check, source, "unrecognised_output")
    seconds = 0 if delay.group(1) == "immediate" else int(delay.group(2))
    if seconds > MAX_LOCK_SECONDS:
        return found(
            check,
            "no",
            source,
            N_(
                "Detected with sysadminctl: your Mac waits {minutes} minutes after the display "
                "sleeps before it asks for the password. 15 minutes or less is safer."
            ),
            minutes=minutes(seconds),
        )
    return found(
        check,
        "yes",
        source,
        N_(
            "Detected with sysadminctl: your Mac asks for the password when it wakes from "
            "the screen saver or sleep."
        ),
    )


def parse_windows_screen_lock(
    desktop: Mapping[str, object], policy: Mapping[str, object] | None = None
) -> ProbeResult:
    """Windows ``HKCU\\Control Panel\\Desktop`` screen saver values, policy first.

    "Yes" needs a chosen screen saver (``SCRNSAVE.EXE``) that is active,
    asks for sign-in (``ScreenSaverIsSecure`` 1) and starts within 15
    minutes. Anything else is "unknown", not "no": Windows often locks on
    sleep, by dynamic lock or a sign-in policy instead, which these values do
    not show. ``ScreenSaveActive`` alone means nothing - a fresh Windows has
    it set to 1 with no screen saver chosen.
    """
    check, source = "screen_lock", "registry"
    values = {**dict(desktop), **{k: v for k, v in dict(policy or {}).items() if v is not None}}
    saver = values.get("SCRNSAVE.EXE")
    timeout = as_int(values.get("ScreenSaveTimeOut"))
    if (
        isinstance(saver, str)
        and saver.strip()
        and as_int(values.get("ScreenSaveActive")) == 1
        and as_int(values.get("ScreenSaverIsSecure")) == 1
        and timeout is not None
        and 0 < timeout <= MAX_LOCK_SECONDS
    ):
        return _locks_after(check, source, timeout)
    return unknown(check, source, "not_supported", Msg(WINDOWS_LOCK_UNSEEN))


# --------------------------------------------------------------------- updates


def parse_softwareupdate_schedule(text: str) -> ProbeResult:
    """macOS ``softwareupdate --schedule``: "Automatic checking for updates is turned on"
    (older macOS: "Automatic check is on")."""
    words, check, source = plain_words(text), "os_updates", "softwareupdate"
    if re.search(r"automatic check(ing for updates)? is (turned )?on\b", words):
        return found(
            check,
            "yes",
            source,
            N_("Detected with softwareupdate: your Mac checks for updates automatically."),
        )
    if re.search(r"automatic check(ing for updates)? is (turned )?off\b", words):
        return found(
            check,
            "no",
            source,
            N_("Detected with softwareupdate: your Mac does not check for updates automatically."),
        )
    return unknown(check, source, "unrecognised_output")


def parse_apt_periodic(text: str) -> ProbeResult:
    """Debian/Ubuntu ``apt-config dump APT::Periodic::Unattended-Upgrade``.

    The unattended-upgrades package writes ``APT::Periodic::Unattended-Upgrade
    "1";`` (days between runs) when automatic security updates are on and
    "0" when off; no line at all means they were never set up.
    """
    check, source = "os_updates", "apt-config"
    lines = [line for line in str(text).splitlines() if line.strip()]
    setting = re.search(r'^APT::Periodic::Unattended-Upgrade\s+"([^"]*)";', str(text), re.M)
    if lines and not setting:
        return unknown(check, source, "unrecognised_output")
    value = setting.group(1).strip().lower() if setting else "0"
    days = as_int(value)
    if value == "always" or (days is not None and days > 0):
        return found(
            check,
            "yes",
            source,
            N_(
                "Detected with apt-config: security updates are installed automatically "
                "(unattended-upgrades)."
            ),
        )
    if days is not None or value == "":
        return found(
            check,
            "no",
            source,
            N_(
                "Detected with apt-config: automatic security updates (unattended-upgrades) "
                "are not turned on."
            ),
        )
    return unknown(check, source, "unrecognised_output")


def parse_gnome_software_updates(text: str) -> ProbeResult:
    """GNOME ``gsettings get org.gnome.software download-updates`` ("Automatically
    download and install updates" in GNOME Software's schema)."""
    words, check, source = plain_words(text), "os_updates", "gsettings"
    if words == "true":
        return found(
            check,
            "yes",
            source,
            N_("Detected with gsettings: GNOME Software downloads and installs updates by itself."),
        )
    if words == "false":
        return found(
            check,
            "no",
            source,
            N_("Detected with gsettings: GNOME Software does not download updates by itself."),
        )
    if "no such schema" in words:
        return unknown(check, source, "tool_missing")
    return unknown(check, source, "unrecognised_output")


def parse_windows_update(
    policy: Mapping[str, object], service: Mapping[str, object]
) -> ProbeResult:
    """Windows: ``NoAutoUpdate`` policy and the start type of the ``wuauserv`` service.

    Both plainly say "off" when set (policy 1; service start type 4 =
    disabled, a common trick of "update blocker" tools). When neither is set,
    Windows decides by itself and this app cannot confirm more without admin
    rights, so it asks.
    """
    check, source = "os_updates", "registry"
    if as_int(policy.get("NoAutoUpdate")) == 1:
        return found(
            check,
            "no",
            source,
            N_("Detected in the registry: a policy has turned off automatic Windows updates."),
        )
    if as_int(service.get("Start")) == 4:
        return found(
            check,
            "no",
            source,
            N_("Detected in the registry: the Windows Update service is switched off."),
        )
    return unknown(check, source, "not_supported", Msg(WINDOWS_UPDATE_UNSEEN))
