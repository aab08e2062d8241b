"""Business-day arithmetic on the user's wall clock (checks.panic.business_days)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.i18n import InputError
from checks.panic.business_days import (
    Span,
    add_business_days,
    add_business_hours,
    add_calendar_days,
    business_days_between,
    due_after,
    local_time,
)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:  # Windows without the tzdata package
        pytest.skip(f"no time zone data for {name}")


SHANGHAI = "Asia/Shanghai"
LONDON = "Europe/London"


def local(tz: tzinfo, *args: int) -> datetime:
    year, month, day, hour, minute = args
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def wall(moment: datetime, tz: tzinfo) -> tuple[str, str]:
    shown = moment.astimezone(tz)
    return shown.strftime("%A"), shown.strftime("%Y-%m-%d %H:%M")


def test_friday_evening_plus_three_business_days_is_wednesday_same_time() -> None:
    tz = zone(SHANGHAI)
    friday = local(tz, 2026, 11, 27, 18, 0)
    due = add_business_days(friday, 3, tz)
    assert wall(due, tz) == ("Wednesday", "2026-12-02 18:00")
    assert due.tzinfo == timezone.utc
    assert due - friday == timedelta(days=5)  # no daylight saving in Shanghai


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ((2026, 11, 28, 10, 0), "2026-12-03 00:00"),  # Saturday counts from Monday 00:00
        ((2026, 11, 29, 23, 30), "2026-12-03 00:00"),  # Sunday too
        ((2026, 11, 30, 0, 1), "2026-12-03 00:01"),  # Monday: 3 full days later
        ((2026, 11, 25, 9, 0), "2026-11-30 09:00"),  # Wednesday → Monday
        ((2026, 11, 27, 23, 59), "2026-12-02 23:59"),  # Friday night, still before Saturday
    ],
)
def test_weekend_starts_count_from_monday(start: tuple[int, ...], expected: str) -> None:
    tz = zone(SHANGHAI)
    assert wall(add_business_days(local(tz, *start), 3, tz), tz)[1] == expected


def test_five_and_ten_business_days_are_whole_weeks() -> None:
    tz = zone(SHANGHAI)
    tuesday = local(tz, 2026, 12, 1, 15, 0)
    assert wall(add_business_days(tuesday, 5, tz), tz)[1] == "2026-12-08 15:00"
    assert wall(add_business_days(tuesday, 10, tz), tz)[1] == "2026-12-15 15:00"
    assert wall(add_business_days(tuesday, 7, tz), tz)[1] == "2026-12-10 15:00"


def test_autumn_daylight_saving_change_keeps_the_clock_time() -> None:
    # British Summer Time ended on Sunday 25 October 2026, 02:00 BST → 01:00 GMT.
    tz = zone(LONDON)
    friday = local(tz, 2026, 10, 23, 18, 0)
    assert friday.utcoffset() == timedelta(hours=1)
    due = add_business_days(friday, 3, tz)
    assert wall(due, tz) == ("Wednesday", "2026-10-28 18:00")
    assert due.astimezone(tz).utcoffset() == timedelta(0)
    assert due - friday == timedelta(days=5, hours=1)


def test_spring_daylight_saving_change_keeps_the_clock_time() -> None:
    # British Summer Time began on Sunday 29 March 2026, 01:00 GMT → 02:00 BST.
    tz = zone(LONDON)
    friday = local(tz, 2026, 3, 27, 18, 0)
    due = add_business_days(friday, 3, tz)
    assert wall(due, tz) == ("Wednesday", "2026-04-01 18:00")
    assert due - friday == timedelta(days=4, hours=23)


def test_the_same_instant_has_different_deadlines_in_different_zones() -> None:
    # Friday 18:00 in Shanghai is Friday 10:00 in London: both get a Wednesday,
    # each on the local clock, because business days are the user's.
    shanghai, london = zone(SHANGHAI), zone(LONDON)
    instant = local(shanghai, 2026, 11, 27, 18, 0)
    assert wall(add_business_days(instant, 3, london), london)[1] == "2026-12-02 10:00"
    # Saturday 02:00 in Shanghai is still Friday in London.
    late = local(shanghai, 2026, 11, 28, 2, 0)
    assert wall(add_business_days(late, 3, shanghai), shanghai)[1] == "2026-12-03 00:00"
    assert wall(add_business_days(late, 3, london), london)[1] == "2026-12-02 18:00"


def test_business_hours_skip_the_weekend() -> None:
    tz = zone(SHANGHAI)
    assert wall(add_business_hours(local(tz, 2026, 12, 1, 10, 0), 4, tz), tz)[1] == (
        "2026-12-01 14:00"
    )
    friday_night = local(tz, 2026, 11, 27, 22, 0)
    assert wall(add_business_hours(friday_night, 4, tz), tz) == ("Monday", "2026-11-30 02:00")
    saturday = local(tz, 2026, 11, 28, 15, 0)
    assert wall(add_business_hours(saturday, 4, tz), tz)[1] == "2026-11-30 04:00"


def test_calendar_days_include_the_weekend() -> None:
    tz = zone(SHANGHAI)
    thursday = local(tz, 2026, 11, 26, 10, 0)
    assert wall(add_calendar_days(thursday, 2, tz), tz) == ("Saturday", "2026-11-28 10:00")
    assert due_after(thursday, Span(2, "days"), tz) == add_calendar_days(thursday, 2, tz)


def test_counting_business_days_between_two_times() -> None:
    tz = zone(SHANGHAI)
    friday = local(tz, 2026, 11, 27, 18, 0)
    assert business_days_between(friday, local(tz, 2026, 12, 2, 18, 0), tz) == 3
    assert business_days_between(friday, local(tz, 2026, 12, 2, 17, 59), tz) == 2
    assert business_days_between(friday, local(tz, 2026, 11, 30, 23, 0), tz) == 1
    assert business_days_between(friday, local(tz, 2026, 11, 29, 23, 0), tz) == 0
    assert business_days_between(friday, friday - timedelta(days=3), tz) == 0


def test_local_time_names_the_weekday_in_the_users_zone() -> None:
    tz = zone(SHANGHAI)
    shown = local_time(datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc), tz)
    assert shown.render() == "Wednesday 2026-12-02 18:00"
    zh = {"{weekday} {date} {time}": "{date}（{weekday}）{time}", "Wednesday": "星期三"}
    assert shown.render(lambda s: zh.get(s, s)) == "2026-12-02（星期三）18:00"


def test_naive_times_are_refused_and_bad_spans_too() -> None:
    with pytest.raises(InputError, match="time zone"):
        add_business_days(datetime(2026, 11, 27, 18, 0), 3, timezone.utc)
    with pytest.raises(ValueError):
        Span(0, "business_days")
    with pytest.raises(ValueError):
        Span(2, "weeks")


# -- properties ----------------------------------------------------------------

moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(8999, 12, 31), timezones=st.timezones()
)
zones = st.one_of(
    st.timezones(),
    st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)
spans = st.builds(Span, st.integers(1, 30), st.sampled_from(["hours", "business_days", "days"]))


@settings(max_examples=400)
@given(moments, spans, zones)
def test_a_deadline_is_never_before_its_start(start: datetime, span: Span, tz: tzinfo) -> None:
    due = due_after(start, span, tz)
    assert due >= start
    assert due.tzinfo == timezone.utc


@settings(max_examples=300)
@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    st.integers(0, 20 * 24 * 60),
    st.integers(1, 25),
    st.sampled_from([SHANGHAI, LONDON]),
)
def test_business_day_deadlines_keep_order_and_count_back(
    naive: datetime, later_by_minutes: int, days: int, zone_name: str
) -> None:
    tz = zone(zone_name)
    start = naive.replace(tzinfo=tz).astimezone(timezone.utc)
    later = start + timedelta(minutes=later_by_minutes)
    due = add_business_days(start, days, tz)
    assert add_business_days(later, days, tz) >= due  # a later start never gets an earlier one
    assert due.astimezone(tz).weekday() < 5
    assert business_days_between(start, due, tz) == days
    assert business_days_between(start, due - timedelta(minutes=1), tz) == days - 1
