"""Device security probes: real captured tool outputs in, a ProbeResult out, never an exception.

Fixtures live in tests/fixtures/device (see SOURCES.md there); files whose
name contains CONSTRUCTED are clearly-labelled variants of a real capture.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.i18n import Msg
from checks.probes.device import (
    CHECKS,
    MAX_LOCK_SECONDS,
    REASON_DETAILS,
    REASONS,
    STATUSES,
    ProbeResult,
    netsh_profile_states,
    parse_bitlocker,
    parse_fdesetup,
    parse_firewalld_active,
    parse_lsblk,
    parse_netsh_firewall,
    parse_socketfilterfw,
    parse_ufw_conf,
    unknown,
)
from checks.probes.device_plan import is_gnome, probe_plan
from checks.probes.device_run import CREATE_NO_WINDOW, probe_device
from checks.probes.device_settings import (
    parse_apt_periodic,
    parse_gnome_screen_lock,
    parse_gnome_software_updates,
    parse_softwareupdate_schedule,
    parse_sysadminctl_screen_lock,
    parse_windows_screen_lock,
    parse_windows_update,
)

FIXTURES = Path(__file__).parent / "fixtures" / "device"
GNOME = {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME", "PATH": "/usr/bin"}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def reg_query_values(text: str) -> dict[str, object]:
    """Values of a ``reg query`` listing as winreg returns them (REG_SZ str, REG_DWORD int)."""
    values: dict[str, object] = {}
    for line in text.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) >= 2 and parts[1] == "REG_SZ":
            values[parts[0]] = parts[2] if len(parts) == 3 else ""
        elif len(parts) == 3 and parts[1] == "REG_DWORD":
            values[parts[0]] = int(parts[2], 16)
    return values


def assert_consistent(result: ProbeResult, check: str | None = None) -> None:
    assert isinstance(result, ProbeResult)
    assert result.check in CHECKS
    assert check is None or result.check == check
    assert result.status in STATUSES
    assert result.source
    assert isinstance(result.detail, Msg)
    assert result.detail.render()  # every result carries words for the UI
    if result.status == "unknown":
        assert result.reason in REASONS
    else:
        assert result.reason is None


# ------------------------------------------------------------- real captures

# parser, fixture file, status
SINGLE_TEXT_CASES: list[tuple[Callable[[str], ProbeResult], str, str]] = [
    (parse_fdesetup, "fdesetup_on.txt", "yes"),
    (parse_fdesetup, "fdesetup_off.txt", "no"),
    (parse_fdesetup, "fdesetup_on_encryption_in_progress.txt", "yes"),
    (parse_fdesetup, "fdesetup_on_encryption_pending.txt", "yes"),
    (parse_fdesetup, "fdesetup_off_deferred.txt", "no"),
    (parse_fdesetup, "fdesetup_CONSTRUCTED_decryption_in_progress.txt", "no"),
    (parse_lsblk, "lsblk_local_debian12_mountpoints.json", "no"),
    (parse_lsblk, "lsblk_local_debian12_mountpoint.json", "no"),
    (parse_lsblk, "lsblk_public_ubuntu_luks_lvm_mountpoints.json", "yes"),
    (parse_lsblk, "lsblk_public_fedora_luks_btrfs_mountpoints.json", "yes"),
    (parse_lsblk, "lsblk_public_ubuntu_luks_lvm_mountpoint_old.json", "yes"),
    (parse_lsblk, "lsblk_local_unknown_column.stderr.txt", "unknown"),
    (parse_socketfilterfw, "socketfilterfw_enabled.txt", "yes"),
    (parse_socketfilterfw, "socketfilterfw_block_all.txt", "yes"),
    (parse_socketfilterfw, "socketfilterfw_disabled.txt", "no"),
    (parse_socketfilterfw, "socketfilterfw_managed.txt", "unknown"),
    (parse_netsh_firewall, "netsh_en_allprofiles_all_off.txt", "no"),
    (parse_netsh_firewall, "netsh_en_state_CONSTRUCTED_all_on.txt", "yes"),
    (parse_netsh_firewall, "netsh_en_state_CONSTRUCTED_public_off.txt", "no"),
    (parse_netsh_firewall, "netsh_zh_allprofiles_all_on_win7.txt", "yes"),
    (parse_netsh_firewall, "netsh_zh_state_CONSTRUCTED_private_off.txt", "no"),
    # one profile on says nothing about the other two
    (parse_netsh_firewall, "netsh_zh_currentprofile_public_on.txt", "unknown"),
    (parse_firewalld_active, "systemctl_is_active_no_systemd.stdout.txt", "unknown"),
    (parse_ufw_conf, "ufw_conf_debian_default.txt", "no"),
    (parse_ufw_conf, "ufw_conf_CONSTRUCTED_enabled.txt", "yes"),
    (parse_sysadminctl_screen_lock, "sysadminctl_screenlock_5_seconds.stderr.txt", "yes"),
    (parse_sysadminctl_screen_lock, "sysadminctl_screenlock_immediate.stderr.txt", "yes"),
    (parse_sysadminctl_screen_lock, "sysadminctl_screenlock_off.stderr.txt", "no"),
    (parse_softwareupdate_schedule, "softwareupdate_schedule_on.txt", "yes"),
    (parse_softwareupdate_schedule, "softwareupdate_schedule_on_old.txt", "yes"),
    (parse_softwareupdate_schedule, "softwareupdate_schedule_off.txt", "no"),
    (parse_apt_periodic, "apt_config_20auto-upgrades.txt", "yes"),
    (parse_apt_periodic, "apt_config_20auto-upgrades-disabled.txt", "no"),
    (parse_apt_periodic, "apt_config_local_not_configured.txt", "no"),
    (parse_gnome_software_updates, "gsettings_download_updates_true.txt", "yes"),
    (parse_gnome_software_updates, "gsettings_download_updates_false.txt", "no"),
    (parse_gnome_software_updates, "gsettings_no_schema_gnome_software.stderr.txt", "unknown"),
]


@pytest.mark.parametrize(("parse", "name", "status"), SINGLE_TEXT_CASES)
def test_real_outputs(parse: Callable[[str], ProbeResult], name: str, status: str) -> None:
    result = parse(fixture(name))
    assert_consistent(result)
    assert result.status == status, (name, result)


def test_every_fixture_is_used_and_documented() -> None:
    used = {name for _, name, _ in SINGLE_TEXT_CASES} | {
        "gsettings_lock_enabled_true.txt",
        "gsettings_lock_enabled_false.txt",
        "gsettings_idle_delay_0.txt",
        "gsettings_idle_delay_300.txt",
        "gsettings_idle_delay_1800.txt",
        "gsettings_lock_delay_0.txt",
        "gsettings_lock_delay_30.txt",
        "reg_query_hkcu_desktop_no_screensaver.txt",
        "systemctl_is_active_no_systemd.stderr.txt",
    }
    files = {path.name for path in FIXTURES.iterdir()} - {"SOURCES.md"}
    assert files == used
    sources = fixture("SOURCES.md")
    assert all(f"`{name}`" in sources for name in files)


# ---------------------------------------------------------------- disk encryption


def test_fdesetup_words_tell_the_user_what_to_do() -> None:
    assert "restart" in parse_fdesetup(fixture("fdesetup_off_deferred.txt")).detail.render()
    in_progress = parse_fdesetup(fixture("fdesetup_on_encryption_in_progress.txt"))
    assert "still encrypting" in in_progress.detail.render()
    assert parse_fdesetup(fixture("fdesetup_on.txt")).detail == Msg(
        "Detected with fdesetup: FileVault is on."
    )


def test_lsblk_follows_the_tree_not_just_the_root_device() -> None:
    # "/" is on an lvm volume whose parent is the crypt mapping: ancestors count.
    nested = fixture("lsblk_public_ubuntu_luks_lvm_mountpoints.json")
    assert "ubuntu--vg-ubuntu--lv" in nested and parse_lsblk(nested).status == "yes"
    # A crypto_LUKS container as an ancestor counts even when the type column is odd.
    luks_parent = (
        '{"blockdevices": [{"name": "sda2", "type": "part", "fstype": "crypto_LUKS", '
        '"children": [{"name": "root", "type": "dm", "fstype": "ext4", "mountpoints": ["/"]}]}]}'
    )
    assert parse_lsblk(luks_parent).status == "yes"
    # An encrypted data disk does not make the system disk encrypted.
    data_only = (
        '{"blockdevices": [{"name": "sda1", "type": "part", "mountpoint": "/"}, '
        '{"name": "sdb1", "type": "part", "fstype": "crypto_LUKS", "children": '
        '[{"name": "vault", "type": "crypt", "mountpoint": "/data"}]}]}'
    )
    assert parse_lsblk(data_only).status == "no"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{}",
        '{"blockdevices": []}',
        '{"blockdevices": [{"name": "loop0", "mountpoints": ["/snap/x"]}]}',  # live / overlay root
        '{"blockdevices": "nonsense"}',
        "[1, 2]",
        '{"blockdevices": [' * 200 + "]}" * 200,
    ],
)
def test_lsblk_without_a_root_device_is_unknown(text: str) -> None:
    result = parse_lsblk(text)
    assert result.status == "unknown"
    assert result.reason == "unrecognised_output"


@pytest.mark.parametrize(
    ("value", "status"),
    [("1\r\n", "yes"), ("3", "yes"), ("2\r\n", "no"), ("0", "unknown"), ("4", "unknown"),
     ("5", "unknown"), ("6", "unknown"), ("", "unknown"), ("Ein", "unknown")],
)  # fmt: skip
def test_bitlocker_maps_only_confirmed_values(value: str, status: str) -> None:
    result = parse_bitlocker(value, "D:")
    assert result.status == status
    if status != "unknown":
        assert result.detail is not None and "D:" in result.detail.render()


# --------------------------------------------------------------------- firewall


def test_netsh_reads_english_and_chinese_profiles() -> None:
    assert netsh_profile_states(fixture("netsh_zh_allprofiles_all_on_win7.txt")) == {
        "domain": True,
        "private": True,
        "public": True,
    }
    assert netsh_profile_states(fixture("netsh_zh_state_CONSTRUCTED_private_off.txt")) == {
        "domain": True,
        "private": False,
        "public": True,
    }
    assert netsh_profile_states(fixture("netsh_zh_currentprofile_public_on.txt")) == {
        "public": True
    }
    # Full-width colon on the heading, Windows 10 wording 启用/禁用.
    text = "公用配置文件 设置：\n-----\n状态                                  禁用\n"
    assert netsh_profile_states(text) == {"public": False}


def test_netsh_says_which_networks_are_unprotected() -> None:
    public = parse_netsh_firewall(fixture("netsh_en_state_CONSTRUCTED_public_off.txt"))
    assert public.detail is not None
    assert "public networks such as cafés and airports" in public.detail.render()
    assert "private" not in public.detail.render()
    everything = parse_netsh_firewall(fixture("netsh_en_allprofiles_all_off.txt"))
    assert everything.detail is not None and "off for all networks" in everything.detail.render()
    two = parse_netsh_firewall(
        "Domain Profile Settings:\nState OFF\nPrivate Profile Settings:\nState OFF\n"
        "Public Profile Settings:\nState ON\n"
    )
    assert two.detail is not None
    assert "workplace (domain) networks and private networks" in two.detail.render()
    # The nested messages translate part by part.
    fake_zh = {"public networks such as cafés and airports": "公共网络"}
    rendered = public.detail.render(lambda text: fake_zh.get(text, text))
    assert "公共网络" in rendered


def test_netsh_unknown_state_word_is_not_a_yes() -> None:
    text = fixture("netsh_en_state_CONSTRUCTED_all_on.txt").replace(
        "ON\n\nPublic", "Aktiv\n\nPublic"
    )
    assert parse_netsh_firewall(text).status == "unknown"


@pytest.mark.parametrize(
    ("word", "status"), [("active\n", "yes"), ("inactive\n", "unknown"), ("failed", "unknown")]
)
def test_firewalld_active_only_counts_active(word: str, status: str) -> None:
    # Words from systemctl(1) "is-active"; a missing unit also says "inactive".
    assert parse_firewalld_active(word).status == status


def test_ufw_conf_tolerates_quotes_and_spaces() -> None:
    assert parse_ufw_conf('ENABLED="yes"\n').status == "yes"
    assert parse_ufw_conf("  ENABLED = no").status == "no"
    assert parse_ufw_conf("# ENABLED=yes\n").status == "unknown"


# ------------------------------------------------------------------ screen lock


def test_gnome_screen_lock_from_real_gsettings_values() -> None:
    on, off = (
        fixture("gsettings_lock_enabled_true.txt"),
        fixture("gsettings_lock_enabled_false.txt"),
    )
    five_min, never = fixture("gsettings_idle_delay_300.txt"), fixture("gsettings_idle_delay_0.txt")
    half_hour = fixture("gsettings_idle_delay_1800.txt")
    no_grace, grace = fixture("gsettings_lock_delay_0.txt"), fixture("gsettings_lock_delay_30.txt")
    result = parse_gnome_screen_lock(on, five_min, no_grace)
    assert result.status == "yes"
    assert result.detail is not None and "after 5 minutes" in result.detail.render()
    assert parse_gnome_screen_lock(on, five_min, grace).detail == Msg(
        "Detected with gsettings: the screen locks after {minutes} minutes without use.",
        {"minutes": 6},
    )
    assert parse_gnome_screen_lock(off, five_min, no_grace).status == "no"
    assert parse_gnome_screen_lock(on, never, no_grace).status == "no"
    too_late = parse_gnome_screen_lock(on, half_hour, no_grace)
    assert too_late.status == "no"
    assert too_late.detail is not None and "30 minutes" in too_late.detail.render()
    assert parse_gnome_screen_lock(on, "uint32 900").status == "yes"
    assert parse_gnome_screen_lock(on, "uint32 900", "uint32 1").status == "no"
    assert parse_gnome_screen_lock(on, "uint32 45").detail == Msg(
        "Detected with gsettings: the screen locks within a minute without use."
    )
    assert parse_gnome_screen_lock(on, "No such key").status == "unknown"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("screenLock delay is 900 seconds", "yes"),
        ("screenLock delay is 3600 seconds", "no"),
        ("2024-01-01 sysadminctl[1:2] screenLock delay is -1.000000 seconds", "no"),
        ("screenLock delay is -1 seconds", "no"),
        ("Error:-14090 unknown", "unknown"),
    ],
)
def test_sysadminctl_delays(text: str, status: str) -> None:
    assert parse_sysadminctl_screen_lock(text).status == status


def test_windows_default_desktop_is_not_a_yes() -> None:
    # A real HKCU\Control Panel\Desktop: ScreenSaveActive is 1 but no screen saver is chosen.
    values = reg_query_values(fixture("reg_query_hkcu_desktop_no_screensaver.txt"))
    assert values["ScreenSaveActive"] == "1" and "SCRNSAVE.EXE" not in values
    result = parse_windows_screen_lock(values)
    assert result.status == "unknown" and result.reason == "not_supported"
    assert result.detail is not None and "Sign-in options" in result.detail.render()


def test_windows_secure_screen_saver_and_policy() -> None:
    secure = {
        "ScreenSaveActive": "1",
        "ScreenSaverIsSecure": "1",
        "ScreenSaveTimeOut": "600",
        "SCRNSAVE.EXE": r"C:\Windows\system32\scrnsave.scr",
    }
    result = parse_windows_screen_lock(secure)
    assert result.status == "yes" and result.source == "registry"
    assert result.detail is not None and "10 minutes" in result.detail.render()
    assert parse_windows_screen_lock({**secure, "ScreenSaverIsSecure": "0"}).status == "unknown"
    # "(None)" chosen in the dialog removes SCRNSAVE.EXE but may leave the other values.
    no_saver = {name: value for name, value in secure.items() if name != "SCRNSAVE.EXE"}
    assert parse_windows_screen_lock(no_saver).status == "unknown"
    assert parse_windows_screen_lock({**secure, "SCRNSAVE.EXE": ""}).status == "unknown"
    assert parse_windows_screen_lock({**secure, "ScreenSaveTimeOut": "3600"}).status == "unknown"
    # A group policy wins over the user's own values.
    assert parse_windows_screen_lock(secure, {"ScreenSaverIsSecure": "0"}).status == "unknown"
    assert (
        parse_windows_screen_lock(
            {**secure, "ScreenSaverIsSecure": "0"}, {"ScreenSaverIsSecure": 1}
        )
    ).status == "yes"


# --------------------------------------------------------------------- updates


def test_apt_periodic_values() -> None:
    assert parse_apt_periodic('APT::Periodic::Unattended-Upgrade "always";\n').status == "yes"
    assert parse_apt_periodic('APT::Periodic::Unattended-Upgrade "7";\n').status == "yes"
    assert parse_apt_periodic('APT::Periodic::Unattended-Upgrade "";\n').status == "no"
    assert parse_apt_periodic("E: something went wrong\n").status == "unknown"


def test_gnome_software_missing_schema_is_tool_missing() -> None:
    result = parse_gnome_software_updates(fixture("gsettings_no_schema_gnome_software.stderr.txt"))
    assert result.reason == "tool_missing"
    assert parse_gnome_software_updates("No such schema “org.gnome.software”").reason == (
        "tool_missing"
    )


def test_windows_update_registry() -> None:
    assert parse_windows_update({"NoAutoUpdate": 1}, {"Start": 3}).status == "no"
    assert parse_windows_update({}, {"Start": 4}).status == "no"
    ask = parse_windows_update({}, {"Start": 3})
    assert ask.status == "unknown" and ask.reason == "not_supported"
    assert parse_windows_update({"NoAutoUpdate": 0}, {}).status == "unknown"


# ------------------------------------------------------------------ result type


def test_probe_result_rejects_inconsistent_values() -> None:
    with pytest.raises(ValueError):
        ProbeResult("disk_encryption", "maybe", "x")
    with pytest.raises(ValueError):
        ProbeResult("camera", "yes", "x")
    with pytest.raises(ValueError):
        ProbeResult("firewall", "unknown", "x")  # unknown needs a reason
    with pytest.raises(ValueError):
        ProbeResult("firewall", "yes", "x", reason="timeout")
    assert unknown("firewall", "x", "no-such-reason").reason == "error"
    assert set(REASON_DETAILS) == set(REASONS)


# ------------------------------------------------------------- never raises

ANY_TEXT = st.text(max_size=400) | st.sampled_from(
    [fixture(path.name) for path in sorted(FIXTURES.iterdir()) if path.name != "SOURCES.md"]
)
TEXT_PARSERS: list[Callable[[str], ProbeResult]] = [
    parse_fdesetup,
    parse_lsblk,
    parse_bitlocker,
    parse_socketfilterfw,
    parse_netsh_firewall,
    parse_firewalld_active,
    parse_ufw_conf,
    parse_sysadminctl_screen_lock,
    parse_softwareupdate_schedule,
    parse_apt_periodic,
    parse_gnome_software_updates,
]


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=150)
@given(text=ANY_TEXT, index=st.integers(0, len(TEXT_PARSERS) - 1))
def test_text_parsers_never_raise(text: str, index: int) -> None:
    assert_consistent(TEXT_PARSERS[index](text))


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=100)
@given(a=ANY_TEXT, b=ANY_TEXT, c=ANY_TEXT)
def test_gnome_screen_lock_never_raises(a: str, b: str, c: str) -> None:
    assert_consistent(parse_gnome_screen_lock(a, b, c), "screen_lock")


@st.composite
def json_trees(draw: st.DrawFn) -> str:
    import json

    leaf = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    keys = st.sampled_from(["type", "fstype", "mountpoint", "mountpoints", "children", "name"])
    tree = st.recursive(
        leaf | st.sampled_from(["/", "crypt", "crypto_LUKS"]),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
        max_leaves=30,
    )
    return json.dumps({"blockdevices": draw(tree)})


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=150)
@given(text=json_trees())
def test_lsblk_never_raises_on_odd_trees(text: str) -> None:
    assert_consistent(parse_lsblk(text), "disk_encryption")


REGISTRY_VALUE = st.none() | st.integers() | st.text(max_size=12) | st.binary(max_size=8)
REGISTRY = st.dictionaries(
    st.sampled_from(
        ["SCRNSAVE.EXE", "ScreenSaveActive", "ScreenSaverIsSecure", "ScreenSaveTimeOut",
         "NoAutoUpdate", "Start"]
    ),
    REGISTRY_VALUE,
)  # fmt: skip


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=150)
@given(first=REGISTRY, second=REGISTRY)
def test_registry_parsers_never_raise(first: dict[str, object], second: dict[str, object]) -> None:
    assert_consistent(parse_windows_screen_lock(first, second), "screen_lock")
    assert_consistent(parse_windows_update(first, second), "os_updates")


# ----------------------------------------------------------------- the runner


class FakeSystem:
    """A stand-in for subprocess.run that answers from a table and records each call."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers
        self.calls: list[tuple[list[str], dict[str, Any]]] = []

    def __call__(self, argv: list[str], **options: Any) -> SimpleNamespace:
        self.calls.append((argv, options))
        key = " ".join(argv)
        for pattern, answer in self.answers.items():
            if pattern in key:
                if isinstance(answer, BaseException):
                    raise answer
                code, stdout, stderr = answer
                return SimpleNamespace(returncode=code, stdout=stdout, stderr=stderr)
        raise FileNotFoundError(argv[0])

    def ran(self, fragment: str) -> bool:
        return any(fragment in " ".join(argv) for argv, _ in self.calls)


