"""The checkup on a laptop screen: no scrolling for the usual answers, and a
missing answer is shown, not hidden below the fold."""

from __future__ import annotations

import pytest
from ui import open_window

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from checks.checkup.detect import from_wifi
from checks.checkup.flow import CheckupFlow
from checks.probes.wifi import parse_wifi
from desktop.main_window import first_size

# What a typical user answers (scripts/screenshots.py shows the same).
from screenshots import EXAMPLE_ANSWERS  # isort: skip


def wizard_for(qtbot, make_ctx, language: str, flow: CheckupFlow):
    win = open_window(qtbot, make_ctx(), language)
    win.resize(*first_size(1366, 768))
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    qtbot.waitExposed(wizard)
    return win, wizard


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_fits_a_1366x768_laptop(qtbot, make_ctx, language) -> None:
    flow = CheckupFlow()
    flow.apply(from_wifi(parse_wifi("yes:Home:WPA2\n", "nmcli")))
    for question, value in EXAMPLE_ANSWERS.items():
        if question != "wifi_security":
            flow.answer(question, value)
    _win, wizard = wizard_for(qtbot, make_ctx, language, flow)
    scrolled = {}
    for number in range(1, flow.progress[1] + 1):
        flow.position = number - 1
        wizard.show_topic()
        QApplication.processEvents()
        bar = wizard.scroll_area.verticalScrollBar()
        if bar.maximum() > 0:
            scrolled[flow.current_topic] = bar.maximum()
    assert scrolled == {}  # pixels each page would have to scroll


def test_why_and_help_sit_on_the_question_line_not_a_row_of_their_own(qtbot, make_ctx) -> None:
    flow = CheckupFlow()
    for question, value in EXAMPLE_ANSWERS.items():
        flow.answer(question, value)
    _win, wizard = wizard_for(qtbot, make_ctx, "zh_CN", flow)
    checked = 0
    for number in range(flow.progress[1]):
        flow.position = number
        wizard.show_topic()
        QApplication.processEvents()
        for box in wizard.boxes.values():
            if box.option_grid is None:
                continue
            line = box.prompt.geometry()
            for button in (box.why_button, box.help_button):
                assert line.top() <= button.geometry().center().y() <= line.bottom() + 8
                assert button.geometry().left() > line.left()
            first_answer = box.option_grid.buttons[0].geometry()
            assert first_answer.top() > box.why_button.geometry().bottom()
            checked += 1
    assert checked > 25


def test_please_answer_shows_and_focuses_the_missing_question(qtbot, make_ctx) -> None:
    """"Sometimes" on public Wi-Fi reveals the VPN question below; Next goes there."""
    flow = CheckupFlow()
    for question, value in EXAMPLE_ANSWERS.items():
        if question not in ("vpn", "public_wifi"):
            flow.answer(question, value)
    flow.position = flow.visible_topics().index("network")
    win, wizard = wizard_for(qtbot, make_ctx, "en", flow)
    win.resize(1000, 520)  # short: the new question lands below the visible part
    pages_before = flow.progress[1]
    sometimes = wizard.boxes["public_wifi"].buttons["sometimes"]
    sometimes.setFocus()
    sometimes.click()
    qtbot.waitUntil(lambda: "vpn" in wizard.boxes, timeout=2000)
    assert flow.progress[1] == pages_before  # nothing added a page here
    wizard.scroll_area.verticalScrollBar().setValue(0)
    wizard.next.click()
    assert "Please answer" in wizard.status.text()
    vpn = wizard.boxes["vpn"]
    qtbot.waitUntil(lambda: vpn.isAncestorOf(QApplication.focusWidget()), timeout=2000)
    viewport = wizard.scroll_area.viewport()
    seen = QRect(vpn.mapTo(viewport, vpn.rect().topLeft()), vpn.size())
    assert viewport.rect().intersects(seen) and seen.top() >= 0


def test_a_page_added_by_an_answer_is_explained(qtbot, make_ctx) -> None:
    """"Page 3 of 8" becoming "Page 3 of 9" is said, not left to wonder about."""
    flow = CheckupFlow()
    for question, value in EXAMPLE_ANSWERS.items():
        if question in ("wallets", "exchange_account", "hardware_wallet", "password_reuse"):
            flow.answer(question, value)
    flow.answer("password_manager", "no")
    flow.answer("password_strength", 3)
    flow.position = flow.visible_topics().index("two_factor")
    _win, wizard = wizard_for(qtbot, make_ctx, "en", flow)
    before = flow.progress[1]
    wizard.boxes["email_2fa"].buttons["app"].click()
    assert flow.progress[1] != before
    qtbot.waitUntil(wizard.page_note.isVisible, timeout=2000)
    assert "added a page" in wizard.page_note.text()
    assert f"of {flow.progress[1]}" in wizard.progress_label.text()


def test_the_password_hint_is_not_left_behind_once_typed(qtbot, make_ctx) -> None:
    flow = CheckupFlow()
    flow.position = 0
    for question in ("wallets", "exchange_account", "hardware_wallet"):
        flow.answer(question, EXAMPLE_ANSWERS[question])
    flow.position = flow.visible_topics().index("passwords")
    _win, wizard = wizard_for(qtbot, make_ctx, "en", flow)
    box = wizard.boxes["password_strength"]
    assert box.why.text().startswith("Type it to see an estimate")
    qtbot.keyClicks(box.meter.field, "correct horse")
    assert box.why.text() == "Checked on this computer only. Never saved."
    box.meter.field.clear()
    assert box.why.text().startswith("Type it to see an estimate")
