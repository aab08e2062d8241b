"""Which tool answers which "Device" question on each operating system: a plain table.

:func:`probe_plan` returns, per check, the :class:`Step` list that
:func:`checks.probes.device_run.probe_device` runs. Data only: nothing here runs
a command. Every tool is one an ordinary user may run; none needs admin
rights.

What is asked, per operating system. Steps of a check are tried in order;
the first "yes" wins, else the first "no", else the most telling "unknown".

============= ===================================================================
Windows
disk          PowerShell: shell property ``System.Volume.BitLockerProtection``
              of %SystemDrive% (``manage-bde`` would need admin rights)
firewall      ``netsh advfirewall show allprofiles state``
screen lock   registry ``HKCU\\Control Panel\\Desktop`` screen saver values,
              the policy key first
updates       registry: ``NoAutoUpdate`` policy, start type of ``wuauserv``
macOS
disk          ``fdesetup status``
firewall      ``socketfilterfw --getglobalstate``
screen lock   ``sysadminctl -screenLock status`` (answers on stderr)
updates       ``softwareupdate --schedule``
Linux
disk          ``lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS``, then ``MOUNTPOINT``
              for util-linux before 2.37
firewall      ``systemctl is-active firewalld``, then ``/etc/ufw/ufw.conf``
screen lock   ``gsettings get`` lock-enabled, idle-delay, lock-delay (GNOME only)
updates       ``apt-config dump APT::Periodic::Unattended-Upgrade``, then GNOME
              Software's ``download-updates`` (GNOME only)
============= ===================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from checks.i18n import Msg
from checks.probes.device import (
    ProbeResult,
    parse_bitlocker,
    parse_fdesetup,
    parse_firewalld_active,
    parse_lsblk,
    parse_netsh_firewall,
    parse_socketfilterfw,
    parse_ufw_conf,
    unknown,
)
from checks.probes.device_settings import (
    GNOME_ONLY,
    parse_apt_periodic,
    parse_gnome_screen_lock,
    parse_gnome_software_updates,
    parse_softwareupdate_schedule,
    parse_sysadminctl_screen_lock,
    parse_windows_screen_lock,
    parse_windows_update,
)

DESKTOP_POLICY = r"Software\Policies\Microsoft\Windows\Control Panel\Desktop"


@dataclass(frozen=True)
class Run:
    """Run a program. ``ok_codes``: exit codes that still carry an answer
    (``systemctl is-active`` exits 3 for "inactive"); ``stderr``: read it too."""

    argv: tuple[str, ...]
    ok_codes: tuple[int, ...] = (0,)
    stderr: bool = False


@dataclass(frozen=True)
class ReadFile:
    path: str


@dataclass(frozen=True)
class ReadRegistry:
    """Values ``names`` under ``hive`` ("HKCU"/"HKLM") ``key``; the parser gets a dict."""

    hive: str
    key: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One way to answer a check: gather ``inputs``, hand them to ``parse`` in order.

    ``fallback`` steps run only while no earlier step could tell.
    """

    source: str
    inputs: tuple[Run | ReadFile | ReadRegistry, ...]
    parse: Callable[..., ProbeResult]
    fallback: bool = False


def _gsettings(schema: str, key: str) -> Run:
    # Exit 1 with "No such schema" on stderr when GNOME (Software) is absent.
    return Run(("gsettings", "get", schema, key), ok_codes=(0, 1), stderr=True)


def is_gnome(env: Mapping[str, str]) -> bool:
    """GNOME (and Ubuntu's, Pop's, Budgie's variants of it) keep their settings in gsettings.

    Elsewhere gsettings still answers - with GNOME's defaults, which would
    be a false "yes" - so its screen lock keys are read only on GNOME.
    """
    desktops = env.get("XDG_CURRENT_DESKTOP", "").lower().split(":")
    return any("gnome" in desktop or desktop == "unity" for desktop in desktops)