def by_check(results: list[ProbeResult]) -> dict[str, ProbeResult]:
    assert [result.check for result in results] == list(CHECKS)
    for result in results:
        assert_consistent(result)
    return {result.check: result for result in results}


def data(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_linux_gnome_end_to_end() -> None:
    system = FakeSystem(
        {
            "MOUNTPOINTS": (0, data("lsblk_public_fedora_luks_btrfs_mountpoints.json"), b""),
            "is-active firewalld": (3, b"inactive\n", b""),
            "lock-enabled": (0, data("gsettings_lock_enabled_true.txt"), b""),
            "idle-delay": (0, data("gsettings_idle_delay_300.txt"), b""),
            "lock-delay": (0, data("gsettings_lock_delay_0.txt"), b""),
            "apt-config": (0, data("apt_config_local_not_configured.txt"), b""),
            "download-updates": (0, data("gsettings_download_updates_true.txt"), b""),
        }
    )
    files = {"/etc/ufw/ufw.conf": fixture("ufw_conf_CONSTRUCTED_enabled.txt")}
    results = by_check(probe_device("linux", system, env=GNOME, read_text=lambda path: files[path]))
    assert results["disk_encryption"].status == "yes"
    lsblk_columns = [argv[-1] for argv, _ in system.calls if argv[0] == "lsblk"]
    assert lsblk_columns == ["NAME,TYPE,FSTYPE,MOUNTPOINTS"]  # no fallback after an answer
    assert results["firewall"].status == "yes" and results["firewall"].source == "ufw"
    assert results["screen_lock"].status == "yes"
    # apt says "no", GNOME Software says "yes": any automatic updater counts.
    assert results["os_updates"].status == "yes" and results["os_updates"].source == "gsettings"
    for _argv, options in system.calls:
        assert options["timeout"] <= 3.0
        assert options["env"]["LC_ALL"] == "C"
        assert options["capture_output"] is True and options["check"] is False
        assert "creationflags" not in options


def test_linux_lsblk_falls_back_to_mountpoint_for_old_util_linux() -> None:
    old = FakeSystem(
        {
            "MOUNTPOINTS": (1, b"", data("lsblk_local_unknown_column.stderr.txt")),
            "MOUNTPOINT": (0, data("lsblk_public_ubuntu_luks_lvm_mountpoint_old.json"), b""),
        }
    )
    assert by_check(probe_device("linux", old, env={}))["disk_encryption"].status == "yes"
    assert old.ran("NAME,TYPE,FSTYPE,MOUNTPOINT") and old.ran("NAME,TYPE,FSTYPE,MOUNTPOINTS")
    new = FakeSystem({"MOUNTPOINTS": (0, data("lsblk_local_debian12_mountpoints.json"), b"")})
    assert by_check(probe_device("linux", new, env={}))["disk_encryption"].status == "no"
    assert [argv[-1] for argv, _ in new.calls if argv[0] == "lsblk"] == [
        "NAME,TYPE,FSTYPE,MOUNTPOINTS"
    ]


def test_linux_without_gnome_does_not_trust_gsettings_defaults() -> None:
    system = FakeSystem({"gsettings": (0, b"true\n", b"")})
    results = by_check(probe_device("linux", system, env={"XDG_CURRENT_DESKTOP": "KDE"}))
    assert results["screen_lock"].reason == "not_supported"
    assert not system.ran("gsettings")
    assert is_gnome({"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"})
    assert is_gnome({"XDG_CURRENT_DESKTOP": "GNOME-Classic:GNOME"})
    assert not is_gnome({"XDG_CURRENT_DESKTOP": "X-Cinnamon"})
    assert not is_gnome({})


def test_macos_end_to_end_reads_stderr_of_sysadminctl() -> None:
    system = FakeSystem(
        {
            "/usr/bin/fdesetup status": (0, data("fdesetup_on.txt"), b""),
            "socketfilterfw --getglobalstate": (0, data("socketfilterfw_disabled.txt"), b""),
            "sysadminctl -screenLock status": (
                0,
                b"",
                data("sysadminctl_screenlock_5_seconds.stderr.txt"),
            ),
            "/usr/sbin/softwareupdate --schedule": (0, data("softwareupdate_schedule_on.txt"), b""),
        }
    )
    results = by_check(probe_device("darwin", system, env={}))
    assert [results[check].status for check in CHECKS] == ["yes", "no", "yes", "yes"]
    assert all(argv[0].startswith("/usr/") for argv, _ in system.calls)


def test_windows_end_to_end_with_chinese_netsh_and_registry() -> None:
    netsh = fixture("netsh_zh_state_CONSTRUCTED_private_off.txt").encode("cp936")
    system = FakeSystem({"powershell.exe": (0, b"1\r\n", b""), "netsh.exe": (0, netsh, b"")})
    registry = {
        ("HKCU", r"Control Panel\Desktop"): reg_query_values(
            fixture("reg_query_hkcu_desktop_no_screensaver.txt")
        ),
        ("HKLM", r"SYSTEM\CurrentControlSet\Services\wuauserv"): {"Start": 4},
    }

    def reg(hive: str, key: str, name: str) -> object:
        return registry.get((hive, key), {}).get(name)

    env = {"SystemRoot": r"D:\WINDOWS", "SystemDrive": "D:"}
    results = by_check(probe_device("win32", system, reg=reg, env=env, encoding="cp936"))
    assert results["disk_encryption"].status == "yes"
    assert results["disk_encryption"].detail is not None
    assert "D:" in results["disk_encryption"].detail.render()
    firewall = results["firewall"]
    assert firewall.status == "no"
    assert firewall.detail is not None and "private networks" in firewall.detail.render()
    assert results["screen_lock"].status == "unknown"
    assert results["os_updates"].status == "no"
    for argv, options in system.calls:
        assert argv[0].startswith("D:\\WINDOWS\\System32\\")
        assert options["creationflags"] == CREATE_NO_WINDOW
        assert "env" not in options  # netsh stays in the user's language; we read both
    powershell = next(argv for argv, _ in system.calls if "powershell" in argv[0])
    assert "NameSpace('D:')" in powershell[-1] and "-NoProfile" in powershell


def test_windows_drive_letter_never_reaches_powershell_unchecked() -> None:
    plan = probe_plan("win32", {"SystemDrive": "C:'); Remove-Item x; ('"})
    command = plan["disk_encryption"][0].inputs[0]
    assert "Remove-Item" not in str(command)
    assert "NameSpace('C:')" in str(command)


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (FileNotFoundError("lsblk"), "tool_missing"),
        (subprocess.TimeoutExpired(["lsblk"], 3.0), "timeout"),
        (PermissionError("denied"), "permission"),
        (OSError("exec format error"), "error"),
        ((2, b"", b"lsblk: failed to access sysfs directory"), "error"),
    ],
)
def test_runner_failures_become_reasons(failure: Any, reason: str) -> None:
    system = FakeSystem({"lsblk": failure})
    result = by_check(probe_device("linux", system, env={}))["disk_encryption"]
    assert result.status == "unknown" and result.reason == reason
    assert result.source == "lsblk"


