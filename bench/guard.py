"""The secret guard on a 1 MB paste: ``checks.secrets.find_secrets`` must stay quick.

The paste mixes English prose (full of BIP-39 words), Chinese prose (whose
common characters are the Chinese wordlists), transaction hashes and
addresses in hex, and one public BIP-39 test vector, so every path of the
guard does work. The text is generated from a seeded random generator:
the same bytes every run.
"""

from __future__ import annotations

import hashlib
import random
import time

from bench.measure import Row, median, ms, verdict

BUDGET = 0.200
SIZE = 1 << 20  # bytes of UTF-8
# The first BIP-39 test vector (trezor/python-mnemonic vectors.json): public, never a real wallet.
TEST_VECTOR = " ".join(["abandon"] * 11 + ["about"])
ENGLISH = (
    "I opened the wallet this morning and the balance was lower than last night.",
    "Support said they would answer within two business days, so I wait.",
    "The exchange froze the account after I sent them the transaction list.",
    "Please check the address again before you send anything to it.",
    "My brother helped me move what was left to a new hardware wallet.",
    "We found an approval for an unknown contract and revoked it at once.",
    "The fake support agent asked for a fee and a screen share, which I refused.",
    "Remember to keep the recovery words on paper, away from the phone and cloud.",
    "Order the steps: stop the loss first, then save the evidence, then report.",
    "Journal entry: coffee, a long walk, a short call with the bank about the card.",
)
CHINESE = (
    "今天早上打开钱包，发现余额比昨晚少了很多。",
    "客服说两个工作日内会回复，我先耐心等待。",
    "交易所收到交易清单后冻结了相关账户。",
    "转账之前请再次核对收款地址。",
    "我哥哥帮我把剩下的资产转到了新的硬件钱包。",
    "我们发现了一个陌生合约的授权，已经立即撤销。",
    "假客服要求先付手续费并共享屏幕，我拒绝了。",
    "助记词要写在纸上保存，不要拍照，也不要存到云盘。",
    "先止损，再保存证据，然后去官方渠道报案。",
    "记录：上午去了银行，下午给警方打了电话，晚上整理了截图。",
)


def paste(size: int = SIZE, seed: int = 6) -> str:
    """About ``size`` bytes of mixed text (cut at a character boundary)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    counter = 0
    vector_added = False
    while total < size:
        counter += 1
        kind = rng.random()
        if kind < 0.45:
            piece = " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(2, 6)))
        elif kind < 0.85:
            piece = "".join(rng.choice(CHINESE) for _ in range(rng.randint(2, 6)))
        else:
            digest = hashlib.sha256(f"{seed}:{counter}".encode()).hexdigest()
            piece = f"tx 0x{digest} to 0x{digest[:40]} ({rng.randint(1, 999)} USDT)"
        parts.append(piece + "\n")
        total += len(piece.encode("utf-8")) + 1
        if not vector_added and total > size // 2:
            parts.append(f"Test words from the docs: {TEST_VECTOR}\n")
            vector_added = True
    data = "".join(parts).encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")


def run(quick: bool) -> list[Row]:
    from checks.secrets import find_secrets

    text = paste(SIZE // 10 if quick else SIZE)
    start = time.perf_counter()
    found = find_secrets(text)  # the warm-up builds the word lists once
    first = time.perf_counter() - start
    times = []
    for _ in range(1 if quick else 7):
        start = time.perf_counter()
        find_secrets(text)
        times.append(time.perf_counter() - start)
    typical = median(times)
    kinds: dict[str, int] = {}
    for match in found:
        kinds[match.kind] = kinds.get(match.kind, 0) + 1
    mnemonic = kinds.get("mnemonic", 0)
    return [
        Row(
            "6",
            f"Secret guard on a {len(text.encode('utf-8')) / 1e6:.2f} MB paste"
            f" ({len(text):,} characters; English, Chinese, hex) — median of {len(times)}"
            " after a warm-up",
            ms(typical),
            f"<= {ms(BUDGET)}",
            verdict(typical <= BUDGET and mnemonic >= 1),
            note=f"first call {ms(first)} (builds the word lists); found "
            + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())),
        )
    ]
