"""Evaluate newsclean's name-variant matching on real variant pairs and near misses.

    python bench/names/evaluate.py [--show 20]

Three measurements, all of the decision ``name_variants`` takes inside one article (two
spellings present, do they become one, and which one), *without* the gazetteer:

1. variant accuracy — for each row of ``variants.csv`` (an English-convention spelling and another
   romanization of the same Cyrillic original, as printed by the press or by a transliteration
   standard), the two spellings must become one, and the English one must win. Multi-word names
   count when every word pair does.
2. false merges on ``near_misses.csv`` — pairs that must stay apart (different people with near
   names, German or English look-alikes, translations, different Cyrillic originals).
3. false merges across names — every pair of English spellings of *different* Cyrillic originals
   in ``variants.csv`` (tens of thousands of pairs), which must never become one.

Then, separately, how many variant spellings the bundled gazetteer maps to the right English form
on its own (not independent of the gazetteer's contents; reported for coverage only).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from newsclean.names.gazetteer import NAME, Gazetteer
from newsclean.names.variants import (
    bundled_gazetteer,
    candidate_forms,
    choose_canonical,
    clusters,
)
from newsclean.pipeline import default_lexicon

HERE = Path(__file__).resolve().parent
_SPLIT = re.compile(r"[\s-]+")
EMPTY = Gazetteer({})


def unified(a: str, b: str, stop: frozenset[str]) -> str | None:
    """What ``name_variants`` makes of an article holding one ``a`` and one ``b``: the one
    spelling both become, or None if they stay apart."""
    if a == b:
        return a
    counts = Counter([a, b])
    for cluster in clusters(candidate_forms(counts, stop, set())):
        if a in cluster and b in cluster:
            return choose_canonical(cluster, counts, EMPTY)
    return None


def unified_name(a: str, b: str, stop: frozenset[str]) -> str | None:
    """Word by word for multi-word names; None unless every word pair is one spelling."""
    # Tokens as the cleaner sees them: a trailing apostrophe (soft sign) is not part of a word.
    wa = [w.rstrip("'’ʹ") for w in _SPLIT.split(a.strip())]
    wb = [w.rstrip("'’ʹ") for w in _SPLIT.split(b.strip())]
    if len(wa) != len(wb):
        return None
    out = []
    for x, y in zip(wa, wb, strict=True):
        if x.casefold() == y.casefold():
            out.append(x)
            continue
        if not (NAME.fullmatch(x) and NAME.fullmatch(y)):
            return None
        result = unified(x, y, stop)
        if result is None:
            return None
        out.append(result)
    return " ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=15, help="failures to list")
    args = parser.parse_args()
    stop = default_lexicon().labels("name_variants", "not_transliterations")
    started = time.perf_counter()

    rows = list(csv.DictReader((HERE / "variants.csv").open(encoding="utf-8")))
    by_convention: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for row in rows:
        english, variant = row["english"], row["variant"]
        ok = unified_name(variant, english, stop) == " ".join(_SPLIT.split(english.strip()))
        by_convention[row["convention"]][0] += ok
        by_convention[row["convention"]][1] += 1
        if not ok:
            misses.append(
                (row["convention"], variant, english, unified_name(variant, english, stop))
            )
    correct = sum(c for c, _ in by_convention.values())

    near = list(csv.DictReader((HERE / "near_misses.csv").open(encoding="utf-8")))
    near_merged = [
        (r["a"], r["b"], r["reason"]) for r in near if unified_name(r["a"], r["b"], stop)
    ]

    originals: dict[str, str] = {}
    for row in rows:
        originals.setdefault(row["english"], row["cyrillic"])
    english_forms = sorted(originals)
    cross = [
        (a, b) for a, b in itertools.combinations(english_forms, 2) if originals[a] != originals[b]
    ]
    cross_merged = [(a, b) for a, b in cross if unified_name(a, b, stop)]

    gazetteer = bundled_gazetteer()
    covered = sum(gazetteer.canonical(r["variant"]) == r["english"] for r in rows)
    seconds = time.perf_counter() - started

    print(
        f"variant pairs: {len(rows)}  accuracy: {correct / len(rows):.2%} ({correct}/{len(rows)})"
    )
    for convention, (ok, n) in sorted(by_convention.items()):
        print(f"  {convention:<12} {ok}/{n}")
    print(
        f"near misses: {len(near)}  false merges: {len(near_merged)} "
        f"({len(near_merged) / len(near):.2%})"
    )
    print(
        f"different names pairwise: {len(cross)}  false merges: {len(cross_merged)} "
        f"({len(cross_merged) / max(1, len(cross)):.3%})"
    )
    print(f"gazetteer alone maps {covered}/{len(rows)} variants to the English form (coverage)")
    print(f"seconds: {seconds:.1f}")
    if misses:
        print("\nmissed variant pairs (convention, variant, english, result):")
        for miss in misses[: args.show]:
            print("  ", *miss)
    for a, b, reason in near_merged[: args.show]:
        print(f"  FALSE MERGE near miss: {a} / {b} ({reason})")
    for a, b in cross_merged[: args.show]:
        print(f"  FALSE MERGE different names: {a} / {b}")


if __name__ == "__main__":
    main()
