"""Results, history, reminders and the draft banner in the real window, by keyboard.

Dialogs are replaced through ``desktop.ui.dialogs`` (never QMessageBox or QFileDialog).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from test_checkup import GOOD_ANSWERS, NOW, flow_with, with_changes
from test_checkup_topics import old_runs
from ui import open_window, tab_to

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QWidget

from checks.checkup.catalog import CATALOG
from checks.checkup.flow import DRAFT_NAME, CheckupFlow
from checks.checkup.run import CheckupRun, build_run
from checks.checkup.score import score_severity
from checks.findings import Severity
from checks.home import notices
from checks.storage.settings import Settings
from desktop.checkup.history_page import HistoryPage
from desktop.checkup.results_page import FindingCard, ResultsPage
from desktop.checkup.wizard import CheckupWizard
from desktop.i18n import _, tr
from desktop.ui import dialogs, secret_guard
from desktop.ui.widgets import SEVERITY_COLOURS


@pytest.fixture
def window(qtbot, make_ctx):
    return lambda language="en", **ctx: open_window(qtbot, make_ctx(**ctx), language)


def results(win, run: CheckupRun, previous: CheckupRun | None = None) -> ResultsPage:
    win.checkup._show_results(run, previous)
    page = win.checkup.page
    assert isinstance(page, ResultsPage)
    return page


def shown_score(page: ResultsPage) -> str:
    return page.findChild(QLabel, "overallScore").text()


def card(page: ResultsPage, finding_id: str) -> FindingCard:
    found = page.findChild(FindingCard, f"finding_{finding_id}")
    assert found is not None, finding_id
    return found


# -- accepting a risk --------------------------------------------------------------------


def test_accept_a_risk_with_a_reason_in_the_window(qtbot, window, monkeypatch) -> None:
    asked: list[str] = []

    def ask_text(parent, title, label, on_text, max_length=500, *, guard):
        assert guard is secret_guard.guard  # the reason's field refuses secrets
        asked.append(title)
        on_text("I only open the wallet on my phone's own data.")

    monkeypatch.setattr(dialogs, "ask_text", ask_text)
    win = window()
    answers = with_changes(wifi_security="open", public_wifi="often")
    page = results(win, build_run(flow_with(answers), NOW))
    assert ">49</span>" in shown_score(page)
    button = card(page, "wifi_open_wallet").button
    assert button is not None and button.text() == "Accept this risk…"
    tab_to(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Space)

    assert asked == ["Accept this risk"]
    assert page.run.accepted == {
        "wifi_open_wallet": "I only open the wallet on my phone's own data."
    }
    # it no longer lowers the score …
    assert f">{page.run.score.overall}</span>" in shown_score(page)
    assert page.run.score.overall > 49
    accepted = card(page, "wifi_open_wallet")  # … but stays listed, with the reason
    reason = accepted.findChild(QLabel, "acceptedReason").text()
    assert "phone's own data" in reason
    assert accepted.button is not None and accepted.button.text() == "Undo"


def test_a_leaked_seed_offers_no_accept_button(qtbot, window) -> None:
    """Issue 17, item 13."""
    win = window()
    page = results(win, build_run(flow_with(with_changes(seed_storage=["paper", "photo"])), NOW))
    seed = card(page, "seed_digital")
    assert seed.button is None
    assert seed.findChild(QLabel, "acceptedReason").text() == "This risk cannot be accepted."


def test_a_reason_with_a_seed_phrase_is_refused(qtbot, window, monkeypatch) -> None:
    warned: list[str] = []
    seed = "abandon " * 11 + "about"
    monkeypatch.setattr(
        dialogs, "ask_text", lambda p, t, label, on_text, max_length=500, **_kw: on_text(seed)
    )
    monkeypatch.setattr(dialogs, "warn", lambda p, title, text, detail="": warned.append(text))
    win = window()
    page = results(win, build_run(flow_with(with_changes(firewall="no")), NOW))
    card(page, "firewall_off").button.click()
    assert page.run.accepted == {}
    assert warned and "seed phrase" in warned[0]


# -- what the page shows -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "all_good"),
    [
        ("en", "All good — nothing to fix this month. Well done."),
        ("zh_CN", None),
    ],
)
def test_results_empty_state_says_all_good(qtbot, window, language, all_good) -> None:
    win = window(language)
    page = results(win, build_run(flow_with(GOOD_ANSWERS), NOW))
    empty = page.findChild(QLabel, "allGood")
    assert empty is not None and empty.isVisible()
    assert empty.text() == (all_good or _("All good — nothing to fix this month. Well done."))
    cards = page.findChildren(FindingCard)
    assert cards and all(c.finding.severity is Severity.GOOD for c in cards)
    assert not page.findChildren(QPushButton, "acceptRisk")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_comparison_with_the_last_checkup(qtbot, window, language) -> None:
    win = window(language)
    before = build_run(flow_with(with_changes(firewall="no")), NOW - timedelta(days=30))
    after = build_run(flow_with(with_changes(bookmarks="no")), NOW)
    page = results(win, after, before)
    label = page.findChild(QLabel, "comparison")
    change = after.score.overall - before.score.overall
    day = before.created_at.astimezone().strftime("%Y-%m-%d")
    lines = label.text().split("\n")
    assert lines == [
        _("Since your last checkup ({date}): score {change:+d}.").format(date=day, change=change),
        _("Fixed: {items}").format(items=tr(CATALOG["firewall_off"].title)),
        _("New: {items}").format(items=tr(CATALOG["no_bookmarks"].title)),
    ]
    if language == "en":
        assert lines[0] == f"Since your last checkup ({day}): score {change:+d}."
        assert lines[1] == "Fixed: " + CATALOG["firewall_off"].title
    else:
        assert lines[0].startswith("与上次体检（") and lines[1].startswith("已解决：")


@pytest.mark.parametrize(("language", "words"), [("en", "At risk"), ("zh_CN", "有风险")])
def test_topic_bars_are_coloured_by_grade_with_words(qtbot, window, language, words) -> None:
    win = window(language)
    run = build_run(flow_with(with_changes(seed_storage=["photo"], firewall="no")), NOW)
    page = results(win, run)
    for topic in run.score.topics:
        bar = page.findChild(QProgressBar, f"topicBar_{topic.topic}")
        colour = SEVERITY_COLOURS[score_severity(topic.score).value]
        assert colour in bar.styleSheet()
        assert str(topic.score) in bar.accessibleName()
    seed = page.findChild(QLabel, "topicScore_seed")
    assert seed.text() == f"40 · {words}"  # never colour alone
    assert (
        SEVERITY_COLOURS[Severity.URGENT.value]
        in page.findChild(QProgressBar, "topicBar_seed").styleSheet()
    )
    device = page.findChild(QProgressBar, "topicBar_device")
    assert SEVERITY_COLOURS[Severity.GOOD.value] in device.styleSheet()  # 90: excellent


# -- history ------------------------------------------------------------------------------


def save(win, run: CheckupRun) -> int:
    return win.ctx.store.add_checkup_run(
        run.created_at, run.score.overall, run.urgent_count, run.to_payload()
    )


def test_delete_a_checkup_from_history_after_confirming(qtbot, window, monkeypatch) -> None:
    asked: list[dict] = []
    answer = {"yes": False}

    def confirm(parent, title, text, yes_label, on_yes, detail="", on_no=None, dangerous=False):
        asked.append({"title": title, "dangerous": dangerous})
        (on_yes if answer["yes"] else (on_no or (lambda: None)))()

    monkeypatch.setattr(dialogs, "confirm", confirm)
    win = window()
    older = save(win, build_run(flow_with(with_changes(firewall="no")), NOW - timedelta(days=31)))
    newer = save(win, build_run(flow_with(GOOD_ANSWERS), NOW))
    win.checkup.show_history()
    page = win.checkup.page
    assert isinstance(page, HistoryPage) and page.list.count() == 2
    assert page.list.hasFocus() and page.list.currentRow() == 0  # the newest

    qtbot.keyClick(page.list, Qt.Key.Key_Delete)  # "Cancel": nothing goes
    assert asked == [{"title": "Delete this checkup?", "dangerous": True}]
    assert page.list.count() == 2

    answer["yes"] = True
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert page.list.count() == 1
    assert [s.id for s in win.ctx.store.list_checkup_runs()] == [older]
    assert newer not in [s.id for s in win.ctx.store.list_checkup_runs()]
    win.ctx.store.close()


def test_a_checkup_saved_before_the_topic_split_opens_from_history(qtbot, window) -> None:
    """Runs keep answers and finding ids, never topic names: they open under today's topics."""
    win = window("zh_CN")
    ids = [
        win.ctx.store.add_checkup_run(
            CheckupRun.from_payload(stored["payload"]).created_at,
            stored["score"],
            stored["urgent_count"],
            stored["payload"],
        )
        for stored in old_runs()
    ]
    win.checkup.show_history()
    assert isinstance(win.checkup.page, HistoryPage) and win.checkup.page.list.count() == len(ids)
    win.checkup.open_run(ids[1])  # the owner of a hardware wallet, seed on paper
    page = win.checkup.page
    assert isinstance(page, ResultsPage) and page.run.finding_ids
    assert f">{page.run.score.overall}</span>" in shown_score(page)
    for topic, title in (("hardware", "您的硬件钱包"), ("signing", "转账与签名")):
        assert page.findChild(QProgressBar, f"topicBar_{topic}").accessibleName().startswith(title)
    assert page.findChild(QLabel, "topicScore_signing").text().startswith("70 · ")
    win.ctx.store.close()


