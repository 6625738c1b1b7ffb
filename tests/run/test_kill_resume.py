"""A run killed with SIGKILL at a random moment and resumed gives exactly the uninterrupted output,
and never leaves a truncated file in view."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import FIXTURES, SEEDS

# Kills in a row that must all resume correctly.
ROUNDS = 20
ARTICLES = "articles.jsonl"


def command(*args: str) -> list[str]:
    exe = shutil.which("newsclean")
    return [exe, *args] if exe else [sys.executable, "-m", "newsclean.cli", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Some 80 inputs: the seeds and fixtures, a JSONL file, and a few bad files."""
    root = tmp_path_factory.mktemp("corpus")
    for n, path in enumerate(sorted(FIXTURES.glob("cases/*/input.txt")) * 2):
        (root / f"{n:03d}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, root / path.name)
    records = [
        json.dumps({"text": p.read_text(encoding="utf-8"), "n": i})
        for i, p in enumerate(sorted(SEEDS.glob("*.txt")))
    ]
    (root / "records.jsonl").write_text("\n".join([*records, "{broken"]) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def expected(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    out = tmp_path_factory.mktemp("whole")
    done = subprocess.run(
        command("run", str(corpus), "--out", str(out), "--allow-rejects"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return (out / ARTICLES).read_bytes(), (out / "rejects.jsonl").read_bytes()


def test_killed_runs_resume_to_the_same_output(corpus: Path, expected, tmp_path: Path) -> None:
    rng = random.Random(20261122)
    for round_ in range(ROUNDS):
        out = tmp_path / f"out{round_}"
        args = command("run", str(corpus), "--out", str(out), "--allow-rejects", "--quiet")
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 3.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Whatever the moment, nothing half-written is in view.
        if (out / ARTICLES).exists():
            assert (out / ARTICLES).read_bytes() == expected[0]
        resumed = subprocess.run([*args, "--resume"], capture_output=True, text=True, timeout=600)
        assert resumed.returncode == 0, resumed.stderr
        assert (out / ARTICLES).read_bytes() == expected[0], f"round {round_}"
        assert (out / "rejects.jsonl").read_bytes() == expected[1], f"round {round_}"
        assert not [p for p in os.listdir(out) if p.startswith(".")], "partial files left behind"
