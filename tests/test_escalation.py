"""The escalation engine: when to chase support and where to go next (checks.panic.escalation)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.i18n import InputError, Msg
from checks.panic import escalation_text as text
from checks.panic.business_days import add_business_days
from checks.panic.escalation import (
    LADDER,
    REPLY_TIME,
    RUNG_OF,
    SELF_CUSTODY_LADDER,
    STATUSES,
    Advice,
    Channel,
    ContactAttempt,
    EscalationState,
    advise,
    ladder_for,
    next_rung,
)


def shanghai() -> ZoneInfo:
    try:
        return ZoneInfo("Asia/Shanghai")
    except ZoneInfoNotFoundError:  # Windows without the tzdata package
        pytest.skip("no time zone data")


class FakeClock:
    """The injected clock: it only moves when the test says so."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def move_to(self, moment: datetime) -> None:
        assert moment >= self.now
        self.now = moment

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def texts(messages: Sequence[Msg]) -> list[str]:
    return [m.text for m in messages]


def all_text(advice: Advice) -> str:
    return " ".join(m.render() for m in (advice.message, *advice.steps, *advice.warnings))


def test_nothing_logged_means_start_inside_the_app() -> None:
    tz = shanghai()
    advice = advise([], datetime(2026, 11, 27, 10, tzinfo=tz), tz, wallet_custodial=False)
    assert advice.status == "not_contacted"
    assert (advice.current_rung, advice.next_rung, advice.due_at) == (None, "in_app", None)
    assert texts(advice.steps)[0] == text.RUNG_STEPS["in_app"][0]
    assert text.SELF_CUSTODY_STEP in texts(advice.steps)
    assert advice.warnings == ()
    custodial = advise([], datetime(2026, 11, 27, 10, tzinfo=tz), tz, wallet_custodial=True)
    assert text.CUSTODIAL_STEP in texts(custodial.steps)
    assert text.SELF_CUSTODY_STEP not in texts(custodial.steps)


def test_ticket_on_friday_follow_up_then_escalate_to_social() -> None:
    tz = shanghai()
    clock = FakeClock(datetime(2026, 11, 27, 18, 0, tzinfo=tz))  # a Friday evening
    state = EscalationState(tz=tz, wallet_custodial=True, name="HTX", clock=clock)
    state = state.log(Channel.TICKET, ticket="HTX-20261127-001")

    advice = state.advice()
    assert advice.status == "waiting"
    assert advice.current_rung == "email_or_ticket"
    assert advice.next_rung == "social"
    assert advice.due_at == datetime(2026, 12, 2, 18, 0, tzinfo=tz)  # Wednesday
    assert advice.message.render() == (
        "Waiting for a reply from HTX. If there is no reply by Wednesday 2026-12-02 "
        "18:00, send one follow-up in the same conversation (the same ticket, email thread "
        "or chat)."
    )
    assert texts(advice.steps) == list(text.WAITING_STEPS)

    for moment in [(11, 28, 12, 0), (11, 30, 9, 0), (12, 1, 23, 0), (12, 2, 17, 59)]:
        clock.move_to(datetime(2026, *moment, tzinfo=tz))
        assert state.advice().status == "waiting", moment

    clock.move_to(datetime(2026, 12, 2, 18, 0, tzinfo=tz))
    advice = state.advice()
    assert advice.status == "follow_up_due"
    assert advice.current_rung == "email_or_ticket"
    assert advice.follow_ups == 0
    assert "since Friday 2026-11-27 18:00" in advice.message.render()
    assert texts(advice.steps) == list(text.FOLLOW_UP_STEPS)

    clock.move_to(datetime(2026, 12, 3, 9, 30, tzinfo=tz))  # Thursday morning
    state = state.log(Channel.TICKET, ticket="HTX-20261127-001")
    advice = state.advice()
    assert advice.status == "waiting"
    assert advice.follow_ups == 1
    assert advice.due_at == datetime(2026, 12, 8, 9, 30, tzinfo=tz)  # the next Tuesday
    assert "the next step is to write to their official social media account" in (
        advice.message.render()
    )

    clock.move_to(datetime(2026, 12, 8, 9, 29, tzinfo=tz))
    assert state.advice().status == "waiting"
    clock.advance(minutes=1)
    advice = state.advice()
    assert advice.status == "escalate"
    assert (advice.current_rung, advice.next_rung) == ("email_or_ticket", "social")
    assert advice.message.render() == (
        "No reply from HTX since Friday 2026-11-27 18:00, not even to your follow-up. "
        "Next: write to their official social media account."
    )
    assert texts(advice.steps) == list(text.RUNG_STEPS["social"])
    assert advice.based_on == state.attempts[-1]

    # Climbing: a message to the official social account starts a new wait.
    state = state.log(Channel.SOCIAL)
    advice = state.advice()
    assert (advice.status, advice.current_rung, advice.next_rung) == (
        "waiting",
        "social",
        "community",
    )
    assert advice.follow_ups == 0


