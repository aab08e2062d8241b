"""Promise: no secret at rest.

A checkup and a panic case are driven through the real window with sentinel
secrets — a password, a 2FA secret, seed phrases in English and Chinese, a
private key. Afterwards no file the app wrote (data folder, logs, temp
files) and not the clipboard holds any of them, in any common encoding.
"""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from mnemonic import Mnemonic
from test_checkup import GOOD_ANSWERS
from ui import every_page, open_window

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from checks.checkup.flow import CheckupFlow
from checks.panic import evidence
from checks.panic.case import Case
from checks.paths import Paths
from checks.reports.bundle import write_bundle
from checks.storage.store import Store
from checks.totp import hotp
from desktop.app import build_window, make_application
from desktop.ui import dialogs

pytestmark = pytest.mark.security

PASSWORD = "Kiwi-Sentinel-Passw0rd-7Q!"
TOTP_RAW = b"wallet-checkup-sentinel-2fa!"
TOTP_SECRET = base64.b32encode(TOTP_RAW).decode().rstrip("=")
SEED_EN = Mnemonic("english").to_mnemonic(bytes([0x11] * 16))
SEED_ZH = Mnemonic("chinese_simplified").to_mnemonic(bytes([0x22] * 16))
PRIVATE_KEY = hashlib.sha256(b"wallet-checkup sentinel key").hexdigest()
SENTINELS = {
    "password": PASSWORD,
    "totp": TOTP_SECRET,
    "seed_en": SEED_EN,
    "seed_zh": SEED_ZH,
    "private_key": PRIVATE_KEY,
}


def forms(secret: str) -> list[bytes]:
    """The secret as bytes in the encodings a leak would most likely use."""
    texts = {secret, secret.lower(), secret.upper(), secret.replace(" ", "")}
    found: list[bytes] = []
    for text in texts:
        raw = text.encode("utf-8")
        found += [
            raw,
            text.encode("utf-16-le"),
            text.encode("utf-16-be"),
            raw.hex().encode(),
            base64.b32encode(raw).rstrip(b"="),
            base64.b64encode(raw).rstrip(b"="),
        ]
    if secret is TOTP_SECRET:
        found.append(TOTP_RAW)
    if secret is PRIVATE_KEY:
        found.append(bytes.fromhex(PRIVATE_KEY))
    # A long secret's fragment is a leak too: also look for its first 16 characters.
    found += [f[:16] for f in list(found) if len(f) > 24]
    return found


