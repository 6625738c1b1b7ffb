"""The batch runner behind ``newsclean run``: read every input, clean it, write the outputs.

The runner is the only part that knows about many articles at once. Inputs are read lazily and
results written as they come, in input order, so memory does not grow with the corpus. One bad
input becomes a :class:`~newsclean.records.Reject` and the run goes on; outputs appear
together when the run completes, one run at a time per output directory, and an interrupted run
can be resumed (:mod:`newsclean.run.outdir`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from newsclean.audit.stats import STATS_FILE, RunStats
from newsclean.cleaners import default_pipeline
from newsclean.io.readers import Item, JsonLine, RawInput, ReadOptions, read_inputs
from newsclean.io.walk import walk
from newsclean.pipeline import Pipeline
from newsclean.records import Article, Reject, __version__
from newsclean.run.budget import DEFAULT_TIME_BUDGET, TimeBudgetExceeded
from newsclean.run.filters import Filters
from newsclean.run.outdir import RunOutput, RunRefused
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
    "RunRefused",
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


#: Rejects a summary keeps (the first ones); the rest are counted, by kind, and are in the file.
KEPT_REJECTS = 100


@dataclass
class RunSummary:
    written: int = 0
    #: This run's first ``KEPT_REJECTS`` rejects; ``kinds`` counts them all.
    rejects: list[Reject] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    out_dir: Path = Path(".")
    #: Inputs done by the interrupted run this one resumed, and the rejects among them.
    resumed: int = 0
    earlier_rejects: int = 0
    #: The content of ``stats.json`` (:mod:`newsclean.audit.stats`).
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def rejected(self) -> int:
        return sum(self.kinds.values()) + self.earlier_rejects

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
    overwrite: bool = False,
    follow_links: bool = False,
    options: dict[str, Any] | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    jobs: int = 1,
    filters: Filters = Filters(),
    on_reject: Callable[[Reject], None] | None = None,
    on_output: Callable[[Output], None] | None = None,
) -> RunSummary:
    """Clean every article in ``inputs`` into ``out_dir/articles.jsonl`` (and ``<id>.txt`` files
    when ``txt``); rejects go to ``out_dir/rejects.jsonl``. The files appear together when the
    run is complete, replacing the previous run's whole. ``resume`` continues a run that was
    interrupted, ``overwrite`` discards one (see :mod:`newsclean.run.outdir`; ``options``
    describes what else the output depends on, as the command line's lexicon files, for a
    resume to check). Links out of a directory given are rejects unless ``follow_links``.
    ``jobs`` worker processes share the cleaning; the output is the same for every ``jobs``.
    ``filters`` turn articles into rejects and may leave the audit trail out of the records
    (:mod:`newsclean.run.filters`). ``on_output`` is called after each input (a progress bar),
    ``on_reject`` after each reject. Raises :class:`~newsclean.run.outdir.RunRefused` when the
    directory is another run's, or holds a run this one may not resume or replace; raises
    :class:`~newsclean.run.parallel.WorkersUnavailable` when worker processes cannot start (what
    was written is kept for ``resume``)."""
    pipeline = pipeline if pipeline is not None else default_pipeline()
    job = _Job(pipeline, time_budget, txt, filters)
    if filters != Filters():  # (a run without filters keeps the journal of earlier versions)
        options = {**(options or {}), "filters": filters.described()}
    return write_run(
        inputs,
        out_dir,
        lambda items: clean_outputs(items, job, jobs),
        read_options=read_options,
        resume=resume,
        overwrite=overwrite,
        follow_links=follow_links,
        identity=identity(pipeline, read_options, txt, time_budget, follow_links, options),
        on_reject=on_reject,
        on_output=on_output,
    )


def identity(
    pipeline: Pipeline,
    read_options: ReadOptions,
    txt: bool,
    time_budget: float | None,
    follow_links: bool,
    options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What a run's output depends on besides its inputs, for a resume to compare."""
    return {
        "newsclean": __version__,
        "cleaners": pipeline.names,
        "format": "jsonl+txt" if txt else "jsonl",
        "read": dataclasses.asdict(read_options),
        "time_budget": time_budget,
        "follow_links": follow_links,
        **(options or {}),
    }


