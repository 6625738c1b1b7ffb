"""The batch runner behind ``newsclean run``: read every input, clean it, write the outputs.

The runner is the only part that knows about many articles at once. Inputs are read lazily and
results written as they come, in input order, so memory does not grow with the corpus. One bad
input becomes a :class:`~newsclean.io.readers.Reject` and the run goes on; outputs appear
atomically when the run completes, and an interrupted run can be resumed.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from newsclean.clean import clean
from newsclean.extract import ExtractionError
from newsclean.io.readers import (
    Item,
    JsonLine,
    RawInput,
    ReadOptions,
    Reject,
    read_inputs,
    resolve,
)
from newsclean.io.writers import RunOutput, dumps_utf8, write_text
from newsclean.parallel import ordered_map
from newsclean.pipeline import Pipeline, default_pipeline
from newsclean.records import Article

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


def clean_input(
    item: RawInput, pipeline: Pipeline, time_budget: float | None = DEFAULT_TIME_BUDGET
) -> Article | Reject:
    """Clean one raw input; any failure, or going over ``time_budget`` seconds, becomes a reject
    naming the input."""
    metadata = {k: v for k, v in item.metadata.items() if v is not None}
    url = metadata.get("url") if isinstance(metadata.get("url"), str) else None
    try:
        with _time_budget(time_budget):
            return _clean(item, pipeline, metadata, url)
    except TimeBudgetExceeded as exc:
        return Reject(item.label, "timeout", str(exc))


def _clean(
    item: RawInput, pipeline: Pipeline, metadata: dict[str, Any], url: str | None
) -> Article | Reject:
    try:
        if item.kind == "html":
            article = clean(html=item.content, url=url, pipeline=pipeline, metadata=metadata)
        else:
            assert isinstance(item.content, str)
            article = clean(item.content, url=url, pipeline=pipeline, metadata=metadata)
    except ExtractionError as exc:
        return Reject(item.label, "extract", str(exc))
    except TimeBudgetExceeded:
        raise  # reported as a timeout by clean_input
    except Exception as exc:  # noqa: BLE001 - one article's failure must not end the run
        return Reject(item.label, "error", f"{type(exc).__name__}: {exc}")
    article.extra["input"] = item.label
    return article


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


@dataclass
class Output:
    """What the writer needs for one input: its JSONL line, UTF-8 encoded, and for an article its
    ``.txt`` form (when asked for); made where the cleaning happens, so worker processes do the
    serializing and encoding, and the process that writes only copies bytes."""

    line: bytes
    reject: Reject | None = None
    article_id: str | None = None
    txt: str | None = None


def to_output(result: Article | Reject, txt: bool) -> Output:
    if isinstance(result, Reject):
        return Output(dumps_utf8(result.to_dict()), reject=result)
    return Output(
        dumps_utf8(result.to_dict()), article_id=result.id, txt=to_txt(result) if txt else None
    )


@dataclass(frozen=True)
class _Job:
    pipeline: Pipeline
    time_budget: float | None
    txt: bool

    def __call__(self, items: list[Item]) -> list[Output]:
        return [to_output(self.clean(item), self.txt) for item in items]

    def clean(self, item: Item) -> Article | Reject:
        item = resolve(item)  # a JSONL line is parsed here, where it is cleaned
        if isinstance(item, Reject):  # the input could not even be read
            return item
        return clean_input(item, self.pipeline, self.time_budget)


_WORKER_JOB: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job


def _work(items: list[Item]) -> list[Output]:
    assert _WORKER_JOB is not None, "worker process not initialized"
    return _WORKER_JOB(items)


def _crashed(item: Item) -> Output:
    reject = Reject(item.label, "crash", "the worker process died while cleaning this input")
    return to_output(reject, False)


#: Inputs sent to a worker at a time, at most. Each batch costs a round trip between processes and
#: threads: with 3 KB articles, 64 at a time gave ``--jobs 2`` about 5% more throughput than 16.
BATCH = 64
#: The first batches are smaller, doubling up to ``BATCH``, so that a short run is shared by the
#: workers too; a run of fewer than two first batches' inputs is cleaned in this process.
FIRST_BATCH = 16
#: A batch also ends once its inputs hold this many bytes or characters: what is in flight (three
#: batches per worker) stays bounded when the inputs are large HTML pages.
BATCH_SIZE = 2 * 1024 * 1024


def batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    """``items`` in batches for the workers (see ``BATCH``, ``FIRST_BATCH``, ``BATCH_SIZE``)."""
    limit, batch, size = FIRST_BATCH, [], 0
    for item in items:
        batch.append(item)
        size += _size(item)
        if len(batch) >= limit or size >= BATCH_SIZE:
            yield batch
            limit, batch, size = min(BATCH, 2 * limit), [], 0
    if batch:
        yield batch


def _size(item: Item) -> int:
    if isinstance(item, JsonLine):
        return len(item.raw)
    if isinstance(item, RawInput):
        return len(item.content)
    return 0


def clean_outputs(items: Iterator[Item], job: _Job, jobs: int) -> Iterator[Output]:
    """Every item cleaned and serialized, in input order: here, or in ``jobs`` worker processes
    when there are more than a couple of batches' worth of inputs."""
    head = list(islice(items, 2 * FIRST_BATCH))
    if jobs <= 1 or len(head) < 2 * FIRST_BATCH:
        for item in chain(head, items):
            yield from job([item])
        return
    for outputs in ordered_map(
        _work,
        batches(chain(head, items)),
        jobs,
        initializer=_init_worker,
        initargs=(job,),
        on_crash=_crashed,
    ):
        yield from outputs


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
    bar), ``on_reject`` after each reject. Raises :class:`~newsclean.parallel.WorkersUnavailable`
    when worker processes cannot start; what was written is kept for ``resume``."""
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


def to_txt(article: Article) -> str:
    """The plain-text form: the title, a blank line, the body; ends with one newline."""
    parts = [p for p in (article.title, article.text) if p]
    return "\n\n".join(parts) + "\n"