def test_a_reply_stops_escalation_until_the_user_acts_again() -> None:
    tz = shanghai()
    clock = FakeClock(datetime(2026, 11, 23, 10, 0, tzinfo=tz))  # Monday
    state = EscalationState(tz=tz, wallet_custodial=False, name="imToken", clock=clock)
    state = state.log(Channel.EMAIL)
    clock.advance(days=3, hours=1)
    state = state.log(Channel.EMAIL)  # follow-up on Thursday
    clock.advance(days=1)
    state = state.record_reply(summary="We are looking into it.")
    for days in (0, 5, 30, 365):
        clock.move_to(datetime(2026, 11, 27, 11, 0, tzinfo=tz) + timedelta(days=days))
        advice = state.advice()
        assert advice.status == "replied"
        assert advice.due_at is None
        assert advice.based_on == state.attempts[-1]
        assert advice.message.render().startswith("A reply came from imToken.")
        assert "seed phrase or a fee" in advice.message.render()
        assert texts(advice.steps)[-1] == text.RUNG_ACTIONS["police"]

    # Not a solution: the user writes again on the same rung, the clock starts over.
    state = state.log(Channel.TICKET)
    advice = state.advice()
    assert advice.status == "waiting"
    assert advice.follow_ups == 0  # the reply closed the earlier round


def test_a_reply_to_an_earlier_contact_after_the_latest_one_counts() -> None:
    tz = shanghai()
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=tz)
    ticket = ContactAttempt("ticket", monday, reply_at=monday + timedelta(days=9))
    social = ContactAttempt("social", monday + timedelta(days=8))
    advice = advise([ticket, social], monday + timedelta(days=10), tz, False)
    assert advice.status == "replied"
    assert advice.based_on == ticket
    assert advice.current_rung == "social"  # where the user stands on the ladder
    # A reply that came before the latest contact does not stop the new wait.
    early = ContactAttempt("ticket", monday, reply_at=monday + timedelta(days=1))
    assert advise([early, social], monday + timedelta(days=9), tz, False).status == "waiting"


