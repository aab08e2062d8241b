"""Panic mode's rules, headless: guard, status, contacts, triage, follow-ups, evidence files."""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.chains import validate_address, validate_tx_hash
from checks.chains.other import KEY_NOT_ADDRESS, NOT_ONE_VALUE, SECRET_NOT_VALUE
from checks.directory import load_directory, wallet_name
from checks.i18n import InputError
from checks.panic import contacts, evidence, messages, triage
from checks.panic.case import Case, Contact, Transaction, contact_status, new_case
from checks.panic.followup import case_notice, due_words, open_label, wallet_facts
from checks.storage import store as data

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)  # a Friday
UTC = timezone.utc
TX = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
THIEF = "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"
SEED = " ".join(["abandon"] * 11 + ["about"])
XPRV = (
    "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5"
    "kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
)
DIRECTORY = load_directory()


def english(text: str) -> str:
    return text


# --- gap 2: the secret guard on "Other network" ---------------------------------------


@pytest.mark.security
@pytest.mark.parametrize("secret", [SEED, SEED.replace(" ", ","), XPRV])
def test_other_network_refuses_a_secret_as_hash_or_address(secret: str) -> None:
    assert not validate_tx_hash("other", secret).ok
    assert not validate_address("other", secret).ok
    case = new_case(NOW)
    with pytest.raises(InputError):
        case.add_transaction(Transaction("other", secret))
    with pytest.raises(InputError):
        case.add_transaction(Transaction("other", "abc123", to_address=secret))


def test_other_network_messages() -> None:
    assert validate_tx_hash("other", "two words").problem.text == NOT_ONE_VALUE
    assert validate_tx_hash("other", SEED).problem.text == SECRET_NOT_VALUE
    assert validate_address("other", TX[2:]).problem.text == KEY_NOT_ADDRESS
    assert validate_tx_hash("other", TX[2:]).ok  # how most networks write a hash
    assert validate_address("other", "addr1qx2fxv2umyhttkxyxp8x0dlpdt3k6cwng5pxj3jhsydzer").ok


@pytest.mark.security
def test_a_seed_stored_as_a_hash_in_an_old_case_never_reaches_a_message() -> None:
    """Cases saved before the guard may hold anything in their hash fields."""
    old = replace(new_case(NOW, ("imtoken",)), transactions=(Transaction("other", SEED),))
    with pytest.raises(InputError, match="seed phrase"):
        messages.support_request(old, "imToken", english)
    with pytest.raises(InputError):
        messages.police_summary(old, english)


def test_real_hashes_on_other_network_still_reach_the_message() -> None:
    case = new_case(NOW).add_transaction(Transaction("other", TX[2:]))
    assert TX[2:] in messages.support_request(case, "imToken", english)


def test_add_transaction_normalises_and_checks_every_field() -> None:
    case = new_case(NOW).add_transaction(
        Transaction("ethereum", TX.upper().replace("0X", "0x"), "", THIEF.lower(), " USDT ", "5")
    )
    (tx,) = case.transactions
    assert tx.tx_hash == TX and tx.to_address == THIEF and tx.asset == "USDT"
    assert case.chains == ("ethereum",)
    with pytest.raises(InputError, match="checksum"):
        new_case(NOW).add_transaction(Transaction("ethereum", TX, "", THIEF[:-1] + "6"))
    with pytest.raises(InputError):
        new_case(NOW).add_transaction(Transaction("no-such-chain", TX))


def test_chains_can_be_set_and_entries_removed() -> None:
    case = new_case(NOW).with_chains(("tron", "ethereum", "tron"))
    assert case.chains == ("tron", "ethereum")
    with pytest.raises(InputError):
        case.with_chains(("dogecoin-ish",))
    case = case.add_timeline(NOW, "first").add_timeline(NOW + timedelta(minutes=1), "second")
    assert [e.text for e in case.remove_timeline(0).timeline] == ["second"]
    case = case.add_transaction(Transaction("ethereum", TX))
    assert case.remove_transaction(TX).transactions == ()