def leaks(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for name, secret in SENTINELS.items():
            if any(form in data for form in forms(secret)):
                found.append(f"{name} in {path}")
    return found


def text_fields(root: QWidget) -> list[QLineEdit | QPlainTextEdit]:
    """Every text field a person can type into under ``root`` (not the editors
    inside spin boxes, combo boxes and date pickers)."""
    fields = []
    for field in [*root.findChildren(QLineEdit), *root.findChildren(QPlainTextEdit)]:
        if field.isReadOnly() or isinstance(field.parent(), QAbstractSpinBox | QComboBox):
            continue
        fields.append(field)
    return fields


def set_text(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    field.setText(text) if isinstance(field, QLineEdit) else field.setPlainText(text)


def text_of(field: QLineEdit | QPlainTextEdit) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def decrypt_everything(store: Store, paths: Paths, out: Path) -> None:
    """Write the plaintext of every encrypted row and evidence file into ``out``."""
    for (name,) in store.db.query("SELECT name FROM drafts"):
        (out / f"draft-{name}.json").write_text(json.dumps(store.get_draft(name)))
    for summary in store.list_checkup_runs():
        (out / f"run-{summary.id}.json").write_text(json.dumps(store.load_checkup_run(summary.id)))
    for summary in store.list_cases():
        payload = store.load_case(summary.id)
        (out / f"case-{summary.id}.json").write_text(json.dumps(payload, ensure_ascii=False))
        case = Case.from_payload(payload)
        for number, item in enumerate(case.evidence):
            (out / f"evidence-{number}").write_bytes(evidence.read_file(case, item, paths, store))


def export_reminder_and_bundle(win, case: Case, out: Path, monkeypatch) -> None:
    """The calendar file and the case bundle (unpacked), as the window writes them."""
    from desktop.printing import pdf_bytes
    from desktop.printing.flow import incident_report_for

    def save_file(parent, title, suggested, name_filter, on_path, default_suffix="", **kwargs):
        on_path(str(out / f"reminder.{default_suffix}"))

    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "inform", lambda *args, **kwargs: None)
    win.checkup.export_reminder()
    assert (out / "reminder.ics").exists()
    zipped = out / "bundle.zip"
    data, _pages = pdf_bytes(incident_report_for(case, win.ctx, bilingual=True))
    write_bundle(
        zipped,
        case,
        data,
        lambda item: evidence.read_file(case, item, win.ctx.paths, win.ctx.store),
        win.ctx.clock(),
    )
    with zipfile.ZipFile(zipped) as bundle:
        bundle.extractall(out / "bundle")
    zipped.unlink()


def test_detector_finds_a_planted_secret(tmp_path: Path) -> None:
    """Control: the scan would see a leak in any of the encodings."""
    for index, form in enumerate(forms(SEED_ZH)[:6]):
        (tmp_path / f"leak{index}").write_bytes(b"xx" + form + b"yy")
    assert len(leaks(tmp_path)) == 6


def test_no_secret_reaches_disk_logs_temp_or_clipboard(
    qtbot, make_ctx, tmp_path: Path, monkeypatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    warnings: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda p, title, text, detail="": warnings.append(text))
    ctx = make_ctx()
    home = ctx.paths.data_dir
    win = build_window(ctx, make_application([]), "en")
    qtbot.add_widget(win)
    win.show()
    win.unlocker.start()

    # -- checkup: password meter and 2FA backup check with sentinels -----------
    flow = CheckupFlow()
    for question, value in {
        "wallets": ["imtoken"],
        "exchange_account": "yes",
        "hardware_wallet": "no",
        "email_2fa": "app",
    }.items():
        flow.answer(question, value)
    flow.go_to("passwords")
    win.checkup._open_wizard(flow)
    wizard = win.checkup.page
    meter = wizard.boxes["password_strength"].meter
    meter.field.setFocus()
    qtbot.keyClicks(meter.field, PASSWORD)
    qtbot.keyClicks(meter.name, "Alice Example")
    qtbot.waitUntil(lambda: meter.final is not None, timeout=20000)
    wizard.go_back()  # leaving the page clears the field
    assert meter.field.text() == ""
    flow.go_to("totp_backup")
    wizard.show_topic()
    box = wizard.boxes["totp_backup"]
    counter = int(datetime.now(timezone.utc).timestamp()) // 30
    qtbot.keyClicks(box.secret, f"otpauth://totp/Ex:me?secret={TOTP_SECRET}&issuer=Ex")
    qtbot.keyClicks(box.code, hotp(TOTP_RAW, counter))
    qtbot.keyClick(box.code, Qt.Key.Key_Return)
    assert flow.answers["totp_backup"] == "works"
    for question, value in GOOD_ANSWERS.items():
        if question not in flow.answers:
            flow.answer(question, value)
    flow.position = flow.progress[1] - 1
    wizard.show_topic()
    wizard.go_next()
    results = win.checkup.page
    results.save.click()
    assert results.saved

    # -- panic: seeds and a key typed into notes are refused; a normal case is saved
    win.show_panic()
    panic = win.panic.wizard
    evidence_page = panic.pages[2]
    for secret in (SEED_EN, SEED_ZH, PRIVATE_KEY):
        evidence_page.what.setText(f"note: {secret}")
        assert evidence_page.what.text() == ""
    summary = panic.pages[-1]
    summary.name.setText(SEED_ZH)
    assert summary.name.text() == ""
    assert len(warnings) == 4  # each refusal was explained
    # Every other text field of panic mode refuses them too (contact, ticket,
    # transaction fields, suspicious link, police reference …).
    guarded = text_fields(panic)
    assert len(guarded) >= 10
    for field in guarded:
        assert field.property("secretGuard"), field.objectName()
        # 64 hex digits belong in a transaction-hash field (and fail an address's
        # checks): there only the phrase is refused, the rest is validated.
        tx_field = field.property("transactionField")
        for secret in (SEED_EN,) if tx_field else (SEED_EN, PRIVATE_KEY):
            set_text(field, f"x {secret}")
            assert text_of(field) == "", field.objectName()
    evidence_page.what.setText("Noticed the balance was zero")
    evidence_page._add_event()
    screenshot = tmp_path / "screenshot.png"
    screenshot.write_bytes(b"\x89PNG an ordinary picture")
    evidence_page.add_file(str(screenshot))
    qtbot.wait_until(lambda: len(panic.case.evidence) == 1, timeout=5000)
    support = panic.pages[3]
    panic.go(3)
    support.copy.click()
    clipboard = QApplication.clipboard().text()
    assert "support" in clipboard  # the app did put its message there …
    for secret in SENTINELS.values():  # … and nothing secret
        assert not any(form.decode("latin-1") in clipboard for form in forms(secret))
    QApplication.clipboard().clear()

    # Every document the app can generate from this data, as HTML and as PDF text.
    import io

    from pypdf import PdfReader

    from checks.checkup.run import CheckupRun
    from checks.reports.checkup_report import checkup_report
    from checks.reports.recovery_kit import recovery_kit
    from desktop.i18n import _
    from desktop.printing import pdf_bytes
    from desktop.printing.flow import incident_report_for, report_context

    store = win.ctx.store
    run = CheckupRun.from_payload(store.load_checkup_run(store.list_checkup_runs()[0].id))
    documents = [
        recovery_kit(_, answers=dict(run.answers), **report_context(win.ctx.clock)),
        checkup_report(run, _, **report_context(win.ctx.clock)),
        incident_report_for(panic.case, win.ctx, bilingual=True),
    ]
    out = tmp_path / "documents"
    out.mkdir()
    for index, report in enumerate(documents):
        data, _pages = pdf_bytes(report)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        (out / f"doc{index}.html").write_text(report.html)
        (out / f"doc{index}.txt").write_text(text)
    assert "Noticed the balance was zero" in (out / "doc2.html").read_text()  # real content
    assert leaks(out) == []

    # What is inside the encrypted rows and evidence files, and the exports.
    plain = tmp_path / "decrypted"
    plain.mkdir()
    decrypt_everything(store, win.ctx.paths, plain)
    assert "Noticed the balance was zero" in (plain / f"case-{panic.case.id}.json").read_text()
    assert (plain / "evidence-0").read_bytes() == screenshot.read_bytes()
    export_reminder_and_bundle(win, panic.case, plain, monkeypatch)
    assert leaks(plain) == []

    win.ctx.store.close()
    win.close()
    assert leaks(home) == []
    assert leaks(temp) == []
    # Settings live in the data folder (scanned above); Qt's QSettings store is never used.
    assert not Path(QSettings().fileName()).exists()


def test_every_text_field_in_the_app_has_the_secret_guard(qtbot, make_ctx, monkeypatch) -> None:
    """DESIGN.md: every free-text field passes the secret guard. Walk every page."""
    monkeypatch.setattr(dialogs, "warn", lambda *args, **kwargs: None)
    win = open_window(qtbot, make_ctx(), "en")
    checkup_fields: list[str] = []
    fields: list[QLineEdit | QPlainTextEdit] = []
    for name, root in every_page(win):
        found = text_fields(root)
        if name.startswith("checkup "):  # each topic's fields exist while its page is shown
            assert all(f.property("secretGuard") for f in found), [f.objectName() for f in found]
            checkup_fields += [f.objectName() for f in found]
        elif name != "home":
            fields += found
    assert {"passwordField", "contextName", "contextEmail", "totpSecret", "totpCode"} <= set(
        checkup_fields
    )
    assert len(fields) >= 12
    unguarded = [
        f"{f.window().objectName()}/{f.objectName()}"
        for f in fields
        if not f.property("secretGuard")
    ]
    assert unguarded == []


def test_qt_file_dialog_history_stays_in_the_data_folder(qtbot, tmp_path: Path) -> None:
    """Qt's file dialog remembers recent folders in QSettings("QtProject"); the app
    points Qt's settings into the data folder, which "Delete all my data" removes."""
    from PySide6.QtWidgets import QFileDialog

    from desktop.app import keep_qt_settings_in

    default_home = Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName()).parent
    folder = tmp_path / "data" / "qt"
    keep_qt_settings_in(folder)
    try:
        dialog = QFileDialog(None, "Attach", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.add_widget(dialog)
        dialog.show()
        dialog.done(0)  # Qt saves the dialog's state (history, last folder) now
        dialog.deleteLater()
        qtbot.wait(50)
        assert Path(QSettings(QSettings.Scope.UserScope, "QtProject").fileName()).parent == folder
        written = list(folder.rglob("*.conf"))
        assert written and str(tmp_path) in written[0].read_text()
    finally:
        keep_qt_settings_in(default_home)
