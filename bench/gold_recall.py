"""How much real article text does newsclean remove? Cleans the gold article bodies of the
article-extraction benchmark in ``../shared/bench/aeb`` (text that is all article, no junk) and
reports the share of words each cleaner removed, and the pages that lost the most.

A perfect score is 0 words removed: every removal here is a false positive. Headlines do not
occur in the gold bodies, so a first line taken for a headline (and moved to ``title``) counts as
a loss too.

    python bench/gold_recall.py [--bench ../shared/bench/aeb] [--show 10]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from newsclean import clean

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import add_data_options, require_aeb  # noqa: E402

_WORD = re.compile(r"\w+", re.UNICODE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_options(parser)
    parser.add_argument("--show", type=int, default=10, help="pages to list (most words lost)")
    args = parser.parse_args()
    bench = require_aeb(args)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))

    total_words = 0
    lost_by_cleaner: Counter[str] = Counter()
    losses: list[tuple[int, str, list[tuple[str, str]]]] = []
    started = time.perf_counter()
    for key, item in sorted(truth.items()):
        body = item.get("articleBody") or ""
        if not body.strip():
            continue
        total_words += len(_WORD.findall(body))
        article = clean(body)
        removed = [(r.cleaner, r.text) for r in article.removed]
        lost = 0
        for cleaner, text in removed:
            n = len(_WORD.findall(text))
            lost_by_cleaner[cleaner] += n
            lost += n
        if lost:
            losses.append((lost, key, removed))
    seconds = time.perf_counter() - started

    lost_total = sum(lost_by_cleaner.values())
    print(f"pages: {len(truth)}, gold words: {total_words}, seconds: {seconds:.1f}")
    print(f"words removed from gold article text: {lost_total} ({lost_total / total_words:.4%})")
    print(f"pages losing any text: {len(losses)}")
    for cleaner, n in lost_by_cleaner.most_common():
        print(f"  {cleaner:<20} {n:>6} words")
    for lost, key, removed in sorted(losses, reverse=True)[: args.show]:
        print(f"\n{key[:12]} lost {lost} words:")
        for cleaner, text in removed:
            print(f"  [{cleaner}] {text[:110]}")


if __name__ == "__main__":
    main()
