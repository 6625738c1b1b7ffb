"""Throughput and scale: how fast newsclean cleans, where the time goes, what memory it takes.

    python bench/throughput.py [--articles 20000] [--per-core 3000] [--warm-up 1000]
                               [--turns 30] [--html-rounds 3]
                               [--scaling 20000] [--job-rounds 3] [--memory 1000,100000] [--quick]

Everything is measured in one run, baselines included, because this machine is shared and its
speed varies from minute to minute: compare the ratios, not the absolute figures. What is
compared takes turns: newsclean and its baselines clean a ``--turns``-th of the articles each, in
rotating order, ``--turns`` times over, and ``--jobs 1`` and ``--jobs 2`` run alternately
``--job-rounds`` times each, so that a change in the machine's speed during the run falls on
both sides of a ratio alike.

The one-core rates are those of a long run: before the timed articles, newsclean cleans
``--warm-up`` other articles of the corpus, as a corpus run has by then (its regular expressions
compiled, its bounded caches holding the corpus's vocabulary and recurring boilerplate; the
timed articles' body paragraphs are still new to it). The rate over those first articles is
printed too.

The corpus is built, not fetched: ``--articles`` noisy text articles of about 3 KB, generated with
a fixed seed from the golden fixtures. Each is one fixture's input (its page header, credits,
appeals, navigation and footers kept as they are, since boilerplate does repeat across a
site's articles) with every body paragraph replaced by a new one of two to four sentences drawn
at random from all the fixtures' bodies, plus more such paragraphs in the middle until the
article reaches 3,000 characters. Body paragraphs are therefore practically never repeated,
as in a real corpus, and no cache can serve them. The HTML path reads the 181 pages of the
article-extraction benchmark (``../shared/bench/aeb``), ``--html-rounds`` times over.

Reported:

* text path, one core: articles per second of ``clean()`` (language detection included), next to
  ``ftfy.fix_text`` alone and ``langdetect.detect`` alone on the same articles, and
  ``clean()``'s rate over the warm-up articles;
* time per cleaner (and for splitting, rendering and language identification): the profile that
  says what to optimize next;
* language identification: agreement of newsclean's detector with full default langdetect on a
  multilingual sample (``bench/langid.py`` builds it and says how), when that sample is available;
* HTML path, one core: ``clean(html=…)`` against ``trafilatura.extract`` alone on the same pages;
* ``newsclean run --jobs 1`` against ``--jobs 2`` on ``--scaling`` articles (by default the whole
  corpus; wall time, process start included), and the time ``newsclean run`` takes for a single
  article: the start-up (imports, the language profiles, the first caches) that every process
  pays once, which weighs less in the ratio the longer the run;
* peak resident memory of ``newsclean run --jobs 1`` for each size in ``--memory``: streaming,
  and bounded caches, mean it does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _data import add_data_options, aeb_folder  # noqa: E402

FIXTURES = ROOT / "fixtures"
ARTICLE_CHARS = 3000
T = TypeVar("T")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _cases() -> list[tuple[str, str]]:
    """(input, expected body) of every golden fixture."""
    found = []
    for expected in sorted(FIXTURES.glob("*/*/expected.txt")):
        folder = expected.parent
        inputs = sorted(p for p in folder.iterdir() if p.name.startswith("input"))
        if not inputs:  # the seeds keep their input in seeds/
            seed = ROOT / "seeds" / f"{folder.name}.txt"
            inputs = [seed] if seed.exists() else []
        for path in inputs:
            found.append((path.read_text(encoding="utf-8"), expected.read_text(encoding="utf-8")))
    return found


def build_corpus(n: int, seed: int = 0, size: int = ARTICLE_CHARS) -> list[str]:
    """``n`` noisy articles of about ``size`` characters (see the module docstring)."""
    rng = random.Random(seed)
    cases = _cases()
    sentences = sorted(
        {
            s.strip()
            for _, body in cases
            for para in body.split("\n\n")
            for s in _SENTENCE.split(para)
            if len(s.split()) >= 6
        }
    )

    def paragraph() -> str:
        return " ".join(rng.sample(sentences, rng.randint(2, 4)))

    articles = []
    for _ in range(n):
        source, body = cases[rng.randrange(len(cases))]
        body_paragraphs = set(body.split("\n\n"))
        parts = [paragraph() if p.strip() in body_paragraphs else p for p in source.split("\n\n")]
        middle = max(1, len(parts) // 2)
        while sum(len(p) + 2 for p in parts) < size:
            parts.insert(middle, paragraph())
        articles.append("\n\n".join(parts))
    return articles


def rates(
    funcs: dict[str, Callable[[T], object]], items: list[T], rounds: int = 10
) -> dict[str, float]:
    """Items per second of each of ``funcs`` over ``items``, on this core: per second of this
    process's CPU time, which other processes on a shared machine disturb less than the wall
    clock. The functions take turns, ``rounds`` slices of the items at a time, the order of
    turns rotating, so that when the machine speeds up or slows down during the run (it does,
    by 30% and more) every function meets the change alike and the ratios hold."""
    spent = dict.fromkeys(funcs, 0.0)
    names = list(funcs)
    size = -(-len(items) // rounds)
    for turn, start in enumerate(range(0, len(items), size)):
        chunk = items[start : start + size]
        for name in names[turn % len(names) :] + names[: turn % len(names)]:
            func = funcs[name]
            started = time.process_time()
            for item in chunk:
                func(item)
            spent[name] += time.process_time() - started
    return {name: len(items) / seconds for name, seconds in spent.items()}


def profile(articles: list[str]) -> tuple[Counter[str], float]:
    """Seconds spent per cleaner (and in splitting, rendering and language identification) over
    ``articles``, and the total."""
    import importlib

    clean_module = importlib.import_module("newsclean.cleaning")
    language_module = importlib.import_module("newsclean.language.detect")
    names_module = importlib.import_module("newsclean.cleaners.name_variants")
    from newsclean import clean
    from newsclean.pipeline import Pipeline

    spent: Counter[str] = Counter()
    inside: list[str] = []  # the cleaner running now, if any

    def timed(name: str, func: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            started = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                seconds = time.process_time() - started
                spent[name] += seconds
                if inside:  # counted here, not in the cleaner that asked
                    spent[inside[-1]] -= seconds

        return wrapper

    def run(self: Pipeline, doc: object) -> object:
        for cleaner in self:
            inside.append(cleaner.name)
            started = time.process_time()
            cleaner.apply(doc)  # type: ignore[arg-type]
            spent[cleaner.name] += time.process_time() - started
            inside.pop()
        return doc

    patches = [
        (Pipeline, "run", run),
        (clean_module, "segment", timed("(split into blocks)", clean_module.segment)),
        (clean_module, "render", timed("(render text)", clean_module.render)),
        (language_module, "detect_language", timed("(language)", language_module.detect_language)),
        (names_module, "detect_language", timed("(language)", names_module.detect_language)),
    ]
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    for obj, name, value in patches:
        setattr(obj, name, value)
    try:
        started = time.process_time()
        for text in articles:
            clean(text)
        total = time.process_time() - started
    finally:
        for obj, name, value in saved:
            setattr(obj, name, value)
    return spent, total


def aeb_pages(bench: Path) -> list[tuple[bytes, str]]:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        path = bench / "html" / f"{key}.html.gz"
        if path.exists():
            pages.append((gzip.decompress(path.read_bytes()), truth[key].get("url") or ""))
    return pages


def write_jsonl(path: Path, articles: Iterable[str]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(articles):
            out.write(json.dumps({"text": text, "n": i}, ensure_ascii=False) + "\n")


_PEAK_RSS = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def newsclean_run(source: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB; the largest of the process and its workers) of
    ``newsclean run`` on ``source``, in a fresh process."""
    command = [sys.executable, "-m", "newsclean.cli", "run", str(source), "--out", str(out)]
    command += ["--jobs", str(jobs), "--quiet"]
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, *command], capture_output=True, text=True, check=True
    )
    seconds, peak, code = result.stdout.split()
    if code != "0":
        raise RuntimeError(f"newsclean run failed ({code}): {result.stderr}")
    return float(seconds), int(peak)


