"""Check files in worker processes: the first pass is pure CPU work, and Python
runs it on one core per process.

Files go out in batches of about :data:`BATCH_BYTES`, at most two batches per
worker in flight, so a pause stops handing out work at once and a batch in
hand is done within a fraction of a second.  A cancel terminates the
workers.  The processes are started with "spawn" (safe from a thread of a
Qt application, and the only way on Windows and macOS); each loads the
wordlists once ("fork" on Linux from the command line: see :func:`_context`).
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

from checks.scan.control import Cancelled, Control
from checks.scan.walk import FileEntry

if TYPE_CHECKING:
    from checks.scan.files import Outcome

BATCH_BYTES = 2 << 20
BATCH_FILES = 64


def check_in_processes(
    entries: list[FileEntry], control: Control, workers: int
) -> Iterator[tuple[FileEntry, Outcome]]:
    """(entry, outcome) for every entry, in batch order."""
    from checks.scan.files import readable_size

    batches = _batches(entries, readable_size)
    pool = _context().Pool(workers)
    pending: list[tuple[list[FileEntry], AsyncResult[list[Outcome]]]] = []
    try:
        while batches or pending:
            control.checkpoint()
            while batches and len(pending) < 2 * workers and not control.paused:
                batch = batches.pop(0)
                pending.append((batch, pool.apply_async(_check_batch, (batch,))))
            if not pending:
                continue
            batch, outcome = pending[0]
            outcome.wait(0.1)
            if not outcome.ready():
                continue
            pending.pop(0)
            yield from zip(batch, outcome.get(), strict=True)
    except (Cancelled, GeneratorExit):
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _context() -> multiprocessing.context.BaseContext:
    """The "fork" context on Linux when Qt is not loaded (the command line): workers start at
    once and share the wordlists built here; "spawn" anywhere else."""
    if sys.platform.startswith("linux") and "PySide6.QtCore" not in sys.modules:
        from checks.scan.seeds import warm_up

        warm_up()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _batches(
    entries: list[FileEntry], size_of: Callable[[FileEntry], int]
) -> list[list[FileEntry]]:
    batches: list[list[FileEntry]] = [[]]
    weight = 0
    for entry in entries:
        if batches[-1] and (weight >= BATCH_BYTES or len(batches[-1]) >= BATCH_FILES):
            batches.append([])
            weight = 0
        batches[-1].append(entry)
        weight += size_of(entry)
    return [batch for batch in batches if batch]


def _check_batch(batch: list[FileEntry]) -> list[Outcome]:
    from checks.scan.files import check_entry

    control = Control()
    return [check_entry(entry, control) for entry in batch]
