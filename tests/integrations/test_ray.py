"""newsclean on Ray: a local two-CPU cluster must give exactly the local run's records."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from typer.testing import CliRunner  # noqa: E402

from helpers import FIXTURES, SAMPLE_PAGE, SEEDS  # noqa: E402
from newsclean import Cleaner, clean, default_pipeline  # noqa: E402
from newsclean.cli import app  # noqa: E402
from newsclean.integrations.ray import (  # noqa: E402
    SCHEMA,
    articles,
    clean_dataset,
    rejects,
    to_record,
)
from newsclean.integrations.ray import run as ray_run  # noqa: E402
from newsclean.run.runner import ARTICLES_FILE, REJECTS_FILE  # noqa: E402
from newsclean.run.runner import run as local_run  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def cluster() -> Iterator[None]:
    """A local Ray cluster with two worker CPUs, shut down after this module's tests."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()
    assert not ray.is_initialized()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The seeds, every fixture case, an HTML page, a JSONL file with text, HTML, metadata, bad
    records and lone surrogates, and a missing file: articles and rejects of every origin,
    interleaved."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "page.html").write_text(SAMPLE_PAGE, encoding="utf-8")
    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    records = [
        json.dumps({"id": "r1", "text": seed, "source_id": 7}),
        json.dumps(
            {"html": SAMPLE_PAGE, "url": "https://example.org/kyiv", "title": "Given title"}
        ),
        '{"text": "unterminated',
        json.dumps({"body": "no text field"}),
        json.dumps({"text": "   "}),
        json.dumps({"html": "<html><body></body></html>"}),
        # Halves of surrogate pairs, escaped in JSON: no UTF-8 (nor Arrow) string holds one.
        json.dumps({"text": seed + " \ud800", "title": "Title \udc00", "note": "\udbff"}),
    ]
    (folder / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    cases = sorted(str(p) for p in (FIXTURES / "cases").glob("*/input.txt"))
    return [str(SEEDS), *cases, str(folder), str(folder / "missing.txt")]


def test_run_writes_the_local_runs_files_byte_for_byte(inputs: list[str], tmp_path: Path) -> None:
    local = local_run(inputs, tmp_path / "local", txt=True)
    seen = []
    remote = ray_run(inputs, tmp_path / "ray", txt=True, on_reject=seen.append, chunk_size=16)
    for name in (ARTICLES_FILE, REJECTS_FILE):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert (remote.written, remote.rejected) == (local.written, local.rejected)
    assert remote.written > 40 and remote.rejected == 5
    assert seen == local.rejects
    txt = sorted(p.name for p in (tmp_path / "local").glob("*.txt"))
    assert sorted(p.name for p in (tmp_path / "ray").glob("*.txt")) == txt
    for name in txt:
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert ray.is_initialized(), "a connection run() did not open must stay open"


class Interrupted(Exception):
    pass


def test_an_interrupted_run_resumes_to_the_local_output(inputs: list[str], tmp_path: Path) -> None:
    local_run(inputs, tmp_path / "local")

    def stop(reject: object) -> None:
        raise Interrupted

    with pytest.raises(Interrupted):
        ray_run(inputs, tmp_path / "ray", on_reject=stop, chunk_size=8)
    assert not (tmp_path / "ray" / ARTICLES_FILE).exists()
    summary = ray_run(inputs, tmp_path / "ray", resume=True, chunk_size=8)
    assert summary.resumed > 40
    for name in (ARTICLES_FILE, REJECTS_FILE):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_cli_engine_ray_gives_the_local_output(inputs: list[str], tmp_path: Path) -> None:
    runner = CliRunner()
    local = runner.invoke(app, ["run", *inputs, "--out", str(tmp_path / "local")])
    remote = runner.invoke(app, ["run", *inputs, "--out", str(tmp_path / "ray"), "--engine", "ray"])
    assert local.exit_code == remote.exit_code == 3, remote.output
    for name in (ARTICLES_FILE, REJECTS_FILE):
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert [line for line in remote.output.splitlines() if line.startswith("rejected:")] == [
        line for line in local.output.splitlines() if line.startswith("rejected:")
    ]


def test_clean_dataset_rows_are_clean_records_in_order() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rows = [{"text": t, "url": f"https://example.org/{i}", "n": i} for i, t in enumerate(texts)]
    rows.append({"text": None, "html": SAMPLE_PAGE, "url": "https://example.org/page", "n": 99})
    rows.append({"text": "", "html": None, "url": None, "n": 100})
    ds = clean_dataset(ray.data.from_items(rows, override_num_blocks=3), batch_size=2)
    out = ds.take_all()
    assert len(out) == len(rows)
    assert ds.schema().names == SCHEMA.names
    expected = [
        clean(t, url=f"https://example.org/{i}", metadata={"n": i}).to_dict()
        for i, t in enumerate(texts)
    ]
    expected.append(
        clean(html=SAMPLE_PAGE, url="https://example.org/page", metadata={"n": 99}).to_dict()
    )
    assert [to_record(r) for r in out[:-1]] == expected
    assert to_record(out[-1]) == {"input": "", "error": "empty", "message": out[-1]["message"]}
    assert [r["id"] for r in articles(ds).take_all()] == [e["id"] for e in expected]
    assert [r["error"] for r in rejects(ds).take_all()] == ["empty"]


def test_clean_dataset_reads_jsonl_and_writes_parquet(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"doc{i}", "body": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    pipeline = default_pipeline(disable=["name_variants"])
    ds = clean_dataset(ray.data.read_json(str(source)), text_field="body", pipeline=pipeline)
    ds.write_parquet(str(tmp_path / "out"))
    back = ray.data.read_parquet(str(tmp_path / "out")).take_all()
    got = sorted((to_record(r) for r in back), key=lambda r: r["metadata"]["id"])
    want = [
        clean(t, pipeline=pipeline, metadata={"id": f"doc{i}"}).to_dict()
        for i, t in enumerate(texts)
    ]
    assert got == want


def test_clean_dataset_labels_rows_from_input_field() -> None:
    rows = [{"path": "a.txt", "text": "Headline here\n\nBody of the article."}, {"path": "b.txt"}]
    out = clean_dataset(ray.data.from_items(rows), input_field="path").take_all()
    assert [r["input"] for r in out] == ["a.txt", "b.txt"]
    assert json.loads(out[0]["metadata"])["input"] == "a.txt"
    assert to_record(out[1])["error"] == "missing-field"


def test_time_budget_holds_in_the_workers() -> None:
    class Slow(Cleaner):
        """Takes far longer than the budget."""

        name = "slow"

        def apply(self, doc: object) -> None:
            time.sleep(5)

    pipeline = default_pipeline().with_cleaner(Slow())
    rows = [{"text": "Headline here\n\nBody of the article."}]
    started = time.perf_counter()
    (row,) = clean_dataset(ray.data.from_items(rows), pipeline=pipeline, time_budget=0.5).take_all()
    assert row["error"] is not None and "time budget" in row["message"]
    assert time.perf_counter() - started < 5
