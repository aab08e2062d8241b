"""The reminder .ics parses back in a real iCalendar parser."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import icalendar

from checks.checkup.ics import monthly_reminder


def test_ics_parses_with_monthly_rule_and_alarm() -> None:
    text = monthly_reminder(
        date(2026, 12, 15),
        "Wallet Checkup: monthly checkup, 钱包安全体检; 10 min",
        "A long description " * 10,
        now=datetime(2026, 11, 20, tzinfo=timezone.utc),
        uid="fixed",
    )
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    (event,) = [c for c in calendar.walk("VEVENT")]
    assert event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert event["RRULE"]["BYMONTHDAY"] == [15]
    assert event.decoded("DTSTART") == date(2026, 12, 15)
    assert str(event["SUMMARY"]) == "Wallet Checkup: monthly checkup, 钱包安全体检; 10 min"
    assert str(event["DESCRIPTION"]) == "A long description " * 10
    (alarm,) = [c for c in event.walk("VALARM")]
    assert str(alarm["ACTION"]) == "DISPLAY"
    # 10:00 on the day of the (all-day) event, counted from its start.
    assert alarm.decoded("TRIGGER") == timedelta(hours=10)
    assert alarm["TRIGGER"].params.get("RELATED", "START") == "START"
    assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
