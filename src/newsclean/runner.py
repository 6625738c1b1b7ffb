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
from itertools import islice
from pathlib import Path
from typing import Any

from newsclean.clean import clean
from newsclean.extract import ExtractionError
from newsclean.io.readers import RawInput, ReadOptions, Reject, read_inputs
from newsclean.io.writers import RunOutput, dumps, write_text
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
    for item in islice(read_inputs(inputs, read_options), skip, None):
        yield item if isinstance(item, Reject) else clean_input(item, pipeline, time_budget)


def run(
    inputs: Iterable[str],
    out_dir: Path | str,
    *,
    pipeline: Pipeline | None = None,
    read_options: ReadOptions = ReadOptions(),
    txt: bool = False,
    resume: bool = False,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    on_reject: Callable[[Reject], None] | None = None,
) -> RunSummary:
    """Clean every article in ``inputs`` into ``out_dir/articles.jsonl`` (and ``<id>.txt`` files
    when ``txt``); rejects go to ``out_dir/rejects.jsonl``. Both files appear only when the run
    is complete; ``resume`` continues a run that was interrupted (see
    :class:`~newsclean.io.writers.RunOutput`)."""
    started = time.perf_counter()
    pipeline = pipeline if pipeline is not None else default_pipeline()
    out = Path(out_dir)
    summary = RunSummary(out_dir=out)
    with RunOutput(out, ARTICLES_FILE, REJECTS_FILE, resume=resume) as output:
        summary.resumed = output.done
        for result in clean_all(inputs, pipeline, read_options, time_budget, skip=output.done):
            if isinstance(result, Reject):
                summary.rejects.append(result)
                output.add(dumps(result.to_dict()), reject=True)
                if on_reject is not None:
                    on_reject(result)
                continue
            if txt:
                write_text(out / f"{result.id}.txt", to_txt(result))
            output.add(dumps(result.to_dict()))
        output.finish()
        summary.written = output.articles
        summary.earlier_rejects = output.rejects - len(summary.rejects)
    summary.seconds = time.perf_counter() - started
    return summary


def to_txt(article: Article) -> str:
    """The plain-text form: the title, a blank line, the body; ends with one newline."""
    parts = [p for p in (article.title, article.text) if p]
    return "\n\n".join(parts) + "\n"
