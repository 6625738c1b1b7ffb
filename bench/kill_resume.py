"""Kill ``newsclean run`` with SIGKILL at random moments and resume it: the acceptance figure of
issue 18 (50 moments).

    python bench/kill_resume.py [--rounds 50] [--seed 18]

Each round runs ``newsclean run CORPUS --format txt`` with ``--jobs 1`` or ``2``, kills the main
process, or a worker first and then the main process, after a random delay, then resumes with
``--resume`` and checks (``tests/kill_rounds.py``): no file in view ever differs from the
uninterrupted run's, no process of the killed run is left after 5 s, the resumed output is
byte-identical to the uninterrupted run's (``articles.jsonl``, ``rejects.jsonl``, every ``.txt``),
and nothing but ``.newsclean/lock`` and ``.newsclean/manifest`` is left beside it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from kill_rounds import expected_output, kill_round, make_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failed = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "corpus").mkdir()
        corpus = make_corpus(root / "corpus")
        expected = expected_output(corpus, root / "whole")
        print(f"uninterrupted run: {len(expected)} files")
        for number in range(args.rounds):
            what, problems = kill_round(corpus, root / f"out{number}", expected, rng)
            failed += bool(problems)
            status = "FAILED: " + "; ".join(problems) if problems else "ok"
            print(f"round {number + 1:3d} ({what}): {status}", flush=True)
    seconds = time.monotonic() - started
    print(f"{args.rounds - failed} of {args.rounds} rounds resumed correctly ({seconds:.0f} s)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
