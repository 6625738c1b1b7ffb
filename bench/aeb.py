"""Article body extraction on the 181-page article-extraction benchmark in ``../shared/bench/aeb``.

    python bench/aeb.py [--bench ../shared/bench/aeb] [--worst 15] [--limit N]

Scores, in one run and on the same pages: newsclean (``clean(html=…)``: trafilatura, then the
cleaner chain), trafilatura with default settings, trafilatura with ``favor_precision=True``, and
readability-lxml when it is installed (``pip install readability-lxml``). Prints F1, precision,
recall and milliseconds per page, then the pages where newsclean loses most against the best
other system, with the lines it kept or dropped wrongly: its paragraphs that are mostly not in
the gold body, and the gold paragraphs mostly missing from its output.

The metric is the benchmark's own, reimplemented here: each text is split into ``\\w+`` tokens
(case kept); its shingles are all runs of four consecutive tokens, counted as a multiset (a text
of fewer than four tokens is one shingle). For one page, true positives are the shingles both
texts share (with multiplicity), false positives those only the extraction has, false negatives
those only the gold body has; the three are divided by their sum, so every page weighs the same.
Precision is tp / (tp + fp), averaged over the pages where the extraction has any shingle;
recall is tp / (tp + fn), averaged over the pages whose gold body has any; a page with neither
false positives nor false negatives scores 1 for both. F1 is the harmonic mean of the two
averages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _data import add_data_options, require, require_aeb  # noqa: E402

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    runs = [tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))]
    return Counter(r for r in runs if r)


def page_counts(gold: str, extracted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalized to sum to 1."""
    true, pred = shingles(gold), shingles(extracted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall) over pages."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return 2 * precision * recall / (precision + recall), precision, recall


