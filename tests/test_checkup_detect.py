"""Probe results become proposals with their reasons, in English and in Chinese.

Captured tool outputs (tests/fixtures/wifi, tests/fixtures/device) go through
the real parsers and :mod:`checks.checkup.detect`; the words are rendered
through the shipped zh_CN catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.checkup.detect import from_device, from_wifi
from checks.checkup.flow import PROBE, TOOL_NOTE, CheckupFlow
from checks.probes.device import ProbeResult, parse_lsblk, parse_socketfilterfw
from checks.probes.device_settings import parse_gnome_software_updates, parse_windows_screen_lock
from checks.probes.wifi import parse_wifi
from desktop.i18n import catalog

FIXTURES = Path(__file__).parent / "fixtures"
ZH = catalog("zh_CN").gettext


def wifi(name: str):
    text = (FIXTURES / "wifi" / name).read_text(encoding="utf-8")
    return parse_wifi(text, name.split("_")[0])


def device(name: str) -> str:
    return (FIXTURES / "device" / name).read_text(encoding="utf-8")


# fixture, proposed value, English basis, Chinese basis
WIFI_CASES = [
    (
        "nmcli_wpa2_cafe_pubnet.txt",
        "wpa2",
        "Detected with nmcli: WPA2.",
        "通过 nmcli 检测到：WPA2。",
    ),
    (
        "nmcli_open_train_pubnet.txt",
        "open",
        "Detected with nmcli: open, no password.",
        "通过 nmcli 检测到：开放，无密码。",
    ),
    (
        "nmcli_wpa1_wpa2_extender_pubnet.txt",
        "wpa",
        "Detected with nmcli: WPA (shown as \u201cWPA1 WPA2\u201d).",
        "通过 nmcli 检测到：WPA（系统显示为\u201cWPA1 WPA2\u201d）。",
    ),
    (
        "netsh_zh_wpa2_personal.txt",
        "wpa2",
        "Detected with netsh: WPA2 (shown as \u201cWPA2 - 个人\u201d).",
        "通过 netsh 检测到：WPA2（系统显示为\u201cWPA2 - 个人\u201d）。",
    ),
    (
        "netsh_zh_enterprise.txt",
        "enterprise",
        "Detected with netsh: work or school login with 802.1X (shown as \u201cWPA2 - 企业\u201d).",
        "通过 netsh 检测到：使用 802.1X 的单位或学校账号登录"
        "（系统显示为\u201cWPA2 - 企业\u201d）。",
    ),
    (
        "macos_connected_wpa2_cn.txt",
        "wpa2",
        "Detected with system_profiler: WPA2 (shown as \u201cWPA2 Personal\u201d).",
        "通过 system_profiler 检测到：WPA2（系统显示为\u201cWPA2 Personal\u201d）。",
    ),
    (
        "netsh_en_disconnected_dlink.txt",
        "wired",
        "Detected with netsh: this computer is not on Wi-Fi right now.",
        "通过 netsh 检测到：这台电脑现在没有连接 Wi-Fi。",
    ),
]


@pytest.mark.parametrize(("name", "value", "english", "chinese"), WIFI_CASES)
def test_wifi_fixture_gives_a_proposal_with_its_basis_in_both_languages(
    name: str, value: str, english: str, chinese: str
) -> None:
    proposal = from_wifi(wifi(name))
    assert (proposal.question, proposal.value) == ("wifi_security", value)
    assert proposal.basis.render() == english
    assert proposal.basis.render(ZH) == chinese


def test_network_name_never_appears_in_the_words() -> None:
    for name, *_rest in WIFI_CASES:
        status = wifi(name)
        proposal = from_wifi(status)
        if status.ssid:
            assert status.ssid not in proposal.basis.render(), name


@pytest.mark.parametrize(
    "name", ["netsh_en_location_permission.txt", "netsh_zh_location_permission_partial.txt"]
)
def test_location_permission_gets_a_helpful_answer_not_unknown(name: str) -> None:
    proposal = from_wifi(wifi(name))
    assert proposal.value is None  # the question is asked …
    english = proposal.basis.render()
    assert english.startswith("Could not tell: Windows only shares Wi-Fi details")
    assert "Privacy & security, then Location" in english  # … with how to let the check see
    chinese = proposal.basis.render(ZH)
    assert chinese.startswith("无法判断：Windows 只把 Wi-Fi")
    assert "定位服务" in chinese


def test_no_adapter_proposes_not_on_wifi_and_says_why() -> None:
    proposal = from_wifi(wifi("netsh_zh_no_interface.txt"))
    assert proposal.value == "wired"
    assert proposal.basis.render(ZH) == "通过 netsh 检测到：这台电脑没有已开启的 Wi-Fi 网卡。"
    assert proposal.note is not None and "cable" in proposal.note.render()


def test_hidden_macos_name_is_explained() -> None:
    proposal = from_wifi(wifi("macos_CONSTRUCTED_redacted_ssid.txt"))
    assert proposal.value == "wpa2"
    assert proposal.note is not None
    assert proposal.note.render(ZH).startswith("macOS 没有把网络名称告诉本应用")


def test_nmcli_without_networkmanager_says_so() -> None:
    proposal = from_wifi(wifi("nmcli_local_no_system_bus.stderr.txt"))
    assert proposal.value is None
    assert "NetworkManager" in proposal.basis.render()
    assert proposal.basis.render(ZH).startswith("无法判断：")


def test_device_fixtures_become_proposals_with_translated_words() -> None:
    encrypted = from_device(parse_lsblk(device("lsblk_public_ubuntu_luks_lvm_mountpoints.json")))
    assert (encrypted.question, encrypted.value) == ("disk_encryption", "yes")
    assert encrypted.basis.render() == (
        "Detected with lsblk: the disk that holds your system is encrypted."
    )
    assert encrypted.basis.render(ZH).startswith("通过 lsblk 检测到")

    firewall = from_device(parse_socketfilterfw(device("socketfilterfw_disabled.txt")))
    assert (firewall.question, firewall.value) == ("firewall", "no")

    no_schema = from_device(
        parse_gnome_software_updates(device("gsettings_no_schema_gnome_software.stderr.txt"))
    )
    assert (no_schema.question, no_schema.value) == ("os_updates", None)
    assert no_schema.basis.render().startswith("Could not tell: This computer does not have")

    screen = from_device(parse_windows_screen_lock({"ScreenSaveActive": "1"}))
    assert screen.value is None
    assert "Sign-in options" in screen.basis.render()
    assert screen.basis.render(ZH).startswith("无法判断：")
    assert "registry" not in screen.basis.render(ZH)  # no English tool words in Chinese


def test_the_flow_shows_the_words_of_the_latest_probe() -> None:
    flow = CheckupFlow()
    flow.apply(from_wifi(wifi("nmcli_wpa2_cafe_pubnet.txt")))
    assert [m.render(ZH) for m in flow.probe_words("wifi_security")] == [
        "通过 nmcli 检测到：WPA2。",
        "nmcli 是系统自带的工具，用来显示这项设置；体检只读取它显示的内容，不做任何改动。",
        "如果不对，请选择正确的答案。",
    ]


# -- moved here from test_checkup.py: proposals and the flow --------------------------


def test_resume_reads_the_probe_basis_of_earlier_drafts() -> None:
    resumed = CheckupFlow.from_dict(
        {
            "answers": {"wifi_security": "wpa2"},
            "sources": {"wifi_security": PROBE},
            "bases": {"wifi_security": "nmcli: WPA2"},
        }
    )
    assert [m.render() for m in resumed.probe_words("wifi_security")] == [
        "Detected with nmcli: WPA2.",
        TOOL_NOTE.format(tool="nmcli"),
        "If this is wrong, choose the right answer.",
    ]


def test_resume_drops_damaged_probe_words() -> None:
    resumed = CheckupFlow.from_dict(
        {
            "probed": {
                "wifi_security": {"value": "wpa2", "basis": {"text": "Hi {missing}", "args": {}}},
                "firewall": {"value": 3, "basis": {"text": "x", "args": {}}},
                "screen_lock": "nonsense",
                "nope": {"value": None, "basis": {"text": "x", "args": {}}},
            }
        }
    )
    assert resumed.probed == {}


def test_a_probe_never_keeps_the_network_name() -> None:
    flow = CheckupFlow()
    flow.apply(from_wifi(parse_wifi("yes:Home Sweet Net:WPA2\n", "nmcli")))
    assert flow.answers["wifi_security"] == "wpa2"
    assert "Home Sweet Net" not in json.dumps(flow.to_dict())


def test_a_probe_that_cannot_tell_leaves_its_reason_and_no_answer() -> None:
    flow = CheckupFlow()
    assert flow.propose("firewall", "yes", "ufw")
    status = ProbeResult("firewall", "unknown", "ufw", None, "timeout")
    assert not flow.apply(from_device(status))
    assert "firewall" not in flow.answers  # the earlier probe answer no longer holds
    assert [m.render() for m in flow.probe_words("firewall")] == [
        "Could not tell: The system took too long to answer. Please answer this question yourself."
    ]
    flow.answer("firewall", "no")
    assert flow.probe_words("firewall")  # the reason stays beside the user's own answer


def test_wifi_probe_becomes_a_proposal() -> None:
    status = parse_wifi("yes:Home\\:Net:WPA2\nno:Cafe:\n", "nmcli")
    proposal = from_wifi(status)
    assert (proposal.question, proposal.value) == ("wifi_security", "wpa2")
    assert proposal.basis.render() == "Detected with nmcli: WPA2."
    assert "Home" not in proposal.basis.render()


def test_device_probe_results_become_proposals() -> None:
    def result(check: str, status: str) -> ProbeResult:
        return ProbeResult(check, status, "lsblk", None, None if status != "unknown" else "error")

    yes = from_device(result("disk_encryption", "yes"))
    assert (yes.question, yes.value, yes.basis.render()) == (
        "disk_encryption",
        "yes",
        "Detected with lsblk.",
    )
    no = from_device(result("disk_encryption", "no"))
    assert (no.question, no.value) == ("disk_encryption", "no")
    unknown = from_device(result("firewall", "unknown"))
    assert (unknown.question, unknown.value) == ("firewall", None)
    assert unknown.basis.render().startswith("Could not tell: The system tool for this check")
    updates = from_device(result("os_updates", "yes"))
    assert (updates.question, updates.value) == ("os_updates", "automatic")
    behind = from_device(result("os_updates", "no"))
    assert (behind.question, behind.value) == ("os_updates", None)  # manual or behind: asked
