"""Wi-Fi detection: real captured tool outputs in, a WifiStatus out, never an exception.

Fixtures live in tests/fixtures/wifi (see SOURCES.md there); files whose name
contains CONSTRUCTED are clearly-labelled variants of a real capture.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.i18n import InputError, Msg
from checks.probes.wifi import (
    EXPLANATIONS,
    REASONS,
    SECURITY_LEVELS,
    SOURCES,
    WifiStatus,
    classify_security,
    parse_wifi,
    split_terse,
)
from checks.probes.wifi_run import CREATE_NO_WINDOW, decode_output, probe_wifi

FIXTURES = Path(__file__).parent / "fixtures" / "wifi"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def assert_consistent(status: WifiStatus) -> None:
    assert isinstance(status, WifiStatus)
    assert status.security in SECURITY_LEVELS
    assert status.source in SOURCES
    assert status.reason is None or status.reason in REASONS
    if status.reason is not None:
        assert status.ssid is None
        assert status.security == "unknown"
        assert status.raw_security is None
        assert isinstance(status.explanation, Msg)
        assert not status.connected
    else:
        assert status.connected


# ----------------------------------------------------------- real captures

# file, ssid, security, reason, raw_security
CASES = [
    ("netsh_en_two_interfaces_wpa3_h2e.txt", "alextrex", "wpa3", None, "WPA3-Personal  (H2E)"),
    ("netsh_en_wpa2_personal_atheros.txt", "LUO-PC_Network", "wpa2", None, "WPA2-Personal"),
    ("netsh_en_disconnected_dlink.txt", None, "unknown", "not_connected", None),
    ("netsh_en_location_permission.txt", None, "unknown", "location_permission", None),
    ("netsh_en_no_interface.txt", None, "unknown", "no_wifi_adapter", None),
    ("netsh_zh_enterprise.txt", "DC_WLAN(5GHz)", "enterprise", None, "WPA2 - 企业"),
    ("netsh_zh_open_fullwidth_colon.txt", "JOU", "open", None, "开放式"),
    ("netsh_zh_wpa2_personal.txt", "ChangyanSTU218", "wpa2", None, "WPA2 - 个人"),
    ("netsh_zh_disconnected.txt", None, "unknown", "not_connected", None),
    ("netsh_zh_no_interface.txt", None, "unknown", "no_wifi_adapter", None),
    ("netsh_zh_location_permission_partial.txt", None, "unknown", "location_permission", None),
    ("macos_connected_wpa2_with_awdl0.txt", "G-HOME", "wpa2", None, "WPA2 Personal"),
    ("macos_connected_wpa2_cn.txt", "ZTE-YsyTUc_5G", "wpa2", None, "WPA2 Personal"),
    ("macos_not_associated_itlwm.txt", None, "unknown", "not_connected", None),
    ("macos_CONSTRUCTED_redacted_ssid.txt", None, "wpa2", None, "WPA2 Personal"),
    ("macos_CONSTRUCTED_wifi_off.txt", None, "unknown", "wifi_off", None),
    (
        "nmcli_active_ssid_security_chan_freq_signal.txt",
        "ABVI_Dunnigan_Guest",
        "wpa3",
        None,
        "WPA3",
    ),
    (
        "nmcli_CONSTRUCTED_colon_chinese_transition.txt",
        "我家的 Wi:Fi 5G",
        "wpa2",
        None,
        "WPA2 WPA3",
    ),
    # Real captures of connected networks from cobarx/pubnet-tools (SSIDs replaced by its author)
    ("nmcli_open_train_pubnet.txt", "YourTrainWiFi", "open", None, ""),
    ("nmcli_wpa2_cafe_pubnet.txt", "Chico Coffee Shop", "wpa2", None, "WPA2"),
    ("nmcli_wpa1_wpa2_extender_pubnet.txt", "STAND-IN SSID 02", "wpa", None, "WPA1 WPA2"),
    ("nmcli_local_no_system_bus.stderr.txt", None, "unknown", "tool_missing", None),
    ("nmcli_local_nm_unreachable.stderr.txt", None, "unknown", "tool_missing", None),
]


@pytest.mark.parametrize(("name", "ssid", "security", "reason", "raw"), CASES)
def test_captured_outputs(
    name: str, ssid: str | None, security: str, reason: str | None, raw: str | None
) -> None:
    source = name.split("_")[0]
    status = parse_wifi(fixture(name), source)
    assert (status.ssid, status.security, status.reason, status.raw_security) == (
        ssid,
        security,
        reason,
        raw,
    )
    assert status.source == source
    assert_consistent(status)


def test_every_fixture_file_is_covered() -> None:
    files = {path.name for path in FIXTURES.glob("*.txt")}
    assert files == {case[0] for case in CASES}
    sources = (FIXTURES / "SOURCES.md").read_text(encoding="utf-8")
    for name in files:
        assert name in sources, f"{name} has no entry in SOURCES.md"


def test_redacted_name_is_explained_not_reported_as_a_name() -> None:
    status = parse_wifi(fixture("macos_CONSTRUCTED_redacted_ssid.txt"), "macos")
    assert status.ssid is None and status.connected
    assert status.explanation is not None and "name" in status.explanation.render()


# ------------------------------------------------------------------ input


@pytest.mark.parametrize("source", ["", "NMCLI", "windows", "airport", None, 3])
def test_unknown_source_is_a_clear_input_error(source: Any) -> None:
    with pytest.raises(InputError) as raised:
        parse_wifi("State : connected", source)
    assert isinstance(raised.value, ValueError)
    assert "source" in str(raised.value)


def test_text_must_be_text() -> None:
    with pytest.raises(InputError):
        parse_wifi(b"SSID : x", "netsh")  # type: ignore[arg-type]


def test_every_reason_has_plain_words() -> None:
    assert set(EXPLANATIONS) == set(REASONS)
    for words in EXPLANATIONS.values():
        assert "{" not in words and len(words) > 20


# --------------------------------------------------------------- security

LABELS = [
    # nmcli SECURITY
    ("", "open"),
    ("--", "open"),
    ("WEP", "wep"),
    ("WPA1", "wpa"),
    ("WPA1 WPA2", "wpa"),
    ("WPA2", "wpa2"),
    ("WPA2 WPA3", "wpa2"),
    ("WPA3", "wpa3"),
    ("WPA2 802.1X", "enterprise"),
    ("WPA1 WPA2 802.1X", "enterprise"),
    ("WPA3 802.1X", "enterprise"),
    ("802.1X", "enterprise"),
    ("OWE", "open"),
    # netsh Authentication / 身份验证
    ("Open", "open"),
    ("开放式", "open"),
    ("Shared", "wep"),
    ("WPA-Personal", "wpa"),
    ("WPA2-Personal", "wpa2"),
    ("WPA2 - 个人", "wpa2"),
    ("WPA3-Personal", "wpa3"),
    ("WPA3-Personal  (H2E)", "wpa3"),
    ("WPA2-Enterprise", "enterprise"),
    ("WPA2 - 企业", "enterprise"),
    ("WPA3-Enterprise 192 Bits", "enterprise"),
    # macOS Security
    ("None", "open"),
    ("WPA Personal", "wpa"),
    ("WPA/WPA2 Personal", "wpa"),
    ("WPA2 Personal", "wpa2"),
    ("WPA2/WPA3 Personal", "wpa2"),
    ("WPA3 Personal", "wpa3"),
    ("WPA2 Enterprise", "enterprise"),
    ("Dynamic WEP", "wep"),
    ("Personal", "unknown"),
    ("something new", "unknown"),
]


@pytest.mark.parametrize(("label", "expected"), LABELS)
def test_security_labels(label: str, expected: str) -> None:
    assert classify_security(label) == expected


# ------------------------------------------------------------------ nmcli


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (r"yes:Cafe\: Free:WPA2", ["yes", "Cafe: Free", "WPA2"]),
        (r"no:Back\\slash:", ["no", "Back\\slash", ""]),
        (r"no:a\\\:b:WEP", ["no", "a\\:b", "WEP"]),
        ("yes:咖啡店 免费:WPA1 WPA2", ["yes", "咖啡店 免费", "WPA1 WPA2"]),
        ("no::WPA2", ["no", "", "WPA2"]),
        ("trailing\\", ["trailing\\"]),
    ],
)
def test_terse_rows_split_on_unescaped_colons(line: str, fields: list[str]) -> None:
    assert split_terse(line) == fields


def test_nmcli_only_the_active_row_counts() -> None:
    text = fixture("nmcli_CONSTRUCTED_colon_chinese_transition.txt")
    assert parse_wifi(text.replace("yes:", "no:"), "nmcli").reason == "not_connected"
    status = parse_wifi("no:Cafe\\: Free:\nyes:Cafe\\: Free:\n", "nmcli")
    assert (status.ssid, status.security, status.raw_security) == ("Cafe: Free", "open", "")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "not_connected"),
        ("Error: NetworkManager is not running.\n", "tool_missing"),
        ("Error: No Wi-Fi device found.\n", "no_wifi_adapter"),
        ("Error: Connection activation failed.\n", "error"),
        ("ja:HUAWEI-E5180-E406:WPA2\n", "unrecognised_output"),  # a German ACTIVE column
        ("yes\n", "unrecognised_output"),
    ],
)
def test_nmcli_reasons(text: str, reason: str) -> None:
    status = parse_wifi(text, "nmcli")
    assert status.reason == reason
    assert_consistent(status)


# ------------------------------------------------------------------ netsh


def test_bssid_lines_are_never_taken_for_the_ssid() -> None:
    for name in ("netsh_zh_open_fullwidth_colon.txt", "netsh_en_two_interfaces_wpa3_h2e.txt"):
        text = "\n".join(line for line in fixture(name).split("\n") if line.strip()[:4] != "SSID")
        status = parse_wifi(text, "netsh")
        assert status.ssid is None and status.connected


def test_the_connected_interface_wins_wherever_it_is() -> None:
    text = fixture("netsh_en_two_interfaces_wpa3_h2e.txt")
    head, first, second = text.split("    Name ")
    swapped = head + "    Name " + second.rstrip("\n") + "\n\n    Name " + first
    status = parse_wifi(swapped, "netsh")
    assert (status.ssid, status.security) == ("alextrex", "wpa3")


def test_full_width_colons_and_crlf() -> None:
    text = fixture("netsh_zh_enterprise.txt").replace(" : ", "：").replace("\n", "\r\n")
    status = parse_wifi(text, "netsh")
    assert (status.ssid, status.security) == ("DC_WLAN(5GHz)", "enterprise")


def test_ssid_with_a_colon_is_kept_whole() -> None:
    text = fixture("netsh_en_wpa2_personal_atheros.txt").replace(
        "SSID                   : LUO-PC_Network", "SSID                   : 办公室: 5G"
    )
    assert parse_wifi(text, "netsh").ssid == "办公室: 5G"


def test_open_authentication_with_a_wep_key_is_wep() -> None:
    text = fixture("netsh_en_wpa2_personal_atheros.txt")
    text = text.replace(": WPA2-Personal", ": Open").replace(": CCMP", ": WEP")
    assert parse_wifi(text, "netsh").security == "wep"


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("Software On", "Software Off", "wifi_off"),
        ("Hardware On", "Hardware Off", "wifi_off"),
        (
            "State                  : disconnected",
            "State                  : associating",
            "not_connected",
        ),
    ],
)
def test_netsh_not_connected_or_off(old: str, new: str, reason: str) -> None:
    text = fixture("netsh_en_disconnected_dlink.txt").replace(old, new)
    assert parse_wifi(text, "netsh").reason == reason


def test_chinese_radio_off() -> None:
    text = fixture("netsh_zh_disconnected.txt").replace("软件 开", "软件 关")
    assert parse_wifi(text, "netsh").reason == "wifi_off"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The Wireless AutoConfig Service (wlansvc) is not running.\n", "wifi_off"),
        (
            "    Nom                    : Wi-Fi\n    État                   : connecté\n",
            "unrecognised_output",
        ),
        ("", "unrecognised_output"),
        ("There is 0 interface on the system", "no_wifi_adapter"),
    ],
)
def test_netsh_reasons(text: str, reason: str) -> None:
    assert parse_wifi(text, "netsh").reason == reason


# ------------------------------------------------------------------ macOS


def test_airdrop_link_is_not_the_network() -> None:
    text = fixture("macos_connected_wpa2_with_awdl0.txt")
    start = text.index("          Current Network Information:")
    end = text.index("          Other Local Wi-Fi Networks:")
    status = parse_wifi(text[:start] + text[end:], "macos")
    assert status.reason == "not_connected"  # awdl0's own "Current Network" must not count
    # Even without "Card Type" lines, and with a security line under awdl0, it is not the network.
    harder = (text[:start] + text[end:]).replace(
        "          Card Type: Wi-Fi  (0x14E4, 0x4378)\n", ""
    )
    harder += "              Security: WPA3 Personal\n"
    assert parse_wifi(harder, "macos").reason == "not_connected"


@pytest.mark.parametrize(
    ("label", "security"),
    [
        ("WPA3 Personal", "wpa3"),
        ("WPA2/WPA3 Personal", "wpa2"),
        ("WPA/WPA2 Personal", "wpa"),
        ("None", "open"),
        ("WEP", "wep"),
        ("WPA2 Enterprise", "enterprise"),
    ],
)
def test_macos_security_lines(label: str, security: str) -> None:
    text = fixture("macos_connected_wpa2_cn.txt").replace(
        "Security: WPA2 Personal", f"Security: {label}"
    )
    status = parse_wifi(text, "macos")
    assert (status.security, status.raw_security) == (security, label)


def test_macos_names_with_colons_and_chinese() -> None:
    text = fixture("macos_connected_wpa2_with_awdl0.txt").replace(
        "            G-HOME:\n              PHY Mode: 802.11ax",
        "            咖啡: 免费:\n              PHY Mode: 802.11ax",
        1,
    )
    assert parse_wifi(text, "macos").ssid == "咖啡: 免费"


def test_macos_without_a_wifi_card() -> None:
    assert parse_wifi("Wi-Fi:\n\n      Interfaces:\n", "macos").reason == "no_wifi_adapter"
    assert parse_wifi("", "macos").reason == "unrecognised_output"


# --------------------------------------------------------------- property

TOKENS = st.sampled_from(
    [
        ":",
        "：",
        "\\",
        "\n",
        "\r\n",
        " ",
        "yes",
        "no",
        "SSID",
        "BSSID",
        "State",
        "状态",
        "connected",
        "已连接",
        "Authentication",
        "身份验证",
        "WPA2",
        "802.1X",
        "OWE",
        "en0",
        "awdl0",
        "Current Network Information",
        "Security",
        "<redacted>",
        "Card Type",
        "Status",
        "Off",
        "Name",
        "名称",
        "Radio status",
        "Software Off",
        "Error",
    ]
)


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=300)
@given(text=st.text(), source=st.sampled_from(SOURCES))
def test_parse_wifi_never_raises_on_any_text(text: str, source: str) -> None:
    assert_consistent(parse_wifi(text, source))


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=300)
@given(
    parts=st.lists(st.one_of(TOKENS, st.text(max_size=5)), max_size=60),
    source=st.sampled_from(SOURCES),
)
def test_parse_wifi_never_raises_on_near_miss_outputs(parts: list[str], source: str) -> None:
    assert_consistent(parse_wifi("".join(parts), source))


@pytest.mark.security  # hostile input: only documented errors, never a crash
@settings(max_examples=100)
@given(name=st.sampled_from([case[0] for case in CASES]), cut=st.integers(0, 5000))
def test_truncated_real_outputs_never_raise(name: str, cut: int) -> None:
    assert_consistent(parse_wifi(fixture(name)[:cut], name.split("_")[0]))


# ------------------------------------------------------------------ probe


class FakeRun:
    """Stands in for subprocess.run only; records how it was called."""

    def __init__(
        self,
        stdout: bytes = b"",
        stderr: bytes = b"",
        returncode: int = 0,
        error: BaseException | None = None,
    ) -> None:
        self.result = SimpleNamespace(stdout=stdout, stderr=stderr, returncode=returncode)
        self.error = error
        self.calls: list[tuple[list[str], dict[str, Any]]] = []

    def __call__(self, args: list[str], **kwargs: Any) -> Any:
        self.calls.append((args, kwargs))
        if self.error is not None:
            raise self.error
        return self.result


def test_windows_probe_runs_netsh_hidden_with_a_short_timeout() -> None:
    run = FakeRun(fixture("netsh_en_wpa2_personal_atheros.txt").encode())
    status = probe_wifi("win32", run, timeout=30, encoding="utf-8")
    assert (status.ssid, status.security, status.source) == ("LUO-PC_Network", "wpa2", "netsh")
    args, kwargs = run.calls[0]
    assert args[0].lower().endswith(r"\system32\netsh.exe")
    assert args[1:] == ["wlan", "show", "interfaces"]
    assert kwargs["creationflags"] == CREATE_NO_WINDOW
    assert 0 < kwargs["timeout"] <= 3.0
    assert kwargs["capture_output"] is True


def test_chinese_windows_bytes_are_read_in_the_oem_code_page() -> None:
    run = FakeRun(fixture("netsh_zh_enterprise.txt").encode("cp936"))
    status = probe_wifi("win32", run, encoding="cp936")
    assert (status.ssid, status.security, status.raw_security) == (
        "DC_WLAN(5GHz)",
        "enterprise",
        "WPA2 - 企业",
    )


def test_linux_probe_asks_nmcli_in_the_c_locale() -> None:
    run = FakeRun(fixture("nmcli_active_ssid_security_chan_freq_signal.txt").encode())
    status = probe_wifi("linux", run)
    assert status.ssid == "ABVI_Dunnigan_Guest"
    args, kwargs = run.calls[0]
    assert args[:5] == ["nmcli", "-t", "-f", "ACTIVE,SSID,SECURITY", "device"]
    assert kwargs["env"]["LC_ALL"] == "C"
    assert "creationflags" not in kwargs


def test_macos_probe_runs_system_profiler() -> None:
    run = FakeRun(fixture("macos_connected_wpa2_cn.txt").encode())
    assert probe_wifi("darwin", run).ssid == "ZTE-YsyTUc_5G"
    assert run.calls[0][0] == ["/usr/sbin/system_profiler", "SPAirPortDataType"]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (FileNotFoundError(2, "No such file"), "tool_missing"),
        (subprocess.TimeoutExpired(["netsh"], 3.0), "timeout"),
        (PermissionError(13, "denied"), "error"),
        (OSError(8, "Exec format error"), "error"),
        (RuntimeError("a broken runner"), "error"),
    ],
)
@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_probe_failures_become_reasons(platform: str, error: BaseException, reason: str) -> None:
    status = probe_wifi(platform, FakeRun(error=error))
    assert status.reason == reason
    assert_consistent(status)


def test_failed_command_keeps_its_own_diagnosis() -> None:
    location = FakeRun(fixture("netsh_en_location_permission.txt").encode(), returncode=1)
    assert probe_wifi("win32", location, encoding="utf-8").reason == "location_permission"
    nm = FakeRun(stderr=fixture("nmcli_local_no_system_bus.stderr.txt").encode(), returncode=1)
    assert probe_wifi("linux", nm).reason == "tool_missing"
    odd = FakeRun(fixture("netsh_en_wpa2_personal_atheros.txt").encode(), returncode=1)
    assert probe_wifi("win32", odd, encoding="utf-8").reason == "error"


def test_a_runner_returning_nonsense_does_not_raise() -> None:
    status = probe_wifi("linux", lambda *a, **k: object())
    assert status.reason == "error"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("状态".encode("gbk"), "cp936", "状态"),
        ("状态".encode(), "ascii", "状态"),
        (b"\xff\xfe\xfa", "utf-8", "\ufffd\ufffd\ufffd"),
        ("already text", "utf-8", "already text"),
        (None, "utf-8", ""),
        (b"abc", "no-such-codec", "abc"),
    ],
)
def test_decode_output(data: object, encoding: str, text: str) -> None:
    assert decode_output(data, encoding) == text


def test_real_timeout_with_a_real_subprocess() -> None:
    def slow(args: list[str], **kwargs: Any) -> Any:
        return subprocess.run([sys.executable, "-c", "import time; time.sleep(5)"], **kwargs)

    status = probe_wifi("linux", slow, timeout=0.5)
    assert status.reason == "timeout"


def test_probe_on_this_machine_for_real() -> None:
    status = probe_wifi()
    assert_consistent(status)
    if sys.platform.startswith("linux"):
        assert status.source == "nmcli"


def test_checks_network_imports_no_qt() -> None:
    code = (
        "import sys, checks.probes.wifi, checks.probes.wifi_run; "
        "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[1], check=False)
    assert done.returncode == 0
