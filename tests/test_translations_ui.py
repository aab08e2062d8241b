"""Every page of the Chinese window is in Chinese (brand names and keys aside).

test_translations.py proves the catalogue is complete; this proves every
text the window shows goes through it: each checkup topic, the results and
history, every panic page, the help centre and Settings.
"""

from __future__ import annotations

import re

from test_home import untranslated, visible_texts
from ui import every_page, open_window

from desktop.ui import dialogs

# Names and technical terms that stay in Latin letters in Chinese text too.
TERMS = re.compile(
    r"SMS|SIM|Google Authenticator|otpauth|WEP|WPA\d?|FileVault|BitLocker|LUKS|DApp|VPN|PIN"
    r"|A–Z|USB|QR|App Store|Google Play|Chainabuse|Etherscan|Revoke\.cash|Tronscan|BscScan"
    r"|Solscan|Blockchair|Telegram|WhatsApp|WeChat|Discord|Twitter|X \(Twitter\)|IC3|FBI"
    r"|Action Fraud|URL|DNS|HTTPS?|Ctrl|Shift|Enter|Esc|Tab|iOS|Android|macOS|Windows|Linux"
    r"|NIST|MetaMask|ERC-20|TRC-20|TRON|Ethereum|Bitcoin|Solana|BNB|USDC|Circle|Tether|ETH|BTC"
    r"|ID|PDF|UTC[+−-]?\d*:?\d*|GMT|email|e-mail|Wi-Fi|2FA|TxID|SHA-256|hosts|OCR"
    r"|TronLink|OneKey|Bitget Wallet|Bitget|HTX|Gate|Bybit|SEAL 911|Security Alliance"
    r"|securityalliance\.org|Scameter|Scamwatch|ReportCyber|IDCARE|NSRC|CyberDefender"
    r"|ToDesk|AnyDesk|TeamViewer|eBay|t\.me/\w+|Permit2?|EIP-7702|OTC|APP"
    r"|pip install '[^']*'"  # a command to type stays as it is
)


NOT_WORDS = re.compile(r"<[^>]+>|&\w+;|https?://\S+|\.(zip|pdf|ics)\b")  # markup, links, files


def chinese_problems(texts: list[str]) -> list[str]:
    return untranslated([TERMS.sub("", NOT_WORDS.sub(" ", text)) for text in texts])


def test_every_page_is_chinese(qtbot, make_ctx, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "warn", lambda *args, **kwargs: None)
    win = open_window(qtbot, make_ctx(), "zh_CN")
    problems: dict[str, list[str]] = {}
    for name, root in every_page(win):
        bad = chinese_problems(visible_texts(root))
        if bad:
            problems[name] = bad
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
