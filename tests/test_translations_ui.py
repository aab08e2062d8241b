"""Every page of the Chinese window is in Chinese (brand names and keys aside).

test_translations.py proves the catalogue is complete; this proves every
text the window shows goes through it: each checkup topic, the results and
history, every panic page, the help centre and Settings.
"""

from __future__ import annotations

import re

from test_checkup import GOOD_ANSWERS
from test_home import untranslated, visible_texts

from PySide6.QtWidgets import QWidget

from checks.checkup.flow import CheckupFlow
from checks.checkup.run import build_run
from desktop import dialogs
from desktop.app import build_window, make_application

# Names and technical terms that stay in Latin letters in Chinese text too.
TERMS = re.compile(
    r"SMS|SIM|Google Authenticator|otpauth|WEP|WPA\d?|FileVault|BitLocker|LUKS|DApp|VPN|PIN"
    r"|A–Z|USB|QR|App Store|Google Play|Chainabuse|Etherscan|Revoke\.cash|Tronscan|BscScan"
    r"|Solscan|Blockchair|Telegram|WhatsApp|WeChat|Discord|Twitter|X \(Twitter\)|IC3|FBI"
    r"|Action Fraud|URL|DNS|HTTPS?|Ctrl|Shift|Enter|Esc|Tab|iOS|Android|macOS|Windows|Linux"
    r"|NIST|MetaMask|ERC-20|TRC-20|TRON|Ethereum|Bitcoin|Solana|BNB|USDC|Circle|Tether|ETH|BTC"
    r"|ID|PDF|UTC[+−-]?\d*:?\d*|GMT|email|e-mail|Wi-Fi|2FA|TxID|SHA-256"
)


NOT_WORDS = re.compile(r"<[^>]+>|&\w+;|https?://\S+|\.(zip|pdf|ics)\b")  # markup, links, files


def chinese_problems(texts: list[str]) -> list[str]:
    return untranslated([TERMS.sub("", NOT_WORDS.sub(" ", text)) for text in texts])


def test_every_page_is_chinese(qtbot, make_ctx, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "warn", lambda *args, **kwargs: None)
    win = build_window(make_ctx(), make_application([]), "zh_CN")
    qtbot.add_widget(win)
    win.show()
    win.unlocker.start()
    problems: dict[str, list[str]] = {}

    def check(name: str, root: QWidget) -> None:
        bad = chinese_problems(visible_texts(root))
        if bad:
            problems[name] = bad

    check("home", win)
    flow = CheckupFlow()
    for question, value in GOOD_ANSWERS.items():
        flow.answer(question, value)
    flow.position = 0
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    for _ in range(flow.progress[1]):
        wizard.show_topic()
        check(f"checkup {flow.current_topic}", wizard)
        flow.position += 1
    win.checkup._show_results(build_run(flow, win.ctx.clock()), None)
    check("results", win.checkup.page)
    win.checkup.show_history()
    check("history", win.checkup.page)
    win.show_panic()
    panic = win.panic.wizard
    for index, page in enumerate(panic.pages):
        panic.go(index)
        check(f"panic {type(page).__name__}", panic)
    win.open_help()
    check("help", win.help_window)
    win.open_settings()
    check("settings", win.findChild(QWidget, "settingsDialog"))
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
