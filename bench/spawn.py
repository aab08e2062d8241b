"""A tiny launcher that runs one program and reports its time and peak memory.

Why a launcher: on Linux a child's ``ru_maxrss`` starts from the resident
size of the process that forked it (the copied address space counts), so a
large parent — the benchmark, after building its data — would raise the
peak reported for a small child such as the bare window. This launcher is
a fresh, small Python process; what it starts is measured cleanly.

Usage: ``python -m bench.spawn RESULT.json TIMEOUT -- PROGRAM ARGS…``.
Writes ``{"seconds": …, "max_rss_kb": …, "code": …}`` to RESULT.json; the
program's output goes where the launcher's goes.
"""

import json
import os
import signal
import sys
import time


def main() -> int:
    result, timeout, separator, *command = sys.argv[1:]
    if separator != "--" or not command:
        print(__doc__, file=sys.stderr)
        return 2
    start = time.perf_counter()
    pid = os.posix_spawn(command[0], command, os.environ)
    signal.signal(signal.SIGALRM, lambda _signum, _frame: os.kill(pid, signal.SIGKILL))
    signal.setitimer(signal.ITIMER_REAL, float(timeout))
    while True:
        try:
            _pid, status, usage = os.wait4(pid, 0)
            break
        except InterruptedError:  # the alarm fired and killed it; collect it
            continue
    seconds = time.perf_counter() - start
    signal.setitimer(signal.ITIMER_REAL, 0)
    divisor = 1024 if sys.platform == "darwin" else 1  # macOS reports bytes
    with open(result, "w", encoding="utf-8") as out:
        json.dump(
            {
                "seconds": seconds,
                "max_rss_kb": usage.ru_maxrss / divisor,
                "code": os.waitstatus_to_exitcode(status),
            },
            out,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
