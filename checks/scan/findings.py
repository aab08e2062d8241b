"""What the scan found, as findings with fix steps (the app's one result type).

A scan is remembered as :class:`ScanItem` records — a stable finding id and
a detail (a file's path, an extension's name, a tool's name) — never content.
:func:`finding` turns a record into a :class:`~checks.findings.Finding` in the
current wording, as the checkup's catalogue does for its runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.findings import Finding, Severity
from checks.i18n import N_, msg
from checks.scan.report import shown_path

if TYPE_CHECKING:  # the catalogue is loaded with the checkup's; the scan itself is not
    from checks.scan.clipboard import SampleResult
    from checks.scan.engine import ScanResult

TOPIC = "thief"
TOPIC_TITLE = N_("What a thief would find on this computer")
U, I, T, G = Severity.URGENT, Severity.IMPORTANT, Severity.TIP, Severity.GOOD  # noqa: E741


@dataclass(frozen=True)
class ScanItem:
    id: str  # a key of CATALOG
    detail: str  # path, extension name and browser, tool name, host …


@dataclass(frozen=True)
class _Entry:
    severity: Severity
    title: str  # with {detail}
    why: str
    steps: tuple[str, ...]
    summary: str = ""  # the title in the checkup's results, where there is no detail


_NEW_WALLET_STEPS = (
    N_("Treat this wallet as exposed: anyone who copied the file can take the coins at any time."),
    N_("Make a new wallet with a new seed phrase, on a device you trust, and write the new words on paper only."),
    N_("Move everything from the old wallet to the new one, starting with the largest amounts."),
    N_("Then delete the file and empty the bin. Deleting is not enough on its own: copies stay on SSDs, in cloud folders, backups and synced devices."),
)  # fmt: skip

CATALOG: dict[str, _Entry] = {
    "scan_seed_file": _Entry(U, N_("A seed phrase is saved in a file: {detail}"), N_("Info-stealing malware looks for exactly this. Whoever reads this file can empty the wallet, from anywhere, without your phone."), _NEW_WALLET_STEPS),
    "scan_key_file": _Entry(U, N_("A private key is saved in a file: {detail}"), N_("A private key opens the wallet like a seed phrase does. Info-stealing malware collects such files."), _NEW_WALLET_STEPS),
    "scan_seed_picture": _Entry(U, N_("A seed phrase is in a picture: {detail}"), N_("A screenshot or photo of a seed phrase is as good as the words themselves. Phones sync pictures to the cloud, chat apps keep copies on both sides, and info-stealing malware collects pictures too."), (
        N_("Treat this seed phrase as exposed: make a new wallet with a new seed phrase, on a device you trust, and write the new words on paper only."),
        N_("Move everything from the old wallet to the new one, starting with the largest amounts."),
        N_("Then delete the picture and empty the bin. Deleting it here is not enough if it was ever synced or sent: the copies stay where they went."),
        N_("Look for the other copies: the phone's photo library and its recently deleted album, cloud photo sync (iCloud Photos, Google Photos, OneDrive, Baidu Netdisk), chats where it was sent or saved (WeChat, QQ, Telegram, WhatsApp — on both sides), and backups."),
    )),
    "scan_extension_impostor": _Entry(U, N_("A fake wallet extension is installed: {detail}"), N_("It calls itself a wallet but is not the wallet's official extension. Fake extensions send whatever you type into them — seed phrase, password — to thieves."), (
        N_("Remove it: open the browser's extensions page and click Remove."),
        N_("If you ever typed a seed phrase into it, treat that seed as stolen: make a new wallet and move your funds now."),
        N_("Install wallets only from the link on the wallet's official website."),
    )),
    "scan_extension_unknown": _Entry(T, N_("Check this wallet extension: {detail}"), N_("It calls itself a wallet we know, but we could not confirm its id against the official store listing."), (
        N_("Open the browser's extensions page and check the publisher and the store page."),
        N_("If you are not sure it came from the wallet's official website, remove it."),
    )),
    "scan_remote_running": _Entry(I, N_("A remote-control program is running: {detail}"), N_("Scammers posing as support ask people to install programs like this, then empty the wallet while \"helping\"."), (
        N_("If you did not start it yourself for someone you know, close it now and disconnect from the internet."),
        N_("Never let anyone control your computer while a wallet is open or a seed phrase is near."),
        N_("If someone connected while your wallet was open, move your funds to a new wallet."),
    )),
    "scan_remote_installed": _Entry(T, N_("A remote-control program is installed: {detail}"), N_("Programs like this let another person see and control your computer. Scammers ask for them."), (
        N_("If you do not need it, uninstall it."),
        N_("If you keep it, never accept a session from someone who contacted you first."),
    )),
    "scan_hosts": _Entry(U, N_("The hosts file redirects a crypto site: {detail}"), N_("This line sends the site's real name to another address, so a fake page can show the real address in the browser."), (
        N_("Do not open any wallet or exchange site on this computer until this is fixed."),
        N_("Ask someone you trust to remove the line from the hosts file and check the computer for malware."),
    )),
    "scan_proxy": _Entry(I, N_("This computer sends its web traffic through a proxy: {detail}"), N_("A proxy can watch and change what you see. Companies set them up; so do scammers and malware."), (
        N_("If your employer or school did not set this up, turn it off in the system's network settings."),
        N_("Then check the computer for malware."),
    )),
    "scan_clipboard_hijacked": _Entry(U, N_("A program swapped the copied address: {detail}"), N_("A clipboard hijacker replaces addresses you copy with a thief's, so you send your coins to them."), (
        N_("Do not send any crypto from this computer."),
        N_("Have the computer checked and cleaned, or reinstall its system."),
        N_("Until then, check every character of an address after you paste it, on the wallet's own screen."),
    )),
    "scan_clipboard_changed": _Entry(U, N_("The clipboard changed during the test: {detail}"), N_("Something changed what was copied. If you did not copy anything yourself during the test, treat it as a clipboard hijacker."), (
        N_("Run the test again without touching the keyboard or mouse."),
        N_("If it changes again, do not send any crypto from this computer and have it checked."),
    )),
    "scan_clean": _Entry(G, N_("Nothing a thief could use was found"), N_("No seed phrase or key in your files, no fake wallet extension, no remote-control program, no redirected crypto site."), ()),
}  # fmt: skip

#: Titles in the checkup's results (one finding per kind; the scan page lists each place).
_SUMMARIES = {
    "scan_seed_file": N_("A seed phrase is saved in a file on this computer"),
    "scan_key_file": N_("A private key is saved in a file on this computer"),
    "scan_seed_picture": N_("A picture on this computer shows a seed phrase"),
    "scan_extension_impostor": N_("A fake wallet extension is installed"),
    "scan_extension_unknown": N_("A wallet extension could not be confirmed as official"),
    "scan_remote_running": N_("A remote-control program is running"),
    "scan_remote_installed": N_("A remote-control program is installed"),
    "scan_hosts": N_("The hosts file redirects a crypto site"),
    "scan_proxy": N_("This computer uses a proxy"),
    "scan_clipboard_hijacked": N_("A program swaps addresses you copy"),
    "scan_clipboard_changed": N_("The clipboard changed during the test"),
    "scan_clean": N_("Nothing a thief could use was found"),
}
_KEY_KINDS = {"private_key", "wif", "extended_private_key"}


def checkup_findings() -> list[Finding]:
    """The scan's findings for the checkup's catalogue (titles without the detail)."""
    return [
        Finding(key, TOPIC, entry.severity, _SUMMARIES[key], entry.why, entry.steps)
        for key, entry in CATALOG.items()
    ]


def valid_answer(value: object) -> bool:
    """A stored scan answer: a list of [finding id, detail] pairs (strings)."""
    return isinstance(value, list) and all(
        isinstance(pair, list)
        and len(pair) == 2
        and pair[0] in CATALOG
        and isinstance(pair[1], str)
        and len(pair[1]) <= 4096
        for pair in value
    )


def items_for(result: ScanResult) -> list[ScanItem]:
    """The records to keep for ``result`` (paths and names, never content)."""
    items: list[ScanItem] = []
    for found in result.secret_files:
        kind = "scan_key_file" if found.kind in _KEY_KINDS else "scan_seed_file"
        item = ScanItem(kind, shown_path(result, found.path))
        if item not in items:
            items.append(item)
    for path in result.secret_pictures:
        picture = ScanItem("scan_seed_picture", shown_path(result, path))
        if picture not in items:
            items.append(picture)
    for extension in result.extensions:
        if extension.verdict != "official":
            detail = f"{extension.name} ({extension.browser}, {extension.profile}, {extension.id})"
            items.append(ScanItem(f"scan_extension_{extension.verdict}", detail))
    for tool in result.remote_access:
        items.append(ScanItem("scan_remote_running" if tool.running else "scan_remote_installed",
                              tool.name))  # fmt: skip
    items += (ScanItem("scan_hosts", f"{entry.host} → {entry.address}") for entry in result.hosts)
    items += (ScanItem("scan_proxy", proxy.value) for proxy in result.proxies)
    order = list(CATALOG)  # one kind of problem after another, urgent kinds first
    items.sort(key=lambda item: (CATALOG[item.id].severity.rank, order.index(item.id)))
    return items or [ScanItem("scan_clean", "")]


def clipboard_items(results: list[SampleResult]) -> list[ScanItem]:
    from checks.scan.clipboard import verdict  # ~5 ms: with the test, not the catalogue

    outcome = verdict(results)
    chains = ", ".join(r.sample.chain for r in results if r.outcome != "unchanged")
    if outcome == "hijacked":
        return [ScanItem("scan_clipboard_hijacked", chains)]
    if outcome == "disturbed":
        return [ScanItem("scan_clipboard_changed", chains)]
    return []


def finding(item: ScanItem) -> Finding:
    entry = CATALOG[item.id]
    title = msg(entry.title, detail=item.detail) if "{detail}" in entry.title else entry.title
    return Finding(item.id, TOPIC, entry.severity, title, entry.why, entry.steps)
