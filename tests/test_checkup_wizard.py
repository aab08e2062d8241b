"""The checkup wizard's pages in the real window: secrets forgotten, earlier answers
shown, multiple choice taken back, probes busy and explained — by keyboard."""

from __future__ import annotations

import base64
from datetime import datetime, timezone
from pathlib import Path

import pytest
from ui import choose, open_window, tab_to, type_into

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from checks.checkup.detect import from_wifi
from checks.checkup.flow import CheckupFlow
from checks.checkup.questions import SKIPPED
from checks.checkup.run import build_run
from checks.probes.wifi import parse_wifi
from checks.totp import hotp
from desktop.background import DeferredPool, SyncPool
from desktop.checkup.wizard import CheckupWizard
from desktop.panic.wizard import PanicWizard

WIFI = Path(__file__).parent / "fixtures" / "wifi"
SENTINEL = "Zebra-Quilt-Sentinel-9417"
FIRST_PAGE = {"wallets": ["imtoken"], "exchange_account": "no", "hardware_wallet": "no"}


def wizard_at(qtbot, make_ctx, topic: str, answers=None, language="en", **ctx) -> CheckupWizard:
    win = open_window(qtbot, make_ctx(compute_pool=SyncPool(), **ctx), language)
    flow = CheckupFlow.from_dict({"answers": {**FIRST_PAGE, **(answers or {})}})
    flow.go_to(topic)
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    assert isinstance(wizard, CheckupWizard) and wizard.flow.current_topic == topic
    return wizard


def holders_of(text: str) -> list[str]:
    """Every widget in the application that still shows, holds or can undo back ``text``."""
    found = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLineEdit):
            held = [widget.text()]
            if widget.isUndoAvailable():
                widget.undo()
                held.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            held = [widget.toPlainText()]
        elif isinstance(widget, (QLabel, QAbstractButton)):
            held = [widget.text(), widget.accessibleName(), widget.toolTip()]
        else:
            held = [widget.accessibleName(), widget.toolTip()]
        if any(text in value for value in held):
            found.append(f"{type(widget).__name__} {widget.objectName()}")
    return found


