"""Language identification: the fast detector against full default langdetect, on real prose.

    python bench/langid.py [--seed 0] [--long 30] [--short 30] [--man /usr/share/man] [--show 10]

Prints, for each language and overall, how often ``newsclean.language.detect_language`` (the
fast, default path) gives the same language as full default langdetect (``langdetect.detect``
on the whole piece, with ``DetectorFactory.seed = 0``), and the milliseconds per piece of each,
measured in the same run on the same pieces; then the pieces they disagree on.

The sample is built at run time from translated manual pages, so no text is kept in the
repository. Debian ships them per language; on Debian or Ubuntu (as root)::

    apt-get update
    apt-get install -y manpages manpages-cs manpages-da manpages-de manpages-el manpages-es \\
        manpages-fi manpages-fr manpages-hu manpages-id manpages-it manpages-ja manpages-mk \\
        manpages-nb manpages-nl manpages-pl manpages-pt-br manpages-ro manpages-ru manpages-sv \\
        manpages-tr manpages-uk manpages-vi manpages-zh

(``dpkg`` must not be configured to drop ``/usr/share/man``, as some container images are.)
Each ``/usr/share/man/<locale>/`` directory is one language (``man1`` … ``man8`` directly under
``/usr/share/man`` are English); languages with too few pages are left out. Every page is read
from its gzipped roff source, its macros and escapes stripped; code blocks (``.nf``/``.EX``)
and tables are dropped, and only paragraphs of at least 100 characters whose characters are
mostly letters are kept, so the pieces are running prose rather than option lists. Then, with
a ``random.Random(seed)`` per language and pages taken in shuffled order:

* ``--long`` article-sized pieces per language: consecutive paragraphs of one page joined by
  blank lines until about 3,000 characters, cut at a word boundary (one piece per page);
* ``--short`` short pieces: one paragraph of another page, cut to about 300 characters.

Translated manual pages keep some English (option names, untranslated paragraphs) and their
language is that of the directory only by and large, which is fine here: the figure is
agreement between two detectors on the same text, not accuracy against the directory label.

``build_sample(seed)`` returns the pieces as ``[(language, text), ...]``; ``agreement(sample)``
returns the figures as a dict, for other benchmarks to call.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsclean.language.detect import detect_language  # noqa: E402

MAN = Path("/usr/share/man")
# /usr/share/man/<locale> → langdetect's code for the language.
LOCALES = {
    "cs": "cs",
    "da": "da",
    "de": "de",
    "el": "el",
    "es": "es",
    "fi": "fi",
    "fr": "fr",
    "hu": "hu",
    "id": "id",
    "it": "it",
    "ja": "ja",
    "ko": "ko",
    "mk": "mk",
    "nb": "no",
    "nl": "nl",
    "pl": "pl",
    "pt_BR": "pt",
    "ro": "ro",
    "ru": "ru",
    "sv": "sv",
    "tr": "tr",
    "uk": "uk",
    "vi": "vi",
    "zh_CN": "zh-cn",
    "zh_TW": "zh-tw",
}
LONG_CHARS = 3000
SHORT_CHARS = 300
MIN_PARAGRAPH = 100
# A language needs this many usable pages to be in the sample.
MIN_PAGES = 5

_FONT = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)")
_SPECIAL = re.compile(r"\\(?:\(..|\[[^\]]*\]|\*(?:\(..|\[[^\]]*\]|.)|[sv][-+]?\d+|[hwn]'[^']*')")
_ESCAPE = re.compile(r"\\(.)")
_SPECIALS = {"\\(em": " — ", "\\(en": "–", "\\(aq": "'", "\\(lq": "“", "\\(rq": "”"}
_ESCAPES = {"-": "-", "e": "\\", " ": " ", "~": " "}
_TEXT_MACROS = {"B", "I", "BR", "IR", "RB", "RI", "BI", "IB", "SM", "SB", "UR", "MT"}
_BREAK_MACROS = {"PP", "P", "LP", "TP", "IP", "HP", "sp", "br", "SH", "SS", "RS", "RE", "TQ", "in"}
_SKIP = {("nf", "fi"), ("EX", "EE"), ("TS", "TE"), ("de", ".."), ("ig", "..")}


def _unescape(line: str) -> str:
    line = _FONT.sub("", line)
    line = _SPECIAL.sub(lambda m: _SPECIALS.get(m.group(0), ""), line)
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), ""), line)


def paragraphs(roff: str) -> list[str]:
    """The running-text paragraphs of a roff manual page."""
    found: list[str] = []
    current: list[str] = []
    skip_until: str | None = None

    def close() -> None:
        text = " ".join(" ".join(current).split())
        current.clear()
        letters = sum(c.isalpha() for c in text)
        if len(text) >= MIN_PARAGRAPH and letters >= 0.7 * len(text.replace(" ", "")):
            found.append(text)

    for line in roff.splitlines():
        if skip_until is not None:
            if line.startswith("." + skip_until):
                skip_until = None
            continue
        if line.startswith((".", "'")):
            parts = line[1:].split(None, 1)
            macro = parts[0] if parts else ""
            ends = [end for start, end in _SKIP if start == macro]
            if ends:
                close()
                skip_until = ends[0]
            elif macro in _TEXT_MACROS and len(parts) > 1:
                current.append(_unescape(parts[1].replace('"', "")))
            elif macro in _BREAK_MACROS or not macro.startswith("\\"):
                close()
            continue
        if line.strip():
            current.append(_unescape(line))
        else:
            close()
    close()
    return found


def _pages(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("man*/*.gz") if p.is_file())


def _read(page: Path) -> list[str]:
    try:
        roff = gzip.decompress(page.read_bytes()).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    if roff.lstrip().startswith(".so "):
        return []  # a link to another page
    return paragraphs(roff)


def _cut(text: str, size: int) -> str:
    """``text`` cut to about ``size`` characters, at a space."""
    if len(text) <= size:
        return text
    space = text.rfind(" ", 0, size)
    return text[: space if space > size // 2 else size]


def build_sample(
    seed: int = 0, long: int = 30, short: int = 30, man: Path = MAN
) -> list[tuple[str, str]]:
    """``[(language, text), ...]``: up to ``long`` ~3,000-character and ``short`` ~300-character
    pieces of translated manual pages per language (see the module's docstring)."""
    sample: list[tuple[str, str]] = []
    sources = [(code, man / locale) for locale, code in sorted(LOCALES.items())]
    sources.append(("en", man))
    for code, directory in sources:
        if not directory.is_dir():
            continue
        pages = _pages(directory)
        rng = random.Random(f"{seed}:{code}")
        rng.shuffle(pages)
        pieces: list[str] = []
        snippets: list[str] = []
        used = 0
        for page in pages:
            if len(pieces) >= long and len(snippets) >= short:
                break
            found = _read(page)
            if not found:
                continue
            used += 1
            if len(pieces) < long and sum(map(len, found)) >= LONG_CHARS:
                tails = [sum(map(len, found[i:])) for i in range(len(found))]
                start = rng.choice([i for i, tail in enumerate(tails) if tail >= LONG_CHARS])
                pieces.append(_cut("\n\n".join(found[start:]), LONG_CHARS))
            elif len(snippets) < short:
                snippets.append(_cut(rng.choice(found), SHORT_CHARS))
        if used >= MIN_PAGES:
            sample += [(code, text) for text in pieces + snippets]
    return sample


def _langdetect(sample: list[tuple[str, str]], seed: int) -> tuple[list[str | None], list[float]]:
    """Full default langdetect's answers (``detect()`` on the whole piece), and the seconds each
    took."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = seed
    try:
        detect("warm up the profiles")
        answers: list[str | None] = []
        seconds = []
        for _, text in sample:
            started = time.perf_counter()
            try:
                answers.append(detect(text))
            except LangDetectException:
                answers.append(None)
            seconds.append(time.perf_counter() - started)
        return answers, seconds
    finally:
        DetectorFactory.seed = 0


def agreement(sample: list[tuple[str, str]], noise: bool = False) -> dict[str, Any]:
    """Agreement of the fast detector with full default langdetect on ``sample``.

    Returns ``{"overall": fraction, "pieces": n, "languages": {code: {"agree": fraction,
    "pieces": n}}, "fast_ms": ms per piece (first pass, nothing remembered), "fast_warm_ms":
    ms per piece (second pass), "langdetect_ms": ms per piece, "long_ms": the same three for
    the pieces over 1,000 characters only, "disagreements": [(label, fast, langdetect,
    text), ...]}``; with ``noise``, also ``"langdetect_self"``: how often langdetect seeded 1
    agrees with langdetect seeded 0, the ceiling any deterministic detector can reach."""
    import newsclean.language.detect as language

    detect_language("warm up the profiles")
    language.forget()
    long = [len(text) > 1000 for _, text in sample]
    passes = []
    for _ in range(2):  # cold, then with every token remembered
        fast, seconds = [], []
        for _, text in sample:
            started = time.perf_counter()
            fast.append(detect_language(text)[0])
            seconds.append(time.perf_counter() - started)
        passes.append(seconds)
    full, full_seconds = _langdetect(sample, 0)

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    disagreements = []
    for (label, text), mine, theirs in zip(sample, fast, full, strict=True):
        counts[label][1] += 1
        if mine == theirs:
            counts[label][0] += 1
        else:
            disagreements.append((label, mine, theirs, text))
    n = len(sample)

    def ms(seconds: list[float], only_long: bool = False) -> float:
        chosen = [s for s, is_long in zip(seconds, long, strict=True) if is_long or not only_long]
        return 1000 * sum(chosen) / len(chosen) if chosen else 0.0

    result = {
        "overall": (n - len(disagreements)) / n if n else 0.0,
        "pieces": n,
        "languages": {
            code: {"agree": agree / total, "pieces": total}
            for code, (agree, total) in sorted(counts.items())
        },
        "fast_ms": ms(passes[0]),
        "fast_warm_ms": ms(passes[1]),
        "langdetect_ms": ms(full_seconds),
        "long_ms": {
            "pieces": sum(long),
            "fast": ms(passes[0], True),
            "fast_warm": ms(passes[1], True),
            "langdetect": ms(full_seconds, True),
        },
        "disagreements": disagreements,
    }
    if noise:
        other, _ = _langdetect(sample, 1)
        result["langdetect_self"] = sum(a == b for a, b in zip(full, other, strict=True)) / n
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--long", type=int, default=30, help="~3,000-character pieces per language")
    parser.add_argument("--short", type=int, default=30, help="~300-character pieces per language")
    parser.add_argument("--man", type=Path, default=MAN, help="where the manual pages are")
    parser.add_argument("--show", type=int, default=10, help="disagreements to print")
    parser.add_argument(
        "--noise", action="store_true", help="also langdetect seeded 1 against seeded 0"
    )
    args = parser.parse_args()
    sample = build_sample(args.seed, args.long, args.short, args.man)
    if not sample:
        sys.exit(f"no manual pages under {args.man}: see the docstring of {__file__}")
    sizes = [len(text) for _, text in sample]
    print(
        f"{len(sample)} pieces, {len({c for c, _ in sample})} languages, "
        f"{sum(sizes) / len(sizes):.0f} characters on average"
    )
    result = agreement(sample, noise=args.noise)
    print("agreement with full default langdetect, by directory language:")
    for code, row in result["languages"].items():
        print(f"  {code:6} {row['agree']:7.2%}  of {row['pieces']}")
    print(f"overall {result['overall']:.2%} of {result['pieces']} pieces")
    if "langdetect_self" in result:
        print(f"langdetect seeded 1 against seeded 0: {result['langdetect_self']:.2%}")
    print(
        f"ms/piece: fast {result['fast_ms']:.3f} (first pass), {result['fast_warm_ms']:.3f} "
        f"(second pass); langdetect {result['langdetect_ms']:.3f}"
    )
    long = result["long_ms"]
    print(
        f"ms/piece over 1,000 characters ({long['pieces']}): fast {long['fast']:.3f} (first "
        f"pass), {long['fast_warm']:.3f} (second pass); langdetect {long['langdetect']:.3f}"
    )
    for label, mine, theirs, text in result["disagreements"][: args.show]:
        print(f"\n[{label}] fast={mine} langdetect={theirs} ({len(text)} chars): {text[:200]!r}")


if __name__ == "__main__":
    main()
