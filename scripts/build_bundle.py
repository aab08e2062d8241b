"""Build the stand-alone program with PyInstaller, then smoke-test it.

    python scripts/build_bundle.py               # dist/wallet-checkup/ (one folder)
    python scripts/build_bundle.py --onefile     # dist/onefile/wallet-checkup[.exe]
    python scripts/build_bundle.py --skip-build  # only test what is in dist/ already
    python scripts/build_bundle.py --no-prune    # keep every Qt plugin (to compare sizes)

Needs the build extra: ``pip install -e '.[build]'``. Every check runs the
bundle with its own empty WALLET_CHECKUP_HOME, offscreen, with a time
limit. Exit status 0 only when nothing failed; checks that cannot run on
this machine say "skipped" and why. See docs/BUILDING.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _folder in (ROOT, ROOT / "packaging"):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

import bundle_rules  # noqa: E402  (packaging/bundle_rules.py)
import icu_data  # noqa: E402  (packaging/icu_data.py)

from checks import APP_NAME, __version__  # noqa: E402

LINUX_BUDGET_MB = 160  # the one-folder bundle on Linux, in 10^6 bytes
CONTENTS = "_internal"  # PyInstaller's contents folder in a one-folder build
# Files the program reads at run time; any missing one is a broken bundle.
REQUIRED_FILES = (
    "mnemonic/wordlist/english.txt",
    "mnemonic/wordlist/chinese_simplified.txt",
    "publicsuffixlist/public_suffix_list.dat",
    "keyring-*.dist-info/entry_points.txt",
    "PySide6/*translations/qtbase_zh_CN.qm",
)
REQUIRED_MODULES = (
    "resources",
    "keyring.backends.SecretService",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "secretstorage",
    "jeepney.io.blocking",
    "zxcvbn.frequency_lists",
    "mnemonic",
    "publicsuffixlist",
)
# Qt pieces the spec leaves out (in a pruned build they must be gone).
FORBIDDEN_FILES = (
    "*qgtk3*",
    "*Qt6Quick*",
    "*Qt6Qml*",
    "*Qt6Pdf*",
    "*qtvirtualkeyboard*",
    "*/tls/*",  # QtNetwork stays for its local socket (desktop.instance), not its TLS
    "*imageformats/*qjpeg*",
    "*imageformats/*qwebp*",
    "*imageformats/*qtiff*",
)


@dataclass
class Report:
    results: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, name: str, status: str, detail: str = "") -> None:
        self.results.append((name, status, detail))
        print(f"  [{status.upper():7}] {name}{': ' + detail if detail else ''}", flush=True)

    @property
    def failed(self) -> bool:
        return any(status == "fail" for _, status, _ in self.results)


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)"


def tree_size(path: Path) -> int:
    """Bytes of all files under ``path`` (symbolic links count as links)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def build(onefile: bool, prune: bool, distpath: Path) -> float:
    env = dict(os.environ)
    env["WALLET_CHECKUP_ONEFILE"] = "1" if onefile else "0"
    env["WALLET_CHECKUP_NO_PRUNE"] = "0" if prune else "1"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--distpath", str(distpath), "--workpath", str(ROOT / "build"), "build.spec"]
    print("$ " + " ".join(command), flush=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(f"build_bundle: PyInstaller failed (exit {result.returncode})")
    return time.monotonic() - started


def locate(onefile: bool, distpath: Path) -> tuple[Path, Path | None]:
    """(the program to run, the one-folder directory or None for onefile)."""
    exe_name = APP_NAME + (".exe" if sys.platform == "win32" else "")
    if onefile:
        return distpath / exe_name, None
    folder = distpath / APP_NAME
    app = distpath / f"{bundle_rules.DISPLAY_NAME}.app" / "Contents" / "MacOS" / APP_NAME
    return (app if sys.platform == "darwin" and app.exists() else folder / exe_name), folder


def bundle_names(exe: Path, folder: Path | None) -> tuple[set[str], set[str]]:
    """(file names in the bundle relative to its contents folder, frozen module names)."""
    from PyInstaller.archive.readers import PKG_ITEM_PYZ, CArchiveReader

    archive = CArchiveReader(str(exe))
    modules: set[str] = set()
    files: set[str] = set()
    for name, entry in archive.toc.items():
        if entry[-1] == PKG_ITEM_PYZ:  # the archive of Python modules
            modules.update(archive.open_embedded_archive(name).toc)
        else:
            files.add(name.replace("\\", "/"))
    if folder is not None:
        contents = folder / CONTENTS
        files |= {p.relative_to(contents).as_posix() for p in contents.rglob("*")}
    return files, modules


def check_contents(report: Report, exe: Path, folder: Path | None, pruned: bool) -> None:
    try:
        files, modules = bundle_names(exe, folder)
    except Exception as exc:  # not a PyInstaller executable, or no PyInstaller here
        report.add("bundle contents", "fail", f"cannot read the archive: {exc}")
        return
    wanted = [f"{dest}/{Path(src).name}" for src, dest in bundle_rules.resource_datas(ROOT)]
    missing = [name for name in wanted if name not in files]
    missing += [pat for pat in REQUIRED_FILES if not any(fnmatch(f, pat) for f in files)]
    missing += [name for name in REQUIRED_MODULES if name not in modules]
    if missing:
        report.add("bundle contents", "fail", "missing " + ", ".join(missing))
    else:
        report.add(
            "bundle contents",
            "ok",
            f"{len(wanted)} resource files, wordlists, keyring backends and entry points, "
            "qtbase_zh_CN.qm",
        )
    if pruned:
        extra = sorted(f for f in files if any(fnmatch(f, pat) for pat in FORBIDDEN_FILES))
        if extra:
            report.add("pruned", "fail", "still bundled: " + ", ".join(extra[:8]))
        else:
            report.add(
                "pruned",
                "ok",
                "no GTK theme, Quick/QML, Pdf, TLS, virtual keyboard, unread image formats",
            )


def check_linked_libraries(report: Report, folder: Path) -> None:
    """Linux: every library a bundled binary links must be in the bundle or the system."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        report.add("linked libraries", "skipped", "Linux with ldd only")
        return
    contents = folder / CONTENTS
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = f"{contents}:{contents / 'PySide6' / 'Qt' / 'lib'}"
    missing: dict[str, set[str]] = {}
    for path in contents.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "=> not found" in line:
                lib = line.split("=>")[0].strip()
                missing.setdefault(lib, set()).add(path.name)
    ours = sorted(lib for lib in missing if lib.startswith(("libQt6", "libpyside6", "libshiboken")))
    if ours:
        report.add("linked libraries", "fail", "Qt libraries missing: " + ", ".join(ours))
    elif missing:
        report.add(
            "linked libraries",
            "warn",
            "not on this build machine, so not bundled (users need them installed): "
            + ", ".join(sorted(missing)),
        )
    else:
        report.add("linked libraries", "ok", "all resolved")


def check_icu(report: Report, folder: Path, pruned: bool) -> None:
    """Linux: Qt asks the bundle's (trimmed) ICU data and gets the wheel's answers."""
    library = folder / CONTENTS / "PySide6" / "Qt" / "lib"
    if not sys.platform.startswith("linux") or not any(library.glob("libicudata.so.*")):
        report.add("ICU data", "skipped", "Linux one-folder builds only")
        return
    ok, detail = icu_data.compare_with(library, sys.executable)
    sizes = ", ".join(f"{p.name} {mb(p.stat().st_size)}" for p in library.glob("libicudata.so.*"))
    report.add("ICU data", "ok" if ok else "fail", f"{sizes}; {detail}")
    if pruned and any(p.stat().st_size > 20e6 for p in library.glob("libicudata.so.*")):
        report.add("ICU data trimmed", "fail", "libicudata still holds every locale")


def run_bundle(
    exe: Path, args: Sequence[str], timeout: float, scratch: Path, prefix: Sequence[str] = ()
) -> tuple[subprocess.CompletedProcess[str] | None, float, Path]:
    home = Path(tempfile.mkdtemp(prefix="home-", dir=scratch))
    env = dict(os.environ)
    env.update({"WALLET_CHECKUP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"})
    started = time.monotonic()
    try:
        result = subprocess.run(
            [*prefix, str(exe), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - started, home
    return result, time.monotonic() - started, home


Judge = Callable[[subprocess.CompletedProcess[str]], tuple[str, str]]


def smoke(report: Report, exe: Path, timeout: float, scratch: Path) -> None:
    def step(name: str, args: Sequence[str], judge: Judge) -> None:
        result, seconds, _home = run_bundle(exe, args, timeout, scratch)
        if result is None:
            report.add(name, "fail", f"no answer within {timeout:.0f} s")
            return
        status, detail = judge(result)
        if status == "fail" and result.stderr.strip():
            detail += f" — stderr: {result.stderr.strip()[-300:]}"
        report.add(name, status, f"{detail} ({seconds:.2f} s)")

    def exit_zero(result: subprocess.CompletedProcess[str]) -> tuple[str, str]:
        return ("ok", "exit 0") if result.returncode == 0 else ("fail", f"exit {result.returncode}")

    def version(result: subprocess.CompletedProcess[str]) -> tuple[str, str]:
        expected = f"{APP_NAME} {__version__}"
        if result.returncode == 0 and result.stdout.strip() == expected:
            return "ok", expected
        return "fail", f"exit {result.returncode}, printed {result.stdout.strip()!r}"

    def link(result: subprocess.CompletedProcess[str]) -> tuple[str, str]:
        try:
            answer = json.loads(result.stdout)
        except ValueError:
            return "fail", f"exit {result.returncode}, not JSON: {result.stdout.strip()[:200]!r}"
        if (
            result.returncode == 0
            and answer.get("verdict") == "official"
            and answer.get("wallet") == "imtoken"
        ):
            return "ok", "official, imtoken"
        return "fail", f"exit {result.returncode}, {answer}"

    step("--version", ["--version"], version)
    for lang in ("en", "zh_CN"):
        step(f"first paint ({lang})", ["--exit-after-first-paint", "--lang", lang], exit_zero)
    step("check-link token.im --json", ["check-link", "token.im", "--json"], link)
    for lang in ("en", "zh_CN"):
        pdf = scratch / f"kit-{lang}.pdf"
        args = ["print", "recovery-kit", "-o", str(pdf), "--lang", lang]
        step(f"print recovery-kit ({lang})", args, pdf_judge(pdf, lang))


def pdf_judge(pdf: Path, lang: str) -> Judge:
    return lambda result: judge_pdf(result, pdf, lang)


def judge_pdf(result: subprocess.CompletedProcess[str], pdf: Path, lang: str) -> tuple[str, str]:
    if result.returncode != 0:
        return "fail", f"exit {result.returncode}"
    if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
        return "fail", f"exit 0 but {pdf.name} is not a PDF"
    try:
        from pypdf import PdfReader
    except ImportError:
        return "ok", f"{pdf.stat().st_size} bytes (pypdf not installed: text not read)"
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(pdf).pages))
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not text.strip() or (lang == "zh_CN" and han < 10):
        return "fail", f"{pdf.name}: {len(text)} characters of text, {han} Chinese"
    return "ok", f"{pdf.stat().st_size} bytes, {len(text)} characters of text, {han} Chinese"


def check_strace(report: Report, exe: Path, timeout: float, scratch: Path) -> None:
    """Linux: Qt's Chinese translation loads from the bundle; no internet socket opens."""
    if not sys.platform.startswith("linux") or not shutil.which("strace"):
        report.add("strace (translation, no network)", "skipped", "Linux with strace only")
        return
    log = scratch / "strace.txt"
    prefix = ["strace", "-f", "-qq", "-e", "trace=openat,socket,connect", "-o", str(log)]
    args = ["--exit-after-first-paint", "--lang", "zh_CN"]
    result, _seconds, _home = run_bundle(exe, args, timeout, scratch, prefix)
    if result is None or result.returncode != 0 or not log.exists():
        report.add("strace (translation, no network)", "fail", "the traced run did not finish")
        return
    trace = log.read_text(errors="replace").splitlines()
    qm = [line for line in trace if "qtbase_zh_CN.qm" in line and "ENOENT" not in line]
    # A one-file build unpacks itself into a temporary _MEIxxxxxx folder first.
    inside = [line for line in qm if str(exe.parent) in line or "/_MEI" in line]
    inet = [line for line in trace if "socket(AF_INET" in line or "sin_port" in line]
    if not inside:
        report.add("Qt translation", "fail", "qtbase_zh_CN.qm was not opened from the bundle")
    else:
        report.add("Qt translation", "ok", "qtbase_zh_CN.qm opened from the bundle")
    if inet:
        report.add("no network", "fail", inet[0][:200])
    else:
        report.add("no network", "ok", "no internet socket during start-up")


def check_keyring(report: Report, exe: Path, timeout: float, scratch: Path) -> None:
    """Linux: the bundled keyring finds the Secret Service and stores the data key."""
    tools = ("dbus-run-session", "gnome-keyring-daemon")
    if not sys.platform.startswith("linux") or not all(shutil.which(t) for t in tools):
        report.add("keyring (Secret Service)", "skipped", "needs " + " and ".join(tools))
        return
    home = Path(tempfile.mkdtemp(prefix="keyring-home-", dir=scratch))  # mode 0700
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_"))}
    env.update({"HOME": str(home), "XDG_DATA_HOME": str(home / "data")})
    command = ["dbus-run-session", "--", sys.executable, __file__, "--keyring-probe", str(exe)]
    try:
        result = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=timeout + 30, check=False
        )
    except subprocess.TimeoutExpired:
        report.add("keyring (Secret Service)", "fail", "no answer")
        return
    lines = [line for line in result.stdout.splitlines() if line.startswith("KEYRING ")]
    verdict = lines[-1] if lines else f"KEYRING no result (exit {result.returncode})"
    ok = verdict.startswith("KEYRING ok")
    report.add("keyring (Secret Service)", "ok" if ok else "fail", verdict[len("KEYRING ") :])