def press_panic(qtbot, widget) -> None:
    qtbot.keyClick(
        widget,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


# -- secrets are forgotten when the page is hidden ------------------------------------


def test_panic_shortcut_from_the_password_page_leaves_the_password_nowhere(qtbot, make_ctx) -> None:
    wizard = wizard_at(qtbot, make_ctx, "passwords")
    win = wizard.window()
    meter = wizard.boxes["password_strength"].meter
    type_into(qtbot, meter.field, SENTINEL)
    tab_to(qtbot, meter.show_button)
    qtbot.keyClick(meter.show_button, Qt.Key.Key_Space)  # shown: the field now has undo
    type_into(qtbot, meter.name, SENTINEL + "-name")
    assert meter.field.text() == SENTINEL and holders_of(SENTINEL)

    press_panic(qtbot, meter.name)

    assert isinstance(win.panic.wizard, PanicWizard)
    assert win.stack.currentWidget() is win.panic.wizard
    assert win.stack.indexOf(wizard) >= 0  # the checkup stays, hidden, to be resumed
    assert holders_of(SENTINEL) == []
    assert wizard.flow.answers.get("password_strength") in (None, 0, 1, 2, 3, 4)


def test_panic_shortcut_from_the_2fa_page_leaves_the_secret_nowhere(qtbot, make_ctx) -> None:
    wizard = wizard_at(qtbot, make_ctx, "totp_backup", {"email_2fa": "app"})
    box = wizard.boxes["totp_backup"]
    type_into(qtbot, box.secret, "JBSWY3DPEHPK3PXP" + SENTINEL)
    type_into(qtbot, box.code, "123" + SENTINEL)
    press_panic(qtbot, box.code)
    assert wizard.window().stack.currentWidget() is wizard.window().panic.wizard
    assert holders_of(SENTINEL) == []


def test_the_2fa_secret_is_cleared_when_the_page_is_left(qtbot, make_ctx) -> None:
    wizard = wizard_at(qtbot, make_ctx, "totp_backup", {"email_2fa": "app"})
    box = wizard.boxes["totp_backup"]
    type_into(qtbot, box.secret, SENTINEL)
    type_into(qtbot, box.code, "123456")
    tab_to(qtbot, wizard.back)
    qtbot.keyClick(wizard.back, Qt.Key.Key_Space)
    assert wizard.flow.current_topic == "two_factor"
    assert box.secret.text() == "" and box.code.text() == ""
    assert holders_of(SENTINEL) == []


def test_every_text_field_of_the_checkup_has_the_secret_guard(qtbot, make_ctx) -> None:
    for topic, answers in (("passwords", {}), ("totp_backup", {"email_2fa": "app"})):
        wizard = wizard_at(qtbot, make_ctx, topic, answers)
        fields = wizard.scroll_area.widget().findChildren(QLineEdit)
        assert fields
        for field in fields:
            assert field.property("secretGuard") is True, field.objectName()


# -- the password page ------------------------------------------------------------------


def test_show_and_hide_the_password_by_keyboard(qtbot, make_ctx) -> None:
    wizard = wizard_at(qtbot, make_ctx, "passwords")
    meter = wizard.boxes["password_strength"].meter
    type_into(qtbot, meter.field, "correct horse")
    assert meter.field.echoMode() is QLineEdit.EchoMode.Password
    tab_to(qtbot, meter.show_button)
    qtbot.keyClick(meter.show_button, Qt.Key.Key_Space)
    assert meter.field.echoMode() is QLineEdit.EchoMode.Normal
    assert meter.show_button.text() == "Hide"
    qtbot.keyClick(meter.show_button, Qt.Key.Key_Space)
    assert meter.field.echoMode() is QLineEdit.EchoMode.Password
    assert meter.show_button.text() == "Show"


@pytest.mark.parametrize(
    ("language", "kept", "skipped"),
    [
        ("en", "Kept from earlier: strength 3 of 4 (Strong).", "You skipped this question."),
        ("zh_CN", "之前的结果：强度 3/4（强）。", "您跳过了这个问题。"),
    ],
)
def test_password_page_shows_a_kept_score_or_a_skip(
    qtbot, make_ctx, language, kept, skipped
) -> None:
    wizard = wizard_at(qtbot, make_ctx, "passwords", {"password_strength": 3}, language)
    box = wizard.boxes["password_strength"]
    assert box.record.isVisible() and box.record.text().startswith(kept)
    assert box.meter.field.text() == ""  # the password itself is never kept
    tab_to(qtbot, box.skip)
    qtbot.keyClick(box.skip, Qt.Key.Key_Space)
    assert wizard.flow.answers["password_strength"] == SKIPPED
    # Leave and come back: the skip is shown.
    tab_to(qtbot, wizard.back)
    qtbot.keyClick(wizard.back, Qt.Key.Key_Space)
    tab_to(qtbot, wizard.next)
    qtbot.keyClick(wizard.next, Qt.Key.Key_Space)
    record = wizard.boxes["password_strength"].record
    assert record.isVisible() and record.text().startswith(skipped)


# -- the 2FA backup page remembers its answer --------------------------------------------


def test_going_back_shows_the_earlier_2fa_answer(qtbot, make_ctx) -> None:
    two_factor = {"email_2fa": "app", "wallet_account_2fa": "no_account", "carrier_pin": "yes"}
    wizard = wizard_at(qtbot, make_ctx, "totp_backup", two_factor)
    box = wizard.boxes["totp_backup"]
    choose(qtbot, box.buttons["no_backup"])
    assert wizard.flow.answers["totp_backup"] == "no_backup"
    tab_to(qtbot, wizard.back)
    qtbot.keyClick(wizard.back, Qt.Key.Key_Space)
    tab_to(qtbot, wizard.next)
    qtbot.keyClick(wizard.next, Qt.Key.Key_Space)
    assert wizard.boxes["totp_backup"].buttons["no_backup"].isChecked()


def test_an_earlier_check_result_is_shown_and_replaces_no_backup(qtbot, make_ctx) -> None:
    wizard = wizard_at(qtbot, make_ctx, "totp_backup", {"email_2fa": "app", "totp_backup": "works"})
    box = wizard.boxes["totp_backup"]
    assert box.result.text().startswith("Earlier result: your backup worked.")
    assert not box.buttons["no_backup"].isChecked()
    choose(qtbot, box.buttons["no_backup"])
    secret = "JBSWY3DPEHPK3PXP"
    counter = int(datetime.now(timezone.utc).timestamp()) // 30
    type_into(qtbot, box.secret, secret)
    type_into(qtbot, box.code, hotp(base64.b32decode(secret), counter))
    qtbot.keyClick(box.code, Qt.Key.Key_Return)
    assert wizard.flow.answers["totp_backup"] == "works"
    assert not box.buttons["no_backup"].isChecked()  # the screen agrees with the answer


# -- multiple choice: unticking the last box takes the answer back ----------------------


def test_unticking_every_box_takes_the_answer_back(qtbot, make_ctx) -> None:
    wizard = wizard_at(qtbot, make_ctx, "seed")
    box = wizard.boxes["seed_storage"]
    tab_to(qtbot, box.boxes["photo"])
    qtbot.keyClick(box.boxes["photo"], Qt.Key.Key_Space)
    assert wizard.flow.answers["seed_storage"] == ["photo"]
    qtbot.waitUntil(
        lambda: "seed_storage" in wizard.boxes and wizard.boxes["seed_storage"] is not box
    )
    box = wizard.boxes["seed_storage"]  # "how many copies?" appeared: the page was rebuilt
    assert box.boxes["photo"].isChecked()
    tab_to(qtbot, box.boxes["photo"])
    qtbot.keyClick(box.boxes["photo"], Qt.Key.Key_Space)
    assert not any(check.isChecked() for check in box.boxes.values())
    assert "seed_storage" not in wizard.flow.answers
    qtbot.waitUntil(lambda: "seed_copies" not in wizard.boxes)
    tab_to(qtbot, wizard.next)
    qtbot.keyClick(wizard.next, Qt.Key.Key_Space)
    assert wizard.flow.current_topic == "seed"
    assert wizard.status.text().startswith("Please answer every question on this page first.")
    assert "seed_digital" not in build_run(wizard.flow, datetime.now(timezone.utc)).finding_ids


# -- savings: the amounts must fit together ---------------------------------------------


def test_more_in_apps_than_in_total_is_refused(qtbot, make_ctx) -> None:
    answers = {"total_value": "under_1k", "spending": "monthly", "cashout": "never"}
    wizard = wizard_at(qtbot, make_ctx, "cold_storage", answers)
    choose(qtbot, wizard.boxes["hot_value"].buttons["10k_100k"])
    tab_to(qtbot, wizard.next)
    qtbot.keyClick(wizard.next, Qt.Key.Key_Space)
    assert wizard.flow.current_topic == "cold_storage"
    assert "cannot be more than your total" in wizard.status.text()
    assert QApplication.focusWidget().parent() is wizard.boxes["hot_value"]


# -- probes: busy while they run, then what they found or why they could not tell --------


def location_refused(topic: str):
    if topic != "network":
        return []
    text = (WIFI / "netsh_en_location_permission.txt").read_text(encoding="utf-8")
    return [from_wifi(parse_wifi(text, "netsh"))]


@pytest.mark.parametrize(
    ("language", "busy", "why"),
    [
        ("en", "Checking this computer…", "Could not tell: Windows only shares Wi-Fi details"),
        ("zh_CN", "正在检查这台电脑…", "无法判断：Windows 只把 Wi-Fi"),
    ],
)
def test_probe_is_busy_then_explains_why_it_could_not_tell(
    qtbot, make_ctx, language, busy, why
) -> None:
    pool = DeferredPool()
    win = open_window(qtbot, make_ctx(probe_runner=location_refused), language)
    win.ctx.pool = pool
    flow = CheckupFlow.from_dict({"answers": FIRST_PAGE})
    flow.go_to("network")
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    assert wizard.busy.isVisible() and wizard.busy.text() == busy
    # The window still answers while the probe runs.
    choose(qtbot, wizard.boxes["public_wifi"].buttons["never"])
    assert wizard.flow.answers["public_wifi"] == "never"
    pool.run_waiting()
    assert not wizard.busy.isVisible()
    basis = wizard.boxes["wifi_security"].basis
    assert basis.isVisible() and basis.text().startswith(why)
    assert "wifi_security" not in wizard.flow.answers  # the question is still the user's
