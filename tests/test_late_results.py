"""Background results that arrive late: after the user changed page, left the
window or went on typing. The pools here hold every task until the test lets
it finish (desktop.background.DeferredPool)."""

from __future__ import annotations

from pathlib import Path

from test_checkup_window import wifi_probe
from test_checkup_wizard import FIRST_PAGE
from ui import choose, open_window, press, type_into

import shiboken6
from PySide6.QtWidgets import QApplication

from checks.checkup.flow import PROBE, CheckupFlow
from desktop.background import DeferredPool, SyncPool
from desktop.checkup.wizard import CheckupWizard
from desktop.ui import dialogs


def checkup_at(qtbot, make_ctx, topic: str, pool: DeferredPool) -> CheckupWizard:
    win = open_window(qtbot, make_ctx(probe_runner=wifi_probe, compute_pool=SyncPool()))
    win.ctx.pool = pool
    flow = CheckupFlow.from_dict({"answers": FIRST_PAGE})
    flow.go_to(topic)
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    assert isinstance(wizard, CheckupWizard)
    return wizard


def test_a_probe_finishing_after_the_user_moved_on_answers_its_own_page(qtbot, make_ctx) -> None:
    pool = DeferredPool()
    wizard = checkup_at(qtbot, make_ctx, "network", pool)
    assert wizard.busy.isVisible()
    choose(qtbot, wizard.boxes["public_wifi"].buttons["never"])
    choose(qtbot, wizard.boxes["wifi_security"].buttons["dont_know"])
    press(qtbot, wizard.next)  # on to "This computer" while the Wi-Fi check still runs
    assert wizard.flow.current_topic == "device"
    device_boxes = dict(wizard.boxes)
    assert pool.run_waiting() == 2  # the Wi-Fi check, then this page's own
    assert wizard.flow.current_topic == "device" and wizard.boxes == device_boxes
    assert not wizard.busy.isVisible()
    # The user's own "I don't know" stands; the probe's finding waits under the question.
    assert wizard.flow.answers["wifi_security"] == "dont_know"
    assert "wifi_security" in wizard.flow.probed
    press(qtbot, wizard.back)
    assert wizard.boxes["wifi_security"].basis.text() == ""  # the user chose otherwise


def test_a_probe_answers_an_open_question_after_the_page_changed(qtbot, make_ctx) -> None:
    pool = DeferredPool()
    wizard = checkup_at(qtbot, make_ctx, "network", pool)
    choose(qtbot, wizard.boxes["public_wifi"].buttons["never"])
    wizard.flow.go_to("device")  # as "Next" would, with the Wi-Fi question still open
    wizard.show_topic()
    pool.run_waiting()
    assert wizard.flow.answers["wifi_security"] == "wpa3"  # what nmcli said
    assert wizard.flow.sources["wifi_security"] == PROBE
    press(qtbot, wizard.back)
    box = wizard.boxes["wifi_security"]
    assert box.buttons["wpa3"].isChecked() and box.basis.text().startswith("Detected with nmcli")


def test_a_probe_finishing_after_the_checkup_was_left_changes_nothing(
    qtbot, make_ctx, monkeypatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda *args, **kwargs: warned.append(args[1]))
    pool = DeferredPool()
    wizard = checkup_at(qtbot, make_ctx, "network", pool)
    press(qtbot, wizard.quit)  # "Save and quit": the wizard goes away
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard))
    pool.run_waiting()  # nothing is delivered to a page that is gone
    assert warned == [] and QApplication.instance() is not None


def test_a_file_copied_while_the_user_went_on_joins_what_they_did(
    qtbot, make_ctx, tmp_path: Path, monkeypatch
) -> None:
    storage = DeferredPool()
    win = open_window(qtbot, make_ctx())
    win.show_panic()
    win.ctx.storage_pool = storage
    wizard = win.panic.wizard
    wizard.go_to("evidence")
    evidence = wizard.page
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"png " * 50)
    monkeypatch.setattr(dialogs, "open_file", lambda parent, title, on_path: on_path(str(shot)))
    press(qtbot, evidence.attach)  # the copy waits in the storage thread …
    type_into(qtbot, evidence.what, "Noticed the balance was zero")
    press(qtbot, evidence.add_event)
    wizard.go_to("summary")  # … while the user reads on
    assert wizard.case.evidence == ()
    storage.run_waiting()
    assert [item.original_name for item in wizard.case.evidence] == ["screenshot.png"]
    assert [entry.text for entry in wizard.case.timeline] == ["Noticed the balance was zero"]
    assert "Files: 1." in wizard.page.overview.text()


def test_the_case_list_arriving_after_the_user_went_back_is_dropped(qtbot, make_ctx) -> None:
    storage = DeferredPool()
    win = open_window(qtbot, make_ctx())
    win.show_panic()
    win.ctx.storage_pool = storage
    wizard = win.panic.wizard
    press(qtbot, wizard.all_cases)
    listing = win.panic.case_list
    press(qtbot, listing.findChild(type(wizard.back), "caseListBack"))
    qtbot.waitUntil(lambda: not shiboken6.isValid(listing))
    storage.run_waiting()
    assert win.stack.currentWidget() is wizard
