"""Issue 20, run statistics: ``stats.json`` holds the totals over the records published beside
it, after an uninterrupted run and after an interrupted one that was resumed; the summary shows
them."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import FIXTURES, SEEDS, interrupted, records
from newsclean.cli import app


def invoke(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args])


def corpus(root: Path) -> Path:
    """The seeds and the fixtures' inputs, and an empty file (a reject)."""
    root.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, root / path.name)
    for path in sorted(FIXTURES.glob("cases/*/input.txt")):
        shutil.copy(path, root / f"fixture-{path.parent.name}.txt")
    (root / "empty.txt").write_bytes(b"")
    return root


def counted(out: Path) -> dict:
    """The totals, counted here from the records without newsclean's code."""
    articles = records(out / "articles.jsonl")
    rejects = records(out / "rejects.jsonl")
    removals: Counter[str] = Counter()
    words: Counter[str] = Counter()
    fixes: Counter[str] = Counter()
    for article in articles:
        for removal in article["metadata"]["removed"]:
            removals[removal["cleaner"]] += 1
            words[removal["cleaner"]] += len(removal["text"].split())
        for fix in article["metadata"]["fixes"]:
            fixes[fix["cleaner"]] += 1
    return {
        "articles": len(articles),
        "words": sum(a["metadata"]["word_count"] for a in articles),
        "rejects": len(rejects),
        "rejects_by_kind": dict(Counter(r["error"] for r in rejects)),
        "removals": dict(removals),
        "words_removed": dict(words),
        "fixes": dict(fixes),
        "languages": dict(Counter(a["metadata"]["language"] or "unknown" for a in articles)),
    }


def from_stats(out: Path) -> dict:
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    cleaners = stats["cleaners"]
    return {
        "articles": stats["articles"],
        "words": stats["words"],
        "rejects": stats["rejects"],
        "rejects_by_kind": stats["rejects_by_kind"],
        "removals": {k: v["removals"] for k, v in cleaners.items() if v["removals"]},
        "words_removed": {k: v["words_removed"] for k, v in cleaners.items() if v["removals"]},
        "fixes": {k: v["fixes"] for k, v in cleaners.items() if v["fixes"]},
        "languages": stats["languages"],
    }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("stats") / "in")


def test_stats_match_the_records_and_the_summary_shows_them(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("run", inputs, "--out", out, "--jobs", "1", "--allow-rejects")
    assert result.exit_code == 0, result.output
    expected = counted(out)
    assert expected["articles"] > 40 and expected["rejects_by_kind"] == {"empty": 1}
    assert sum(expected["removals"].values()) > 100 and expected["fixes"]
    assert from_stats(out) == expected
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert stats["seconds"] > 0 and stats["resumed"] == 0
    top = max(expected["words_removed"], key=lambda k: expected["words_removed"][k])
    row = next(line for line in result.output.splitlines() if line.strip().startswith(top + " "))
    assert row.split()[1:4] == [
        str(expected["removals"][top]),
        str(expected["words_removed"][top]),
        str(expected["fixes"].get(top, 0)),
    ]
    assert f"articles {expected['articles']} " in result.output
    quiet = invoke("run", inputs, "--out", tmp_path / "q", "-q", "--allow-rejects")
    assert quiet.exit_code == 0 and "words removed" not in quiet.output
    assert "words removed" in result.output


def test_stats_after_an_interrupted_run_is_resumed(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    interrupted(inputs, out, monkeypatch, "--allow-rejects")
    assert not (out / "stats.json").exists()
    assert (out / ".newsclean" / "staging" / "articles.jsonl").stat().st_size > 0
    result = invoke("run", inputs, "--out", out, "--jobs", "1", "--allow-rejects", "--resume")
    assert result.exit_code == 0, result.output
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert stats["resumed"] == 3
    assert from_stats(out) == counted(out)
    whole = tmp_path / "whole"
    assert invoke("run", inputs, "--out", whole, "-j", "1", "--allow-rejects").exit_code == 0
    assert from_stats(whole) == from_stats(out)
