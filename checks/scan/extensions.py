"""Wallet browser extensions in every profile of Chrome, Edge, Brave, Chromium and
Firefox, and which of them are impostors.

Where the profiles are (relative to the home folder, per system):

* Chromium family: ``<user data>/<profile>/Extensions/<id>/<version>/manifest.json``;
  a name such as ``__MSG_appName__`` is looked up in the version's
  ``_locales/<default_locale>/messages.json`` (then ``en``, then any).
* Firefox: ``<profiles>/<profile>/extensions.json`` lists each add-on's id and name.

The verdict, with :file:`resources/wallet_extensions.json` (ids from the
vendors' own sources or store listings, each with its source and date):

* ``official`` — the id is a confirmed id of the wallet the name claims;
* ``impostor`` — the name claims a wallet whose ids are confirmed, and the id
  is none of them: a copy that steals what is typed into it;
* ``unknown`` — the name claims a wallet and the id is one we could not
  confirm, or the wallet's list is not confirmed: we say nothing for sure.

Extensions that do not claim to be a wallet we know are not reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Literal

from checks.phishing.domains import skeleton

Verdict = Literal["official", "impostor", "unknown"]

#: (browser, family, folder relative to the home) for each system.
PROFILE_ROOTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "linux": (
        ("Chrome", "chromium", ".config/google-chrome"),
        ("Chromium", "chromium", ".config/chromium"),
        ("Chromium", "chromium", "snap/chromium/common/chromium"),
        ("Brave", "chromium", ".config/BraveSoftware/Brave-Browser"),
        ("Edge", "chromium", ".config/microsoft-edge"),
        ("Firefox", "firefox", ".mozilla/firefox"),
        ("Firefox", "firefox", "snap/firefox/common/.mozilla/firefox"),
    ),
    "darwin": (
        ("Chrome", "chromium", "Library/Application Support/Google/Chrome"),
        ("Chromium", "chromium", "Library/Application Support/Chromium"),
        ("Brave", "chromium", "Library/Application Support/BraveSoftware/Brave-Browser"),
        ("Edge", "chromium", "Library/Application Support/Microsoft Edge"),
        ("Firefox", "firefox", "Library/Application Support/Firefox/Profiles"),
    ),
    "win32": (
        ("Chrome", "chromium", "AppData/Local/Google/Chrome/User Data"),
        ("Chromium", "chromium", "AppData/Local/Chromium/User Data"),
        ("Brave", "chromium", "AppData/Local/BraveSoftware/Brave-Browser/User Data"),
        ("Edge", "chromium", "AppData/Local/Microsoft/Edge/User Data"),
        ("Firefox", "firefox", "AppData/Roaming/Mozilla/Firefox/Profiles"),
    ),
}
_MAX_JSON = 4 * 1024 * 1024  # a manifest or messages.json is a few KB


@dataclass(frozen=True)
class Extension:
    browser: str
    profile: str
    id: str
    name: str
    wallet: str | None
    verdict: Verdict


@dataclass(frozen=True)
class WalletIds:
    wallet: str
    display: str
    names: tuple[str, ...]  # as skeletons (see checks.phishing.domains.skeleton), letters only
    confirmed: bool  # the wallet's list comes from the vendor's own source
    official: frozenset[str]  # confirmed ids
    listed: frozenset[str]  # every id listed, confirmed or not


@cache
def wallet_ids() -> tuple[WalletIds, ...]:
    raw = json.loads(files("resources").joinpath("wallet_extensions.json").read_text("utf-8"))
    return tuple(
        WalletIds(
            wallet=item["wallet"],
            display=item["display"],
            names=tuple(_letters(name) for name in item["names"]),
            confirmed=bool(item["confirmed"]),
            official=frozenset(e["id"].lower() for e in item["ids"] if e["confirmed"]),
            listed=frozenset(e["id"].lower() for e in item["ids"]),
        )
        for item in raw["wallets"]
    )


def _letters(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", skeleton(name))


def judge(extension_id: str, name: str) -> tuple[str | None, Verdict] | None:
    """(wallet, verdict) for an extension that claims to be a wallet we know; else None."""
    letters = _letters(name)
    identifier = extension_id.lower()
    for wallet in wallet_ids():
        if identifier in wallet.official:
            return wallet.wallet, "official"
    for wallet in wallet_ids():
        if identifier in wallet.listed:
            return wallet.wallet, "unknown"
    for wallet in wallet_ids():
        if any(claimed and claimed in letters for claimed in wallet.names):
            return wallet.wallet, "impostor" if wallet.confirmed else "unknown"
    return None


def find_extensions(home: Path, system: str) -> list[Extension]:
    """Every wallet extension in the standard profile folders under ``home``."""
    found: list[Extension] = []
    for browser, family, relative in PROFILE_ROOTS.get(_system(system), ()):
        root = home / relative
        if not root.is_dir():
            continue
        listing = _chromium(root) if family == "chromium" else _firefox(root)
        for profile, extension_id, name in listing:
            verdict = judge(extension_id, name)
            if verdict is not None:
                found.append(Extension(browser, profile, extension_id, name, *verdict))
    return found


def _system(system: str) -> str:
    return "win32" if system.startswith(("win", "cygwin")) else system


def _chromium(user_data: Path) -> Iterator[tuple[str, str, str]]:
    for profile in _subfolders(user_data):
        for extension in _subfolders(profile / "Extensions"):
            versions = _subfolders(extension)
            if not versions:
                continue
            version = versions[-1]
            name = _manifest_name(version)
            if name:
                yield profile.name, extension.name, name


def _manifest_name(version: Path) -> str:
    manifest = _read_json(version / "manifest.json")
    if not isinstance(manifest, dict):
        return ""
    name = str(manifest.get("name") or "")
    message = re.fullmatch(r"__MSG_(\w+)__", name)
    if message is None:
        return name
    key = message.group(1).lower()
    locales = [str(manifest.get("default_locale") or ""), "en", "en_US"]
    locales += [folder.name for folder in _subfolders(version / "_locales")]
    for locale in locales:
        messages = _read_json(version / "_locales" / locale / "messages.json") if locale else None
        if isinstance(messages, dict):
            for entry_key, entry in messages.items():
                if entry_key.lower() == key and isinstance(entry, dict):
                    return str(entry.get("message") or "")
    return name


def _firefox(profiles: Path) -> Iterator[tuple[str, str, str]]:
    for profile in _subfolders(profiles):
        listing = _read_json(profile / "extensions.json")
        addons = listing.get("addons") if isinstance(listing, dict) else None
        for addon in addons if isinstance(addons, list) else []:
            if not isinstance(addon, dict) or addon.get("type") not in (None, "extension"):
                continue
            locale = addon.get("defaultLocale")
            name = locale.get("name") if isinstance(locale, dict) else addon.get("name")
            if addon.get("id") and name:
                yield profile.name, str(addon["id"]), str(name)


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def _read_json(path: Path) -> object:
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_JSON + 1)
        if len(data) > _MAX_JSON:
            return None
        return json.loads(data.decode("utf-8-sig", errors="replace"))
    except (OSError, ValueError):
        return None