def test_unofficial_channels_never_count_and_are_flagged() -> None:
    tz = shanghai()
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=tz)
    fake = ContactAttempt("social", monday, official=False)
    advice = advise([fake], monday + timedelta(days=1), tz, False)
    assert advice.status == "not_contacted"
    assert advice.next_rung == "in_app"
    assert len(advice.warnings) == 1
    assert advice.warnings[0].render() == (
        "You logged a contact (social media message, Monday 2026-11-23 10:00) on a channel "
        "that is not confirmed as official. It does not count here: scammers pose as support. "
        "Use only the official channels listed in this app."
    )

    # An unofficial contact after an official one neither restarts nor advances the wait.
    ticket = ContactAttempt("ticket", monday)
    later_fake = ContactAttempt("community", monday + timedelta(days=2), official=False)
    advice = advise([ticket, later_fake], monday + timedelta(days=3), tz, False)
    assert (advice.status, advice.current_rung, advice.based_on) == (
        "follow_up_due",
        "email_or_ticket",
        ticket,
    )
    # Nor does an unofficial "follow-up" count as one.
    advice = advise(
        [ticket, ContactAttempt("ticket", monday + timedelta(days=3), official=False)],
        monday + timedelta(days=20),
        tz,
        False,
    )
    assert advice.status == "follow_up_due"

    # A "reply" on an unofficial channel is a recovery-scam warning, not a reply.
    answered = ContactAttempt(
        "social", monday, official=False, reply_at=monday + timedelta(hours=1)
    )
    advice = advise([ticket, answered], monday + timedelta(days=1), tz, False)
    assert advice.status == "waiting"
    assert advice.warnings[-1].text == text.UNOFFICIAL_REPLY


@pytest.mark.parametrize("weekday", [0, 1, 2, 3, 4])
def test_social_follow_up_is_due_when_the_clock_moves_two_business_days(weekday: int) -> None:
    tz = shanghai()
    start = datetime(2026, 11, 23 + weekday, 10, 0, tzinfo=tz)  # Monday … Friday
    clock = FakeClock(start)
    state = EscalationState(tz=tz, wallet_custodial=False, clock=clock).log(Channel.SOCIAL)
    assert state.advice().status == "waiting"
    two_business_days = add_business_days(start, 2, tz)
    if weekday <= 2:  # Monday to Wednesday: due exactly then, not a minute earlier
        clock.move_to(two_business_days - timedelta(minutes=1))
        assert state.advice().status == "waiting"
    clock.move_to(two_business_days)
    advice = state.advice()
    assert advice.status == "follow_up_due"
    assert advice.due_at is not None and advice.due_at <= two_business_days


def test_live_chat_is_the_first_rung_and_email_follows_up_a_ticket() -> None:
    tz = shanghai()
    tuesday = datetime(2026, 11, 24, 10, 0, tzinfo=tz)
    chat = ContactAttempt("live_chat", tuesday)
    advice = advise([chat], tuesday + timedelta(hours=3), tz, False)
    assert (advice.status, advice.current_rung, advice.next_rung) == (
        "waiting",
        "in_app",
        "email_or_ticket",
    )
    assert advice.due_at == tuesday + timedelta(hours=4)
    ticket = ContactAttempt("ticket", tuesday)
    email = ContactAttempt("email", tuesday + timedelta(days=3))
    advice = advise([ticket, email], tuesday + timedelta(days=4), tz, False)
    assert advice.follow_ups == 1
    assert advice.status == "waiting"


def test_self_custody_police_rung_says_what_a_report_can_do() -> None:
    tz = shanghai()
    monday = datetime(2026, 11, 2, 10, 0, tzinfo=tz)
    complaint = [
        ContactAttempt("complaint", monday),
        ContactAttempt("complaint", monday + timedelta(days=15)),
    ]
    later = monday + timedelta(days=40)
    advice = advise(complaint, later, tz, wallet_custodial=False, name="Bitpie")
    assert (advice.status, advice.next_rung) == ("escalate", "police")
    rendered = advice.message.render()
    assert "Next: report the theft to the police or the financial regulator." in rendered
    assert "cannot freeze or reverse your funds" in rendered
    assert texts(advice.steps) == [*text.RUNG_STEPS["police"], text.SELF_CUSTODY_POLICE_STEP]

    exchange = advise(complaint, later, tz, wallet_custodial=True, name="Some Exchange")
    assert "cannot freeze" not in exchange.message.render()

    police = [ContactAttempt("police", later)]
    waiting = advise(police, later + timedelta(days=1), tz, wallet_custodial=False)
    assert waiting.current_rung == "police"
    assert waiting.message.render().startswith("Waiting for a reply from the police or regulator")
    assert "cannot freeze or reverse" in waiting.message.render()
    # Earlier rungs do not carry the note.
    ticket = advise([ContactAttempt("ticket", monday)], monday, tz, wallet_custodial=False)
    assert "cannot freeze or reverse" not in ticket.message.render()


