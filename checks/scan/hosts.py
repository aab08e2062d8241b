"""The hosts file and proxy settings: can someone send this computer to a fake site?

* A line in the hosts file for a wallet, exchange or block-explorer domain
  (the support directory's official sites, look-alikes of them, and the usual
  explorers) sends that name wherever the line says — malware uses it to
  serve a fake wallet site under the real address.
* A proxy (environment variables, Windows' Internet settings, macOS network
  settings) or an automatic-configuration (PAC) file sees or steers every
  connection.  Set up by a company it is expected; set up by "support" or a
  download it is not.  We report it and explain; we never change it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from checks.phishing import classify

_HOSTS_CAP = 4 * 1024 * 1024
#: Names of crypto sites that have no entry in the support directory.
_CRYPTO_WORDS = (
    "metamask", "binance", "okx", "coinbase", "etherscan", "bscscan", "tronscan", "solscan",
    "polygonscan", "arbiscan", "blockchair", "mempool.space", "imtoken", "tokenpocket",
    "trustwallet", "ledger", "trezor", "bitpie", "phantom.app", "huobi", "htx", "bybit",
    "bitget", "kucoin", "gate.io", "kraken", "uniswap", "pancakeswap", "walletconnect",
    "blockchain.com", "tronlink", "safepal", "onekey",
)  # fmt: skip
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "ftp_proxy", "socks_proxy")


@dataclass(frozen=True)
class HostsEntry:
    host: str
    address: str


@dataclass(frozen=True)
class ProxySetting:
    source: str  # "environment", "windows", "macos"
    kind: str  # "proxy" or "pac"
    value: str  # host:port or the PAC address (never credentials)


def hosts_path(system: str, system_root: Path) -> Path:
    if system.startswith("win"):
        return system_root / "Windows" / "System32" / "drivers" / "etc" / "hosts"
    return system_root / "etc" / "hosts"


def read_hosts(path: Path) -> list[HostsEntry]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(_HOSTS_CAP)
    except OSError:
        return []
    return parse_hosts(data.decode("utf-8", errors="replace"))


def parse_hosts(text: str) -> list[HostsEntry]:
    """Entries that send a crypto site (wallet, exchange, explorer, look-alike) elsewhere.

    Lines that block a name (0.0.0.0, 127.0.0.1, ::1 — ad blockers list
    thousands, phishing sites among them) send nobody anywhere: left out.
    """
    found: list[HostsEntry] = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2 or fields[0] in _BLOCKING:
            continue
        address, names = fields[0], fields[1:]
        found += (HostsEntry(name.lower(), address) for name in names if is_crypto_site(name))
    return found


_BLOCKING = frozenset({"0.0.0.0", "127.0.0.1", "::1", "::", "0:0:0:0:0:0:0:1", "255.255.255.255"})


def is_crypto_site(name: str) -> bool:
    host = name.lower().rstrip(".")
    if any(word in host for word in _CRYPTO_WORDS):
        return True
    try:
        return classify(host).verdict in ("official", "lookalike")
    except ValueError:
        return False


def environment_proxies(environ: Mapping[str, str]) -> list[ProxySetting]:
    found: list[ProxySetting] = []
    for key, value in sorted(environ.items()):
        if key.lower() in _PROXY_VARIABLES and value.strip():
            found.append(ProxySetting("environment", "proxy", _without_credentials(value)))
    return found


def parse_scutil_proxy(text: str) -> list[ProxySetting]:
    """``scutil --proxy`` on macOS: enabled HTTP/HTTPS/SOCKS proxies and a PAC address."""
    values = dict(re.findall(r"^\s*(\w+)\s*:\s*(.+?)\s*$", text, re.MULTILINE))
    found: list[ProxySetting] = []
    for kind in ("HTTP", "HTTPS", "SOCKS"):
        if values.get(f"{kind}Enable") == "1" and values.get(f"{kind}Proxy"):
            port = values.get(f"{kind}Port", "")
            found.append(ProxySetting("macos", "proxy", f"{values[f'{kind}Proxy']}:{port}"))
    if values.get("ProxyAutoConfigEnable") == "1" and values.get("ProxyAutoConfigURLString"):
        url = _without_credentials(values["ProxyAutoConfigURLString"])
        found.append(ProxySetting("macos", "pac", url))
    return found


def windows_proxies(read_value: Callable[[str], object] | None = None) -> list[ProxySetting]:
    """Internet settings of the current Windows user (registry, read only)."""
    read = read_value or _windows_registry_reader()
    if read is None:
        return []
    found: list[ProxySetting] = []
    if read("ProxyEnable") == 1 and read("ProxyServer"):
        server = _without_credentials(str(read("ProxyServer")))
        found.append(ProxySetting("windows", "proxy", server))
    if read("AutoConfigURL"):
        found.append(
            ProxySetting("windows", "pac", _without_credentials(str(read("AutoConfigURL"))))
        )
    return found


def _windows_registry_reader() -> Callable[[str], object] | None:
    if sys.platform != "win32":
        return None
    import winreg  # Windows only

    path = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"

    def read(name: str) -> object:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
                return winreg.QueryValueEx(key, name)[0]
        except OSError:
            return None

    return read


def system_proxies(
    system: str, run: Callable[[list[str]], str] | None = None
) -> list[ProxySetting]:
    """Every proxy this machine is set to use (environment and system settings)."""
    found = environment_proxies(os.environ)
    if system.startswith("win"):
        found += windows_proxies()
    elif system == "darwin" and run is not None:
        found += parse_scutil_proxy(run(["scutil", "--proxy"]))
    return found


def _without_credentials(value: str) -> str:
    """``http://user:pass@host:3128`` → ``http://host:3128``: a password is never shown."""
    return re.sub(r"(?<=//)[^/@\s]*@", "", value.strip())
