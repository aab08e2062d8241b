"""Costs the code's comments give as reasons: measured here, so the numbers live in
bench/RESULTS.md (rows 9a–9j) and the comments keep only the reason.

Each cost that depends on what a process has loaded so far (the first
dataclass, PySide's enums, the import hook, a full garbage collection over
the start-up's objects, fonts, QtSvg) is measured in a fresh child process;
the rest here. All rows are "info": they explain choices, they are no budget.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.measure import INFO, REPO, Row, median, ms, offscreen_env

RUNS = 5
WORST_PASSWORD = ("4@8({[<369!1|70$5+%2" * 4)[:72]  # as bench/typing_latency.py

FIRST_DATACLASS = """
import time
start = time.perf_counter()
import dataclasses

@dataclasses.dataclass(frozen=True)
class Paths:
    home: str
    database: str = ""
    logs: str = ""
    evidence: str = ""
    kept_aside: str = ""
print(time.perf_counter() - start)
"""

ENUMS = """
import json, time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
found = {}
start = time.perf_counter()
from PySide6.QtCore import Qt
Qt.AlignmentFlag.AlignLeft
found["Qt"] = time.perf_counter() - start
start = time.perf_counter()
from PySide6.QtCore import QByteArray
QByteArray(b"x")
found["QByteArray"] = time.perf_counter() - start
start = time.perf_counter()
from PySide6.QtGui import QIcon
QIcon()
found["QIcon"] = time.perf_counter() - start
start = time.perf_counter()
from PySide6.QtGui import QKeySequence
QKeySequence("Ctrl+Shift+P")
found["QKeySequence"] = time.perf_counter() - start
print(json.dumps(found))
"""

PARSER = """
import time
from desktop.cli import build_parser
start = time.perf_counter()
build_parser()
print(time.perf_counter() - start)
"""

IMPORT_HOOK = """
import importlib, json, sys, time
import PySide6.QtCore
from desktop.cli import lighten_pyside_import_hook
feature = sys.modules["shibokensupport.feature"]
original = feature._mod_uses_pyside
lighten_pyside_import_hook()
lighter = feature._mod_uses_pyside
names = ["desktop.main_window", "desktop.home_page", "desktop.ui.widgets", "desktop.app",
         "desktop.ui.icons", "desktop.background", "desktop.context", "desktop.crash",
         "checks.storage.settings", "checks.paths", "checks.files", "desktop.i18n"]
modules = [importlib.import_module(name) for name in names]
found = {}
for label, check in (("pyside", original), ("lightened", lighter)):
    start = time.perf_counter()
    for module in modules:
        check(module)
    found[label] = (time.perf_counter() - start) / len(modules)