def test_the_last_rung_keeps_asking_for_follow_ups() -> None:
    tz = shanghai()
    monday = datetime(2026, 11, 2, 10, 0, tzinfo=tz)
    lawyer = [
        ContactAttempt("consumer", monday),
        ContactAttempt("consumer", monday + timedelta(days=21)),
    ]
    advice = advise(lawyer, monday + timedelta(days=60), tz, False)
    assert (advice.status, advice.current_rung, advice.next_rung) == (
        "follow_up_due",
        "consumer",
        None,
    )
    assert advice.message.text == text.FOLLOW_UP_LAST
    assert "consumer-protection body or lawyer" in advice.message.render()


def test_state_is_as_of_now_so_a_case_can_be_replayed() -> None:
    tz = shanghai()
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=tz)
    ticket = ContactAttempt("ticket", monday, reply_at=monday + timedelta(days=2))
    assert advise([ticket], monday - timedelta(hours=1), tz, False).status == "not_contacted"
    assert advise([ticket], monday + timedelta(days=1), tz, False).status == "waiting"
    assert advise([ticket], monday + timedelta(days=2), tz, False).status == "replied"


def test_without_a_name_the_messages_say_their_support_team() -> None:
    tz = shanghai()
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=tz)
    advice = advise([ContactAttempt("in_app", monday)], monday, tz, False)
    assert advice.message.render().startswith("Waiting for a reply from their support team.")
    zh = {
        text.WAITING_FIRST: "正在等待{party}的回复。",
        text.SUPPORT_PARTY: "对方客服",
    }
    assert advice.message.render(lambda s: zh.get(s, s)) == "正在等待对方客服的回复。"


def test_bad_contacts_are_refused_with_a_clear_message() -> None:
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)
    with pytest.raises(InputError, match="not a contact channel"):
        ContactAttempt("carrier_pigeon", moment)
    with pytest.raises(InputError, match="time zone"):
        ContactAttempt("ticket", datetime(2026, 11, 23, 10, 0))
    with pytest.raises(InputError, match="does not look right"):
        ContactAttempt("ticket", datetime(1900, 1, 1, tzinfo=timezone.utc))
    with pytest.raises(InputError, match="time zone"):
        advise([], datetime(2026, 11, 23), timezone.utc, False)
    attempt = ContactAttempt("ticket", datetime(2026, 11, 23, 18, 0, tzinfo=shanghai()))
    assert attempt.at.tzinfo == timezone.utc
    assert attempt.channel is Channel.TICKET


def test_tables_cover_every_channel_and_rung() -> None:
    assert set(REPLY_TIME) == set(RUNG_OF) == set(Channel) == set(text.CHANNEL_LABELS)
    assert set(RUNG_OF.values()) == set(LADDER) == set(text.RUNG_STEPS) == set(text.RUNG_LABELS)
    assert LADDER[0] == "in_app" and LADDER[-1] == "consumer"
    assert [next_rung(r) for r in (None, "email_or_ticket", "consumer")] == [
        "in_app",
        "social",
        None,
    ]


# -- properties ----------------------------------------------------------------

moments = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(8999, 12, 31), timezones=st.timezones()
)
zones = st.one_of(
    st.timezones(),
    st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)
attempts = st.builds(
    ContactAttempt,
    channel=st.sampled_from([c.value for c in Channel]),
    at=moments,
    ticket=st.none() | st.text(max_size=20),
    reply_at=st.none() | moments,
    reply_summary=st.none() | st.text(max_size=20),
    official=st.booleans(),
)