def keyring_probe(exe: Path, timeout: float) -> int:
    """Inside a private D-Bus session: unlock a keyring, start the app, wait for its key."""
    from checks.paths import Paths
    from checks.storage import folder_id, keystore

    def read_key() -> keystore.KeyringResult:
        """The key of the app's data folder (its own keyring entry, named by its id)."""
        own = folder_id.read(Paths(data))
        return keystore.read_key(None, keystore.entry_for(own or "none-yet"))

    subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
        input=b"smoke-test-keyring",
        stdout=subprocess.DEVNULL,  # the daemon forks and keeps any pipe open
        stderr=subprocess.DEVNULL,
        check=False,
    )
    data = Path(os.environ["HOME"]) / "app-data"  # the throw-away HOME check_keyring made
    env = {**os.environ, "WALLET_CHECKUP_HOME": str(data), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [str(exe), "--lang", "en"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + timeout
    found = None
    try:
        while time.monotonic() < deadline and app.poll() is None:
            result = read_key()
            if result.key is not None:
                found = result
                break
            time.sleep(0.5)
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
    if found is None:
        print(f"KEYRING the app stored no key (state {read_key().state.value})")
        return 1
    print("KEYRING ok: the bundled app stored its data key in the Secret Service keyring")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--onefile", action="store_true", help="one file instead of a folder")
    parser.add_argument("--skip-build", action="store_true", help="test the existing bundle")
    parser.add_argument("--no-prune", action="store_true", help="keep every Qt plugin")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run (60)")
    parser.add_argument("--keyring-probe", metavar="EXE", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.keyring_probe:
        return keyring_probe(Path(args.keyring_probe), args.timeout)

    distpath = ROOT / "dist" / ("onefile" if args.onefile else "")
    seconds = None
    if not args.skip_build:
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            print("build_bundle: PyInstaller is missing: pip install -e '.[build]'")
            return 1
        seconds = build(args.onefile, not args.no_prune, distpath)
    exe, folder = locate(args.onefile, distpath)
    if not exe.is_file():
        print(f"build_bundle: {exe} does not exist (build first, without --skip-build)")
        return 1

    report = Report()
    print(f"\nSmoke test of {exe}")
    bundle = folder if folder is not None else exe
    size = tree_size(bundle)
    if seconds is not None:
        report.add("build time", "ok", f"{seconds:.0f} s")
    over = (
        sys.platform.startswith("linux")
        and folder is not None
        and not args.no_prune
        and size > LINUX_BUDGET_MB * 10**6
    )
    budget = f" (budget {LINUX_BUDGET_MB} MB)" if folder is not None else ""
    report.add("size", "fail" if over else "ok", f"{bundle.name}: {mb(size)}{budget}")
    check_contents(report, exe, folder, pruned=not args.no_prune)
    if folder is not None:
        check_linked_libraries(report, folder)
        check_icu(report, folder, pruned=not args.no_prune)
    with tempfile.TemporaryDirectory(prefix="wallet-checkup-smoke-") as scratch:
        smoke(report, exe, args.timeout, Path(scratch))
        check_strace(report, exe, args.timeout, Path(scratch))
        check_keyring(report, exe, args.timeout, Path(scratch))

    if report.failed:
        print("\nbuild_bundle: FAILED — see the lines marked FAIL above")
        return 1
    print("\nbuild_bundle: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