# -- the calendar reminder -------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_export_the_reminder_from_the_window(qtbot, window, monkeypatch, tmp_path: Path, language):
    informed: list[str] = []

    def save_file(parent, title, suggested, name_filter, on_path, default_suffix="", **kwargs):
        assert default_suffix == "ics"  # Qt's dialog adds it to a name typed without it
        on_path(str(tmp_path / f"my reminder.{default_suffix}"))

    def inform(parent, title, text, detail="", on_close=None):
        informed.append(text)

    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "inform", inform)
    win = window(language, settings=Settings(reminder_day=15))
    page = results(win, build_run(flow_with(GOOD_ANSWERS), NOW))
    tab_to(qtbot, page.reminder)
    qtbot.keyClick(page.reminder, Qt.Key.Key_Space)

    target = tmp_path / "my reminder.ics"
    assert informed and target.name in informed[0]
    calendar = icalendar.Calendar.from_ical(target.read_text(encoding="utf-8"))
    (event,) = calendar.walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["MONTHLY"] and event["RRULE"]["BYMONTHDAY"] == [15]
    assert event.decoded("DTSTART") == date(2026, 12, 15)
    assert str(event["SUMMARY"]) == _("Wallet Checkup: monthly checkup")
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=10)
    assert (target.stat().st_mode & 0o077) == 0  # private, like every file we write


