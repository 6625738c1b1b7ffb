"""newsclean as a datatrove step: each document comes out as ``newsclean.clean`` cleans it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402

from helpers import FIXTURES, SEEDS  # noqa: E402
from newsclean import clean, default_pipeline  # noqa: E402
from newsclean.integrations.datatrove import NewsClean  # noqa: E402

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Kyiv lifts curfew for New Year | Example Daily</title>
<meta property="og:title" content="Kyiv lifts curfew for New Year">
<meta property="article:published_time" content="2024-12-30T09:15:00+02:00">
</head><body><article><h1>Kyiv lifts curfew for New Year</h1>
<p>The city administration said on Friday that the curfew would be lifted for one night,
from 10 p.m. on December 31 until the morning of January 1.</p>
<p>Advertisement</p>
<p>Residents were asked to stay close to shelters and to follow air raid alerts in the official
apps, the administration said in a statement on its Telegram channel.</p>
</article></body></html>"""


def texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "cases").glob("*/input.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def expected_metadata(article: Any) -> dict[str, Any]:
    metadata = article.to_dict()["metadata"]
    metadata["newsclean_id"] = article.id
    return metadata


def test_each_document_is_cleaned_as_clean_cleans_it() -> None:
    docs = [
        Document(text=t, id=f"d{i}", metadata={"url": f"https://x/{i}"})
        for i, t in enumerate(texts())
    ]
    step = NewsClean()
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == [f"d{i}" for i in range(len(docs))]
    for i, (text, doc) in enumerate(zip(texts(), out, strict=True)):
        article = clean(text, url=f"https://x/{i}")
        assert doc.text == article.text
        assert doc.metadata == expected_metadata(article)
    assert step.stats["total"].total == len(docs)
    assert step.stats["forwarded"].total == len(docs)


def test_html_documents_and_rejects() -> None:
    docs = [
        Document(text=PAGE, id="page", metadata={"url": "https://example.org/kyiv"}),
        Document(text="<html><body></body></html>", id="blank", metadata={}),
        Document(text="   ", id="space", metadata={}),
    ]
    step = NewsClean(html=True)
    (page,) = list(step.run(iter(docs)))
    article = clean(html=PAGE, url="https://example.org/kyiv")
    assert (page.text, page.metadata) == (article.text, expected_metadata(article))
    assert page.metadata["title"] == "Kyiv lifts curfew for New Year"
    assert step.stats["dropped"].total == 2
    assert step.stats["dropped_extract"].total == 2


def test_rejects_kept_when_asked_and_audit_reduced_to_counts() -> None:
    step = NewsClean(html=True, keep_rejects=True, audit=False, pipeline=default_pipeline())
    rejected = Document(text="<html><body></body></html>", id="r", metadata={"k": 1})
    kept = list(step.run(iter([Document(text=PAGE, id="p"), rejected])))
    assert [d.id for d in kept] == ["p", "r"]
    article = clean(html=PAGE)
    assert kept[0].metadata["removed_count"] == len(article.removed) > 0
    assert kept[0].metadata["fixes_count"] == len(article.fixes)
    assert "removed" not in kept[0].metadata and "fixes" not in kept[0].metadata
    assert kept[1].text == "<html><body></body></html>"
    assert kept[1].metadata["k"] == 1
    assert kept[1].metadata["newsclean_error"] == "extract"
    assert kept[1].metadata["newsclean_message"]
    assert step.stats["rejected_extract"].total == 1


def test_a_document_with_nothing_left_is_dropped() -> None:
    step = NewsClean()
    out = list(step.run(iter([Document(text="NEXT NEWS", id="n"), Document(text="", id="e")])))
    assert clean("NEXT NEWS").text == ""
    assert out == []
    assert step.stats["dropped_empty"].total == 2


def shard(docs: list[Document]) -> Any:
    def read(data: Any, rank: int = 0, world_size: int = 1) -> Any:
        yield from docs[rank::world_size]

    return read


def collect(folder: Path) -> Any:
    def write(data: Any, rank: int = 0, world_size: int = 1) -> Any:
        lines = [json.dumps({"id": d.id, "text": d.text, "metadata": d.metadata}) for d in data]
        (folder / f"{rank:02d}.jsonl").write_text("".join(x + "\n" for x in lines), "utf-8")
        return iter(())

    return write


def test_local_pipeline_executor_with_two_workers(tmp_path: Path) -> None:
    docs = [Document(text=t, id=f"d{i:02d}") for i, t in enumerate(texts())]
    docs.append(Document(text="", id="empty"))
    executor = LocalPipelineExecutor(
        pipeline=[shard(docs), NewsClean(), collect(tmp_path)],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    rows = [
        json.loads(line)
        for p in sorted(tmp_path.glob("*.jsonl"))
        for line in p.read_text("utf-8").splitlines()
    ]
    assert len({p.name for p in tmp_path.glob("*.jsonl")}) == 2
    got = {r["id"]: r for r in rows}
    assert set(got) == {d.id for d in docs} - {"empty"}
    for i, text in enumerate(texts()):
        article = clean(text)
        assert got[f"d{i:02d}"]["text"] == article.text
        assert got[f"d{i:02d}"]["metadata"] == json.loads(json.dumps(expected_metadata(article)))
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text("utf-8"))
    (newsclean_stats,) = [s for s in stats if "NewsClean" in s["name"]]
    assert newsclean_stats["stats"]["dropped"] == 1
    assert newsclean_stats["stats"]["forwarded"] == len(texts())


def test_jsonl_reader_to_writer(tmp_path: Path) -> None:
    """The example in docs/scale.md: JSONL in, cleaned JSONL out (datatrove[io] readers)."""
    pytest.importorskip("orjson")
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    (tmp_path / "in").mkdir()
    records = [{"id": f"a{i}", "text": t} for i, t in enumerate(texts()[:6])]
    (tmp_path / "in" / "part.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), "utf-8"
    )
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            NewsClean(),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    (written,) = (tmp_path / "out").glob("*.jsonl")
    rows = [json.loads(line) for line in written.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for record, row in zip(records, rows, strict=True):
        article = clean(record["text"])
        assert row["text"] == article.text
        assert row["metadata"]["title"] == article.title
        assert row["metadata"]["newsclean_id"] == article.id
        assert row["metadata"]["removed"] == article.to_dict()["metadata"]["removed"]