def _windows_plan(env: Mapping[str, str]) -> dict[str, tuple[Step, ...]]:
    root = env.get("SystemRoot", r"C:\Windows").rstrip("\\/")
    drive = env.get("SystemDrive", "C:")
    if not (len(drive) == 2 and drive[0].isascii() and drive[0].isalpha() and drive[1] == ":"):
        drive = "C:"  # it goes into a PowerShell command: only ever a drive letter
    script = (
        f"(New-Object -ComObject Shell.Application).NameSpace('{drive}')"
        ".Self.ExtendedProperty('System.Volume.BitLockerProtection')"
    )
    # Full paths: a netsh.exe or powershell.exe planted in the working folder must not run.
    powershell = root + r"\System32\WindowsPowerShell\v1.0\powershell.exe"
    netsh = root + r"\System32\netsh.exe"
    desktop = ("SCRNSAVE.EXE", "ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut")
    return {
        "disk_encryption": (
            Step(
                "BitLocker",
                (Run((powershell, "-NoProfile", "-NonInteractive", "-Command", script)),),
                lambda text: parse_bitlocker(text, drive),
            ),
        ),
        "firewall": (
            Step(
                "netsh advfirewall",
                (Run((netsh, "advfirewall", "show", "allprofiles", "state")),),
                parse_netsh_firewall,
            ),
        ),
        "screen_lock": (
            Step(
                "registry",
                (
                    ReadRegistry("HKCU", r"Control Panel\Desktop", desktop),
                    ReadRegistry("HKCU", DESKTOP_POLICY, desktop),
                ),
                parse_windows_screen_lock,
            ),
        ),
        "os_updates": (
            Step(
                "registry",
                (
                    ReadRegistry(
                        "HKLM",
                        r"SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU",
                        ("NoAutoUpdate",),
                    ),
                    ReadRegistry("HKLM", r"SYSTEM\CurrentControlSet\Services\wuauserv", ("Start",)),
                ),
                parse_windows_update,
            ),
        ),
    }


def _macos_plan() -> dict[str, tuple[Step, ...]]:
    firewall = Run(("/usr/libexec/ApplicationFirewall/socketfilterfw", "--getglobalstate"))
    screen_lock = Run(("/usr/sbin/sysadminctl", "-screenLock", "status"), stderr=True)
    return {
        "disk_encryption": (
            Step("fdesetup", (Run(("/usr/bin/fdesetup", "status")),), parse_fdesetup),
        ),
        "firewall": (Step("socketfilterfw", (firewall,), parse_socketfilterfw),),
        "screen_lock": (Step("sysadminctl", (screen_lock,), parse_sysadminctl_screen_lock),),
        "os_updates": (
            Step(
                "softwareupdate",
                (Run(("/usr/sbin/softwareupdate", "--schedule")),),
                parse_softwareupdate_schedule,
            ),
        ),
    }


def _linux_plan(env: Mapping[str, str]) -> dict[str, tuple[Step, ...]]:
    lsblk = ("lsblk", "-J", "-o")
    if is_gnome(env):
        screen_lock = Step(
            "gsettings",
            (
                _gsettings("org.gnome.desktop.screensaver", "lock-enabled"),
                _gsettings("org.gnome.desktop.session", "idle-delay"),
                _gsettings("org.gnome.desktop.screensaver", "lock-delay"),
            ),
            parse_gnome_screen_lock,
        )
        gnome_updates: tuple[Step, ...] = (
            Step(
                "gsettings",
                (_gsettings("org.gnome.software", "download-updates"),),
                parse_gnome_software_updates,
            ),
        )
    else:
        not_gnome = unknown("screen_lock", "gsettings", "not_supported", Msg(GNOME_ONLY))
        screen_lock = Step("gsettings", (), lambda: not_gnome)
        gnome_updates = ()
    return {
        "disk_encryption": (
            Step("lsblk", (Run((*lsblk, "NAME,TYPE,FSTYPE,MOUNTPOINTS")),), parse_lsblk),
            # util-linux before 2.37 knows no MOUNTPOINTS column and exits 1.
            Step("lsblk", (Run((*lsblk, "NAME,TYPE,FSTYPE,MOUNTPOINT")),), parse_lsblk, True),
        ),
        "firewall": (
            Step(
                "firewalld",
                (Run(("systemctl", "is-active", "firewalld"), ok_codes=(0, 1, 2, 3, 4)),),
                parse_firewalld_active,
            ),
            Step("ufw", (ReadFile("/etc/ufw/ufw.conf"),), parse_ufw_conf),
        ),
        "screen_lock": (screen_lock,),
        "os_updates": (
            Step(
                "apt-config",
                (Run(("apt-config", "dump", "APT::Periodic::Unattended-Upgrade")),),
                parse_apt_periodic,
            ),
            *gnome_updates,
        ),
    }


def probe_plan(platform: str, env: Mapping[str, str]) -> dict[str, tuple[Step, ...]]:
    """The steps for each check on ``platform`` (a ``sys.platform`` value)."""
    if platform.startswith(("win32", "cygwin")):
        return _windows_plan(env)
    if platform.startswith("darwin"):
        return _macos_plan()
    return _linux_plan(env)
