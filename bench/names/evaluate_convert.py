"""German-only, mixed-spelling and English-only control articles through the name step.

    python bench/names/build_pairs.py        # once: bench/names/generated/pairs.tsv
    python bench/names/evaluate_convert.py [--half held|dev] [--show 20]

Articles are written from English template sentences (``articles.py``) around names of the
chosen half of ``pairs.tsv`` (people: a given name and a surname of one gender; places):

1. German-only: every name only in its German (Duden) spelling. Score: the share of name
   mentions that come out exactly in the English target form, the given name included.
2. Mixed: each name once in English and once in German. Score: the same share.
3. Controls: English-only articles holding accepted English alternatives (Zelenskyy, Lukashenka,
   Chornobyl, Odessa, "Odessa, Texas", Kiev, Wladimir Klitschko), English forms of the held-out
   names, German words and place names, and German, Polish, Czech and English surnames (from the
   ``faker`` package's lists). Score: the share of articles in which anything changed.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

from newsclean.cleaners.name_variants import NameVariants
from newsclean.document import Document
from newsclean.pipeline import default_lexicon
from newsclean.segment import render, segment

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles import controls, german_only, mixed, people_and_places  # noqa: E402

SEED = 17


def run(text: str, step: NameVariants) -> tuple[str, int]:
    doc = Document(segment(text), default_lexicon())
    step.apply(doc)
    return render(doc.blocks), len(doc.fixes)


def baseline(text: str) -> str:
    return render(segment(text))


def score(articles: list[tuple[str, list[tuple[str, str]]]], step: NameVariants, show: int) -> None:
    right = total = 0
    misses: dict[tuple[str, str], str] = {}
    for text, expected in articles:
        out, _ = run(text, step)
        for german, english in expected:
            total += 1
            if english in out and german not in out.replace(english, ""):
                right += 1
            elif len(misses) < show:
                misses[german, english] = out
    print(f"  names: {total}  exact: {right / total:.4f} ({right}/{total})")
    for german, english in misses:
        print(f"    miss: {german} -> want {english}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", default="held", choices=["held", "dev"])
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--pairs", type=Path, default=HERE / "generated" / "pairs.tsv")
    args = parser.parse_args()
    with args.pairs.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["half"] == args.half]
    rng = random.Random(SEED)
    people, places = people_and_places(rows, rng)
    print(f"half: {args.half}  people: {len(people)}  places: {len(places)}")
    step = NameVariants()
    print("German-only articles:")
    score(german_only(people, places, rng), step, args.show)
    print("Mixed-spelling articles:")
    score(mixed(people, places, rng), step, args.show)
    changed = 0
    arts = controls(people, places, rng)
    shown = 0
    for text in arts:
        out, fixes = run(text, step)
        text = baseline(text)
        if out != text or fixes:
            changed += 1
            if shown < args.show:
                shown += 1
                diff = [(a, b) for a, b in zip(text.split(), out.split(), strict=False) if a != b]
                print(f"    changed: {diff[:4]}")
    print(f"English-only controls: {len(arts)}  changed: {changed} ({changed / len(arts):.2%})")


if __name__ == "__main__":
    main()
