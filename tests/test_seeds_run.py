"""The README's first command on the bundled seeds, run as a user runs it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, seed_cases

CASES = seed_cases()


def newsclean(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("newsclean")
    command = [exe] if exe else [sys.executable, "-m", "newsclean.cli"]
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("run1"), tmp_path_factory.mktemp("run2")
    for out in (first, second):
        done = newsclean("run", "seeds/", "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert "5 articles written" in done.stderr
    return first, second


def records(out: Path) -> list[dict]:
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_one_record_per_seed_in_input_order(seed_run) -> None:
    recs = records(seed_run[0])
    assert [r["metadata"]["input"] for r in recs] == [f"seeds/{c.input_path.name}" for c in CASES]


def test_seed_records_match_expectations(seed_run) -> None:
    for case, rec in zip(CASES, records(seed_run[0]), strict=True):
        assert rec["text"] == case.expected_text, case.name
        for key, value in case.expected_meta.items():
            assert rec["metadata"][key] == value, (case.name, key)


def test_headline_and_lede_once(seed_run) -> None:
    for case, rec in zip(CASES, records(seed_run[0]), strict=True):
        raw = case.read_input()
        title = rec["metadata"]["title"]
        assert title and title not in rec["text"]
        paragraphs = [p.strip() for p in raw.split("\n\n") if p.strip()]
        first_body = next(p for p in paragraphs if len(p.split()) > 12)
        lede = first_body.split(". ")[0]
        assert rec["text"].count(lede) == 1, case.name


def test_record_schema(seed_run) -> None:
    for rec in records(seed_run[0]):
        assert set(rec) == {"id", "text", "metadata"}
        meta = rec["metadata"]
        for key in (
            "title",
            "published",
            "sitename",
            "source",
            "author",
            "url",
            "language",
            "language_confidence",
            "word_count",
            "input",
            "removed",
            "fixes",
            "newsclean_version",
        ):
            assert key in meta, key
        assert meta["language"] == "en"
        assert all(set(r) == {"cleaner", "reason", "text"} for r in meta["removed"])
        assert all({"cleaner", "before", "after"} <= set(f) for f in meta["fixes"])


def test_second_run_is_byte_identical(seed_run) -> None:
    first, second = seed_run
    assert (first / "articles.jsonl").read_bytes() == (second / "articles.jsonl").read_bytes()