def _near(base: datetime, offsets: list[int]) -> list[ContactAttempt]:
    return [
        ContactAttempt(
            channel=list(Channel)[offset % len(Channel)], at=base + timedelta(hours=offset)
        )
        for offset in offsets
    ]


@settings(max_examples=400)
@given(
    st.lists(attempts, max_size=8),
    st.datetimes(timezones=st.timezones()),
    zones,
    st.booleans(),
)
def test_advise_never_raises_and_due_is_never_before_its_contact(
    logged: list[ContactAttempt], now: datetime, tz: tzinfo, custodial: bool
) -> None:
    advice = advise(logged, now, tz, custodial, name="Trust Wallet")
    check_advice(advice, ladder_for(custodial))


@settings(max_examples=300)
@given(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
    st.lists(st.integers(0, 24 * 90), max_size=10),
    st.integers(0, 24 * 120),
    zones,
)
def test_realistic_cases_move_forward_and_are_deterministic(
    base: datetime, offsets: list[int], hours_later: int, tz: tzinfo
) -> None:
    start = base.replace(tzinfo=timezone.utc)
    logged = _near(start, offsets)
    now = start + timedelta(hours=hours_later)
    advice = advise(logged, now, tz, False)
    check_advice(advice, SELF_CUSTODY_LADDER)
    assert advice == advise(list(reversed(logged)), now, tz, False) or len(set(offsets)) < len(
        offsets
    )
    if advice.status == "waiting":
        assert advice.due_at is not None and advice.due_at > now


def check_advice(advice: Advice, ladder: tuple[str, ...] = LADDER) -> None:
    assert advice.status in STATUSES
    if advice.based_on is not None and advice.due_at is not None:
        assert advice.due_at >= advice.based_on.at
    if advice.status in ("waiting", "follow_up_due", "escalate"):
        assert advice.due_at is not None and advice.based_on is not None
    if advice.status == "escalate":
        assert advice.next_rung is not None
        assert advice.follow_ups >= 1
    assert advice.next_rung == next_rung(advice.current_rung, ladder)
    for message in (advice.message, *advice.steps, *advice.warnings):
        assert message.render()  # every field is filled


def test_a_fake_app_case_has_no_in_app_rung() -> None:
    """Issue 17, item 2: support inside an app from a link may be the thief's."""
    tz = shanghai()
    now = datetime(2026, 11, 27, 10, tzinfo=tz)
    for custodial in (False, True):
        ladder = ladder_for(custodial, app_from_link=True)
        assert "in_app" not in ladder
        advice = advise([], now, tz, wallet_custodial=custodial, app_from_link=True)
        assert advice.next_rung == ladder[0] == "email_or_ticket"
        assert advice.message.text == text.NOT_CONTACTED_FAKE_APP
        assert texts(advice.steps)[0] == text.REINSTALL_FIRST
    state = EscalationState(tz=tz, wallet_custodial=False, app_from_link=True, clock=lambda: now)
    assert state.advice().next_rung == "email_or_ticket"
    # An official app: the in-app help stays the first rung, with no reinstall step.
    official = advise([], now, tz, wallet_custodial=False)
    assert official.next_rung == "in_app"
    assert text.REINSTALL_FIRST not in texts(official.steps)


def test_self_custody_ladder_goes_from_official_help_to_the_police() -> None:
    """Issue 17, item 11: no social or community rung for a self-custody wallet."""
    assert SELF_CUSTODY_LADDER == ("in_app", "email_or_ticket", "police")
    assert not {"social", "community"} & set(ladder_for(False))
    assert ladder_for(True) == LADDER
    assert next_rung("email_or_ticket", SELF_CUSTODY_LADDER) == "police"
    # A post the user already made in a community moves them on to the police.
    assert next_rung("community", SELF_CUSTODY_LADDER) == "police"
    assert next_rung("police", SELF_CUSTODY_LADDER) is None