def test_runner_never_raises_even_when_everything_breaks() -> None:
    def broken_run(argv: list[str], **options: Any) -> Any:
        raise RuntimeError("boom")

    def broken_reg(hive: str, key: str, name: str) -> object:
        raise RuntimeError("boom")

    def broken_read(path: str) -> str:
        raise RuntimeError("boom")

    for platform in ("linux", "darwin", "win32"):
        results = by_check(
            probe_device(platform, broken_run, reg=broken_reg, read_text=broken_read, env=GNOME)
        )
        assert all(result.status == "unknown" for result in results.values())
    odd = by_check(probe_device("linux", lambda *a, **k: object(), timeout=float("nan"), env={}))
    assert odd["disk_encryption"].reason == "error"


def test_registry_failures_become_reasons() -> None:
    system = FakeSystem({})

    def denied(hive: str, key: str, name: str) -> object:
        raise PermissionError("access denied")

    def no_winreg(hive: str, key: str, name: str) -> object:
        raise ModuleNotFoundError("winreg")

    assert by_check(probe_device("win32", system, reg=denied))["screen_lock"].reason == "permission"
    assert by_check(probe_device("win32", system, reg=no_winreg))["os_updates"].reason == (
        "not_supported"
    )
    # The default reader on a machine without winreg: an answer, not an exception.
    assert by_check(probe_device("win32", system))["screen_lock"].status == "unknown"


def test_timeout_is_capped_at_three_seconds() -> None:
    system = FakeSystem({})
    probe_device("linux", system, timeout=60, env={})
    assert system.calls and all(options["timeout"] == 3.0 for _, options in system.calls)
    system = FakeSystem({})
    probe_device("linux", system, timeout=0.5, env={})
    assert all(options["timeout"] == 0.5 for _, options in system.calls)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="runs this Linux machine's tools")
def test_real_runner_on_this_machine() -> None:
    """This machine's real tools, each run with the 3 s cap (a few commands at most)."""
    calls: list[dict[str, Any]] = []

    def run(*args: Any, **options: Any) -> Any:
        calls.append(options)
        return subprocess.run(*args, **options)

    results = by_check(probe_device(run=run))
    assert len(calls) <= 12 and all(0 < options["timeout"] <= 3.0 for options in calls)
    for result in results.values():
        assert result.detail is not None


def test_lock_threshold_is_fifteen_minutes() -> None:
    assert MAX_LOCK_SECONDS == 900
