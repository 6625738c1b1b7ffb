"""What the name step costs: time to clean articles with and without ``name_variants``.

    python bench/names_cost.py [--rounds 5]

Articles: the seeds, the fixtures and the gold article bodies of the benchmark in
``../shared/bench/aeb`` (real text of many sites). Both pipelines clean the same articles in
alternating rounds in one process, so machine noise hits both alike; the report is the ratio of
the median round times.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from newsclean import clean, default_pipeline

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _data import add_data_options, aeb_folder  # noqa: E402


def corpus(bench: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "fixtures" / "cases").glob("*/input.txt"))
    ]
    truth = bench / "ground-truth.json"
    if truth.exists():
        gold = json.loads(truth.read_text(encoding="utf-8"))
        texts += [
            item["articleBody"] for _, item in sorted(gold.items()) if item.get("articleBody")
        ]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    add_data_options(parser)  # the AEB's gold texts are added when present
    args = parser.parse_args()
    texts = corpus(aeb_folder(args))
    with_names = default_pipeline()
    without_names = default_pipeline().without("name_variants")
    for text in texts[:20]:  # warm up: load the gazetteer, langdetect profiles, regex caches
        clean(text, pipeline=with_names)
        clean(text, pipeline=without_names)
    timings: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(args.rounds):
        for label, pipeline in (("without", without_names), ("with", with_names)):
            started = time.perf_counter()
            for text in texts:
                clean(text, pipeline=pipeline)
            timings[label].append(time.perf_counter() - started)
    with_s, without_s = statistics.median(timings["with"]), statistics.median(timings["without"])
    per = 1000 / len(texts)
    print(f"articles: {len(texts)}, rounds: {args.rounds}")
    print(f"without name_variants: {without_s * per:.2f} ms/article")
    print(f"with name_variants:    {with_s * per:.2f} ms/article")
    print(f"name step adds: {with_s / without_s - 1:+.1%}")


if __name__ == "__main__":
    main()