def write_run(
    inputs: Iterable[str],
    out_dir: Path | str,
    clean_items: Callable[[Iterator[Item]], Iterable[Output]],
    *,
    read_options: ReadOptions = ReadOptions(),
    resume: bool = False,
    overwrite: bool = False,
    follow_links: bool = False,
    identity: dict[str, Any] | None = None,
    on_reject: Callable[[Reject], None] | None = None,
    on_output: Callable[[Output], None] | None = None,
) -> RunSummary:
    """The writing half of :func:`run`, for every engine: read ``inputs`` (past those an
    interrupted run already did, once they are checked to be the same), have ``clean_items``
    turn them into outputs in input order, and write those into ``out_dir``."""
    started = time.perf_counter()
    out = Path(out_dir)
    summary = RunSummary(out_dir=out)
    names = (ARTICLES_FILE, REJECTS_FILE)
    with RunOutput(
        out, *names, resume=resume, overwrite=overwrite, identity=identity, extra=(STATS_FILE,)
    ) as output:
        summary.resumed = output.done
        stats = RunStats()
        if output.done:  # the records the interrupted run wrote, as cut back to its journal
            stats = RunStats.recount(*(output.staging / name for name in names))
        keyed = _keyed(_read(inputs, read_options, follow_links, out))
        if output.done:
            _skip_done(keyed, output)
        in_flight: deque[tuple[str, str]] = deque()

        def items() -> Iterator[Item]:
            for item, key in keyed:
                in_flight.append(key)
                yield item

        for result in clean_items(items()):
            digest, label = in_flight.popleft()
            if result.counts is not None:
                stats.add_counts(result.counts)
            else:  # (an engine that does not count where it cleans)
                stats.add_line(result.line, reject=result.reject is not None)
            if result.reject is not None:
                summary.kinds[result.reject.kind] += 1
                if len(summary.rejects) < KEPT_REJECTS:
                    summary.rejects.append(result.reject)
                output.add(result.line, reject=True, digest=digest, label=label)
                if on_reject is not None:
                    on_reject(result.reject)
            else:
                txt = None if result.txt is None else (f"{result.article_id}.txt", result.txt)
                output.add(result.line, digest=digest, label=label, txt=txt)
            if on_output is not None:
                on_output(result)
        summary.stats = stats.to_dict(time.perf_counter() - started, summary.resumed)
        output.finish({STATS_FILE: stats.to_json(summary.stats["seconds"], summary.resumed)})
        summary.written = output.articles
        summary.earlier_rejects = output.rejects - sum(summary.kinds.values())
    summary.seconds = time.perf_counter() - started
    return summary


def _read(
    inputs: Iterable[str], options: ReadOptions, follow_links: bool, out: Path
) -> Iterator[Item]:
    """Every item of ``inputs``, walked as :func:`~newsclean.io.walk.walk` walks them (the
    output directory left out), read as :func:`~newsclean.io.readers.read_inputs` reads them."""
    for entry in walk(inputs, follow_links=follow_links, exclude=[out]):
        if isinstance(entry, Reject):
            yield entry
        else:
            yield from read_inputs([entry], options)


def _keyed(items: Iterator[Item]) -> Iterator[tuple[Item, tuple[str, str]]]:
    """Each item with its digest and name: what a resume checks it skips."""
    for item in items:
        yield item, (_digest(item), item.label)


def _digest(item: Item) -> str:
    parts: tuple[bytes, ...]
    if isinstance(item, JsonLine):
        parts = (b"jsonl", item.raw)
    elif isinstance(item, RawInput):
        content = item.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogatepass")
        metadata = json.dumps(item.metadata, sort_keys=True, default=repr)
        parts = (item.kind.encode(), content, metadata.encode("utf-8", "surrogatepass"))
    elif isinstance(item, Reject):
        parts = (b"reject", item.kind.encode(), item.message.encode("utf-8", "surrogatepass"))
    else:  # an item of a kind this function does not know: its printed form
        parts = (repr(item).encode("utf-8", "surrogatepass"),)
    digest = hashlib.blake2b(digest_size=16)
    for part in (item.label.encode("utf-8", "surrogatepass"), *parts):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()


def _skip_done(keyed: Iterator[tuple[Item, tuple[str, str]]], output: RunOutput) -> None:
    """Read past the inputs the interrupted run did, checking each is the one it did."""
    for number, (digest, label) in enumerate(output.done_inputs(), start=1):
        found = next(keyed, None)
        if found is None:
            problem = f"there are {number - 1} inputs now, fewer than the {output.done} it had done"
        elif found[1][0] == digest:
            continue
        elif found[1][1] != label:
            problem = f"input {number} is {found[1][1]} now, {label} in the interrupted run"
        else:
            problem = f"{label} is not what the interrupted run read (it changed since)"
        raise RunRefused(
            f"--resume: the inputs are not those of the interrupted run in {output.out_dir}: "
            f"{problem}. Resume with the same inputs, or start again with --overwrite"
        )
