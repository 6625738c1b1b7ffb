"""newsclean on a Ray cluster: clean a Ray Dataset with ``map_batches``, or run ``newsclean run``
with the cleaning spread over the cluster (``newsclean run --engine ray --address ADDR``).

Every output row has the same six string columns, whatever the inputs carry, so that blocks
cleaned on different workers always concatenate and write to one Parquet schema:

========== ==================================================================================
``id``       the article id (null for a reject)
``text``     the clean text (null for a reject)
``metadata`` the record's ``metadata`` as JSON text (for a reject, its further fields, as an
             ``empty`` one's ``removed``, or null): a nested column would change shape with
             every input field and every removal
``input``    where the row came from: ``path`` or ``path#line`` for ``run()``, the
             ``input_field`` column for :func:`clean_dataset` (null without one)
``error``    null for an article; for a reject, its kind (``extract``, ``empty``, ``timeout``…)
``message``  null for an article; for a reject, what went wrong
========== ==================================================================================

:func:`to_record` turns a row back into exactly the record a local run writes: an article's
``Article.to_dict()``, or a reject's ``{"input", "error", "message"}``. Rejects stay in the
dataset, in place, so a run keeps its order and its count; :func:`articles` and :func:`rejects`
split them.

Requires ``pip install 'newsclean[ray]'``; every node needs newsclean installed (the same
environment, or a Ray ``runtime_env``).
"""

from __future__ import annotations

import json
import logging
import math
import pickle
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, cast

import pyarrow as pa
import ray
import ray.data

from newsclean.cleaners import default_pipeline
from newsclean.io.readers import Item, ReadOptions, from_record, resolve
from newsclean.io.writers import dumps_utf8, utf8_safe
from newsclean.pipeline import Pipeline
from newsclean.records import Article, Reject
from newsclean.run.runner import (
    DEFAULT_TIME_BUDGET,
    Output,
    RunSummary,
    clean_input,
    identity,
    to_txt,
    write_run,
)

#: The columns of a cleaned dataset, all strings (see the module docstring).
SCHEMA = pa.schema(
    [(name, pa.string()) for name in ("id", "text", "metadata", "input", "error", "message")]
)
#: Rows per ``map_batches`` call: big enough that the per-batch cost vanishes, small enough that
#: two workers share a few hundred articles evenly.
DEFAULT_BATCH_SIZE = 16
#: Inputs ``run()`` reads on the driver and sends to the cluster at a time; memory on the
#: driver is bounded by one chunk, whatever the size of the corpus.
DEFAULT_CHUNK_SIZE = 2048


def clean_dataset(
    ds: ray.data.Dataset,
    *,
    text_field: str = "text",
    html_field: str = "html",
    input_field: str | None = None,
    pipeline: Pipeline | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    batch_size: int = DEFAULT_BATCH_SIZE,
    concurrency: int | None = None,
) -> ray.data.Dataset:
    """``ds`` cleaned, one output row per input row (see the module docstring for the columns).

    Each row is read as a JSONL record is: the ``text_field`` column, or the ``html_field`` one
    (a string or bytes) when only that holds text; every other column, except ``input_field``,
    is metadata given with the article (``url``, ``title``… win over what the cleaners find).
    ``pipeline`` (default: :func:`~newsclean.pipeline.default_pipeline`) is sent to the workers
    as it is, so lexicon and names files are read once, on the driver. Rows keep their order
    when the dataset context's ``execution_options.preserve_order`` is set."""
    return ds.map_batches(
        cast(Any, _clean_records),  # Ray's stubs want a one-argument function; fn_kwargs fill in
        batch_format="pyarrow",
        batch_size=batch_size,
        concurrency=concurrency,
        fn_kwargs={
            "pipeline": pipeline if pipeline is not None else default_pipeline(),
            "options": ReadOptions(text_field=text_field, html_field=html_field),
            "input_field": input_field,
            "time_budget": time_budget,
        },
    )


def to_record(row: dict[str, Any]) -> dict[str, Any]:
    """The record a local run writes for this output row: ``Article.to_dict()`` for an article
    (``articles.jsonl``), ``Reject.to_dict()`` for a reject (``rejects.jsonl``)."""
    if row["error"] is not None:
        extra = json.loads(row["metadata"]) if row["metadata"] else {}
        return Reject(row["input"] or "", row["error"], row["message"] or "", extra).to_dict()
    return {"id": row["id"], "text": row["text"], "metadata": json.loads(row["metadata"])}


def articles(ds: ray.data.Dataset) -> ray.data.Dataset:
    """The rows of a cleaned dataset that are articles."""
    return ds.filter(_is_article)


def rejects(ds: ray.data.Dataset) -> ray.data.Dataset:
    """The rows of a cleaned dataset that are rejects."""
    return ds.filter(lambda row: not _is_article(row))


