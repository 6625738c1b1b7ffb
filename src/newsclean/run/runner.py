"""The batch runner behind ``newsclean run``: read every input, clean it, write the outputs.

The runner is the only part that knows about many articles at once. Inputs are read lazily and
results written as they come, in input order, so memory does not grow with the corpus. One bad
input becomes a :class:`~newsclean.io.readers.Reject` and the run goes on; outputs appear
atomically when the run completes, and an interrupted run can be resumed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsclean.cleaners import default_pipeline
from newsclean.io.readers import Item, ReadOptions, read_inputs
from newsclean.io.writers import RunOutput, write_text
from newsclean.pipeline import Pipeline
from newsclean.records import Article, Reject
from newsclean.run.budget import DEFAULT_TIME_BUDGET, TimeBudgetExceeded
from newsclean.run.workers import (
    BATCH,
    BATCH_SIZE,
    FIRST_BATCH,
    Output,
    _Job,
    batches,
    clean_input,
    clean_outputs,
    to_output,
    to_txt,
)

__all__ = [
    "ARTICLES_FILE",
    "BATCH",
    "BATCH_SIZE",
    "DEFAULT_TIME_BUDGET",
    "FIRST_BATCH",
    "REJECTS_FILE",
    "Output",
    "RunSummary",
    "TimeBudgetExceeded",
    "batches",
    "clean_all",
    "clean_input",
    "run",
    "to_output",
    "to_txt",
    "write_run",
]

ARTICLES_FILE = "articles.jsonl"
REJECTS_FILE = "rejects.jsonl"


@dataclass
class RunSummary:
    written: int = 0
    rejects: list[Reject] = field(default_factory=list)
    seconds: float = 0.0
    out_dir: Path = Path(".")
    #: Inputs done by the interrupted run this one resumed, and the rejects among them.
    resumed: int = 0
    earlier_rejects: int = 0

    @property
    def rejected(self) -> int:
        return len(self.rejects) + self.earlier_rejects

    def line(self) -> str:
        resumed = f" (resumed after {self.resumed} inputs)" if self.resumed else ""
        return (
            f"newsclean: {self.written} article{'s' * (self.written != 1)} written to "
            f"{self.out_dir / ARTICLES_FILE}, {self.rejected} rejected, "
            f"{self.seconds:.2f} s{resumed}"
        )


def clean_all(
    inputs: Iterable[str],
    pipeline: Pipeline,
    read_options: ReadOptions = ReadOptions(),
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    *,
    skip: int = 0,
) -> Iterator[Article | Reject]:
    """Every input cleaned, in order, one article or reject each; the first ``skip`` inputs are
    read but not cleaned."""
    job = _Job(pipeline, time_budget, txt=False)
    for item in islice(read_inputs(inputs, read_options), skip, None):
        yield job.clean(item)


def run(
    inputs: Iterable[str],
    out_dir: Path | str,
    *,
    pipeline: Pipeline | None = None,
    read_options: ReadOptions = ReadOptions(),
    txt: bool = False,
    resume: bool = False,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    jobs: int = 1,
    on_reject: Callable[[Reject], None] | None = None,
    on_output: Callable[[Output], None] | None = None,
) -> RunSummary:
    """Clean every article in ``inputs`` into ``out_dir/articles.jsonl`` (and ``<id>.txt`` files
    when ``txt``); rejects go to ``out_dir/rejects.jsonl``. Both files appear only when the run
    is complete; ``resume`` continues a run that was interrupted (see
    :class:`~newsclean.io.writers.RunOutput`). ``jobs`` worker processes share the cleaning; the
    output is the same for every ``jobs``. ``on_output`` is called after each input (a progress
    bar), ``on_reject`` after each reject. Raises
    :class:`~newsclean.run.parallel.WorkersUnavailable` when worker processes cannot start;
    what was written is kept for ``resume``."""
    pipeline = pipeline if pipeline is not None else default_pipeline()
    job = _Job(pipeline, time_budget, txt)
    return write_run(
        inputs,
        out_dir,
        lambda items: clean_outputs(items, job, jobs),
        read_options=read_options,
        resume=resume,
        on_reject=on_reject,
        on_output=on_output,
    )


def write_run(
    inputs: Iterable[str],
    out_dir: Path | str,
    clean_items: Callable[[Iterator[Item]], Iterable[Output]],
    *,
    read_options: ReadOptions = ReadOptions(),
    resume: bool = False,
    on_reject: Callable[[Reject], None] | None = None,
    on_output: Callable[[Output], None] | None = None,
) -> RunSummary:
    """The writing half of :func:`run`, for every engine: read ``inputs`` (past those an
    interrupted run already did), have ``clean_items`` turn them into outputs in input order,
    and write those atomically into ``out_dir``."""
    started = time.perf_counter()
    out = Path(out_dir)
    summary = RunSummary(out_dir=out)
    with RunOutput(out, ARTICLES_FILE, REJECTS_FILE, resume=resume) as output:
        summary.resumed = output.done
        items = islice(read_inputs(inputs, read_options), output.done, None)
        for result in clean_items(items):
            if result.reject is not None:
                summary.rejects.append(result.reject)
                output.add(result.line, reject=True)
                if on_reject is not None:
                    on_reject(result.reject)
            else:
                if result.txt is not None:
                    write_text(out / f"{result.article_id}.txt", result.txt)
                output.add(result.line)
            if on_output is not None:
                on_output(result)
        output.finish()
        summary.written = output.articles
        summary.earlier_rejects = output.rejects - len(summary.rejects)
    summary.seconds = time.perf_counter() - started
    return summary
