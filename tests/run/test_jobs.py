"""``newsclean run --jobs N``: worker processes give the same output as one process, in input
order, and a worker that dies costs one reject, not the run."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from helpers import CrashOnMarker, DiesInWorkers, all_cases
from newsclean.cleaners import default_pipeline
from newsclean.io.readers import JsonLine, RawInput
from newsclean.run.parallel import WorkersUnavailable
from newsclean.run.runner import (
    ARTICLES_FILE,
    BATCH,
    BATCH_SIZE,
    FIRST_BATCH,
    REJECTS_FILE,
    RunRefused,
    batches,
    run,
)


def corpus(tmp_path: Path, *, crash_at: int | None = None) -> Path:
    """A JSONL file of fixture inputs, more than enough to use worker processes, with a few
    malformed lines among them."""
    texts = [case.read_input() for case in all_cases()]
    lines = []
    for i in range(4 * BATCH):
        text = texts[i % len(texts)]
        if i == crash_at:
            text += "\n\nCRASH-HERE"
        lines.append(json.dumps({"text": text, "n": i}) if i % 17 != 5 else "{not json")
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def outputs(out: Path) -> tuple[bytes, bytes]:
    return (out / ARTICLES_FILE).read_bytes(), (out / REJECTS_FILE).read_bytes()


def test_two_jobs_write_exactly_what_one_job_writes(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    one = run([str(source)], tmp_path / "one", jobs=1)
    two = run([str(source)], tmp_path / "two", jobs=2, txt=True)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert one.written == two.written > 3 * BATCH
    malformed = sum(1 for i in range(4 * BATCH) if i % 17 == 5)
    assert len(one.rejects) == len(two.rejects) == malformed > 0
    records = [json.loads(x) for x in outputs(tmp_path / "two")[0].splitlines()]
    numbers = [r["metadata"]["n"] for r in records]
    assert numbers == sorted(numbers)
    assert {p.stem for p in (tmp_path / "two").glob("*.txt")} == {r["id"] for r in records}


def test_a_worker_that_dies_costs_only_its_input(tmp_path: Path) -> None:
    pipeline = default_pipeline()
    crashing = pipeline.with_cleaner(CrashOnMarker())  # type: ignore[arg-type]
    source = corpus(tmp_path, crash_at=BATCH + 3)
    summary = run([str(source)], tmp_path / "o", pipeline=crashing, jobs=2)
    rejects = [json.loads(x) for x in outputs(tmp_path / "o")[1].splitlines()]
    crashed = [r for r in rejects if r["error"] == "crash"]
    assert [r["input"] for r in crashed] == [f"{source}#{BATCH + 4}"]
    # Every other input is cleaned as it would be without the crashing input.
    reference = run([str(source)], tmp_path / "ref", pipeline=pipeline, jobs=1)
    assert summary.written == reference.written - 1
    ref_lines = outputs(tmp_path / "ref")[0].splitlines()
    got_lines = outputs(tmp_path / "o")[0].splitlines()
    assert [x for x in ref_lines if json.loads(x)["metadata"]["n"] != BATCH + 3] == got_lines


def test_workers_that_cannot_start_stop_the_run_instead_of_rejecting_every_input(
    tmp_path: Path,
) -> None:
    source = corpus(tmp_path)
    unloadable = default_pipeline().with_cleaner(DiesInWorkers())  # type: ignore[arg-type]
    started = time.monotonic()
    with pytest.raises(WorkersUnavailable, match="__main__"):
        run([str(source)], tmp_path / "o", pipeline=unloadable, jobs=2)
    # Told at once (a pool or two started), not after a fresh pool per input.
    assert time.monotonic() - started < 30
    assert not (tmp_path / "o" / ARTICLES_FILE).exists()
    assert not (tmp_path / "o" / REJECTS_FILE).exists()
    # Resuming with other cleaners would mix two outputs: refused, naming the difference.
    with pytest.raises(RunRefused, match="dies_in_workers"):
        run([str(source)], tmp_path / "o", jobs=2, resume=True)
    # What the stopped run left is resumed into exactly an uninterrupted run's output (in this
    # process, which can load the cleaner; it removes nothing).
    resumed = run([str(source)], tmp_path / "o", pipeline=unloadable, jobs=1, resume=True)
    reference = run([str(source)], tmp_path / "ref", jobs=1)
    assert outputs(tmp_path / "o") == outputs(tmp_path / "ref")
    assert not [r for r in resumed.rejects if r.kind == "crash"]
    assert resumed.written == reference.written


def test_with_workers_the_reading_process_does_not_parse_json(tmp_path: Path, monkeypatch) -> None:
    # JSONL lines go to the workers as bytes and are parsed there: the process that reads the
    # corpus only splits it into lines, and its JSON parser is never asked.
    import newsclean.io.jsonl as jsonl  # where the readers parse JSON lines

    source = corpus(tmp_path)
    expected = run([str(source)], tmp_path / "ref", jobs=1)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("JSON parsed in the reading process")

    monkeypatch.setattr(jsonl.json, "loads", no_parsing)
    summary = run([str(source)], tmp_path / "two", jobs=2)
    assert outputs(tmp_path / "two") == outputs(tmp_path / "ref")
    assert summary.written == expected.written


def test_batches_start_small_grow_to_their_size_and_stop_at_a_size_in_bytes() -> None:
    small = [JsonLine(f"in#{i}", b'{"text": "a"}') for i in range(300)]
    sizes = [len(batch) for batch in batches(small)]
    assert sizes[:4] == [FIRST_BATCH, 2 * FIRST_BATCH, 4 * FIRST_BATCH, BATCH]
    assert set(sizes[3:-1]) == {BATCH} and sum(sizes) == len(small)
    assert [item for batch in batches(small) for item in batch] == small
    # Large pages: each batch ends as soon as it holds BATCH_SIZE bytes.
    page = RawInput("page.html", "html", b"x" * (BATCH_SIZE // 3 + 1))  # three are over it
    assert [len(batch) for batch in batches([page] * 10)] == [3, 3, 3, 1]
