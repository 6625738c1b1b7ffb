"""The progress line ``newsclean run`` shows on a terminal: inputs done, articles per second,
rejects. Drawn on standard error with rich, only when that is a terminal, and never with
``--quiet``; output files are the same either way."""

from __future__ import annotations

import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

#: Seconds between redraws; updating on every article would cost more than it shows.
_REDRAW = 0.2


class Progress:
    """``with Progress(enabled) as p: ... p.advance(rejected=...)``; ``p.echo(line)`` prints a
    line above the bar (or plainly, when there is no bar)."""

    def __init__(self, enabled: bool = True, console: Console | None = None):
        from rich.console import Console

        self.console = console if console is not None else Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.done = 0
        self.rejected = 0
        self._started = time.perf_counter()
        self._drawn = 0.0
        self._bar: RichProgress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from rich.progress import Progress as RichProgress
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.completed:,.0f} inputs"),
                TextColumn("{task.fields[rate]:,.0f} articles/s"),
                TextColumn("{task.fields[rejected]:,} rejected"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("cleaning", total=None, rate=0.0, rejected=0)
        return self

    def advance(self, *, rejected: bool = False) -> None:
        self.done += 1
        self.rejected += rejected
        if self._bar is None:
            return
        now = time.perf_counter()
        if now - self._drawn >= _REDRAW:
            self._drawn = now
            rate = self.done / max(now - self._started, 1e-9)
            assert self._task is not None
            self._bar.update(self._task, completed=self.done, rate=rate, rejected=self.rejected)

    def echo(self, line: str) -> None:
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
        else:
            import typer

            typer.echo(line, err=True)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, exc, tb)
