"""The time budget of one input: a ``SIGALRM`` timer that interrupts cleaning that runs too long."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeBudgetExceeded(Exception):
    """Cleaning one input took longer than the run allows."""


@contextmanager
def _time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeBudgetExceeded` in this thread after ``seconds`` (Unix main thread; a
    no-op elsewhere). Python code is interrupted between steps; every pattern newsclean runs is
    linear in its input, which ``tests/test_linear_time.py`` checks."""
    main_thread = threading.current_thread() is threading.main_thread()
    if not seconds or not hasattr(signal, "setitimer") or not main_thread:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeBudgetExceeded(f"cleaning took longer than the time budget ({seconds:g} s)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: Seconds one input may take before it becomes a "timeout" reject. Articles take milliseconds;
#: a 5 MB one, a few seconds.
DEFAULT_TIME_BUDGET = 60.0
