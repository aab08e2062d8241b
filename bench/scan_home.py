"""A synthetic home folder for the scan benchmark and the scan tests.

Deterministic (seeded): the same bytes every run.  :func:`build` writes

* thousands of ordinary files: English and Chinese notes, Markdown, CSV
  and JSON exports full of labelled transaction hashes, logs, code, HTML;
* software folders the scan leaves out (``node_modules``, a virtual
  environment, ``.cache``) and large binary files (videos, archives);
* a **planted secret in every format** the scan reads (:func:`planted_files`
  and :func:`expected` list the file and the kind);
* **decoys** it must not report: BIP-39 wordlist files, SHA256SUMS,
  labelled TxIDs (TxID, 交易哈希, Transaction hash), explorer links, prose.

The phrases and keys are made from fixed test entropy here and exist
nowhere else; they guard no coins.  The office documents are written by
:func:`docx`, :func:`xlsx` and :func:`odt` (minimal but valid files).
"""

from __future__ import annotations

import codecs
import hashlib
import io
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path

from checks.encoding import b58check_encode

ENGLISH = (
    "I opened the wallet this morning and the balance was lower than last night.",
    "Support said they would answer within two business days, so I wait.",
    "The exchange froze the account after I sent them the transaction list.",
    "Please check the address again before you send anything to it.",
    "My brother helped me move what was left to a new hardware wallet.",
    "We found an approval for an unknown contract and revoked it at once.",
    "Remember to keep the recovery words on paper, away from the phone and cloud.",
    "Order the steps: stop the loss first, then save the evidence, then report.",
    "Journal entry: coffee, a long walk, a short call with the bank about the card.",
    "Meeting notes: budget review moved to Thursday, bring the printed slides.",
    "The garden needs water twice a week until the rain comes back in autumn.",
    "Buy milk, bread, eggs, apples and a new battery for the kitchen clock.",
    "Chapter three explains how the village grew around the old river crossing.",
    "Our flight leaves at seven, so the taxi should come before five thirty.",
    "She said the concert was wonderful and the hall was full to the last row.",
    "Install the update tonight; the laptop will restart once or twice.",
)
CHINESE = (
    "今天早上打开钱包，发现余额比昨晚少了很多。",
    "客服说两个工作日内会回复，我先耐心等待。",
    "交易所收到交易清单后冻结了相关账户。",
    "转账之前请再次核对收款地址。",
    "我哥哥帮我把剩下的资产转到了新的硬件钱包。",
    "我们发现了一个陌生合约的授权，已经立即撤销。",
    "助记词要写在纸上保存，不要拍照，也不要存到云盘。",
    "先止损，再保存证据，然后去官方渠道报案。",
    "周四下午开会讨论明年的预算，记得带上打印好的材料。",
    "这本书讲的是一个小镇在河边慢慢发展起来的故事。",
    "明天早上七点的航班，出租车最好五点半之前到。",
    "周末去超市买牛奶、面包、鸡蛋和水果。",
    "孩子的学校下周开家长会，老师希望家长准时参加。",
    "电脑今晚需要更新系统，可能会重启一两次。",
)
CODE = (
    "def load_settings(path):\n    with open(path, encoding='utf-8') as handle:\n"
    "        return json.load(handle)\n",
    "for (let i = 0; i < items.length; i++) {\n  total += items[i].price * items[i].qty;\n}\n",
    "class Account:\n    def __init__(self, owner, balance=0):\n        self.owner = owner\n"
    "        self.balance = balance\n",
    "export function formatDate(d) { return d.toISOString().slice(0, 10); }\n",
    "if response.status_code != 200:\n"
    "    raise RuntimeError(f'bad status {response.status_code}')\n",
)


@dataclass(frozen=True, order=True)
class Planted:
    path: str  # relative to the home folder, "/" separated
    kind: str


def _entropy(label: str, size: int) -> bytes:
    return hashlib.sha256(f"wallet-checkup scan test {label}".encode()).digest()[:size]