def test_messages_name_the_network_in_the_reader_s_language() -> None:
    case = new_case(NOW).add_transaction(Transaction("ethereum", TX))
    chinese = {"Ethereum": "以太坊"}.get
    body = messages.support_request(case, "imToken", lambda s: chinese(s) or s)
    assert f"[以太坊] {TX}" in body and "[ethereum]" not in body


# --- gap 8: status ------------------------------------------------------------------------


def contact(channel: str, minutes: int, **extra: object) -> Contact:
    return Contact(channel, NOW + timedelta(minutes=minutes), "imtoken", **extra)  # type: ignore[arg-type]


def test_status_follows_the_contacts() -> None:
    case = new_case(NOW, ("imtoken",))
    assert case.status == "open"
    case = case.add_contact(contact("in_app", 1))
    assert case.status == "waiting"
    case = case.add_contact(contact("email", 2))
    assert case.status == "escalated"  # climbed a rung
    case = case.record_reply(1, NOW + timedelta(hours=2), "We flagged the address")
    assert case.status == "open"  # a reply to read and act on
    case = case.add_contact(contact("police", 200))
    assert case.status == "escalated"
    assert contact_status((contact("complaint", 1),)) == "escalated"
    assert contact_status((contact("social", 1, official=False),)) == "open"


def test_closed_case_takes_no_contact_until_reopened() -> None:
    case = new_case(NOW).add_contact(contact("ticket", 1)).closed("not_recovered")
    with pytest.raises(InputError, match="closed"):
        case.add_contact(contact("email", 5))
    again = case.reopened()
    assert (again.status, again.outcome) == ("waiting", "")
    assert again.add_contact(contact("email", 5)).outcome == ""


def test_contact_in_the_past_is_fine_in_the_future_is_not() -> None:
    case = new_case(NOW)
    past = replace(contact("ticket", 0), at=NOW - timedelta(days=2))
    assert case.add_contact(past, now=NOW).contacts[0].at == NOW - timedelta(days=2)
    with pytest.raises(InputError, match="future"):
        case.add_contact(replace(past, at=NOW + timedelta(days=1)), now=NOW)
    with pytest.raises(InputError):
        case.add_contact(replace(past, channel="carrier pigeon"))


# --- gap 3: is a contact official? ----------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "wallet", "address", "verdict", "counts"),
    [
        ("ticket", "tokenpocket", "", "unchecked", True),  # no address: not "not official"
        ("email", "imtoken", "", "unchecked", True),
        ("live_chat", "kraken", "https://support.kraken.com", "official", True),
        ("ticket", "tokenpocket", "https://help.tokenpocket.pro/x", "official", True),
        ("ticket", "tokenpocket", "tokenpocket-support.com", "not_official", False),
        ("email", "binance", "https://metamask.io", "not_official", False),  # another brand
        ("ticket", "bitpie", "https://bitpie.com/help", "unconfirmed", True),
        ("social", "metamask", "x.com/MetaMask", "unconfirmed", True),
        ("social", "metamask", "x.com/MetaMask_Helpdesk", "not_official", False),
        ("social", "metamask", "@MetaMask_Helpdesk", "unconfirmed", True),  # no platform
        ("social", "metamask", "x.com/MetaMaskSupport", "official", True),
        ("police", "imtoken", "", "reporting", True),
        ("consumer", "imtoken", "", "reporting", True),
    ],
)
def test_assess_contact(
    channel: str, wallet: str, address: str, verdict: str, counts: bool
) -> None:
    check = contacts.assess_contact(channel, DIRECTORY.get(wallet), address=address)
    assert (check.verdict, check.official) == (verdict, counts)
    assert check.warn == (not counts)


def test_a_listed_channel_counts_and_bitpie_is_flagged_unconfirmed() -> None:
    for wallet, verdict in (("trustwallet", "official"), ("bitpie", "unconfirmed")):
        entry = DIRECTORY.get(wallet)
        listed = contacts.official_channels(entry)[0]
        assert listed.channel == "in_app"
        check = contacts.assess_contact("in_app", entry, listed=listed)
        assert (check.verdict, check.official) == (verdict, True)


def test_a_fee_or_seed_request_is_always_a_scam() -> None:
    entry = DIRECTORY.get("imtoken")
    listed = contacts.official_channels(entry)[1]
    check = contacts.assess_contact("ticket", entry, listed=listed, asked_for_secret_or_fee=True)
    assert (check.verdict, check.official, check.warn) == ("scam", False, True)