def langid_agreement() -> str | None:
    """The language-identification agreement line from ``bench/langid.py``, if it can run."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import langid  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        sample = langid.build_sample(seed=0)
        result = langid.agreement(sample)
    except Exception as exc:  # noqa: BLE001 - a missing text source must not end the benchmark
        return f"language identification: sample not available ({exc})"
    return (
        f"language identification: {100 * result['overall']:.2f}% of {result['pieces']} pieces in"
        f" {len(result['languages'])} languages agree with full langdetect (bench/langid.py)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000, help="size of the text corpus")
    parser.add_argument("--per-core", type=int, default=3000, help="articles timed on one core")
    parser.add_argument("--warm-up", type=int, default=1000, help="articles cleaned first")
    parser.add_argument("--turns", type=int, default=30, help="turns of the one-core timing")
    parser.add_argument("--html-rounds", type=int, default=3)
    parser.add_argument("--scaling", type=int, default=20_000, help="articles for --jobs 1 vs 2")
    parser.add_argument("--job-rounds", type=int, default=3, help="runs of each --jobs value")
    parser.add_argument("--memory", default="1000,100000", help="corpus sizes for peak RSS")
    add_data_options(parser)  # the HTML path is skipped, saying so, without the AEB pages
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    args = parser.parse_args()
    args.bench = aeb_folder(args)
    if args.quick:
        args.articles, args.per_core, args.html_rounds, args.warm_up = 2000, 300, 1, 100
        args.scaling, args.memory = 1000, "200,2000"

    import ftfy
    import langdetect
    import trafilatura

    from newsclean import clean

    langdetect.DetectorFactory.seed = 0
    corpus = build_corpus(args.articles)
    sample = corpus[: args.per_core]
    size = statistics.mean(len(a.encode()) for a in sample)
    print(f"corpus: {len(corpus)} articles, {size / 1000:.1f} KB on average\n")

    for warm in corpus[-20:]:  # load models and data files before timing
        ftfy.fix_text(warm)
        langdetect.detect(warm)
    warm_up = corpus[-args.warm_up :] if args.warm_up else []  # neither timed nor profiled
    started = time.process_time()
    for text in warm_up:
        clean(text)
    warm_seconds = time.process_time() - started
    print("text path, one core (articles/s; same articles, taking turns):")
    text_rates = rates(
        {
            "newsclean clean()": clean,
            "ftfy.fix_text alone": ftfy.fix_text,
            "langdetect.detect alone": langdetect.detect,
        },
        sample,
        rounds=args.turns,
    )
    for name, value in text_rates.items():
        print(f"  {name:<26} {value:8.0f}")
    ours, ftfy_rate = text_rates["newsclean clean()"], text_rates["ftfy.fix_text alone"]
    print(
        f"  newsclean against ftfy alone: {ours / ftfy_rate:.2f}x the rate; against langdetect"
        f" alone: {ours / text_rates['langdetect.detect alone']:.1f}x"
    )
    if warm_up:
        print(
            f"  newsclean clean() over its first {len(warm_up)} articles (the warm-up, caches"
            f" filling): {len(warm_up) / warm_seconds:.0f}/s"
        )
    agreement = langid_agreement()
    if agreement:
        print(f"  {agreement}")

    spent, total = profile(corpus[args.per_core : 2 * args.per_core])  # not yet seen
    n = min(args.per_core, len(corpus) - args.per_core)
    print(f"\ntime per article by step ({n} other articles, {1000 * total / n:.2f} ms in all):")
    for name, seconds in spent.most_common():
        print(f"  {name:<22} {1000 * seconds / n:7.3f} ms  {100 * seconds / total:5.1f}%")

    if args.bench.exists():
        once = aeb_pages(args.bench)
        pages = once * args.html_rounds
        for html, url in once[:5]:  # load trafilatura's and newsclean's data before timing
            clean(html=html, url=url)
            trafilatura.extract(html, url=url)

        def newsclean_html(page: tuple[bytes, str]) -> object:
            try:
                return clean(html=page[0], url=page[1])
            except ValueError:
                return None

        def trafilatura_html(page: tuple[bytes, str]) -> object:
            return trafilatura.extract(page[0], url=page[1])

        # The first pass meets every page (and every name in it) for the first time; later
        # rounds find the words and names newsclean remembers, as in a corpus of one outlet.
        rounds = [("first pass, nothing remembered", once[5:])]
        if args.html_rounds > 1:
            rounds.append((f"{args.html_rounds - 1} more rounds", pages[len(once) :]))
        print(f"\nHTML path, one core ({len(once)} pages, {args.html_rounds} rounds):")
        for label, chosen in rounds:
            html_rates = rates({"ours": newsclean_html, "theirs": trafilatura_html}, chosen)
            ours, theirs = html_rates["ours"], html_rates["theirs"]
            print(
                f"  {label}: newsclean clean(html=) {ours:6.1f} pages/s, trafilatura.extract"
                f" alone {theirs:6.1f} pages/s; time ratio {theirs / ours:.3f}"
            )
    else:
        print(f"\nHTML path: {args.bench} not found, skipped")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "scaling.jsonl"
        write_jsonl(source, (corpus[i % len(corpus)] for i in range(args.scaling)))
        print(
            f"\nnewsclean run on {args.scaling} articles (wall time, process start included;"
            f" --jobs 1 and 2 taking turns, {args.job_rounds} rounds):"
        )
        walls = {1: 0.0, 2: 0.0}
        for turn in range(args.job_rounds):
            for jobs in (1, 2) if turn % 2 == 0 else (2, 1):
                seconds, _ = newsclean_run(source, work / f"out{jobs}", jobs)
                walls[jobs] += seconds
                per_second = args.scaling / seconds
                print(f"  --jobs {jobs}: {seconds:7.1f} s  {per_second:7.0f} articles/s")
        same = (work / "out1" / "articles.jsonl").read_bytes() == (
            work / "out2" / "articles.jsonl"
        ).read_bytes()
        print(f"  speed-up with 2 jobs: {walls[1] / walls[2]:.2f}x; outputs identical: {same}")
        print(f"  cores available: {os.cpu_count()}")
        single = work / "single.jsonl"
        write_jsonl(single, corpus[:1])
        seconds, _ = newsclean_run(single, work / "single", 1)
        print(f"  start-up: newsclean run on a single article takes {seconds:.2f} s")

        # One process does all the work with --jobs 1, so its peak is the whole run's (the
        # peaks of worker processes started from a fork server are not reported to this one).
        print("\npeak resident memory of newsclean run --jobs 1:")
        for count in (int(x) for x in args.memory.split(",")):
            source = work / f"memory{count}.jsonl"
            write_jsonl(source, (corpus[i % len(corpus)] for i in range(count)))
            seconds, peak = newsclean_run(source, work / f"mem{count}", 1)
            print(f"  {count:>7} articles: {peak / 1024:7.1f} MB  ({seconds:.0f} s)")
            source.unlink()


if __name__ == "__main__":
    main()
