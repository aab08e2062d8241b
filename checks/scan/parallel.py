"""Check files in worker processes: the first pass is pure CPU work, and Python
runs it on one core per process.

The caller hands in the check of one file (:func:`checks.scan.files.check_entry`)
and the weight of each file; this module only shares them out.  Files go out
in batches of about :data:`BATCH_BYTES`, at most two batches per worker in
flight, so a pause stops handing out work at once and a cancel leaves at most
those batches (a fraction of a second of work) to finish in the background.
If a worker process dies or cannot start, the rest is checked here, in this
process: slower, never lost.  Workers start with "spawn" (safe from a thread
of a Qt application, the only way on Windows and macOS; each loads the
wordlists once), or "fork" on Linux from the command line (see
:func:`worker_context`).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from checks.scan.control import Control
from checks.scan.seeds import warm_up
from checks.scan.walk import FileEntry

Outcome = TypeVar("Outcome")  # what checking one file gives
BATCH_BYTES = 2 << 20
BATCH_FILES = 64


def check_in_processes(
    entries: list[FileEntry],
    check: Callable[[FileEntry, Control], Outcome],
    size_of: Callable[[FileEntry], int],
    control: Control,
    workers: int,
    gentle: bool = False,
) -> Iterator[tuple[FileEntry, Outcome]]:
    """(entry, ``check(entry, …)``) for every entry, in batch order; ``size_of``
    weighs the batches.  ``check`` reaches the workers by name, so it is a
    module-level function.

    ``gentle`` lowers the workers' priority, so that the window (and whatever
    else the person is doing) keeps the processor first.
    """
    batches = deque(_batches(entries, size_of))
    pending: deque[tuple[list[FileEntry], Future[list[Outcome]]]] = deque()
    try:
        initializer = lower_priority if gentle else None
        executor = ProcessPoolExecutor(
            workers, mp_context=worker_context(), initializer=initializer
        )
    except (OSError, ValueError, NotImplementedError):
        executor = None
    try:
        while executor is not None and (batches or pending):
            control.checkpoint()
            while batches and len(pending) < 2 * workers and not control.paused:
                batch = batches.popleft()
                pending.append((batch, executor.submit(_check_batch, check, batch)))
            if not pending:
                continue  # paused with nothing in flight: the checkpoint waits
            batch, future = pending[0]
            try:
                outcomes = future.result(timeout=0.1)
            except FutureTimeout:
                continue
            except BrokenProcessPool:  # a worker died: finish in this process
                batches.extendleft(reversed([b for b, _future in pending]))
                pending.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = None
                break
            pending.popleft()
            yield from zip(batch, outcomes, strict=True)
        for batch in batches:  # only when the workers could not be used
            for entry in batch:
                control.checkpoint()
                yield entry, check(entry, control)
    finally:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


def worker_context() -> multiprocessing.context.BaseContext:
    """The "fork" context on Linux when Qt is not loaded (the command line): workers
    start at once and share the wordlists built here; "spawn" anywhere else."""
    if sys.platform.startswith("linux") and "PySide6.QtCore" not in sys.modules:
        warm_up()
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def lower_priority() -> None:
    """Run by each worker as it starts, so that the window keeps the processor first."""
    try:
        if hasattr(os, "nice"):
            os.nice(10)
        else:
            import psutil  # Windows only: it has no os.nice

            psutil.Process().nice(psutil.BELOW_NORMAL_PRIORITY_CLASS)
    except (OSError, ImportError, AttributeError):
        pass


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


def _check_batch(
    check: Callable[[FileEntry, Control], Outcome], batch: list[FileEntry]
) -> list[Outcome]:
    control = Control()
    return [check(entry, control) for entry in batch]
