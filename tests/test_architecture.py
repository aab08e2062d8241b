"""Shape rules from STYLE.md that code review alone would miss."""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import checks


def test_checks_never_imports_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(checks.__path__, "checks.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert len(modules) >= 10


def test_importing_checks_has_no_side_effects(tmp_path) -> None:
    code = (
        "import importlib, pkgutil, checks\n"
        "for m in pkgutil.walk_packages(checks.__path__, 'checks.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    env = {"WALLET_CHECKUP_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "home").exists()


# Loaded on first use, never before the window is on screen (DESIGN.md, "Start-up").
NOT_BEFORE_FIRST_PAINT = (
    "keyring", "zxcvbn", "pyotp", "cryptography", "mnemonic", "sqlite3", "hashlib",
    "PySide6.QtSvg", "PySide6.QtPrintSupport",
    "checks.storage.store", "checks.storage.database", "checks.storage.keystore",
    "checks.storage.crypto", "checks.secrets",
    "checks.checkup", "checks.panic", "checks.phishing", "checks.directory", "checks.scan",
    "checks.home", "checks.findings", "checks.i18n", "importlib.resources", "dataclasses",
    "datetime", "locale",
    "desktop.unlock", "desktop.ui.dialogs", "desktop.checkup.controller",
    "desktop.panic.controller", "desktop.settings_dialog", "desktop.ui.password_meter",
    "PySide6.QtNetwork", "desktop.instance_listener",
)  # fmt: skip


def test_first_paint_loads_only_the_home_screen(tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(' '.join(sorted(sys.modules))))\n"
        "from desktop.cli import main\n"
        "raise SystemExit(main(['--exit-after-first-paint']))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WALLET_CHECKUP_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "desktop.home_page" in loaded
    early = [
        m
        for m in loaded
        for name in NOT_BEFORE_FIRST_PAINT
        if m == name or m.startswith(name + ".")
    ]
    assert early == []


def test_the_lighter_pyside_import_hook_answers_as_pysides_own(monkeypatch) -> None:
    """desktop.cli.lighten_pyside_import_hook (bench/RESULTS.md) must not change
    which modules PySide6 counts as using it."""
    import importlib
    import json

    import PySide6.QtCore  # noqa: F401

    from desktop.cli import lighten_pyside_import_hook

    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)  # restored after
    original = feature._mod_uses_pyside
    lighten_pyside_import_hook()
    lighter = feature._mod_uses_pyside
    assert lighter is not original
    names = ["desktop.main_window", "desktop.ui.widgets", "desktop.home_page",
             "checks.storage.settings", "checks.paths", "desktop.cli", "PySide6.QtCore",
             "sys", "_datetime"]  # fmt: skip
    modules = [importlib.import_module(name) for name in names] + [json]
    answers = {m.__name__: (lighter(m), original(m)) for m in modules}
    assert all(new == old for new, old in answers.values()), answers
    assert answers["desktop.main_window"] == (True, True)
    assert answers["checks.storage.settings"] == (False, False)
    lighten_pyside_import_hook()  # a second call changes nothing
    assert feature._mod_uses_pyside is lighter


# -- imports: no cycles, and every import inside a function says why -----------------------

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("checks", "desktop")


def our_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(tree: ast.AST, module: str, is_package: bool, known: set[str]):
    """(imported module, import statement, inside a function?) for each of our modules
    an import names — at module level, inside functions and under TYPE_CHECKING alike."""

    def ours(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    def walk(node: ast.AST, in_function: bool):
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield ours(alias.name), child, inside
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from the package this module is in
                    package = module.split(".")[: None if is_package else -1]
                    package = package[: len(package) - child.level + 1]
                    base = ".".join([*package, *([child.module] if child.module else [])])
                for alias in child.names:
                    submodule = f"{base}.{alias.name}"
                    yield (submodule if submodule in known else ours(base)), child, inside
            yield from walk(child, inside)

    for target, statement, inside in walk(tree, False):
        if target is not None and target != module:
            yield target, statement, inside


def import_graph() -> dict[str, set[str]]:
    modules = our_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for target, _statement, _inside in imports_of(
            tree, name, path.name == "__init__.py", set(modules)
        ):
            graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_round_a_loop() -> None:
    """Function-level and TYPE_CHECKING imports count: a cycle hidden in a function
    is still a cycle (issue 16)."""
    graph = import_graph()
    assert len(graph) > 100 and "desktop.panic.wizard" in graph["desktop.panic.controller"]
    assert cycles(graph) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    hidden = ast.parse("def f():\n    from desktop.ui import dialogs\n")
    known = {"desktop.ui", "desktop.ui.dialogs"}
    assert [(t, inside) for t, _s, inside in imports_of(hidden, "x", False, known)] == [
        ("desktop.ui.dialogs", True)
    ]


def why_said(lines: list[str], statement: ast.stmt) -> bool:
    """A comment on the import's lines, or in the group of imports (and comments)
    right above it, up to the code before."""
    if any("#" in line for line in lines[statement.lineno - 1 : statement.end_lineno]):
        return True
    for line in reversed(lines[: statement.lineno - 1]):
        text = line.strip()
        if text and not text.startswith(("#", "import ", "from ", ")")) and not text.endswith(","):
            return False
        if "#" in text:
            return True
    return False


def test_every_import_inside_a_function_says_why() -> None:
    """Importing at the top is the rule. An import waits inside a function only for
    start-up speed (NOT_BEFORE_FIRST_PAINT, a heavy library loaded on first use, a
    page that paints first), a worker thread or a platform; a comment says which."""
    silent = set()
    for path in our_modules().values():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for child in ast.walk(node):
                    if isinstance(child, (ast.Import, ast.ImportFrom)) and not why_said(
                        lines, child
                    ):
                        silent.add(f"{path.relative_to(ROOT)}:{child.lineno}")
    assert sorted(silent) == []


def test_an_import_without_a_reason_is_found() -> None:
    source = "def f():\n    x = 1\n    import json\n\n    # why\n    import csv\n    import re\n"
    lines = source.splitlines()
    found = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Import)]
    assert [why_said(lines, n) for n in found] == [False, True, True]


def test_property_tests_run_under_the_one_profile() -> None:
    from hypothesis import settings

    assert settings.get_current_profile_name() == "wallet-checkup"
    assert settings.default.deadline is None