print(json.dumps(found))
"""

COLLECTION = """
import gc, json, tempfile, time
from pathlib import Path
gc.disable()
from desktop.app import build_window, make_application
from desktop.context import AppContext
from checks.paths import Paths
app = make_application([])
window = build_window(AppContext(paths=Paths(Path(tempfile.mkdtemp()))), app, "en")
window.show()
app.processEvents()
found = {}
start = time.perf_counter()
gc.collect()
found["full"] = time.perf_counter() - start
gc.freeze()
start = time.perf_counter()
gc.collect()
found["frozen"] = time.perf_counter() - start
found["objects"] = gc.get_freeze_count()
print(json.dumps(found))
"""

FONTS = """
import json, resource
def rss():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from PySide6.QtWidgets import QApplication, QLabel
from desktop.app import prefer_simplified_chinese
app = QApplication([])
label = QLabel("Wallet Checkup: your monthly safety checkup")
label.grab()
before = rss()
prefer_simplified_chinese(app)
QLabel("钱包安全体检：每月一次安全体检，被盗后的紧急步骤指引").grab()
after = rss()
print(json.dumps({"kb": after - before}))
"""

SVG = """
import json, resource, time
def rss():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
app = QApplication([])
before = rss()
start = time.perf_counter()
import PySide6.QtSvg
from PySide6.QtGui import QIcon
QIcon("resources/icons/app.svg").pixmap(QSize(32, 32))
took = time.perf_counter() - start
after = rss()
print(json.dumps({"seconds": took, "kb": after - before}))
"""


def fresh(code: str, runs: int) -> list[Any]:
    """Run ``code`` in ``runs`` fresh processes; what each printed last, as JSON."""
    found = []
    for _ in range(runs):
        child = subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO,
            env=offscreen_env(PYTHONPATH=str(REPO)),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        lines = child.stdout.strip().splitlines()
        if child.returncode != 0 or not lines:
            raise RuntimeError(child.stderr.strip()[-300:])
        found.append(json.loads(lines[-1]))
    return found


def timed(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return median(times)


def fine(seconds: float) -> str:
    """Milliseconds, with enough digits for what takes well under one."""
    return f"{seconds * 1000:.3f} ms" if seconds < 0.001 else ms(seconds)


def _row(key: str, what: str, measured: str, note: str = "") -> Row:
    return Row(key, what, measured, "-", INFO, note=note)


def run(quick: bool) -> list[Row]:
    runs = 1 if quick else RUNS
    rows = []
    dataclass_cost = median([float(x) for x in fresh(FIRST_DATACLASS, runs)])
    rows.append(
        _row(
            "9a",
            "The first dataclass of a process (importing dataclasses, one frozen class):"
            " why the modules loaded before the first paint use named tuples",
            ms(dataclass_cost),
        )
    )

    from zxcvbn import zxcvbn

    zxcvbn("warm up")
    sixteen = timed(lambda: zxcvbn(WORST_PASSWORD[:16]), runs)
    twenty_four = timed(lambda: zxcvbn(WORST_PASSWORD[:24]), 1 if quick else 3)
    rows.append(
        _row(
            "9b",
            "zxcvbn on a worst-case password's first 16 characters (the meter's quick"
            " score, checks.password.QUICK_PREFIX_CHARS) and first 24",
            ms(sixteen),
            note=f"24 characters: {ms(twenty_four)}",
        )
    )

    from mnemonic import Mnemonic

    from checks.secrets import find_secrets, warm_up

    warm_up()
    hanzi = "".join(Mnemonic("chinese_simplified").wordlist)[:200]
    rows.append(
        _row(
            "9c",
            "Secret guard on 200 characters of wordlist hanzi, word lists loaded: the most a"
            " field checks on the UI thread (desktop.ui.secret_guard.INLINE_LIMIT)",
            ms(timed(lambda: find_secrets(hanzi), runs)),
            note="loading the word lists: row 6's first call",
        )
    )

    from checks.storage.crypto import SCRYPT_N, derive_key

    rows.append(
        _row(
            "9d",
            f"Deriving the data key from a passphrase (scrypt, N = 2^{SCRYPT_N.bit_length() - 1},"
            " 32 MiB): what each guess at a stolen data file costs",
            ms(timed(lambda: derive_key("correct horse battery", os.urandom(16)), runs)),
        )
    )

    enums = fresh(ENUMS, runs)
    cost = {name: median([float(e[name]) for e in enums]) for name in enums[0]}
    rows.append(
        _row(
            "9e",
            "PySide's enum types, built the first time a class is touched: the Qt namespace"
            " (why the home screen avoids Qt.*)",
            ms(cost["Qt"]),
            note="QIcon {}, QKeySequence {}, QByteArray {} (built after the first paint)".format(
                ms(cost["QIcon"]), ms(cost["QKeySequence"]), ms(cost["QByteArray"])
            ),
        )
    )
    rows.append(
        _row(
            "9f",
            "Building the command line's parser (why --exit-after-first-paint and a plain"
            " start skip it)",
            ms(median([float(x) for x in fresh(PARSER, runs)])),
        )
    )
    hook = fresh(IMPORT_HOOK, runs)
    pyside = median([float(h["pyside"]) for h in hook])
    lightened = median([float(h["lightened"]) for h in hook])
    rows.append(
        _row(
            "9g",
            "PySide6's check of each module imported after it: its own (inspect.getsource)"
            " per module (desktop.cli.lighten_pyside_import_hook)",
            fine(pyside),
            note=f"lightened: {fine(lightened)} a module",
        )
    )
    collections = fresh(COLLECTION, runs)
    full = median([float(c["full"]) for c in collections])
    frozen = median([float(c["frozen"]) for c in collections])
    rows.append(
        _row(
            "9h",
            "One full garbage collection over the objects of the start-up (why the collector"
            " waits for the first paint, desktop.cli; and gc.freeze, desktop.app)",
            ms(full),
            note=f"after gc.freeze(): {fine(frozen)}; {collections[0]['objects']:,} objects frozen",
        )
    )
    fonts = median([float(f["kb"]) for f in fresh(FONTS, runs)]) / 1024
    rows.append(
        _row(
            "9i",
            "Memory for the Simplified Chinese font fallbacks with Chinese text painted (why"
            " an English window resolves them after its first paint)",
            f"{fonts:.1f} MB",
        )
    )
    svg = fresh(SVG, runs)
    rows.append(
        _row(
            "9j",
            "QtSvg and one SVG icon drawn (why the window's icons are PNGs, scripts/make_icons.py)",
            ms(median([float(s["seconds"]) for s in svg])),
            note="memory {:.1f} MB".format(median([float(s["kb"]) for s in svg]) / 1024),
        )
    )
    return rows
