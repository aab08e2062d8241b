"""The monthly checkup in the window, by keyboard, with probes from fixtures."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from ui import choose, open_window, tab_to

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QWidget,
)

from checks import password
from checks.checkup.detect import from_wifi
from checks.checkup.flow import CheckupFlow
from checks.checkup.questions import BY_ID, TOPIC_IDS, Kind
from checks.probes.wifi import parse_wifi
from desktop.checkup.results_page import ResultsPage
from desktop.checkup.wizard import DRAFT, CheckupWizard
from desktop.i18n import tr
from desktop.main_window import MainWindow
from desktop.ui import dialogs

FIXTURE = Path(__file__).parent / "fixtures" / "wifi"

ANSWERS = {
    "wallets": ["tokenpocket"],
    "exchange_account": "yes",
    "hardware_wallet": "no",
    "password_reuse": "unique",
    "password_manager": "yes",
    "email_2fa": "app",
    "exchange_2fa": "app",
    "wallet_account_2fa": "no_account",
    "carrier_pin": "yes",
    "totp_backup": "no_backup",
    "public_wifi": "never",
    "disk_encryption": "yes",
    "firewall": "yes",
    "screen_lock": "yes",
    "os_updates": "automatic",
    "seed_storage": ["paper"],
    "seed_copies": "separate_places",
    "seed_exposed": "never",
    "total_value": "1k_10k",
    "hot_value": "under_1k",
    "spending": "monthly",
    "install_source": "search",
    "bookmarks": "yes",
    "support_contact": "official",
    "approvals": "recent",
    "blind_signing": "never",
    "remote_control": "never",
    "cashout": "never",
    "address_source": "fresh",
    "address_check": "whole",
}


def wifi_probe(topic: str):
    if topic != "network":
        return []
    status = parse_wifi(
        (FIXTURE / "nmcli_active_ssid_security_chan_freq_signal.txt").read_text(), "nmcli"
    )
    proposal = from_wifi(status)
    return [proposal] if proposal else []


@pytest.fixture
def window(qtbot, make_ctx):
    return lambda language="en": open_window(qtbot, make_ctx(probe_runner=wifi_probe), language)


def answer_page(qtbot, wizard: CheckupWizard) -> None:
    """Answer every visible question of the page from ANSWERS, by keyboard."""
    for _ in range(12):  # an answer can reveal another question on the same page
        pending = [
            q
            for q in wizard.flow.questions(wizard.flow.current_topic)
            if q.id in ANSWERS and wizard.flow.answers.get(q.id) != ANSWERS[q.id]
        ]
        if not pending:
            return
        question = pending[0]
        qtbot.waitUntil(lambda q=question: q.id in wizard.boxes)  # a page rebuilt after an answer
        box = wizard.boxes[question.id]
        value = ANSWERS[question.id]
        if question.kind is Kind.MULTI:
            for option in value:
                check: QCheckBox = box.boxes[option]
                tab_to(qtbot, check)
                qtbot.keyClick(check, Qt.Key.Key_Space)
        elif question.kind is Kind.TOTP:
            choose(qtbot, box.buttons[value])
        else:
            choose(qtbot, box.buttons[value])
    raise AssertionError("page never settled")


BASIS = {
    "en": "Detected with nmcli: WPA3.\n"
    "nmcli is a tool that comes with your system and shows this setting; the checkup only"
    " reads what it says and changes nothing.\nIf this is wrong, choose the right answer.",
    "zh_CN": "通过 nmcli 检测到：WPA3。\nnmcli 是系统自带的工具，用来显示这项设置；"
    "体检只读取它显示的内容，不做任何改动。\n如果不对，请选择正确的答案。",
}


def run_whole_checkup(qtbot, win: MainWindow, language: str = "en") -> ResultsPage:
    tab_to(qtbot, win.home.checkup)
    qtbot.keyClick(win.home.checkup, Qt.Key.Key_Space)
    wizard = win.checkup.page
    assert isinstance(wizard, CheckupWizard)
    for _ in range(12):
        answer_page(qtbot, wizard)
        if wizard.flow.current_topic == "network":
            assert wizard.flow.answers["wifi_security"] == "wpa3"
            basis = wizard.boxes["wifi_security"].basis
            assert basis.isVisible() and basis.text() == BASIS[language]
        tab_to(qtbot, wizard.next)
        at_end = wizard.flow.at_end
        qtbot.keyClick(wizard.next, Qt.Key.Key_Space)
        if at_end:
            break
    page = win.checkup.page
    assert isinstance(page, ResultsPage)
    return page


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_complete_checkup_by_keyboard_and_see_it_in_history(qtbot, window, language) -> None:
    win = window(language)
    results = run_whole_checkup(qtbot, win, language)
    run = results.run
    assert "install_unofficial" in run.finding_ids  # installed from a search result: urgent
    assert run.score.overall == 49 and run.urgent_count == 1
    # What the user sees: the score, the grade in words, and the urgent count.
    shown = results.findChild(QLabel, "overallScore")
    grade = {"en": "At risk", "zh_CN": "有风险"}[language]
    assert re.search(r">49</span> / 100", shown.text()) and grade in shown.text()
    assert (
        shown.accessibleName()
        == {
            "en": "Score 49 of 100: At risk",
            "zh_CN": "得分 49/100：有风险",
        }[language]
    )
    card = results.findChild(QWidget, "finding_install_unofficial")
    if language == "zh_CN":
        assert card.accessibleName().startswith("紧急:")
        assert re.search(r"[\u4e00-\u9fff]{4}", card.accessibleName())
    else:
        assert card.accessibleName() == "Urgent: Your wallet app may not be the real one"
    tab_to(qtbot, results.save)
    qtbot.keyClick(results.save, Qt.Key.Key_Space)
    assert results.saved
    runs = win.ctx.store.list_checkup_runs()
    assert [r.score for r in runs] == [run.score.overall]
    assert win.ctx.store.get_draft(DRAFT) is None
    win.ctx.store.close()

    # Restart the app: the history shows the saved run.
    again = window(language)
    tab_to(qtbot, again.home.history)
    qtbot.keyClick(again.home.history, Qt.Key.Key_Space)
    history = again.checkup.page
    assert history.list.count() == 1
    assert str(run.score.overall) in history.list.item(0).text()
    qtbot.keyClick(history.list, Qt.Key.Key_Return)
    opened = again.checkup.page
    assert isinstance(opened, ResultsPage) and opened.read_only
    assert opened.run.finding_ids == run.finding_ids
    again.ctx.store.close()


def test_resume_after_quitting_half_way(qtbot, window, monkeypatch) -> None:
    win = window()
    win.checkup.start()
    wizard = win.checkup.page
    answer_page(qtbot, wizard)
    qtbot.keyClick(wizard.next, Qt.Key.Key_Space)
    assert wizard.flow.current_topic == "passwords"
    tab_to(qtbot, wizard.quit)
    qtbot.keyClick(wizard.quit, Qt.Key.Key_Space)
    assert win.stack.currentWidget() is win.home
    win.ctx.store.close()

    offered: list[list[str]] = []

    def fake_choose(parent, title, text, options, on_choice, detail=""):
        offered.append([key for key, _label in options])
        on_choice("resume")

    monkeypatch.setattr(dialogs, "choose", fake_choose)
    again = window()
    again.checkup.start()
    assert offered == [["resume", "new"]]
    resumed = again.checkup.page
    assert resumed.flow.current_topic == "passwords"
    assert resumed.flow.answers["wallets"] == ["tokenpocket"]
    again.ctx.store.close()


def test_next_without_answers_explains(qtbot, window) -> None:
    win = window()
    win.checkup.start()
    wizard = win.checkup.page
    qtbot.keyClick(wizard.next, Qt.Key.Key_Space)
    assert "Please answer every question" in wizard.status.text()
    assert wizard.flow.current_topic == "wallets"


def test_password_meter_runs_zxcvbn_off_the_ui_thread(qtbot, window, monkeypatch) -> None:
    threads: list[int] = []
    real_assess, real_quick = password.assess, password.quick_estimate

    def spy(real):
        def wrapper(*args, **kwargs):
            threads.append(threading.get_ident())
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(password, "assess", spy(real_assess))
    monkeypatch.setattr(password, "quick_estimate", spy(real_quick))
    win = window()
    win.ctx.compute_pool = QThreadPool()
    flow = CheckupFlow.from_dict(
        {
            "answers": {"wallets": ["imtoken"], "exchange_account": "no", "hardware_wallet": "no"},
            "position": 1,
        }
    )
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    meter = wizard.boxes["password_strength"].meter
    tab_to(qtbot, meter.field)
    long_paste = "P@$$w0rd!1" * 30  # 300 characters, the slow l33t kind
    QApplication.clipboard().setText(long_paste)
    qtbot.keyClick(meter.field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().clear()
    assert meter.field.text() == long_paste
    qtbot.waitUntil(lambda: meter.final is not None, timeout=20000)
    assert meter.final.truncated and 0 <= meter.final.score <= 4
    assert flow.answers["password_strength"] == meter.final.score
    assert threads and threading.get_ident() not in threads
    assert "Only the first 72 characters" in meter.advice.text()
    # Leaving the page forgets the password.
    tab_to(qtbot, wizard.back)
    qtbot.keyClick(wizard.back, Qt.Key.Key_Space)
    assert meter.field.text() == ""
    win.ctx.compute_pool.waitForDone()


def test_totp_backup_check_in_the_window(qtbot, window) -> None:
    win = window()
    answers = {
        "wallets": ["imtoken"],
        "exchange_account": "no",
        "hardware_wallet": "no",
        "email_2fa": "app",
    }
    flow = CheckupFlow.from_dict({"answers": answers})
    flow.go_to("totp_backup")
    win.checkup._open_wizard(flow)
    box = win.checkup.page.boxes["totp_backup"]
    secret = "JBSWY3DPEHPK3PXP"
    import base64
    from datetime import datetime, timezone

    from checks.totp import hotp

    counter = int(datetime.now(timezone.utc).timestamp()) // 30
    code = hotp(base64.b32decode(secret), counter)
    qtbot.keyClicks(box.secret, f"otpauth://totp/Example:me?secret={secret.lower()}&issuer=Example")
    qtbot.keyClicks(box.code, code)
    qtbot.keyClick(box.code, Qt.Key.Key_Return)
    assert "works" in box.result.text()
    assert flow.answers["totp_backup"] == "works"
    assert box.secret.text() == "" and box.code.text() == ""
    qtbot.keyClicks(box.secret, "http://not-a-backup")
    qtbot.keyClicks(box.code, "123456")
    box.check.click()
    assert "otpauth" in box.result.text()


def test_probe_answer_can_be_corrected(qtbot, window) -> None:
    win = window()
    flow = CheckupFlow.from_dict(
        {"answers": {"wallets": ["imtoken"], "exchange_account": "no", "hardware_wallet": "no"}}
    )
    flow.go_to("network")
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    box = wizard.boxes["wifi_security"]
    assert box.buttons["wpa3"].isChecked()
    choose(qtbot, box.buttons["open"])
    assert flow.answers["wifi_security"] == "open" and flow.sources["wifi_security"] == "user"
    assert not box.basis.isVisible()


CONTROLS = (QAbstractButton, QLineEdit, QProgressBar, QComboBox, QListWidget)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_control_on_every_page_has_an_accessible_name(qtbot, window, language) -> None:
    win = window(language)
    # So the 2FA backup page and the hardware wallet's page are shown too.
    everything = {**ANSWERS, "email_2fa": "app", "hardware_wallet": "yes"}
    flow = CheckupFlow()
    for question, value in everything.items():
        flow.answer(question, value)
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    seen = []
    for topic in flow.visible_topics():
        wizard.flow.go_to(topic)
        wizard.show_topic()
        seen.append(topic)
        for box in wizard.boxes.values():
            assert box.accessibleName() == tr(BY_ID[box.question.id].prompt)
        body = wizard.scroll_area.widget()
        for control in [*body.findChildren(QWidget), wizard.back, wizard.quit, wizard.next]:
            if isinstance(control, CONTROLS) and control.isVisibleTo(wizard):
                name = control.accessibleName().strip()
                assert name, f"{topic}: {control.objectName() or type(control).__name__}"
    assert seen == list(TOPIC_IDS)  # every page was checked
