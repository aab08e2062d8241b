"""Wallet Checkup's domain logic: pure Python, never imports Qt.

Everything a window, a report or the command line decides comes from here,
so the three always agree. See DESIGN.md for the contracts.
"""

__version__ = "0.1.0"
APP_NAME = "wallet-checkup"
