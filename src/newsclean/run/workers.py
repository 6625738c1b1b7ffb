"""Cleaning inputs where the work is done: one input to a record or a reject, batches for worker
processes, and what a worker sends back (the serialized record, ready to be copied to a file)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from newsclean.audit.stats import Counts, counts
from newsclean.cleaning import clean
from newsclean.html.extract import ExtractionError
from newsclean.io.readers import Item, JsonLine, RawInput, resolve
from newsclean.io.writers import dumps_utf8
from newsclean.pipeline import Pipeline
from newsclean.records import Article, Reject
from newsclean.run.budget import DEFAULT_TIME_BUDGET, TimeBudgetExceeded, _time_budget
from newsclean.run.filters import Filters
from newsclean.run.parallel import ordered_map


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
    if not article.text.strip():
        return _emptied(item.label, article)
    article.extra["input"] = item.label
    return article


def _emptied(label: str, article: Article) -> Reject:
    """The reject for an article that cleaning left without text: every paragraph was junk (or
    a headline alone). It keeps the removals and fixes, which say what was there."""
    return Reject(
        label,
        "empty",
        "no article text is left after cleaning (everything was removed; see removed)",
        {
            "title": article.title,
            "removed": [r.to_dict() for r in article.removed],
            "fixes": [f.to_dict() for f in article.fixes],
        },
    )


@dataclass
class Output:
    """What the writer needs for one input: its JSONL line, UTF-8 encoded, and for an article its
    ``.txt`` form (when asked for); made where the cleaning happens, so worker processes do the
    serializing and encoding, and the process that writes only copies bytes."""

    line: bytes
    reject: Reject | None = None
    article_id: str | None = None
    txt: str | None = None
    #: What the record adds to the run's statistics (``None``: the writer parses the line).
    counts: Counts | None = None


def to_output(result: Article | Reject, txt: bool, filters: Filters = Filters()) -> Output:
    """The output of one result, its record shaped by ``filters`` (``audit``)."""
    record = filters.record(result)
    line, found = dumps_utf8(record), counts(record, reject=isinstance(result, Reject))
    if isinstance(result, Reject):
        return Output(line, reject=result, counts=found)
    return Output(line, article_id=result.id, txt=to_txt(result) if txt else None, counts=found)


@dataclass(frozen=True)
class _Job:
    pipeline: Pipeline
    time_budget: float | None
    txt: bool
    filters: Filters = Filters()

    def __call__(self, items: list[Item]) -> list[Output]:
        return [to_output(self.clean(item), self.txt, self.filters) for item in items]

    def clean(self, item: Item) -> Article | Reject:
        item = resolve(item)  # a JSONL line is parsed here, where it is cleaned
        if isinstance(item, Reject):  # the input could not even be read
            return item
        result = clean_input(item, self.pipeline, self.time_budget)
        return result if isinstance(result, Reject) else self.filters.check(result, item.label)


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


def to_txt(article: Article) -> str:
    """The plain-text form: the title, a blank line, the body; ends with one newline."""
    parts = [p for p in (article.title, article.text) if p]
    return "\n\n".join(parts) + "\n"
