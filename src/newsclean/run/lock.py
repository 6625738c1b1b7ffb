"""One run at a time per output directory: an exclusive ``flock`` on a lock file inside it.

The kernel releases the lock when the process that holds it ends, however it ends (``kill -9``
included), so a lock left by a dead run is simply taken: there is no stale lock to detect or
break. The file says which process holds it (pid, host, start time), for the message a second
run gives. The lock's descriptor is not inherited by the processes a run starts, so a worker
that outlives its run does not keep the directory locked.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Unix
    fcntl = None  # type: ignore[assignment]


class RunRefused(Exception):
    """The output directory cannot be used by this run: another run holds it, or it holds a run
    this one may not continue or replace (the message says what to do), or it is not writable."""


class OutputLocked(RunRefused):
    """Another run holds the output directory."""


class OutputLock:
    """``with OutputLock(path):`` holds the lock file ``path`` (created if missing), or raises
    :class:`OutputLocked` at once, naming the holder, when another process holds it."""

    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip()
                os.close(fd)
                raise OutputLocked(
                    f"{self.path.parent.parent} is in use by another newsclean run"
                    f" ({holder or 'a process that is just starting'}); wait for it to end,"
                    " or write to another --out"
                ) from None
        started = time.strftime("%Y-%m-%d %H:%M:%S %z")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, since {started}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # The file stays: removing it would let a run that opened it just before lock a file
        # nobody else can find any more.
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None