# -- a checkup left half-way ------------------------------------------------------------------


def test_home_offers_to_continue_a_draft() -> None:
    found = notices(runs=[], cases=[], reminder_day=1, today=date(2026, 11, 20), draft=True)
    (draft,) = [n for n in found if n.id == "checkup-draft"]
    assert draft.action == "checkup-resume"
    assert draft.text.render() == "You have a checkup in progress — continue where you left off."
    from desktop.i18n import catalog

    assert (
        draft.text.render(catalog("zh_CN").gettext)
        == "您有一次体检还没做完——可以从上次停下的地方继续。"
    )
    assert not [
        n
        for n in notices(runs=[], cases=[], reminder_day=1, today=date(2026, 11, 20))
        if n.id == "checkup-draft"
    ]


def test_resume_opens_the_draft_without_asking(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: pytest.fail("resume must not ask"))
    win = window()
    flow = CheckupFlow.from_dict(
        {"answers": {"wallets": ["imtoken"], "exchange_account": "no", "hardware_wallet": "no"}}
    )
    flow.go_to("network")
    win.ctx.store.put_draft(DRAFT_NAME, flow.to_dict(), NOW)
    win.checkup.resume()
    wizard = win.checkup.page
    assert isinstance(wizard, CheckupWizard) and wizard.flow.current_topic == "network"
    assert isinstance(wizard.findChild(QWidget, "question_wifi_security"), QWidget)
    win.ctx.store.close()
