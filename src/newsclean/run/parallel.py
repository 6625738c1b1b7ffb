"""An ordered, bounded, crash-proof map over worker processes: how ``newsclean run --jobs N`` uses
every core.

Processes rather than threads: trafilatura and lxml hold the GIL and are not thread-safe. Work
goes out in batches (fewer round trips), at most a few batches per worker are in flight (memory
stays bounded however long the input stream is), and results come back in input order (the output
does not depend on ``N``). If a worker process dies — a crash in a C extension, the kernel's OOM
killer — the batch it held is redone one item at a time in a fresh pool, and an item that kills
its worker again is handed to ``on_crash`` instead of taking the run down. Workers that die before
they can take any work (a script that starts a run without the ``if __name__ == "__main__":``
guard, an initializer that fails) are told apart from a crashing item: a pool started after a
worker died must first start a worker that answers, and when it cannot,
:class:`WorkersUnavailable` is raised instead of every input being reported as a crash.

Workers end with the process that started them, however it ends (``kill -9`` included): each
holds the reading end of a pipe whose only writing end is in that process, and a thread in the
worker exits it as soon as the pipe reports end-of-file; on Linux the kernel also kills a worker
whose parent, the fork server, ends (``PR_SET_PDEATHSIG``). The fork server itself exits once
no process that it served is left (it watches a pipe they all hold).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Batches in flight per worker: enough to keep every worker busy while results are written.
_IN_FLIGHT_PER_WORKER = 3


class WorkersUnavailable(RuntimeError):
    """Worker processes could not be started, or died before they could take any work."""


def _ready() -> bool:
    """A worker's answer to the question whether it started."""
    return True


#: prctl(2) option: the signal a process gets when its parent ends (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def _start_worker(
    watch: Connection, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]
) -> None:
    """Every worker's initializer: end with the run (see the module docstring), then the
    caller's ``initializer``."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no C library to ask: the pipe is enough
            pass
    threading.Thread(target=_exit_with_run, args=(watch,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _exit_with_run(watch: Connection) -> None:
    """Wait for the pipe from the run's process to close, then end this worker at once."""
    try:
        watch.recv_bytes()  # nothing is ever sent: this returns when the run's process ends
    except (EOFError, OSError):
        pass
    os._exit(1)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the OS reports one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _context() -> Any:
    # forkserver: workers start from a clean single-threaded server process, so a thread in the
    # parent (a progress bar, the pool's own manager) cannot leave a lock held in a child.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def ordered_map(
    work: Callable[[list[T]], list[R]],
    batches: Iterable[list[T]],
    jobs: int,
    *,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    on_crash: Callable[[T], R],
) -> Iterator[list[R]]:
    """``work(batch)`` for every batch, computed in ``jobs`` processes, yielded in input order.

    ``work`` and ``initializer`` must be importable module-level functions;
    ``initializer(*initargs)`` runs once in each worker process."""

    # Workers watch ``watch``; ``alive``, its other end, is never sent and closes with this
    # process (or when the map ends, after its workers).
    watch, alive = multiprocessing.Pipe(duplex=False)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(watch, initializer, initargs),
        )

    def new_working_pool() -> ProcessPoolExecutor:
        """A fresh pool after a worker died, once one of its workers has started and answered:
        if none can, no item is to blame."""
        fresh = new_pool()
        try:
            fresh.submit(_ready).result()
        except BrokenProcessPool as exc:
            fresh.shutdown(wait=True, cancel_futures=True)
            raise WorkersUnavailable(
                "worker processes die as they start, before cleaning anything. In a script, start"
                ' the run under `if __name__ == "__main__":` (worker processes import the main'
                " module again); otherwise run with one job (--jobs 1)."
            ) from exc
        return fresh

    def submit(batch: list[T]) -> Future[list[R]]:
        try:
            return pool.submit(work, batch)
        except BrokenProcessPool as exc:  # a worker died since the last result was read
            failed: Future[list[R]] = Future()
            failed.set_exception(exc)
            return failed

    pool = new_pool()
    source = iter(batches)
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    window = jobs * _IN_FLIGHT_PER_WORKER
    try:
        while True:
            while len(pending) < window:
                batch = next(source, None)
                if batch is None:
                    break
                pending.append((batch, submit(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                yield future.result()
                continue
            except BrokenProcessPool:
                pass
            # A worker died, and with it every batch in flight. Redo this batch item by item to
            # find the item that kills workers, then send the others out again.
            pool.shutdown(wait=True, cancel_futures=True)
            pool = new_working_pool()
            results: list[R] = []
            for item in batch:
                try:
                    results.extend(submit([item]).result())
                except BrokenProcessPool:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = new_working_pool()
                    results.append(on_crash(item))
            yield results
            pending = deque((b, submit(b)) for b, _ in pending)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        alive.close()
        watch.close()
