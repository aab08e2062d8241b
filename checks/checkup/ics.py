"""A standard .ics file for the monthly checkup reminder (RFC 5545).

The reminder then lives in the user's own calendar and works when the app
is closed: a monthly recurring all-day event on the chosen day, with an
alarm at 10:00 that day. Pure text, no network, no personal data.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

PRODID = "-//Wallet Checkup//Monthly reminder//EN"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def monthly_reminder(
    first_day: date,
    summary: str,
    description: str,
    now: datetime | None = None,
    uid: str | None = None,
) -> str:
    """An iCalendar document with one monthly recurring event and a display alarm."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    next_day = date.fromordinal(first_day.toordinal() + 1)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid or uuid.uuid4()}@wallet-checkup.invalid",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{first_day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{next_day:%Y%m%d}",
        f"RRULE:FREQ=MONTHLY;BYMONTHDAY={first_day.day}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(summary)}",
        "TRIGGER;RELATED=START:PT10H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
