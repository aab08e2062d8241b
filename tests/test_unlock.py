"""Opening the data in the window: keyring, fallbacks and passphrase."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from checks.storage import store as data
from desktop.background import SyncPool
from desktop.main_window import MainWindow
from desktop.ui import dialogs
from desktop.ui.password_meter import PasswordMeter
from desktop.unlock import PassphraseDialog

pytestmark = pytest.mark.security


@pytest.fixture
def choices(monkeypatch):
    """Record what the fallback question offered; answer with ``answer[0]``."""
    seen: dict[str, object] = {}
    answer: list[str | None] = [None]

    def fake_choose(parent, title, text, options, on_choice, detail=""):
        seen.update(title=title, text=text, detail=detail, keys=[k for k, _ in options])
        on_choice(answer[0])

    monkeypatch.setattr(dialogs, "choose", fake_choose)
    return seen, answer


def make_window(qtbot, make_ctx, **changes) -> MainWindow:
    changes.setdefault("compute_pool", SyncPool())  # the meter scores inline
    window = MainWindow(make_ctx(**changes))
    qtbot.add_widget(window)
    window.show()
    return window


def passphrase_dialog(window: MainWindow) -> PassphraseDialog:
    dialog = window.findChild(QWidget, "passphraseDialog")
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    return dialog


def type_passphrase(qtbot, dialog: PassphraseDialog, text: str) -> None:
    qtbot.keyClicks(dialog.first, text)
    if dialog.second is not None:
        qtbot.keyClicks(dialog.second, text)
    qtbot.keyClick(dialog.first, Qt.Key.Key_Return)


def test_keyring_works_no_question(qtbot, make_ctx, choices) -> None:
    window = make_window(qtbot, make_ctx)
    with qtbot.wait_signal(window.unlocker.ready):
        window.unlocker.start()
    assert window.ctx.store is not None and window.ctx.store.keeps_data
    assert "title" not in choices[0]


def test_no_keyring_explains_and_passphrase_path_works(
    qtbot, make_ctx, choices, fail_keyring
) -> None:
    seen, answer = choices
    answer[0] = "passphrase"
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    window.unlocker.start()
    assert "no system keyring" in seen["text"]
    assert seen["keys"] == ["passphrase", "memory"]
    dialog = passphrase_dialog(window)
    type_passphrase(qtbot, dialog, "short")
    assert dialog.error.text() == "Please use at least 8 characters."
    assert dialog.first.text() == ""
    type_passphrase(qtbot, dialog, "river lamp orange")
    store = window.ctx.store
    assert store is not None and store.source is data.KeySource.PASSPHRASE
    store.save_case("c1", window.ctx.clock(), "open", {"n": 1}, window.ctx.clock())
    store.close()

    # Next start: asked for the passphrase; a wrong one is refused kindly.
    again = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    again.unlocker.start()
    dialog = passphrase_dialog(again)
    assert dialog.second is None
    type_passphrase(qtbot, dialog, "wrong words here")
    assert "does not open your data" in dialog.error.text()
    assert again.ctx.store is None
    type_passphrase(qtbot, dialog, "river lamp orange")
    assert again.ctx.store is not None
    assert again.ctx.store.load_case("c1") == {"n": 1}
    again.ctx.store.close()


def test_no_keyring_keep_nothing_writes_nothing(qtbot, make_ctx, choices, fail_keyring) -> None:
    _seen, answer = choices
    answer[0] = "memory"
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    window.unlocker.start()
    store = window.ctx.store
    assert store is not None and not store.keeps_data
    store.save_case("c1", window.ctx.clock(), "open", {"secret": "x"}, window.ctx.clock())
    assert [b.property("noticeId") for b in window.home.banners] == ["not-saving"]
    window.resize(700, 500)  # a geometry to remember, normally
    window.close()
    kept = [p for p in window.ctx.paths.data_dir.rglob("*") if p.is_file()]
    assert kept == []  # no database, no settings, nothing


def test_no_keyring_then_a_passphrase_creates_the_database(
    qtbot, make_ctx, choices, fail_keyring
) -> None:
    _seen, answer = choices
    answer[0] = "passphrase"
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    window.unlocker.start()
    assert not window.ctx.paths.database.exists()  # not before a key exists
    dialog = window.unlocker.dialog
    assert dialog is not None and dialog.second is not None
    dialog.first.setText("four calm words here")
    dialog.second.setText("four calm words here")
    dialog._submit()
    store = window.ctx.store
    assert store is not None and store.keeps_data
    assert window.ctx.paths.database.exists()


def test_a_new_passphrase_is_typed_into_the_strength_meter(
    qtbot, make_ctx, choices, fail_keyring
) -> None:
    _seen, answer = choices
    answer[0] = "passphrase"
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    window.unlocker.start()
    dialog = passphrase_dialog(window)
    meter = dialog.findChild(PasswordMeter, "passphraseMeter")
    assert meter is not None and dialog.first is meter.field
    assert meter.name.isHidden() and meter.email.isHidden()  # no personal fields here
    assert dialog.findChild(QWidget, "neverSavedNote") is None
    qtbot.keyClicks(dialog.first, "zhangwei1990")
    qtbot.waitUntil(lambda: meter.final is not None)
    assert meter.bar.value() <= 1
    assert "pinyin plus a birthday" in meter.advice.text()


def test_the_meter_explains_chinese_patterns_in_chinese(qtbot) -> None:
    from desktop.i18n import set_language

    set_language("zh_CN")  # conftest sets English back after each test
    dialog = PassphraseDialog(True, None, SyncPool())
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.meter is not None
    for typed, explained in (
        ("zhangwei1990", "拼音姓名加生日是最常被猜中的密码结构"),
        ("aini1314520", "520/1314 这类数字几乎所有人都在用"),
    ):
        dialog.first.setText(typed)
        qtbot.waitUntil(lambda: dialog.meter.final is not None)
        assert explained in dialog.meter.advice.text()
        assert "密码管理器" in dialog.meter.advice.text()  # the suggestion that works
    dialog.first.setText("x" * 90)
    qtbot.waitUntil(lambda: dialog.meter.final is not None)
    assert "只检查了前 72 个字符" in dialog.meter.advice.text()


@pytest.mark.parametrize(
    "weak", ["correct horse battery", "zhangwei19900101", "woaini1314520", "password1234"]
)
def test_a_weak_new_passphrase_is_refused_with_the_reason(
    qtbot, make_ctx, choices, fail_keyring, weak: str
) -> None:
    _seen, answer = choices
    answer[0] = "passphrase"
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    window.unlocker.start()
    dialog = passphrase_dialog(window)
    with qtbot.assert_not_emitted(dialog.submitted):
        type_passphrase(qtbot, dialog, weak)  # Enter at once: scored before it is judged
    assert "too easy to guess" in dialog.error.text()
    layout = dialog.layout()  # the dialog grew to show all the advice and the reason
    qtbot.waitUntil(lambda: dialog.height() >= layout.totalHeightForWidth(dialog.width()))
    assert dialog.first.text() == weak  # kept, to be made longer
    assert dialog.second is not None and dialog.second.text() == ""
    assert window.ctx.store is None
    assert not window.ctx.paths.database.exists()
    # Made longer with unrelated words, it is accepted.
    longer = weak + " lantern velvet"
    dialog.first.setText(longer)
    qtbot.waitUntil(lambda: dialog.meter is not None and dialog.meter.final is not None)
    assert dialog.meter is not None and dialog.meter.final.score >= 3
    dialog.second.setText(longer)
    dialog._submit()
    assert window.ctx.store is not None and window.ctx.store.keeps_data
    window.ctx.store.close()


def test_the_strength_check_runs_off_the_ui_thread(
    qtbot, make_ctx, choices, fail_keyring, monkeypatch
) -> None:
    import threading

    from checks import password

    _seen, answer = choices
    answer[0] = "passphrase"
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring, compute_pool=None)
    window.unlocker.start()
    dialog = passphrase_dialog(window)
    threads: list[bool] = []
    real = password.assess

    def watched(text: str, context=()):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(text, context)

    monkeypatch.setattr(password, "assess", watched)
    dialog.first.setText("lantern velvet cobalt meadow")
    assert dialog.second is not None
    dialog.second.setText("lantern velvet cobalt meadow")
    dialog._submit()  # before the meter's full score: checked in the meter's thread
    assert dialog.busy
    qtbot.waitUntil(lambda: window.ctx.store is not None, timeout=10_000)
    assert threads and not any(threads)
    window.ctx.store.close()


def test_dismissing_the_question_keeps_nothing(qtbot, make_ctx, choices, fail_keyring) -> None:
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    window.unlocker.start()  # answer None: the box was closed
    assert window.ctx.store is not None and not window.ctx.store.keeps_data


def test_locked_keyring_offers_retry(qtbot, make_ctx, choices, locked_keyring) -> None:
    seen, answer = choices
    answer[0] = "memory"
    window = make_window(qtbot, make_ctx, keyring_backend=locked_keyring)
    window.unlocker.start()
    assert "keyring is locked" in seen["text"]
    assert seen["keys"] == ["passphrase", "memory", "retry"]


def test_data_in_unreachable_keyring_is_not_orphaned(
    qtbot, make_ctx, choices, memory_keyring, locked_keyring
) -> None:
    seen, answer = choices
    first = make_window(qtbot, make_ctx)
    first.unlocker.start()
    assert first.ctx.store is not None
    first.ctx.store.close()
    answer[0] = "memory"
    window = make_window(qtbot, make_ctx, keyring_backend=locked_keyring)
    window.unlocker.start()
    assert seen["keys"] == ["retry", "memory"]  # no new passphrase over old data
    assert "stays safe and untouched" in seen["detail"]


def test_retry_after_unlocking_the_keyring(
    qtbot, make_ctx, choices, memory_keyring, locked_keyring
) -> None:
    _seen, answer = choices
    answer[0] = "retry"
    ctx_window = make_window(qtbot, make_ctx, keyring_backend=locked_keyring)
    unlocked = {"done": False}

    def fake_choose(parent, title, text, options, on_choice, detail=""):
        ctx_window.ctx.keyring_backend = memory_keyring  # the user unlocked it
        unlocked["done"] = True
        on_choice("retry")

    dialogs.choose = fake_choose  # restored by the fixture's monkeypatch
    ctx_window.unlocker.start()
    assert unlocked["done"] and ctx_window.ctx.store is not None
    assert ctx_window.ctx.store.keeps_data


def test_lost_key_is_explained_on_home(qtbot, make_ctx, memory_keyring) -> None:
    first = make_window(qtbot, make_ctx)
    first.unlocker.start()
    first.ctx.store.close()
    memory_keyring.entries.clear()  # someone deleted the keyring entry
    window = make_window(qtbot, make_ctx)
    window.unlocker.start()
    banners = window.home.banners
    assert [b.property("noticeId").split(":")[0] for b in banners] == ["kept-aside"]
    text = banners[0].label.text()
    assert "its key is no longer in your system keyring" in text
    assert "Nothing was deleted" in text
    assert str(window.ctx.paths.damaged_dir) in text


def test_forgotten_passphrase_starts_fresh_keeping_old_file(
    qtbot, make_ctx, choices, fail_keyring, monkeypatch, memory_keyring
) -> None:
    _seen, answer = choices
    answer[0] = "passphrase"
    window = make_window(qtbot, make_ctx, keyring_backend=fail_keyring)
    window.unlocker.start()
    type_passphrase(qtbot, passphrase_dialog(window), "river lamp orange")
    window.ctx.store.close()
    monkeypatch.setattr(dialogs, "confirm", lambda p, t, x, y, on_yes, **k: on_yes())
    again = make_window(qtbot, make_ctx, keyring_backend=memory_keyring)
    again.unlocker.start()
    dialog = passphrase_dialog(again)
    qtbot.mouseClick(dialog.findChild(QWidget, "forgotPassphrase"), Qt.MouseButton.LeftButton)
    assert again.ctx.store is not None and again.ctx.store.source is data.KeySource.KEYRING
    kept = list(again.ctx.paths.damaged_dir.iterdir())
    assert any("passphrase-forgotten" in p.name for p in kept)