def test_official_channels_and_what_to_do_where_the_directory_is_empty() -> None:
    metamask = contacts.official_channels(DIRECTORY.get("metamask"))
    assert [c.key for c in metamask] == ["in_app", "help_center", "community"]
    assert metamask[2].address == "https://community.metamask.io"
    texts = [m.text for m in contacts.fallbacks(DIRECTORY.get("tokenpocket"))]
    assert contacts.NO_EMAIL in texts and contacts.NO_IN_APP in texts and contacts.NO_NEVER in texts
    assert contacts.NO_EMAIL not in [m.text for m in contacts.fallbacks(None, with_email=True)]
    assert contacts.UNKNOWN_WALLET in [m.text for m in contacts.fallbacks(None)]


# --- gap 4: whose support ---------------------------------------------------------------


def test_the_support_target_follows_the_latest_contact() -> None:
    case = new_case(NOW, ("imtoken",))
    assert contacts.support_target(case) == "imtoken"
    assert wallet_facts(case) == ("imToken", False)
    case = case.add_contact(replace(contact("email", 1), wallet="binance"))
    assert contacts.support_target(case) == "binance"
    assert wallet_facts(case) == ("Binance", True)
    case = case.add_contact(replace(contact("police", 2), wallet=None))
    assert contacts.support_target(case) == "binance"
    assert contacts.support_target(new_case(NOW)) is None


# --- gap 7: triage ---------------------------------------------------------------------


def test_what_happened_takes_several_answers_and_dont_know_stands_alone() -> None:
    case = triage.answer(new_case(NOW), "how", "signed")
    case = triage.answer(case, "how", "installed_app")
    assert case.what_happened == ("signed", "installed_app")
    assert triage.answer(case, "how", "dont_know").what_happened == ("dont_know",)
    case = triage.answer(triage.answer(case, "how", "dont_know"), "how", "typed_seed")
    assert case.what_happened == ("typed_seed",)
    assert triage.answer(case, "how", "typed_seed", on=False).what_happened == ()


def test_wallet_question_lists_exchanges_and_another_wallet() -> None:
    values = [o.value for o in triage.wallet_question().options]
    assert {"binance", "okx", "coinbase", "kraken"} <= set(values)
    assert values[-1] == triage.OTHER_WALLET
    assert values.index("imtoken") < values.index("binance")
    case = triage.answer(new_case(NOW, ("imtoken", "binance")), "wallet", "tokenpocket")
    assert case.wallets == ("tokenpocket", "binance")