def run(
    inputs: Iterable[str],
    out_dir: Path | str,
    *,
    address: str | None = None,
    pipeline: Pipeline | None = None,
    read_options: ReadOptions = ReadOptions(),
    txt: bool = False,
    resume: bool = False,
    overwrite: bool = False,
    follow_links: bool = False,
    options: dict[str, Any] | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    on_reject: Callable[[Reject], None] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> RunSummary:
    """:func:`newsclean.run.runner.run` with the cleaning done on a Ray cluster: the same arguments,
    the same output files, byte for byte, in the same order, atomic and resumable alike.

    Inputs are read on this machine (the paths are this machine's) and sent to the cluster a
    chunk at a time; results come back in input order and are written here. ``address`` is the
    cluster to connect to (``ray.init(address=...)``; ``None`` uses ``RAY_ADDRESS`` or starts a
    local one); when Ray is already initialized that connection is used as it is."""
    pipeline = pipeline if pipeline is not None else default_pipeline()

    def clean_items(items: Iterator[Item]) -> Iterator[Output]:
        for row in _clean_items(items, pipeline, time_budget, batch_size, chunk_size):
            yield _output(row, txt)

    with _connected(address):
        return write_run(
            inputs,
            out_dir,
            clean_items,
            read_options=read_options,
            resume=resume,
            overwrite=overwrite,
            follow_links=follow_links,
            identity=identity(pipeline, read_options, txt, time_budget, follow_links, options),
            on_reject=on_reject,
        )


def _output(row: dict[str, Any], txt: bool) -> Output:
    """What the writer needs for one cleaned row (see :class:`newsclean.run.runner.Output`)."""
    record = to_record(row)
    if row["error"] is not None:
        reject = Reject(record.pop("input"), record.pop("error"), record.pop("message"), record)
        record = reject.to_dict()
        return Output(dumps_utf8(record), reject=reject)
    title = record["metadata"]["title"]
    body = to_txt(Article(row["id"], row["text"], title)) if txt else None
    return Output(dumps_utf8(record), article_id=record["id"], txt=body)


def _clean_items(
    items: Iterator[Item],
    pipeline: Pipeline,
    time_budget: float | None,
    batch_size: int,
    chunk_size: int,
) -> Iterator[dict[str, Any]]:
    """Output rows for ``items``, in order: each chunk becomes a dataset of pickled inputs that the
    cluster cleans. Read rejects travel with the inputs so that they keep their place."""
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    while chunk := list(islice(items, chunk_size)):
        ds = ray.data.from_items(
            [{"item": pickle.dumps(item)} for item in chunk],
            override_num_blocks=math.ceil(len(chunk) / batch_size),
        )
        cleaned = ds.map_batches(
            cast(Any, _clean_pickled),
            batch_format="pyarrow",
            batch_size=batch_size,
            fn_kwargs={"pipeline": pipeline, "time_budget": time_budget},
        )
        yield from cleaned.iter_rows()


@contextmanager
def _connected(address: str | None) -> Iterator[None]:
    """Connected to a Ray cluster for the block; a connection made here is closed after it."""
    # Ray Data reports every execution at INFO; a run reports once, at the end.
    data_logger = logging.getLogger("ray.data")
    level = data_logger.level
    data_logger.setLevel(logging.ERROR)
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        data_logger.setLevel(level)
        if started:
            ray.shutdown()


def _clean_records(
    batch: pa.Table,
    *,
    pipeline: Pipeline,
    options: ReadOptions,
    input_field: str | None,
    time_budget: float | None,
) -> pa.Table:
    rows = []
    for record in batch.to_pylist():
        label = record.pop(input_field, None) if input_field else None
        item = from_record(str(label) if label is not None else "", record, options)
        rows.append(_row(item, pipeline, time_budget, label is not None))
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def _clean_pickled(batch: pa.Table, *, pipeline: Pipeline, time_budget: float | None) -> pa.Table:
    rows = [
        _row(pickle.loads(data), pipeline, time_budget, True)
        for data in batch.column("item").to_pylist()
    ]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def _row(
    item: Item, pipeline: Pipeline, time_budget: float | None, labelled: bool
) -> dict[str, Any]:
    item = resolve(item)  # a JSONL line is parsed here, on the cluster
    result = item if isinstance(item, Reject) else clean_input(item, pipeline, time_budget)
    if isinstance(result, Reject):
        return {
            "input": utf8_safe(result.input) if labelled else None,
            **_nulls(),
            "metadata": _json_text(result.extra) if result.extra else None,
            **_error(result),
        }
    if not labelled:
        result.extra.pop("input", None)
    record = result.to_dict()
    return {
        "id": record["id"],
        "text": utf8_safe(record["text"]),
        "metadata": _json_text(record["metadata"]),
        "input": utf8_safe(item.label) if labelled else None,
        "error": None,
        "message": None,
    }


def _json_text(value: Any) -> str:
    """``value`` as JSON text that an Arrow string can hold: a lone surrogate (which the text
    fixer replaces in the text, but a title or another field given with the input can hold) is
    written as its JSON escape, so the record reads back as the same strings, as a local run
    writes it."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _nulls() -> dict[str, None]:
    return {"id": None, "text": None, "metadata": None}


def _error(reject: Reject) -> dict[str, str]:
    return {"error": reject.kind, "message": utf8_safe(reject.message)}


def _is_article(row: dict[str, Any]) -> bool:
    return row["error"] is None
