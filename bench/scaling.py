"""How cleaning time grows with adversarial input: CPU seconds at doubling sizes.

    python bench/scaling.py [--max-size 3200000]

Each row doubles the input; the ratio column should stay near 2 (linear work). Inputs: the
adversarial shapes of ``tests/test_linear_time.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from newsclean import clean  # noqa: E402
from test_linear_time import ADVERSARIAL  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=25_000)
    parser.add_argument("--max-size", type=int, default=1_600_000)
    args = parser.parse_args()
    clean("warm up")
    for name, make in sorted(ADVERSARIAL.items()):
        print(f"\n{name}")
        size, previous = args.start, None
        while size <= args.max_size:
            text = make(size)
            started = time.process_time()
            clean(text)
            seconds = time.process_time() - started
            ratio = f"{seconds / previous:5.2f}x" if previous else "      "
            print(f"  {len(text):>9} chars  {seconds:8.3f} s  {ratio}")
            previous, size = max(seconds, 1e-6), size * 2


if __name__ == "__main__":
    main()
