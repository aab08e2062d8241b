"""Two starts at the same moment on a new data folder (issue 15, item 2).

Two real processes open the real store on the same fresh folder at the same
instant, with a real Secret Service keyring (gnome-keyring on a private
D-Bus), each saves a case, and a third opening must find both cases, nothing
kept aside and one key. Measured before the lock: every one of 50 rounds
failed (a healthy database kept aside as "damaged" in each, a returned save
lost in each, two keys made in 35).
"""

from __future__ import annotations

import json
import textwrap

import pytest
from test_keyring_real import in_private_session

pytestmark = [pytest.mark.security, pytest.mark.slow]

ROUNDS = 60

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from keyring.backends import SecretService
    from checks.paths import Paths
    from checks.storage import store as data
    base, name, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    backend = SecretService.Keyring()
    for number in range(rounds):
        go, deadline = base / f"go{number}", time.monotonic() + 60
        while not go.exists():  # both start at the same instant
            if time.monotonic() > deadline:
                sys.exit("no go")
            time.sleep(0.0002)
        result = {"name": name}
        try:
            outcome = data.open_store(Paths(base / f"round{number}"), backend)
            result["kept"] = [k.reason for k in outcome.kept_aside]
            result["created"] = outcome.key_created
            if outcome.store is None:
                result["error"] = f"no store: {outcome.need}"
            else:
                now = data.utc_now()
                outcome.store.save_case(name, now, "open", {"who": name}, now)
                outcome.store.close()
        except Exception as exc:
            result["error"] = type(exc).__name__
        print(json.dumps(result), flush=True)
    """
)

DRIVER = textwrap.dedent(
    """
    import json, subprocess, sys, tempfile
    from pathlib import Path
    from keyring.backends import SecretService
    from checks.paths import Paths
    from checks.storage import store as data
    from checks.storage.erase import erase_all
    worker, rounds = sys.argv[1], int(sys.argv[2])
    backend = SecretService.Keyring()
    base = Path(tempfile.mkdtemp())
    workers = [
        subprocess.Popen([sys.executable, "-c", worker, str(base), name, str(rounds)],
                         stdout=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    problems = {}
    for number in range(rounds):
        (base / f"go{number}").touch()
        results = [json.loads(w.stdout.readline()) for w in workers]
        found = [("error " + r["error"]) for r in results if "error" in r]
        found += [("kept aside by a start: " + ",".join(r["kept"])) for r in results if r["kept"]]
        if sum(bool(r.get("created")) for r in results) > 1:
            found.append("two keys made")
        home = Paths(base / f"round{number}")
        try:
            final = data.open_store(home, backend)
            found += ["kept aside afterwards: " + k.reason for k in final.kept_aside]
            for r in results:
                if "error" not in r and final.store.load_case(r["name"]) != {"who": r["name"]}:
                    found.append("a returned save was lost")
            final.store.close()
        except Exception as exc:
            found.append("a returned save was unreadable: " + type(exc).__name__)
        erase_all(home, backend)
        for problem in found:
            problems[problem] = problems.get(problem, 0) + 1
    for w in workers:
        w.wait(60)
    print("RACE " + json.dumps({"rounds": rounds, "problems": problems}))
    """
)


def test_two_starts_at_once_on_a_new_folder_never_lose_or_split_data(tmp_path) -> None:
    code = f"import sys; sys.argv[1:] = [{WORKER!r}, '{ROUNDS}']\n" + DRIVER
    result = in_private_session(
        "echo -n test-password | gnome-keyring-daemon --unlock --components=secrets",
        code,
        str(tmp_path),
        timeout=300,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RACE ")]
    assert lines, result.stdout + result.stderr[-2000:]
    report = json.loads(lines[0][5:])
    assert report == {"rounds": ROUNDS, "problems": {}}
