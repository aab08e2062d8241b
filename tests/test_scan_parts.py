"""The scan's other parts (issue 20): browser extensions per browser and system,
remote-control tools, hosts and proxy, the clipboard test's logic, the JSON
object (which never holds a secret) and the findings."""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

import pytest

from checks.chains import guess_chain
from checks.scan import clipboard
from checks.scan.engine import ScanOptions, run_scan
from checks.scan.extensions import PROFILE_ROOTS, find_extensions, judge
from checks.scan.findings import CATALOG, ScanItem, clipboard_items, finding, items_for
from checks.scan.hosts import environment_proxies, parse_hosts, parse_scutil_proxy, windows_proxies
from checks.scan.remote import find_remote_tools
from checks.scan.report import to_json

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import scan_home  # noqa: E402

METAMASK = "nkbihfbeogaeaoehlefnkodbefgpgknn"
FAKE = "abcdefghijklmnopabcdefghijklmnop"


def _chromium_extension(user_data: Path, profile: str, ext_id: str, name: str) -> None:
    version = user_data / profile / "Extensions" / ext_id / "1.0.0_0"
    version.mkdir(parents=True)
    if name.startswith("__MSG_"):
        (version / "_locales" / "zh_CN").mkdir(parents=True)
        (version / "_locales" / "zh_CN" / "messages.json").write_text(
            json.dumps({"appName": {"message": "MetaMask 钱包"}}), encoding="utf-8"
        )
        manifest = {"name": "__MSG_APPNAME__", "default_locale": "zh_CN"}
    else:
        manifest = {"name": name}
    (version / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _firefox_profile(profiles: Path, addons: list[tuple[str, str]]) -> None:
    profile = profiles / "abcd1234.default-release"
    profile.mkdir(parents=True)
    listing = {"addons": [{"id": i, "type": "extension", "defaultLocale": {"name": n}}
                          for i, n in addons]}  # fmt: skip
    (profile / "extensions.json").write_text(json.dumps(listing), encoding="utf-8")


@pytest.mark.parametrize("system", sorted(PROFILE_ROOTS))
def test_every_browser_profile_layout_on_every_system(tmp_path: Path, system: str) -> None:
    for _browser, family, relative in PROFILE_ROOTS[system]:
        root = tmp_path / relative
        if root.exists():
            continue
        if family == "firefox":
            _firefox_profile(root, [("webextension@metamask.io", "MetaMask"),
                                    ("wallet@evil.example", "MetaMask Wallet"),
                                    ("ublock@raymondhill.net", "uBlock Origin")])  # fmt: skip
        else:
            _chromium_extension(root, "Default", METAMASK, "MetaMask")
            _chromium_extension(root, "Profile 2", FAKE, "__MSG_appName__")
            _chromium_extension(root, "Default", "cjpalhdlnbpafiamejdnhcphjbkeiagm", "uBlock")
    found = find_extensions(tmp_path, system)
    browsers = {browser for browser, _family, _relative in PROFILE_ROOTS[system]}
    assert {e.browser for e in found} == browsers
    for browser in browsers:
        verdicts = sorted((e.verdict, e.name) for e in found if e.browser == browser)
        assert ("official", "MetaMask") in verdicts
        assert any(v == "impostor" and "MetaMask" in n for v, n in verdicts), verdicts
    assert not any("uBlock" in e.name for e in found)
    assert {e.wallet for e in found} == {"metamask"}


@pytest.mark.parametrize(
    ("ext_id", "name", "expected"),
    [
        (METAMASK, "Anything", ("metamask", "official")),
        ("ljfoeinjpaedjfecbmggjgodbgkmjkjk", "MetaMask Flask", ("metamask", "official")),
        (FAKE, "Meta Mask - Ethereum Wallet", ("metamask", "impostor")),
        (FAKE, "MetaМask", ("metamask", "impostor")),  # a Cyrillic М
        (
            "ejbalbakoplchlghecdalmeeeajnimhm",
            "MetaMask",
            ("metamask", "unknown"),
        ),  # Edge, unconfirmed
        (FAKE, "Trust Wallet", ("trustwallet", "unknown")),  # list not confirmed: never "impostor"
        (FAKE, "Dark Reader", None),
    ],
)
def test_impostor_rules(ext_id: str, name: str, expected: tuple[str, str] | None) -> None:
    assert judge(ext_id, name) == expected


def test_every_listed_id_has_a_source_and_a_date() -> None:
    raw = json.loads((REPO / "resources" / "wallet_extensions.json").read_text(encoding="utf-8"))
    for wallet in raw["wallets"]:
        for entry in wallet["ids"]:
            assert entry["source"].startswith("https://") and entry["checked_on"]
            assert entry["store"] in ("chrome", "edge", "firefox")
            assert isinstance(entry["confirmed"], bool)
            if not entry["confirmed"]:
                assert entry["note"]


def test_remote_tools_running_installed_and_absent(tmp_path: Path) -> None:
    system_root = tmp_path / "root"
    (system_root / "opt" / "teamviewer").mkdir(parents=True)
    home = tmp_path / "home"
    (home / ".config" / "rustdesk").mkdir(parents=True)
    processes = ["systemd", "AnyDesk.exe", "python3"]
    found = {
        t.id: (t.installed, t.running) for t in find_remote_tools(home, processes, system_root)
    }
    assert found == {
        "anydesk": (False, True),
        "teamviewer": (True, False),
        "rustdesk": (True, False),
    }
    # A chosen home folder: the machine's own folders are not looked at.
    assert {t.id for t in find_remote_tools(home, [], None)} == {"rustdesk"}


def test_hosts_entries_for_crypto_sites_that_point_elsewhere() -> None:
    text = (
        "127.0.0.1 localhost\n"
        "# 1.2.3.4 metamask.io\n"
        "203.0.113.9  metamask.io www.binance.com  # added by 'support'\n"
        "0.0.0.0 metamask-login.example\n"
        "198.51.100.7 intranet.corp\n"
    )
    assert [(e.host, e.address) for e in parse_hosts(text)] == [
        ("metamask.io", "203.0.113.9"),
        ("www.binance.com", "203.0.113.9"),
    ]


def test_proxies_from_environment_macos_and_windows_never_show_a_password() -> None:
    env = {"HTTPS_PROXY": "http://bob:hunter2@10.0.0.5:3128", "PATH": "/bin", "no_proxy": "x"}
    assert [p.value for p in environment_proxies(env)] == ["http://10.0.0.5:3128"]
    scutil = (
        "<dictionary> {\n  HTTPEnable : 1\n  HTTPPort : 8080\n  HTTPProxy : 192.0.2.1\n"
        "  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://wpad.example/proxy.pac\n}"
    )
    assert [(p.kind, p.value) for p in parse_scutil_proxy(scutil)] == [
        ("proxy", "192.0.2.1:8080"),
        ("pac", "http://wpad.example/proxy.pac"),
    ]
    registry = {"ProxyEnable": 1, "ProxyServer": "127.0.0.1:8888", "AutoConfigURL": ""}
    assert [(p.kind, p.value) for p in windows_proxies(registry.get)] == [
        ("proxy", "127.0.0.1:8888")
    ]
    assert windows_proxies({"ProxyEnable": 0, "ProxyServer": "x:1"}.get) == []


def test_the_clipboard_samples_are_valid_addresses_of_each_chain() -> None:
    samples = clipboard.samples()
    assert len({s.address for s in samples}) == len(samples) >= 5
    for sample in samples:
        assert any(g.kind == "address" for g in guess_chain(sample.address)), sample


def test_a_fake_hijacker_is_caught_and_a_quiet_clipboard_is_clean() -> None:
    samples = clipboard.samples()
    thief = clipboard.samples()[2].address.lower()  # another valid-looking EVM address

    def hijacker(text: str) -> str:
        return thief if text.startswith("0x") else text

    caught = [clipboard.compare(s, hijacker(s.address)) for s in samples]
    assert clipboard.verdict(caught) == "hijacked"
    assert [i.id for i in clipboard_items(caught)] == ["scan_clipboard_hijacked"]
    quiet = [clipboard.compare(s, s.address) for s in samples]
    assert clipboard.verdict(quiet) == "clean" and clipboard_items(quiet) == []
    emptied = [clipboard.compare(s, None) for s in samples]
    assert clipboard.verdict(emptied) == "disturbed"


def _planted_home(root: Path) -> None:
    for relative, (data, _kind) in scan_home.planted_files().items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    _chromium_extension(root / ".config/google-chrome", "Default", FAKE, "MetaMask")


@pytest.mark.security
def test_the_json_object_follows_the_contract_and_never_holds_a_secret(tmp_path: Path) -> None:
    _planted_home(tmp_path)
    options = ScanOptions(home=tmp_path, system="linux", processes=lambda: ["ToDesk.exe"])
    data = to_json(run_scan(options))
    assert list(data)[:4] == ["secret_files", "extensions", "remote_access", "hosts"]
    assert set(data["stats"]) >= {"files", "bytes", "skipped", "seconds"}
    assert {(f["path"], f["kind"]) for f in data["secret_files"]} == {
        (p.path, p.kind) for p in scan_home.expected()
    }
    assert data["extensions"][0]["verdict"] == "impostor"
    assert data["remote_access"] == [{"name": "ToDesk", "installed": False, "running": True}]
    text = json.dumps(data, ensure_ascii=False)
    for secret in scan_home.planted_secrets():
        words = secret.split() if " " in secret or "\u3000" in secret else [secret]
        if len(words) > 1 or len(secret) < 40:
            words = secret.replace("\u3000", " ").split() if len(words) > 1 else list(secret)
            for first, second in itertools.pairwise(words):  # no two words in a row
                assert not re.search(rf"{re.escape(first)}\W*{re.escape(second)}", text)
        else:
            for start in range(0, len(secret) - 8, 4):  # no 8-character fragment of a key
                assert secret[start : start + 8] not in text


def test_findings_for_a_scan_and_for_a_clean_one(tmp_path: Path) -> None:
    _planted_home(tmp_path)
    result = run_scan(ScanOptions(home=tmp_path, system="linux", processes=lambda: []))
    items = items_for(result)
    ids = {item.id for item in items}
    assert ids == {"scan_seed_file", "scan_key_file", "scan_extension_impostor"}
    assert ScanItem("scan_key_file", "Documents/keys/raw.txt") in items
    seed = finding(ScanItem("scan_seed_file", "Documents/notes/wallet.txt"))
    assert seed.severity.value == "urgent"
    assert "Documents/notes/wallet.txt" in seed.title.render()  # type: ignore[union-attr]
    assert any("not enough" in step for step in seed.fix_steps)  # type: ignore[operator]
    empty = tmp_path / "empty"
    empty.mkdir()
    clean = run_scan(ScanOptions(home=empty, system="linux", processes=lambda: []))
    assert [i.id for i in items_for(clean)] == ["scan_clean"]
    assert all(finding(ScanItem(key, "x")).id == key for key in CATALOG)
