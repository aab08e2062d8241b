"""Render every page offscreen to PNG — for the README and for looking.

    python scripts/screenshots.py [--out docs/screenshots] [--scale 2] [--dark]

Uses a temporary data folder, so nothing of yours is read or shown.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAPTOP = (1366, 768)  # a common small screen: the pages must fit it without scrolling


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--scale", default="1")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = args.scale
    sys.path.insert(0, str(ROOT))

    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QWidget

    from checks.paths import Paths
    from desktop.app import build_window, make_application, prefer_simplified_chinese
    from desktop.background import SyncPool
    from desktop.context import AppContext
    from desktop.main_window import first_size
    from desktop.settings_dialog import SettingsDialog
    from desktop.unlock import PassphraseDialog

    app = make_application(sys.argv[:1])
    prefer_simplified_chinese(app)  # as the app is right after its first paint
    if args.dark:
        from PySide6.QtCore import Qt

        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)  # as a dark desktop reports it
        app.setStyle("Fusion")
        palette = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, "#202124"),
            (QPalette.ColorRole.WindowText, "#e8eaed"),
            (QPalette.ColorRole.Base, "#2b2c2f"),
            (QPalette.ColorRole.Text, "#e8eaed"),
            (QPalette.ColorRole.Button, "#303134"),
            (QPalette.ColorRole.ButtonText, "#e8eaed"),
            # The bevel roles: Fusion draws radio and check indicators with them.
            (QPalette.ColorRole.Light, "#5f6368"),
            (QPalette.ColorRole.Midlight, "#4a4c50"),
            (QPalette.ColorRole.Mid, "#3c4043"),
            (QPalette.ColorRole.Dark, "#9aa0a6"),
            (QPalette.ColorRole.Shadow, "#000000"),
            (QPalette.ColorRole.AlternateBase, "#26272a"),
            (QPalette.ColorRole.ToolTipBase, "#303134"),
            (QPalette.ColorRole.ToolTipText, "#e8eaed"),
            (QPalette.ColorRole.Link, "#8ab4f8"),
            (QPalette.ColorRole.Highlight, "#8ab4f8"),
            (QPalette.ColorRole.HighlightedText, "#202124"),
        ):
            palette.setColor(role, QColor(colour))
        for role in (
            QPalette.ColorRole.WindowText,
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
        app.setPalette(palette)
        from desktop.ui.dark_style import keep_indicators_visible

        keep_indicators_visible(app)  # as the app does after its first paint
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = ("-dark" if args.dark else "") + (f"-x{args.scale}" if args.scale != "1" else "")

    def save(widget: QWidget, name: str) -> None:
        widget.show()
        for _ in range(5):  # a script, not a slot: let nested layouts settle before grabbing
            app.processEvents()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as home:
        ctx = AppContext(paths=Paths(Path(home)), pool=SyncPool(), storage_pool=SyncPool())
        for language in ("en", "zh_CN"):
            window = build_window(ctx, app, language)
            window.resize(*first_size(*LAPTOP))  # as it opens on a 1366×768 laptop
            show_example_standing(window)
            save(window, f"home-{language}")
            panic_pages(window, save, language)
            dialog = SettingsDialog(ctx.settings, ctx.paths, window)
            save(dialog, f"settings-{language}")
            dialog.close()
            for new in (True, False):
                passphrase = PassphraseDialog(new, window)
                save(passphrase, f"passphrase-{'new' if new else 'unlock'}-{language}")
                passphrase.close()
            checkup_pages(window, save, language)
            scan_page(window, save, language, Path(home) / "scanned-home")
            window.close()
    return 0


EXAMPLE_ANSWERS = {
    "wallets": ["imtoken", "ledger"],
    "exchange_account": "yes",
    "hardware_wallet": "yes",
    "password_reuse": "some_reused",
    "password_manager": "no",
    "email_2fa": "sms",
    "exchange_2fa": "app",
    "wallet_account_2fa": "no_account",
    "carrier_pin": "dont_know",
    "totp_backup": "no_backup",
    "wifi_security": "wpa2",
    "public_wifi": "sometimes",
    "vpn": "never",
    "disk_encryption": "yes",
    "firewall": "yes",
    "screen_lock": "no",
    "os_updates": "automatic",
    "remote_control": "never",
    "seed_storage": ["paper", "photo"],
    "seed_copies": "one",
    "seed_exposed": "never",
    "total_value": "10k_100k",
    "hot_value": "1k_10k",
    "spending": "monthly",
    "cashout": "never",
    "inheritance": "no",
    "verify_on_device": "yes",  # "Your hardware wallet": shown since they own one
    "hardware_source": "official",
    "install_source": "official",
    "bookmarks": "no",
    "support_contact": "official",
    "approvals": "never",  # "Sending and signing"
    "blind_signing": "never",
    "address_source": "fresh",
    "address_check": "whole",
}


def show_example_standing(window) -> None:
    """The home screen's summary for an example history: a checkup 20 days ago."""
    from datetime import timedelta

    from checks.home import standing
    from checks.storage.store import RunSummary
    from desktop.i18n import tr

    now = window.ctx.clock()
    runs = [RunSummary(1, now - timedelta(days=20), 62, 1)]
    summary = standing(runs=runs, reminder_day=1, today=window.ctx.local_now().date())
    window.home.set_standing(summary.severity.value, [tr(line) for line in summary.lines])


