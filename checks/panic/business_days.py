"""Reply-time arithmetic on the user's wall clock: business days, calendar days, hours.

Support teams promise replies in *business days*, and a person in a panic
reads deadlines on their own clock. So every deadline here is computed in
the user's local time zone (``tz``) on the wall clock and returned as an
aware UTC datetime:

* **Business days** are Monday to Friday in ``tz``. There is no holiday
  calendar: public holidays differ by country and company, and a day early
  only means one polite follow-up. Adding N business days lands on the N-th
  following business day at the *same clock time*, so Friday 18:00 plus 3
  business days is Wednesday 18:00, also across a daylight-saving change
  (the elapsed hours then differ by one, the clock time does not).
* A start on a **Saturday or Sunday** counts from Monday 00:00, because
  nobody reads it before then: Saturday 10:00 plus 3 business days is
  Thursday 00:00, the end of Wednesday. This keeps deadlines in order: a
  later start never gets an earlier deadline (Friday 23:59 → Wednesday 23:59,
  Saturday → Thursday 00:00, Monday 00:01 → Thursday 00:01).
* **Business hours** (for live chat) are counted on weekdays only, 24 hours a
  day: Friday 22:00 plus 4 hours is Monday 02:00. We do not know any
  company's opening hours, so we do not pretend to.
* **Calendar days** (for social media and communities, which are staffed at
  weekends too) are the same clock time N days later, weekends included.

A wall-clock time that does not exist (skipped by a daylight-saving change)
is read with the offset in force before the change, as :mod:`zoneinfo` does,
which moves it later by the size of the jump; a time that exists twice is
read as its first occurrence. Both only shift a chase reminder by an hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from checks.i18n import N_, InputError, Msg, msg

UNITS = ("hours", "business_days", "days")

_WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


@dataclass(frozen=True)
class Span:
    """A reply time: ``amount`` of ``unit`` (one of :data:`UNITS`)."""

    amount: int
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS or self.amount < 1:
            raise ValueError(f"bad span {self.amount} {self.unit}")


def ensure_aware(moment: datetime) -> datetime:
    """``moment`` unchanged; :class:`InputError` for a naive time (its zone is a guess)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InputError(msg(N_("A time needs a time zone.")))
    return moment


def require_aware(moment: datetime) -> datetime:
    """``moment`` in UTC; :class:`InputError` for a naive time."""
    return ensure_aware(moment).astimezone(timezone.utc)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5


def _wall(moment: datetime, tz: tzinfo) -> datetime:
    """The naive local wall-clock time of an aware ``moment`` in ``tz``."""
    return moment.astimezone(tz).replace(tzinfo=None)


def _from_wall(wall: datetime, tz: tzinfo) -> datetime:
    """A naive wall-clock time in ``tz`` back to an aware UTC datetime."""
    return wall.replace(tzinfo=tz, fold=0).astimezone(timezone.utc)


def _first_business_moment(wall: datetime) -> datetime:
    """``wall`` itself on a weekday; the following Monday 00:00 on a weekend."""
    day = wall.date()
    if is_business_day(day):
        return wall
    monday = day + timedelta(days=7 - day.weekday())
    return datetime.combine(monday, time())


def add_business_days(start: datetime, days: int, tz: tzinfo) -> datetime:
    """The N-th business day after ``start`` at the same local clock time (see module doc)."""
    wall = _first_business_moment(_wall(require_aware(start), tz))
    weeks, rest = divmod(days, 5)
    day = wall.date() + timedelta(weeks=weeks)
    while rest:
        day += timedelta(days=1)
        if is_business_day(day):
            rest -= 1
    return _from_wall(datetime.combine(day, wall.time()), tz)


def add_business_hours(start: datetime, hours: int, tz: tzinfo) -> datetime:
    """``hours`` counted on weekdays only (24 hours a day), on the local wall clock."""
    wall = _first_business_moment(_wall(require_aware(start), tz))
    remaining = timedelta(hours=hours)
    while True:
        end_of_day = datetime.combine(wall.date() + timedelta(days=1), time())
        if wall + remaining < end_of_day:
            return _from_wall(wall + remaining, tz)
        remaining -= end_of_day - wall
        wall = _first_business_moment(end_of_day)


def add_calendar_days(start: datetime, days: int, tz: tzinfo) -> datetime:
    """The same local clock time ``days`` days later, weekends included."""
    return _from_wall(_wall(require_aware(start), tz) + timedelta(days=days), tz)


def due_after(start: datetime, span: Span, tz: tzinfo) -> datetime:
    """When a reply expected within ``span`` of ``start`` is overdue (aware, UTC).

    Never before ``start``: a daylight-saving jump can pull a wall-clock
    deadline back by at most its size, which is far less than one step here,
    but the clamp keeps the promise even for odd historical zones.
    """
    if span.unit == "hours":
        due = add_business_hours(start, span.amount, tz)
    elif span.unit == "business_days":
        due = add_business_days(start, span.amount, tz)
    else:
        due = add_calendar_days(start, span.amount, tz)
    return max(due, require_aware(start))


def business_days_between(start: datetime, end: datetime, tz: tzinfo) -> int:
    """How many whole business days have passed from ``start`` to ``end`` (0 if none)."""
    if end <= start:
        return 0
    first = _first_business_moment(_wall(require_aware(start), tz))
    last = _wall(require_aware(end), tz)
    if last <= first:
        return 0
    whole_weeks, extra = divmod((last.date() - first.date()).days, 7)
    count = whole_weeks * 5
    day = first.date() + timedelta(weeks=whole_weeks)
    for _ in range(extra):
        day += timedelta(days=1)
        count += is_business_day(day)
    if is_business_day(last.date()) and last.time() < first.time():
        count -= 1  # the last business day has not reached the start's clock time yet
    return max(count, 0)


def local_time(moment: datetime, tz: tzinfo) -> Msg:
    """``moment`` as the user reads it: weekday, ISO date and 24-hour time in ``tz``.

    The date and time are language-neutral digits; only the weekday is
    translated, so the text works in both UI languages.
    """
    wall = _wall(require_aware(moment), tz)
    return msg(
        N_("{weekday} {date} {time}"),
        weekday=Msg(_WEEKDAYS[wall.weekday()]),
        date=wall.date().isoformat(),
        time=wall.strftime("%H:%M"),
    )
