"""Issue 20, filters and --no-audit: --language and --min-words turn articles into rejects that
say why, the rest is the unfiltered run's; the journal knows the filters; --no-audit leaves the
audit trail out and makes the output at least 30% smaller on the seeds and fixtures."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest
from test_stats import corpus, interrupted, invoke, records


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("filters") / "in")


@pytest.fixture(scope="module")
def unfiltered(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("unfiltered") / "out"
    result = invoke("run", inputs, "--out", out, "-j", "1", "--allow-rejects", "-q")
    assert result.exit_code == 0, result.output
    return out


def run(inputs: Path, out: Path, *options: str) -> tuple[list[dict], list[dict]]:
    result = invoke("run", inputs, "--out", out, "-j", "1", "--allow-rejects", "-q", *options)
    assert result.exit_code == 0, result.output
    return records(out / "articles.jsonl"), records(out / "rejects.jsonl")


def by_input(articles: list[dict]) -> dict[str, dict]:
    return {a["metadata"]["input"]: a for a in articles}


def test_language_keeps_those_asked_and_rejects_the_rest_saying_why(
    inputs: Path, unfiltered: Path, tmp_path: Path
) -> None:
    every = by_input(records(unfiltered / "articles.jsonl"))
    assert {"en", "de"} <= {a["metadata"]["language"] for a in every.values()}
    articles, rejects = run(inputs, tmp_path / "out", "--language", "DE")
    dropped = [r for r in rejects if r["error"] == "language"]
    assert articles and dropped
    assert all(a["metadata"]["language"] == "de" for a in articles)
    assert by_input(articles) == {
        k: a for k, a in every.items() if a["metadata"]["language"] == "de"
    }
    assert {r["input"] for r in dropped} == {
        k for k, a in every.items() if a["metadata"]["language"] != "de"
    }
    for reject in dropped:
        assert reject["language"] == every[reject["input"]]["metadata"]["language"]
        assert reject["message"].startswith(f"language {reject['language']}, not one of de")
    stats = json.loads((tmp_path / "out" / "stats.json").read_text(encoding="utf-8"))
    assert stats["rejects_by_kind"]["language"] == len(dropped)
    assert stats["languages"] == {"de": len(articles)}


def test_min_words_rejects_shorter_articles_as_too_short(
    inputs: Path, unfiltered: Path, tmp_path: Path
) -> None:
    every = by_input(records(unfiltered / "articles.jsonl"))
    limit = int(statistics.median(a["metadata"]["word_count"] for a in every.values()))
    articles, rejects = run(inputs, tmp_path / "out", "--min-words", str(limit))
    short = [r for r in rejects if r["error"] == "too_short"]
    assert by_input(articles) == {
        k: a for k, a in every.items() if a["metadata"]["word_count"] >= limit
    }
    assert {r["input"]: r["word_count"] for r in short} == {
        k: a["metadata"]["word_count"]
        for k, a in every.items()
        if a["metadata"]["word_count"] < limit
    }
    assert all(f"fewer than {limit} (--min-words)" in r["message"] for r in short)


def test_a_resume_with_other_filters_is_refused(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    interrupted(inputs, out, monkeypatch, "--min-words", "50", "--allow-rejects")
    result = invoke("run", inputs, "--out", out, "--resume", "--min-words", "60")
    assert result.exit_code == 2
    assert "other options: filters" in result.output and "min_words" in result.output
    result = invoke(
        "run", inputs, "--out", out, "--resume", "--min-words", "50", "-j", "1", "--allow-rejects"
    )
    assert result.exit_code == 0, result.output
    assert all(a["metadata"]["word_count"] >= 50 for a in records(out / "articles.jsonl"))


def test_no_audit_leaves_the_trail_out_and_is_30_percent_smaller(
    inputs: Path, unfiltered: Path, tmp_path: Path
) -> None:
    articles, rejects = run(inputs, tmp_path / "out", "--no-audit")
    full = records(unfiltered / "articles.jsonl")
    assert all("removed" not in a["metadata"] and "fixes" not in a["metadata"] for a in articles)
    assert all("removed" not in r and "fixes" not in r for r in rejects)
    for audited in full:
        del audited["metadata"]["removed"], audited["metadata"]["fixes"]
    assert articles == full
    small = sum((tmp_path / "out" / n).stat().st_size for n in ("articles.jsonl", "rejects.jsonl"))
    big = sum((unfiltered / n).stat().st_size for n in ("articles.jsonl", "rejects.jsonl"))
    print(f"--no-audit: {small} bytes against {big}: {1 - small / big:.0%} smaller")
    assert small <= 0.7 * big
