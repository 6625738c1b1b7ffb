"""A run killed with SIGKILL at random moments (the main process or a worker, ``--jobs 1`` and
``2``, ``--format txt``) and resumed gives exactly the uninterrupted output (``articles.jsonl``,
``rejects.jsonl`` and every ``.txt`` file), never shows a truncated file, and leaves no process
and no temporary file behind.

The suite kills ``NEWSCLEAN_KILL_ROUNDS`` times (default 8); ``bench/kill_resume.py`` runs the
same rounds 50 times over.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from kill_rounds import expected_output, kill_round, make_corpus

ROUNDS = int(os.environ.get("NEWSCLEAN_KILL_ROUNDS", "8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def expected(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return expected_output(corpus, tmp_path_factory.mktemp("whole"))


def test_killed_runs_resume_to_the_same_output(
    corpus: Path, expected: dict[str, bytes], tmp_path: Path
) -> None:
    rng = random.Random(20261205)
    for number in range(ROUNDS):
        what, problems = kill_round(corpus, tmp_path / f"out{number}", expected, rng)
        assert not problems, f"round {number} ({what}): {problems}"
