"""Instructions per article of the text path, counted by valgrind: a speed figure that does not
depend on what else the machine is doing, for comparing two versions of newsclean.

    python bench/instructions.py [--articles 200] [--warm-up 100] [--against REV]

Seconds on a shared machine vary by 15% or more from one minute to the next; the number of
instructions a run executes does not (valgrind's callgrind tool counts them, the same count for
the same program and input). The figure is the difference between two runs of ``clean()`` over
the articles of ``bench/throughput.py``'s corpus — one cleaning ``--warm-up`` articles, one
cleaning ``--articles`` more after them — divided by ``--articles``: start-up, imports and the
first articles' filling of caches cancel out. Hash randomization is fixed (``PYTHONHASHSEED=0``)
so that both runs take the same paths through dicts and sets.

``--against REV`` counts a git revision too (checked out into a temporary work tree), in the same
run, and prints the ratio. Instructions are not time (a cache miss costs more than an addition),
but over the same kind of work they track it closely. Needs ``valgrind`` (Debian: ``apt-get
install valgrind``); each count takes about a minute, valgrind being some fifty times slower
than the program it runs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Run under valgrind: cleans the warm-up articles, then the measured ones.
_CHILD = """
import sys
sys.path.insert(0, sys.argv[1] + "/bench")
from throughput import build_corpus
from newsclean import clean
warm_up, measured, built = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
for text in build_corpus(built, seed=1)[: warm_up + measured]:
    clean(text)
"""
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(tree: Path, warm_up: int, measured: int, built: int) -> int:
    """Instructions executed by building a corpus of ``built`` articles and cleaning its first
    ``warm_up`` then ``measured`` articles with the newsclean in ``tree``, start-up included."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), PYTHONHASHSEED="0")
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, "-c", _CHILD, str(tree), str(warm_up), str(measured), str(built)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = _COLLECTED.search(result.stderr)
    if result.returncode != 0 or not found:
        raise RuntimeError(f"valgrind run failed ({result.returncode}): {result.stderr[-2000:]}")
    return int(found.group(1))


def per_article(tree: Path, warm_up: int, articles: int) -> float:
    """Instructions per article beyond the warm-up (see the module docstring)."""
    built = warm_up + articles  # the same corpus in both runs
    both = instructions(tree, warm_up, articles, built) - instructions(tree, warm_up, 0, built)
    return both / articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200, help="articles measured")
    parser.add_argument("--warm-up", type=int, default=100, help="articles cleaned first")
    parser.add_argument("--against", metavar="REV", help="a git revision to count as well")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    here = per_article(ROOT, args.warm_up, args.articles)
    print(f"this tree:  {here / 1e6:8.3f} M instructions per article")
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            tree = Path(tmp) / "tree"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.against],
                check=True,
                capture_output=True,
            )
            try:
                there = per_article(tree, args.warm_up, args.articles)
            finally:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    check=False,
                    capture_output=True,
                )
        print(f"{args.against:<11} {there / 1e6:8.3f} M instructions per article")
        print(f"ratio: {here / there:.3f} (below 1: this tree does less work)")


if __name__ == "__main__":
    main()