def page_f1(c: tuple[float, float, float]) -> float:
    p, r = _precision(*c), _recall(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


def systems() -> dict[str, Callable[[bytes, str], str]]:
    import trafilatura

    from newsclean import clean
    from newsclean.html.extract import ExtractionError

    def run_newsclean(html: bytes, url: str) -> str:
        try:
            return clean(html=html, url=url).text
        except ExtractionError:
            return ""

    found: dict[str, Callable[[bytes, str], str]] = {
        "newsclean": run_newsclean,
        "trafilatura": lambda html, url: trafilatura.extract(html, url=url) or "",
        "trafilatura precision": lambda html, url: (
            trafilatura.extract(html, url=url, favor_precision=True) or ""
        ),
    }
    try:
        import lxml.html
        from readability import Document

        def run_readability(html: bytes, url: str) -> str:
            summary = Document(html, url=url).summary(html_partial=True)
            return str(lxml.html.fromstring(summary).text_content())

        found["readability-lxml"] = run_readability
    except ImportError:
        print("(readability-lxml is not installed: pip install readability-lxml)", file=sys.stderr)
    return found


def fragments(shingle_counter: Counter[tuple[str, ...]], limit: int = 3) -> list[str]:
    """A few readable pieces of text made of the given shingles."""
    pieces: list[str] = []
    for shingle, _ in shingle_counter.most_common(limit * 4):
        text = " ".join(shingle)
        if not any(text in p for p in pieces):
            pieces.append(text)
        if len(pieces) == limit:
            break
    return pieces


def _contained(paragraph: str, other_tokens: str) -> bool:
    """Whether a paragraph's run of tokens occurs in the other text (for paragraphs too short to
    have a shingle of their own)."""
    tokens = " ".join(_TOKEN.findall(paragraph))
    return bool(tokens) and f" {tokens} " in f" {other_tokens} "


def wrong_lines(text: str, other: str, limit: int = 4, width: int = 110) -> list[str]:
    """The paragraphs of ``text`` that are mostly absent from ``other``, longest loss first: what
    a system kept that the gold body does not have, or the gold lines a system dropped."""
    theirs = shingles(other)
    other_tokens = " ".join(_TOKEN.findall(other))
    found: list[tuple[int, str]] = []
    for paragraph in (p.strip() for p in text.split("\n")):
        tokens = _TOKEN.findall(paragraph)
        if not tokens:
            continue
        if len(tokens) < SHINGLE:
            if not _contained(paragraph, other_tokens):
                found.append((len(tokens), paragraph))
            continue
        own = shingles(paragraph)
        missing = sum((own - theirs).values())
        if missing * 2 > sum(own.values()):
            found.append((missing, paragraph))
    found.sort(key=lambda item: -item[0])
    return [p if len(p) <= width else p[: width - 1] + "…" for _, p in found[:limit]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_options(parser)
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    bench = require_aeb(args)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    for key in keys:
        require(bench / "html" / f"{key}.html.gz", "a page of the benchmark")
    pages = {k: gzip.decompress((bench / "html" / f"{k}.html.gz").read_bytes()) for k in keys}
    runners = systems()
    for run in runners.values():  # load models and caches before timing
        run(pages[keys[0]], truth[keys[0]].get("url", ""))
    # newsclean loads langdetect's own profiles only when a language is unclear, which happens on
    # about one page in a hundred; load them now too, so no page pays for it.
    from newsclean.language.detect import detect_language

    detect_language("load the profiles", exact=True)
    outputs: dict[str, dict[str, str]] = {name: {} for name in runners}
    seconds: dict[str, float] = dict.fromkeys(runners, 0.0)
    for key in keys:
        url = truth[key].get("url", "")
        for name, run in runners.items():  # interleaved, so machine noise hits all alike
            started = time.perf_counter()
            try:
                outputs[name][key] = run(pages[key], url)
            except Exception as exc:  # noqa: BLE001 - a system failing on a page scores 0 there
                print(f"{name} failed on {key[:12]}: {type(exc).__name__}: {exc}", file=sys.stderr)
                outputs[name][key] = ""
            seconds[name] += time.perf_counter() - started
    counts = {
        name: {k: page_counts(truth[k].get("articleBody", ""), out[k]) for k in keys}
        for name, out in outputs.items()
    }
    print(f"{'system':<24}{'F1':>7}{'precision':>11}{'recall':>9}{'ms/page':>10}")
    for name in runners:
        f1, precision, recall = scores(list(counts[name].values()))
        ms = 1000 * seconds[name] / len(keys)
        print(f"{name:<24}{f1:7.4f}{precision:11.4f}{recall:9.4f}{ms:10.1f}")

    others = [n for n in runners if n != "newsclean"]
    losses = []
    for key in keys:
        ours = page_f1(counts["newsclean"][key])
        best = max(others, key=lambda n: page_f1(counts[n][key]))
        losses.append((page_f1(counts[best][key]) - ours, key, best))
    print(f"\nPages where newsclean loses most against the best other system (of {len(keys)}):")
    for loss, key, best in sorted(losses, reverse=True)[: args.worst]:
        if loss <= 0:
            break
        gold, ours = (
            shingles(truth[key].get("articleBody", "")),
            shingles(outputs["newsclean"][key]),
        )
        print(f"\n{key[:12]} {truth[key].get('url', '')}")
        print(
            f"  F1 newsclean {page_f1(counts['newsclean'][key]):.3f}, {best} "
            f"{page_f1(counts[best][key]):.3f}"
        )
        ours_text, gold_text = outputs["newsclean"][key], truth[key].get("articleBody", "")
        kept = wrong_lines(ours_text, gold_text) or [f"…{p}…" for p in fragments(ours - gold)]
        dropped = wrong_lines(gold_text, ours_text) or [f"…{p}…" for p in fragments(gold - ours)]
        for line in kept:
            print(f"  kept wrongly:    {line}")
        for line in dropped:
            print(f"  dropped wrongly: {line}")


if __name__ == "__main__":
    main()
