"""A stability check found while benchmarking (not one of issue 9's budgets).

PySide6 6.12.0's ``abi3`` wheels, on CPython before 3.12, give back one
reference to ``None`` too many from every Qt method that returns nothing
(``setText``, ``drawLine`` …). ``None`` is an ordinary object there (it is
immortal only from 3.12 on), so after some thousands of such calls its
count reaches zero and the interpreter aborts: "Fatal Python error:
none_dealloc: deallocating None". Printing the large incident report makes
about 800 such calls. This row counts the references lost, so a future
upgrade that brings the bug back is caught (pyproject.toml keeps PySide6
below 6.12 on Python < 3.12).
"""

from __future__ import annotations

import gc
import sys

from bench.measure import INFO, Row, verdict

CALLS = 1000


def lost_per_call() -> tuple[float, int]:
    """(references lost per call, None's reference count before the calls)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        probe.setObjectName("bench")  # returns nothing
    gc.collect()
    return (before - sys.getrefcount(None)) / CALLS, before


def run(quick: bool) -> list[Row]:
    import PySide6

    lost, count = lost_per_call()
    where = f"PySide6 {PySide6.__version__}, Python {sys.version.split()[0]}"
    if sys.version_info >= (3, 12):
        return [
            Row(
                "7",
                "References to None lost per void Qt call (None is immortal here)",
                f"{lost:.2f}",
                "0",
                INFO,
                note=where,
            )
        ]
    return [
        Row(
            "7",
            "Stability (not a budget of issue 9): references to None lost per void Qt call;"
            " the interpreter aborts when None's count reaches 0",
            f"{lost:.2f}",
            "0",
            verdict(lost < 0.01),
            note=f"{where}; None's count in a fresh Qt process ≈{count:,}"
            + (": about that many such calls abort it" if lost >= 0.01 else ""),
        )
    ]
