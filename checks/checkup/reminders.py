"""When the next monthly checkup is due.

Rule, simple enough to explain on screen: the next checkup is due on the
reminder day (1–28, from Settings) of the month after the last checkup.
"""

from __future__ import annotations

from datetime import date


def next_due(last_checkup: date | None, reminder_day: int) -> date | None:
    """The due date, or None when no checkup was ever done."""
    if last_checkup is None:
        return None
    year, month = last_checkup.year, last_checkup.month + 1
    if month == 13:
        year, month = year + 1, 1
    return date(year, month, min(max(reminder_day, 1), 28))


def is_overdue(last_checkup: date | None, reminder_day: int, today: date) -> bool:
    due = next_due(last_checkup, reminder_day)
    return due is not None and today >= due
