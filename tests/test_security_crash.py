"""Promise: nothing lost — saved data survives a crash at any moment.

A writer process saves checkup runs, case updates and settings as fast as
it can and is killed with SIGKILL at a random moment, hundreds of times.
After every kill the database opens, passes ``PRAGMA integrity_check``,
decrypts, and holds at least everything the writer reported as saved;
leftover temporary files are cleaned when the app next opens its data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [pytest.mark.security, pytest.mark.skipif(os.name != "posix", reason="fork/SIGKILL")]

DRIVER = textwrap.dedent(
    r"""
    import base64, json, os, random, signal, sys, time
    from datetime import datetime, timezone
    from pathlib import Path
    from checks.storage import keystore
    from checks.storage import store as data
    from checks.files import TEMP_MARKER, write_private
    from checks.paths import Paths
    from checks.storage.database import Database

    root, rounds = Path(sys.argv[1]), int(sys.argv[2])
    random.seed(int(sys.argv[3]))
    paths = Paths(root)
    paths.ensure()
    key = os.urandom(32)
    now = datetime(2026, 11, 20, tzinfo=timezone.utc)
    db = Database.open(paths.database)
    data._claim(db, key, data.KeySource.KEYRING)
    db.close()
    report = {"rounds": 0, "temp_left": 0, "max_case": 0}
    for round_number in range(rounds):
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(reader)
            store = data.Store(Database.open(paths.database), key, data.KeySource.KEYRING)
            n = report["max_case"]
            while True:
                n += 1
                store.add_checkup_run(now, n % 101, 0, {"n": n})
                store.save_case("case", now, "open", {"n": n, "pad": "x" * 4000}, now)
                write_private(paths.settings, json.dumps({"n": n, "pad": "y" * 8000}).encode())
                os.write(writer, f"{n}\n".encode())
        os.close(writer)
        time.sleep(random.uniform(0.0, 0.025))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = os.read(reader, 1 << 20).decode().split()
        os.close(reader)
        reported = int(lines[-1]) if lines else report["max_case"]
        db = Database.open(paths.database)  # raises if damaged
        assert db.query_one("PRAGMA integrity_check") == ("ok",)
        store = data.Store(db, key, data.KeySource.KEYRING)
        case = store.load_case("case") or {"n": 0}
        assert case["n"] >= reported, (case["n"], reported)
        runs = store.list_checkup_runs()
        newest = max((store.load_checkup_run(r.id)["n"] for r in runs[:3]), default=0)
        assert newest >= reported, (newest, reported)
        if paths.settings.exists():
            json.loads(paths.settings.read_text())  # never half-written
        report["max_case"] = case["n"]
        store.close()
        report["rounds"] += 1
    report["temp_left"] = len(list(root.rglob(f"*{TEMP_MARKER}*")))

    class Fixed:
        def get_password(self, service, username):
            return base64.b64encode(key).decode()
    outcome = data.open_store(paths, Fixed())
    assert outcome.store is not None and outcome.kept_aside == [], outcome
    report["temp_after_open"] = len(list(root.rglob(f"*{TEMP_MARKER}*")))
    print(json.dumps(report))
    """
)


def test_sigkill_at_random_moments_never_loses_committed_data(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(tmp_path / "data"), "300", "20261122"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["rounds"] == 300
    assert report["max_case"] > 0  # the writer really wrote
    assert report["temp_left"] > 0  # some kills did land inside a file write …
    assert report["temp_after_open"] == 0  # … and the leftovers are cleaned at the next start