def test_the_first_screen_reads_the_directory_s_names_as_the_directory_does(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    whole = [(e.id, e.name, e.name_zh_CN or "", e.custodial) for e in load_directory().entries]
    assert triage.directory_names() == whole
    for option in triage.wallet_question().options[:-1]:  # "another wallet" is last
        for language in ("en", "zh_CN"):
            assert option.text(str, language) == wallet_name(option.value, language)
    # A file it cannot read: the whole directory is loaded, which says what is wrong.
    monkeypatch.setattr("resources.FOLDER", str(tmp_path))
    (tmp_path / "support_directory.json").write_text('{"entries": [{"id": 1}]}', "utf-8")
    assert triage.directory_names() == whole


def test_every_question_and_step_links_an_existing_help_article() -> None:
    from checks.help import load_help
    from checks.panic.lockdown import STEPS

    library = load_help()
    for question in triage.questions():
        assert library.article(question.help_article, "en") is not None
        assert library.article(question.help_article, "zh_CN") is not None
    for step in STEPS:
        assert library.article(step.help, "en") is not None, step.id


# --- gaps 12 and 14: messages and the home-screen line ------------------------------------


def test_bilingual_subject_in_english_and_chinese() -> None:
    from desktop.i18n import catalog

    case = new_case(NOW)
    zh = catalog("zh_CN").gettext
    assert messages.subject(case, "imToken", zh) == "资产被盗求助 — imToken — 2026-11-20"
    assert messages.bilingual_subject(case, "imToken", english, zh) == (
        "Stolen assets report — imToken — 2026-11-20 / 资产被盗求助"
    )
    # A Chinese message: the Chinese subject line first (issue 17).
    assert messages.bilingual_subject(case, "imToken", english, zh, chinese_first=True) == (
        "资产被盗求助 — imToken — 2026-11-20 / Stolen assets report"
    )


def test_overdue_is_not_due_today() -> None:
    due = NOW + timedelta(hours=1)
    assert due_words(due, NOW, UTC).render() == "due today at 10:30"
    assert due_words(due, NOW + timedelta(days=2), UTC).render() == "overdue since 2026-11-20 10:30"
    assert due_words(NOW + timedelta(days=1), NOW, UTC).render() == "due 2026-11-21 09:30"
    case = new_case(NOW, ("tokenpocket",)).add_contact(
        Contact("ticket", NOW, "tokenpocket", ticket="1")
    )
    wednesday = NOW + timedelta(days=5, hours=1)  # 3 business days from Friday, plus an hour
    text = case_notice(case, wednesday, UTC).text.render()
    assert "overdue since 2026-11-25 09:30" in text and "TokenPocket" in text
    tuesday = NOW + timedelta(days=4)  # calendar days would be overdue; business days are not
    waiting = case_notice(case, tuesday, UTC).text.render()
    assert "2026-11-25 09:30" in waiting  # the advice says when, once
    assert waiting.count("2026-11-25") == 1 and "(due" not in waiting
    assert open_label(case.renamed("TP theft"), UTC).render() == "Open case “TP theft”"


# --- gap 13: evidence files ----------------------------------------------------------------


@pytest.fixture
def store(paths, memory_keyring):
    opened = data.open_store(paths, memory_keyring).store
    assert opened is not None
    yield opened
    opened.close()


@pytest.mark.security
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it(paths, store) -> None:
    with pytest.raises(InputError, match="not an ordinary file"):
        evidence.add_file(new_case(NOW), Path("/dev/zero"), paths, store, NOW)


@pytest.mark.security
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_at_once_instead_of_blocking(paths, store, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(
        target=lambda: _capture(
            outcome, lambda: evidence.add_file(new_case(NOW), fifo, paths, store, NOW)
        ),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], InputError) and "not an ordinary file" in str(outcome[0])


def _capture(into: list[BaseException], work) -> None:  # type: ignore[no-untyped-def]
    try:
        work()
    except BaseException as error:
        into.append(error)


def test_a_folder_and_a_missing_file_are_refused(paths, store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an ordinary file"):
        evidence.add_file(new_case(NOW), tmp_path, paths, store, NOW)
    with pytest.raises(InputError, match="could not be read"):
        evidence.add_file(new_case(NOW), tmp_path / "gone.png", paths, store, NOW)


def test_a_large_file_is_refused_after_reading_at_most_the_limit(
    paths, store, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(evidence, "MAX_BYTES", 1000)
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(InputError, match="larger than"):
        evidence.add_file(new_case(NOW), big, paths, store, NOW)
    exact = tmp_path / "exact.bin"
    exact.write_bytes(b"x" * 1000)
    assert evidence.add_file(new_case(NOW), exact, paths, store, NOW).evidence[0].size == 1000


@pytest.mark.security
def test_copies_are_named_at_random_not_by_their_hash(paths, store, tmp_path: Path) -> None:
    source = tmp_path / "shot.png"
    source.write_bytes(b"a known screenshot")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    case = evidence.add_file(new_case(NOW), source, paths, store, NOW)
    names = [p.name for p in evidence.folder(paths, case.id).iterdir()]
    assert len(names) == 1 and digest[:8] not in names[0]
    assert case.evidence[0].stored_name == names[0]


def test_old_hash_names_are_migrated_without_losing_the_file(paths, store, tmp_path: Path) -> None:
    source = tmp_path / "shot.png"
    source.write_bytes(b"an old screenshot")
    case = evidence.add_file(new_case(NOW), source, paths, store, NOW)
    item = case.evidence[0]
    folder = evidence.folder(paths, case.id)
    old_name = f"{item.sha256[:20]}.sealed"
    (folder / item.stored_name).rename(folder / old_name)  # as older versions named it
    old_case = replace(case, evidence=(replace(item, stored_name=old_name),))
    migrated, to_delete = evidence.migrate_names(old_case, paths)
    assert to_delete == [folder / old_name]
    assert migrated.evidence[0].stored_name != old_name
    assert evidence.read_file(migrated, migrated.evidence[0], paths, store) == source.read_bytes()
    assert evidence.verify(old_case, paths, store) == []  # both names work until deleted
    for path in to_delete:
        path.unlink()
    assert evidence.verify(migrated, paths, store) == []
    assert evidence.migrate_names(migrated, paths)[1] == []


def test_verification_is_said_in_words(paths, store, tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(b"one")
    case = evidence.add_file(new_case(NOW), source, paths, store, NOW)
    (line,) = evidence.summary(case, evidence.verify(case, paths, store))
    assert line.render() == "Checked 1 file(s): all unchanged since they were attached."
    (evidence.folder(paths, case.id) / case.evidence[0].stored_name).write_bytes(b"tampered")
    (line,) = evidence.summary(case, evidence.verify(case, paths, store))
    assert "a.png" in line.render() and "Changed" in line.render()
    assert evidence.summary(new_case(NOW), []) == ()


def test_the_same_file_twice_is_refused_by_the_case() -> None:
    item = evidence.EvidenceFile("x.sealed", "a.png", 3, "ab" * 32, NOW)
    case = new_case(NOW).add_evidence(item)
    with pytest.raises(InputError, match="already attached"):
        case.add_evidence(replace(item, stored_name="y.sealed"))


def test_case_round_trip_keeps_new_fields() -> None:
    case = new_case(NOW).with_chains(("tron",)).add_contact(contact("police", 3, ticket="R-1"))
    assert Case.from_payload(case.to_payload()) == case


# --- issue 19: implausible evidence dates ----------------------------------------------------

ETH_HASH = "0x" + "5c" * 32


@pytest.mark.parametrize(
    ("when", "words"),
    [
        (datetime(7536, 12, 6, 16, 28, tzinfo=UTC), "in the future"),  # a slip of the year field
        (NOW + timedelta(hours=1), "in the future"),
        (datetime(2008, 12, 31, tzinfo=UTC), "before 2009"),
        (datetime(1999, 1, 1, tzinfo=UTC), "before 2009"),
    ],
)
def test_an_implausible_time_is_refused_everywhere(when: datetime, words: str) -> None:
    case = new_case(NOW, ("tokenpocket",)).add_contact(Contact("ticket", NOW, "tokenpocket"))
    attempts = [
        lambda: case.add_timeline(when, "Noticed the funds were gone", now=NOW),
        lambda: case.add_transaction(Transaction("ethereum", ETH_HASH, at=when), now=NOW),
        lambda: case.add_contact(Contact("email", when, "tokenpocket"), now=NOW),
        lambda: case.record_reply(0, when, "They answered", now=NOW),
    ]
    for attempt in attempts:
        with pytest.raises(InputError) as refused:
            attempt()
        assert words in refused.value.message.render()


def test_plausible_times_are_kept() -> None:
    case = new_case(NOW, ("tokenpocket",))
    early = datetime(2009, 1, 3, tzinfo=UTC)
    slightly_ahead = NOW + timedelta(minutes=3)  # a computer clock a little fast
    case = case.add_timeline(early, "Bought my first coins", now=NOW)
    case = case.add_timeline(slightly_ahead, "Noticed it", now=NOW)
    case = case.add_transaction(Transaction("ethereum", ETH_HASH, at=NOW), now=NOW)
    assert [entry.at for entry in case.timeline] == [early, slightly_ahead]


@pytest.mark.parametrize(
    ("zone", "shown"), [("UTC", ""), ("Asia/Shanghai", " (2026-11-20 17:30 UTC+08:00)")]
)
def test_the_support_message_gives_a_time_once_on_a_utc_computer(monkeypatch, zone, shown) -> None:
    import time

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        text = messages.support_request(new_case(NOW), "TokenPocket", lambda s: s)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert f"When I noticed it: 2026-11-20 09:30 UTC{shown}\n" in text