def panic_pages(window, save, language: str) -> None:
    """Every panic page, with an example case."""
    from datetime import timedelta

    from checks.panic.case import Contact, Transaction, new_case

    now = window.ctx.clock()
    case = new_case(now, ("tokenpocket",)).with_triage(("signed",), "yes")
    case = case.step_done("revoke_approvals", now)
    case = case.add_timeline(now - timedelta(hours=1), "Signed an 'airdrop' on a website")
    case = case.add_transaction(
        Transaction(
            "ethereum",
            "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
            "0x" + "1" * 40,
            "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045",
            "USDT",
            "1200",
            now,
        )
    )
    case = case.add_contact(Contact("ticket", now, "tokenpocket", ticket="#4711"))
    window.panic._show(case)
    wizard = window.panic.wizard
    for index, page in enumerate(wizard.pages):
        wizard.go(index)
        save(window, f"panic-{index + 1}-{type(page).__name__}-{language}")
    window.panic.close_wizard()


def checkup_pages(window, save, language: str) -> None:
    """Every wizard page (with example answers) and the results page."""
    from checks.checkup.detect import from_wifi
    from checks.checkup.flow import CheckupFlow
    from checks.checkup.run import build_run
    from checks.probes.wifi import parse_wifi

    flow = CheckupFlow()
    flow.apply(from_wifi(parse_wifi("yes:Home:WPA2\n", "nmcli")))
    window.checkup._open_wizard(flow)
    wizard = window.checkup.page
    for question, value in EXAMPLE_ANSWERS.items():
        if question != "wifi_security":
            flow.answer(question, value)
    flow.position = 0
    for number in range(1, flow.progress[1] + 1):
        wizard.show_topic()
        save(window, f"checkup-{number:02d}-{flow.current_topic}-{language}")
        if not flow.at_end:
            flow.next()
    run = build_run(flow, window.ctx.clock())
    window.checkup._show_results(run, None)
    save(window, f"checkup-results-{language}")
    window.checkup.close_page()


def scan_page(window, save, language: str, home: Path) -> None:
    """The topic "What a thief would find" after a real scan of a small made-up home."""
    import json

    from checks.checkup.flow import CheckupFlow
    from checks.scan.engine import ScanOptions
    from desktop.background import SyncPool

    sys.path.insert(0, str(ROOT))
    from bench import scan_home

    planted = scan_home.planted_files()
    for relative in ("Documents/notes/wallet.txt", "Documents/seed.docx", "Documents/keys/raw.txt",
                     "Downloads/english.txt", "Downloads/SHA256SUMS"):  # fmt: skip
        path = home / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(planted[relative][0])
    version = home / ".config/google-chrome/Default/Extensions" / ("k" * 32) / "1.0_0"
    version.mkdir(parents=True, exist_ok=True)
    (version / "manifest.json").write_text(json.dumps({"name": "MetaMask Wallet"}))
    flow = CheckupFlow()
    flow.go_to("thief")
    window.checkup._open_wizard(flow)
    box = window.checkup.page.boxes["thief_scan"]
    box.pool = SyncPool()
    box.options_factory = lambda: ScanOptions(
        home=home, system="linux", processes=lambda: ["AnyDesk.exe"]
    )
    box.start_scan()
    save(window, f"scan-results-{language}")
    window.checkup.close_page()


if __name__ == "__main__":
    sys.exit(main())