def phrase(language: str, label: str, words: int = 12) -> str:
    """A checksum-valid BIP-39 phrase from fixed test entropy."""
    from mnemonic import Mnemonic

    return str(Mnemonic(language).to_mnemonic(_entropy(label, words * 4 // 3)))


def hex_key(label: str) -> str:
    return hashlib.sha256(f"wallet-checkup scan key {label}".encode()).hexdigest()


def wif(label: str) -> str:
    return b58check_encode(b"\x80" + bytes.fromhex(hex_key(label)) + b"\x01")


def xprv(label: str) -> str:
    chain = hashlib.sha256(f"chain {label}".encode()).digest()
    payload = bytes.fromhex("0488ade4") + b"\x00" * 9 + chain + b"\x00"
    return b58check_encode(payload + bytes.fromhex(hex_key(label)))


# --- office documents --------------------------------------------------------------


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx(paragraphs: list[list[str]]) -> bytes:
    """A Word document; each paragraph is a list of runs (split as Word splits them)."""
    body = "".join(
        "<w:p>"
        + "".join(f'<w:r><w:t xml:space="preserve">{_esc(run)}</w:t></w:r>' for run in runs)
        + "</w:p>"
        for runs in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


def xlsx(rows: list[list[str]]) -> bytes:
    """A spreadsheet with shared strings, one value per cell."""
    shared: list[str] = []
    cells = []
    for r, row in enumerate(rows, start=1):
        parts = []
        for c, value in enumerate(row):
            shared.append(value)
            parts.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{len(shared) - 1}</v></c>')
        cells.append(f'<row r="{r}">{"".join(parts)}</row>')
    strings = "".join(f"<si><t>{_esc(value)}</t></si>" for value in shared)
    return _zip(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/sharedStrings.xml": f'<sst count="{len(shared)}">{strings}</sst>',
            "xl/worksheets/sheet1.xml": f"<worksheet><sheetData>{''.join(cells)}"
            "</sheetData></worksheet>",
        }
    )


def odt(paragraphs: list[str]) -> bytes:
    body = "".join(f"<text:p>{_esc(p)}</text:p>" for p in paragraphs)
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def rtf(text: str) -> bytes:
    """An RTF document: ASCII as is, everything else as \\uN escapes."""
    escaped = "".join(
        c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"
        for c in text.replace("\\", "\\\\")
    )
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}"
        "{\\info{\\title notes}}\\f0\\fs22 " + escaped.replace("\n", "\\par\n") + "}"
    ).encode("ascii")


# --- the planted secrets and the decoys -------------------------------------------------


def planted_files() -> dict[str, tuple[bytes, str | None]]:
    """Relative path → (content, kind expected or None for a decoy)."""
    en12 = phrase("english", "en12")
    en24 = phrase("english", "en24", 24).split()
    zh = phrase("chinese_simplified", "zh12").replace(" ", "")
    zh_t = phrase("chinese_traditional", "zht12")
    ja = phrase("japanese", "ja12")  # joined by U+3000
    ko = phrase("korean", "ko12")
    fr = phrase("french", "fr12").split()
    es = phrase("spanish", "es12")
    it = phrase("italian", "it12").split()
    cz = phrase("czech", "cz15", 15)
    pt = phrase("portuguese", "pt12").split()
    en15 = phrase("english", "en15", 15)
    ru = phrase("russian", "ru12")
    tr = phrase("turkish", "tr18", 18)
    tx = [hex_key(f"tx{n}") for n in range(4)]
    numbered_two_columns = "\n".join(
        f"{n}. {en24[n - 1]:<10} {n + 12}. {en24[n + 11]}" for n in range(1, 13)
    )
    files: dict[str, tuple[bytes, str | None]] = {
        "Documents/notes/wallet.txt": (f"my new wallet\n{en12}\n".encode(), "mnemonic"),
        "Documents/notes/backup.md": (
            ("# Backup\n\n" + "\n".join(f"{n}. {w}" for n, w in enumerate(en24, 1))).encode(),
            "mnemonic",
        ),
        "Documents/notes/columns.txt": (numbered_two_columns.encode(), "mnemonic"),
        "Desktop/mots.txt": ("\n".join(fr).encode("utf-8"), "mnemonic"),
        "Documents/notes/utf16.txt": (
            codecs.BOM_UTF16_LE + f"semilla: {es}\r\n".encode("utf-16-le"),
            "mnemonic",
        ),
        "Documents/notes/utf16-nobom.txt": (f"words {en15}\n".encode("utf-16-le"), "mnemonic"),
        "Documents/notes/助记词.txt": (
            f"我的助记词：{zh}\n请妥善保管。\n".encode("gb18030"),
            "mnemonic",
        ),
        "Documents/notes/繁體.txt": (f"備份 {zh_t}\n".encode(), "mnemonic"),
        "Documents/notes/japanese.txt": (f"ウォレット\n{ja}\n".encode(), "mnemonic"),
        "Documents/notes/korean.txt": (f"지갑 {ko}\n".encode(), "mnemonic"),
        "Documents/notes/русский.txt": (f"кошелёк: {ru}\n".encode("utf-16"), "mnemonic"),
        "Documents/notes/türkçe.txt": (tr.upper().encode("utf-8"), "mnemonic"),
        "Documents/cells.csv": (
            ("n,word\n" + "\n".join(f"{n},{w}" for n, w in enumerate(it, 1))).encode(),
            "mnemonic",
        ),
        "Documents/czech.txt": (cz.encode(), "mnemonic"),
        "Documents/letter.rtf": (rtf(f"Dear me,\nthe words are {en15}\nBye"), "mnemonic"),
        "Documents/words.xlsx": (xlsx([pt[:6], pt[6:]]), "mnemonic"),
        "Documents/notes.odt": (odt(["Remember:", " ".join(fr)]), "mnemonic"),
        "Documents/export.json": (json_key_export(), "private_key"),
        "Documents/keys/wif.txt": (f"imported key {wif('wif')}\n".encode(), "wif"),
        "Documents/keys/xprv.txt": (
            f"account xprv: {xprv('xprv')}\n".encode(),
            "extended_private_key",
        ),
        "Documents/keys/raw.txt": (f"{hex_key('raw')}\n".encode(), "private_key"),
        # decoys
        "Downloads/english.txt": (wordlist("english"), None),
        "Downloads/chinese_simplified.txt": (wordlist("chinese_simplified"), None),
        "Downloads/SHA256SUMS": (
            "".join(f"{h}  wallet-1.{n}.tar.gz\n" for n, h in enumerate(tx)).encode(),
            None,
        ),
        "Documents/transfers.txt": (
            (
                f"TxID: {tx[0]}\n交易哈希：{tx[1]}\nTransaction hash: 0x{tx[2]}\n"
                f"https://etherscan.io/tx/0x{tx[3]}\n"
            ).encode(),
            None,
        ),
    }
    # The Word documents: one with words split into runs, one seed hidden across runs.
    runs = [[w[:2], w[2:] + " "] for w in en12.split()]
    files["Documents/split-runs.docx"] = (
        docx([["Words:"], [r for pair in runs for r in pair]]),
        "mnemonic",
    )
    files["Documents/seed.docx"] = (docx([["Backup of my wallet"], [" ".join(pt)]]), "mnemonic")
    return files


def planted_secrets() -> list[str]:
    """Every secret planted by :func:`planted_files` (for tests that prove none leaks)."""
    phrases = [("english", "en12", 12), ("english", "en24", 24), ("chinese_simplified", "zh12", 12),
               ("chinese_traditional", "zht12", 12), ("japanese", "ja12", 12),
               ("korean", "ko12", 12), ("french", "fr12", 12), ("spanish", "es12", 12),
               ("italian", "it12", 12), ("czech", "cz15", 15), ("portuguese", "pt12", 12),
               ("english", "en15", 15), ("russian", "ru12", 12),
               ("turkish", "tr18", 18)]  # fmt: skip
    keys = [hex_key("json"), hex_key("raw"), wif("wif"), xprv("xprv")]
    return [phrase(language, label, words) for language, label, words in phrases] + keys


def json_key_export() -> bytes:
    return (
        '{"version": 3, "accounts": [{"name": "Main", "address": "0x'
        + hex_key("addr")[:40]
        + f'", "privateKey": "0x{hex_key("json")}"'
        + "}]}\n"
    ).encode()


def wordlist(language: str) -> bytes:
    from mnemonic import Mnemonic

    return ("\n".join(Mnemonic(language).wordlist) + "\n").encode()


def expected() -> list[Planted]:
    return sorted(Planted(p, k) for p, (_, k) in planted_files().items() if k is not None)


def decoys() -> list[str]:
    return sorted(p for p, (_, k) in planted_files().items() if k is None)


# --- bulk ---------------------------------------------------------------------------------


def _corpus(rng: random.Random, pieces: tuple[str, ...], size: int, joiner: str) -> str:
    parts, total = [], 0
    while total < size:
        line = joiner.join(rng.choice(pieces) for _ in range(rng.randint(2, 7)))
        parts.append(line)
        total += len(line.encode()) + 1
    return "\n".join(parts)


def _tx_csv(rng: random.Random, rows: int) -> str:
    lines = ["Date,TxID,From,To,Amount,Fee"]
    for n in range(rows):
        digest = hashlib.sha256(f"{rng.random()}{n}".encode()).hexdigest()
        lines.append(
            f"2024-0{1 + n % 9}-1{n % 10},0x{digest},0x{digest[:40]},"
            f"0x{digest[24:]},{rng.randint(1, 9999) / 100},0.0{n % 7}"
        )
    return "\n".join(lines) + "\n"


def _tx_json(rng: random.Random, rows: int) -> str:
    items = []
    for n in range(rows):
        h = hashlib.sha256(f"{rng.random()}{n}".encode()).hexdigest()
        b = hashlib.sha256(h.encode()).hexdigest()
        items.append(
            f'{{"hash": "0x{h}", "blockHash": "0x{b}", "blockNumber": {n + 18000000}, '
            f'"value": "{rng.randint(1, 10**18)}"}}'
        )
    return '{"result": [\n' + ",\n".join(items) + "\n]}\n"


def _log(rng: random.Random, lines: int) -> str:
    out = []
    for n in range(lines):
        digest = hashlib.sha256(f"{n}{rng.random()}".encode()).hexdigest()
        out.append(
            f"2024-05-{1 + n % 28:02d}T12:{n % 60:02d}:00Z INFO worker[{n % 8}] "
            f"request_id={digest[:16]} sha256={digest} status=200 took={n % 900}ms"
        )
    return "\n".join(out) + "\n"


def build(root: Path, text_mb: int = 240, binary_mb: int = 256, seed: int = 20) -> dict[str, int]:
    """Write the synthetic home under ``root``; return counts of what was written."""
    rng = random.Random(seed)
    english = _corpus(rng, ENGLISH, 4 << 20, " ")
    chinese = _corpus(rng, CHINESE, 3 << 20, "")
    code = "".join(rng.choice(CODE) for _ in range(20000))
    written = {"files": 0, "bytes": 0}

    def put(relative: str, data: bytes) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written["files"] += 1
        written["bytes"] += len(data)

    def piece(corpus: str, size: int) -> str:
        start = rng.randrange(0, max(1, len(corpus) - size))
        return corpus[start : start + size]

    budget = text_mb << 20
    number = 0
    while written["bytes"] < budget:
        number += 1
        kind = number % 10
        folder = f"f{number % 40:02d}"
        if kind in (0, 1, 2):
            put(
                f"Documents/notes/{folder}/note-{number}.txt",
                piece(english, rng.randint(2_000, 200_000)).encode(),
            )
        elif kind in (3, 4):
            put(
                f"Documents/笔记/{folder}/笔记-{number}.md",
                piece(chinese, rng.randint(2_000, 150_000)).encode(),
            )
        elif kind == 5:
            put(
                f"Documents/exports/{folder}/tx-{number}.csv",
                _tx_csv(rng, rng.randint(50, 3000)).encode(),
            )
        elif kind == 6:
            put(
                f"Documents/exports/{folder}/tx-{number}.json",
                _tx_json(rng, rng.randint(50, 2000)).encode(),
            )
        elif kind == 7:
            put(f"logs/{folder}/app-{number}.log", _log(rng, rng.randint(100, 8000)).encode())
        elif kind == 8:
            put(
                f"projects/app{number % 12}/src/{folder}/mod{number}.py",
                piece(code, rng.randint(1_000, 60_000)).encode(),
            )
        else:
            body = piece(english, rng.randint(2_000, 40_000)).replace("\n", "</p>\n<p>")
            put(
                f"Downloads/pages/{folder}/page-{number}.html",
                f"<html><body><p>{body}</p></body></html>".encode(),
            )
    # Software folders the scan leaves out (ripgrep reads node_modules: not a git repo).
    for n in range(200):
        put(f"projects/app{n % 12}/node_modules/pkg{n}/index.js", piece(code, 20_000).encode())
        put(f".cache/thumbs/{n}.txt", piece(english, 5_000).encode())
    put("projects/app1/.venv/pyvenv.cfg", b"home = /usr/bin\n")
    # Large binary files, and a log too large to be a note.
    for n in range(max(1, binary_mb // 64)):
        put(f"Videos/clip-{n}.mp4", rng.randbytes(64 << 20))
    put("logs/huge.log", _log(rng, 200_000).encode())
    for relative, (data, _kind) in planted_files().items():
        put(relative, data)
    return written
