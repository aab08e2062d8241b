"""The real thing: a Secret Service keyring (gnome-keyring) on a private D-Bus.

Each case runs in a child process under its own ``dbus-run-session``, so it
never touches the developer's keyring. Skipped only when the tools are
missing; CI sets WALLET_CHECKUP_REQUIRE_KEYRING=1 and installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.security

TOOLS = ("dbus-run-session", "gnome-keyring-daemon")
if not all(shutil.which(tool) for tool in TOOLS):
    if os.environ.get("WALLET_CHECKUP_REQUIRE_KEYRING") == "1":
        pytest.fail("dbus-run-session and gnome-keyring-daemon are required here", pytrace=False)
    pytest.skip("no dbus-run-session / gnome-keyring-daemon", allow_module_level=True)

ROUND_TRIP = textwrap.dedent(
    """
    import sys, tempfile
    from pathlib import Path
    from keyring.backends import SecretService
    from checks.storage import folder_id, keystore
    from checks.storage import store
    from checks.paths import Paths
    backend = SecretService.Keyring()
    home = Paths(Path(tempfile.mkdtemp()))
    first = store.open_store(home, backend)
    assert first.store is not None and first.key_created, first
    first.store.save_case("c1", store.utc_now(), "open", {"note": "kept"}, store.utc_now())
    first.store.close()
    again = store.open_store(home, backend)
    assert again.store is not None and not again.key_created, again
    assert again.store.load_case("c1") == {"note": "kept"}
    again.store.close()
    entry = keystore.entry_for(folder_id.read(home))
    assert keystore.delete_key(backend, entry).state.value == "available"
    assert keystore.read_key(backend, entry).key is None
    print("ROUND TRIP OK")
    """
)

STATE = textwrap.dedent(
    """
    from keyring.backends import SecretService
    from checks.storage import keystore
    print("STATE", keystore.read_key(SecretService.Keyring(), "probe").state.value)
    """
)


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")
    }
    env.update(extra)
    return env


def in_private_session(
    daemon: str, code: str, home: str, timeout: float = 90
) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with its own D-Bus and its own keyring files under ``home``."""
    script = f'{daemon} >/dev/null 2>&1; exec "$0" -c "$1"'
    return subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script, sys.executable, code],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=clean_env(HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_RUNTIME_DIR=home),
    )


def test_real_secret_service_round_trip(tmp_path) -> None:
    result = in_private_session(
        "echo -n test-password | gnome-keyring-daemon --unlock --components=secrets",
        ROUND_TRIP,
        str(tmp_path),
    )
    assert "ROUND TRIP OK" in result.stdout, result.stdout + result.stderr


def test_real_locked_collection_is_reported_as_locked(tmp_path) -> None:
    # A login keyring exists (made and unlocked once), then a new session
    # starts without unlocking it: the collection is locked, no one can type.
    made = in_private_session(
        "echo -n test-password | gnome-keyring-daemon --unlock --components=secrets",
        STATE,
        str(tmp_path),
    )
    assert "STATE available" in made.stdout, made.stdout + made.stderr
    result = in_private_session(
        "gnome-keyring-daemon --start --components=secrets", STATE, str(tmp_path)
    )
    assert "STATE locked" in result.stdout, result.stdout + result.stderr


def test_no_dbus_means_no_keyring() -> None:
    code = (
        "from checks.storage import keystore;"
        "print('STATE', keystore.read_key(None, 'probe').state.value)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=clean_env()
    )
    assert "STATE missing" in result.stdout, result.stdout + result.stderr
