"""The case bundle: report, decrypted evidence and manifests in one private zip."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
import report_samples as S

from checks.files import (
    TEMP_MARKER,
    NotARegularFile,
    refuse_special_file,
    write_file_private,
    write_stream_private,
)
from checks.panic import evidence
from checks.panic.case import EvidenceFile
from checks.reports.bundle import (
    MANIFEST_JSON,
    MANIFEST_TXT,
    README_NAME,
    REPORT_NAME,
    bundle_readme,
    safe_name,
    unique_names,
    write_bundle,
)
from checks.secrets import find_secrets
from checks.storage import store as data

PDF = b"%PDF-1.4\n% a stand-in for the rendered report\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("photo.png", "photo.png"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\chat.txt", "chat.txt"),
        (".hidden", "hidden"),
        ("a<b>:c?.png", "a_b__c_.png"),
        ("tab\there.txt", "tab_here.txt"),
        ("", "file"),
        ("..", "file"),
        ("截图 1.png", "截图 1.png"),
    ],
)
def test_safe_name(name: str, safe: str) -> None:
    assert safe_name(name) == safe


def test_long_names_keep_their_extension() -> None:
    name = safe_name("x" * 300 + ".jpeg")
    assert len(name) == 120 and name.endswith(".jpeg")


def test_unique_names_number_repeats_case_insensitively() -> None:
    assert unique_names(["a.png", "A.png", "a.png", "b", "b", "dir/a.png"]) == [
        "a.png",
        "A (2).png",
        "a (3).png",
        "b",
        "b (2)",
        "a (4).png",
    ]


def _zip_hashes(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: hashlib.sha256(archive.read(name)).hexdigest() for name in archive.namelist()}


def test_bundle_from_the_real_store(paths, memory_keyring, tmp_path: Path) -> None:
    outcome = data.open_store(paths, memory_keyring)
    store = outcome.store
    assert store is not None
    sources = tmp_path / "sources"
    (sources / "other").mkdir(parents=True)
    originals: dict[str, bytes] = {}
    case = S.sample_case()
    for folder, (name, content) in [
        (sources, ("wallet-screenshot.png", S.EVIDENCE["wallet-screenshot.png"])),
        (sources, ("chat with fake support.txt", S.EVIDENCE["chat with fake support.txt"])),
        (sources / "other", ("wallet-screenshot.png", b"\x89PNG second screenshot")),
    ]:
        (folder / name).write_bytes(content)
        case = evidence.add_file(case, folder / name, paths, store, S.NOW)
        originals[case.evidence[-1].sha256] = content
    out = tmp_path / "out"
    out.mkdir(mode=0o755)
    os.chmod(out, 0o755)
    target = out / "case.zip"

    bundle = write_bundle(
        target, case, PDF, lambda item: evidence.read_file(case, item, paths, store), S.NOW
    )

    hashes = _zip_hashes(target)
    assert sorted(hashes) == sorted(
        [
            REPORT_NAME,
            "evidence/wallet-screenshot.png",
            "evidence/wallet-screenshot (2).png",
            "evidence/chat with fake support.txt",
            MANIFEST_JSON,
            MANIFEST_TXT,
        ]
    )
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read(MANIFEST_JSON))
        listed = archive.read(MANIFEST_TXT).decode("utf-8").splitlines()
        for entry in manifest["files"]:
            if entry["kind"] == "evidence":
                content = archive.read(entry["name"])
                assert content == originals[entry["recorded_sha256"]]  # decrypted originals
                assert entry["sha256"] == entry["recorded_sha256"] and entry["problem"] is None
        for info in archive.infolist():
            assert stat.S_IMODE(info.external_attr >> 16) == 0o600
    # Every hash in both manifests matches the file in the zip.
    for entry in manifest["files"]:
        assert hashes[entry["name"]] == entry["sha256"]
    assert {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in listed} == {
        name: digest for name, digest in hashes.items() if name != MANIFEST_TXT
    }
    assert manifest["case_id"] == case.id and manifest["missing"] == []
    assert bundle.problems == 0 and len(bundle.entries) == 5
    # Private, atomic, and the user's folder keeps its own permissions.
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert [p.name for p in out.iterdir()] == ["case.zip"]
    store.close()


def test_bundle_reports_missing_and_changed_files(tmp_path: Path) -> None:
    case = S.with_evidence_records(S.sample_case())
    first, second = case.evidence

    def read(item: EvidenceFile) -> bytes:
        if item is first:
            raise FileNotFoundError(item.stored_name)
        return b"not what was recorded"

    bundle = write_bundle(tmp_path / "b.zip", case, PDF, read, S.NOW)
    assert [(m.original_name, m.problem) for m in bundle.missing] == [
        (first.original_name, "missing")
    ]
    changed = [e for e in bundle.entries if e.kind == "evidence"]
    assert [(e.original_name, e.problem) for e in changed] == [(second.original_name, "changed")]
    assert bundle.problems == 2
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        manifest = json.loads(archive.read(MANIFEST_JSON))
    assert manifest["missing"][0]["recorded_sha256"] == first.sha256


def test_an_existing_file_is_kept_unless_replacing(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"mine")
    with pytest.raises(FileExistsError):
        write_file_private(target, PDF, replace=False)
    assert target.read_bytes() == b"mine"
    write_file_private(target, PDF)
    assert target.read_bytes() == PDF and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "broken.zip"
    with pytest.raises(RuntimeError), write_stream_private(target) as handle:
        handle.write(b"half")
        raise RuntimeError("disk full")
    assert list(tmp_path.iterdir()) == []
    assert not any(TEMP_MARKER in p.name for p in tmp_path.iterdir())


def test_the_readme_tells_the_recipient_what_this_is_in_both_languages(tmp_path: Path) -> None:
    from desktop.i18n import catalog

    en, zh = catalog("en").gettext, catalog("zh_CN").gettext
    case = S.with_evidence_records(S.sample_case())
    note = bundle_readme([zh, en], case.id, S.NOW)
    target = tmp_path / "case.zip"
    bundle = write_bundle(
        target, case, PDF, lambda item: S.EVIDENCE[item.original_name], S.NOW, readme=note
    )
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist()[0] == README_NAME
        text = archive.read(README_NAME).decode("utf-8")
        listed = archive.read(MANIFEST_TXT).decode("utf-8").splitlines()
        manifest = json.loads(archive.read(MANIFEST_JSON))
        infos = archive.infolist()
    assert text == note and text.startswith(
        zh("Wallet Checkup — case bundle {case}").format(case=case.id)
    )
    for translate in (en, zh):  # what this is, no secrets, how to check, in each language
        for part in (
            "What this is",
            "Nothing in it is a secret",
            "How to check that no file was changed",
        ):
            assert translate(part) in text
        assert translate(part) != part or translate is en
    for command in (
        "sha256sum -c MANIFEST.txt",
        "shasum -a 256 -c MANIFEST.txt",
        "certutil -hashfile incident-report.pdf SHA256",
        "Get-FileHash",
    ):
        assert command in text
    assert "\r\n" in text  # Notepad shows the lines
    assert find_secrets(text) == []
    # README.txt is a file of the bundle like the others: listed, hashed, private.
    hashes = _zip_hashes(target)
    assert f"{hashes[README_NAME]}  {README_NAME}" in listed
    assert {e["name"]: e["sha256"] for e in manifest["files"]}[README_NAME] == hashes[README_NAME]
    assert [e.kind for e in bundle.entries][:2] == ["readme", "report"]
    assert all(stat.S_IMODE(info.external_attr >> 16) == 0o600 for info in infos)


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_a_special_file_is_never_replaced(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "report.pdf"
    other = tmp_path / "other.txt"
    other.write_text("keep")
    if kind == "symlink":
        target.symlink_to(other)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(NotARegularFile):
        write_file_private(target, PDF)
    assert other.read_text() == "keep"
    assert not [p for p in tmp_path.iterdir() if TEMP_MARKER in p.name]
    refuse_special_file(tmp_path / "new.pdf")  # nothing there: fine
    refuse_special_file(other)  # a regular file: fine


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs coreutils' sha256sum")
def test_the_readme_command_really_checks_the_unpacked_bundle(tmp_path: Path) -> None:
    """What README.txt tells the recipient to run: ``sha256sum -c MANIFEST.txt``."""
    from desktop.i18n import catalog

    case = S.with_evidence_records(S.sample_case())
    note = bundle_readme([catalog("en").gettext], case.id, S.NOW)
    target = tmp_path / "case.zip"
    write_bundle(target, case, PDF, lambda item: S.EVIDENCE[item.original_name], S.NOW, readme=note)
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(target) as archive:
        archive.extractall(unpacked)
    ok = subprocess.run(
        ["sha256sum", "-c", MANIFEST_TXT], cwd=unpacked, capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert f"{README_NAME}: OK" in ok.stdout and f"{REPORT_NAME}: OK" in ok.stdout
    (unpacked / REPORT_NAME).write_bytes(PDF + b"changed")
    changed = subprocess.run(
        ["sha256sum", "-c", MANIFEST_TXT], cwd=unpacked, capture_output=True, text=True, check=False
    )
    assert changed.returncode != 0 and f"{REPORT_NAME}: FAILED" in changed.stdout
